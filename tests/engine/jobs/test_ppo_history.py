"""A resumed PPO run starts from the metric streams it logged before its checkpoint (fast: no training)."""

from __future__ import annotations

from engine.jobs.events import EventWriter
from engine.jobs.ppo import _window_mean, alarms_to_write, keep_up_to_step, logged_history, read_jsonl


def test_a_resumed_run_reads_back_the_streams_up_to_its_checkpoint(tmp_path):
    w = EventWriter(tmp_path)
    w.emit("metric", step=0, values={"heldout_chrf": 2.0})
    for step in range(1, 7):  # cancelled at step 6; the checkpoint is at step 4
        w.emit("metric", step=step, values={"reward_mean": float(step), "kl": None})
    w.emit("metric", step=4, values={"heldout_chrf": 3.0})
    w.emit("log", message="cancelled")
    w.close()
    history = logged_history(tmp_path, 4)
    assert history["reward_mean"] == [(1, 1.0), (2, 2.0), (3, 3.0), (4, 4.0)]  # steps 5-6 are run again
    assert history["heldout_chrf"] == [(0, 2.0), (4, 3.0)]  # the summary's start is the run's start
    assert "kl" not in history
    assert _window_mean(history, "reward_mean")[0] == 2.5
    assert logged_history(tmp_path, 0) == {}


def test_a_resumed_run_drops_the_samples_and_alarms_of_the_steps_it_runs_again(tmp_path):
    # killed at step 9, resumed from the checkpoint at 5: the samples table showed both trajectories' translations at
    # step 8, and an alarm the resumed run never raised
    import json

    samples = tmp_path / "samples.jsonl"
    samples.write_text("".join(json.dumps({"step": s, "output": f"t{s}\u2028x"}) + "\n" for s in (4, 4, 8, 8))
                       + '{"step": 8, "out', encoding="utf-8")  # and a line cut short by the kill
    keep_up_to_step(samples, 5)
    assert [r["step"] for r in read_jsonl(samples)] == [4, 4] and read_jsonl(samples)[0]["output"] == "t4\u2028x"
    keep_up_to_step(tmp_path / "missing.jsonl", 5)  # nothing written yet: nothing to do
    assert not (tmp_path / "missing.jsonl").exists()


def test_an_alarm_that_clears_and_holds_again_at_the_same_step_is_written_once():
    from engine.rl.alarms import Alarm

    trend = Alarm("reward_up_metric_down", 8, "reward up, metric down")
    written: set = set()
    new, active = alarms_to_write([trend], set(), written)
    assert new == [trend]
    new, active = alarms_to_write([], active, written)  # clears for a step
    new, active = alarms_to_write([trend], active, written)  # holds again, naming the same evaluation step
    assert new == [] and active == {"reward_up_metric_down"}
    later = Alarm("reward_up_metric_down", 16, "reward up, metric down")
    assert alarms_to_write([later], set(), written)[0] == [later]  # another evaluation's: written
