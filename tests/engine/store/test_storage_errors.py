"""Storage failures say what happened and what to do: disk full, read-only folder, locked, damaged file.

Each condition is real: a full disk is the kernel's ENOSPC from ``/dev/full`` (the write-ahead log points there),
a read-only folder is enforced by the kernel (as root, the command runs without the capabilities that bypass file
modes), a lock is held by this test process, a damaged file is damaged bytes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from engine.store import Store, StoreCorruptError, StoreDiskFullError, StoreError, StoreReadOnlyError
from engine.workspace import Workspace

ROOT = Path(__file__).resolve().parents[3]
NO_DAC = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]


def cli(workspace: Workspace, *args: str, unprivileged: bool = False) -> subprocess.CompletedProcess:
    """``python -m engine jobs ARGS`` on the workspace; ``unprivileged``: file modes apply even when run as root."""
    prefix = NO_DAC if unprivileged and os.geteuid() == 0 else []
    env = {**os.environ, "TARJAMA_HOME": str(workspace.root), "PYTHONPATH": str(ROOT)}
    return subprocess.run([*prefix, sys.executable, "-m", "engine", "jobs", *args], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120)


def assert_one_line(proc: subprocess.CompletedProcess, *words: str) -> str:
    """The command failed with exit code 3 and one line on stderr (no traceback) that contains ``words``."""
    assert proc.returncode == 3, (proc.returncode, proc.stdout, proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), proc.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def _fill_the_disk(store: Store, path: Path) -> None:
    """From now on the store's writes hit a full disk: fold the log into the file, and point the next log at
    /dev/full (every write there fails with ENOSPC)."""
    if not Path("/dev/full").exists():
        pytest.skip("needs /dev/full")
    with store.db.cursor() as cur:
        cur.execute("CHECKPOINT")
    wal = Path(f"{path}.wal")
    assert not wal.exists()
    wal.symlink_to("/dev/full")


def test_disk_full_is_reported_not_hidden_by_the_rollback(tmp_path):
    path = tmp_path / "studio.duckdb"
    store = Store(path)
    store.runs.create("r0", "bootstrap", "kept", {}, "/x")
    _fill_the_disk(store, path)
    with pytest.raises(StoreDiskFullError) as caught:
        store.runs.create("r1", "bootstrap", "t", {}, "/x")
    message = str(caught.value)
    assert "is full" in message and "Free some space" in message and "rollback" not in message
    assert "No space left on device" in str(caught.value.__cause__)
    assert store.runs.get("r1") is None and store.runs.get("r0")["title"] == "kept"  # reads still work
    store.close()


def test_other_errors_in_a_transaction_pass_unchanged_even_when_the_rollback_fails(tmp_path):
    store = Store(tmp_path / "studio.duckdb")
    with pytest.raises(duckdb.ConstraintException), store.db.transaction() as cur:
        cur.execute("INSERT INTO runs (id, kind, config, run_dir) VALUES ('r', 'k', '{}', '/x')")
        cur.execute("INSERT INTO runs (id, kind, config, run_dir) VALUES ('r', 'k', '{}', '/x')")
    with pytest.raises(RuntimeError, match="boom"), store.db.transaction() as cur:
        cur.commit()  # the transaction is over: the rollback that follows fails, and must not replace "boom"
        raise RuntimeError("boom")
    store.close()


def test_cli_on_a_full_disk_prints_one_line(workspace):
    store = Store(workspace.db_path)
    run_dir = workspace.run_dir("r1")
    run_dir.mkdir()
    store.runs.create("r1", "bootstrap", "t", {}, str(run_dir))
    (run_dir / "events.jsonl").write_text('{"seq": 1, "time": 1, "type": "status", "status": "running"}\n')
    _fill_the_disk(store, workspace.db_path)
    store.close()  # the file is free for the command line; its next write (the ingestion) hits the full disk
    line = assert_one_line(cli(workspace, "list"), "is full", "Free some space")
    assert "rollback" not in line


def _read_only(workspace: Workspace, active_run: bool = True) -> None:
    """A workspace with a store (and a run with events to ingest) whose folder is then made read-only."""
    store = Store(workspace.db_path)
    if active_run:
        run_dir = workspace.run_dir("r1")
        run_dir.mkdir()
        store.runs.create("r1", "bootstrap", "t", {}, str(run_dir))
        (run_dir / "events.jsonl").write_text('{"seq": 1, "time": 1, "type": "status", "status": "running"}\n')
    with store.db.cursor() as cur:
        cur.execute("CHECKPOINT")
    store.close()
    workspace.root.chmod(0o555)


def test_cli_in_a_read_only_workspace_says_so_not_locked(workspace):
    if os.geteuid() == 0 and shutil.which("setpriv") is None:
        pytest.skip("as root, a read-only folder needs setpriv to be enforced")
    _read_only(workspace)
    try:
        assert_one_line(cli(workspace, "list", unprivileged=True), "cannot be written", "permission denied",
                        "TARJAMA_HOME")
        workspace.root.chmod(0o755)
        workspace.db_path.unlink()  # no store yet, in a read-only folder: it cannot even be created
        workspace.root.chmod(0o555)
        line = assert_one_line(cli(workspace, "list", unprivileged=True), "cannot be written", "permission denied")
        assert "held by another process" not in line
    finally:
        workspace.root.chmod(0o755)


def test_cli_in_a_workspace_that_cannot_be_created(tmp_path):
    if os.geteuid() == 0 and shutil.which("setpriv") is None:
        pytest.skip("as root, a read-only folder needs setpriv to be enforced")
    parent = tmp_path / "locked-parent"
    parent.mkdir()
    parent.chmod(0o555)
    try:
        line = assert_one_line(cli(Workspace(parent / "workspace"), "list", unprivileged=True), "Permission denied",
                               "writable")
        assert str(parent / "workspace") in line
    finally:
        parent.chmod(0o755)


def test_cli_while_another_process_holds_the_store(workspace):
    holder = Store(workspace.db_path)
    try:
        assert_one_line(cli(workspace, "list"), "held by another process", f"PID {os.getpid()}",
                        "is the studio running")
    finally:
        holder.close()


def test_a_file_that_is_not_a_database(workspace):
    workspace.db_path.write_bytes(b"this is not a database " * 500)
    with pytest.raises(StoreCorruptError, match="is damaged"):
        Store(workspace.db_path)
    assert_one_line(cli(workspace, "show", "r1"), "is damaged", "move the file aside")


def test_a_database_with_damaged_blocks(workspace):
    store = Store(workspace.db_path)
    for i in range(200):
        store.runs.create(f"r{i}", "bootstrap", "x" * 200, {"i": i}, "/x")
    with store.db.cursor() as cur:
        cur.execute("CHECKPOINT")
    store.close()
    size = workspace.db_path.stat().st_size
    with workspace.db_path.open("r+b") as fh:  # every block after the headers
        for offset in range(3 * 4096 + 100, size, 4096):
            fh.seek(offset)
            fh.write(b"\xff" * 64)
    with pytest.raises(StoreCorruptError, match="is damaged"):
        s = Store(workspace.db_path)
        s.runs.list()
    assert_one_line(cli(workspace, "list"), "is damaged")


def test_a_read_only_workspace_store_error_is_a_store_error(workspace):
    """In-process: the error class a page sees (the studio shows its message)."""
    if os.geteuid() == 0 and shutil.which("setpriv") is None:
        pytest.skip("as root, a read-only folder needs setpriv to be enforced")
    _read_only(workspace, active_run=False)
    code = ("from engine.store import Store, StoreReadOnlyError\n"
            "s = Store(__import__('sys').argv[1])\n"
            "try:\n    s.runs.create('r9', 'bootstrap', 't', {}, '/x')\n"
            "except StoreReadOnlyError as e:\n    print('READONLY', e)\n")
    prefix = NO_DAC if os.geteuid() == 0 else []
    try:
        proc = subprocess.run([*prefix, sys.executable, "-c", code, str(workspace.db_path)], capture_output=True,
                              text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    finally:
        workspace.root.chmod(0o755)
    assert proc.stdout.startswith("READONLY") and "cannot be written" in proc.stdout, proc.stderr
    assert issubclass(StoreReadOnlyError, StoreError)
