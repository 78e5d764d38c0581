"""The model repository: registering versions, their stages, listing and lineage fields."""

from __future__ import annotations

from datetime import datetime, timedelta

import duckdb
import pytest

from engine.store import models as models_module
from engine.store.models import KINDS, STAGES


@pytest.fixture
def clock(monkeypatch):
    """The repository's clock, stepping one second per reading from a fixed start."""
    ticks = iter(datetime(2026, 1, 1) + timedelta(seconds=i) for i in range(10_000))
    monkeypatch.setattr(models_module, "utc_now", lambda: next(ticks))


def test_register_then_get_round_trips_every_field(store):
    store.models.register(
        "ppo-1",
        "policy",
        "/models/ppo-1",
        stage="cold-start",
        parent="sft-0",
        run_id="run-9",
        metadata={"prompt_format": "tags", "note": "نموذج"},
    )
    model = store.models.get("ppo-1")
    assert {k: model[k] for k in ("name", "kind", "stage", "path", "parent", "run_id")} == {
        "name": "ppo-1",
        "kind": "policy",
        "stage": "cold-start",
        "path": "/models/ppo-1",
        "parent": "sft-0",
        "run_id": "run-9",
    }
    assert model["metadata"] == {"prompt_format": "tags", "note": "نموذج"}
    assert model["created_at"] is not None


def test_defaults_are_candidate_with_empty_metadata(store):
    store.models.register("rm-1", "reward", "/m/rm-1")
    model = store.models.get("rm-1")
    assert (model["stage"], model["parent"], model["run_id"], model["metadata"]) == ("candidate", None, None, {})


def test_unknown_model_is_none(store):
    assert store.models.get("nope") is None
    assert store.models.by_run("nope") == []
    assert store.models.sft_model() is None
    assert store.models.stage_before_production("nope") is None


@pytest.mark.parametrize(
    ("kind", "stage", "message"),
    [
        ("critic", "candidate", "model kind must be one of"),
        ("policy", "staging", "model stage must be one of"),
    ],
)
def test_unknown_kinds_and_stages_are_refused_and_nothing_is_stored(store, kind, stage, message):
    with pytest.raises(ValueError, match=message):
        store.models.register("m", kind, "/m", stage=stage)
    assert store.models.get("m") is None


def test_every_declared_kind_and_stage_is_accepted_by_the_table(store):
    for i, stage in enumerate(STAGES):
        store.models.register(f"p{i}", "policy", "/p", stage=stage)
    for kind in KINDS:
        store.models.register(f"k-{kind}", kind, "/k")
    assert sorted(m["stage"] for m in store.models.list(kind="policy") if m["name"] != "k-policy") == sorted(STAGES)
    assert {m["kind"] for m in store.models.list()} == set(KINDS)


def test_registering_a_name_again_moves_it_through_stages_and_keeps_its_creation_time(store, clock):
    store.models.register("p", "policy", "/v1", metadata={"v": 1})
    created = store.models.get("p")["created_at"]
    for stage in ("final", "production", "archived"):
        store.models.register("p", "policy", "/v2", stage=stage, parent="sft", run_id="r2", metadata={"v": 2})
        model = store.models.get("p")
        assert (model["stage"], model["path"], model["parent"], model["run_id"], model["metadata"]) == (
            stage,
            "/v2",
            "sft",
            "r2",
            {"v": 2},
        )
        assert model["created_at"] == created
    assert len(store.models.list()) == 1


def test_register_inside_an_open_transaction_rolls_back_with_it(store):
    with pytest.raises(RuntimeError), store.db.transaction() as cur:
        store.models.register("p", "policy", "/p", cur=cur)
        raise RuntimeError("the ingest failed after registering")
    assert store.models.get("p") is None
    with store.db.transaction() as cur:
        store.models.register("p", "policy", "/p", cur=cur)
    assert store.models.get("p")["path"] == "/p"


def test_list_is_newest_first_and_filters_by_kind_and_stage(store, clock):
    store.models.register("sft-a", "policy", "/a", stage="sft")
    store.models.register("rm", "reward", "/rm")
    store.models.register("sft-b", "policy", "/b", stage="sft")
    store.models.register("ppo", "policy", "/ppo", stage="final", run_id="r1")
    store.models.register("dpo", "policy", "/dpo", run_id="r1")
    assert [m["name"] for m in store.models.list()] == ["dpo", "ppo", "sft-b", "rm", "sft-a"]
    assert [m["name"] for m in store.models.list(kind="policy", stage="sft")] == ["sft-b", "sft-a"]
    assert [m["name"] for m in store.models.list(kind="reward")] == ["rm"]
    assert store.models.list(kind="reward-base") == []
    assert [m["name"] for m in store.models.by_run("r1")] == ["dpo", "ppo"]
    assert store.models.sft_model()["name"] == "sft-b"  # the newest SFT policy
    assert all(isinstance(m["metadata"], dict) for m in store.models.list())


def test_a_reward_model_at_stage_sft_is_not_the_sft_policy(store):
    store.models.register("rm", "reward", "/rm", stage="sft")
    assert store.models.sft_model() is None


def test_stage_before_production_reads_the_newest_promotion(store):
    store.models.register("p", "policy", "/p", stage="production")
    with store.db.transaction() as cur:
        cur.executemany(
            "INSERT INTO promotions (model, previous_production, previous_stage, action, time) VALUES (?, ?, ?, ?, ?)",
            [
                ["p", None, "candidate", "promote", datetime(2026, 1, 1)],
                ["p", None, "final", "rollback", datetime(2026, 1, 2)],
                ["p", "q", "final", "promote", datetime(2026, 1, 3)],
                ["q", "p", "cold-start", "promote", datetime(2026, 1, 4)],
            ],
        )
    assert store.models.stage_before_production("p") == "final"
    assert store.models.stage_before_production("q") == "cold-start"


def test_the_table_refuses_a_stage_the_repository_does_not_know(store):
    with pytest.raises(duckdb.ConstraintException), store.db.transaction() as cur:
        cur.execute("INSERT INTO models (name, kind, stage, path) VALUES ('x', 'policy', 'beta', '/x')")


def test_an_archived_model_is_no_default_anywhere(store):
    # archiving a bad reward model left it ranking the endpoint's translations, and the default of Phase 3 and the
    # pickers, as the newest one
    from engine.models.refs import default_policy, newest_model
    from engine.models.registry import archive
    from engine.monitor.serving import serving_reward_model
    from engine.monitor.settings import load_settings

    store.models.register("rm-old", "reward", "/x/old")
    store.models.register("pol-old", "policy", "/x/p", stage="candidate")
    store.models.register("rm-bad", "reward", "/x/bad")
    store.models.register("pol-bad", "policy", "/x/pb", stage="candidate")
    archive(store, "rm-bad")
    archive(store, "pol-bad")
    assert newest_model(store, "reward") == "rm-old"
    assert serving_reward_model(store, load_settings(store)) == "rm-old"
    assert default_policy(store) == "pol-old"
    assert [m["name"] for m in store.models.in_use("policy")] == ["pol-old"]


def test_the_endpoint_ranks_with_the_served_models_reward_model_not_a_retrains_newer_one(store):
    # a scheduled retrain's fine-tuned reward model (registered, unpromoted) ranked production's translations at
    # once, and a roll-back kept it
    from engine.models.registry import promote, rollback
    from engine.monitor.serving import serving_reward_model
    from engine.monitor.settings import load_settings

    settings = load_settings(store)
    store.models.register("rm-a", "reward", "/x/rm-a")
    store.models.register("sft", "policy", "/x/sft", stage="sft")
    promote(store, "sft", confirm_name="sft")
    store.models.register("rm-retrain", "reward", "/x/rm-r", parent="rm-a")  # the retrain's reward fine-tune
    store.models.register("retrain-1", "policy", "/x/r1", stage="candidate", parent="sft",
                          metadata={"reward_model": "rm-retrain"})
    assert serving_reward_model(store, settings, "sft") == "rm-a"
    promote(store, "retrain-1", confirm_name="retrain-1")
    assert serving_reward_model(store, settings, "retrain-1") == "rm-retrain"
    assert rollback(store, confirm=True) == "sft"
    assert serving_reward_model(store, settings, "sft") == "rm-a"


def test_the_first_reward_model_after_the_promotion_serves_when_none_predates_it(store):
    # the demo's order: production first, its reward model after; a retrain's fine-tune, registered later still,
    # was taken as the newest and ranked production's translations unpromoted
    import time

    from engine.models.registry import promote
    from engine.monitor.serving import serving_reward_model
    from engine.monitor.settings import load_settings

    settings = load_settings(store)
    store.models.register("sft", "policy", "/x/sft", stage="sft")
    promote(store, "sft", confirm_name="sft")
    assert serving_reward_model(store, settings, "sft") is None
    time.sleep(0.01)
    store.models.register("rm-a", "reward", "/x/rm-a")
    assert serving_reward_model(store, settings, "sft") == "rm-a"
    time.sleep(0.01)
    store.models.register("rm-retrain", "reward", "/x/rm-r", parent="rm-a")
    store.models.register("retrain-1", "policy", "/x/r1", stage="candidate", parent="sft",
                          metadata={"reward_model": "rm-retrain"})
    assert serving_reward_model(store, settings, "sft") == "rm-a"
    assert serving_reward_model(store, settings, "retrain-1") == "rm-retrain"
