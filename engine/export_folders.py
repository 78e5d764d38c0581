"""Folders the studio writes for other tools (a model export, a preference export, an Argilla dataset): what may be
replaced, and how the files are left for sharing.

An export replaces its folder (or the files in it), so the folder it writes to must be nothing yet or an earlier
export of the same thing: ``--out`` pointing at a user's own folder deleted their files, and an Argilla folder
annotated since was overwritten. Each export says how it recognises its own earlier folder; the refusal and its
wording are here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


class NotAnEarlierExport(ValueError):
    """The folder an export would replace holds something else; the message says what to do."""


def check_replaceable(folder: Path, what: str, is_earlier_export: Callable[[Path], bool]) -> None:
    """Raise :class:`NotAnEarlierExport` unless ``folder`` does not exist or is a folder ``is_earlier_export``
    recognises as an earlier export of ``what`` (called only for an existing folder)."""
    if not folder.exists() or (folder.is_dir() and is_earlier_export(folder)):
        return
    raise NotAnEarlierExport(f"{folder} already exists and is not an earlier export of {what}: choose another "
                             "folder, or move it away first (an export replaces what is there)")


def make_shareable(folder: Path) -> None:
    """Files 0644 and folders 0755: an export is meant to be shared, and safetensors writes its files 0600."""
    folder.chmod(0o755)
    for path in folder.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
