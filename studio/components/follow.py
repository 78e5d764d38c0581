"""Select boxes that follow the newest item (a run that just finished) unless the user chose another one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import streamlit as st


def follow_newest(key: str, options: Sequence[Any], newest: Any | None = None) -> None:
    """Before a select box ``key`` over ``options`` is drawn: point it at ``newest`` (default: the first option)
    when it shows nothing valid yet or still shows the newest of the previous run of the page.

    A widget keeps the value it had, so a tab opened before a run finished went on showing the older run ("not
    scored yet") until the user picked the new one by hand.
    """
    newest = options[0] if newest is None and options else newest
    seen_key = f"{key}::newest"
    current, seen = st.session_state.get(key), st.session_state.get(seen_key)
    if newest is not None and (current not in options or current == seen):
        st.session_state[key] = newest
    st.session_state[seen_key] = newest

