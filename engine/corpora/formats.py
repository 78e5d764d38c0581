"""Parsing of uploaded parallel-corpus files (TSV, CSV, JSONL) into raw rows.

The parsers turn bytes into ``(line, source, target)`` tuples, where ``line`` is the 1-based physical
line on which the row starts, and report structural problems (encoding, column counts, JSON shape)
as :class:`~engine.corpora.validation.RowError`. Content checks live in :mod:`.validation`.

Rules shared by all formats: a UTF-8 byte-order mark is dropped; CRLF line ends count as LF; blank
lines are skipped (but still counted for line numbers). A file is decoded line by line: a line that is not
UTF-8 is reported (with its first bad byte) and left out, and the other lines are still checked, so that
one pass lists every problem of every line; only a UTF-16 file is rejected as a whole. TSV fields are split
on every tab, without quoting; CSV follows RFC 4180 quoting through the :mod:`csv` module (a quoted field may
span lines and its row is reported at its first line; fields of any length are read, so that an over-long
one gets the length check's one reason); JSONL holds one flat JSON object per line (nesting deeper than
:data:`MAX_JSON_DEPTH` and duplicate keys are reported, never a ``RecursionError``).
"""

from __future__ import annotations

import csv
import itertools
import json
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterator, Set
from dataclasses import dataclass, field

from engine.characters import BIDI_CONTROL, CONTROL, TAB_OR_LINE_BREAK

from .validation import (
    AMBIGUOUS_COLUMN,
    COLUMN_NOT_IN_HEADER,
    COLUMN_OUT_OF_RANGE,
    DUPLICATE_KEY,
    EMPTY_FILE,
    FILE_LEVEL,
    HINT_LATIN_ENCODING,
    HINT_LEGACY_ENCODING,
    HINT_NOT_TEXT,
    HINT_UTF16,
    INVALID_JSON,
    JSON_TOO_DEEP,
    MALFORMED_CSV,
    MISSING_KEY,
    NO_DATA_ROWS,
    NOT_A_JSON_OBJECT,
    NOT_A_STRING,
    NOT_UTF8,
    NOT_UTF8_UTF16,
    UNCLOSED_QUOTE,
    WRONG_COLUMN_COUNT,
    RowError,
    shown,
    unreadable_json,
)

FORMATS: tuple[str, ...] = ("tsv", "csv", "jsonl")
EXTENSIONS: dict[str, str] = {
    ".tsv": "tsv",
    ".tab": "tsv",
    ".txt": "tsv",
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
UTF8_BOM = b"\xef\xbb\xbf"
COLUMN_COUNT_SAMPLE = 1000
"""Without a header, the expected column count is the most common one among this many first rows."""
MAX_JSON_DEPTH = 32
"""JSONL lines nested deeper than this (arrays and objects) are rejected before they are parsed."""

Column = int | str
"""A column: an index (TSV/CSV), a header name (TSV/CSV with a header) or a key (JSONL)."""

Record = tuple[int, list[str], bool]
"""A TSV/CSV record: the line it starts on, its fields, and whether every line it spans was valid UTF-8."""


class UnsafeFilename(ValueError):
    """An uploaded file's name that cannot be shown or stored safely."""


@dataclass
class ParsedRows:
    """The outcome of parsing one upload.

    ``rows`` holds ``(line, source, target)`` for every structurally sound row; ``errors`` the others.
    ``fatal`` is set when the file as a whole cannot be read (then ``rows`` is empty).
    ``n_rows_read`` counts the data rows seen (blank lines and the header excluded), malformed CSV records too.
    """

    rows: list[tuple[int, str, str]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)
    n_rows_read: int = 0
    fatal: bool = False
    n_malformed: int = 0
    """CSV records the reader could not parse (each an error): read, though no row comes of them — left out of
    ``n_rows_read``, the page said "Read 2 rows … skipped 2 rejected rows" beside 2 stored."""


# --- File names ---------------------------------------------------------------------------------
_SEPARATORS = re.compile(r"[\\/]")
_DRIVE = re.compile(r"^[A-Za-z]:")
MAX_NAME_LENGTH = 255


def safe_display_name(filename: str) -> str:
    """The base name of an uploaded file, safe to display and to store as a label (never as a path).

    Directories (``/`` or ``\\``) and a Windows drive prefix are stripped. Raises
    :class:`UnsafeFilename` for names that contain ``..`` components, control or bidi-override
    characters, or that are empty or longer than 255 characters.
    """
    name = unicodedata.normalize("NFC", filename).strip()
    if any(pattern.search(name) for pattern in (CONTROL, TAB_OR_LINE_BREAK, BIDI_CONTROL)):
        raise UnsafeFilename("the file name contains control characters")
    parts = _SEPARATORS.split(name)
    if any(part.strip() == ".." for part in parts):
        raise UnsafeFilename("the file name points outside its folder ('..')")
    base = _DRIVE.sub("", parts[-1]).strip()
    if base in ("", "."):
        raise UnsafeFilename("the file name is empty")
    if len(base) > MAX_NAME_LENGTH:
        raise UnsafeFilename(f"the file name is longer than {MAX_NAME_LENGTH} characters")
    return base


def detect_format(filename: str) -> str:
    """The upload format ("tsv", "csv" or "jsonl") named by a file's extension (case-insensitive)."""
    base = safe_display_name(filename).lower()
    for extension, fmt in EXTENSIONS.items():
        if base.endswith(extension):
            return fmt
    known = ", ".join(EXTENSIONS)
    raise ValueError(f"cannot tell the format of {base!r} from its extension (expected one of {known})")


# --- Decoding -----------------------------------------------------------------------------------
def _looks_utf16(data: bytes) -> bool:
    head = data[:4096]
    return head.startswith((b"\xff\xfe", b"\xfe\xff")) or head.count(b"\x00") * 4 > len(head)


def _line_ends(data: bytes) -> bytes:
    """Lone carriage returns as line feeds in a file whose lines end so (classic Mac OS): such a file was one row,
    "a control character (U+000D)". A file with no line feed but a final one (added by another tool) counts as one;
    elsewhere a lone CR stays a control character inside its field."""
    if b"\r" in data and b"\n" not in data.rstrip(b"\n"):
        return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return data


def decode_upload(data: bytes) -> tuple[str | None, list[RowError], list[str]]:
    """Decode UTF-8 bytes (BOM dropped, CRLF → LF, lone CR line ends → LF); on failure report the line of the first
    bad byte. A file that looks like UTF-16 is refused even when its bytes happen to be valid UTF-8 (ASCII text
    without a byte-order mark: every other byte 0, read as control characters and wrong column counts)."""
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM) :]
    if _looks_utf16(data):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            pass  # reported below with its first bad byte
        else:
            return None, [RowError(FILE_LEVEL, NOT_UTF8_UTF16)], [HINT_UTF16]
    data = _line_ends(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        error = RowError(line, NOT_UTF8.format(byte=data[exc.start]))
        return None, [error], [_encoding_hint(data)]
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    return text, [], []


def decode_lines(data: bytes) -> tuple[str | None, list[RowError], list[str], frozenset[int]]:
    """Decode an upload line by line: ``(text, errors, hints, bad_lines)``.

    A UTF-8 byte-order mark is dropped and CRLF becomes LF. Each line that is not valid UTF-8 gets a
    :data:`NOT_UTF8` error (its first bad byte), is kept in ``text`` with U+FFFD in place of the bad bytes (so
    that line numbers and CSV quoting stay intact) and is listed in ``bad_lines`` for the parsers to leave out.
    ``text`` is ``None`` only for a file that looks like UTF-16, which is not line-structured in UTF-8 at all.
    """
    text, errors, hints = decode_upload(data)
    if text is not None or hints == [HINT_UTF16]:
        return text, errors, hints, frozenset()
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM) :]
    data = _line_ends(data)
    lines: list[str] = []
    errors, bad = [], set()
    for line_no, raw in enumerate(data.split(b"\n"), 1):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            errors.append(RowError(line_no, NOT_UTF8.format(byte=raw[exc.start])))
            bad.add(line_no)
            lines.append(raw.decode("utf-8", "replace"))
    text = "\n".join(lines)
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    return text, errors, hints, frozenset(bad)


BINARY_SIGNATURES = {b"PK\x03\x04": "a zip archive (an .xlsx or .docx file is one)",
                     b"SQLite format 3\x00": "an SQLite database", b"\x1f\x8b": "a gzip archive",
                     b"%PDF": "a PDF document", b"\xd0\xcf\x11\xe0": "an old Office document (.xls, .doc)",
                     b"PAR1": "a Parquet file"}
"""The first bytes of binary files people upload by mistake, and what to call them."""


def _encoding_hint(data: bytes) -> str:
    """Advice on what a non-UTF-8 file probably is: a binary file (by its first bytes), UTF-16, or a legacy
    encoding — Arabic (Windows-1256) when most of its non-ASCII bytes are Arabic letters there, else Western
    (Windows-1252 / Latin-1: French). A zip renamed .csv was said to look like UTF-16, and a Latin-1 French file
    to be in "a legacy encoding such as Windows-1256"."""
    for signature, kind in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            return HINT_NOT_TEXT.format(kind=kind)
    if _looks_utf16(data):
        return HINT_UTF16
    # the runs of bytes that are not UTF-8 (a file may mix a legacy-encoded column with UTF-8 Arabic): an Arabic word
    # in a legacy encoding is all such bytes, a French word one accented letter among ASCII ones (Windows-1256 puts
    # É, À and Ç where Arabic letters are, so the letters alone cannot tell them apart)
    escaped = data[:65536].decode("utf-8", "surrogateescape")
    latin = arabic = 0
    for run in re.finditer("[\udc80-\udcff]+", escaped):
        beside = escaped[run.start() - 1: run.start()] + escaped[run.end(): run.end() + 1]
        if len(run.group()) == 1 or (len(run.group()) == 2 and any(ch.isascii() and ch.isalpha() for ch in beside)):
            latin += len(run.group())  # an accented letter in a Latin word ("à" alone is one): an Arabic word is more
        else:
            arabic += len(run.group())
    return HINT_LEGACY_ENCODING if arabic > latin else HINT_LATIN_ENCODING


# --- Parsing ------------------------------------------------------------------------------------
def parse_rows(
    data: bytes,
    fmt: str,
    *,
    source_column: Column = 0,
    target_column: Column = 1,
    has_header: bool = False,
) -> ParsedRows:
    """Parse an upload of format ``fmt`` into ``(line, source, target)`` rows and structural errors.

    ``source_column`` / ``target_column`` are indexes (TSV/CSV), header names (TSV/CSV with
    ``has_header``) or keys (JSONL, where ``has_header`` is ignored).
    """
    check_columns(fmt, source_column, target_column, has_header)
    text, errors, hints, bad_lines = decode_lines(data)
    if text is None:
        return ParsedRows(errors=errors, hints=hints, fatal=True)
    if not text or text.isspace():
        return ParsedRows(errors=[RowError(FILE_LEVEL, EMPTY_FILE)], fatal=True)
    parsed = ParsedRows(errors=errors, hints=hints)
    if fmt == "jsonl":
        _parse_jsonl(text, str(source_column), str(target_column), bad_lines, parsed)
    else:
        records = _tsv_records(text, bad_lines) if fmt == "tsv" else csv_records(text, parsed, bad_lines)
        _extract_columns(records, (source_column, target_column), has_header, parsed)
    parsed.errors.sort(key=lambda e: e.line)
    return parsed


def check_columns(fmt: str, source_column: Column, target_column: Column, has_header: bool) -> None:
    """Raise ``ValueError`` for a format or column mapping that cannot work, whatever the file."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}")
    for column in (source_column, target_column):
        if isinstance(column, bool) or not isinstance(column, int | str):
            raise ValueError(f"a column is an index or a name, not {column!r}")
        if fmt == "jsonl" and not isinstance(column, str):
            raise ValueError(f"JSONL columns are keys (strings), not {column!r}")
        if isinstance(column, int) and column < 0:
            raise ValueError(f"a column index cannot be negative ({column})")
        if fmt != "jsonl" and isinstance(column, str) and not has_header:
            raise ValueError(f"the column name {column!r} needs a header row (has_header=True)")
    if source_column == target_column:
        raise ValueError("the source and target columns must differ")


def _tsv_records(text: str, bad_lines: Set[int] = frozenset()) -> Iterator[Record]:
    """Tab-split lines with their 1-based line numbers (empty lines skipped)."""
    for line_no, line in enumerate(text.split("\n"), 1):
        if line:
            yield line_no, line.split("\t"), line_no not in bad_lines


def _lines_with_ends(text: str) -> Iterator[str]:
    """The lines of ``text``, each with its ``\\n`` kept, so that the csv module sees real line ends."""
    lines = text.split("\n")
    last = lines.pop()
    for line in lines:
        yield line + "\n"
    if last:
        yield last


_CSV_LIMIT_LOCK = threading.Lock()


def _allow_csv_fields_of(length: int) -> None:
    """Raise the csv module's field size limit (131,072 by default, process-wide) to ``length`` if below it.

    A longer field would otherwise be a ``csv.Error`` that also derails the records after it; read whole, it gets
    the length check's one clear reason. The limit only ever grows, so concurrent parses cannot lower it."""
    with _CSV_LIMIT_LOCK:
        if csv.field_size_limit() < length:
            csv.field_size_limit(length)


def csv_records(text: str, parsed: ParsedRows, bad_lines: Set[int] = frozenset()) -> Iterator[Record]:
    """CSV records with the line each starts on; malformed records go to ``parsed.errors`` and are skipped — but a
    quote never closed makes the file unreadable (``parsed.fatal``): the reader took every line after it into one
    field (with *skip rejected rows* a corpus was stored from the lines before it, one row said rejected and the
    rest gone unsaid). The one CSV reader of every upload: corpora, glossaries, batch translation."""
    _allow_csv_fields_of(len(text) + 1)
    reader = csv.reader(_lines_with_ends(text), strict=True)
    while True:
        start = reader.line_num + 1
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "end of data" in str(exc) and reader.line_num > start:  # it took the lines after it
                _fatal(parsed, RowError(start, UNCLOSED_QUOTE.format(first=start, last=reader.line_num)))
                return
            detail = f"{exc}: a quote opened on this line is never closed" if "end of data" in str(exc) else exc
            parsed.errors.append(RowError(start, MALFORMED_CSV.format(detail=detail)))
            parsed.n_malformed += 1
            continue
        if fields:
            readable = not bad_lines or not any(line in bad_lines for line in range(start, reader.line_num + 1))
            yield start, fields, readable


def _is_blank(fields: list[str]) -> bool:
    return len(fields) == 1 and not fields[0].strip()


def _extract_columns(
    records: Iterator[Record], columns: tuple[Column, Column], has_header: bool, parsed: ParsedRows
) -> None:
    """Resolve the column mapping, check each record's column count and fill ``parsed``."""
    nonblank = (record for record in records if not _is_blank(record[1]))  # a bad line is never blank
    header = next(nonblank, None) if has_header else None
    if has_header and header is None:
        _nothing_read(parsed, EMPTY_FILE)
        return
    sample = list(itertools.islice(nonblank, COLUMN_COUNT_SAMPLE))
    if not sample:
        _nothing_read(parsed, NO_DATA_ROWS if has_header else EMPTY_FILE)
        return
    expected = len(header[1]) if header else Counter(len(f) for _, f, _ in sample).most_common(1)[0][0]
    indexes = _resolve(columns, header, expected, parsed)
    if indexes is None:
        return
    si, ti = indexes
    rows, errors = parsed.rows, parsed.errors
    n_read = n_blank = 0
    for line, fields, readable in itertools.chain(sample, records):  # past the sample, straight from ``records``
        n_read += 1
        if not readable:
            continue  # its NOT_UTF8 error is already recorded
        if len(fields) == expected:
            rows.append((line, fields[si], fields[ti]))
        elif _is_blank(fields):
            n_blank += 1
        else:
            errors.append(RowError(line, WRONG_COLUMN_COUNT.format(expected=expected, found=len(fields))))
    parsed.n_rows_read = n_read - n_blank + parsed.n_malformed


def _nothing_read(parsed: ParsedRows, reason: str) -> None:
    """No record to read: the file is unreadable, and ``reason`` (it is empty, it has no data row) says why —
    unless its lines' own errors already do (an unclosed quote, a malformed or undecodable line: a file whose only
    row was malformed was also said to be empty)."""
    if parsed.errors:
        parsed.fatal = True
    else:
        _fatal(parsed, RowError(FILE_LEVEL, reason))


def _fatal(parsed: ParsedRows, error: RowError) -> None:
    """Record an error that makes the whole file unreadable."""
    parsed.errors.append(error)
    parsed.fatal = True


def _resolve(
    columns: tuple[Column, Column], header: Record | None, n_columns: int, parsed: ParsedRows
) -> tuple[int, int] | None:
    """Column indexes for the mapping, or ``None`` (with a fatal error recorded) if one is missing."""
    indexes: list[int] = []
    for column in columns:
        if isinstance(column, str):
            names = [name.strip() for name in header[1]] if header else []
            # the name as written, else the one header name equal to it but for case ("Source" for "source")
            matches = [i for i, name in enumerate(names) if name == column.strip()] or [
                i for i, name in enumerate(names) if name.casefold() == column.strip().casefold()]
            line = header[0] if header else FILE_LEVEL
            if not matches:
                found = ", ".join(shown(name) for name in names[:20]) + (", …" if len(names) > 20 else "")
                _fatal(parsed, RowError(line, COLUMN_NOT_IN_HEADER.format(name=column, found=found)))
                return None
            if len(matches) > 1:  # the first was taken without a word (JSONL refuses a key named twice)
                _fatal(parsed, RowError(line, AMBIGUOUS_COLUMN.format(
                    name=column, columns=", ".join(str(i + 1) for i in matches))))
                return None
            indexes.append(matches[0])
        elif column >= n_columns:
            _fatal(parsed, RowError(FILE_LEVEL, COLUMN_OUT_OF_RANGE.format(index=column, count=n_columns)))
            return None
        else:
            indexes.append(column)
    return indexes[0], indexes[1]


_JSON_KINDS: dict[type, str] = {
    dict: "object",
    list: "array",
    str: "string",
    bool: "boolean",
    int: "number",
    float: "number",
    type(None): "null",
}


def json_kind(value: object) -> str:
    """The JSON name of a decoded value's type ("object", "array", "string", ...)."""
    return _JSON_KINDS.get(type(value), type(value).__name__)


def json_depth(line: str) -> int:
    """How deeply arrays and objects nest in one line of JSON (brackets inside strings do not count)."""
    if line.count("[") + line.count("{") <= 1:
        return int("[" in line or "{" in line)
    brackets = _BRACKET.sub("", _JSON_STRING.sub("", line))
    return max(itertools.accumulate(1 if c in "[{" else -1 for c in brackets), default=0)


STR_ONLY = {str}
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKET = re.compile(r"[^\[\]{}]+")


def _surely_no_duplicate_keys(line: str, obj: dict) -> bool:
    """A cheap proof that the JSON text ``line`` of the object ``obj`` names no key twice (else parse again with a
    hook that sees every pair: about 40% slower). In a flat object of strings each pair costs exactly four unescaped
    quotes; a repeated key adds at least two more, and escaped quotes only add, so ``4 * len(obj)`` quotes in all
    rule a repeat out."""
    return line.count('"') == 4 * len(obj) and set(map(type, obj.values())) == STR_ONLY


def repeated_keys(pairs: list[tuple[str, object]]) -> list[str]:
    """The keys a JSON object's ``pairs`` (``object_pairs_hook``'s argument) name more than once, in the order they
    first appear: ``json`` keeps the last value without a word, so which one was meant is ambiguous."""
    if len({key for key, _ in pairs}) == len(pairs):
        return []
    counts = Counter(key for key, _ in pairs)
    return [key for key, n in counts.items() if n > 1]


def _parse_jsonl(text: str, source_key: str, target_key: str, bad_lines: Set[int], parsed: ParsedRows) -> None:
    """One flat JSON object per non-blank line, with string values under both keys; fills ``parsed``.

    Every problem of a line is listed: nesting too deep (checked before parsing, so the parser never recurses
    that far), invalid JSON, not an object, duplicate keys at any level, and each missing or non-string key.
    """
    duplicates: list[str] = []

    def pairs_to_dict(pairs: list[tuple[str, object]]) -> dict:
        duplicates.extend(repeated_keys(pairs))
        return dict(pairs)

    loads, decode_error = json.loads, json.JSONDecodeError
    rows, errors = parsed.rows, parsed.errors
    for line_no, line in enumerate(text.split("\n"), 1):
        if not line or line.isspace():
            continue
        parsed.n_rows_read += 1
        if line_no in bad_lines:
            continue  # its NOT_UTF8 error is already recorded
        if line.count("[") + line.count("{") > MAX_JSON_DEPTH and json_depth(line) > MAX_JSON_DEPTH:
            errors.append(RowError(line_no, JSON_TOO_DEEP.format(limit=MAX_JSON_DEPTH)))
            continue
        duplicates.clear()
        try:
            obj = loads(line)
            # inline form of _surely_no_duplicate_keys(line, obj) (a call per line costs ~10% here)
            if type(obj) is dict and (line.count('"') != 4 * len(obj) or set(map(type, obj.values())) != STR_ONLY):
                obj = loads(line, object_pairs_hook=pairs_to_dict)
        except decode_error as exc:
            errors.append(RowError(line_no, INVALID_JSON.format(detail=exc.msg, column=exc.colno)))
            continue
        except RecursionError:  # unreachable after the depth check; kept so that no input can raise it
            errors.append(RowError(line_no, JSON_TOO_DEEP.format(limit=MAX_JSON_DEPTH)))
            continue
        except ValueError as exc:  # valid JSON Python will not read, e.g. an integer of more than 4,300 digits
            errors.append(RowError(line_no, unreadable_json(exc)))
            continue
        if type(obj) is not dict:
            errors.append(RowError(line_no, NOT_A_JSON_OBJECT.format(kind=json_kind(obj))))
            continue
        problems = [DUPLICATE_KEY.format(key=shown(key)) for key in dict.fromkeys(duplicates)]
        problems += [p for p in (_json_value_problem(obj, key) for key in (source_key, target_key)) if p]
        if problems:
            errors.extend(RowError(line_no, reason) for reason in problems)
        else:
            rows.append((line_no, obj[source_key], obj[target_key]))
    if not parsed.n_rows_read:
        _fatal(parsed, RowError(FILE_LEVEL, EMPTY_FILE))


def _json_value_problem(obj: dict, key: str) -> str | None:
    """Why ``obj[key]`` cannot be used as a text field, or ``None`` if it can."""
    if key not in obj:
        return MISSING_KEY.format(key=key)
    value = obj[key]
    if not isinstance(value, str):
        return NOT_A_STRING.format(key=key, kind=json_kind(value))
    return None
