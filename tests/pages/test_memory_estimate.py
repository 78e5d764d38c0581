"""The GPU memory estimate beside the reward-model, PPO, DPO and GRPO forms."""

from __future__ import annotations

import re

from engine.jobs.memory_plan import GEMMA2_SHAPES, PlanSettings, plan_memory


def _summary(at, tab: int = 0) -> str:
    """The estimate's summary line (``tab``: the PPO page shows one per tab, PPO first)."""
    return [m.value for m in at.markdown if "needs ~" in m.value][tab]


def _needs(at, tab: int = 0) -> int:
    return int(re.search(r"needs ~(\d+) GiB", _summary(at, tab)).group(1))


def test_reward_form_estimates_a_registered_model_and_gemma_shapes(open_page, store, tiny_policy, pair_set):
    at = open_page("reward")
    assert at.selectbox(key="rm-mem-model").value == "tiny-sft"  # a registered model: its config.json is read
    assert "on 1 GPU; no GPU visible on this machine" in _summary(at)
    at.selectbox(key="rm-mem-model").set_value("Gemma-2 2B")
    at.number_input(key="rm-mem-batch").set_value(8)
    at.number_input(key="rm-mem-seq").set_value(256)
    at.run()
    assert not at.exception
    expected = plan_memory("reward", GEMMA2_SHAPES["Gemma-2 2B"], PlanSettings(batch=8, seq_len=256))
    assert _summary(at).startswith(f"**needs ~{expected.total_gib:.0f} GiB per GPU on 1 GPU")
    small = _needs(at)
    at.selectbox(key="rm-mem-model").set_value("Gemma-2 9B")
    at.run()
    assert _needs(at) > small


def test_ppo_form_counts_four_models_and_follows_the_launch_choice(open_page, store, tiny_policy, tiny_rm):
    at = open_page("ppo")
    at.selectbox(key="ppo-mem-model").set_value("Gemma-2 9B")
    at.selectbox(key="ppo-mem-rm").set_value("Gemma-2 2B")
    at.run()
    parts = at.dataframe[0].value["part"].tolist()
    assert {"policy weights", "reference weights", "value model weights", "reward model weights"} <= set(parts)
    one_gpu = _needs(at)
    at.selectbox(key="ppo-launch").set_value("ddp")
    at.run()
    assert "on 2 GPUs" in _summary(at) and _needs(at) == one_gpu  # DDP shards nothing
    at.checkbox(key="ppo-mem-lora").check()
    at.run()
    parts = at.dataframe[0].value["part"].tolist()
    assert "reference weights" not in parts and "policy LoRA adapters" in parts
    assert _needs(at) < one_gpu


def test_dpo_and_grpo_tabs_have_the_estimate(open_page, store, tiny_policy, tiny_rm, pair_set):
    at = open_page("ppo")
    for key in ("dpo", "grpo"):
        at.selectbox(key=f"{key}-mem-model").set_value("Gemma-2 2B")
        at.run()
        assert not at.exception
    summaries = [m.value for m in at.markdown if "needs ~" in m.value]
    assert len(summaries) == 3  # PPO, DPO, GRPO tabs


def test_a_model_whose_folder_was_deleted_is_named_as_such(open_page, store, tmp_path, tiny_policy_dir, pair_set):
    # it said "Repo id must be in the form 'repo_name' or 'namespace/repo_name': '/tmp/…/outputs/model'"
    import shutil

    gone = tmp_path / "gone-model"
    shutil.copytree(tiny_policy_dir, gone)
    store.models.register("gone-sft", "policy", str(gone), stage="sft")
    shutil.rmtree(gone)
    at = open_page("reward")
    at.selectbox(key="rm-mem-model").set_value("gone-sft")
    at.run()
    assert not at.exception
    warning = " ".join(w.value for w in at.warning)
    assert f"the model folder {gone} does not exist" in warning and "Repo id" not in warning


def test_dpo_tab_plans_no_reference_for_cpo_and_orpo(open_page, store, tiny_policy, tiny_rm, pair_set):
    """The DPO tab's estimate counted a reference model whatever the objective; CPO and ORPO build none."""
    at = open_page("ppo")
    at.selectbox(key="dpo-mem-model").set_value("Gemma-2 2B")
    at.run()
    parts = at.dataframe[1].value["part"].tolist()
    assert at.selectbox(key="dpo-mem-objective").value == "dpo" and "reference weights" in parts
    with_reference = _needs(at, 1)
    at.selectbox(key="dpo-mem-objective").set_value("orpo")
    at.run()
    assert not at.exception and "reference weights" not in at.dataframe[1].value["part"].tolist()
    assert _needs(at, 1) < with_reference
