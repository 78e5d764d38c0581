"""Messages that carry what a user typed or a file held: shown as written, never read as Markdown."""

from __future__ import annotations

from typing import Any

import streamlit as st

from engine.markup import markdown_literal


def show_error(problem: BaseException | str, where: Any = st) -> None:
    """An error box of ``problem`` (an exception's message, or a text) shown as written. The engine's refusals quote
    the user's input — a file's line, a strategy typed, a name — and ``st.error`` reads its text as Markdown: a
    line ``{"pair": "[click](http://…) **x**"}`` became a live link in the refusal. ``where``: a column or other
    container (the page by default)."""
    where.error(markdown_literal(str(problem)))
