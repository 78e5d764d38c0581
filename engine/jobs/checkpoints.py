"""The studio's own checkpoint scheme, for jobs that do not checkpoint through a Hugging Face ``Trainer``
(``bootstrap``, ``ppo``): ``checkpoints/step-NNNNNNN/`` folders and a ``latest.json`` pointer.

A checkpoint is written under a temporary name and renamed into place when complete; the pointer is then replaced
atomically (``os.replace``) and older checkpoints are removed. A crash at any moment leaves the previous
checkpoint in force: the pointer names either the old folder or the new, complete one.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LATEST_FILE = "latest.json"


def write_json_atomic(path: Path, data: dict) -> None:
    """Write ``data`` as JSON to ``path`` through a temporary file and a rename (never half-written)."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def pointed_name(checkpoint_dir: Path) -> str | None:
    """The folder name ``latest.json`` points at (None when there is no readable pointer)."""
    try:
        return str(json.loads((Path(checkpoint_dir) / LATEST_FILE).read_text(encoding="utf-8"))["path"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def latest_checkpoint(checkpoint_dir: Path, complete_marker: str) -> Path | None:
    """The checkpoint ``latest.json`` points at, when it holds ``complete_marker`` (a file written last); with no
    readable pointer (removed, or cut short by a full disk) or one naming a folder that is gone or lacks the marker,
    the newest ``step-*`` folder that holds it — read as "no checkpoint", the run started over and its next save
    deleted the good checkpoint.

    Raises ValueError naming the file when its weights or saved states cannot be read: the checkpoint was written
    whole and renamed into place, so it was changed since (by hand, a disk fault); resuming would fail inside
    safetensors or ``torch.load``, and starting over silently would throw the run's progress away."""
    name = pointed_name(checkpoint_dir)
    if name is None or not (Path(checkpoint_dir) / name / complete_marker).is_file():
        # no pointer, or one naming a folder gone or incomplete: the newest complete folder on disk
        steps = sorted(p.name for p in Path(checkpoint_dir).glob("step-*")
                       if p.is_dir() and p.name[5:].isdigit() and (p / complete_marker).is_file())
        if not steps:
            return None
        name = steps[-1]
    path = Path(checkpoint_dir) / name
    problem = damaged_files(path)
    if problem:
        raise ValueError(f"the run's checkpoint {name} cannot be resumed from: {problem}. It was complete when "
                         f"written, so it was changed since; move {path} away to start the run over")
    return path


def damaged_files(folder: Path) -> str | None:
    """Which file under ``folder`` cannot be opened, and why (None: all can): ``*.safetensors`` by their header,
    and ``torch.save`` files (``*.pt``, ``*.pth``: optimizer, scheduler and RNG states) by their zip
    directory — a cut-short ``optimizer.pt`` failed every resume beside a good checkpoint."""
    import zipfile

    from safetensors import safe_open

    for file in sorted(Path(folder).rglob("*")):
        if not file.is_file():
            continue
        try:
            if file.suffix == ".safetensors":
                with safe_open(str(file), framework="pt"):
                    pass
            elif file.suffix in (".pt", ".pth") and not zipfile.is_zipfile(file):
                raise ValueError("not a whole torch.save file (its zip directory is missing: cut short?)")
        except Exception as exc:  # noqa: BLE001 — safetensors raises its own error type for a damaged header
            return f"{file.relative_to(folder)} is damaged ({exc})"
    return None


@contextmanager
def new_checkpoint(checkpoint_dir: Path, step: int) -> Iterator[Path]:
    """Yield a temporary folder to write step ``step``'s checkpoint into; when the block ends without an error it
    becomes ``step-NNNNNNN/``, ``latest.json`` points at it and older checkpoints are removed (an error leaves the
    previous checkpoint in force and the temporary folder behind, cleared by the next save)."""
    checkpoint_dir = Path(checkpoint_dir)
    checkpoint_dir.mkdir(parents=True, exist_ok=True)
    name = f"step-{step:07d}"
    tmp, final = checkpoint_dir / (name + ".tmp"), checkpoint_dir / name
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    yield tmp
    shutil.rmtree(final, ignore_errors=True)
    os.replace(tmp, final)
    write_json_atomic(checkpoint_dir / LATEST_FILE, {"path": name, "step": step})
    for old in checkpoint_dir.glob("step-*"):
        if old.name != name:
            shutil.rmtree(old, ignore_errors=True)
