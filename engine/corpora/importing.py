"""Import a parallel corpus from a Hugging Face dataset (a folder saved by ``datasets`` or a hub id).

The rows are turned into JSONL and go through exactly the same checks as an uploaded file.
"""

from __future__ import annotations

import json
from pathlib import Path


class DatasetImportError(ValueError):
    """The dataset cannot be opened, or lacks the named fields."""


def _field(row: dict, path: str):
    value = row
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            raise DatasetImportError(f"field {path!r} is not in the dataset's rows (found: {', '.join(row)})")
        value = value[part]
    return value


def dataset_to_jsonl(location: str, source_field: str, target_field: str, split: str = "train",
                     limit: int | None = None) -> bytes:
    """Rows of a dataset as JSONL bytes with ``source``/``target`` keys.

    ``location`` is a folder written by ``Dataset.save_to_disk`` / ``DatasetDict.save_to_disk`` or a
    hub id (online only). Fields may be dotted, e.g. ``translation.en`` for the WMT layout.
    """
    import datasets

    path = Path(location).expanduser()
    try:
        if path.exists():
            loaded = datasets.load_from_disk(str(path))
        else:
            loaded = datasets.load_dataset(location)
    except Exception as exc:  # noqa: BLE001 - datasets raises many kinds; the user needs the reason
        raise DatasetImportError(f"cannot open dataset {location!r}: {exc}") from exc
    if isinstance(loaded, datasets.DatasetDict):
        if split not in loaded:
            raise DatasetImportError(f"dataset has no split {split!r} (splits: {', '.join(loaded)})")
        loaded = loaded[split]
    if limit is not None:
        loaded = loaded.select(range(min(limit, len(loaded))))
    lines = []
    for row in loaded:
        lines.append(json.dumps({"source": _field(row, source_field), "target": _field(row, target_field)},
                                ensure_ascii=False))
    return ("\n".join(lines) + "\n").encode("utf-8")
