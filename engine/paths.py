"""A path as a user typed it: ``~`` and ``~user`` expanded, an unknown user said in one line."""

from __future__ import annotations

from pathlib import Path


def user_path(text: str | Path) -> Path:
    """``Path(text)`` with ``~`` / ``~user`` expanded. Raises :class:`ValueError` naming the path when it cannot be
    (``~nosuchuser/x``, or ``~`` with no home folder): pathlib's ``RuntimeError`` reached the command line and the
    pages as a traceback."""
    try:
        return Path(text).expanduser()
    except RuntimeError:
        head = str(text).split("/", 1)[0]
        raise ValueError(f"{str(text)!r}: {head!r} names no user's home folder on this machine") from None
