"""Output chunks as checkpoints: numbered after the highest on disk, a damaged one named with what to do."""

from __future__ import annotations

import json

import pytest

from engine.jobs.chunks import chunk_files, read_chunk, write_chunk


def _write(folder, rows):
    return write_chunk(folder, "jsonl", lambda tmp: tmp.write_text(json.dumps(rows) + "\n", encoding="utf-8"))


def test_a_chunk_takes_the_number_after_the_highest_on_disk_not_the_count(tmp_path):
    assert _write(tmp_path, [0]).name == "chunk-00000.jsonl"
    assert _write(tmp_path, [1]).name == "chunk-00001.jsonl"
    (tmp_path / "chunk-00000.jsonl").unlink()  # a damaged chunk deleted, as its error says
    assert _write(tmp_path, [2]).name == "chunk-00002.jsonl"  # counting gave 1: the last chunk overwritten
    (tmp_path / "chunk-99999.jsonl").write_text("[3]\n", encoding="utf-8")
    assert _write(tmp_path, [4]).name == "chunk-100000.jsonl"
    (tmp_path / ".chunk-00007.jsonl.tmp").write_text("half", encoding="utf-8")  # a write a kill interrupted
    assert [p.name for p in chunk_files(tmp_path, "jsonl")] == [
        "chunk-00001.jsonl", "chunk-00002.jsonl", "chunk-99999.jsonl", "chunk-100000.jsonl"]


def test_a_damaged_chunk_is_named_with_what_to_do(tmp_path):
    chunk = tmp_path / "chunk-00003.jsonl"
    chunk.write_bytes(b'{"line": 1, "source": "\xff')
    with pytest.raises(ValueError, match=r"^outputs/chunks/chunk-00003.jsonl is damaged \(.+\): delete it and "
                                         r"resume the run"):
        read_chunk(chunk, lambda p: [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines()],
                   "outputs/chunks")
