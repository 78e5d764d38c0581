"""Hostile and unlucky corpus files: each is stored whole or rejected with a line and a reason, never a traceback.

Regression tests for issue 19, item 4: deeply nested JSON raised ``RecursionError``, a lone surrogate raised
``UnicodeEncodeError`` while the table was built, bidi controls and letterless segments were accepted, duplicate
JSON keys silently kept the last value, an over-long CSV field derailed the records after it, and a file that was
not UTF-8 on one line hid the problems of every other line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.corpora import CorpusRejected, check_corpus, prepare_corpus
from engine.corpora import validation as v
from engine.corpora.formats import MAX_JSON_DEPTH, json_depth, parse_rows

from .helpers import options, tsv

OK = "Good morning.\tصباح الخير."
JSONL = {"format": "jsonl", "source_column": "source", "target_column": "target"}
CSV = {"format": "csv"}


def jl(*objects: str) -> bytes:
    """JSONL lines written as raw JSON text (so that escapes such as ``\\ud800`` reach the parser as they are)."""
    return "".join(line + "\n" for line in objects).encode("utf-8")


def row(source: str = "Hi", target: str = "مرحبا", extra: str = "") -> str:
    """One JSONL line; ``source``/``target`` are raw JSON string bodies (escapes allowed)."""
    return f'{{"source": "{source}", "target": "{target}"{extra}}}'


def bidi(field_name: str, code: int) -> str:
    return v.BIDI_CONTROL.format(field=field_name, code=code)


def unencodable(field_name: str, code: int) -> str:
    return v.UNENCODABLE.format(field=field_name, code=code)


def no_letters(field_name: str) -> str:
    return v.NO_LETTERS.format(field=field_name)


DEEP = v.JSON_TOO_DEEP.format(limit=MAX_JSON_DEPTH)
BAD_BYTE = v.NOT_UTF8.format(byte=0xFF)


@dataclass(frozen=True)
class Case:
    id: str
    data: bytes
    expected: list[tuple[int, str]]
    opts: dict[str, object] = field(default_factory=dict)


REJECTED = [
    # --- nesting and recursion --------------------------------------------------------------------------------
    Case("jsonl-200000-brackets", b"[" * 200_000 + b"\n", [(1, DEEP)], JSONL),
    Case("jsonl-200000-closed", b"[" * 200_000 + b"]" * 200_000 + b"\n", [(1, DEEP)], JSONL),
    Case("jsonl-deep-objects", b'{"a":' * 5000 + b"1" + b"}" * 5000 + b"\n", [(1, DEEP)], JSONL),
    Case("jsonl-deep-value", jl(row(extra=', "meta": ' + "[" * 40 + "]" * 40)), [(1, DEEP)], JSONL),
    # --- surrogates and other code points that are not characters -------------------------------------------
    Case("jsonl-lone-high-surrogate", jl(row(source="Hi \\ud800")), [(1, unencodable("source", 0xD800))], JSONL),
    Case("jsonl-lone-low-surrogate", jl(row(target="مر\\udc00حبا")), [(1, unencodable("target", 0xDC00))], JSONL),
    Case("jsonl-reversed-pair", jl(row(source="a\\ude00\\ud83d")), [(1, unencodable("source", 0xDE00))], JSONL),
    Case("jsonl-noncharacter", jl(row(target="مرحبا\\uffff")), [(1, unencodable("target", 0xFFFF))], JSONL),
    Case("tsv-noncharacter", tsv("Hi\ufdd0\tمرحبا"), [(1, unencodable("source", 0xFDD0))]),
    # --- bidi controls inside segments ------------------------------------------------------------------------
    Case("tsv-rlo-source", tsv("Pay \u202eevil\tادفع"), [(1, bidi("source", 0x202E))]),
    Case("tsv-lre-target", tsv("Hi\t\u202aمرحبا"), [(1, bidi("target", 0x202A))]),
    Case("tsv-pdf-target", tsv("Hi\tمرحبا\u202c"), [(1, bidi("target", 0x202C))]),
    Case("tsv-lri-source", tsv("a \u2066b\u2069 c\tمرحبا"), [(1, bidi("source", 0x2066))]),
    Case("jsonl-fsi-escaped", jl(row(target="\\u2068مرحبا")), [(1, bidi("target", 0x2068))], JSONL),
    Case("csv-rli", "Hi,\u2067مرحبا\n".encode(), [(1, bidi("target", 0x2067))], CSV),
    # --- segments without letters ------------------------------------------------------------------------------
    Case("target-digits", tsv(OK, "Hi\t123 456"), [(2, no_letters("target"))]),
    Case("target-arabic-question-marks", tsv("Hi\t؟؟؟"), [(1, no_letters("target"))]),
    Case("target-arabic-digits", tsv("Hi\t١٢٣ ٤٥٦"), [(1, no_letters("target"))]),
    Case("source-digits", tsv("123 456\tمرحبا"), [(1, no_letters("source"))]),
    Case("source-punctuation", tsv("?!…\tمرحبا"), [(1, no_letters("source"))]),
    Case("both-letterless", tsv("42\t٤٢"), [(1, no_letters("source")), (1, no_letters("target"))]),
    # --- duplicate JSON keys ------------------------------------------------------------------------------------
    Case("jsonl-duplicate-target", jl(row(extra=', "target": "وداعا"')), [(1, v.DUPLICATE_KEY.format(key="target"))],
         JSONL),
    Case("jsonl-duplicate-nested", jl(row(extra=', "meta": {"id": 1, "id": 2}')),
         [(1, v.DUPLICATE_KEY.format(key="id"))], JSONL),
    Case("jsonl-duplicate-and-missing", b'{"source": "Hi", "source": "Bye"}\n',
         [(1, v.DUPLICATE_KEY.format(key="source")), (1, v.MISSING_KEY.format(key="target"))], JSONL),
    Case("jsonl-duplicate-surrogate-key", jl(row(extra=', "\\udfff": 1, "\\udfff": 2')),
         [(1, v.DUPLICATE_KEY.format(key="\\udfff"))], JSONL),
    # --- over-long CSV fields: one reason, and the rows after it are still read ----------------------------------
    Case("csv-field-over-csv-limit", ('Hi,مرحبا\n"' + "x" * 200_000 + '",مرحبا\nBye,\n').encode(),
         [(2, v.FIELD_TOO_LONG.format(field="source", length=200_000, limit=1000)), (3, v.EMPTY_TARGET)], CSV),
    Case("csv-unquoted-long-field", ("Hi,مرحبا\n" + "y" * 150_000 + ",مرحبا\nBye,وداعا\n").encode(),
         [(2, v.FIELD_TOO_LONG.format(field="source", length=150_000, limit=1000))], CSV),
    Case("csv-multiline-long-field", ('Hi,مرحبا\n"' + "x\n" * 100_000 + '",مرحبا\nBye,\n').encode(),
         [(2, v.FIELD_TOO_LONG.format(field="source", length=199_999, limit=1000)), (100_003, v.EMPTY_TARGET)], CSV),
    Case("tsv-long-field-one-reason", tsv("Hi\t" + "<b>٣\x07" * 400), [
        (1, v.FIELD_TOO_LONG.format(field="target", length=2000, limit=1000))]),
    # --- reasons quote file content safely -----------------------------------------------------------------------
    Case("jsonl-markup-with-surrogate", jl(row(source="<b \\ud800>Hi")),
         [(1, unencodable("source", 0xD800)), (1, v.MARKUP.format(field="source", found="<b \\ud800>"))], JSONL),
    Case("csv-header-with-bidi", "sou\u202erce,target\nHi,مرحبا\n".encode(),
         [(1, v.COLUMN_NOT_IN_HEADER.format(name="source", found="sou\\u202erce, target"))],
         {"format": "csv", "has_header": True, "source_column": "source", "target_column": "target"}),
    # --- several problems on several lines: every problem of every line ------------------------------------------
    Case(
        "tsv-every-problem-of-every-line",
        b"Hi\t\xd9\x85\xff\n" + tsv("Pay \u202eme\t٣٣", OK, "Bell\x07\t<b>مرحبا</b>") + b"\xc3(\tx\n" + tsv("1\t"),
        [
            (1, BAD_BYTE),
            (2, bidi("source", 0x202E)),
            (2, no_letters("target")),
            (4, v.CONTROL_CHARACTER.format(field="source", code=0x07)),
            (4, v.MARKUP.format(field="target", found="<b>")),
            (5, v.NOT_UTF8.format(byte=0xC3)),
            (6, no_letters("source")),
            (6, v.EMPTY_TARGET),
        ],
    ),
    Case(
        "jsonl-every-problem-of-every-line",
        jl(row(source="\\u202eHi"), "[" * 100) + b'{"source": "\xff"}\n'
        + jl('{"source": "a", "source": "b", "target": 5}', row(), row(source="\\ud800", target="123")),
        [
            (1, bidi("source", 0x202E)),
            (2, DEEP),
            (3, BAD_BYTE),
            (4, v.DUPLICATE_KEY.format(key="source")),
            (4, v.NOT_A_STRING.format(key="target", kind="number")),
            (6, unencodable("source", 0xD800)),
            (6, no_letters("source")),
            (6, no_letters("target")),
        ],
        JSONL,
    ),
    Case(
        "csv-bad-bytes-in-a-quoted-field",
        b'Hi,\xd9\x85\n"two\nli\xffnes",\xd9\x85\n"\xfe",x\nBye,\n',
        [(3, BAD_BYTE), (4, v.NOT_UTF8.format(byte=0xFE)), (5, v.EMPTY_TARGET)],
        CSV,
    ),
]

ACCEPTED = [
    Case("jsonl-surrogate-pair-is-an-emoji", jl(row(source="Hi \\ud83d\\ude00")), [], JSONL),
    Case("jsonl-nesting-at-the-limit",
         jl(row(extra=', "m": ' + "[" * (MAX_JSON_DEPTH - 1) + "]" * (MAX_JSON_DEPTH - 1))), [], JSONL),
    Case("jsonl-brackets-inside-strings", jl(row(source="[" * 100 + "Hi", extra=', "note": "{{{{\\"[[["')), [], JSONL),
    Case("tsv-rlm-and-alm-marks", tsv("Hi\tمرحبا\u200f \u061cنعم"), []),
    Case("tsv-letters-and-digits", tsv("Room 12\tالغرفة ١٢"), []),
    Case("csv-long-field-under-the-limit", ("Hi," + "م" * 999 + "\n").encode(), [], CSV),
]


@pytest.mark.parametrize("case", REJECTED, ids=[case.id for case in REJECTED])
def test_hostile_file_is_rejected_with_every_line_and_reason(case: Case) -> None:
    with pytest.raises(CorpusRejected) as raised:
        prepare_corpus(case.data, options(**case.opts))
    assert [(e.line, e.reason) for e in raised.value.errors] == case.expected
    str(raised.value).encode("utf-8")  # the message can be printed and shown


@pytest.mark.parametrize("case", ACCEPTED, ids=[case.id for case in ACCEPTED])
def test_unusual_but_sound_file_is_accepted(case: Case) -> None:
    corpus = prepare_corpus(case.data, options(**case.opts))
    assert corpus.n_rows == 1 and corpus.errors == []


@pytest.mark.parametrize("case", REJECTED, ids=[case.id for case in REJECTED])
def test_skipping_rejected_rows_stores_only_sound_rows_and_a_storable_report(case: Case, store) -> None:
    """With *skip rejected rows* every file is either stored (its sound rows) or rejected; never an exception."""
    corpus = check_corpus(case.data, options(**case.opts, skip_invalid_rows=True))
    for text in corpus.table.column("source").to_pylist() + corpus.table.column("target").to_pylist():
        text.encode("utf-8")
    if corpus.accepted:
        corpus_id = store.corpora.add(case.id, "en-ar", corpus.table, report=corpus.report())
        assert store.corpora.count(corpus_id) == corpus.n_rows
        assert store.corpora.get(corpus_id)["report"]["errors"] == corpus.report()["errors"]
    json.dumps(corpus.report(), ensure_ascii=False).encode("utf-8")


def test_a_rejected_jsonl_file_still_reads_its_sound_lines() -> None:
    parsed = parse_rows(b'{"source": "Hi", "target": "\xd9\x85"}\n' + b"[" * 50_000 + b"\n", "jsonl",
                        source_column="source", target_column="target")
    assert parsed.rows == [(1, "Hi", "م")]
    assert parsed.n_rows_read == 2 and not parsed.fatal


def test_json_python_will_not_read_is_a_line_and_a_reason() -> None:
    # an integer of more than 4,300 digits is valid JSON that json.loads refuses with a ValueError
    parsed = parse_rows(b'{"source": "Hi", "target": "\xd9\x85", "n": ' + b"1" * 5000 + b'}\n'
                        b'{"source": "Yes", "target": "\xd9\x86"}\n', "jsonl", source_column="source",
                        target_column="target")
    assert parsed.rows == [(2, "Yes", "ن")]
    assert [(e.line, e.reason.split(" (")[0]) for e in parsed.errors] == [(1, "JSON that cannot be read")]


def test_a_line_that_is_not_utf8_is_counted_and_the_rest_is_read() -> None:
    parsed = parse_rows(b"a\t\xd8\xa3\nb\t\xff\nc\t\xd8\xac\n", "tsv")
    assert parsed.rows == [(1, "a", "أ"), (3, "c", "ج")]
    assert [(e.line, e.reason) for e in parsed.errors] == [(2, BAD_BYTE)]
    assert parsed.n_rows_read == 3 and parsed.hints == [v.HINT_LATIN_ENCODING]  # one byte alone: an accent, "à"


@pytest.mark.parametrize(("line", "depth"), [("", 0), ("{}", 1), ('{"a": [[1]]}', 3), ('["[[[", {"b": "]"}]', 2),
                                              ('"\\"[["', 0), ("[" * 500, 500)])
def test_json_depth_ignores_brackets_inside_strings(line: str, depth: int) -> None:
    assert json_depth(line) == depth


TOKENS = [*'abc مرحبا١٢؟,"\t\n\r{}[]:\\<>&;#', "\u202e", "\u2066", "\ufeff", "\x00", "\x85", "\\ud800", "\\u202e",
          '"source"', '"target"', '{"source": "Hi", "target": "مرحبا"}']
HOSTILE_TEXT = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join)
RAW_BYTES = st.binary(max_size=60)


@given(text=HOSTILE_TEXT, raw=RAW_BYTES, fmt=st.sampled_from(["tsv", "csv", "jsonl"]), skip=st.booleans())
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_no_file_raises(text: str, raw: bytes, fmt: str, skip: bool) -> None:
    """Any bytes in any format: a table of encodable text, or a rejection with reasons; never an exception."""
    columns = {"source_column": "source", "target_column": "target"} if fmt == "jsonl" else {}
    for data in (text.encode("utf-8"), raw, text.encode("utf-8") + raw):
        corpus = check_corpus(data, options(format=fmt, skip_invalid_rows=skip, **columns))
        if corpus.accepted:
            assert corpus.n_rows > 0
            for value in corpus.table.column("source").to_pylist() + corpus.table.column("target").to_pylist():
                value.encode("utf-8")
        else:
            assert corpus.errors and corpus.n_rows == 0
        json.dumps(corpus.report(), ensure_ascii=False).encode("utf-8")
