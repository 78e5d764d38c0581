"""Row and file checks for uploaded parallel corpora, and the exact words they reject with.

Every rejected row yields a :class:`RowError` with its 1-based physical line number and a reason.
Reasons are module-level constants (or ``str.format`` templates) so that the UI and the tests can
match them exactly. Line ``0`` (:data:`FILE_LEVEL`) marks a problem with the file as a whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from engine import characters
from engine.kept_names import ADDRESS, without_kept_names

FILE_LEVEL = 0
"""The line number of an error that concerns the whole file rather than one row."""

SUPPORTED_PAIRS: tuple[str, ...] = ("en-ar", "fr-ar")
SOURCE_LANGUAGE_NAMES: dict[str, str] = {"en-ar": "English", "fr-ar": "French"}
DEFAULT_MAX_CHARS = 1000
DEFAULT_MAX_BYTES = 200 * 1024 * 1024
ARABIC_SHARE_THRESHOLD = 0.5

# --- File-level reasons -------------------------------------------------------------------------
FILE_TOO_LARGE = "file is too large: {size} bytes (limit {limit} bytes)"
NOT_UTF8 = "file is not valid UTF-8: byte 0x{byte:02X} cannot be decoded (save the file as UTF-8)"
AMBIGUOUS_COLUMN = "the header names column {name!r} more than once (columns {columns}): rename all but one"
NOT_UTF8_UTF16 = "file is not UTF-8: every other byte is 0, as in UTF-16 text (save the file as UTF-8)"
EMPTY_FILE = "file is empty"
NO_DATA_ROWS = "file has no data rows (only a header)"
NO_VALID_ROWS = "no valid rows are left after skipping the rejected ones"
COLUMN_NOT_IN_HEADER = 'column "{name}" is not in the header (found: {found})'
COLUMN_OUT_OF_RANGE = "column {index} does not exist: rows have {count} columns"

# --- Structural row reasons ---------------------------------------------------------------------
WRONG_COLUMN_COUNT = "wrong number of columns: expected {expected}, found {found}"
MALFORMED_CSV = "malformed CSV ({detail})"
UNCLOSED_QUOTE = ("a quote opened on this line is never closed: lines {first}–{last}, the rest of the file, were read "
                  "as one field — close the quote, or double it (\"\") if it is part of the text")
INVALID_JSON = "invalid JSON ({detail} at column {column})"
UNREADABLE_JSON = "JSON that cannot be read ({detail})"
JSON_NESTED_TOO_DEEPLY = "JSON nested too deeply"
NOT_A_JSON_OBJECT = "JSON line is not an object (found {kind})"
MISSING_KEY = 'missing key "{key}"'
NOT_A_STRING = 'value of "{key}" is not a string (found {kind})'
JSON_TOO_DEEP = "JSON is nested more than {limit} levels deep (a corpus line is one flat object)"
DUPLICATE_KEY = 'duplicate key "{key}" in a JSON object (which value is meant is ambiguous)'

# --- Content row reasons ------------------------------------------------------------------------
EMPTY_SOURCE = "empty source"
EMPTY_TARGET = "empty target"
TARGET_NOT_ARABIC = "target is not in Arabic script"
SOURCE_IN_ARABIC = "source is in Arabic script (expected {language})"
FIELD_TOO_LONG = "{field} is too long: {length} characters (limit {limit})"
CONTROL_CHARACTER = "{field} contains a control character (U+{code:04X})"
MARKUP = "{field} contains markup: {found}"
BIDI_CONTROL = (
    "{field} contains a bidirectional control character (U+{code:04X}), which can reorder how the text is shown"
)
UNENCODABLE = "{field} contains U+{code:04X}, which is not a character (an unpaired surrogate or a noncharacter)"
NO_LETTERS = "{field} has no letters (only digits, punctuation or symbols)"

# --- File hints (advice shown beside the errors) ------------------------------------------------
HINT_COLUMNS_SWAPPED = (
    "most rows have Arabic in the source column: the source and target columns seem swapped "
    "(swap the columns and upload again)"
)
HINT_UTF16 = "the file looks like UTF-16 (Excel's 'Unicode Text'); save it as UTF-8 instead"
HINT_LEGACY_ENCODING = (
    "the file may be in a legacy encoding such as Windows-1256; save it as UTF-8 (e.g. Excel's 'CSV UTF-8')"
)
HINT_LATIN_ENCODING = (
    "the file may be in a legacy Western encoding (Windows-1252 or Latin-1, as French text often is); save it as "
    "UTF-8 (e.g. Excel's 'CSV UTF-8')"
)
HINT_NOT_TEXT = "the file is not text but {kind}: export the data as a UTF-8 CSV, TSV or JSONL file"


@dataclass(frozen=True)
class RowError:
    """One rejected row (or, with ``line == 0``, a problem with the whole file)."""

    line: int
    reason: str

    def __str__(self) -> str:
        where = "file" if self.line == FILE_LEVEL else f"line {self.line}"
        return f"{where}: {self.reason}"


_UNSHOWN = re.compile(
    r"[^\S ]|[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufeff]"
)


def shown(text: str, limit: int = 40) -> str:
    """``text`` cut to ``limit`` characters, with every control, bidi, surrogate or other invisible character
    written as ``\\uXXXX``: safe to put in a reason that is displayed or encoded as UTF-8 (file contents can hold
    anything)."""
    cut = text[:limit]
    escaped = _UNSHOWN.sub(lambda m: f"\\u{ord(m.group()):04x}", cut)
    return escaped + ("…" if len(text) > limit else "")


def check_pair(pair: str) -> str:
    """Return ``pair`` if it is a supported language pair, else raise ``ValueError``."""
    if pair not in SUPPORTED_PAIRS:
        raise ValueError(f"unsupported language pair {pair!r}: expected one of {', '.join(SUPPORTED_PAIRS)}")
    return pair


def check_file_size(size: int, max_bytes: int) -> RowError | None:
    """The file-level error for an upload of ``size`` bytes over ``max_bytes``, or ``None``."""
    if size > max_bytes:
        return RowError(FILE_LEVEL, FILE_TOO_LARGE.format(size=size, limit=max_bytes))
    return None


# --- Script detection ---------------------------------------------------------------------------
_ARABIC_BLOCKS = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
ARABIC_LETTERS = "".join(chr(c) for lo, hi in _ARABIC_BLOCKS for c in range(lo, hi + 1) if chr(c).isalpha())
"""Every code point of the Arabic blocks that Python counts as a letter (presentation forms included)."""

TATWEEL = "\u0640"
_ARABIC_LETTER_RUN = re.compile(f"[{re.escape(ARABIC_LETTERS)}]+")
_LETTER = re.compile(r"[^\W\d_]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")


def arabic_share(text: str) -> float | None:
    """Share of Arabic-script letters among all letters of ``text``; ``None`` when it has no letter. The tatweel
    (a stretch of the line, which Python counts as a letter) is none: ``ـــ`` passed as an Arabic target. Web and
    e-mail addresses are left out: a translation keeps them as written, and ``تفضل بزيارة https://www.example.com/help
    للدعم.`` was refused as "not in Arabic script"."""
    if ("@" in text or "://" in text or "www." in text.casefold()) and not text.isascii():
        rest = ADDRESS.sub(" ", text)
        if _LETTER.search(rest):  # a text of an address alone keeps its letters (it has some: "no letters" refused it)
            text = rest
    if text.isascii():
        return 0.0 if _ASCII_LETTER.search(text) else None
    if TATWEEL in text:
        text = text.replace(TATWEEL, "")
    rest = _ARABIC_LETTER_RUN.sub("", text)
    n_arabic = len(text) - len(rest)
    n_letters = n_arabic + len((_ASCII_LETTER if rest.isascii() else _LETTER).findall(rest))
    return n_arabic / n_letters if n_letters else None


def translation_arabic_share(text: str, source: str) -> float | None:
    """:func:`arabic_share` of a translation of ``source``, its letters counted without the names it keeps as
    written from the source (:func:`engine.kept_names.without_kept_names`), as long as an Arabic letter is left."""
    share = arabic_share(text)
    if share is None or share >= ARABIC_SHARE_THRESHOLD:
        return share
    rest = without_kept_names(text, source)
    return (arabic_share(rest) or share) if rest != text else share


def is_arabic_script(text: str) -> bool:
    """True when at least half of the letters of ``text`` are Arabic script (and it has letters)."""
    share = arabic_share(text)
    return share is not None and share >= ARABIC_SHARE_THRESHOLD


# --- Field checks -------------------------------------------------------------------------------
_MARKUP = re.compile(
    r"<!--|</?[A-Za-z][A-Za-z0-9:_.-]*(?:\s[^<>]*)?/?>"
    r"|&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});"
)
_MAX_SHOWN = 40


def markup_in(text: str) -> str | None:
    """The first HTML tag, comment or entity in ``text`` (cut to be shown), or None: what a corpus row may not hold,
    nor a linguist's correction, which becomes the chosen side of a pair the policy is trained towards."""
    if "<" not in text and "&" not in text:
        return None
    found = _MARKUP.search(text)
    return shown(found.group(), _MAX_SHOWN) if found else None


def has_letter(text: str) -> bool:
    """Whether ``text`` holds at least one letter of any script (digits, punctuation and symbols are not)."""
    return arabic_share(text) is not None


def field_problems(field: str, text: str, max_chars: int) -> list[str]:
    """Reasons why one stripped, non-empty field is rejected.

    An over-long field gets that one reason only (what else is wrong with 100,000 characters is noise); otherwise
    control characters, bidirectional controls, unencodable code points, markup and the absence of any letter.
    """
    if len(text) > max_chars:
        return [FIELD_TOO_LONG.format(field=field, length=len(text), limit=max_chars)]
    problems: list[str] = []
    # a field is one line; a tab is whitespace
    control = characters.CONTROL.search(text) or characters.LINE_BREAK.search(text)
    if control:
        problems.append(CONTROL_CHARACTER.format(field=field, code=ord(control.group())))
    bidi = characters.BIDI_CONTROL.search(text)
    if bidi:
        problems.append(BIDI_CONTROL.format(field=field, code=ord(bidi.group())))
    bad = characters.NOT_A_CHARACTER.search(text)
    if bad:
        problems.append(UNENCODABLE.format(field=field, code=ord(bad.group())))
    if markup := markup_in(text):
        problems.append(MARKUP.format(field=field, found=markup))
    if not has_letter(text):
        problems.append(NO_LETTERS.format(field=field))
    return problems


_SUSPECT = characters.suspect_class(characters.CONTROL, characters.LINE_BREAK, characters.BIDI_CONTROL,
                                    characters.NOT_A_CHARACTER, extra="<&")
"""Any character that a control, line-break, bidi, unencodable or markup check could object to (a cheap pre-test,
built from :mod:`engine.characters`: its own list lacked U+2028/U+2029, and a row holding one was stored)."""


@dataclass
class ValidatedRows:
    """The rows that passed, the errors of those that did not, and file-level hints."""

    rows: list[tuple[int, str, str]]
    errors: list[RowError]
    hints: list[str]


def row_problems(source: str, target: str, *, pair: str, max_chars: int = DEFAULT_MAX_CHARS) -> list[str]:
    """Every reason to reject one row, given its stripped source and target (empty list: valid)."""
    problems: list[str] = []
    if not source:
        problems.append(EMPTY_SOURCE)
    else:
        problems.extend(field_problems("source", source, max_chars))
    if not target:
        problems.append(EMPTY_TARGET)
    else:
        problems.extend(field_problems("target", target, max_chars))
    if source and len(source) <= max_chars and is_arabic_script(source):
        problems.append(SOURCE_IN_ARABIC.format(language=SOURCE_LANGUAGE_NAMES[check_pair(pair)]))
    share = translation_arabic_share(target, source) if target and len(target) <= max_chars else None
    if share is not None and share < ARABIC_SHARE_THRESHOLD:
        problems.append(TARGET_NOT_ARABIC)
    return problems


def validate_rows(
    rows: Iterable[tuple[int, str, str]], *, pair: str, max_chars: int = DEFAULT_MAX_CHARS
) -> ValidatedRows:
    """Check the content of parsed ``(line, source, target)`` rows with :func:`row_problems`.

    Fields are stripped of surrounding whitespace; the stripped text is what the valid rows carry.
    A row may yield several errors (one per problem). When most rows have an Arabic-script source,
    the hint :data:`HINT_COLUMNS_SWAPPED` is added.
    """
    source_in_arabic = SOURCE_IN_ARABIC.format(language=SOURCE_LANGUAGE_NAMES[check_pair(pair)])
    suspect, is_arabic, ascii_letter = _SUSPECT.search, is_arabic_script, _ASCII_LETTER.search
    space = characters.SPACE
    valid: list[tuple[int, str, str]] = []
    errors: list[RowError] = []
    n_rows = n_arabic_sources = 0
    for line, raw_source, raw_target in rows:
        n_rows += 1
        source, target = raw_source.strip(space), raw_target.strip(space)
        # Fast path (most rows): passing these cheap tests implies row_problems() would find nothing.
        if (
            source
            and target
            and len(source) <= max_chars
            and len(target) <= max_chars
            and not suspect(source)
            and not suspect(target)
            and (ascii_letter(source) if source.isascii() else _plain_source(source))
            and is_arabic(target)
        ):
            valid.append((line, source, target))
            continue
        problems = row_problems(source, target, pair=pair, max_chars=max_chars)
        if not problems:
            valid.append((line, source, target))
            continue
        n_arabic_sources += source_in_arabic in problems
        errors.extend(RowError(line, reason) for reason in problems)
    return ValidatedRows(valid, errors, swap_hints(n_rows, n_arabic_sources))


def _plain_source(source: str) -> bool:
    """Has letters, fewer than half of them Arabic: the source passes the script checks (fast for ASCII)."""
    if source.isascii():
        return _ASCII_LETTER.search(source) is not None
    share = arabic_share(source)
    return share is not None and share < ARABIC_SHARE_THRESHOLD


SWAPPED_ON_LINE = "the source and the target look swapped on this line (the Arabic is in the source column)"


def swapped_lines(errors: list[RowError]) -> set[int]:
    """Lines whose source is in Arabic script and whose target is not: the row's columns look swapped (fix the
    row, or tick *Swap columns* when the whole file is like it)."""
    arabic_source, latin_target = set(), set()
    for e in errors:
        if e.reason.startswith("source is in Arabic script"):
            arabic_source.add(e.line)
        elif e.reason == TARGET_NOT_ARABIC:
            latin_target.add(e.line)
    return arabic_source & latin_target


def swap_hints(n_rows: int, n_arabic_sources: int) -> list[str]:
    """``[HINT_COLUMNS_SWAPPED]`` when more than half of ``n_rows`` have an Arabic-script source."""
    return [HINT_COLUMNS_SWAPPED] if n_rows and n_arabic_sources * 2 > n_rows else []


def unreadable_json(exc: ValueError | RecursionError) -> str:
    """Why ``json.loads`` refused a text with no syntax error in it: a number of more than 4,300 digits (Python's
    limit on converting digits, a ``ValueError``) or nesting past the interpreter's recursion limit."""
    if isinstance(exc, RecursionError):
        return JSON_NESTED_TOO_DEEPLY
    return UNREADABLE_JSON.format(detail=str(exc).split(";")[0])
