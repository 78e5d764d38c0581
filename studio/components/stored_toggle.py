"""A toggle for a state that lives outside the page (a row of the store, a running endpoint), shared by every tab."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st


def stored_toggle(container: Any, label: str, *, key: str, stored: bool, change: Callable[[bool], None],
                  help: str | None = None) -> bool:
    """A toggle showing ``stored`` that calls ``change(new_value)`` only when it is clicked.

    Its value is written from ``stored`` before every run, and the change runs from the widget's own callback. A
    toggle compared with the stored state on every rerun acted on a stale tab's old value: a Monitor tab opened
    before another switched the endpoint on stopped it at its next rerun of anything (a chart's period), and a
    glossary switched off elsewhere was switched back on by a tab showing its terms."""
    st.session_state[key] = stored
    return container.toggle(label, key=key, help=help, on_change=lambda: change(bool(st.session_state[key])))
