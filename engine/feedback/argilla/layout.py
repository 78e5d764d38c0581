"""Argilla 2.x's dataset layout: its file names, the settings the studio writes, user ids, and the layout as a
folder or a zip (see :mod:`engine.feedback.argilla`)."""

from __future__ import annotations

import hashlib
import io
import json
import uuid
import zipfile
import zlib
from collections.abc import Callable, Mapping
from pathlib import Path

from engine.export_folders import check_replaceable
from engine.feedback.judgements import ERROR_TAG_HELP, ERROR_TAGS

DATASET_FILE = ".argilla/dataset.json"
SETTINGS_FILE = ".argilla/settings.json"
RECORDS_FILE = "records.json"
ANNOTATORS_FILE = "tarjama_annotators.json"
LAYOUT_FILES: tuple[str, ...] = (DATASET_FILE, SETTINGS_FILE, RECORDS_FILE, ANNOTATORS_FILE)
NONE_LABEL = "none"
PARTIAL_RANKING = "partial_ranking"
"""The key, in a user's ``tarjama`` metadata, that marks a ranking exported as a ``draft`` because it ranks only
the candidates shown (see :func:`engine.feedback.argilla.export.export_files`)."""
USER_NAMESPACE = uuid.UUID("5b0e7c1e-2f7d-4d53-9a43-7461726a616d")
"""The namespace of the user ids made from linguists' names (uuid5)."""
MAX_IMPORT_MIB = 50
MAX_IMPORT_BYTES = MAX_IMPORT_MIB * 1024 * 1024
"""The largest Argilla import (a zip or a folder), from the page's upload or the command line."""
IMPORTED_MODEL = "argilla-import"
"""The policy named on imported requests whose record does not say which model translated."""

GUIDELINES = (
    "Judge the Arabic translations of the source. Either rank every candidate (ranking, best first), or pick the "
    "best one (best), or answer 'none' if none is acceptable; you may type the corrected translation (correction). "
    "Error tags and a comment are optional."
)


class ArgillaImportError(ValueError):
    """An Argilla folder that cannot be imported; ``problems`` lists every reason (record number first)."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = problems[:20] + ([f"… and {len(problems) - 20} more"] if len(problems) > 20 else [])
        super().__init__("the Argilla dataset cannot be imported:\n" + "\n".join(shown))


def user_id(linguist: str) -> str:
    """The Argilla user id of a linguist (a UUID made from the name, the same on every export)."""
    return str(uuid.uuid5(USER_NAMESPACE, linguist))


def _option(name: str, text: str) -> dict:
    return {"value": name, "text": text, "description": None}


def _question(name: str, title: str, description: str, settings: dict) -> dict:
    return {
        "id": None,
        "name": name,
        "title": title,
        "description": description,
        "required": False,
        "settings": settings,
        "inserted_at": None,
        "updated_at": None,
    }


def _field(name: str, title: str, required: bool) -> dict:
    return {
        "id": None,
        "name": name,
        "title": title,
        "required": required,
        "description": None,
        "settings": {"type": "text", "use_markdown": False},
        "dataset_id": None,
        "inserted_at": None,
        "updated_at": None,
    }


def settings(n_candidates: int) -> dict:
    """``.argilla/settings.json`` for records of up to ``n_candidates`` candidates."""
    names = [f"candidate_{k}" for k in range(1, n_candidates + 1)]
    options = [_option(n, f"Candidate {k}") for k, n in enumerate(names, 1)]
    return {
        "guidelines": GUIDELINES,
        "questions": [
            _question("ranking", "Rank the candidates", "Best first.", {"type": "ranking", "options": options}),
            _question(
                "best",
                "Pick the best",
                "Or 'none' if none is acceptable.",
                {
                    "type": "label_selection",
                    "options": [*options, _option(NONE_LABEL, "None is acceptable")],
                    "visible_options": None,
                },
            ),
            _question(
                "correction",
                "Corrected translation",
                "A post-edit, or the translation you would accept.",
                {"type": "text", "use_markdown": False},
            ),
            _question(
                "tags",
                "Error tags",
                "; ".join(f"{t}: {h}" for t, h in ERROR_TAG_HELP.items()),
                {
                    "type": "multi_label_selection",
                    "options": [_option(t, t) for t in ERROR_TAGS],
                    "visible_options": None,
                    "options_order": "natural",
                },
            ),
            _question("comment", "Comment", "", {"type": "text", "use_markdown": False}),
        ],
        "fields": [_field("source", "Source", True)]
        + [_field(n, f"Candidate {k}", False) for k, n in enumerate(names, 1)],
        "vectors": [],
        "metadata": [],
        "allow_extra_metadata": True,
        "distribution": {"strategy": "overlap", "min_submitted": 1},
    }


WRITTEN_FILE = "tarjama_written.json"
"""What an export wrote: each file's SHA-256 (``files``), so that a later export can tell a folder annotated in place
since (its ``records.json`` changed) from its own output."""


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _written(folder: Path) -> dict:
    """The file digests of the folder's :data:`WRITTEN_FILE`, or ``{}``."""
    try:
        written = json.loads((folder / WRITTEN_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return written.get("files", {}) if isinstance(written, dict) else {}


def changed_since_written(folder: Path) -> list[str]:
    """The layout files of an earlier export in ``folder`` that differ from what it wrote (empty: none, or an export
    made before :data:`WRITTEN_FILE` was, which cannot tell)."""
    changed = []
    for rel, digest in _written(folder).items():
        path = folder / str(rel)
        if rel in LAYOUT_FILES and (not path.is_file() or _digest(path.read_bytes()) != digest):
            changed.append(str(rel))
    return changed


def _unsaved(folder: Path, unimported: Callable[[dict[str, bytes]], int] | None) -> bool:
    """Whether a changed earlier export holds answers the store lacks (``unimported`` counts them, given the folder's
    files: :func:`engine.feedback.argilla.importing.unsaved_answers`). A folder that cannot be read, or no way to
    count, is taken to: overwriting it could lose them."""
    if unimported is None:
        return True
    try:
        return unimported(read_folder(folder)) > 0
    except (ArgillaImportError, ValueError, OSError):
        return True


def write_folder(folder: Path, files: Mapping[str, bytes], *,
                 unimported: Callable[[dict[str, bytes]], int] | None = None) -> Path:
    """Write the layout's files under ``folder`` (created; files replaced); returns the folder. A folder that holds
    anything but an earlier export (its ``tarjama_annotators.json``) is refused with a ``ValueError``: the export
    would overwrite a dataset annotated in Argilla, or any folder ``--out`` named — and so is an earlier export
    whose files were changed since it wrote them (annotated in place: the annotations were overwritten) unless its
    answers are all in the store (``unimported``, given the folder's files, counts those it lacks)."""
    folder = Path(folder)
    check_replaceable(folder, "the studio's judgements",
                      lambda found: not any(found.iterdir()) or (found / ANNOTATORS_FILE).is_file())
    if folder.is_dir() and (changed := changed_since_written(folder)) and _unsaved(folder, unimported):
        raise ValueError(f"{folder} holds an earlier export whose {', '.join(changed)} changed since it was written "
                         "(annotated in place?) and holds answers the store lacks: import it (python -m engine "
                         f"import argilla {folder}; drafts, discarded answers, a comment alone and answers to "
                         "questions added in Argilla are not imported — submit them there), or move the folder away, "
                         "then export again")
    for rel, data in files.items():
        if rel not in LAYOUT_FILES:
            raise ValueError(f"{rel} is not a file of the layout")
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    written = {"files": {rel: _digest(data) for rel, data in files.items()}}
    (folder / WRITTEN_FILE).write_text(json.dumps(written, indent=1), encoding="utf-8")
    return folder


def read_folder(folder: Path) -> dict[str, bytes]:
    """The layout's files found under ``folder`` (only the known names are read), at most
    :data:`MAX_IMPORT_BYTES` in all — as a zip's are (a 2 GiB ``records.json`` was read whole: a MemoryError)."""
    files = [rel for rel in LAYOUT_FILES if (folder / rel).is_file()]
    check_import_size(sum((folder / rel).stat().st_size for rel in files))
    return {rel: (folder / rel).read_bytes() for rel in files}


def read_zip_file(path: Path) -> dict[str, bytes]:
    """The layout's files from a zip on disk, refused unread when larger than :data:`MAX_IMPORT_BYTES` or not a
    regular file (``/dev/zero`` has size 0 and was read for ever)."""
    if not path.is_file():
        raise ArgillaImportError([f"{path} is neither a folder nor a zip file"])
    check_import_size(path.stat().st_size)
    return from_zip(path.read_bytes())


def check_import_size(size: int) -> None:
    """Refuse an import larger than :data:`MAX_IMPORT_BYTES` before it is read."""
    if size > MAX_IMPORT_BYTES:
        raise ArgillaImportError([f"the dataset is larger than {MAX_IMPORT_MIB} MiB"])


def to_zip(files: Mapping[str, bytes]) -> bytes:
    """The layout as a zip (for a download); unzipped, it is a folder ``rg.Dataset.from_disk`` reads."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for rel, data in files.items():
            zf.writestr(rel, data)
    return buf.getvalue()


def from_zip(data: bytes) -> dict[str, bytes]:
    """The layout's files from a zip of an exported folder (the folder itself may be the zip's top level entry);
    member names are only compared with the layout's, never used as paths."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ArgillaImportError(["the upload is not a zip file"]) from None
    out: dict[str, bytes] = {}
    total = 0
    with zf:
        for info in zf.infolist():
            name = info.filename.replace("\\", "/")
            for rel in LAYOUT_FILES:
                if name == rel or name.endswith("/" + rel):
                    total += info.file_size
                    check_import_size(total)
                    if rel not in out:
                        try:
                            out[rel] = zf.read(info)
                        except (zipfile.BadZipFile, zlib.error, RuntimeError, NotImplementedError, EOFError,
                                OSError) as exc:  # a damaged, encrypted or oddly compressed member
                            raise ArgillaImportError([f"{rel} cannot be read from the zip ({exc})"]) from None
    return out
