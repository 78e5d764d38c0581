"""Importing a corpus from a Hugging Face dataset: saved folders, data files, splits, fields, labels."""

from __future__ import annotations

import json

import pytest

from engine.corpora.importing import DatasetImportError, dataset_label, dataset_to_jsonl

ROWS = [{"translation": {"en": f"Sentence {i}.", "ar": f"جملة {i}."}} for i in range(4)]


def _rows(data: bytes) -> list[dict]:
    return [json.loads(line) for line in data.decode().splitlines()]


def test_a_saved_dataset_dict_is_read_by_split_and_dotted_fields(tmp_path):
    import datasets

    datasets.DatasetDict({"train": datasets.Dataset.from_list(ROWS),
                          "test": datasets.Dataset.from_list(ROWS[:1])}).save_to_disk(str(tmp_path / "wmt"))
    rows = _rows(dataset_to_jsonl(str(tmp_path / "wmt"), "translation.en", "translation.ar", "test"))
    assert rows == [{"source": "Sentence 0.", "target": "جملة 0."}]
    with pytest.raises(DatasetImportError, match=r"no split 'valid' \(splits: train, test\)"):
        dataset_to_jsonl(str(tmp_path / "wmt"), "translation.en", "translation.ar", "valid")


def test_one_dataset_without_splits_takes_only_train_and_an_empty_one_is_said(tmp_path):
    # a split name given to a plain Dataset was ignored: "no-such-split" imported every row
    import datasets

    datasets.Dataset.from_list(ROWS).save_to_disk(str(tmp_path / "plain"))
    assert len(_rows(dataset_to_jsonl(str(tmp_path / "plain"), "translation.en", "translation.ar"))) == 4
    with pytest.raises(DatasetImportError, match="no split 'no-such-split': it is one dataset without splits"):
        dataset_to_jsonl(str(tmp_path / "plain"), "translation.en", "translation.ar", "no-such-split")
    datasets.Dataset.from_list(ROWS).select([]).save_to_disk(str(tmp_path / "empty"))
    with pytest.raises(DatasetImportError, match="has no rows"):  # it said "list index out of range"
        dataset_to_jsonl(str(tmp_path / "empty"), "translation.en", "translation.ar")


def test_data_files_are_read_too_and_a_column_named_with_a_dot_is_found(tmp_path):
    # an offline hub snapshot (parquet or JSONL files) failed: only load_from_disk was tried
    import pyarrow as pa
    import pyarrow.parquet as pq

    flat = [{"translation.en": r["translation"]["en"], "translation.ar": r["translation"]["ar"]} for r in ROWS]
    pq.write_table(pa.Table.from_pylist(flat), tmp_path / "flat.parquet")
    rows = _rows(dataset_to_jsonl(str(tmp_path / "flat.parquet"), "translation.en", "translation.ar"))
    assert rows[0] == {"source": "Sentence 0.", "target": "جملة 0."} and len(rows) == 4
    snapshot = tmp_path / "snapshot"
    snapshot.mkdir()
    (snapshot / "train.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ROWS),
                                          encoding="utf-8")
    assert len(_rows(dataset_to_jsonl(str(snapshot), "translation.en", "translation.ar"))) == 4
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(DatasetImportError, match="neither a dataset folder nor a data file"):
        dataset_to_jsonl(str(tmp_path / "notes.txt"), "a", "b")


def test_the_label_is_the_datasets_name_whatever_the_path_says(tmp_path):
    # a path with ".." in it was read whole, then refused as a file name pointing outside its folder
    (tmp_path / "wmt").mkdir()
    assert dataset_label(f"{tmp_path}/wmt/../wmt", "train") == "wmt:train"
    assert dataset_label("Helsinki-NLP/opus-100", "test") == "opus-100:test"
