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
