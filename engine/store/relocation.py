"""A workspace moved or copied to another folder: the store and the run folders name the old one.

The store keeps absolute paths — each run's folder, each model the studio trained or set up in ``models/`` — and a
run's ``config.yaml`` and ``inputs/*.json`` (what a resume reads) name the models' folders. After ``mv`` the paths
named nothing: Translate, Evaluate and exports failed, and a resumed run failed at once while its status stayed
"queued" for good (the studio read the old folder's events). When a store is opened, :func:`relocate` finds the
folder its paths were written in and rewrites every path under it to the workspace's folder.
"""

from __future__ import annotations

import logging
from pathlib import Path

LOG = logging.getLogger(__name__)
RUN_FILES = ("config.yaml", "inputs/*.json")
"""The files of a run folder that name paths a job reads again on resume."""


def moved_from(store, root: Path) -> Path | None:
    """The folder this workspace's stored paths were written in, when it is not ``root`` (None: not moved).

    A run folder is ``<workspace>/runs/<id>``; without runs, a model folder ``<workspace>/models/<name>`` that is
    gone where the store says and present under ``root`` tells the same."""
    root = Path(root).resolve()  # (a link to the same folder is no move)
    for (run_dir,) in store.db.query("SELECT run_dir FROM runs"):
        folder = Path(run_dir)
        if folder.is_absolute() and folder.parent.name == "runs" and folder.parent.parent.resolve() != root:
            return folder.parent.parent
    for (path,) in store.db.query("SELECT path FROM models"):
        folder = Path(path)
        if (folder.is_absolute() and folder.parent.name == "models" and folder.parent.parent.resolve() != root
                and not folder.exists() and (root / "models" / folder.name).exists()):
            return folder.parent.parent
    return None


def relocate(store, root: Path) -> Path | None:
    """Rewrite the paths under the folder the workspace was moved from (:func:`moved_from`) to ``root``: in the
    store (run folders, model paths) and in each run's :data:`RUN_FILES`. Returns the old folder, or None."""
    root = Path(root).resolve()
    old = moved_from(store, root)
    if old is None:
        return None
    before, after = f"{old}/", f"{root}/"
    with store.db.transaction() as cur:
        for table, column in (("runs", "run_dir"), ("models", "path")):
            cur.execute(f"UPDATE {table} SET {column} = ? || substr({column}, ?) WHERE starts_with({column}, ?)",
                        [after, len(before) + 1, before])
    changed = 0
    for pattern in RUN_FILES:
        for file in (root / "runs").glob(f"*/{pattern}"):
            text = file.read_text(encoding="utf-8")
            if before in text:
                tmp = file.with_name(f".{file.name}.tmp")  # whole or not at all: a resume reads it
                tmp.write_text(text.replace(before, after), encoding="utf-8")
                tmp.replace(file)
                changed += 1
    LOG.warning("the workspace was moved from %s to %s: its stored paths and %d run file(s) now name %s",
                old, root, changed, root)
    return old
