"""Monitoring aggregates and drift alerts on constructed logs (values chosen so the expected numbers are exact)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from engine.feedback.judgements import Judgement, new_submission_id, submit
from engine.monitor.quality import (
    Observation,
    aggregate,
    alerts,
    drift,
    judgement_observations,
    log_observations,
    period_start,
    post_edit_distance,
    store_observations,
)
from engine.monitor.settings import MonitorSettings
from tests.engine.feedback.helpers import stored_request

T0 = datetime(2026, 11, 2, 9, 0)  # a Monday
RULE = MonitorSettings(baseline_days=7, window_days=7, min_count=20, sigmas=3.0)


def series(model, measure, values, start, step=timedelta(hours=2)):
    return [Observation(model, start + i * step, measure, v) for i, v in enumerate(values)]


def test_periods_start_on_the_day_and_on_monday():
    assert period_start(datetime(2026, 11, 5, 23, 59), "day") == datetime(2026, 11, 5)
    assert period_start(datetime(2026, 11, 8, 23, 59), "week") == datetime(2026, 11, 2)  # Sunday → its Monday
    assert period_start(datetime(2026, 11, 9, 0, 1), "week") == datetime(2026, 11, 9)
    with pytest.raises(ValueError, match="period"):
        period_start(T0, "month")


def test_aggregate_by_day_and_week_per_model():
    obs = series("m1", "reward", [0.2, 0.4], T0, timedelta(hours=1))
    obs += series("m1", "reward", [1.0], T0 + timedelta(days=1))
    obs += series("m1", "degenerate", [1, 0, 0, 0], T0, timedelta(hours=1))
    obs += series("m2", "reward", [0.9], T0 + timedelta(days=8))
    days = aggregate(obs, "day")
    assert [(r["model"], r["measure"], r["period"].day, r["n"], round(r["value"], 6)) for r in days] == [
        ("m1", "degenerate", 2, 4, 0.25),
        ("m1", "reward", 2, 2, 0.3),
        ("m1", "reward", 3, 1, 1.0),
        ("m2", "reward", 10, 1, 0.9),
    ]
    weeks = aggregate(obs, "week")
    assert [(r["model"], r["measure"], r["n"], round(r["value"], 6)) for r in weeks] == [
        ("m1", "degenerate", 4, 0.25),
        ("m1", "reward", 3, round(1.6 / 3, 6)),
        ("m2", "reward", 1, 0.9),
    ]


def test_acceptance_and_post_edit_distance_from_judgements():
    assert post_edit_distance("a b c d", "a b c e") == pytest.approx(0.25)
    assert post_edit_distance("a b c d", "a b c d") == 0.0
    cands = {"r1": [{"position": 0, "text": "القطة على الطاولة"}, {"position": 1, "text": "قطة"}]}
    judgements = [
        {"model": "m", "created_at": T0, "kind": "best", "shown": [0, 1], "request_id": "r1", "correction": None},
        {"model": "m", "created_at": T0, "kind": "ranking", "shown": [0, 1], "request_id": "r1", "correction": None},
        {"model": "m", "created_at": T0, "kind": "none", "shown": [0, 1], "request_id": "r1", "correction": "x"},
        {
            "model": "m",
            "created_at": T0,
            "kind": "post_edit",
            "shown": [0, 1],
            "request_id": "r1",
            "correction": "القطة على المائدة",
        },
    ]
    judgements = [{**j, "linguist": f"L{i}", "id": i} for i, j in enumerate(judgements)]
    obs = judgement_observations(judgements, cands)
    assert [o.value for o in obs if o.measure == "acceptance"] == [1.0, 1.0, 0.0, 0.0]
    [hter] = [o.value for o in obs if o.measure == "post_edit_distance"]
    assert hter == pytest.approx(1 / 3)



def test_acceptance_reads_each_linguists_newest_judgement_and_an_unchanged_edit_accepts():
    # a revision imported from Argilla counted beside the answer it replaced (50 % over 2, not 100 % over 1); a
    # post-edit that changed nothing counted as not accepted
    cands = {"r1": [{"position": 0, "text": "القطة على الطاولة"}, {"position": 1, "text": "قطة"}]}
    first = {"model": "m", "created_at": T0, "kind": "none", "shown": [0, 1], "request_id": "r1", "correction": None,
             "linguist": "Amina", "id": 1}
    revised = {**first, "kind": "best", "best": 0, "created_at": T0 + timedelta(hours=1), "id": 2}
    unchanged = {**first, "kind": "post_edit", "correction": "القطة  على الطاولة", "linguist": "Karim", "id": 3}
    obs = judgement_observations([first, revised, unchanged], cands)
    assert [o.value for o in obs if o.measure == "acceptance"] == [1.0, 1.0]
    assert [o.value for o in obs if o.measure == "post_edit_distance"] == [0.0]


def test_a_steady_model_alerts_about_as_rarely_as_three_sigma_promises():
    # with the window's standard error alone (the baseline mean taken as exact), a model whose quality never
    # changes alerted in 1.6–3 % of checks, where a one-sided 3σ rule gives 0.13 %
    import random

    rng = random.Random(0)
    now = T0 + timedelta(days=20)
    fired = 0
    for _ in range(2000):
        base = series("m1", "reward", [rng.gauss(0.5, 0.1) for _ in range(20)], T0)
        window = series("m1", "reward", [rng.gauss(0.5, 0.1) for _ in range(20)], T0 + timedelta(days=14))
        fired += bool(alerts(base + window, RULE, now))
    assert fired / 2000 < 0.01, fired

def _baseline(model="m1", measure="reward", values=(0.4, 0.6), n=40):
    return series(model, measure, [values[i % len(values)] for i in range(n)], T0)  # 40 × 2 h: within 7 days


def test_a_reward_drop_past_the_control_limit_alerts_and_a_small_one_does_not():
    now = T0 + timedelta(days=20)
    window = T0 + timedelta(days=14)
    # baseline mean 0.5, sd 0.1013 (n 40); with 20 in the window the limit is 0.5 - 3 * 0.1013 * sqrt(1/20 + 1/40)
    # = 0.417: the baseline's mean is an estimate too
    small = _baseline() + series("m1", "reward", [0.45] * 20, window)
    assert alerts(small, RULE, now) == []
    drop = _baseline() + series("m1", "reward", [0.40] * 20, window)
    [alert] = alerts(drop, RULE, now)
    assert (alert.model, alert.measure, alert.n_baseline, alert.n_current) == ("m1", "reward", 40, 20)
    assert alert.baseline == pytest.approx(0.5) and alert.current == pytest.approx(0.4)
    assert alert.limit == pytest.approx(0.5 - 3 * 0.10127 * (1 / 20 + 1 / 40) ** 0.5, abs=1e-4)
    assert "below its control limit" in alert.message() and "m1" in alert.message()
    # the same drop outside the window (older than window_days) does not alert
    assert alerts(drop, RULE, now + timedelta(days=30)) == []


def test_a_rise_of_degenerate_outputs_alerts_even_from_a_clean_baseline():
    clean = _baseline(measure="degenerate", values=(0.0,))
    window = T0 + timedelta(days=10)
    # smoothed p = 1/42, sd 0.1525; limit with 20 in the window: 0.0 + 3 * 0.1525 * sqrt(1/20 + 1/40) = 0.125
    assert alerts(clean + series("m1", "degenerate", [1.0] * 2 + [0.0] * 18, window), RULE, window + timedelta(2)) == []
    [alert] = alerts(clean + series("m1", "degenerate", [1.0] * 3 + [0.0] * 17, window), RULE, window + timedelta(2))
    assert alert.measure == "degenerate" and alert.current == pytest.approx(0.15)
    assert "above its control limit" in alert.message()


def test_no_alert_without_enough_observations_and_each_model_has_its_own_baseline():
    window = T0 + timedelta(days=10)
    few = _baseline() + series("m1", "reward", [0.0] * 19, window)  # 19 < min_count
    assert alerts(few, RULE, window + timedelta(days=2)) == []
    # m2 was promoted later with a lower reward scale: its own first week is its baseline, so no alert
    promoted = T0 + timedelta(days=12)
    m2 = series("m2", "reward", [0.1, 0.3] * 20, promoted) + series("m2", "reward", [0.2] * 20, promoted + timedelta(8))
    assert alerts(_baseline() + m2, RULE, promoted + timedelta(days=10)) == []
    # while the window overlaps the baseline nothing is compared
    assert (
        alerts(_baseline() + series("m1", "reward", [0.0] * 20, T0 + timedelta(days=1)), RULE, T0 + timedelta(3)) == []
    )


def test_a_measure_that_starts_later_than_the_log_has_its_own_baseline():
    # QE configured on day 10: its baseline began at the log's first day, so it was empty and QE could never alert
    degenerate = series("m1", "degenerate", [0.0] * 400, T0, step=timedelta(hours=3))
    qe_from = T0 + timedelta(days=10)
    qe = series("m1", "qe", [0.7, 0.9] * 20, qe_from) + series("m1", "qe", [0.2] * 20, qe_from + timedelta(days=40))
    now = qe_from + timedelta(days=42)
    [alert] = alerts(degenerate + qe, RULE, now)
    assert (alert.measure, alert.n_baseline, alert.n_current) == ("qe", 40, 20)
    assert alert.baseline == pytest.approx(0.8) and alert.current == pytest.approx(0.2)


def test_store_observations_read_the_log_and_the_judgements(store):
    store.translation_log.add(
        [
            {
                "origin": "endpoint",
                "model": "tiny-sft",
                "pair": "en-ar",
                "source": "Hello.",
                "output": "مرحبا.",
                "reward": 0.5,
                "qe": None,
                "degenerate": False,
                "created_at": T0,
            },
            {
                "origin": "batch",
                "model": "tiny-sft",
                "pair": "en-ar",
                "source": "Hello.",
                "output": "Hello.",
                "reward": None,
                "qe": 0.7,
                "degenerate": True,
                "flags": ["copy_of_source"],
                "run_id": "r",
                "line": 1,
                "created_at": T0 + timedelta(days=1),
            },
        ]
    )
    request_id = stored_request(store)
    top = store.feedback.request(request_id)["candidates"][0]["text"]
    submit(
        store,
        Judgement(new_submission_id(), request_id, "Amina", "post_edit", shown=[0, 1, 2], correction=top + " جدا"),
    )
    submit(store, Judgement(new_submission_id(), request_id, "Karim", "best", shown=[0, 1, 2], best=1))
    obs = store_observations(store)
    by = {
        m: [o.value for o in obs if o.measure == m]
        for m in ("reward", "qe", "degenerate", "acceptance", "post_edit_distance")
    }
    assert by["reward"] == [0.5] and by["qe"] == [0.7] and by["degenerate"] == [0.0, 1.0]
    assert by["acceptance"] == [0.0, 1.0]
    assert by["post_edit_distance"] == [pytest.approx(1 / len(top.split() + ["جدا"]))]
    assert store_observations(store, models=["other"]) == []


def test_drift_lists_every_measure_with_its_status():
    window = T0 + timedelta(days=14)
    obs = _baseline() + series("m1", "reward", [0.45] * 20, window) + _baseline(measure="degenerate", values=(0.0,))
    rows = {d.measure: d for d in drift(obs, RULE, window + timedelta(days=3))}
    assert set(rows) == {"reward", "degenerate"}
    assert rows["reward"].status == "ok" and rows["reward"].limit == pytest.approx(0.417, abs=1e-3)
    assert rows["degenerate"].n_current == 0 and rows["degenerate"].current is None
    assert rows["degenerate"].status.startswith("too few observations") and not rows["degenerate"].alerting


def test_rewards_of_two_reward_models_are_two_series():
    # every retrain registers a reward model and the endpoint scores with the newest: pooled, a new scale moved the
    # mean, raising or hiding an alert with no change of model
    when = datetime(2026, 11, 1)
    entries = [{"model": "prod", "rm": rm, "reward": reward, "qe": None, "degenerate": False, "created_at": when}
               for rm, reward in (("rm-1", 0.4), ("rm-2", -120.0), ("rm-1", 0.5))]
    rewards = [o for o in log_observations(entries) if o.measure == "reward"]
    assert [(o.model, o.value) for o in rewards] == [
        ("prod · scored by rm-1", 0.4), ("prod · scored by rm-2", -120.0), ("prod · scored by rm-1", 0.5)]
    degenerate = {o.model for o in log_observations(entries) if o.measure == "degenerate"}
    assert degenerate == {"prod"}  # the other measures stay per model


def test_scores_of_two_qe_models_are_two_series():
    # a lead changed the QE model (CometKiwi ~0.8 → a COMET-QE-DA checkpoint ~0.1): one series dropped and alerted
    # with no change of model
    when = datetime(2026, 11, 1)
    entries = [{"model": "prod", "rm": None, "reward": None, "qe": qe, "qe_model": name, "degenerate": False,
                "created_at": when} for name, qe in (("kiwi", 0.8), ("qe-da", 0.1), (None, 0.5))]
    qe = [(o.model, o.value) for o in log_observations(entries) if o.measure == "qe"]
    assert qe == [("prod · QE by kiwi", 0.8), ("prod · QE by qe-da", 0.1), ("prod", 0.5)]
