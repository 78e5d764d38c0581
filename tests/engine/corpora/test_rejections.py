"""Malformed uploads: each is rejected as a whole, with the exact line and reason of every problem."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from engine.corpora import CorpusRejected, check_corpus, prepare_corpus
from engine.corpora import validation as v

from .helpers import options, tsv

OK = "Good morning.\tصباح الخير."
AR = "مرحبا بكم في المدينة"


@dataclass(frozen=True)
class Case:
    """One malformed upload and the errors it must produce, as (line, reason) pairs."""

    id: str
    data: bytes
    expected: list[tuple[int, str]]
    opts: dict[str, object] = field(default_factory=dict)


def cols(expected: int, found: int) -> str:
    return v.WRONG_COLUMN_COUNT.format(expected=expected, found=found)


def control(field_name: str, code: int) -> str:
    return v.CONTROL_CHARACTER.format(field=field_name, code=code)


def markup(field_name: str, found: str) -> str:
    return v.MARKUP.format(field=field_name, found=found)


JSONL = {"format": "jsonl", "source_column": "source", "target_column": "target"}
CSV_HEADER = {"format": "csv", "has_header": True, "source_column": "source", "target_column": "target"}

CASES = [
    # --- encoding and file-level problems ---------------------------------------------------------
    Case("not-utf8", b"Hello\t\xd9\x85\nBad \xff byte\t\xd9\x85\n", [(2, v.NOT_UTF8.format(byte=0xFF))]),
    Case(
        "cp1256-arabic",
        tsv(OK) + "Hi\tمرحبا\n".encode("cp1256"),
        [(2, v.NOT_UTF8.format(byte="مرحبا".encode("cp1256")[0]))],
    ),
    Case("utf16", "Hi\tمرحبا\n".encode("utf-16"), [(1, v.NOT_UTF8.format(byte=0xFF))]),
    Case("empty-file", b"", [(0, v.EMPTY_FILE)]),
    Case("blank-lines-only", b"\n   \n\r\n", [(0, v.EMPTY_FILE)]),
    Case("bom-only", b"\xef\xbb\xbf", [(0, v.EMPTY_FILE)]),
    Case("header-only-csv", b"source,target\n", [(0, v.NO_DATA_ROWS)], CSV_HEADER),
    Case(
        "too-large",
        tsv(OK, OK),
        [(0, v.FILE_TOO_LARGE.format(size=len(tsv(OK, OK)), limit=16))],
        {"max_bytes": 16},
    ),
    Case(
        "header-lacks-column",
        b"english,arabic\nHi,\xd9\x85\n",
        [(1, v.COLUMN_NOT_IN_HEADER.format(name="source", found="english, arabic"))],
        CSV_HEADER,
    ),
    Case(
        "column-out-of-range",
        tsv(OK, OK),
        [(0, v.COLUMN_OUT_OF_RANGE.format(index=4, count=2))],
        {"target_column": 4},
    ),
    Case("jsonl-blank-only", b"\n \n", [(0, v.EMPTY_FILE)], JSONL),
    # --- structure ----------------------------------------------------------------------------------
    Case("tsv-missing-tab", tsv(OK, "Good night. تصبح على خير.", OK), [(2, cols(2, 1))]),
    Case("tsv-extra-tab", tsv(OK, OK, "Good\tnight.\tتصبح على خير."), [(3, cols(2, 3))]),
    Case(
        "tsv-header-count",
        tsv("source\ttarget", OK, "a\tb\tc\td"),
        [(3, cols(2, 4))],
        {"has_header": True, "source_column": "source", "target_column": "target"},
    ),
    Case(
        "csv-wrong-count",
        "source,target\nHi,مرحبا\nHi,مرحبا,extra\n".encode(),
        [(3, cols(2, 3))],
        CSV_HEADER,
    ),
    Case(
        "csv-junk-after-quote",
        'source,target\n"Hi"x,مرحبا\nBye,وداعا\n'.encode(),
        [(2, v.MALFORMED_CSV.format(detail="',' expected after '\"'"))],
        CSV_HEADER,
    ),
    Case(
        "csv-unterminated-quote",
        'source,target\nBye,وداعا\n"Hi,مرحبا\nmore\n'.encode(),
        [(3, v.UNCLOSED_QUOTE.format(first=3, last=4))],
        CSV_HEADER,
    ),
    Case(
        "csv-embedded-newline",
        'source,target\n"Two\nlines",سطران\nBye,\n'.encode(),
        [(2, control("source", 0x0A)), (4, v.EMPTY_TARGET)],
        CSV_HEADER,
    ),
    Case(
        "jsonl-invalid",
        b'{"source": "Hi", "target": "\xd9\x85"}\n{"source": "Hi", "target": }\n',
        [(2, v.INVALID_JSON.format(detail="Expecting value", column=28))],
        JSONL,
    ),
    Case(
        "jsonl-truncated",
        b'{"source": "Hi", "tar\n',
        [(1, v.INVALID_JSON.format(detail="Unterminated string starting at", column=18))],
        JSONL,
    ),
    Case(
        "jsonl-array",
        '["Hi", "مرحبا"]\n'.encode(),
        [(1, v.NOT_A_JSON_OBJECT.format(kind="array"))],
        JSONL,
    ),
    Case("jsonl-string", b'"Hi"\n', [(1, v.NOT_A_JSON_OBJECT.format(kind="string"))], JSONL),
    Case(
        "jsonl-missing-key",
        b'{"source": "Hi"}\n',
        [(1, v.MISSING_KEY.format(key="target"))],
        JSONL,
    ),
    Case(
        "jsonl-both-keys-missing",
        b'{"en": "Hi", "ar": "x"}\n',
        [(1, v.MISSING_KEY.format(key="source")), (1, v.MISSING_KEY.format(key="target"))],
        JSONL,
    ),
    Case(
        "jsonl-number",
        '{"source": 5, "target": "خمسة"}\n'.encode(),
        [(1, v.NOT_A_STRING.format(key="source", kind="number"))],
        JSONL,
    ),
    Case(
        "jsonl-null",
        b'{"source": "Hi", "target": null}\n',
        [(1, v.NOT_A_STRING.format(key="target", kind="null"))],
        JSONL,
    ),
    Case(
        "jsonl-list-value",
        b'{"source": "Hi", "target": ["a"]}\n',
        [(1, v.NOT_A_STRING.format(key="target", kind="array"))],
        JSONL,
    ),
    # --- content --------------------------------------------------------------------------------------
    Case("empty-source", tsv(OK, "\tصباح الخير."), [(2, v.EMPTY_SOURCE)]),
    Case("blank-source", tsv("   \tصباح الخير.", OK), [(1, v.EMPTY_SOURCE)]),
    Case("empty-target", tsv(OK, OK, "Good morning.\t  "), [(3, v.EMPTY_TARGET)]),
    Case("target-latin", tsv(OK, "Hello\tBonjour"), [(2, v.TARGET_NOT_ARABIC)]),
    Case("target-mostly-latin", tsv("The café\tThe café مقهى"), [(1, v.TARGET_NOT_ARABIC)]),
    Case("source-arabic", tsv(OK, f"{AR}\t{AR}"), [(2, v.SOURCE_IN_ARABIC.format(language="English"))]),
    Case(
        "source-arabic-fr",
        tsv("Bonjour.\tصباح الخير.", f"{AR}\t{AR}"),
        [(2, v.SOURCE_IN_ARABIC.format(language="French"))],
        {"pair": "fr-ar"},
    ),
    Case(
        "source-too-long",
        tsv("x" * 21 + "\tمرحبا"),
        [(1, v.FIELD_TOO_LONG.format(field="source", length=21, limit=20))],
        {"max_chars": 20},
    ),
    Case(
        "target-too-long",
        tsv(OK, "Hi\t" + "م" * 1001),
        [(2, v.FIELD_TOO_LONG.format(field="target", length=1001, limit=1000))],
    ),
    Case("bell-in-source", tsv("Ding\x07 dong\tدينغ دونغ"), [(1, control("source", 0x07))]),
    Case("lone-cr", tsv(OK, "Hel\rlo\tمرحبا"), [(2, control("source", 0x0D))]),
    Case("vertical-tab-target", tsv("Hi\tمر\x0bحبا"), [(1, control("target", 0x0B))]),
    Case("c1-control", tsv("Hi\x85there\tمرحبا"), [(1, control("source", 0x85))]),
    Case(
        "nul-in-jsonl",
        '{"source": "Hi\\u0000", "target": "مرحبا"}\n'.encode(),
        [(1, control("source", 0x00))],
        JSONL,
    ),
    Case("bold-tag", tsv("<b>Hello</b>\tمرحبا"), [(1, markup("source", "<b>"))]),
    Case("closing-p", tsv("Hi\tمرحبا</p>"), [(1, markup("target", "</p>"))]),
    Case("self-closing-br", tsv("Hi<br/>there\tمرحبا"), [(1, markup("source", "<br/>"))]),
    Case("tag-attributes", tsv('Hi\t<seg id="1">مرحبا'), [(1, markup("target", '<seg id="1">'))]),
    Case("entity-amp", tsv("Tom &amp; Jerry\tتوم وجيري"), [(1, markup("source", "&amp;"))]),
    Case("numeric-entity", tsv("Hi\t&#1605;رحبا"), [(1, markup("target", "&#1605;"))]),
    # --- several problems ---------------------------------------------------------------------------
    Case("empty-source-latin-target", tsv("\tHello"), [(1, v.EMPTY_SOURCE), (1, v.TARGET_NOT_ARABIC)]),
    Case(
        "errors-sorted-by-line",
        tsv(OK, "\tمرحبا", OK, "Hi", "Hi\t"),
        [(2, v.EMPTY_SOURCE), (4, cols(2, 1)), (5, v.EMPTY_TARGET)],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_malformed_upload_is_rejected_with_exact_errors(case: Case) -> None:
    with pytest.raises(CorpusRejected) as raised:
        prepare_corpus(case.data, options(**case.opts))
    assert [(e.line, e.reason) for e in raised.value.errors] == case.expected


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_check_corpus_reports_the_same_errors_and_keeps_nothing(case: Case) -> None:
    corpus = check_corpus(case.data, options(**case.opts))
    assert not corpus.accepted
    assert corpus.table.num_rows == 0
    assert [(e.line, e.reason) for e in corpus.errors] == case.expected


def test_there_are_at_least_thirty_distinct_cases() -> None:
    assert len({case.id for case in CASES}) == len(CASES) >= 30


def test_not_utf8_hints() -> None:
    utf16 = check_corpus("Hi\tمرحبا\n".encode("utf-16"), options())
    assert utf16.file_hints == [v.HINT_UTF16]
    legacy = check_corpus("Hi\tمرحبا\n".encode("cp1256"), options())
    assert legacy.file_hints == [v.HINT_LEGACY_ENCODING]
    # French in Latin-1 beside UTF-8 Arabic was told "such as Windows-1256", and a zip renamed .csv "UTF-16"
    french = "L'élève arrive à l'école.".encode("latin-1") + "\tيصل التلميذ.\n".encode()
    assert check_corpus(french, options()).file_hints == [v.HINT_LATIN_ENCODING]
    capitals = "ÉCOLE ÉTÉ À BIENTÔT".encode("cp1252") + "\tإلى اللقاء\n".encode()  # where Arabic letters are in 1256
    assert check_corpus(capitals, options()).file_hints == [v.HINT_LATIN_ENCODING]
    alone = "Il va à Paris.".encode("latin-1") + "\tيذهب إلى باريس\n".encode()  # "à" has no letter beside it
    assert check_corpus(alone, options()).file_hints == [v.HINT_LATIN_ENCODING]
    for data, kind in ((b"PK\x03\x04\x14\x00\x06\x00\xff\x00\x00" * 40, "a zip archive"),
                       (b"SQLite format 3\x00\x10\x00\xff" * 30, "an SQLite database")):
        assert check_corpus(data, options()).file_hints == [v.HINT_NOT_TEXT.format(kind=kind + (
            " (an .xlsx or .docx file is one)" if kind == "a zip archive" else ""))]


def test_swapped_columns_get_a_file_hint() -> None:
    data = tsv("صباح الخير.\tGood morning.", "أين المحطة؟\tWhere is the station?", OK)
    with pytest.raises(CorpusRejected) as raised:
        prepare_corpus(data, options())
    source_in_arabic = v.SOURCE_IN_ARABIC.format(language="English")
    assert [(e.line, e.reason) for e in raised.value.errors] == [
        (1, source_in_arabic),
        (1, v.TARGET_NOT_ARABIC),
        (2, source_in_arabic),
        (2, v.TARGET_NOT_ARABIC),
    ]
    assert raised.value.hints == [v.HINT_COLUMNS_SWAPPED]


def test_a_few_arabic_sources_give_no_swap_hint() -> None:
    data = tsv(f"{AR}\t{AR}", OK, OK.replace("Good", "Very good"))
    assert check_corpus(data, options()).file_hints == []


def test_file_size_is_checked_before_parsing() -> None:
    corpus = check_corpus(b"\xff" * 100, options(max_bytes=99))  # invalid UTF-8, but too large first
    assert [(e.line, e.reason) for e in corpus.errors] == [(0, v.FILE_TOO_LARGE.format(size=100, limit=99))]


def test_rejection_message_lists_lines_and_is_capped() -> None:
    data = tsv(*(["Hi\t"] * 25))
    with pytest.raises(CorpusRejected) as raised:
        prepare_corpus(data, options())
    text = str(raised.value)
    assert text.splitlines()[0] == "corpus rejected: 25 problem(s) on 25 line(s)"
    assert "  line 1: empty target" in text
    assert "  line 20: empty target" in text
    assert "line 21:" not in text
    assert text.splitlines()[-1] == "  ... and 5 more"


def test_rejection_message_names_file_level_errors_and_hints() -> None:
    with pytest.raises(CorpusRejected) as raised:
        prepare_corpus("Hi\tمرحبا\n".encode("utf-16"), options())
    assert str(raised.value).splitlines()[1:] == [
        f"  line 1: {v.NOT_UTF8.format(byte=0xFF)}",
        f"  hint: {v.HINT_UTF16}",
    ]
    with pytest.raises(CorpusRejected) as raised:
        prepare_corpus(b"", options())
    assert str(raised.value).splitlines()[1] == f"  file: {v.EMPTY_FILE}"
