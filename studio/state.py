"""The studio's long-lived services, shared by every browser session of this server process."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import streamlit as st

from engine.services import Services
from engine.store import StoreError
from engine.workspace import Workspace

F = TypeVar("F", bound=Callable[..., Any])


@st.cache_resource(show_spinner="Opening the workspace…")
def _open(root: str) -> Services:
    import os
    from pathlib import Path

    opened = Services.open(Workspace(Path(root)))
    if os.environ.get("TARJAMA_WATCHER", "1") == "1":
        opened.watch()  # runs are ingested and pipelines advance even with no page open
    # transformers imported here, once, before any page gets the services: two page threads importing it at once
    # had one fail ("cannot import name 'AutoConfig' from 'transformers'") and a registration lost to a traceback
    from engine.models.loading import import_transformers

    import_transformers()
    return opened


def services() -> Services:
    """The :class:`Services` of the workspace named by ``$TARJAMA_HOME`` (opened once per process)."""
    return _open(str(Workspace.from_env().root))


def open_at_start() -> None:
    """Open the workspace as the server starts (from a thread of the entry point), not at the first page: until
    someone opened a page, a restarted studio reattached to no job, read in no job's events, advanced no pipeline
    and held no lock on its store (a cron's ``python -m engine retrain-due`` could take it, and the page then said
    the store was held). A failure is printed; the first page shows it as it always did."""
    import logging
    import sys

    # the cache is the one every session reads; called outside a script run, Streamlit warns that it has no context
    context_log = logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context")
    level = context_log.level
    context_log.setLevel(logging.ERROR)
    try:
        services()
    except Exception as exc:  # noqa: BLE001 — any failure is the first page's to show; this thread only says it
        print(f"tarjama-studio: the workspace is not open yet ({exc}); the first page will try again",
              file=sys.stderr, flush=True)
    finally:
        context_log.setLevel(level)


@contextmanager
def storage_errors() -> Iterator[None]:
    """Show a storage failure (a locked, full, read-only or damaged store) as its message, not as a traceback;
    the rest of the page is skipped, and the next rerun tries again."""
    try:
        yield
    except StoreError as exc:
        st.error(str(exc), icon=":material/database:")


def shows_storage_errors(func: F) -> F:
    """:func:`storage_errors` around a function — for fragments, whose reruns do not pass through the app shell."""
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with storage_errors():
            return func(*args, **kwargs)
    return wrapper  # type: ignore[return-value]
