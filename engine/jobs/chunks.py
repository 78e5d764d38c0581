"""Output chunks that double as checkpoints (the ``generate`` and ``translate_batch`` jobs).

A job writes its output a chunk at a time, each file atomically (a temporary name, then a rename), and a resumed run
skips the sources its chunks already hold. A chunk is numbered after the highest number on disk, never by counting
the files: with a damaged chunk deleted, counting gave a number already taken and every later chunk overwrote the
same file — a resumed run "succeeded" with a fraction of its sources.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

_NUMBER = re.compile(r"^chunk-(\d+)\.")


def chunk_files(chunk_dir: Path, suffix: str) -> list[Path]:
    """The chunks of ``chunk_dir`` (``chunk-NNNNN.<suffix>``) in the order they were written."""
    found = [(int(m.group(1)), p) for p in chunk_dir.glob(f"chunk-*.{suffix}") if (m := _NUMBER.match(p.name))]
    return [p for _, p in sorted(found)]


def write_chunk(chunk_dir: Path, suffix: str, write: Callable[[Path], None]) -> Path:
    """Write the next chunk atomically: ``write`` fills a temporary file, then it takes the number after the highest
    one on disk; returns its path."""
    files = chunk_files(chunk_dir, suffix)
    index = int(_NUMBER.match(files[-1].name).group(1)) + 1 if files else 0
    final = chunk_dir / f"chunk-{index:05d}.{suffix}"
    tmp = chunk_dir / f".{final.name}.tmp"
    write(tmp)
    os.replace(tmp, final)
    return final


def read_chunk(path: Path, read: Callable[[Path], T], where: str) -> T:
    """``read(path)``, or a :class:`ValueError` that names the damaged chunk and what to do about it (``where``: the
    folder as the user sees it, e.g. ``outputs/candidates``)."""
    try:
        return read(path)
    except Exception as exc:  # a truncated or overwritten file: pyarrow, json and unicode errors alike
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ValueError(f"{where}/{path.name} is damaged ({reason}): delete it and resume the run — its sources are "
                         "done again, the other chunks are kept") from None


def missing_note(missing: int, total: int, where: str) -> str:
    """The error of a run whose chunks do not cover all of its sources."""
    return (f"{missing} of {total} sources have no output in {where} (a chunk was lost): resume the run to do them")
