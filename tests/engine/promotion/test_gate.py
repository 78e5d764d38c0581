"""The promotion gate: a candidate that is not better is refused (and the refusal recorded), a better one is
promoted, a lead's override is checked and recorded, and the A/B votes count once there are enough."""

from __future__ import annotations

import pytest

from engine.models.registry import RegistryError, production, promote
from engine.promotion.gate import (
    GatePolicy,
    GateRefused,
    Override,
    evaluate_gate,
    gate_policy,
    override_phrase,
    promote_through_gate,
    set_gate_policy,
)
from tests.engine.compare.helpers import add_evaluation, add_testset, degraded, references


@pytest.fixture
def two_models(store, tmp_path):
    """``prod`` in production and ``cand`` a candidate; returns the test set id (no evaluation yet)."""
    for name, stage in (("prod", "final"), ("cand", "candidate")):
        store.models.register(name, "policy", f"/models/{name}", stage=stage)
    promote(store, "prod", confirm_name="prod")
    return add_testset(store)


def _evaluate(store, tmp_path, testset, prod_outputs, cand_outputs):
    keys = {}
    for model, outputs in (("prod", prod_outputs), ("cand", cand_outputs)):
        keys[model] = add_evaluation(store, tmp_path / model, testset, model, outputs, run_id=f"ev-{model}")
    return keys


def test_a_candidate_without_evaluations_is_refused_with_the_reason(store, two_models):
    verdict = evaluate_gate(store, "cand", two_models)
    assert not verdict.allowed and verdict.gated
    assert "evaluate both" in verdict.reasons[0] and "prod and cand" in verdict.reasons[0]


def test_a_worse_candidate_is_refused_recorded_and_production_stays(store, tmp_path, two_models):
    _evaluate(store, tmp_path, two_models, references(), degraded())
    with pytest.raises(GateRefused, match="not better than production") as refused:
        promote_through_gate(store, "cand", confirm_name="cand", testset_id=two_models)
    assert refused.value.verdict.metric.delta < 0
    assert production(store) == "prod" and store.models.get("cand")["stage"] == "candidate"
    (decision,) = store.promotion.decisions("cand")
    assert decision["outcome"] == "refused" and decision["production"] == "prod"
    assert decision["details"]["metric"]["p_value"] == refused.value.verdict.metric.p_value


def test_an_equal_candidate_is_not_significantly_better(store, tmp_path, two_models):
    # one sentence of eight is better, the others the same: better, but far from significant
    _evaluate(store, tmp_path, two_models, degraded()[:1] + references()[1:], references())
    verdict = evaluate_gate(store, "cand", two_models)
    assert verdict.metric.delta > 0 and verdict.metric.p_value >= 0.05
    assert not verdict.allowed and "not significantly better" in verdict.reasons[0]


def test_a_better_candidate_is_promoted_and_the_decision_recorded(store, tmp_path, two_models):
    _evaluate(store, tmp_path, two_models, degraded(), references())
    verdict = promote_through_gate(store, "cand", confirm_name="cand", testset_id=two_models)
    assert verdict.allowed and verdict.metric.p_value < 0.05 and verdict.metric.delta > 0
    assert production(store) == "cand" and store.models.get("prod")["stage"] == "final"
    assert [d["outcome"] for d in store.promotion.decisions("cand")] == ["allowed"]


def test_evaluations_computed_differently_are_not_set_against_each_other(store, tmp_path, two_models):
    # production's newest chrF without Arabic normalisation against the candidate's with it: 14 against 100 on the
    # same outputs passed the gate; so did a best-of-n candidate against greedy production
    add_evaluation(store, tmp_path / "p", two_models, "prod", degraded(), specs={"chrf": "chrf|raw"})
    add_evaluation(store, tmp_path / "c", two_models, "cand", references(), specs={"chrf": "chrf|normalised"})
    verdict = evaluate_gate(store, "cand", two_models)
    assert not verdict.allowed and verdict.metric is None
    assert "computed differently" in verdict.reasons[0] and "chrf|raw" in verdict.reasons[0]
    add_evaluation(store, tmp_path / "c2", two_models, "cand", references(), specs={"chrf": "chrf|raw"},
                   decoding_label="best-of-8 · ≤64 tokens", run_id="ev-c2")
    verdict = evaluate_gate(store, "cand", two_models)
    assert not verdict.allowed and "best-of-8" in verdict.reasons[0]
    # a candidate evaluation done as production's was is found, also when a newer one is not
    add_evaluation(store, tmp_path / "c3", two_models, "cand", references(), specs={"chrf": "chrf|raw"},
                   run_id="ev-c3")
    add_evaluation(store, tmp_path / "c4", two_models, "cand", references(), specs={"chrf": "chrf|raw"},
                   decoding_label="beam 4 · ≤64 tokens", run_id="ev-c4")
    assert store.evaluations.list(testset_id=two_models)[0]["decoding_label"].startswith("beam")
    verdict = evaluate_gate(store, "cand", two_models)
    assert verdict.allowed and verdict.metric is not None and verdict.metric.delta > 0


def test_ter_is_lower_is_better(store, tmp_path, two_models):
    set_gate_policy(store, GatePolicy(metric="ter"))
    _evaluate(store, tmp_path, two_models, degraded(), references())
    verdict = evaluate_gate(store, "cand", two_models)
    assert verdict.allowed and verdict.metric.mean_candidate < verdict.metric.mean_production


def test_enough_ab_votes_against_the_candidate_refuse_it(store, tmp_path, two_models):
    keys = _evaluate(store, tmp_path, two_models, degraded(), references())
    set_gate_policy(store, GatePolicy(min_ab_votes=4), by="lead")
    assert gate_policy(store).min_ab_votes == 4
    for idx in range(3):  # the linguists prefer production, whatever the metric says
        store.evaluations.record_judgement(two_models, idx, "Amina", keys["prod"], keys["cand"], "left")
    store.evaluations.record_judgement(two_models, 3, "Amina", keys["cand"], keys["prod"], "right")
    store.evaluations.record_judgement(two_models, 4, "Amina", keys["cand"], keys["prod"], "tie")
    verdict = evaluate_gate(store, "cand", two_models)
    assert verdict.metric.passed and verdict.ab.required and not verdict.ab.passed
    assert (verdict.ab.candidate_wins, verdict.ab.production_wins, verdict.ab.ties) == (0, 4, 1)
    assert not verdict.allowed and "do not prefer the candidate" in verdict.reasons[1]
    store.evaluations.record_judgement(two_models, 5, "Karim", keys["cand"], keys["prod"], "left")
    assert evaluate_gate(store, "cand", two_models, GatePolicy(min_ab_votes=10)).allowed  # too few votes: not required


def test_an_override_needs_the_phrase_a_name_and_a_reason_and_is_recorded(store, tmp_path, two_models):
    _evaluate(store, tmp_path, two_models, references(), degraded())
    with pytest.raises(RegistryError, match="type exactly"):
        promote_through_gate(
            store, "cand", confirm_name="cand", testset_id=two_models, override=Override("Lina", "yes", "urgent fix")
        )
    with pytest.raises(RegistryError, match="why"):
        promote_through_gate(
            store,
            "cand",
            confirm_name="cand",
            testset_id=two_models,
            override=Override("Lina", override_phrase("cand"), ""),
        )
    assert production(store) == "prod" and store.promotion.decisions("cand") == []
    verdict = promote_through_gate(
        store,
        "cand",
        confirm_name="cand",
        testset_id=two_models,
        override=Override("Lina", override_phrase("cand"), "terminology fix for a client"),
    )
    assert not verdict.allowed and production(store) == "cand"
    (decision,) = store.promotion.decisions("cand")
    assert decision["outcome"] == "override" and decision["lead"] == "Lina"
    assert decision["confirmation"] == "override gate for cand"
    assert decision["override_reason"] == "terminology fix for a client"
    assert "not better than production" in decision["reasons"][0]


@pytest.mark.parametrize("name", ["Amal\u202e\x00 lnahtoN", "   ", "x" * 61])
def test_a_leads_name_is_checked_as_a_linguists_before_anything_is_recorded(store, tmp_path, two_models, name):
    # the record of who changed the gate, or overrode it, took any string: a NUL or an override reordered the line
    _evaluate(store, tmp_path, two_models, references(), degraded())
    with pytest.raises(RegistryError, match="lead"):
        promote_through_gate(store, "cand", confirm_name="cand", testset_id=two_models,
                             override=Override(name, override_phrase("cand"), "urgent fix"))
    assert production(store) == "prod" and store.promotion.decisions("cand") == []  # not promoted unrecorded
    with pytest.raises(ValueError, match="lead|your name"):
        set_gate_policy(store, GatePolicy(alpha=0.5), by=name)
    assert store.promotion.setting("promotion_gate") is None
    set_gate_policy(store, GatePolicy(alpha=0.5), by="  Amal   Nathan ")
    assert store.promotion.setting("promotion_gate")["updated_by"] == "Amal Nathan"


def test_models_that_are_not_candidates_and_the_first_production_are_not_gated(store, tmp_path):
    store.models.register("sft", "policy", "/m/sft", stage="sft")
    store.models.register("cand", "policy", "/m/cand", stage="candidate")
    verdict = promote_through_gate(store, "cand", confirm_name="cand", testset_id=None)
    assert not verdict.gated and production(store) == "cand" and "no production model" in verdict.reasons[0]
    verdict = promote_through_gate(store, "sft", confirm_name="sft", testset_id=None)
    assert not verdict.gated and production(store) == "sft"
    assert store.promotion.decisions() == []


def test_a_bad_policy_is_refused():
    from engine.jobs.config import ConfigError, config_from_dict

    with pytest.raises(ConfigError):
        config_from_dict(GatePolicy, {"alpha": 2.0})
