"""Every preference objective of the dpo job runs 2 real TRL steps on the tiny policy (in-process, no subprocess):
DPO's offered loss types, DPO + NLL (CPO-style), CPO (sigmoid and SimPO), ORPO, KTO from pairs and from
judgements."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import torch

from engine.feedback.judgements import Judgement, new_submission_id, submit
from engine.jobs.context import JobContext
from engine.jobs.dpo import DpoJobConfig, check_objective, prepare, run
from tests.engine.feedback.helpers import stored_request

pytestmark = pytest.mark.slow


def _weights(folder: Path | str) -> dict[str, torch.Tensor]:
    from safetensors.torch import load_file

    return load_file(str(Path(folder) / "model.safetensors"))


def _train(store, tmp_path: Path, **overrides) -> tuple[list[dict], dict]:
    """Prepare and run a dpo job in this process; returns its events and the registered model's artifact."""
    values = {
        "policy": "tiny-sft",
        "learning_rate": 1e-3,
        "batch_size": 4,
        "epochs": 1,
        "max_pairs": 8,
        "eval_every": 1000,
        "save_every": 1000,
        "max_length": 128,
        "model_name": "aligned",
    }
    config = DpoJobConfig(**{**values, **overrides})
    run_dir = tmp_path / "run"
    (run_dir / "inputs").mkdir(parents=True)
    prepare(config, store, run_dir)
    ctx = JobContext(run_dir, heartbeat_s=60)
    t0 = time.monotonic()
    try:
        run(config, ctx)
    finally:
        ctx.close()
    print(f"{config.objective}/{config.loss_type}: {time.monotonic() - t0:.1f}s")
    events = [json.loads(line) for line in (run_dir / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    (artifact,) = [e for e in events if e["type"] == "artifact"]
    return events, artifact


def _check_two_steps(events: list[dict], artifact: dict, policy_dir: Path) -> dict:
    progress = [e for e in events if e["type"] == "progress"]
    assert progress[-1]["done"] == 2 and progress[-1]["total"] == 2
    losses = [e["values"]["loss"] for e in events if e["type"] == "metric" and "loss" in e["values"]]
    assert losses and all(v == v for v in losses), losses  # logged and not NaN
    meta = artifact["metadata"]
    assert meta["steps"] == 2 and artifact["name"] == "aligned" and artifact["parent"] == "tiny-sft"
    before, after = _weights(policy_dir), _weights(artifact["path"])
    assert any(not torch.equal(before[k], after[k]) for k in before), "the objective left the policy unchanged"
    return meta


@pytest.mark.parametrize("loss_type", ["ipo", "robust", "hinge", "apo_zero", "sigmoid_norm"])
def test_dpo_loss_types_train_two_steps(store, tmp_path, tiny_policy, tiny_policy_dir, pair_set, loss_type):
    events, artifact = _train(store, tmp_path, pair_sets=[pair_set], loss_type=loss_type)
    meta = _check_two_steps(events, artifact, tiny_policy_dir)
    assert meta["method"] == "dpo" and meta["loss_type"] == loss_type and meta["train_pairs"] == 8
    assert "eval_rewards_accuracies" in meta  # evaluated on the pair set's validation split


def test_dpo_with_nll_weight_adds_the_sft_loss(store, tmp_path, tiny_policy, tiny_policy_dir, pair_set):
    events, artifact = _train(store, tmp_path, pair_sets=[pair_set], nll_weight=1.0)
    meta = _check_two_steps(events, artifact, tiny_policy_dir)
    assert meta["nll_weight"] == 1.0
    # at step 1 policy = reference, so DPO's sigmoid loss is log 2; the NLL of the untrained tiny model adds ~6
    first = next(e["values"]["loss"] for e in events if e["type"] == "metric" and "loss" in e["values"])
    assert first > 2.0, first


@pytest.mark.parametrize("loss_type", ["sigmoid", "simpo"])
def test_cpo_trains_two_steps_without_a_reference(store, tmp_path, tiny_policy, tiny_policy_dir, pair_set, loss_type):
    events, artifact = _train(store, tmp_path, pair_sets=[pair_set], objective="cpo", loss_type=loss_type)
    meta = _check_two_steps(events, artifact, tiny_policy_dir)
    assert meta["method"] == "cpo" and meta["loss_type"] == loss_type
    keys = {k for e in events if e["type"] == "metric" for k in e["values"]}
    assert {"nll_loss", "rewards_accuracies", "eval_rewards_accuracies"} <= keys, keys


def test_orpo_trains_two_steps(store, tmp_path, tiny_policy, tiny_policy_dir, pair_set):
    events, artifact = _train(store, tmp_path, pair_sets=[pair_set], objective="orpo")
    meta = _check_two_steps(events, artifact, tiny_policy_dir)
    assert meta["method"] == "orpo" and meta["loss_type"] == "orpo"
    keys = {k for e in events if e["type"] == "metric" for k in e["values"]}
    assert {"log_odds_ratio", "nll_loss", "eval_loss"} <= keys, keys


def test_kto_trains_two_steps_from_pairs(store, tmp_path, tiny_policy, tiny_policy_dir, pair_set):
    # KTO's max_pairs counts translations, once (the pairs were cut to it, then their translations again)
    events, artifact = _train(store, tmp_path, pair_sets=[pair_set], objective="kto", max_pairs=8)
    meta = _check_two_steps(events, artifact, tiny_policy_dir)
    assert meta["method"] == "kto" and meta["kto_source"] == "pairs" and meta["train_examples"] == 8
    keys = {k for e in events if e["type"] == "metric" for k in e["values"]}
    assert "kl" in keys and "eval_loss" in keys, keys


def _judge(store, request_id: str, linguist: str, kind: str, **answer) -> None:
    submit(
        store,
        Judgement(
            submission_id=new_submission_id(),
            request_id=request_id,
            linguist=linguist,
            kind=kind,
            shown=[0, 1, 2, 3, 4],
            **answer,
        ),
    )


def test_kto_trains_two_steps_from_judgements_including_none_acceptable(store, tmp_path, tiny_policy, tiny_policy_dir):
    sources = ["The cat is on the table.", "Good morning.", "Where is the station?", "I like tea.", "The door is open."]
    requests = [stored_request(store, source=s) for s in sources]
    _judge(store, requests[0], "Amina", "best", best=2)
    _judge(store, requests[1], "Amina", "ranking", ranking=[1, 0, 2, 3, 4])
    _judge(store, requests[2], "Karim", "none")  # no pair can come of it: five undesirable translations for KTO
    _judge(store, requests[3], "Karim", "post_edit", correction="أحب الشاي.")
    _judge(store, requests[4], "Amina", "none", correction="الباب مفتوح.")
    events, artifact = _train(
        store, tmp_path, objective="kto", kto_source="judgements", max_pairs=8, valid_share_if_missing=0.0
    )
    meta = _check_two_steps(events, artifact, tiny_policy_dir)
    assert meta["kto_source"] == "judgements" and meta["pair_sets"] == []
    logs = [e["message"] for e in events if e["type"] == "log"]
    # good: the pick, the first ranked, the post-edit, the correction; bad: 4 + 4 others, 5 (none), 5 + 5 corrected
    assert any("KTO from 5 judgements (5 used" in m and "4 good, 23 bad" in m for m in logs), logs


def test_settings_an_objective_cannot_use_are_refused():
    with pytest.raises(ValueError, match="CPO objective takes the loss"):
        check_objective(DpoJobConfig(objective="cpo", loss_type="robust"))
    with pytest.raises(ValueError, match="choose the objective 'cpo'"):
        check_objective(DpoJobConfig(objective="dpo", loss_type="simpo"))


def test_kto_from_judgements_needs_judgements_not_pairs(store, tmp_path, tiny_policy):
    run_dir = tmp_path / "run"
    (run_dir / "inputs").mkdir(parents=True)
    with pytest.raises(ValueError, match="no judgements yet"):
        prepare(DpoJobConfig(objective="kto", kto_source="judgements"), store, run_dir)
    with pytest.raises(ValueError, match="choose at least one set of preference pairs"):
        prepare(DpoJobConfig(objective="orpo"), store, run_dir)


def test_kto_from_judgements_as_a_real_job_registers_its_policy(supervisor, store, tiny_policy):
    """The same objective through the studio's own path: config.yaml, a subprocess, ingestion, registration."""
    for source in ("Good morning.", "I like tea.", "The door is open."):
        _judge(store, stored_request(store, source=source), "Amina", "best", best=1)
    config = DpoJobConfig(
        policy="tiny-sft",
        objective="kto",
        kto_source="judgements",
        learning_rate=1e-3,
        batch_size=4,
        epochs=1,
        max_pairs=8,
        eval_every=1000,
        save_every=1000,
        max_length=128,
        valid_share_if_missing=0.0,
        model_name="kto-job",
    )
    run_id = supervisor.start("dpo", config)
    assert supervisor.wait(run_id, timeout_s=300) == "succeeded", store.runs.logs(run_id, tail=30)
    model = store.models.get("kto-job")
    assert model["parent"] == "tiny-sft" and model["run_id"] == run_id
    assert model["metadata"]["method"] == "kto" and model["metadata"]["steps"] == 2
    assert "kl" in set(store.runs.metric_keys(run_id))
