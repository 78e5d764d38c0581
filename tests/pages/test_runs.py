"""The Runs page: the live monitor of one run, and what reading its event log ran into."""

from __future__ import annotations

from engine.jobs.events import EventWriter
from engine.jobs.ingest import ingest_run
from tests.conftest import new_run


def _finished_run(store, workspace, run_id: str, kind: str, title: str, metrics=()) -> None:
    """A run that ran and succeeded, its ``metrics`` (``(step, values)``) logged between, read into the store."""
    run_dir = workspace.run_dir(run_id)
    run_dir.mkdir(parents=True)
    store.runs.create(run_id, kind, title, {}, str(run_dir))
    w = EventWriter(run_dir)
    w.emit("status", status="running")
    for step, values in metrics:
        w.emit("metric", step=step, values=values)
    w.emit("status", status="succeeded")
    w.close()
    ingest_run(store, run_id)


def test_monitor_shows_corrupt_lines_and_a_truncated_event_log(open_page, store, workspace):
    run_dir = new_run(store, workspace, "r1", title="Damaged log")
    w = EventWriter(run_dir)
    w.emit("status", status="running")
    w.emit("metric", step=1, values={"loss": 1.0})
    w.close()
    with (run_dir / "events.jsonl").open("a") as fh:
        fh.write("{not json\n")
    ingest_run(store, "r1")
    (run_dir / "events.jsonl").write_bytes(b"")
    w = EventWriter(run_dir)
    w.emit("status", status="succeeded")
    w.close()
    ingest_run(store, "r1")

    at = open_page("runs")
    warning = " ".join(w.value for w in at.warning)
    assert "1 corrupt line skipped" in warning and "truncated or replaced 1×" in warning, warning
    notes = " ".join(c.value for c in at.code)
    assert "skipped 1 corrupt line" in notes and "truncated" in notes


def test_a_store_held_by_another_process_is_a_message_not_a_traceback(open_page, workspace):
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from engine.store import Store; s = Store(sys.argv[1]); print('held', "
         "flush=True); sys.stdin.read()", str(workspace.db_path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=root, env={**__import__("os").environ,
                                                                              "PYTHONPATH": str(root)})
    try:
        assert holder.stdout.readline().strip() == "held"
        at = open_page("runs")  # asserts that no exception reached the page
        assert any("held by another process" in e.value and f"PID {holder.pid}" in e.value for e in at.error), \
            [e.value for e in at.error]
    finally:
        holder.stdin.close()
        holder.wait(timeout=60)


def test_a_full_disk_while_the_monitor_ingests_is_a_message(open_page, store, workspace):
    import subprocess
    from pathlib import Path

    from studio.state import _open

    run_dir = workspace.run_dir("r1")
    run_dir.mkdir(parents=True)
    store.runs.create("r1", "bootstrap", "Busy", {}, str(run_dir))
    # a live process for the run, working in its folder as a job does: it stays active
    job = subprocess.Popen(["sleep", "300"], start_new_session=True, cwd=run_dir)
    store.runs.set_launched("r1", job.pid)
    at = open_page("runs")
    studio = _open(str(workspace.root))
    wal = Path(f"{workspace.db_path}.wal")
    try:
        with studio.store.db.cursor() as cur:
            cur.execute("CHECKPOINT")
        wal.symlink_to("/dev/full")
        w = EventWriter(run_dir)
        w.emit("status", status="running")  # the page's next refresh ingests it: a write on a full disk
        w.close()
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        assert any("is full" in e.value and "Free some space" in e.value for e in at.error), [e.value for e in at.error]
    finally:
        studio.close()
        _open.clear()
        wal.unlink(missing_ok=True)
        job.kill()
        job.wait()


def test_generic_monitor_titles_its_charts_in_words_and_tables_its_one_off_figures(open_page, store, workspace):
    """Found on the tour (test-artifacts/tour/42-runs.png): a generate run's charts were titled with raw metric
    keys (``distinct_per_source``, ``sources_per_s``, ``tokens_per_s``), and a score run drew ~15 charts of one
    point each; a key logged once is now a row of one table."""
    import json

    _finished_run(store, workspace, "g1", "generate", "Generate candidates", [
        (6, {"distinct_per_source": 1.0, "sources_per_s": 2.9, "tokens_per_s": 131.0}),
        (12, {"sources_per_s": 3.1, "tokens_per_s": 140.0})])

    at = open_page("runs")
    titles = [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]
    assert sorted(titles) == ["Sources per second", "Tokens per second"]
    (table,) = [d.value for d in at.dataframe if "metric" in d.value.columns]
    assert table.to_dict("records") == [{"metric": "Distinct candidates per source", "value": 1.0}]


def test_a_grpo_run_shows_its_reward_and_kl_first_and_its_other_metrics_after(open_page, store, workspace):
    # its 26 metrics were 26 charts in alphabetical order: clip ratios first, the reward and the KL among them
    import json

    step = {"loss": 0.03, "grad_norm": 1.4, "lr": 2e-4, "completions_mean_length": 9.0, "completions_max_length": 32.0,
            "completions_clipped_ratio": 0.01, "rewards_chrf_mean": 0.73, "rewards_chrf_std": 0.3,
            "rewards_checks_mean": -0.01, "rewards_checks_std": 0.09, "reward": 0.72, "reward_std": 0.31,
            "frac_reward_zero_std": 0.25, "kl_per_token": 0.0, "entropy": 0.82, "clip_ratio_low_mean": 0.0,
            "step_time": 1.68}
    _finished_run(store, workspace, "grpo-1", "grpo", "GRPO", [
        (1, step), (2, {**step, "reward": 0.79, "kl_per_token": 0.01}), (3, {"train_runtime": 12.0})])

    at = open_page("runs")
    charts = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    titles = [c["layout"]["title"]["text"].replace("<br>", " ") for c in charts]
    left = (len(titles) + 1) // 2  # two columns, filled alternately: the first column's charts come first here
    in_order = [titles[i // 2 + (i % 2) * left] for i in range(len(titles))]
    assert in_order == [
        "Reward (total and each function's mean)", "KL per token", "Entropy", "Reward spread within a group (std)",
        "Groups whose samples all scored alike (share: no signal)", "Translation length (tokens)",
        "Cut at the length limit (share)", "Loss and gradient norm", "Learning rate", "Clip ratio low mean",
        "Step time"]
    assert len(charts[0]["data"]) == 3  # the total and each reward function's mean
    (table,) = [d.value for d in at.dataframe if "metric" in d.value.columns]
    assert [r["value"] for r in table.to_dict("records")] == [12.0]


def test_resume_of_a_run_whose_folder_is_gone_is_a_message(open_page, store, workspace):
    # Resume raised FileNotFoundError (no config.yaml) into the page
    import shutil

    run_dir = new_run(store, workspace, "r1", title="Gone")
    w = EventWriter(run_dir)
    w.emit("status", status="failed", error="boom")
    w.close()
    ingest_run(store, "r1")
    at = open_page("runs")
    shutil.rmtree(run_dir)
    next(b for b in at.button if b.label == "Resume").click()
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert any("Cannot resume" in e.value and "run folder was deleted or moved" in e.value for e in at.error)


def test_a_long_runs_charts_draw_a_thousand_points_each(open_page, store, workspace):
    # 50,000 PPO steps sent 750,000 points to the browser on every refresh: the page took minutes to appear
    import json

    _finished_run(store, workspace, "g1", "generate", "Long run",
                  [(step, {"sources_per_s": float(step), "tokens_per_s": 2.0 * step}) for step in range(1, 5001)])
    assert len(store.runs.metrics("g1")) == 10_000  # every point stored

    at = open_page("runs")
    traces = [t for c in at.get("plotly_chart") for t in json.loads(c.proto.spec)["data"]]
    assert len(traces) == 2
    for trace in traces:
        assert 900 <= len(trace["x"]) <= 1001 and trace["x"][0] == 1 and trace["x"][-1] == 5000
        assert trace["mode"] == "lines"
    assert any("Long run: each chart draws about 1,000 of its points" in c.value for c in at.caption)


def test_a_link_to_a_run_older_than_the_newest_shown_opens_it_and_filters_reach_old_runs(open_page, store,
                                                                                         workspace):
    # a pipeline step's link to a run outside the newest 200 opened the newest run instead, silently
    for i in range(205):
        kind = "score" if i == 3 else "generate"
        store.runs.create(f"run-{i:03d}", kind, f"Run {i}", {}, str(workspace.run_dir(f"run-{i:03d}")))
    with store.db.transaction() as cur:  # finished runs (a created one is active, and the page polls it)
        cur.execute("UPDATE runs SET status = 'succeeded'")
    at = open_page()
    at.query_params["run"] = "run-000"
    at.switch_page("../pages/runs.py")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.selectbox(key="runs-chosen").value == "run-000"
    assert any("The newest 200 of 205 runs" in c.value for c in at.caption)
    at.multiselect(key="runs-kinds").set_value(["score"])
    at.run()
    assert at.selectbox(key="runs-chosen").options[-1] == "run-003"
    at.query_params["run"] = "no-such-run"
    at.run()
    assert any("There is no run 'no-such-run'" in w.value for w in at.warning)


def test_a_finished_run_says_which_model_it_registered(open_page, store, workspace):
    # the monitor said only "succeeded · N/N steps": the model it registered was in the log alone
    _finished_run(store, workspace, "p1", "ppo", "PPO against the reward model")
    store.models.register("ppo-cold-1", "policy", "/m/ppo-cold-1", stage="cold-start", run_id="p1")
    at = open_page("runs")
    assert any("Registered the cold-start model **ppo\\-cold\\-1**" in s.value for s in at.success), \
        [s.value for s in at.success]
