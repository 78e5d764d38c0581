"""Each alarm fires on a constructed metric stream and stays quiet on a healthy one."""

from __future__ import annotations

from engine.rl.alarms import AlarmSettings, check_alarms, series_from_rows


def stream(values, start=1):
    return [(start + i, float(v)) for i, v in enumerate(values)]


HEALTHY = {
    "kl": stream([0.0, 0.01, 0.03, 0.05, 0.07, 0.08]),
    "reward_mean": stream([0.1, 0.2, 0.25, 0.3, 0.4, 0.45]),
    "heldout_chrf": stream([20.0, 20.5, 21.0]),
    "degenerate_share": stream([0.1, 0.05, 0.1, 0.05]),
}


def kinds(metrics, **settings):
    return [a.kind for a in check_alarms(metrics, AlarmSettings(**settings))]


def test_a_healthy_run_raises_nothing():
    assert kinds(HEALTHY) == []


def test_kl_above_target():
    assert kinds({**HEALTHY, "kl": stream([0.05, 0.1, 0.25])}) == ["kl_above_target"]
    assert kinds({**HEALTHY, "kl": stream([0.05, 0.1, 0.25])}, kl_target=0.3) == []


def test_kl_target_can_apply_per_token():
    summed = {**HEALTHY, "kl": stream([1.0, 2.0, 3.0]), "kl_per_token": stream([0.05, 0.1, 0.15])}
    assert kinds(summed) == ["kl_above_target"]  # 3.0 summed over a translation
    assert kinds(summed, kl_key="kl_per_token") == []  # 0.15 per token
    alarm = check_alarms({**summed, "kl_per_token": stream([0.1, 0.3])}, AlarmSettings(kl_key="kl_per_token"))[0]
    assert alarm.kind == "kl_above_target" and "0.300 per token" in alarm.message


def test_negative_kl():
    alarms = check_alarms({**HEALTHY, "kl": stream([0.0, -0.06, -0.08, -0.1])})
    assert [a.kind for a in alarms] == ["negative_kl"] and alarms[0].step == 4
    assert kinds({**HEALTHY, "kl": stream([0.05, 0.04, -0.08])}) == []  # one noisy estimate is not an alarm


def test_reward_rising_while_heldout_metric_falls():
    hacked = {**HEALTHY, "heldout_chrf": stream([22.0, 21.5, 19.0])}
    assert kinds(hacked) == ["reward_up_metric_down"]
    flat_reward = {**hacked, "reward_mean": stream([0.5, 0.4, 0.45, 0.3, 0.35, 0.2])}
    assert kinds(flat_reward) == []  # the metric falls but the reward does not rise: not reward hacking


def test_rising_degenerate_share():
    assert kinds({**HEALTHY, "degenerate_share": stream([0.05, 0.1, 0.2, 0.4])}) == ["degenerate_rising"]
    assert kinds({**HEALTHY, "degenerate_share": stream([0.4, 0.4, 0.4, 0.4])}) == []  # high but not rising


def test_mostly_degenerate_outputs_alarm_whether_or_not_the_share_rose():
    # a run degenerate from its start (every output, every step) raised nothing, and the page said "no
    # degeneration detected"
    (alarm,) = check_alarms({**HEALTHY, "degenerate_share": stream([1.0, 1.0, 1.0, 1.0])})
    assert alarm.kind == "degenerate_high" and alarm.message.startswith("100% of outputs are degenerate")
    assert kinds({**HEALTHY, "degenerate_share": stream([0.1, 0.3, 0.6, 0.9])}) == ["degenerate_rising"]  # once


def test_series_from_store_rows():
    rows = [{"step": 2, "key": "kl", "value": 0.3}, {"step": 1, "key": "kl", "value": 0.1},
            {"step": 1, "key": "reward_mean", "value": None}]
    assert series_from_rows(rows) == {"kl": [(1, 0.1), (2, 0.3)]}
