"""AppTest helpers: the studio shell on a fresh workspace, switched to one page."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "studio" / "app.py")


@pytest.fixture
def open_page(workspace, monkeypatch):
    """``open_page("data")`` runs the app on the test's workspace and switches to ``pages/data.py``.

    The studio's watcher thread stays off (every test's studio would keep one polling); the pages' own live
    fragments poll and advance pipelines, as they do in the browser."""
    monkeypatch.setenv("TARJAMA_WATCHER", "0")

    def _open(name: str | None = None, timeout: float = 60) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=timeout)
        at.run()
        if name:
            at.switch_page(f"../pages/{name}.py")
            at.run()
        assert not at.exception, [e.message for e in at.exception]
        return at

    yield _open
    # jobs the page launched must not outlive the test: cancel them through the app's own supervisor
    from studio.state import _open as open_studio

    studio = open_studio(str(workspace.root))
    for run in studio.store.runs.active():
        studio.supervisor.cancel_and_wait(run["id"], timeout_s=30)


def by_label(elements, label: str):
    """The one element of a list whose label is ``label``."""
    found = [e for e in elements if e.label == label]
    assert len(found) == 1, f"{label!r} not found among {[e.label for e in elements]}"
    return found[0]


def shown(text: str) -> str:
    """A message as the page shows it: its Markdown escapes taken out (``show_error`` escapes every punctuation
    mark of what it shows, so that a file's or a user's text is never read as Markdown)."""
    import re

    return re.sub(r"\\(.)", r"\1", text)
