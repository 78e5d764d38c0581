"""The translation endpoint of this studio process: one per process, started and stopped from the Monitor page.

It runs as a thread of the studio (see :mod:`engine.monitor.server` for why), writing the translation log through
the studio's own store; it stops with the studio.
"""

from __future__ import annotations

import threading

import streamlit as st

from engine.monitor.server import TranslationEndpoint
from studio.state import services


@st.cache_resource
def _slot(root: str) -> dict:
    return {"endpoint": None, "lock": threading.Lock()}


def _current() -> dict:
    return _slot(str(services().workspace.root))


def running_endpoint() -> TranslationEndpoint | None:
    """The endpoint serving now, or None."""
    endpoint = _current()["endpoint"]
    return endpoint if endpoint is not None and endpoint.running else None


def start_endpoint(port: int) -> str:
    """Serve ``POST /translate`` on 127.0.0.1:``port`` (0: any free port); returns its URL. An ``OSError`` says
    when the port is taken."""
    slot = _current()
    with slot["lock"]:
        if running_endpoint() is not None:
            return slot["endpoint"].url
        endpoint = TranslationEndpoint(services().store, port=port)
        url = endpoint.start()
        slot["endpoint"] = endpoint
        return url


def stop_endpoint() -> None:
    """Stop serving (nothing when it is not running)."""
    slot = _current()
    with slot["lock"]:
        if slot["endpoint"] is not None:
            slot["endpoint"].stop()
            slot["endpoint"] = None
