"""Models: what the studio has trained or been pointed at, and registering an existing model."""

from __future__ import annotations

import re

import streamlit as st

from engine.models import check_model
from studio.components.header import workspace_header
from studio.state import studio

st.title("Models")
st.caption("Policy models translate; reward-model bases become reward models. A model is a folder saved by "
           "`save_pretrained` or a Hugging Face hub id (hub ids need the model in the local cache when offline).")
workspace_header(studio())

models = studio().store.models.list()
if models:
    st.dataframe(
        [{"name": m["name"], "kind": m["kind"], "stage": m["stage"], "path": m["path"], "run": m["run_id"] or "",
          "valid chrF": m["metadata"].get("valid_chrf"), "parameters": m["metadata"].get("parameters"),
          "registered (UTC)": m["created_at"]} for m in models],
        hide_index=True, use_container_width=True,
    )
else:
    st.info("No models yet. Set up the demo on the Start page, or register a model below.")

st.subheader("Register an existing model")
with st.form("register-model"):
    location = st.text_input("Folder or hub id", placeholder="/models/gemma-2-2b-sft  or  google/gemma-2-2b",
                             help="A local folder saved with save_pretrained, or a hub id.")
    name = st.text_input("Name in the studio", placeholder="my-sft-v1")
    role = st.radio("Register as", ["SFT policy model", "Reward-model base"], horizontal=True)
    prompt_format = st.selectbox("Prompt format", ["instruction", "tags"],
                                 help="'instruction' uses the tokenizer's chat template (or a plain instruction); "
                                      "'tags' is the studio's own <en> … <ar> format.")
    trust = st.checkbox("Trust remote code", value=False,
                        help="Runs Python code shipped with the model. Leave off unless you trust its source.")
    submitted = st.form_submit_button("Check and register", type="primary")
if submitted:
    if not location.strip() or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}", name.strip() or "-"):
        st.error("Give a folder or hub id, and a name of letters, digits, '.', '_' or '-'.")
    else:
        with st.spinner("Loading the model's config and tokenizer…"):
            check = check_model(location.strip())
        if not check.ok:
            st.error(f"Cannot use this model: {check.message}")
        else:
            kind = "policy" if role.startswith("SFT") else "reward-base"
            studio().store.models.register(
                name.strip(), kind, location.strip(), stage="sft" if kind == "policy" else "candidate",
                metadata={"prompt_format": prompt_format, "trust_remote_code": trust, "source": check.kind},
            )
            st.success(f"Registered {name.strip()} ({check.message}).")
            st.rerun()
