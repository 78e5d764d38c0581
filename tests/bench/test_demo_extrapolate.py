"""The extrapolation benchmark's pieces: the weighted models it registers, and the weight it chooses (the benchmark
itself is not run in CI)."""

from __future__ import annotations

from types import SimpleNamespace

import torch

from bench.demo_extrapolate import best_weight, weighted_models
from engine.models.loading import load_state_dict


def test_weighted_models_are_registered_beside_the_tuned_model(store, tiny_policy, tiny_policy_dir, tmp_path):
    sft = store.models.get(tiny_policy)
    store.models.register("tuned", "policy", str(tiny_policy_dir), stage="cold-start", parent=tiny_policy,
                          metadata={"prompt_format": "tags"})
    tuned = store.models.get("tuned")
    models = weighted_models(SimpleNamespace(store=store), tmp_path, sft, tuned, [0.5, 1.0, 2.0])
    assert models == {1.0: "tuned", 0.5: "tuned-w0.5", 2.0: "tuned-w2"}
    row = store.models.get("tuned-w2")
    assert row["parent"] == "tuned" and row["stage"] == "candidate"
    assert row["metadata"]["extrapolation_weight"] == 2.0 and row["metadata"]["prompt_format"] == "tags"
    # base and tuned are the same weights here, so every point of the line is them
    base = load_state_dict(tiny_policy_dir)
    moved = load_state_dict(row["path"])
    assert all(torch.equal(base[k], moved[k]) for k in base)
    # asked again (a rerun of the benchmark), the registered models are reused
    assert weighted_models(SimpleNamespace(store=store), tmp_path, sft, tuned, [0.5, 2.0]) == models


def test_best_weight_is_the_highest_validation_chrf():
    valid = {"0.5": {"chrf": {"new": 79.6}}, "1": {"chrf": {"new": 79.64}}, "2": {"chrf": {"new": 78.0}}}
    assert best_weight(valid) == 1.0
    valid["2"]["chrf"]["new"] = 80.0
    assert best_weight(valid) == 2.0
