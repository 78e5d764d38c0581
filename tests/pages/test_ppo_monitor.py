"""The PPO monitor on the PPO and Runs pages, from a recorded run: charts, alarm history, sample translations."""

from __future__ import annotations

import json

from engine.jobs.events import EventWriter
from engine.jobs.ingest import ingest_run
from engine.jobs.ppo import ALARMS_FILE, SAMPLES_FILE


def recorded_ppo_run(store, workspace, run_id="ppo-1", *, status="cancelled", steps=(0, 4, 8), fired=()):
    """A PPO run as the job leaves it: metric events, samples at ``steps``, the alarms it fired."""
    run_dir = workspace.run_dir(run_id)
    (run_dir / "outputs").mkdir(parents=True)
    store.runs.create(run_id, "ppo", "PPO against the reward model", {"kl_target": 0.2, "kl_measure": "per token"},
                      str(run_dir))
    w = EventWriter(run_dir)
    w.emit("status", status="running")
    for step in range(1, 9):
        w.emit("metric", step=step, values={"kl": 0.5, "kl_per_token": 0.05, "reward_mean": 0.1 * step,
                                            "episodes_per_s": 2.5, "entropy": 1.0, "train_loss": 0.3})
    w.emit("status", status=status)
    w.close()
    with (run_dir / "outputs" / SAMPLES_FILE).open("w", encoding="utf-8") as fh:
        for step in steps:
            # raw U+2028 in a translation, as runs wrote it before json_line: str.splitlines cut the line there
            fh.write(json.dumps({"step": step, "source": f"Good morning {step}", "reference": "صباح الخير",
                                 "translation": f"صباح\u2028{step}", "reward": 0.1}, ensure_ascii=False) + "\n")
    with (run_dir / "outputs" / ALARMS_FILE).open("w") as fh:
        for kind, step in fired:
            fh.write(json.dumps({"kind": kind, "step": step, "message": "…"}) + "\n")
    ingest_run(store, run_id)
    return run_id


def test_alarm_history_is_in_step_order_and_no_all_clear_above_it(open_page, store, workspace, tiny_rm):
    recorded_ppo_run(store, workspace, fired=[("kl_above_target", 32), ("negative_kl", 3),
                                              ("kl_above_target", 11), ("degenerate_rising", 13)])
    at = open_page("ppo")
    assert not at.exception
    assert not any("No alarm: KL within target" in s.value for s in at.success)
    history = " ".join(w.value for w in at.warning)
    assert "4 alarm(s) fired during the run" in history
    assert history.index("@ 3") < history.index("@ 11") < history.index("@ 13") < history.index("@ 32"), history


def test_sample_slider_opens_at_the_newest_step_and_follows_new_ones(open_page, store, workspace, tiny_rm):
    recorded_ppo_run(store, workspace, steps=(0,))
    at = open_page("ppo")
    assert any("Good morning 0" in m.value for m in at.markdown)
    with (workspace.run_dir("ppo-1") / "outputs" / SAMPLES_FILE).open("a", encoding="utf-8") as fh:
        for step in (4, 8):
            fh.write(json.dumps({"step": step, "source": f"Good morning {step}", "reference": "صباح الخير",
                                 "translation": "صباح", "reward": 0.2}, ensure_ascii=False) + "\n")
    at.run()
    assert at.select_slider(key="ppo-samples-ppo-1").value == 8
    assert any("Good morning 8" in m.value for m in at.markdown)
    at.select_slider(key="ppo-samples-ppo-1").set_value(4).run()  # an earlier step chosen by hand stays
    at.run()
    assert at.select_slider(key="ppo-samples-ppo-1").value == 4


def test_runs_page_shows_a_ppo_run_with_the_ppo_monitor(open_page, store, workspace):
    recorded_ppo_run(store, workspace, fired=[("kl_above_target", 5)])
    at = open_page("runs")
    assert not at.exception
    layouts = [json.loads(c.proto.spec)["layout"] for c in at.get("plotly_chart")]
    titles = [layout["title"]["text"].replace("<br>", " ") for layout in layouts]
    assert "Reward (mean, min, max)" in titles and "Throughput (episodes per second)" in titles
    assert "train_loss" not in titles and len(titles) <= 10  # the PPO charts, not one raw chart per metric
    assert any("alarm(s) fired during the run" in w.value for w in at.warning)
    assert any("Policy (greedy)" in m.value for m in at.markdown)


def test_chart_titles_stay_clear_of_the_toolbar(open_page, store, workspace):
    recorded_ppo_run(store, workspace)
    at = open_page("runs")
    for chart in at.get("plotly_chart"):
        layout = json.loads(chart.proto.spec)["layout"]
        assert layout["modebar"]["orientation"] == "v" and layout["title"]["xanchor"] == "left"
        assert all(len(line) <= 36 for line in layout["title"]["text"].split("<br>")), layout["title"]["text"]


def test_a_metric_without_points_says_so(open_page, store, workspace):
    recorded_ppo_run(store, workspace, fired=[("kl_above_target", 5)])
    at = open_page("runs")
    assert any("alarm(s) fired" in w.value for w in at.warning)
    charts = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    empty = [c for c in charts if c["layout"]["title"]["text"].startswith("Held-out chrF")]
    assert empty and empty[0]["layout"]["annotations"][0]["text"] == "no points yet"
