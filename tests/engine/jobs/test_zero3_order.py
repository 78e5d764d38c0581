"""ZeRO-3 shards at load only if DeepSpeed's config is alive when ``from_pretrained`` runs: every job that can run
under DeepSpeed must create its training arguments before it loads a model.

The jobs run in-process under the environment ``accelerate launch`` gives a process with the shipped
``deepspeed_zero3`` config (``ACCELERATE_USE_DEEPSPEED``, the ZeRO stage, ``zero3_init_flag``). The training
arguments then build accelerate's real ``DeepSpeedPlugin``, which registers a ``HfDeepSpeedConfig`` with
transformers — the object ``is_deepspeed_zero3_enabled()`` (and so ``from_pretrained``) reads. DeepSpeed itself
is not installed here (it needs CUDA), and transformers' ``HfDeepSpeedConfig`` needs it, so a stand-in that does
only what matters here — register itself and report its stage — takes its place. A spy on each model loader
records ``is_deepspeed_zero3_enabled()`` at load time, then loads the real model with the config set aside
(the real load under ZeRO-3 would need DeepSpeed); the trainer's constructor stops the job.
"""

from __future__ import annotations

import pytest
import transformers.integrations as hf_integrations
import transformers.integrations.deepspeed as hf_deepspeed
import yaml

from engine.jobs.context import JobContext
from engine.jobs.kinds import job_kind
from engine.jobs.launcher import CONFIGS_DIR

pytestmark = pytest.mark.slow


class TrainerReached(Exception):
    """Raised by the patched trainer constructor: every model of the job is loaded by then."""


class StandInDeepSpeedConfig:
    """What transformers' ``HfDeepSpeedConfig`` does that matters for the load order: it registers itself (the
    weakref ``is_deepspeed_zero3_enabled()`` reads) and knows its ZeRO stage."""

    seen: list[dict] = []

    def __init__(self, config: dict) -> None:
        self.config = config
        StandInDeepSpeedConfig.seen.append(config)
        hf_deepspeed.set_hf_deepspeed_config(self)

    def is_zero3(self) -> bool:
        return int(self.config.get("zero_optimization", {}).get("stage", -1)) == 3


def zero3_launch_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """The variables ``accelerate launch`` sets for the shipped ``deepspeed_zero3.yaml``."""
    shipped = yaml.safe_load((CONFIGS_DIR / "deepspeed_zero3.yaml").read_text())["deepspeed_config"]
    assert shipped["zero_stage"] == 3 and shipped["zero3_init_flag"] is True
    monkeypatch.setenv("ACCELERATE_USE_DEEPSPEED", "true")
    monkeypatch.setenv("ACCELERATE_DEEPSPEED_ZERO_STAGE", str(shipped["zero_stage"]))
    monkeypatch.setenv("ACCELERATE_DEEPSPEED_ZERO3_INIT", str(shipped["zero3_init_flag"]).lower())
    monkeypatch.setattr(hf_integrations, "HfDeepSpeedConfig", StandInDeepSpeedConfig)


@pytest.fixture
def loads(monkeypatch):
    """``(loader, zero3 enabled at that moment)`` for every model load of the job."""
    import engine.models.loading
    import engine.reward.model

    seen: list[tuple[str, bool]] = []

    def spy(module, name):
        real = getattr(module, name)

        def load(*args, **kwargs):
            seen.append((name, hf_deepspeed.is_deepspeed_zero3_enabled()))
            kept = hf_deepspeed._hf_deepspeed_config_weak_ref
            hf_deepspeed._hf_deepspeed_config_weak_ref = None  # a real ZeRO-3 load needs DeepSpeed itself
            try:
                return real(*args, **kwargs)
            finally:
                hf_deepspeed._hf_deepspeed_config_weak_ref = kept

        monkeypatch.setattr(module, name, load)

    spy(engine.models.loading, "load_causal_lm")
    spy(engine.reward.model, "build_reward_model")
    spy(engine.reward.model, "load_reward_model")
    yield seen
    hf_deepspeed.unset_hf_deepspeed_config()


def _stop_at_trainer(monkeypatch, kind: str) -> None:
    class reached:  # noqa: N801 — stands in for the trainer class (the GRPO job subclasses it for its rollouts)
        def __init__(self, *args, **kwargs) -> None:
            raise TrainerReached()

    if kind == "dpo":
        import engine.jobs.dpo

        monkeypatch.setattr(engine.jobs.dpo, "_trainer_class", lambda: reached)
    elif kind in ("orpo", "kto"):
        import engine.rl.objectives

        name = "paired_trainer_class" if kind == "orpo" else "kto_trainer_class"
        monkeypatch.setattr(engine.rl.objectives, name, lambda *args: reached)
    elif kind == "ppo":
        import trl.experimental.ppo

        monkeypatch.setattr(trl.experimental.ppo, "PPOTrainer", reached)
    else:
        import trl

        monkeypatch.setattr(trl, "RewardTrainer" if kind == "reward" else "GRPOTrainer", reached)


def _config(kind: str, pair_set: str, corpus: int):
    from engine.jobs.dpo import DpoJobConfig
    from engine.jobs.grpo import GrpoJobConfig
    from engine.jobs.ppo import PPOJobConfig
    from engine.jobs.reward import RewardJobConfig

    if kind in ("dpo", "orpo", "kto"):  # the preference job's objectives
        return DpoJobConfig(policy="tiny-sft", pair_sets=[pair_set], max_length=128, objective=kind)
    if kind == "reward":
        return RewardJobConfig(base_model="tiny-sft", pair_sets=[pair_set], max_length=128)
    if kind == "grpo":
        return GrpoJobConfig(policy="tiny-sft", corpus_ids=[corpus], max_prompts=8, batch_size=2, num_generations=4)
    return PPOJobConfig(
        policy="tiny-sft",
        reward_model="tiny-rm",
        corpus_ids=[corpus],
        steps=2,
        batch_size=4,
        mini_batch_size=2,
        heldout_size=4,
    )


EXPECTED_LOADS = {
    "dpo": ["load_causal_lm"],
    "orpo": ["load_causal_lm"],
    "kto": ["load_causal_lm"],
    "reward": ["build_reward_model"],
    "grpo": ["load_causal_lm"],
    "ppo": ["load_causal_lm", "load_causal_lm", "load_reward_model", "load_reward_model"],  # policy, ref, RM, value
}


def _run(kind, store, tmp_path, pair_set, corpus, monkeypatch):
    config = _config(kind, pair_set, corpus)
    run_dir = tmp_path / f"run-{kind}"
    (run_dir / "inputs").mkdir(parents=True)
    job = job_kind("dpo" if kind in ("orpo", "kto") else kind)
    job.prepare(config, store, run_dir)
    _stop_at_trainer(monkeypatch, kind)
    ctx = JobContext(run_dir)
    try:
        with pytest.raises(TrainerReached):
            job.run(config, ctx)
    finally:
        ctx.close()


@pytest.mark.parametrize("kind", ["dpo", "orpo", "kto", "reward", "grpo", "ppo"])
def test_models_load_while_zero3_is_enabled(
    kind, store, tiny_policy, tiny_rm, pair_set, demo_corpus, tmp_path, monkeypatch, loads
):
    zero3_launch_env(monkeypatch)
    _run(kind, store, tmp_path, pair_set, demo_corpus, monkeypatch)
    assert [name for name, _ in loads] == EXPECTED_LOADS[kind]
    assert all(zero3 for _, zero3 in loads), loads


def test_deepspeed_gets_the_jobs_precision(
    store, tiny_policy, tiny_rm, pair_set, demo_corpus, tmp_path, monkeypatch, loads
):
    """accelerate launch exports the config file's ``mixed_precision: 'no'``; the job's bf16 must still reach the
    DeepSpeed config (bf16 weights under ZeRO-3)."""
    zero3_launch_env(monkeypatch)
    monkeypatch.setenv("ACCELERATE_MIXED_PRECISION", "no")
    monkeypatch.setattr(StandInDeepSpeedConfig, "seen", [])
    from engine.jobs.dpo import DpoJobConfig

    config = DpoJobConfig(policy="tiny-sft", pair_sets=[pair_set], max_length=128, precision="bf16")
    run_dir = tmp_path / "run-bf16"
    (run_dir / "inputs").mkdir(parents=True)
    job_kind("dpo").prepare(config, store, run_dir)
    _stop_at_trainer(monkeypatch, "dpo")
    ctx = JobContext(run_dir)
    try:
        with pytest.raises(TrainerReached):
            job_kind("dpo").run(config, ctx)
    finally:
        ctx.close()
    assert StandInDeepSpeedConfig.seen[-1]["bf16"] == {"enabled": True}
    assert loads == [("load_causal_lm", True)]


def test_without_a_deepspeed_launch_nothing_is_sharded(
    store, tiny_policy, tiny_rm, pair_set, demo_corpus, tmp_path, monkeypatch, loads
):
    """The spy can see the difference: a plain launch loads with ZeRO-3 off."""
    monkeypatch.delenv("ACCELERATE_USE_DEEPSPEED", raising=False)
    _run("dpo", store, tmp_path, pair_set, demo_corpus, monkeypatch)
    assert loads == [("load_causal_lm", False)]
