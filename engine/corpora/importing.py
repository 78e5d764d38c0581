"""Import a parallel corpus from a Hugging Face dataset (a folder saved by ``datasets`` or a hub id).

The rows are turned into JSONL and go through exactly the same checks as an uploaded file.
"""

from __future__ import annotations

import json

from engine.paths import user_path


class DatasetImportError(ValueError):
    """The dataset cannot be opened, or lacks the named fields."""


def _field(row: dict, path: str):
    if path in row:  # a column whose own name holds a dot ("translation.en" flattened by a parquet export)
        return row[path]
    value = row
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            raise DatasetImportError(f"field {path!r} is not in the dataset's rows (found: {', '.join(row)})")
        value = value[part]
    return value


DATA_FILE_BUILDERS = {".parquet": "parquet", ".jsonl": "json", ".json": "json", ".csv": "csv", ".tsv": "csv",
                      ".arrow": "arrow"}
"""The ``datasets`` builder of a data file given by its path (a folder of such files is inferred by ``datasets``)."""


def _open(location: str):
    import datasets

    path = user_path(location)
    if not path.exists():
        return datasets.load_dataset(location)  # a hub id (online only)
    if path.is_dir() and ((path / "dataset_dict.json").is_file() or (path / "state.json").is_file()):
        return datasets.load_from_disk(str(path))  # written by save_to_disk
    # data files (an offline hub snapshot: parquet or JSONL) — load_from_disk alone refused them
    if path.is_dir():
        return datasets.load_dataset(str(path))
    builder = DATA_FILE_BUILDERS.get(path.suffix.lower())
    if builder is None:
        raise ValueError(f"{path.name} is neither a dataset folder nor a data file "
                         f"({', '.join(DATA_FILE_BUILDERS)})")
    extra = {"delimiter": "\t"} if path.suffix.lower() == ".tsv" else {}
    return datasets.load_dataset(builder, data_files={"train": str(path)}, **extra)


def dataset_label(location: str, split: str) -> str:
    """What a corpus imported from ``location`` records as its source file: the dataset folder's or file's name, or
    the hub id's last part, and the split (a path with ``..`` in it was refused as a file name pointing outside its
    folder, after the whole dataset had been read)."""
    path = user_path(location)
    name = path.resolve().name if path.exists() else location.rstrip("/").rsplit("/", 1)[-1]
    return f"{name or location}:{split}"


def dataset_to_jsonl(location: str, source_field: str, target_field: str, split: str = "train",
                     limit: int | None = None) -> bytes:
    """Rows of a dataset as JSONL bytes with ``source``/``target`` keys.

    ``location`` is a folder written by ``Dataset.save_to_disk`` / ``DatasetDict.save_to_disk``, a folder or a file
    of data files (parquet, JSONL, CSV/TSV, arrow) or a hub id (online only). Fields may be dotted, e.g.
    ``translation.en`` for the WMT layout. A dataset without splits (one ``Dataset``) takes only the split
    ``train`` (any other name was ignored without a word, and the whole dataset imported).
    """
    import datasets

    try:
        loaded = _open(location)
    except IndexError:  # load_from_disk of a dataset saved with no rows: no data shard to open
        raise DatasetImportError(f"dataset {location!r} has no rows (it holds no data file)") from None
    except Exception as exc:  # noqa: BLE001 - datasets raises many kinds; the user needs the reason
        raise DatasetImportError(f"cannot open dataset {location!r}: {exc}") from exc
    if isinstance(loaded, datasets.DatasetDict):
        if split not in loaded:
            raise DatasetImportError(f"dataset has no split {split!r} (splits: {', '.join(loaded)})")
        loaded = loaded[split]
    elif split != "train" and str(loaded.split or "train") != split:
        raise DatasetImportError(f"dataset has no split {split!r}: it is one dataset without splits — import it "
                                 "with the split 'train'")
    if len(loaded) == 0:
        raise DatasetImportError(f"dataset {location!r} has no rows" + (f" in its split {split!r}" if split else ""))
    if limit is not None:
        loaded = loaded.select(range(min(limit, len(loaded))))
    lines = []
    for row in loaded:
        lines.append(json.dumps({"source": _field(row, source_field), "target": _field(row, target_field)},
                                ensure_ascii=False))
    return ("\n".join(lines) + "\n").encode("utf-8")
