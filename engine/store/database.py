"""The DuckDB store: one connection per process, a cursor per call, forward-only migrations.

Storage failures that a user can do something about — another process holds the file, the disk is full, the folder
is read-only, the file is damaged — come out as a :class:`StoreError` subclass whose message says what happened and
what to do, with the DuckDB error as its cause. Other database errors (a constraint, a bad query) pass unchanged.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import numpy as np

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def migration_files() -> list[tuple[int, str, str]]:
    """All migrations shipped with the engine, as (version, file name, SQL), in version order."""
    found = []
    for entry in resources.files("engine.store").joinpath("migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


class Database:
    """Owns the single DuckDB connection of this process.

    DuckDB lets one process write a database file, and while it holds the file no other process may
    even read it: the studio process (or the CLI when the studio is not running) is that process and
    job subprocesses never open it. A connection is not thread-safe, so every call takes its own
    ``cursor()``; writes are serialised by a lock so that Streamlit's threads never conflict.
    """

    def __init__(self, path: Path | str, *, migrate: bool = True, upto: int | None = None) -> None:
        self.path = Path(path) if str(path) != ":memory:" else path
        if isinstance(self.path, Path):
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._con = duckdb.connect(str(path))
        except duckdb.Error as exc:
            if (translated := storage_error(exc, path)) is None:
                raise
            raise translated from exc
        self._write_lock = threading.RLock()
        if migrate:
            self.migrate(upto=upto)

    def close(self) -> None:
        """Close the connection (the file is released for other processes)."""
        self._con.close()

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A fresh cursor for reads; closed afterwards."""
        cur = self._con.cursor()
        try:
            yield cur
        except duckdb.Error as exc:
            if (translated := storage_error(exc, self.path)) is None:
                raise
            raise translated from exc
        finally:
            cur.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor inside one write transaction: committed on success, rolled back on any error."""
        with self._write_lock:
            cur = self._con.cursor()
            cur.begin()
            try:
                yield cur
                cur.commit()
            except BaseException as exc:
                try:
                    cur.rollback()
                except duckdb.Error as rollback_error:  # e.g. a failed commit ended the transaction already
                    exc.add_note(f"(the rollback that followed also failed: {rollback_error})")
                if isinstance(exc, duckdb.Error) and (translated := storage_error(exc, self.path)) is not None:
                    raise translated from exc
                raise
            finally:
                cur.close()

    def query(self, sql: str, params: list | tuple | None = None) -> list[tuple]:
        """Run a read query and return all rows."""
        with self.cursor() as cur:
            return cur.execute(sql, params or []).fetchall()

    def query_dicts(self, sql: str, params: list | tuple | None = None) -> list[dict]:
        """Run a read query and return rows as dicts keyed by column name."""
        with self.cursor() as cur:
            result = cur.execute(sql, params or [])
            names = [d[0] for d in result.description]
            return [dict(zip(names, row, strict=True)) for row in result.fetchall()]

    def query_column(self, sql: str, params: list | tuple | None = None) -> np.ndarray:
        """Run a read query and return its first column as a NumPy array (no Python object per row)."""
        with self.cursor() as cur:
            result = cur.execute(sql, params or [])
            name = result.description[0][0]
            return np.asarray(result.fetchnumpy()[name])

    def copy_to_parquet(self, sql: str, params: list | tuple | None, path: Path) -> int:
        """Write a query's rows to a Parquet file (streamed by DuckDB, values bound as parameters, the path never
        spliced into SQL); returns the row count."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        with self.cursor() as cur:
            cur.sql(sql, params=list(params or [])).write_parquet(str(path))
            return cur.execute("SELECT count(*) FROM read_parquet(?)", [str(path)]).fetchone()[0]

    def schema_version(self) -> int:
        """The highest migration applied (0 for an empty database)."""
        with self.cursor() as cur:
            exists = cur.execute(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
            ).fetchone()[0]
            if not exists:
                return 0
            return cur.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]

    def migrate(self, upto: int | None = None) -> list[int]:
        """Apply every shipped migration the database has not had, each in its own transaction (a migration file is
        never renamed once shipped: its subject is what says it was applied).

        Migrations are matched by their subject (the file name after its number), not by number alone: a workspace
        made by a development version that numbered them differently (0011 was the glossaries there, and 0012 the
        translation log) has its records renumbered to the shipped numbers, and a migration it never had — a gap
        below its highest number — is applied, where comparing numbers skipped it and pages failed on a missing
        table."""
        with self.transaction() as cur:
            cur.execute(
                "CREATE TABLE IF NOT EXISTS schema_version ("
                " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
                " applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"
            )
        shipped = migration_files()
        had = self._renumbered(shipped)
        applied = []
        for version, name, sql in shipped:
            if _subject(name) in had or (upto is not None and version > upto):
                continue
            try:
                with self.transaction() as cur:
                    cur.execute(sql)
                    cur.execute("INSERT INTO schema_version (version, name) VALUES (?, ?)", [version, name])
            except duckdb.Error as exc:  # the schema is not what this migration expects: one line, no traceback
                raise StoreSchemaError(
                    f"The studio database {self.path} cannot be brought up to date: migration {name} failed "
                    f"({_detail(str(exc))}). It was made by a version of the studio whose schema differs from this "
                    "one's: open it with that version, or move studio.duckdb aside for a new store.") from exc
            applied.append(version)
        return applied

    def _renumbered(self, shipped: list[tuple[int, str, str]]) -> set[str]:
        """Renumber the recorded migrations whose subject ships under another number; the subjects recorded."""
        with self.cursor() as cur:
            recorded = dict(cur.execute("SELECT version, name FROM schema_version").fetchall())
        number = {_subject(name): (version, name) for version, name, _ in shipped}
        moves = {v: number[_subject(n)] for v, n in recorded.items()
                 if _subject(n) in number and number[_subject(n)][0] != v}
        if moves:
            staying = {v for v in recorded if v not in moves}
            clash = sorted(new for new, _ in moves.values() if new in staying)
            if clash:
                raise StoreSchemaError(f"The studio database {self.path} records migration {clash[0]} as "
                                       f"{recorded[clash[0]]!r}, which this version ships under another number: "
                                       "open it with the version of the studio that made it.")
            with self.transaction() as cur:
                for old in moves:
                    cur.execute("DELETE FROM schema_version WHERE version = ?", [old])
                for new, name in moves.values():
                    cur.execute("INSERT INTO schema_version (version, name) VALUES (?, ?)", [new, name])
        return {_subject(name) for name in recorded.values()}


def name_taken(cur: duckdb.DuckDBPyConnection, table: str, name: str) -> str | None:
    """The name in ``table``'s ``name`` column that reads as ``name`` (:func:`engine.characters.label_key`: the same
    up to case and width), or None. Run inside the write transaction that inserts ``name``."""
    from engine.characters import label_key

    key = label_key(name)
    return next((row[0] for row in cur.execute(f"SELECT name FROM {table}").fetchall()  # noqa: S608 - a table
                 if label_key(row[0]) == key), None)                                     # of this module's callers


def _subject(name: str) -> str:
    """A migration file's subject: its name without the number (``0012_glossaries.sql`` → ``glossaries.sql``)."""
    return name.split("_", 1)[-1]


class Where:
    """A ``WHERE`` clause built from optional filters, values bound as parameters: a filter whose value is None (or
    an empty list) adds nothing."""

    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: list[Any] = []

    def any_of(self, column: str, values: Any) -> Where:
        """``column IN (…)`` when ``values`` is a non-empty list."""
        if values:
            self.clauses.append(f"{column} IN ({', '.join('?' * len(values))})")
            self.params += list(values)
        return self

    def compare(self, column: str, op: str, value: Any) -> Where:
        """``column <op> ?`` (e.g. ``=``, ``>=``, ``<``) when ``value`` is not None."""
        if value is not None:
            self.clauses.append(f"{column} {op} ?")
            self.params.append(value)
        return self

    @property
    def sql(self) -> str:
        """`` WHERE a AND b`` (with its leading space), or an empty string when no filter applies."""
        return " WHERE " + " AND ".join(self.clauses) if self.clauses else ""


class StoreError(RuntimeError):
    """A storage failure the user can act on; ``str()`` is one line: what happened, then what to do."""


class StoreLockedError(StoreError):
    """The database file is held by another process."""


class StoreDiskFullError(StoreError):
    """The disk (or the user's quota) is full: a change could not be written."""


class StoreReadOnlyError(StoreError):
    """The workspace folder or the database file cannot be written."""


class StoreSchemaError(StoreError):
    """The database's schema cannot be migrated to this version's (made by a version that numbered it otherwise)."""


class StoreCorruptError(StoreError):
    """The database file is not a DuckDB database, or a block of it is damaged."""


_HOLDER = re.compile(r"Conflicting lock is held in (?P<program>\S+) \(PID (?P<pid>\d+)\)")


def storage_error(exc: BaseException, path: Path | str) -> StoreError | None:
    """The :class:`StoreError` a DuckDB error stands for (None when it is not a storage failure)."""
    text = str(exc)
    where = Path(path).parent if isinstance(path, Path) else path
    if "Could not set lock" in text or "Conflicting lock" in text:
        holder = _HOLDER.search(text)
        by = f" ({Path(holder['program']).name}, PID {holder['pid']})" if holder else ""
        return StoreLockedError(
            f"The studio database {path} is held by another process{by} (is the studio running?). "
            "Stop it, or use the studio instead of the command line.")
    if "No space left on device" in text or "Disk quota exceeded" in text or "File too large" in text:
        return StoreDiskFullError(
            f"The disk holding {where} is full, so the last change was not saved (nothing was half-written). "
            "Free some space — old runs and models in the workspace are the largest — and try again; "
            "restart the studio if it keeps failing.")
    if "Permission denied" in text or "Read-only file system" in text:
        cause = "read-only file system" if "Read-only file system" in text else "permission denied"
        return StoreReadOnlyError(
            f"The workspace {where} cannot be written ({cause}: {_detail(text)}). Make the folder and studio.duckdb "
            "writable for this user, or point TARJAMA_HOME at a writable folder.")
    if "not a valid DuckDB database" in text or "Corrupt database file" in text or "checksum" in text.lower():
        return StoreCorruptError(
            f"The studio database {path} is damaged ({_detail(text)}). Stop the studio, move the file "
            "aside (or restore a backup) and start again for a new, empty store; run folders are not affected.")
    return None


def _detail(text: str) -> str:
    """DuckDB's message without its error-class prefix, on one line."""
    first = text.strip().splitlines()[0] if text.strip() else ""
    return re.sub(r"^(?:[A-Za-z ]+ Error: )+", "", first)
