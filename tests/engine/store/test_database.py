"""Migrations: from an empty database and from a database of an earlier schema version."""

from __future__ import annotations

import duckdb
import pytest

from engine.store import Store
from engine.store.database import Database, migration_files


def test_migrations_are_numbered_without_gaps():
    versions = [v for v, _, _ in migration_files()]
    assert versions == list(range(1, len(versions) + 1))


def test_empty_database_migrates_to_latest(tmp_path):
    db = Database(tmp_path / "s.duckdb")
    assert db.schema_version() == migration_files()[-1][0]
    tables = {r[0] for r in db.query("SELECT table_name FROM information_schema.tables")}
    assert {"schema_version", "runs", "run_metrics", "run_logs", "corpora", "segments", "models"} <= tables


def test_migrating_twice_applies_nothing(tmp_path):
    path = tmp_path / "s.duckdb"
    Database(path).close()
    db = Database(path, migrate=False)
    assert db.migrate() == []


def test_previous_version_database_is_migrated_forward_keeping_rows(tmp_path):
    path = tmp_path / "s.duckdb"
    old = Database(path, upto=1)
    assert old.schema_version() == 1
    with old.transaction() as cur:
        cur.execute("INSERT INTO runs (id, kind, config, run_dir) VALUES ('r1', 'bootstrap', '{}', '/x')")
    old.close()

    store = Store(path)
    assert store.db.schema_version() == migration_files()[-1][0]
    assert store.runs.get("r1")["kind"] == "bootstrap"
    assert store.corpora.list() == []


def _schema_of(path, recorded: list[tuple[int, str]], sql: dict[str, str] | None = None) -> None:
    """A database whose schema is what ``recorded`` (version, file name) says, each applied from the shipped file
    of that name (or from ``sql[name]``): a workspace made by a development version that numbered migrations
    otherwise, or skipped one."""
    files = {name: text for _, name, text in migration_files()}
    db = Database(path, migrate=False)
    db.migrate(upto=0)  # only the schema_version table
    for version, name in recorded:
        with db.transaction() as cur:
            cur.execute((sql or {}).get(name) or files[name.replace(f"{version:04d}", _shipped_number(name), 1)])
            cur.execute("INSERT INTO schema_version (version, name) VALUES (?, ?)", [version, name])
    db.close()


def _shipped_number(name: str) -> str:
    subject = name.split("_", 1)[1]
    return next(n.split("_", 1)[0] for _, n, _ in migration_files() if n.split("_", 1)[1] == subject)


def _tables(db: Database) -> set[str]:
    return {r[0] for r in db.query("SELECT table_name FROM information_schema.tables")}


def test_a_migration_skipped_below_the_newest_is_applied(tmp_path):
    # a workspace with 1–11 and 13 (one branch's numbering): 0012_glossaries was skipped as "older than 13", and
    # the Data, Synthetic preferences and PPO pages failed on the missing glossaries table
    shipped = [(v, n) for v, n, _ in migration_files()]
    _schema_of(tmp_path / "s.duckdb", [(v, n) for v, n in shipped if v <= 11 or v == 13])
    db = Database(tmp_path / "s.duckdb")
    assert "glossaries" in _tables(db)
    assert [tuple(r) for r in db.query("SELECT version, name FROM schema_version ORDER BY version")] == shipped


def test_migrations_numbered_otherwise_are_renumbered_and_the_missing_ones_applied(tmp_path):
    # the glossary branch numbered the glossaries 0011 and had no translation log: its workspace could not be
    # opened at all ("Sequence with name glossary_id_seq already exists", a traceback)
    _schema_of(tmp_path / "s.duckdb", [(v, n) for v, n, _ in migration_files() if v <= 10]
               + [(11, "0011_glossaries.sql")])
    db = Database(tmp_path / "s.duckdb")
    assert {"glossaries", "translation_log"} <= _tables(db)
    assert [tuple(r) for r in db.query("SELECT version, name FROM schema_version ORDER BY version")] == \
        [(v, n) for v, n, _ in migration_files()]


def test_a_workspace_of_the_first_corpus_browse_migration_gets_the_search_columns(tmp_path):
    # 0010 was edited after it shipped (one search_text column became source_lower/target_lower): such a
    # workspace failed every search and every new corpus
    first_0010 = next(t for _, n, t in migration_files() if n == "0010_corpus_browse.sql").split("ALTER TABLE")[0] + (
        "ALTER TABLE segments ADD COLUMN search_text VARCHAR;")
    shipped = [(v, n) for v, n, _ in migration_files() if v <= 14]
    _schema_of(tmp_path / "s.duckdb", shipped, sql={"0010_corpus_browse.sql": first_0010})
    store = Store(tmp_path / "s.duckdb")
    import pyarrow as pa

    rows = [{"line": 1, "source": "Hello World", "target": "مرحبا", "pair": "en-ar", "split": "train",
             "norm_key": "1"}]
    corpus = store.corpora.add("c", "en-ar", pa.Table.from_pylist(rows))
    assert store.corpora.count(corpus, search="hello") == 1


def test_a_migration_that_cannot_be_applied_is_one_line(tmp_path):
    from engine.store.database import StoreSchemaError

    shipped = [(v, n) for v, n, _ in migration_files() if v <= 11]
    _schema_of(tmp_path / "s.duckdb", shipped)
    with duckdb.connect(str(tmp_path / "s.duckdb")) as con:  # what 0012 creates, made some other way
        con.execute("CREATE SEQUENCE glossary_id_seq")
    with pytest.raises(StoreSchemaError, match="migration 0012_glossaries.sql failed .*glossary_id_seq"):
        Database(tmp_path / "s.duckdb")


def test_run_status_check_constraint(store):
    store.runs.create("r1", "bootstrap", "t", {}, "/x")
    with pytest.raises(duckdb.ConstraintException), store.db.transaction() as cur:
        cur.execute("UPDATE runs SET status = 'exploded' WHERE id = 'r1'")
    assert store.runs.get("r1")["status"] == "queued"


def test_failed_transaction_leaves_nothing(store):
    with pytest.raises(RuntimeError), store.db.transaction() as cur:
        cur.execute("INSERT INTO runs (id, kind, config, run_dir) VALUES ('r2', 'k', '{}', '/x')")
        raise RuntimeError("boom")
    assert store.runs.get("r2") is None


def test_second_process_gets_a_clear_lock_error(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "s.duckdb"
    holder = Store(path)
    code = (
        "import sys; from engine.store import Store, StoreLockedError\n"
        f"try:\n    Store({str(path)!r})\nexcept StoreLockedError as e:\n    print('LOCKED', e); sys.exit(3)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    holder.close()
    assert proc.returncode == 3, proc.stderr
    assert "is the studio running" in proc.stdout


def test_copy_to_parquet_binds_values_and_takes_any_path(tmp_path):
    """Values are bound as parameters and the path is never spliced into SQL: quotes in either are harmless."""
    import pyarrow.parquet as pq

    db = Database(tmp_path / "db.duckdb")
    with db.cursor() as cur:
        cur.execute("CREATE TABLE t (name VARCHAR, n INTEGER)")
        cur.execute("INSERT INTO t VALUES ('it''s', 1), ('plain', 2), ('it''s', 3)")
    out = tmp_path / "it's a folder" / "rows.parquet"
    assert db.copy_to_parquet("SELECT n FROM t WHERE name = ? ORDER BY n", ["it's"], out) == 2
    assert pq.read_table(out).column("n").to_pylist() == [1, 3]
    assert db.copy_to_parquet("SELECT n FROM t WHERE name = ?", ["x' OR '1'='1"], out) == 0


def test_where_adds_only_the_filters_given_and_binds_their_values():
    from engine.store.database import Where

    assert Where().any_of("a", []).compare("b", "=", None).sql == ""
    where = Where().any_of("a", ["x", "y"]).compare("b", ">=", 0).compare("c", "=", None)
    assert where.sql == " WHERE a IN (?, ?) AND b >= ?" and where.params == ["x", "y", 0]


def test_judgements_of_a_queue_items_candidates_made_outside_the_queue_become_the_items(tmp_path):
    # a Translate-tab judgement of a translation review sampling later put into the log queue, or an Argilla import,
    # was stored without the item: the queue handed the item back to its linguist on every visit
    path = tmp_path / "s.duckdb"
    old = Database(path, upto=18)
    with old.transaction() as cur:
        cur.execute("INSERT INTO review_queues (id, name, corpus_ids, split, k, model, created_by, created_at)"
                    " VALUES (7, 'Translation log · m', '[]', 'log', 2, 'm', 'monitor', now())")
        for item in (9, 3):  # one request in two items (no flow makes it): the first by (queue, item), as new
            # judgements are placed
            cur.execute("INSERT INTO review_items (queue_id, item_id, corpus_id, seg_id, pair, source, request_id)"
                        " VALUES (7, ?, 0, ?, 'en-ar', 'Hello.', 'r-item')", [item, item])
        for sub, request, queue, item in (("a", "r-item", None, None), ("b", "r-other", None, None),
                                          ("c", "r-item", 7, 3)):
            cur.execute("INSERT INTO judgements (submission_id, request_id, linguist, kind, shown, best, model,"
                        " queue_id, item_id, created_at) VALUES (?, ?, 'Amina', 'best', '[0, 1]', 0, 'm', ?, ?, now())",
                        [sub, request, queue, item])
    old.close()
    store = Store(path)
    placed = {r[0]: (r[1], r[2]) for r in store.db.query("SELECT submission_id, queue_id, item_id FROM judgements")}
    assert placed == {"a": (7, 3), "b": (None, None), "c": (7, 3)}
    assert store.feedback.progress(7, "Amina")["mine"] == 1
