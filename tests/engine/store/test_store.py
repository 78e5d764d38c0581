"""``Store``: one database, every repository on it, and what a closed store leaves in its file."""

from __future__ import annotations

import pyarrow as pa

from engine.store import Store
from engine.store.database import migration_files


def test_every_repository_works_on_the_one_database(store):
    repositories = (
        store.runs,
        store.corpora,
        store.models,
        store.preferences,
        store.evaluations,
        store.feedback,
        store.pipelines,
    )
    assert all(r.db is store.db for r in repositories)


def test_what_was_written_is_there_after_closing_and_opening_again(workspace):
    first = Store(workspace.db_path)
    first.runs.create("r1", "sft", "title", {"a": 1}, "/r1")
    first.models.register("m", "policy", "/m", stage="sft")
    corpus_id = first.corpora.add(
        "c",
        "en-ar",
        pa.Table.from_pylist(
            [{"line": 1, "source": "Hi.", "target": "مرحبا.", "pair": "en-ar", "split": "train", "norm_key": "hi"}]
        ),
    )
    first.close()
    again = Store(workspace.db_path, migrate=False)
    try:
        assert again.db.schema_version() == migration_files()[-1][0]
        assert again.runs.get("r1")["title"] == "title"
        assert again.models.sft_model()["name"] == "m"
        assert again.corpora.count(corpus_id) == 1 and again.corpora.list()[0]["train"] == 1
    finally:
        again.close()


def test_a_store_opened_without_migrating_has_no_tables(tmp_path):
    bare = Store(tmp_path / "bare.duckdb", migrate=False)
    try:
        assert bare.db.schema_version() == 0
        assert bare.db.query("SELECT count(*) FROM information_schema.tables")[0][0] == 0
    finally:
        bare.close()
