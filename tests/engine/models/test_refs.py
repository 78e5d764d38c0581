"""Which model a form or a phase starts from when none is named (engine/models/refs.py)."""

from __future__ import annotations


def test_with_the_sft_model_archived_the_cold_start_forms_still_skip_production(store):
    # the fallback was production: an archived SFT model brought back the promoted final model as the default
    from engine.models.refs import cold_start_base
    from engine.models.registry import archive, promote

    store.models.register("sft", "policy", "/m/sft", stage="sft")
    store.models.register("final", "policy", "/m/final", stage="final", parent="sft")
    promote(store, "final", confirm_name="final")
    assert cold_start_base(store) == "sft"
    archive(store, "sft")
    store.models.register("sft-2", "policy", "/m/sft-2", stage="candidate")
    assert cold_start_base(store) == "sft-2"

