"""``report_to``: every training job can report to an experiment tracker, offered only when its package is
installed, with the run's folder as the logging dir; TensorBoard runs offline here and its event files are read
back with TensorBoard's own reader."""

from __future__ import annotations

import dataclasses
import importlib.util
from pathlib import Path

import pytest

from engine.jobs.dpo import DpoJobConfig
from engine.jobs.grpo import GrpoJobConfig
from engine.jobs.ppo import PPOJobConfig
from engine.jobs.reward import RewardJobConfig
from engine.jobs.reward_finetune import RewardFinetuneJobConfig
from engine.jobs.training import TRACKERS, available_trackers, tracking_args


def _scalars(log_dir: Path) -> dict[str, list[float]]:
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

    files = list(log_dir.rglob("events.out.tfevents.*"))
    assert files, f"no TensorBoard event file under {log_dir}"
    out: dict[str, list[float]] = {}
    for file in files:
        acc = EventAccumulator(str(file))
        acc.Reload()
        for tag in acc.Tags()["scalars"]:
            out.setdefault(tag, []).extend(e.value for e in acc.Scalars(tag))
    return out


@pytest.mark.parametrize("config_cls", [RewardJobConfig, RewardFinetuneJobConfig, DpoJobConfig, GrpoJobConfig,
                                        PPOJobConfig])
def test_every_training_job_offers_only_installed_trackers(config_cls):
    field = {f.name: f for f in dataclasses.fields(config_cls)}["report_to"]
    assert field.default == "none"
    choices = field.metadata["choices"]
    assert choices == available_trackers() and choices[0] == "none"
    for tracker in TRACKERS:
        installed = tracker == "none" or importlib.util.find_spec(tracker) is not None
        assert (tracker in choices) == installed


def test_tracking_args_point_into_the_run_folder_and_refuse_a_missing_tracker(tmp_path):
    class Ctx:
        run_dir = tmp_path / "runs" / "dpo-1"

        @staticmethod
        def log(*a, **k):
            pass

    assert tracking_args("none", Ctx)["report_to"] == []
    if importlib.util.find_spec("tensorboard"):
        args = tracking_args("tensorboard", Ctx)
        assert args["report_to"] == ["tensorboard"] and Path(args["logging_dir"]).parent == Ctx.run_dir.resolve()
    missing = [t for t in ("wandb", "mlflow", "trackio") if importlib.util.find_spec(t) is None]
    if missing:
        with pytest.raises(ValueError, match="not installed"):
            tracking_args(missing[0], Ctx)
    with pytest.raises(ValueError, match="unknown experiment tracker"):
        tracking_args("comet", Ctx)


@pytest.mark.slow
def test_reward_and_dpo_jobs_write_tensorboard_events_in_their_run_folder(supervisor, store, tiny_policy, pair_set):
    pytest.importorskip("tensorboard")
    reward = supervisor.start("reward", RewardJobConfig(
        base_model="tiny-sft", pair_sets=[pair_set], batch_size=16, epochs=1, eval_every=3, save_every=100,
        max_pairs=48, report_to="tensorboard"))
    dpo = supervisor.start("dpo", DpoJobConfig(
        policy="tiny-sft", pair_sets=[pair_set], batch_size=16, epochs=1, eval_every=3, save_every=100,
        max_pairs=48, max_length=128, report_to="tensorboard", learning_rate=1e-3))
    for run_id, expected in ((reward, {"train/loss", "eval/accuracy"}), (dpo, {"train/loss", "train/rewards/margins",
                                                                               "eval/rewards/accuracies"})):
        assert supervisor.wait(run_id, timeout_s=300) == "succeeded", store.runs.logs(run_id, tail=20)
        scalars = _scalars(supervisor.workspace.run_dir(run_id) / "logs")
        assert expected <= set(scalars), sorted(scalars)
        assert all(v == v for v in scalars["train/loss"])  # real numbers, no NaN
        # one event file: the DPO job evaluated again after training (its last step had been evaluated already),
        # which reopened the writer and logged that step's evaluation twice
        assert len(list((supervisor.workspace.run_dir(run_id) / "logs").rglob("events.out.tfevents.*"))) == 1
