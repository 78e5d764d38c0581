"""The signed-in linguist, kept in the address bar on every page so that a reload keeps the sign-in.

Streamlit's sidebar links drop the address's parameters and a reload starts a new session: a linguist who signed in
on *6 · Translate & feedback*, went to another page and reloaded it used to be asked "Who is judging?" again. The
app shell calls :func:`keep_linguist_in_address` before every page: a name in the session goes back into the
address, and a name in the address (a reloaded page) comes back into the session.
"""

from __future__ import annotations

import streamlit as st

from engine.feedback.judgements import JudgementError, clean_linguist_name

LINGUIST = "tr_linguist"
"""The session-state key of the signed-in linguist's name."""


def keep_linguist_in_address() -> None:
    """Copy the signed-in linguist between the session and the address's ``linguist`` parameter."""
    name = st.session_state.get(LINGUIST)
    if name is None and st.query_params.get("linguist"):
        try:
            name = clean_linguist_name(st.query_params["linguist"])
        except JudgementError:
            st.query_params.pop("linguist", None)
            return
        st.session_state[LINGUIST] = name
    if name is not None and st.query_params.get("linguist") != name:
        st.query_params["linguist"] = name
