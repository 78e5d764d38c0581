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
    # a retrain's candidate, an unpromoted final model: later than the cold start, never its default (review)
    store.models.register("retrain-1", "policy", "/m/retrain-1", stage="candidate", parent="final")
    store.models.register("final-2", "policy", "/m/final-2", stage="final", parent="final")
    assert cold_start_base(store) == "sft"
    store.models.register("sft-2", "policy", "/m/sft-2", stage="sft")
    assert cold_start_base(store) == "sft-2"

