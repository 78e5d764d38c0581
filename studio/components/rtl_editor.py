"""A right-to-left text editor: a Streamlit text area whose CSS writes Arabic from the right."""

from __future__ import annotations

import re

import streamlit as st

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")


def rtl_text_area(label: str, value: str = "", *, key: str, height: int = 120, help: str | None = None,
                  placeholder: str | None = None) -> str:
    """A text area for Arabic: right-to-left, right-aligned, with an Arabic font (works inside a form).

    The area sits in a keyed container (Streamlit gives it the CSS class ``st-key-<key>``) and a style rule
    scoped to that class sets ``direction: rtl``, so the caret, punctuation and selection behave as Arabic
    writers expect, and ``unicode-bidi: isolate`` keeps it so whatever the first letter is (``plaintext`` let a
    correction starting with a Latin name — "Google هي …" — be laid out left to right); an embedded Latin word or
    number still reads in its own order.
    """
    box = "rtl-" + _UNSAFE.sub("-", key)
    with st.container(key=box):
        st.markdown(
            f"<style>.st-key-{box} textarea {{ direction: rtl; text-align: right; unicode-bidi: isolate;"
            " font-family: 'Noto Naskh Arabic', 'Noto Sans Arabic', 'DejaVu Sans', sans-serif; font-size: 1.1rem;"
            " line-height: 1.8; }</style>",
            unsafe_allow_html=True,
        )
        return st.text_area(label, value=value, key=key, height=height, help=help, placeholder=placeholder)
