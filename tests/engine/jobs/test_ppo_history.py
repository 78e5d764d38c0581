"""A resumed PPO run starts from the metric streams it logged before its checkpoint (fast: no training)."""

from __future__ import annotations

from engine.jobs.events import EventWriter
from engine.jobs.ppo import _window_mean, logged_history


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
