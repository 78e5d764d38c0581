"""7 · Human alignment: linguists' feedback → human pairs → reward-model fine-tune → PPO stage 2 → final model."""

from __future__ import annotations

import streamlit as st

from engine.feedback.pairs import linguist_weights, volume_warning
from engine.jobs.reward_finetune import bar_verdict
from engine.pipelines.templates import phase3_defaults, phase3_start_models
from studio.components.active_feedback import active_feedback_chart
from studio.components.arabic import bidi_table
from studio.components.exports import preference_export
from studio.components.header import workspace_header
from studio.components.job_panel import config_form, newest_run, run_monitor, start_run
from studio.components.launch import launch_choice
from studio.components.pickers import corpus_picker, model_picker, pair_sets_picker
from studio.components.pipeline_panel import pipeline_form, pipeline_view
from studio.components.ppo_monitor import PPO_CHARTS, ppo_health
from studio.components.presets import preset_choice
from studio.state import services

RM_CHARTS = [("Loss", ["loss", "eval_loss"]),
             ("Accuracy", ["accuracy", "eval_accuracy", "valid_accuracy_human", "valid_accuracy_synthetic"])]

PAIRS_SHOWN = 50  # human pairs shown on the page (the export holds all of them)

st.title("7 · Human alignment")
st.caption("The loop closes here: the linguists' judgements become preference pairs, the cold-start reward model is "
           "fine-tuned on them (replaying synthetic pairs so it does not forget), and PPO runs again from the "
           "cold-start policy: the final model. Run the steps one by one, or Phase 3 in one click.")
workspace_header(services())
store = services().store


def _latest_run(kind: str) -> None:
    latest = newest_run(kind, final=True if kind == "ppo" else None)  # PPO stage 2's, not page 4's cold start
    if latest:
        run_monitor(latest["id"], key=f"align-{kind}",
                    charts=PPO_CHARTS if kind == "ppo" else RM_CHARTS if kind == "reward_finetune" else [],
                    extra=ppo_health if kind == "ppo" else None)


# --- how much feedback there is ----------------------------------------------------------------------------
volume = store.feedback.volume()
c1, c2, c3, c4 = st.columns(4)
c1.metric("Judgements", f"{volume['judgements']:,}")
c2.metric("Linguists", volume["linguists"])
c3.metric("Rankings / best picks", f"{volume['per_kind'].get('ranking', 0)} / {volume['per_kind'].get('best', 0)}")
c4.metric("Corrections / none acceptable",
          f"{volume['per_kind'].get('post_edit', 0)} / {volume['per_kind'].get('none', 0)}")
n_annotations = store.annotations.count()
warning = volume_warning(volume, n_annotations)
if warning:
    st.warning(warning, icon=":material/info:")
# agreement reads every judgement: computed when asked for, not on each rerun of the page
if volume["linguists"] > 1 and st.toggle("Show linguist weights by agreement (used when weighting is ticked)",
                                         key="align-weights"):
    weights = linguist_weights(store.feedback.judgements())
    if weights:
        st.dataframe([{"linguist": k, "weight": round(v, 3)} for k, v in sorted(weights.items())], hide_index=True)
    else:
        st.caption("No two linguists judged the same review-queue item yet: everyone weighs 1.")

try:
    found = phase3_defaults(store)
except ValueError as exc:
    found = {}
    if phase3_start_models(store):  # the start is there; what is missing is the engine's to say
        st.info(f"Phase 3's defaults cannot be filled: {exc}.")
    else:
        st.info("No cold-start model yet: Phase 3 starts from the model PPO makes on page 4 (or Phase 2 on "
                "Pipelines).")

tuned = [m for m in store.models.list(kind="reward") if m["metadata"].get("fine_tuned_from")]  # newest first
tuned_in_use = [m for m in tuned if m["stage"] != "archived"]  # an archived version is no default
pairs_tab, rm_tab, ppo_tab, phase3_tab, teach_tab = st.tabs(
    ["1 · Feedback → pairs", "2 · Fine-tune the reward model", "3 · PPO stage 2", "Phase 3 in one click",
     "Which sources teach most"])

with pairs_tab:
    if volume["judgements"] == 0 and not n_annotations:  # error spans alone make pairs too
        st.info("No judgements or error spans yet.")
    else:
        def linguist_picker(spec, value, key):
            return st.multiselect(spec.label, store.feedback.judging_linguists(), default=value or [],
                                  help=spec.help, key=key)

        config = config_form("feedback_pairs", key="align-pairs", defaults={"reward_model": found.get("reward_model")},
                             widgets={"reward_model": model_picker("reward"), "linguists": linguist_picker},
                             submit_label="Make pairs")
        if config is not None:
            start_run("feedback_pairs", config)
    _latest_run("feedback_pairs")
    human_sets = store.preferences.pair_sets(origin="human")
    if human_sets:
        st.subheader("Human pair sets")
        st.dataframe([{"pair set": s["run_id"], "pairs": s["pairs"], "train": s["train"], "valid": s["valid"],
                       "made (UTC)": s["created_at"]} for s in human_sets], hide_index=True)
        chosen = st.selectbox("Look at the pairs of", [s["run_id"] for s in human_sets], key="align-pairs-look")
        rows = store.preferences.pairs(run_ids=[chosen], limit=PAIRS_SHOWN)
        # an HTML table, Arabic right to left: the grid drew the Arabic columns left to right and cut the last one
        # at the page's edge, hiding the start of each sentence
        bidi_table(rows, ["linguist", "strategy", "judgement_id", "weight", "split", "source", "chosen", "rejected"],
                   arabic_columns=("chosen", "rejected"),
                   labels={"strategy": "from", "judgement_id": "judgement"})
        if len(rows) == PAIRS_SHOWN:
            st.caption(f"The first {PAIRS_SHOWN} pairs; the export below holds them all.")
        exported = st.multiselect("Human pair sets to export", [s["run_id"] for s in human_sets],
                                  default=[human_sets[0]["run_id"]], key="align-export-sets")
        preference_export(store, "human", exported, key="align-export")

with rm_tab:
    if not store.preferences.pair_sets(origin="human"):
        st.info("Make human pairs first (tab 1).")
    else:
        preset, values = preset_choice("reward_finetune", key="align-rm-preset")
        launch = launch_choice("reward_finetune", key="align-rm")
        config = config_form(
            "reward_finetune", key=f"align-rm-{preset}",
            defaults={"base_model": found.get("reward_model"), "replay_pair_sets": found.get("replay_pair_sets", []),
                      **values},
            widgets={"base_model": model_picker("reward"), "pair_sets": pair_sets_picker("human"),
                     "replay_pair_sets": pair_sets_picker("synthetic")},  # replay ratio 1.0 needs a set
            hidden=("head", "mlp_hidden", "valid_share_if_missing"), submit_label="Fine-tune the reward model")
        if config is not None:
            start_run("reward_finetune", config, launch)
    _latest_run("reward_finetune")
    if tuned:
        st.subheader("Fine-tuned reward models")
        st.caption("Accuracy = share of held-out pairs whose chosen translation gets the higher reward, before → "
                   "after. The project brief's bar on human pairs is 0.80.")

        def _fmt(value):
            return "—" if value is None else f"{value:.3f}"

        st.dataframe([{
            "model": m["name"], "from": m["metadata"]["fine_tuned_from"],
            "human pairs (before → after)": f"{_fmt(m['metadata'].get('base_accuracy', {}).get('human'))} → "
                                            f"{_fmt(m['metadata'].get('valid_accuracy_human'))}"
                                            + (f" (n {m['metadata']['valid_pairs_human']:,})"
                                               if m["metadata"].get("valid_pairs_human") is not None else ""),
            "synthetic pairs (before → after)": f"{_fmt(m['metadata'].get('base_accuracy', {}).get('synthetic'))} → "
                                                f"{_fmt(m['metadata'].get('valid_accuracy_synthetic'))}",
            "bar 0.80 met": bar_verdict(m["metadata"]),
            "human / replayed training pairs": f"{m['metadata'].get('human_train_pairs')} / "
                                               f"{m['metadata'].get('replayed_pairs')}",
        } for m in tuned], hide_index=True, width="stretch")

with ppo_tab:
    if not phase3_start_models(store):
        st.info("No cold-start model yet: stage 2 starts from the policy PPO made on page 4.")
    else:
        ppo_preset, ppo_values = preset_choice("ppo", key="align-ppo-preset")  # on a CPU it opened at the brief's
        launch = launch_choice("ppo", key="align-ppo")  # GPU values (1,000 steps) where page 4 offers the demo's
        config = config_form(
            "ppo", key=f"align-ppo-{ppo_preset}",
            defaults={**ppo_values, "policy": found.get("policy"),
                      "reward_model": tuned_in_use[0]["name"] if tuned_in_use else found.get("reward_model"),
                      "corpus_ids": found.get("corpus_ids", []), "register_stage": "final"},
            widgets={"policy": model_picker("policy"), "reward_model": model_picker("reward"),
                     "corpus_ids": corpus_picker()}, submit_label="Start PPO stage 2")
        if config is not None:
            start_run("ppo", config, launch)
    _latest_run("ppo")

with phase3_tab:
    st.caption("Feedback → pairs → reward-model fine-tune → the RL step (PPO stage 2, GRPO, or DPO on the human "
               "pairs: the RL method below), each a normal run, started in order. "
               "Empty fields are filled from the cold-start model (else, in a later cycle, production): its policy, "
               "the reward model it was trained against and that model's synthetic pairs, and its prompts' corpora.")
    phase3_preset, phase3_values = preset_choice("phase3", key="align-phase3-preset")
    pipeline_form("phase3", key=f"align-phase3-{phase3_preset}", defaults=phase3_values)
    started = store.pipelines.list(limit=20)
    mine = [p for p in started if p["template"] == "phase3"]
    if mine:
        pipeline_view(mine[0]["id"], key="align-phase3-view")

with teach_tab:
    st.caption("Does handing linguists the sources the reward models are unsure of (a review queue ordered by "
               "disagreement or margin, Translate page) teach the reward model faster than random sources? Measured on "
               "the demo with a simulated linguist, one point per 50 judgements.")
    active_feedback_chart("align-teach")
