"""Uploaded source files for batch translation: checked in the studio, staged under an engine-made token.

The upload's bytes are parsed and checked at once (so a bad file is refused before any run exists, with the
line and reason of each problem); what is staged is the *checked sources* as JSONL under
``<workspace>/uploads/staged/<token>.jsonl``, where ``token`` is a random hex string made here. The uploaded
file name is only ever a label (:func:`engine.corpora.safe_display_name`); the job's ``prepare`` accepts a
token only if it matches ``[0-9a-f]{32}`` and moves the staged sources into the run's ``inputs/``.

Formats, by extension: ``.txt`` (one source per line), ``.tsv`` / ``.csv`` (the first column), ``.jsonl``
(an object per line with a ``source`` string and an optional ``pair``, ``en-ar`` or ``fr-ar``). Blank lines are
skipped; a source in Arabic script, with control characters or longer than 1,000 characters is refused.
"""

from __future__ import annotations

import json
import os
import re
import secrets
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from engine.characters import MAX_SOURCE_CHARS, unsafe_character
from engine.corpora import safe_display_name
from engine.corpora.formats import ParsedRows, csv_records, decode_upload, repeated_keys
from engine.corpora.validation import DUPLICATE_KEY, shown, unreadable_json
from engine.feedback.language import detect_language

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_SOURCES = 5000
MAX_PROBLEMS_SHOWN = 20
FORMATS = {".txt": "txt", ".tsv": "tsv", ".tab": "tsv", ".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
PAIRS = ("auto", "en-ar", "fr-ar")
_TOKEN = re.compile(r"^[0-9a-f]{32}$")


class BatchUploadError(ValueError):
    """An upload that cannot be translated; ``problems`` lists ``(line, reason)``."""

    def __init__(self, message: str, problems: list[tuple[int, str]] | None = None) -> None:
        self.problems = problems or []
        shown = "; ".join(f"line {line}: {reason}" if line else reason
                          for line, reason in self.problems[:MAX_PROBLEMS_SHOWN])
        extra = len(self.problems) - MAX_PROBLEMS_SHOWN
        more = f" (and {extra} more)" if extra > 0 else ""
        super().__init__(f"{message}: {shown}{more}" if shown else message)


@dataclass(frozen=True)
class BatchSource:
    """One source to translate: its line in the upload, its text, the detected language (``en``, ``fr`` or None),
    the pair its JSONL line named (or None), and the pair it is translated in (see :func:`assign_pairs`)."""

    line: int
    source: str
    detected: str | None
    given_pair: str | None = None
    pair: str = ""


@dataclass(frozen=True)
class StagedUpload:
    """A checked upload waiting for its run: the token naming it, its display name and how many sources."""

    token: str
    name: str
    sources: int
    pairs: dict[str, int]


def upload_format(filename: str) -> str:
    """The format named by a file's extension (``txt``, ``tsv``, ``csv``, ``jsonl``)."""
    name = safe_display_name(filename).lower()
    for ext, fmt in FORMATS.items():
        if name.endswith(ext):
            return fmt
    raise BatchUploadError(f"cannot tell the format of {name!r} (expected {', '.join(FORMATS)})")


HEADER_NAMES = frozenset({"source", "sources", "src", "source_text", "source text", "text", "sentence", "sentences",
                          "segment", "input", "english", "french", "en", "fr"})
"""First cells that make a TSV/CSV file's first line of several columns a header, not a source (it was translated as
"source")."""
SOURCE_COLUMN_NAMES = frozenset({"source", "sources", "src", "source_text", "source text"})


def _without_header(rows: list[tuple[int, object]], fmt: str, columns: int) -> list[tuple[int, object]]:
    """``rows`` less a first line that names the columns: a column name in a file of several columns, or one of the
    names no sentence is (``source``, ``src`` …) — a one-column list of words may begin with "English"."""
    first = rows[0][1].strip().lower() if fmt in ("tsv", "csv") and rows and isinstance(rows[0][1], str) else None
    if first in SOURCE_COLUMN_NAMES or (columns > 1 and first in HEADER_NAMES):
        return rows[1:]
    return rows


def _rows(text: str, fmt: str) -> list[tuple[int, object]]:
    """``(line, value)`` per non-blank line (a CSV record: the line it starts on): a string, or a dict for JSONL;
    unreadable lines give an error. A TSV/CSV file's first line is left out when its first cell is a column name
    (:data:`HEADER_NAMES`)."""
    if fmt == "csv":
        return _csv_rows(text)
    first_line = next((line for line in text.split("\n") if line.strip()), "")
    return _without_header(_read_rows(text, fmt), fmt, len(first_line.split("\t")) if fmt == "tsv" else 1)


QUOTED_SOURCE = ('a source that starts with a double quote must be all in double quotes, its own quotes doubled '
                 '("""Cinderella"" is a story.") — or upload a .txt file, one sentence a line')
"""What to do about a malformed CSV record (``"Cinderella" is a story.`` unquoted: translated as ``Cinderella is a
story.`` by a lenient reader, its quotes dropped without a word)."""


def _csv_rows(text: str) -> list[tuple[int, object]]:
    """A CSV file's first cells, read by the corpus reader (:func:`engine.corpora.formats.csv_records`): a quote
    never closed refuses the file (a lenient reader took the rest of the file as one source), and the number of
    columns is the first *record*'s (its first line's was counted, so a quoted first source over two lines refused
    every row after it)."""
    parsed = ParsedRows()
    records = [(start, fields) for start, fields, _ in csv_records(text, parsed) if any(f.strip() for f in fields)]
    if parsed.fatal:
        raise BatchUploadError("the CSV cannot be read", [(e.line, e.reason) for e in parsed.errors])
    rows: list[tuple[int, object]] = [(e.line, ValueError(f"{e.reason}: {QUOTED_SOURCE}")) for e in parsed.errors]
    columns = len(records[0][1]) if records else 1
    for start, fields in records:
        cells = len(fields) - next(i for i, f in enumerate(reversed(fields)) if f.strip())
        if cells > columns:  # a sentence cut at its commas: only its first part was translated
            rows.append((start, ValueError(
                f"{cells} cells where the first line has {columns}: a sentence with commas must be in "
                'double quotes ("…") in a CSV file — or upload a .txt file, one sentence a line')))
        else:
            rows.append((start, fields[0]))
    return _without_header(sorted(rows, key=lambda row: row[0]), "csv", columns)


class _RepeatedKey(ValueError):
    pass


def _object_of(pairs: list[tuple[str, object]]) -> dict:
    """A JSON object's pairs as a dict, refusing a key named twice (:func:`~engine.corpora.formats.repeated_keys`:
    a line with two ``source`` keys was translated as its second, as a corpus upload refuses it)."""
    repeated = repeated_keys(pairs)
    if repeated:
        raise _RepeatedKey(DUPLICATE_KEY.format(key=shown(repeated[0])))
    return dict(pairs)


def _read_rows(text: str, fmt: str) -> list[tuple[int, object]]:
    rows: list[tuple[int, object]] = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        if fmt == "jsonl":
            try:
                value = json.loads(line, object_pairs_hook=_object_of)
            except _RepeatedKey as exc:
                value = ValueError(str(exc))
            except json.JSONDecodeError as exc:
                value = ValueError(f"not JSON ({exc.msg})")
            except (ValueError, RecursionError) as exc:  # valid JSON Python will not read (a huge number, deep)
                value = ValueError(unreadable_json(exc))
            rows.append((number, value))
        else:
            rows.append((number, line.split("\t")[0] if fmt == "tsv" else line))
    return rows


def assign_pairs(sources: list[BatchSource], pair: str) -> list[BatchSource]:
    """Set each source's pair: its own JSONL ``pair`` first; else ``pair`` (``en-ar`` / ``fr-ar``); with
    ``auto``, the detected language — ``en-ar`` when there is no clue (``detected`` stays ``None``)."""
    if pair not in PAIRS:
        raise ValueError(f"pair must be one of {', '.join(PAIRS)}")
    out = []
    for s in sources:
        chosen = s.given_pair or (pair if pair != "auto" else (f"{s.detected}-ar" if s.detected else "en-ar"))
        out.append(replace(s, pair=chosen))
    return out


def parse_sources(data: bytes, fmt: str) -> list[BatchSource]:
    """Every source of an upload, checked, with its detected language; raises :class:`BatchUploadError`
    listing every bad line."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise BatchUploadError(f"the file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MiB")
    text, errors, hints = decode_upload(data)
    if text is None:  # with the corpus reader's hint of what it is (UTF-16, Latin-1 …): it was dropped here
        raise BatchUploadError("the file is not UTF-8" + (f" ({'; '.join(hints)})" if hints else ""),
                               [(e.line, e.reason) for e in errors])
    rows = _rows(text, fmt)
    if not rows:
        raise BatchUploadError("the file holds no source")
    if len(rows) > MAX_SOURCES:
        raise BatchUploadError(f"the file holds {len(rows)} sources; at most {MAX_SOURCES} per batch")
    problems: list[tuple[int, str]] = []
    sources: list[BatchSource] = []
    for line, value in rows:
        row_pair = None
        if isinstance(value, Exception):
            problems.append((line, str(value)))
            continue
        if isinstance(value, dict):
            if not isinstance(value.get("source"), str):
                problems.append((line, "no \"source\" string"))
                continue
            row_pair = value.get("pair")
            if row_pair is not None and row_pair not in PAIRS[1:]:
                problems.append((line, f"pair {row_pair!r} is not en-ar or fr-ar"))
                continue
            value = value["source"]
        elif not isinstance(value, str):
            problems.append((line, "not a JSON object"))
            continue
        source = value.strip()
        if not source:
            problems.append((line, "the source is empty"))
            continue
        unsafe = unsafe_character(source, line_breaks=True)
        if unsafe:
            problems.append((line, f"the source contains {unsafe}"))
            continue
        if len(source) > MAX_SOURCE_CHARS:
            problems.append((line, f"the source is longer than {MAX_SOURCE_CHARS} characters"))
            continue
        guess = detect_language(source)
        if guess.language == "ar":
            problems.append((line, "the source is in Arabic script; sources must be English or French"))
            continue
        detected = guess.language if guess.language in ("en", "fr") else None
        sources.append(BatchSource(line, source, detected, row_pair))
    if problems:
        raise BatchUploadError(f"{len(problems)} line(s) cannot be translated", problems)
    return sources


def staging_dir(workspace_root: Path) -> Path:
    """Where checked uploads wait for their run."""
    return Path(workspace_root) / "uploads" / "staged"


def stage_upload(workspace_root: Path, data: bytes, filename: str, pair: str = "auto") -> StagedUpload:
    """Check an upload and stage its sources under a new token (the file name is only a label).

    ``pair`` only counts the sources per pair for the page; the run assigns pairs from its own config.
    """
    name = safe_display_name(filename)
    sources = parse_sources(data, upload_format(name))
    token = secrets.token_hex(16)
    folder = staging_dir(workspace_root)
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{token}.tmp"
    try:
        tmp.write_text("".join(json.dumps(asdict(s), ensure_ascii=False) + "\n" for s in sources), encoding="utf-8")
        os.replace(tmp, folder / f"{token}.jsonl")
    except BaseException:  # a full disk: no half-written file stays behind
        tmp.unlink(missing_ok=True)
        raise
    counts: dict[str, int] = {}
    for s in assign_pairs(sources, pair):
        counts[s.pair] = counts.get(s.pair, 0) + 1
    return StagedUpload(token, name, len(sources), counts)


def staged_path(workspace_root: Path, token: str) -> Path:
    """The staged file of ``token``; raises ``ValueError`` for anything but an engine-made token."""
    if not _TOKEN.match(str(token)):
        raise ValueError("not an upload token (expected 32 hex digits)")
    path = staging_dir(workspace_root) / f"{token}.jsonl"
    if not path.is_file():
        raise ValueError("the uploaded sources are gone (already used by a run, or never staged); upload again")
    return path


def read_sources(path: Path) -> list[BatchSource]:
    """Sources written by :func:`stage_upload` (or a run's ``inputs/sources.jsonl``)."""
    out = []
    # JSON lines end at "\n" only: splitlines() also splits at U+2028, U+0085 … that json.dumps leaves in a string
    for line in Path(path).read_text(encoding="utf-8").split("\n"):
        if line.strip():
            out.append(BatchSource(**json.loads(line)))
    return out
