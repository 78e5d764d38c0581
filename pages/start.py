"""Start: where the workspace stands in the loop, and the one-click demo set-up on an empty workspace."""

from __future__ import annotations

import streamlit as st

from engine.compare.scorecard import loop_chain
from engine.demo import DEMO_CORPORA, DEMO_MODEL_NAME, setup_demo, shipped_model_record, start_demo_training
from engine.feedback.pairs import MIN_JUDGEMENTS
from engine.models.registry import free_model_name
from engine.reward.analysis import with_validation_accuracy
from engine.wording import as_sentence, counted
from studio.components.header import workspace_header
from studio.components.job_panel import config_form, remember_start, repeated_start, run_monitor, start_run
from studio.components.pickers import corpus_picker
from studio.components.scorecard import scorecard_panel
from studio.state import services

LOSS_CHARTS = [("Training loss", ["loss", "valid_loss"]), ("Learning rate", ["lr"])]

st.title("Tarjama Studio")
st.caption("English→Arabic and French→Arabic translation, taken through the whole RLHF loop: data, synthetic "
           "preferences, reward model, PPO, human feedback, alignment, comparison.")
workspace_header(services())

store = services().store
sft = store.models.sft_model()
bootstraps = store.runs.list(kinds=("bootstrap",), limit=1)
latest = bootstraps[0] if bootstraps else None

st.subheader("Where the loop stands")
pair_sets = store.preferences.pair_sets()
chain = loop_chain(store)
chain_stages = {m["loop_stage"] for m in chain}  # a promoted model keeps the stage it was made at


def _made(stage: str, live: list[dict], compare: str) -> str:
    """What a ticked cold-start or final step says: its newest model in use, else the chain's (archived since: it
    read as the to-do), and whether it is in production (a promoted final still said "promote it")."""
    if not live:
        return f"{next(m['name'] for m in reversed(chain) if m['loop_stage'] == stage)} (archived) — {compare}"
    if live[0]["stage"] == "production":
        return f"newest {live[0]['name']} — in production."
    return f"newest {live[0]['name']} — {compare}"
corpora = store.corpora.list()
synthetic_pairs = sum(p["pairs"] for p in pair_sets if p["origin"] == "synthetic")
reward_models = store.models.in_use(kind="reward")
judgements = store.feedback.volume()["judgements"]


def _newest_reward_model() -> str:
    """The newest reward model with its validation accuracy and the pairs it was measured on, in words."""
    meta = with_validation_accuracy(reward_models[0]["metadata"])  # a fine-tune's held-out human or synthetic set
    accuracy = meta.get("valid_accuracy")
    measured = (f": validation accuracy {accuracy:.2f} on {counted(int(meta.get('valid_pairs') or 0), 'pair')}"
                if isinstance(accuracy, int | float) else "")
    return f"newest {reward_models[0]['name']}{measured}."


def _short_of(judgements: int, needed: int) -> str:
    """The end of the feedback line: what Phase 3 wants when there is less."""
    return f" — Phase 3 wants at least {needed}." if judgements < needed else "."


# a tick said "done" with nothing to say how much: one judgement ticked Human feedback as Phase 3's would
steps = [
    ("Data", bool(corpora),
     f"{counted(len(corpora), 'corpus', 'corpora')}, {counted(sum(c['segments'] for c in corpora), 'segment')}."
     if corpora else "Upload or import parallel corpora on the Data page."),
    ("SFT model", sft is not None,
     f"{sft['name']} — register another on the Models page." if sft is not None  # the demo section is gone then
     else "Set up the demo below, or register your own model on the Models page."),
    ("Synthetic preferences", synthetic_pairs > 0,
     f"{counted(synthetic_pairs, 'pair')}." if synthetic_pairs
     else "Sample and score candidates, keep pairs with a clear quality gap (page 2)."),
    ("Reward model", bool(reward_models),
     _newest_reward_model() if reward_models else "Train the judge on the pairs (page 3)."),
    # a step done names what it made, as the others do (ticked, these two still read as a to-do)
    ("Cold-start model", bool(cold := store.models.at_loop_stage("cold-start")) or "cold-start" in chain_stages,
     _made("cold-start", cold, "compare it with the SFT model on page 5.") if cold or "cold-start" in chain_stages
     else "Optimise the SFT model against the reward model with PPO (page 4), or run Phase 2 on Pipelines."),
    ("Human feedback", judgements > 0,
     f"{counted(judgements, 'judgement')}{_short_of(judgements, MIN_JUDGEMENTS)}" if judgements
     else "Linguists rank, pick and correct translations (page 6)."),
    ("Final model", bool(final := store.models.at_loop_stage("final")) or "final" in chain_stages,
     _made("final", final, "promote it on Models once it beats the cold start.") if final or "final" in chain_stages
     else "Human pairs → reward-model fine-tune → PPO stage 2 (page 7, Phase 3 in one click)."),
]
for title, done, how in steps:
    st.markdown(f"{':material/check_box:' if done else ':material/check_box_outline_blank:'} **{title}** — {how}")
if sft is not None or chain_stages:  # an archived SFT model still starts the chain the scorecard is about
    with st.container(border=True):
        scorecard_panel(store, key="start-scorecard")

shipped = shipped_model_record()
if sft is None:
    st.subheader("Set up the demo")
    if shipped is not None:
        rows = shipped["corpus_rows"]
        test = shipped["chrf"]["test"]
        st.markdown(
            f"One click loads the bundled demo corpus — {sum(rows['en-ar'].values()):,} EN→AR and "
            f"{sum(rows['fr-ar'].values()):,} FR→AR everyday sentences written for this project in fixed "
            f"train/valid/test splits, plus the held-out pools of fresh sources the RLHF steps draw on — and "
            f"registers the **shipped demo SFT model** (a Gemma-2-architecture model of "
            f"{shipped['parameters'] / 1e6:.1f}M parameters trained on the train split; greedy chrF on "
            f"the test split {test['en-ar']:.1f} EN→AR, {test['fr-ar']:.1f} FR→AR). Seconds, no training."
        )
        demo_row = store.models.get(DEMO_MODEL_NAME)
        if demo_row is not None and demo_row["stage"] == "archived":
            st.info(f"**{DEMO_MODEL_NAME}** is registered but archived: *Set up the demo* restores it as the SFT "
                    "model (or restore another model on the Models page).")
        if st.button("Set up the demo", type="primary", key="start-demo"):
            try:
                with st.spinner("Loading the demo corpora and registering the shipped model…"):
                    setup_demo(services())
            except ValueError as exc:  # a name of the demo's taken by the user's own corpus or glossary
                st.error(as_sentence(str(exc)))
            else:
                st.rerun()
    else:
        st.warning("This checkout has no shipped demo model (`data/demo/model/`): train it from scratch below, "
                   "or with `python -m engine demo train`.")

if sft is not None:
    meta = sft["metadata"]
    chrf = meta.get("valid_chrf")
    st.success(f"SFT model **{sft['name']}** is registered"
               + (f" — validation chrF {chrf:.1f}" if chrf is not None else "") + ".")
    if meta.get("below_quality_floor"):
        st.warning(f"Its validation chrF is below the quality floor of {meta.get('quality_floor_chrf', 25):.0f} "
                   f"({meta.get('stopped_by', 'training ended early')}): it does not translate usefully yet, so "
                   "later steps would learn from noise. Train it longer, or set up the shipped demo model.")
    if meta.get("shipped") and shipped is not None and shipped.get("examples"):
        st.markdown("**What it writes** (greedy, recorded when the shipped model was trained; try your own "
                    "sentences on *6 · Translate & feedback*):")
        st.dataframe([{"pair": e["pair"], "source": e["source"], "translation": e["output"]}
                      for e in shipped["examples"]], hide_index=True, width="stretch")

with st.expander("Train the demo model from scratch (advanced)"):
    st.markdown(
        "Trains a BPE tokenizer and the demo-shaped model on the demo corpus's train split in a job on this "
        "machine, with a live loss chart; the shipped model took "
        + (f"{shipped['train_wall_s'] / 60:.0f} minutes on 2 cores. " if shipped else "a long while on 2 cores. ")
        + "A run whose time budget ends before the model reaches the quality floor says so in its summary."
    )
    minutes = st.number_input("Time budget (minutes, 0 = none)", min_value=0.0, max_value=24 * 60.0,
                              value=20.0, step=5.0, key="demo-train-minutes")
    if st.button("Train the demo model from scratch", key="demo-train") and not repeated_start(
            "bootstrap", ["demo", float(minutes)]):  # a double click clicks twice: one training
        try:
            run_id = start_demo_training(
                services(), max_minutes=float(minutes), register_stage="sft" if sft is None else "candidate",
                model_name=free_model_name(store, "demo-sft" if sft is None else "demo-sft-retrained"))
        except ValueError as exc:  # a demo name taken by the user's own corpus, as for *Set up the demo*
            st.error(as_sentence(str(exc)))
        else:
            remember_start("bootstrap", ["demo", float(minutes)], f"Run {run_id}")
            st.rerun()

if latest is not None:
    st.subheader("Training run of an SFT model")
    if latest["status"] in ("failed", "cancelled"):
        st.info(f"The last training run ended {latest['status']}; you can resume it below.")
    run_monitor(latest["id"], charts=LOSS_CHARTS, key="start")

with st.expander("Train an SFT model on your own corpora (advanced)"):
    corpora = store.corpora.list()
    if not corpora:
        st.caption("Add a corpus on the Data page first.")
    else:
        demo_ids = [c["id"] for c in corpora if c["name"] in DEMO_CORPORA]
        config = config_form("bootstrap", key="start-bootstrap", defaults={"corpus_ids": demo_ids,
                                                                      "model_name": free_model_name(store, "sft")},
                             widgets={"corpus_ids": corpus_picker()}, submit_label="Start bootstrap")
        if config is not None:
            start_run("bootstrap", config)
