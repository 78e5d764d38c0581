"""4 · PPO: optimise the policy against the reward model and watch its health while it trains."""

from __future__ import annotations

import streamlit as st

from engine.jobs.kinds import KIND_MODULES
from engine.models.refs import cold_start_base
from studio.components.header import workspace_header
from studio.components.job_panel import config_form, newest_run, run_monitor, start_run
from studio.components.launch import launch_choice
from studio.components.memory_estimate import memory_estimate
from studio.components.pickers import corpus_picker, glossary_widget, model_picker, models_picker, pair_set_picker
from studio.components.ppo_monitor import PPO_CHARTS, kind_monitor, ppo_health
from studio.components.presets import preset_choice
from studio.state import services

# measured on the demo (bench/results/demo_pipeline.json, stage ppo_kl): reward rises, final KL 0.16 per token
st.title("4 · PPO")
st.caption("Reinforcement learning against the reward model (TRL's PPO): a KL penalty keeps the policy near a "
           "frozen reference, a value head and GAE estimate advantages. Watch the reward, the KL and a held-out "
           "metric the reward does not see; the alarms below flag the classic failures as they happen.")
workspace_header(services())
store = services().store


ppo_tab, dpo_tab, grpo_tab = st.tabs(["PPO", "DPO (from pairs)", "GRPO / RLOO (reward functions)"])

with ppo_tab:
    if not store.models.list(kind="reward"):
        st.info("Train a reward model first (page 3).")
    elif not store.models.in_use(kind="reward"):  # an archived one was the form's default, with nothing said
        st.info("Every reward model is archived: restore one on *Models*, or train one (page 3).")
    else:
        preset, values = preset_choice("ppo", key="ppo-preset")
        defaults = {"policy": cold_start_base(store), "reward_model": store.models.in_use(kind="reward")[0]["name"],
                    **values}
        launch = launch_choice("ppo", key="ppo")
        memory_estimate("ppo", key="ppo", launch=launch, values=values)
        config = config_form("ppo", key=f"ppo-form-{preset}", defaults=defaults,
                             widgets={"policy": model_picker("policy"), "reward_model": model_picker("reward"),
                                      "extra_reward_models": models_picker("reward"),
                                      "corpus_ids": corpus_picker(fresh=True), "glossaries": glossary_widget},
                             submit_label="Start PPO")
        if config is not None:
            start_run("ppo", config, launch=launch)
    latest = newest_run("ppo", final=False)  # the cold start's: PPO stage 2 is Human alignment's
    if latest:
        run_monitor(latest["id"], key="ppo-run", charts=PPO_CHARTS, extra=ppo_health)


def alternative(kind: str, tab_key: str, widgets: dict) -> None:
    """The form and monitor of an alternative to PPO (its job kind may be absent in this build)."""
    if kind not in KIND_MODULES:
        st.info(f"The {kind.upper()} job is not available in this build.")
        return
    launch = launch_choice(kind, key=tab_key)
    preset, values = preset_choice(kind, key=f"{tab_key}-preset")
    memory_estimate(kind, key=tab_key, launch=launch, values=values)
    config = config_form(kind, key=f"{tab_key}-form-{preset}", defaults={"policy": cold_start_base(store), **values},
                         widgets=widgets, submit_label=f"Start {kind.upper()}")
    if config is not None:
        start_run(kind, config, launch=launch)
    latest = store.runs.list(kinds=(kind,), limit=1)
    if latest:
        run_monitor(latest[0]["id"], key=f"{tab_key}-run", **kind_monitor(kind))


with dpo_tab:
    st.caption("Direct preference optimisation straight from the preference data: no reward model, no sampling. "
               "*Objective*: DPO (its loss types; a frozen reference), CPO (ALMA-R's translation recipe, no "
               "reference), ORPO (SFT + odds ratio in one stage, no reference) or KTO (single good/bad translations: "
               "from pairs or straight from the linguists' judgements, 'none is acceptable' included).")
    if not store.preferences.pair_sets() and not store.feedback.count_judgements():
        # nothing to learn from: the form's pair sets would be empty and its Start button would start nothing
        st.info("No preference data yet: make synthetic pairs on *2 · Synthetic preferences* (or let linguists "
                "judge translations on *6 · Translate & feedback*, for KTO) first.")
    else:
        alternative("dpo", "dpo", {"policy": model_picker("policy"), "pair_sets": pair_set_picker})

with grpo_tab:
    st.caption("Group-relative policy optimisation (or RLOO) with Python reward functions: the reward model's "
               "score and/or chrF against the reference.")
    rm_optional = "not needed with *Reward-model weight* 0 (chrF against the references as the only reward)."
    alternative("grpo", "grpo", {"policy": model_picker("policy"),
                                 "reward_model": model_picker("reward", optional=rm_optional),
                                 "extra_reward_models": models_picker("reward"),
                                 "corpus_ids": corpus_picker(fresh=True), "glossaries": glossary_widget})
