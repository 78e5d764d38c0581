"""Which rerun a click inside a fragment may ask for."""

from __future__ import annotations

from typing import Literal

from streamlit.runtime.scriptrunner import get_script_run_ctx


def rerun_scope() -> Literal["app", "fragment"]:
    """``"fragment"`` while only a fragment is running (a click inside it), else ``"app"``.

    ``st.rerun(scope="fragment")`` is refused during a run of the whole page, even from inside a fragment (and
    ``streamlit.testing``'s AppTest always runs the whole page): code shared by both cases asks here first.
    """
    ctx = get_script_run_ctx()
    return "fragment" if ctx is not None and ctx.fragment_ids_this_run else "app"
