"""Shared fixtures: a temporary workspace and store, and a supervisor with a fast heartbeat."""

from __future__ import annotations

import contextlib
import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from engine.store import Store  # noqa: E402
from engine.workspace import Workspace  # noqa: E402

SHARED_CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    """An empty workspace under the test's tmp folder (also exported as $TARJAMA_HOME)."""
    ws = Workspace(tmp_path / "workspace").ensure()
    monkeypatch.setenv("TARJAMA_HOME", str(ws.root))
    return ws


@pytest.fixture
def store(workspace: Workspace) -> Store:
    """A migrated store in the temporary workspace."""
    s = Store(workspace.db_path)
    yield s
    s.close()


@pytest.fixture
def supervisor(store: Store, workspace: Workspace):
    """A supervisor whose jobs beat every 0.2 s and are declared dead after 3 s of silence."""
    from engine.jobs.supervisor import Supervisor

    sup = Supervisor(store, workspace, kill_after_s=10, stale_after_s=3, heartbeat_s=0.2)
    yield sup
    for run in store.runs.active():  # never leave a job process behind a test
        with contextlib.suppress(Exception):
            sup.cancel_and_wait(run["id"], timeout_s=15)
