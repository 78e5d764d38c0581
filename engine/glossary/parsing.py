"""Parsing and validation of glossary uploads (TSV or CSV): source term, Arabic term, optional note and domain.

A glossary is small (at most :data:`MAX_BYTES` and :data:`MAX_ENTRIES` entries), so it is checked whole: every
problem of every line is reported as a :class:`~engine.corpora.validation.RowError` (1-based line, reason), and a
glossary with any bad line is refused whole — nothing half-stored. A glossary whose source terms are clearly in the
pair's other source language (:data:`MIN_LANGUAGE_TERMS`) is refused; one that only leans that way is stored with a
warning in :attr:`ParsedGlossary.warnings`. The Arabic column may hold alternatives
separated by ``|`` (``حاسوب|كمبيوتر``): a candidate that uses any of them keeps the term. A header row is optional;
it is recognised by its first cell (``source``, ``term``, ``english``, ``french``, …) when its second cell is not
Arabic or names the Arabic column (``العربية``, ``المصطلح`` …) — and then, since ``term\tالمصطلح`` may as well be a
term, the parser's warnings say that line was read as a header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from engine.corpora.formats import ParsedRows, csv_records, decode_lines
from engine.corpora.validation import (
    EMPTY_FILE,
    FILE_LEVEL,
    RowError,
    check_file_size,
    check_pair,
    field_problems,
    is_arabic_script,
    shown,
)

FORMATS: tuple[str, ...] = ("tsv", "csv")
MAX_BYTES = 2 * 1024 * 1024
MAX_ENTRIES = 20_000
MAX_TERM_CHARS = 120
MAX_NOTE_CHARS = 500
ALTERNATIVE_SEPARATOR = "|"
HEADER_WORDS = frozenset(
    {"source", "source term", "term", "english", "french", "en", "fr", "français", "anglais", "terme", "source_term",
     "english term", "french term", "term_en", "term_fr", "en_term", "fr_term"}
)
ARABIC_HEADER_WORDS = frozenset(
    {"arabic", "arabic term", "ar", "term_ar", "ar_term", "arabe", "العربية", "عربي", "بالعربية", "المصطلح",
     "المقابل", "الترجمة"}
)
"""A second cell that names the Arabic column: "English\tالعربية" was stored as a term, "English term\tArabic term"
refused the whole file."""
WORD_SPLITTERS = {"\u200c": "zero-width non-joiner", "\u200d": "zero-width joiner"}

WRONG_COLUMNS = "expected 2 to 4 columns (source term, Arabic term, note, domain), found {found}"
EMPTY_SOURCE_TERM = "empty source term"
EMPTY_ARABIC_TERM = "empty Arabic term"
ARABIC_NOT_ARABIC = "Arabic term {term!r} is not in Arabic script"
SOURCE_IS_ARABIC = "source term {term!r} is in Arabic script (the source columns come first: source, then Arabic)"
SOURCE_NO_WORD = "source term {term!r} has no word to match"
DUPLICATE_TERM = "source term {term!r} is already on line {first} (give alternatives as 'ترجمة1|ترجمة2' instead)"
SOURCE_ALTERNATIVES = ("source term {term!r} holds {separator!r}: a source never has the alternatives together — give "
                       "each source form a line of its own (the Arabic column takes alternatives: 'ترجمة1|ترجمة2')")
SOURCE_QUALIFIER = ("{count} source term(s) end in a word in brackets ({examples}): each matches only where a source "
                    "has the bracketed word too, right after the term — if it qualifies the term (bank (finance)), "
                    "write the term alone and put the qualifier in the note or domain column; for a plural, give the "
                    "plural a line of its own (State, States)")
SOURCE_SLASH = ("{count} source term(s) hold a slash ({examples}): each matches only where a source has it whole, "
                "as written — if the slash separates alternatives, give each a line of its own")
TOO_MANY_ENTRIES = "the glossary has more than {limit} entries"
NO_ENTRIES = "the glossary has no entries (only a header)"
WRONG_LANGUAGE = (
    "the source terms look {found}, not {expected}: {count} of {total} terms have {found} accents or words "
    "({examples}) and {own} {expected} — upload it for the {pair} pair"
)
MAYBE_WRONG_LANGUAGE = (
    "{count} of {total} source terms look {found} ({examples}), fewer {expected}: is this glossary for {pair}?"
)
HEADER_READ = (
    "line {line} ({source} / {arabic}) was read as a header, not a term: if it is a term, add a header line above it "
    "(source\tarabic)"
)
MIN_LANGUAGE_TERMS = 5
"""The fewest source terms with evidence of the other language (:func:`engine.feedback.language.detect_language`:
its accents, function words, elisions) for a glossary to be refused as being in it — and they must be at least
:data:`MIN_LANGUAGE_SHARE` of the terms and four times those with evidence of the pair's language. Most terms carry
no evidence either way (``pharmacie``, ``voiture``), and an English glossary may hold a loanword or two (``café``);
short of that, the glossary is stored with a warning when its evidence leans the other way."""
MIN_LANGUAGE_SHARE = 0.2
BAD_FORMAT = "unknown glossary format {fmt!r}: expected tsv or csv"


@dataclass(frozen=True)
class GlossaryEntry:
    """One term: the source term, its Arabic rendering(s), and an optional note and domain."""

    source: str
    arabic: tuple[str, ...]
    note: str = ""
    domain: str = ""

    @property
    def arabic_text(self) -> str:
        """The Arabic alternatives as written in a file (``a|b``)."""
        return ALTERNATIVE_SEPARATOR.join(self.arabic)


@dataclass
class ParsedGlossary:
    """What an upload gave: the entries (empty when any line is bad) and every problem found."""

    entries: list[GlossaryEntry] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    has_header: bool = False
    warnings: list[str] = field(default_factory=list)
    """What the uploader should know about a glossary that is stored all the same (shown with the success)."""

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.entries)


def _records(text: str, fmt: str, errors: list[RowError]) -> list[tuple[int, list[str]]]:
    if fmt == "tsv":
        return [(n, line.split("\t")) for n, line in enumerate(text.split("\n"), 1) if line.strip()]
    parsed = ParsedRows()  # the corpus reader's: a long field read whole, a quote never closed said so
    out = [(start, fields) for start, fields, _ in csv_records(text, parsed) if any(f.strip() for f in fields)]
    errors.extend(parsed.errors)
    return out


def _is_header(fields: list[str]) -> bool:
    second = fields[1].strip() if len(fields) >= 2 else ""
    return (
        len(fields) >= 2
        and fields[0].strip().lower() in HEADER_WORDS
        and (second.lower() in ARABIC_HEADER_WORDS or not is_arabic_script(second or "x"))
    )


_QUALIFIER = re.compile(r"\S(?:\s+\([^()]*[^\W\d_][^()]*\)|\((?:s|es)\))$", re.IGNORECASE)
"""A source term ending in a bracketed word after a space — ``bank (finance)``, or ``Regulation (EU)`` — or in a
bracketed plural ending, ``Member State(s)`` (not ``Fe(III)``, ``f(x)``: written so in sources)."""
_SLASHED = re.compile(r"\w/\w")


def _source_form_problems(source: str) -> list[str]:
    """Source terms written as a dictionary writes alternatives, which no source sentence holds as written, so they
    were stored and never found (no highlight, no terminology score, no penalty): ``email|e-mail``, ``mobile
    phone; cell phone``."""
    return [SOURCE_ALTERNATIVES.format(term=shown(source), separator=separator)
            for separator in ("|", ";") if separator in source]


def form_warnings(entries: list[GlossaryEntry]) -> list[str]:
    """Warnings for source terms that match only where a source has them whole, as written, and may have been meant
    otherwise: a slash between letters (``email/e-mail`` — alternatives? — or ``TCP/IP``) and a bracketed word at
    the end (``bank (finance)`` — a qualifier? — or ``Regulation (EU)``). Stored: both kinds are real terms too."""
    warnings = []
    for found, what in ((_SLASHED, SOURCE_SLASH), (_QUALIFIER, SOURCE_QUALIFIER)):
        terms = [e.source for e in entries if found.search(e.source)]
        if terms:
            examples = ", ".join(repr(shown(t)) for t in terms[:3]) + (" …" if len(terms) > 3 else "")
            warnings.append(what.format(count=len(terms), examples=examples))
    return warnings


def entry_problems(fields: list[str]) -> list[str]:
    """Every reason to refuse one glossary line (its fields as split); empty: the line is good."""
    if not 2 <= len(fields) <= 4:
        return [WRONG_COLUMNS.format(found=len(fields))]
    source, arabic = fields[0].strip(), fields[1].strip()
    note = fields[2].strip() if len(fields) > 2 else ""
    domain = fields[3].strip() if len(fields) > 3 else ""
    problems: list[str] = []
    if not source:
        problems.append(EMPTY_SOURCE_TERM)
    else:
        problems += field_problems("source term", source, MAX_TERM_CHARS)
        if len(source) <= MAX_TERM_CHARS and is_arabic_script(source):
            problems.append(SOURCE_IS_ARABIC.format(term=shown(source)))
        problems += _source_form_problems(source)
    alternatives = [a.strip() for a in arabic.split(ALTERNATIVE_SEPARATOR)] if arabic else []
    if not arabic or not all(alternatives):
        problems.append(EMPTY_ARABIC_TERM)
    for alt in (a for a in alternatives if a):
        found = field_problems("Arabic term", alt, MAX_TERM_CHARS)
        problems += found
        if not found and not is_arabic_script(alt):  # a tatweel-only term has no letter (it was never found)
            problems.append(ARABIC_NOT_ARABIC.format(term=shown(alt)))
        splitters = [name for char, name in WORD_SPLITTERS.items() if char in alt]
        if splitters:  # the word splits there, and a translation written as the term kept 0 of 1
            problems.append(f"Arabic term {shown(alt)} contains a {splitters[0]}: remove it")
    for name, value in (("note", note), ("domain", domain)):
        if value:
            problems += [p for p in field_problems(name, value, MAX_NOTE_CHARS) if "no letters" not in p]
    return problems


def parse_glossary(
    data: bytes, fmt: str, pair: str, *, max_bytes: int = MAX_BYTES, max_entries: int = MAX_ENTRIES
) -> ParsedGlossary:
    """Parse and check a glossary upload of format ``fmt`` (``tsv``/``csv``) for ``pair`` (``en-ar``/``fr-ar``).

    Never raises for bad content: every problem is in ``errors`` with its line (0 = the whole file), and
    ``entries`` is empty unless the file is clean. A source term that appears twice (ignoring case and accents)
    is an error on its second line.
    """
    from engine.glossary.source_match import term_key

    check_pair(pair)
    if fmt not in FORMATS:
        raise ValueError(BAD_FORMAT.format(fmt=fmt))
    result = ParsedGlossary()
    too_big = check_file_size(len(data), max_bytes)
    if too_big:
        result.errors.append(too_big)
        return result
    text, errors, _hints, bad_lines = decode_lines(data)
    result.errors += errors
    if text is None or not text.strip():
        if text is not None:
            result.errors.append(RowError(FILE_LEVEL, EMPTY_FILE))
        return result
    records = [(n, f) for n, f in _records(text, fmt, result.errors) if n not in bad_lines]
    if records and _is_header(records[0][1]):
        result.has_header = True
        line, (source, arabic, *_) = records[0]
        if is_arabic_script(arabic.strip() or "x"):  # "term\tالمصطلح" may be a header or a term: say which it was
            shown_cells = {"source": shown(source.strip()), "arabic": shown(arabic.strip())}
            result.warnings.append(HEADER_READ.format(line=line, **shown_cells))
        records = records[1:]
    if not records:
        if not result.errors:
            result.errors.append(RowError(FILE_LEVEL, NO_ENTRIES))
        return result
    if len(records) > max_entries:
        result.errors.append(RowError(FILE_LEVEL, TOO_MANY_ENTRIES.format(limit=max_entries)))
        return result
    entries: list[GlossaryEntry] = []
    first_line: dict[str, int] = {}
    for line, fields in records:
        problems = entry_problems(fields)
        if not problems:
            source = fields[0].strip()
            key = term_key(source)
            if not key:
                problems.append(SOURCE_NO_WORD.format(term=shown(source)))
            elif key in first_line:
                problems.append(DUPLICATE_TERM.format(term=shown(source), first=first_line[key]))
            else:
                first_line[key] = line
        if problems:
            result.errors += [RowError(line, p) for p in problems]
            continue
        entries.append(
            GlossaryEntry(
                source=fields[0].strip(),
                arabic=tuple(a.strip() for a in fields[1].split(ALTERNATIVE_SEPARATOR)),
                note=fields[2].strip() if len(fields) > 2 else "",
                domain=fields[3].strip() if len(fields) > 3 else "",
            )
        )
    if not result.errors:
        _check_language(entries, pair, result)
        result.warnings += form_warnings(entries)
    result.errors.sort(key=lambda e: e.line)
    if not result.errors:
        result.entries = entries
    return result


def _check_language(entries: list[GlossaryEntry], pair: str, result: ParsedGlossary) -> None:
    """Refuse a glossary whose source terms are clearly in the pair's other source language, warn when they lean
    that way (a French glossary stored as en-ar was matched against English sources: ``thé`` in "the", ``pain`` in
    "I have a pain")."""
    from engine.feedback.language import LANGUAGE_NAMES, detect_language, function_word_language

    expected = pair.split("-")[0]
    other = "fr" if expected == "en" else "en"
    found: dict[str, list[str]] = {expected: [], other: []}
    strong = 0  # terms with the other language's function words or elisions, not accents alone
    for entry in entries:
        language = detect_language(entry.source).language
        if language in found:
            found[language].append(entry.source)
            strong += language == other and function_word_language(entry.source) == other
    count, own, total = len(found[other]), len(found[expected]), len(entries)
    names = {"found": LANGUAGE_NAMES[other], "expected": LANGUAGE_NAMES[expected], "pair": f"{other}-ar"}
    examples = ", ".join(shown(t) for t in found[other][:3]) + (" …" if count > 3 else "")
    # refused on function words only: an English food glossary's café, purée, crème brûlée … (6 of 20) carry
    # French accents and were refused with no way around it; accents alone give the warning
    if strong >= MIN_LANGUAGE_TERMS and count >= MIN_LANGUAGE_SHARE * total and count >= 4 * own:
        result.errors.append(
            RowError(FILE_LEVEL, WRONG_LANGUAGE.format(count=count, total=total, own=own, examples=examples, **names))
        )
    elif count >= 2 and count > own and count >= MIN_LANGUAGE_SHARE / 2 * total:
        result.warnings.append(MAYBE_WRONG_LANGUAGE.format(count=count, total=total, examples=examples, **names))


def glossary_format(filename: str) -> str:
    """``tsv`` or ``csv`` from a file name's extension (``.txt`` and ``.tab`` count as TSV)."""
    lower = filename.lower()
    if lower.endswith(".csv"):
        return "csv"
    if lower.endswith((".tsv", ".tab", ".txt")):
        return "tsv"
    raise ValueError("a glossary is a .tsv or .csv file (source term, Arabic term, optional note and domain)")
