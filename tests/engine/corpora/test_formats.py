"""Parsing uploads: formats, line numbers, BOM/CRLF, headers, file names."""

from __future__ import annotations

import pytest

from engine.corpora import UnsafeFilename, detect_format, parse_rows, safe_display_name
from engine.corpora.formats import check_columns

from .helpers import tsv


def rows_of(data: bytes, fmt: str = "tsv", **kwargs: object) -> list[tuple[int, str, str]]:
    parsed = parse_rows(data, fmt, **kwargs)
    assert parsed.errors == [] and not parsed.fatal
    return parsed.rows


def test_tsv_rows_keep_physical_line_numbers_across_blank_lines() -> None:
    data = b"a\t\xd8\xa3\n\nb\t\xd8\xa8\n\n\nc\t\xd8\xac"  # no final newline
    assert rows_of(data) == [(1, "a", "أ"), (3, "b", "ب"), (6, "c", "ج")]
    assert parse_rows(data, "tsv").n_rows_read == 3


def test_bom_and_crlf_are_handled() -> None:
    data = "\ufeffHello\tمرحبا\r\nBye\tوداعا\r\n".encode()
    assert rows_of(data) == [(1, "Hello", "مرحبا"), (2, "Bye", "وداعا")]
    csv_data = "\ufeffsource,target\r\nHello,مرحبا\r\n".encode()
    assert rows_of(csv_data, "csv", has_header=True, source_column="source", target_column="target") == [
        (2, "Hello", "مرحبا")
    ]


def test_tsv_with_header_by_name_and_by_index() -> None:
    data = tsv("id\ttarget\tsource", "7\tمرحبا\tHello")
    assert rows_of(data, has_header=True, source_column="source", target_column="target") == [(2, "Hello", "مرحبا")]
    assert rows_of(data, has_header=True, source_column=2, target_column=1) == [(2, "Hello", "مرحبا")]


def test_header_names_are_matched_after_stripping() -> None:
    data = b" source , target \nHi,\xd9\x85\n"
    assert rows_of(data, "csv", has_header=True, source_column="source", target_column="target") == [(2, "Hi", "م")]


def test_without_header_the_most_common_column_count_is_expected() -> None:
    data = tsv("only one field", "a\tب\tattribution", "c\tد\tattribution")
    parsed = parse_rows(data, "tsv")
    assert parsed.rows == [(2, "a", "ب"), (3, "c", "د")]
    assert [(e.line, e.reason) for e in parsed.errors] == [(1, "wrong number of columns: expected 3, found 1")]


def test_csv_quoted_fields_and_multiline_rows_report_their_first_line() -> None:
    data = 'source,target\n"Yes, of course.","نعم، بالطبع."\n"one\ntwo",اثنان\nlast,أخير\n'.encode()
    rows = rows_of(data, "csv", has_header=True, source_column="source", target_column="target")
    assert rows == [(2, "Yes, of course.", "نعم، بالطبع."), (3, "one\ntwo", "اثنان"), (5, "last", "أخير")]


def test_csv_recovers_after_a_malformed_row() -> None:
    data = 'a,ب\n"x"y,ز\nc,د\n'.encode()
    parsed = parse_rows(data, "csv")
    assert parsed.rows == [(1, "a", "ب"), (3, "c", "د")]
    assert [e.line for e in parsed.errors] == [2]


def test_a_file_whose_only_rows_are_malformed_is_not_said_to_be_empty() -> None:
    for data, header in (('"Hello" world,مرحبا\n'.encode(), False), ('source,target\n"x" y,ب\n'.encode(), True)):
        parsed = parse_rows(data, "csv", has_header=header, **(
            {"source_column": "source", "target_column": "target"} if header else {}))
        assert parsed.fatal and [(e.line, e.reason[:13]) for e in parsed.errors] == [(2 if header else 1,
                                                                                      "malformed CSV")]


def test_an_unclosed_csv_quote_makes_the_file_unreadable_naming_the_lines_it_took() -> None:
    # the reader took every later line into one field: with *skip rejected rows* a corpus of the lines before it was
    # stored, "1 rejected row" said, and the 1,000 rows after it gone without a word
    data = ('source,target\nHello,مرحبا\n"Hello,مرحبا\n' + "".join(f"Row {i},سطر\n" for i in range(1000))).encode()
    parsed = parse_rows(data, "csv", has_header=True, source_column="source", target_column="target")
    assert parsed.fatal and [e.line for e in parsed.errors] == [3]
    assert "never closed: lines 3–1003, the rest of the file, were read as one field" in parsed.errors[0].reason
    # and alone, not beside "file is empty" / "no data rows"
    parsed = parse_rows('source,target\n"Hello,مرحبا\nBye,وداعا\n'.encode(), "csv", has_header=True,
                        source_column="source", target_column="target")
    assert parsed.fatal and len(parsed.errors) == 1 and "lines 2–3" in parsed.errors[0].reason
    # on the last line it takes no other line: that row alone is rejected (skippable), as before
    parsed = parse_rows('source,target\nBye,وداعا\n"Hello,مرحبا'.encode(), "csv", has_header=True,
                        source_column="source", target_column="target")
    assert not parsed.fatal and parsed.rows == [(2, "Bye", "وداعا")] and [e.line for e in parsed.errors] == [3]
    assert "a quote opened on this line is never closed" in parsed.errors[0].reason


def test_classic_mac_line_ends_are_line_ends() -> None:
    # a file with CR only was one row: "target contains a control character (U+000D)"
    data = "Hello\tمرحبا\rBye\tوداعا\r".encode()
    assert rows_of(data) == [(1, "Hello", "مرحبا"), (2, "Bye", "وداعا")]
    assert rows_of("source,target\rHi,مرحبا\r".encode(), "csv", has_header=True, source_column="source",
                   target_column="target") == [(2, "Hi", "مرحبا")]
    assert rows_of('{"s": "Hi", "t": "مرحبا"}\r{"s": "Bye", "t": "وداعا"}'.encode(), "jsonl", source_column="s",
                   target_column="t") == [(1, "Hi", "مرحبا"), (2, "Bye", "وداعا")]
    # and with a final line feed another tool added
    assert rows_of("Hello\tمرحبا\rBye\tوداعا\rSee you\tأراك\n".encode()) == [
        (1, "Hello", "مرحبا"), (2, "Bye", "وداعا"), (3, "See you", "أراك")]
    # a lone CR inside a file of line feeds stays a control character of its field
    parsed = parse_rows("Hello\rthere\tمرحبا\nBye\tوداعا\n".encode(), "tsv")
    assert parsed.rows == [(1, "Hello\rthere", "مرحبا"), (2, "Bye", "وداعا")]


def test_utf16_without_a_byte_order_mark_is_named_as_such() -> None:
    # ASCII in UTF-16LE is valid UTF-8 (every other byte 0): control characters and wrong column counts, no hint
    parsed = parse_rows("Hello\tworld\nBye\tnow\n".encode("utf-16-le"), "tsv")
    assert parsed.fatal and [e.reason for e in parsed.errors] == [
        "file is not UTF-8: every other byte is 0, as in UTF-16 text (save the file as UTF-8)"]
    assert any("UTF-16" in h for h in parsed.hints)


def test_header_names_match_case_and_a_name_given_twice_is_refused() -> None:
    data = "Source,Target\nHi,مرحبا\n".encode()
    assert rows_of(data, "csv", has_header=True, source_column="source", target_column="target") == [(2, "Hi", "مرحبا")]
    parsed = parse_rows("source,source,target\nHi,Salut,مرحبا\n".encode(), "csv", has_header=True,
                        source_column="source", target_column="target")
    assert parsed.fatal and parsed.errors[0].line == 1
    assert "names column 'source' more than once (columns 1, 2)" in parsed.errors[0].reason


def test_jsonl_rows_with_other_keys_and_blank_lines() -> None:
    data = '{"id": 1, "en": "Hi", "ar": "مرحبا"}\n\n{"ar": "وداعا", "en": "Bye"}\n'.encode()
    assert rows_of(data, "jsonl", source_column="en", target_column="ar") == [(1, "Hi", "مرحبا"), (3, "Bye", "وداعا")]


@pytest.mark.parametrize(
    ("fmt", "source", "target", "has_header", "message"),
    [
        ("xlsx", 0, 1, False, "unknown format"),
        ("tsv", 0, 0, False, "must differ"),
        ("tsv", "source", 1, False, "needs a header row"),
        ("tsv", -1, 1, False, "cannot be negative"),
        ("jsonl", 0, 1, False, "JSONL columns are keys"),
        ("csv", True, 1, False, "an index or a name"),
    ],
)
def test_impossible_column_mappings_raise(
    fmt: str, source: object, target: object, has_header: bool, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        check_columns(fmt, source, target, has_header)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("corpus.tsv", "tsv"),
        ("CORPUS.TSV", "tsv"),
        ("pairs.tab", "tsv"),
        ("eng-ara.txt", "tsv"),
        ("pairs.csv", "csv"),
        ("pairs.jsonl", "jsonl"),
        ("pairs.ndjson", "jsonl"),
        ("C:\\Users\\me\\pairs.csv", "csv"),
    ],
)
def test_detect_format(name: str, fmt: str) -> None:
    assert detect_format(name) == fmt


def test_detect_format_rejects_unknown_extensions() -> None:
    with pytest.raises(ValueError, match="cannot tell the format of 'book.xlsx'"):
        detect_format("book.xlsx")
    with pytest.raises(UnsafeFilename):
        detect_format("../../corpus.tsv")


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("corpus.tsv", "corpus.tsv"),
        ("/home/me/data/corpus.tsv", "corpus.tsv"),
        ("C:\\Users\\me\\corpus.tsv", "corpus.tsv"),
        ("C:corpus.tsv", "corpus.tsv"),
        ("  مدونة الأخبار.tsv  ", "مدونة الأخبار.tsv"),
        ("..corpus.tsv", "..corpus.tsv"),
        (".hidden.csv", ".hidden.csv"),
    ],
)
def test_safe_display_name_keeps_only_the_base_name(name: str, shown: str) -> None:
    assert safe_display_name(name) == shown


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd",
        "..\\..\\windows\\system.ini",
        "data/../../secret.tsv",
        "..",
        "a/ .. /b.tsv",
        "bad\x00name.tsv",
        "line\nbreak.tsv",
        "tab\there.tsv",
        "evil\u202egpj.tsv",
        "",
        "   ",
        ".",
        "folder/",
        "x" * 256 + ".tsv",
    ],
)
def test_safe_display_name_rejects_unsafe_names(name: str) -> None:
    with pytest.raises(UnsafeFilename):
        safe_display_name(name)
