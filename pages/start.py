"""Start: where the workspace stands in the loop, and the one-click demo set-up on an empty workspace."""

from __future__ import annotations

import streamlit as st

from engine.demo import DEMO_CORPORA, start_demo_setup
from studio.components.header import workspace_header
from studio.components.job_panel import config_form, run_monitor
from studio.components.pickers import corpus_picker
from studio.state import studio

LOSS_CHARTS = [("Training loss", ["loss", "valid_loss"]), ("Learning rate", ["lr"])]

st.title("Tarjama Studio")
st.caption("English→Arabic and French→Arabic translation, taken through the whole RLHF loop: data, synthetic "
           "preferences, reward model, PPO, human feedback, alignment, comparison.")
workspace_header(studio())

store = studio().store
sft = store.models.sft_model()
bootstraps = store.runs.list(kinds=("bootstrap",), limit=1)
latest = bootstraps[0] if bootstraps else None

st.subheader("Where the loop stands")
pair_sets = store.preferences.pair_sets()
steps = [
    ("Data", bool(store.corpora.list()), "Upload or import parallel corpora on the Data page."),
    ("SFT model", sft is not None, "Set up the demo below, or register your own model on the Models page."),
    ("Synthetic preferences", any(p["origin"] == "synthetic" for p in pair_sets),
     "Sample and score candidates, keep pairs with a clear quality gap (page 2)."),
    ("Reward model", bool(store.models.list(kind="reward")), "Train the judge on the pairs (page 3)."),
    ("Cold-start model", bool(store.models.list(kind="policy", stage="cold-start")),
     "Optimise the SFT model against the reward model with PPO (page 4), or run Phase 2 on Pipelines."),
    ("Human feedback", store.feedback.volume()["judgements"] > 0,
     "Linguists rank, pick and correct translations (page 6)."),
    ("Final model", bool(store.models.list(kind="policy", stage="final")),
     "Human pairs → reward-model fine-tune → PPO stage 2 (page 7, Phase 3 in one click)."),
]
for title, done, how in steps:
    st.markdown(f"{':material/check_box:' if done else ':material/check_box_outline_blank:'} **{title}** — {how}")

if sft is None and (latest is None or latest["status"] in ("failed", "cancelled")):
    st.subheader("Set up the demo")
    st.markdown(
        "One click loads the bundled demo corpus (written for this project: everyday, travel, news-like and "
        "technical sentences) and trains a small Gemma-2-architecture model on it from scratch on this CPU. "
        "It translates poorly but really, so every later step does real work. About 5–8 minutes on 2 cores."
    )
    if st.button("Set up the demo", type="primary", key="start-demo"):
        start_demo_setup(studio())
        st.rerun()
    if latest is not None:
        st.info(f"The last bootstrap run ended {latest['status']}; you can resume it below or start again.")

if latest is not None:
    st.subheader("Bootstrap of the SFT model")
    run_monitor(latest["id"], charts=LOSS_CHARTS, key="start")

if sft is not None:
    meta = sft["metadata"]
    chrf = meta.get("valid_chrf")
    st.success(f"SFT model **{sft['name']}** is registered"
               + (f" — validation chrF {chrf:.1f}" if chrf is not None else "") + ".")

with st.expander("Train an SFT model on your own corpora (advanced)"):
    corpora = store.corpora.list()
    if not corpora:
        st.caption("Add a corpus on the Data page first.")
    else:
        demo_ids = [c["id"] for c in corpora if c["name"] in DEMO_CORPORA]
        config = config_form("bootstrap", key="start-bootstrap", defaults={"corpus_ids": demo_ids},
                             widgets={"corpus_ids": corpus_picker()}, submit_label="Start bootstrap")
        if config is not None:
            studio().supervisor.start("bootstrap", config)
            st.rerun()
