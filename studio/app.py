"""Tarjama Studio: the app shell. ``streamlit run studio/app.py`` (or ``make run``)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `streamlit run studio/app.py` puts studio/ on the path, not the root
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from studio.components.arabic import inject_css  # noqa: E402
from studio.components.linguist import keep_linguist_in_address  # noqa: E402
from studio.gc_freeze import freeze_after_imports  # noqa: E402
from studio.icon import studio_icon  # noqa: E402
from studio.server import foreign_page_message, guard_the_stream, unsafe_start_message  # noqa: E402
from studio.state import storage_errors  # noqa: E402

PAGES = ROOT / "pages"

st.set_page_config(page_title="Tarjama Studio", page_icon=studio_icon(), layout="wide")
guard_the_stream()  # already installed by the entry point; a bare `streamlit run` gets it at its first page
# started bare on an address other machines reach, or opened under another site's name (DNS rebinding) or from
# another site's page: serve no page at all
refusal = unsafe_start_message(int(st.get_option("server.port"))) or \
    foreign_page_message(st.context.headers, int(st.get_option("server.port")))
if refusal:
    st.error(refusal)
    st.stop()
inject_css()

navigation = st.navigation({
    "Studio": [
        st.Page(PAGES / "start.py", title="Start", icon=":material/home:", default=True),
        st.Page(PAGES / "runs.py", title="Runs", icon=":material/list_alt:"),
        st.Page(PAGES / "pipelines.py", title="Pipelines", icon=":material/account_tree:"),
    ],
    "The loop": [
        st.Page(PAGES / "data.py", title="1 · Data", icon=":material/dataset:"),
        st.Page(PAGES / "preferences.py", title="2 · Synthetic preferences", icon=":material/compare_arrows:"),
        st.Page(PAGES / "reward.py", title="3 · Reward model", icon=":material/balance:"),
        st.Page(PAGES / "ppo.py", title="4 · PPO", icon=":material/model_training:"),
        st.Page(PAGES / "compare.py", title="5 · Compare", icon=":material/leaderboard:"),
        st.Page(PAGES / "translate.py", title="6 · Translate & feedback", icon=":material/rate_review:"),
        st.Page(PAGES / "alignment.py", title="7 · Human alignment", icon=":material/handshake:"),
    ],
    "Production": [
        st.Page(PAGES / "monitor.py", title="Monitor", icon=":material/monitoring:"),
    ],
    "Models": [
        st.Page(PAGES / "models.py", title="Models", icon=":material/neurology:"),
    ],
})
keep_linguist_in_address()  # a reload of any page keeps the linguist's sign-in
try:
    with storage_errors():  # a locked, full, read-only or damaged store: its message, not a traceback
        navigation.run()
finally:  # also when the page stops or reruns: what it imported leaves the post-script collection's walk
    freeze_after_imports()
