"""Typed queries and writes for glossaries and their entries."""

from __future__ import annotations

from collections.abc import Sequence

from engine.characters import check_label
from engine.glossary.parsing import ALTERNATIVE_SEPARATOR, GlossaryEntry
from engine.store.clock import utc_now
from engine.store.database import Database, name_taken


class GlossaryExistsError(ValueError):
    """A glossary of that name is already in the store."""


class GlossaryRepository:
    """Glossaries (name, language pair, on by default or not) and their entries."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(
        self,
        name: str,
        pair: str,
        entries: Sequence[GlossaryEntry],
        *,
        source_file: str | None = None,
        enabled: bool = True,
    ) -> int:
        """Store a checked glossary with its entries in one transaction; returns its id."""
        name = check_label(name, "glossary")
        if not entries:
            raise ValueError("a glossary needs at least one entry")
        with self.db.transaction() as cur:  # checked inside the write transaction (see CorporaRepo.add)
            if (taken := name_taken(cur, "glossaries", name)) is not None:
                raise GlossaryExistsError(f"a glossary named {taken!r} already exists: choose another name or "
                                          "delete it" + ("" if taken == name else " (names that differ only in "
                                                                                  "case, width or invisible "
                                                                                  "characters are one name)"))
            gid = cur.execute(
                "INSERT INTO glossaries (name, pair, enabled, source_file, created_at) VALUES (?, ?, ?, ?, ?)"
                " RETURNING id",
                [name, pair, enabled, source_file, utc_now()],
            ).fetchone()[0]
            cur.executemany(
                "INSERT INTO glossary_entries (glossary_id, line, source, arabic, note, domain)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [[gid, i, e.source, e.arabic_text, e.note, e.domain] for i, e in enumerate(entries, 1)],
            )
        return int(gid)

    def list(self, pair: str | None = None) -> list[dict]:
        """Glossaries with their entry counts, by name (of ``pair`` when given)."""
        sql = (
            "SELECT g.*, count(e.line) AS entries FROM glossaries g LEFT JOIN glossary_entries e"
            " ON e.glossary_id = g.id"
        )
        params: list = []
        if pair:
            sql += " WHERE g.pair = ?"
            params.append(pair)
        return self.db.query_dicts(sql + " GROUP BY ALL ORDER BY g.name", params)

    def by_name(self, name: str) -> dict | None:
        rows = self.db.query_dicts("SELECT * FROM glossaries WHERE name = ?", [name])
        return rows[0] if rows else None

    def set_enabled(self, name: str, enabled: bool) -> None:
        """Switch a glossary on or off by default (what job forms pre-select)."""
        with self.db.transaction() as cur:
            cur.execute("UPDATE glossaries SET enabled = ? WHERE name = ?", [enabled, name])

    def delete(self, name: str) -> None:
        """Remove a glossary and its entries."""
        with self.db.transaction() as cur:
            cur.execute(
                "DELETE FROM glossary_entries WHERE glossary_id IN (SELECT id FROM glossaries WHERE name = ?)", [name]
            )
            cur.execute("DELETE FROM glossaries WHERE name = ?", [name])

    def enabled_names(self, pair: str | None = None) -> list[str]:
        """Names of the glossaries switched on by default (of ``pair`` when given)."""
        return [g["name"] for g in self.list(pair) if g["enabled"]]

    def entries(self, names: Sequence[str], pair: str | None = None) -> list[tuple[str, str, GlossaryEntry]]:
        """``(glossary name, pair, entry)`` for every entry of the named glossaries (of ``pair`` when given)."""
        if not names:
            return []
        marks = ", ".join("?" for _ in names)
        sql = (
            f"SELECT g.name, g.pair, e.source, e.arabic, e.note, e.domain FROM glossary_entries e"
            f" JOIN glossaries g ON g.id = e.glossary_id WHERE g.name IN ({marks})"
        )
        params = list(names)
        if pair:
            sql += " AND g.pair = ?"
            params.append(pair)
        rows = self.db.query(sql + " ORDER BY g.name, e.line", params)
        return [
            (name, p, GlossaryEntry(src, tuple(ar.split(ALTERNATIVE_SEPARATOR)), note, domain))
            for name, p, src, ar, note, domain in rows
        ]
