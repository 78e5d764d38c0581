"""The Models page's promotion gate and retraining schedule: a worse candidate is refused with the reason, a lead
overrides with the typed phrase (recorded), a better one is promoted, and the schedule is saved and checked."""

from __future__ import annotations

from engine.models.registry import production, promote
from engine.promotion.gate import override_phrase
from engine.promotion.schedule import retrain_schedule
from tests.engine.compare.helpers import add_evaluation, add_testset, degraded, references
from tests.pages.conftest import by_label, shown


def _two_models(store, tmp_path, candidate_outputs):
    for name, stage in (("prod", "final"), ("cand", "candidate")):
        (tmp_path / name).mkdir()  # a model whose folder is gone is not promoted
        store.models.register(name, "policy", str(tmp_path / name), stage=stage)
    promote(store, "prod", confirm_name="prod")
    testset = add_testset(store)
    add_evaluation(store, tmp_path / "p", testset, "prod", references()[:1] + degraded()[1:], run_id="ev-p")
    add_evaluation(store, tmp_path / "c", testset, "cand", candidate_outputs, run_id="ev-c")


def _open_candidate(open_page):
    at = open_page("models")
    at.selectbox(key="models-pick").set_value("cand")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_a_worse_candidate_is_refused_with_the_reason_and_a_lead_overrides(open_page, store, tmp_path):
    _two_models(store, tmp_path, degraded())
    at = _open_candidate(open_page)
    refusal = [e.value for e in at.error if e.value.startswith("The gate refuses the promotion")]
    assert refusal and "chrF, mean over sentences: candidate" in refusal[0]
    assert "not better than production" in refusal[0]
    assert "Promote to production" not in [b.label for b in at.button]
    at.text_input(key="models-confirm-cand").input("cand")
    at.text_input(key="models-override-lead-cand").input("Lina")
    at.text_input(key="models-override-reason-cand").input("client asked for its terminology")
    at.text_input(key="models-override-phrase-cand").input("override")
    by_label(at.button, "Override the gate and promote").click()
    at.run()
    assert any("type exactly: override gate for cand" in shown(e.value) for e in at.error)
    assert production(store) == "prod"
    at.text_input(key="models-override-phrase-cand").input(override_phrase("cand"))
    by_label(at.button, "Override the gate and promote").click()
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert production(store) == "cand"
    assert any("the gate was overridden by Lina" in s.value for s in at.success)
    (decision,) = store.promotion.decisions()
    assert decision["outcome"] == "override" and decision["lead"] == "Lina"


def test_a_better_candidate_passes_the_gate_and_is_promoted(open_page, store, tmp_path):
    _two_models(store, tmp_path, references())
    at = _open_candidate(open_page)
    assert any(s.value.startswith("The gate allows the promotion") for s in at.success)
    at.text_input(key="models-confirm-cand").input("cand")
    at.run()
    by_label(at.button, "Promote to production").click()
    at.run()
    assert production(store) == "cand" and store.promotion.decisions()[0]["outcome"] == "allowed"


def test_a_schedule_whose_retrain_cannot_be_built_is_refused_with_the_reason(open_page, store):
    store.models.register("prod", "policy", "/models/prod", stage="final")  # no reward model, no RL corpora
    promote(store, "prod", confirm_name="prod")
    at = open_page("models")
    at.text_input(key="models-policy-lead").input("Lina")
    at.number_input(key="models-schedule-every_judgements").set_value(3)
    by_label(at.button, "Save the schedule").click()
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert any("could not be built with these settings" in e.value for e in at.error)
    assert not retrain_schedule(store)[0].enabled


def test_the_schedule_is_saved_and_its_due_check_shown(open_page, store, demo_corpus):
    store.models.register("rm", "reward", "/models/rm")
    store.models.register("prod", "policy", "/models/prod", stage="final",
                          metadata={"reward_model": "rm", "corpus_ids": [demo_corpus]})
    promote(store, "prod", confirm_name="prod")
    at = open_page("models")
    assert any(c.value.startswith("Retraining: not due — no retraining schedule is set") for c in at.caption)
    at.number_input(key="models-schedule-every_judgements").set_value(50)
    at.number_input(key="models-schedule-every_days").set_value(30.0)
    by_label(at.button, "Save the schedule").click()
    at.run()
    # a change to the schedule (or the gate) is recorded with who made it: it was anonymous
    assert any("recorded with who made it" in e.value for e in at.error) and not retrain_schedule(store)[0].enabled
    at.text_input(key="models-policy-lead").input("Lina")
    by_label(at.button, "Save the schedule").click()
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert store.promotion.setting("retrain_schedule")["updated_by"] == "Lina"
    assert any(c.value.startswith("Last changed by Lina on ") for c in at.caption)
    schedule, _ = retrain_schedule(store)
    assert (schedule.every_judgements, schedule.every_days) == (50, 30.0)
    assert any("not yet: 0 of 50 new judgements, 0.0 of 30 days" in c.value for c in at.caption)

    # a Phase 3 running: *Start a retrain now* is disabled with the reason (it started a rival retrain)
    assert not by_label(at.button, "Start a retrain now").disabled
    store.pipelines.create("manual P3", "phase3", [{"name": "pairs", "kind": "feedback_pairs", "config": {},
                                                    "depends_on": []}])
    at.run()
    button = by_label(at.button, "Start a retrain now")
    assert button.disabled and "a Phase 3 pipeline is running (manual P3)" in button.help

def test_a_gate_policy_change_is_recorded_with_who_made_it(open_page, store):
    # anyone could save alpha 0.5 or a million A/B votes and nothing recorded who weakened the gate
    at = open_page("models")
    at.number_input(key="models-gate-policy-alpha").set_value(0.5)
    by_label(at.button, "Save the gate policy").click()
    at.run()
    assert any("recorded with who made it" in e.value for e in at.error) and store.promotion.setting(
        "promotion_gate") is None
    at.text_input(key="models-policy-lead").input("Omar")
    by_label(at.button, "Save the gate policy").click()
    at.run()
    stored = store.promotion.setting("promotion_gate")
    assert stored["updated_by"] == "Omar" and stored["value"]["alpha"] == 0.5
