"""The append-only event log of a run (``events.jsonl``): written by the job, read by the studio.

One JSON object per line, each with ``seq`` (increasing within the run, continued across resumes),
``time`` (Unix seconds) and ``type``: ``status``, ``progress``, ``metric``, ``log``, ``heartbeat`` or
``artifact``. Readers take complete lines only, so a line being written is never half-read.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

EVENTS_FILE = "events.jsonl"
STATUSES = ("queued", "running", "succeeded", "failed", "cancelled")
FINAL_STATUSES = ("succeeded", "failed", "cancelled")


def _last_seq(path: Path) -> int:
    """The ``seq`` of the last parseable line of an events file (0 when none)."""
    if not path.exists():
        return 0
    size = path.stat().st_size
    with path.open("rb") as fh:
        for window in (65536, size):
            fh.seek(max(0, size - window))
            for raw in reversed(fh.read().split(b"\n")):
                try:
                    event = json.loads(raw)
                except (ValueError, RecursionError):
                    continue
                if well_formed(event):
                    return int(event["seq"])
    return 0


class EventWriter:
    """Appends events to a run's ``events.jsonl``; safe to call from several threads."""

    def __init__(self, run_dir: Path) -> None:
        self.path = Path(run_dir) / EVENTS_FILE
        self._lock = threading.Lock()
        self._seq = _last_seq(self.path)
        needs_newline = self.path.exists() and self.path.stat().st_size > 0 and not self._ends_with_newline()
        self._fh = self.path.open("a", encoding="utf-8")
        if needs_newline:  # a crash left half a line: close it so the next event starts clean
            self._fh.write("\n")
            self._fh.flush()

    def _ends_with_newline(self) -> bool:
        with self.path.open("rb") as fh:
            fh.seek(-1, os.SEEK_END)
            return fh.read(1) == b"\n"

    def emit(self, type_: str, **payload: Any) -> int:
        """Append one event and return its ``seq``."""
        with self._lock:
            self._seq += 1
            record = {"seq": self._seq, "time": time.time(), "type": type_, **payload}
            self._fh.write(json.dumps(record, ensure_ascii=False, default=_jsonable) + "\n")
            self._fh.flush()
            return self._seq

    def close(self) -> None:
        with self._lock:
            self._fh.close()


def _jsonable(value: Any) -> Any:
    """Turn numpy/torch scalars and paths into JSON values."""
    if hasattr(value, "item"):
        return value.item()
    return str(value)


@dataclass
class EventBatch:
    """Complete events read from an offset, and the offset just after the last complete line.

    ``corrupt`` holds the unparseable complete lines as (byte offset, raw line); ``tail`` is (start, digest) of the
    last complete line read — the bytes ``[start, next_offset)`` — or None when no line was read.
    """

    events: list[dict]
    next_offset: int
    bad_lines: int = 0
    corrupt: list[tuple[int, bytes]] = field(default_factory=list)
    tail: tuple[int, str] | None = None


def read_events(run_dir: Path, offset: int = 0, max_bytes: int = 8 << 20) -> EventBatch:
    """Read the complete lines of ``events.jsonl`` from byte ``offset`` on (at most ``max_bytes``,
    all when -1).

    A trailing partial line (a write in progress) is left for the next call. Unparseable complete lines, and lines
    of another shape (:func:`well_formed`), are counted in ``bad_lines`` (and kept in ``corrupt``) and skipped; so is
    a complete line longer than ``max_bytes`` (its first bytes kept): no read found its end, and the run's ingestion
    stood still at it for good — no later event read, its heartbeats unseen, the healthy job killed as hung.
    """
    path = Path(run_dir) / EVENTS_FILE
    if not path.exists():
        return EventBatch([], offset)
    with path.open("rb") as fh:
        fh.seek(offset)
        data = fh.read(max_bytes)
        end = data.rfind(b"\n")
        if end < 0 and 0 <= max_bytes <= len(data):  # one line fills the window: skip to its end, if written
            line_end = _next_newline(fh)
            if line_end is None:
                return EventBatch([], offset)
            tail = (offset, _digest_of(fh, offset, line_end + 1))  # where reading stands, as for any line read
            return EventBatch([], line_end + 1, 1, [(offset, data[:256])], tail)
    if end < 0:
        return EventBatch([], offset)
    events, corrupt = [], []
    position = offset
    for raw in data[: end + 1].split(b"\n")[:-1]:
        start, position = position, position + len(raw) + 1
        if not raw.strip():
            continue
        try:
            event = json.loads(raw)
        except (ValueError, RecursionError):
            event = None
        if not well_formed(event):
            corrupt.append((start, raw))
            continue
        events.append(event)
    last_start = offset + data.rfind(b"\n", 0, end) + 1
    tail = (last_start, line_digest(data[last_start - offset: end + 1]))
    return EventBatch(events, offset + end + 1, len(corrupt), corrupt, tail)


def _next_newline(fh: Any, chunk: int = 1 << 20) -> int | None:
    """The position of the next ``\\n`` from ``fh``'s position on, or None when the file ends first."""
    while True:
        start = fh.tell()
        data = fh.read(chunk)
        if not data:
            return None
        found = data.find(b"\n")
        if found >= 0:
            return start + found


def _digest_of(fh: Any, start: int, end: int, chunk: int = 1 << 20) -> str | None:
    """:func:`line_digest` of the bytes ``[start, end)`` of ``fh``, read a chunk at a time (a line may be megabytes
    long), or None when the file ends before ``end``."""
    digest = hashlib.blake2b(digest_size=16)
    fh.seek(start)
    while start < end:
        data = fh.read(min(chunk, end - start))
        if not data:
            return None
        digest.update(data)
        start += len(data)
    return digest.hexdigest()


def unread_line(run_dir: Path, offset: int) -> bool:
    """Whether ``events.jsonl`` holds a complete line past byte ``offset``: events written but not ingested yet (a
    backlog, read a window per poll) — a trailing partial line does not count."""
    path = Path(run_dir) / EVENTS_FILE
    try:
        with path.open("rb") as fh:
            fh.seek(offset)
            return _next_newline(fh) is not None
    except OSError:
        return False


_MAX_INTEGER = 2**53
_LAST_TIME = 1e11
"""Unix seconds past any date a run writes (year 5138): a larger ``time`` overflowed the date conversion."""


def _integer(value: Any) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool) and abs(value) < _MAX_INTEGER) or (
        isinstance(value, float) and value.is_integer() and abs(value) < _MAX_INTEGER)


def _number(value: Any) -> bool:
    """A finite JSON number (``None`` allowed by the callers that say so)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _optional(check: Any) -> Any:
    return lambda value: value is None or check(value)


_FIELDS: dict[str, dict[str, Any]] = {
    "metric": {"step": _optional(_integer), "values": _optional(lambda v: isinstance(v, dict) and all(
        isinstance(k, str) and (x is None or isinstance(x, (bool, int, float))) for k, x in v.items()))},
    "progress": {"done": _optional(_number), "total": _optional(_number), "eta_s": _optional(_number),
                 "unit": _optional(lambda v: isinstance(v, str)), "message": _optional(lambda v: isinstance(v, str))},
    "status": {"status": lambda v: v in STATUSES, "error": _optional(lambda v: isinstance(v, str))},
    "log": {"level": _optional(lambda v: isinstance(v, str))},
    "artifact": {"kind": lambda v: isinstance(v, str)},
}
"""What each event type's fields must hold when present (``status`` and an artifact's ``kind`` always): a line of
valid JSON of another shape — a metric's values as a list, a time of 1e300 — raised in every reader (the studio's
poll, so no page opened, and every ``jobs`` command), where an unparseable line was skipped and counted."""


def well_formed(event: Any) -> bool:
    """Whether ``event`` (a parsed line) has the shape every reader of the log relies on."""
    if not isinstance(event, dict) or not _integer(event.get("seq")) or not isinstance(event.get("type"), str):
        return False
    when = event.get("time", 0)
    if not _number(when) or not 0 <= when < _LAST_TIME:
        return False
    fields = _FIELDS.get(event["type"], {})
    required = {"status": ("status",), "artifact": ("kind",)}.get(event["type"], ())
    return all(name in event for name in required) and all(
        check(event[name]) for name, check in fields.items() if name in event)


def line_digest(raw: bytes) -> str:
    """A short digest of raw bytes (a line of the event log)."""
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def event_digest(event: dict) -> str:
    """The identity of an event by its content — everything but ``seq``, which a rewritten file may renumber."""
    body = {k: v for k, v in event.items() if k != "seq"}
    return line_digest(json.dumps(body, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8"))


@dataclass(frozen=True)
class EventFileView:
    """What the event log looks like now: its identity, size, first line, and a way to check a byte range."""

    path: Path
    file_id: str
    size: int
    head_digest: str | None  # None while the file has no complete first line

    def digest_of(self, start: int, end: int) -> str | None:
        """The :func:`line_digest` of bytes ``[start, end)``, or None when the file is shorter than ``end``."""
        if not 0 <= start < end <= self.size:
            return None
        with self.path.open("rb") as fh:
            return _digest_of(fh, start, end)


def view_events_file(run_dir: Path, head_limit: int = 1 << 16) -> EventFileView | None:
    """Look at a run's ``events.jsonl`` without reading it (None when there is none)."""
    path = Path(run_dir) / EVENTS_FILE
    try:
        with path.open("rb") as fh:
            stat = os.fstat(fh.fileno())
            head = fh.read(min(head_limit, stat.st_size))
    except FileNotFoundError:
        return None
    newline = head.find(b"\n")
    return EventFileView(path, f"{stat.st_dev}:{stat.st_ino}", stat.st_size,
                         line_digest(head[: newline + 1]) if newline >= 0 else None)


def last_status(run_dir: Path) -> dict | None:
    """The last ``status`` event of a run read straight from its file (for the CLI and tests)."""
    status = None
    for event in read_events(run_dir, 0, max_bytes=-1).events:
        if event["type"] == "status":
            status = event
    return status
