"""Models kept loaded in the studio process, one copy per folder, loaded again when the folder's weights change."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any


def _weight_files(path: str) -> list[Path] | None:
    """A local model folder's weight and config files, by name (None for a hub id, or a folder that is gone)."""
    folder = Path(path)
    if not folder.is_dir():
        return None
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in (".safetensors", ".bin", ".json"))


def model_fingerprint(path: str) -> str:
    """Sizes and modification times (whole seconds) of a local model folder's weight and config files (a hub id, or
    a folder that is gone: the path itself): part of an evaluation's cache key (kept as it is, so that stored
    evaluations keep their keys)."""
    files = _weight_files(path)
    if files is None:
        return path
    return ";".join(f"{p.name}:{s.st_size}:{int(s.st_mtime)}" for p in files for s in [p.stat()])


def weights_stamp(path: str) -> str:
    """What changes when a model folder's weights or config are replaced: each such file's name, size, inode and
    modification time in nanoseconds (a hub id, or a folder that is gone: the path itself). Finer than
    :func:`model_fingerprint`: a copy replaced within the same second, at the same size, is still told apart."""
    files = _weight_files(path)
    if files is None:
        return path
    return ";".join(f"{p.name}:{s.st_size}:{s.st_ino}:{s.st_mtime_ns}" for p in files for s in [p.stat()])


class LoadedModels:
    """At most ``size`` loaded models, one per key (a folder and how it is loaded), least recently used dropped
    first. A key whose folder changed (:func:`weights_stamp`) is dropped *before* its new copy loads: cached by
    folder and stamp together, the old copy stayed beside the new one — twice the memory of one model, which a GPU
    may not have."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._entries: OrderedDict[Hashable, tuple[str, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, path: str, load: Callable[[], Any]) -> Any:
        """The model loaded for ``key`` from ``path``, loading it with ``load()`` when absent or stale."""
        stamp = weights_stamp(path)
        with self._lock:
            entry = self._entries.pop(key, None)
            if entry is None or entry[0] != stamp:
                entry = None  # the stale copy is released before the new one loads
                while len(self._entries) >= self.size:
                    self._entries.popitem(last=False)
                entry = (stamp, load())
            self._entries[key] = entry
            return entry[1]

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        """Drop every loaded model."""
        with self._lock:
            self._entries.clear()
