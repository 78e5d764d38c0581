"""Glossary uploads: good files in both formats, and every bad line reported with its line and reason."""

from __future__ import annotations

import pytest

from engine.glossary import glossary_format, parse_glossary
from engine.glossary.parsing import (
    ARABIC_NOT_ARABIC,
    DUPLICATE_TERM,
    EMPTY_ARABIC_TERM,
    EMPTY_SOURCE_TERM,
    NO_ENTRIES,
    SOURCE_IS_ARABIC,
    WRONG_COLUMNS,
)

FRENCH = "pharmacie\tصيدلية\nhôpital\tمستشفى\nthé\tشاي\npain\tخبز\nvoiture\tسيارة\nécole\tمدرسة\n"
MORE_FRENCH = FRENCH + "défense\tدفاع\nfenêtre\tنافذة\nrue\tشارع\nl'eau\tالماء\n"


def test_tsv_with_header_note_domain_and_alternatives():
    data = (
        "source\tarabic\tnote\tdomain\n"
        "remote control\tجهاز التحكم\tnot 'الريموت'\thome\n"
        "computer\tحاسوب|كمبيوتر\n"
        "\n"
        "hôpital\tمستشفى\t\thealth\n"
    ).encode()
    parsed = parse_glossary(data, "tsv", "en-ar")
    assert parsed.ok and parsed.has_header
    assert [e.source for e in parsed.entries] == ["remote control", "computer", "hôpital"]
    assert parsed.entries[0].note == "not 'الريموت'" and parsed.entries[0].domain == "home"
    assert parsed.entries[1].arabic == ("حاسوب", "كمبيوتر")
    assert parsed.entries[2].domain == "health"


def test_csv_without_header_with_quoted_comma():
    data = '"nurse, on duty",ممرضة مناوبة\r\npharmacy,صيدلية,"note, with comma"\r\n'.encode()
    parsed = parse_glossary(data, "csv", "fr-ar")
    assert parsed.ok and not parsed.has_header
    assert [(e.source, e.arabic, e.note) for e in parsed.entries] == [
        ("nurse, on duty", ("ممرضة مناوبة",), ""),
        ("pharmacy", ("صيدلية",), "note, with comma"),
    ]


def test_every_bad_line_is_reported_and_nothing_is_kept():
    data = (
        "plant\tنبات\n"  # 1 good
        "\tمدرسة\n"  # 2 empty source
        "school\t\n"  # 3 empty Arabic
        "train\ttrain\n"  # 4 Arabic side not Arabic
        "قطار\ttrain\n"  # 5 swapped
        "only one column\n"  # 6 column count
        "Plants\tنباتات\n"  # 7 duplicate of line 1 (case)
        "a\tb\tc\td\te\n"  # 8 five columns
        "bus\tحافلة|\n"
    ).encode()  # 9 empty alternative
    parsed = parse_glossary(data, "tsv", "en-ar")
    assert not parsed.ok and parsed.entries == []
    got = {(e.line, e.reason) for e in parsed.errors}
    assert (2, EMPTY_SOURCE_TERM) in got
    assert (3, EMPTY_ARABIC_TERM) in got
    assert (4, ARABIC_NOT_ARABIC.format(term="train")) in got
    assert (5, SOURCE_IS_ARABIC.format(term="قطار")) in got
    assert (6, WRONG_COLUMNS.format(found=1)) in got
    assert (7, DUPLICATE_TERM.format(term="Plants", first=1)) not in got  # "plants" ≠ "plant" as a key
    assert (8, WRONG_COLUMNS.format(found=5)) in got
    assert (9, EMPTY_ARABIC_TERM) in got
    assert all(e.line != 1 for e in parsed.errors)
    assert [str(e) for e in parsed.errors][0].startswith("line 2: ")


def test_duplicate_terms_ignore_case_and_accents():
    data = "Hôpital\tمستشفى\nhopital\tمشفى\n".encode()
    parsed = parse_glossary(data, "tsv", "fr-ar")
    assert [(e.line, e.reason) for e in parsed.errors] == [(2, DUPLICATE_TERM.format(term="hopital", first=1))]


def test_terms_that_differ_in_their_digits_are_not_duplicates():
    # digits were no word: "Article 6" was "article", a duplicate of "Article 5", and the file was refused
    data = "Article 5\tالمادة 5\nArticle 6\tالمادة 6\nARTICLE 5\tالمادة الخامسة\n".encode()
    parsed = parse_glossary(data, "tsv", "en-ar")
    assert [(e.line, e.reason) for e in parsed.errors] == [(3, DUPLICATE_TERM.format(term="ARTICLE 5", first=1))]


def test_file_level_problems_are_errors_not_tracebacks():
    assert parse_glossary(b"", "tsv", "en-ar").errors[0].line == 0
    assert parse_glossary(b"source\tarabic\n", "tsv", "en-ar").errors[0].reason == NO_ENTRIES
    too_big = parse_glossary(b"x" * 100, "tsv", "en-ar", max_bytes=10)
    assert "too large" in too_big.errors[0].reason
    latin1 = parse_glossary("thé\tشاي\n".encode() + "café".encode("latin-1") + "\tمقهى\n".encode(), "tsv", "fr-ar")
    assert [e.line for e in latin1.errors] == [2] and "UTF-8" in latin1.errors[0].reason and not latin1.entries
    many = parse_glossary(
        "".join(f"term{chr(97 + i % 26)}{i}\tكلمة\n" for i in range(30)).encode(), "tsv", "en-ar", max_entries=10
    )
    assert "more than 10 entries" in many.errors[0].reason
    bidi = parse_glossary("term\u202e\tكلمة\n".encode(), "tsv", "en-ar")
    assert "bidirectional" in bidi.errors[0].reason
    # the corpus reader's CSV handling: a field past the csv module's limit gets its length reason (it was
    # "malformed CSV (field larger than field limit)", or not, by what the process had parsed before), and a quote
    # never closed is named as such
    long = parse_glossary(b"tea," + "ش".encode() * 200_000 + b"\n", "csv", "en-ar")
    assert [e.reason for e in long.errors] == ["Arabic term is too long: 200000 characters (limit 120)"]
    unclosed = parse_glossary(b'tea,"x\ncoffee,y\n', "csv", "en-ar")
    assert "never closed: lines 1\u20132" in unclosed.errors[0].reason and not unclosed.ok


def test_format_and_pair_are_checked():
    assert glossary_format("Terms.CSV") == "csv" and glossary_format("t.tsv") == "tsv"
    with pytest.raises(ValueError, match=".tsv or .csv"):
        glossary_format("terms.xlsx")
    with pytest.raises(ValueError, match="unsupported language pair"):
        parse_glossary("a\tب\n".encode(), "tsv", "de-ar")


@pytest.mark.parametrize("header", ["English\tالعربية\tملاحظة", "English term\tArabic term", "term_en\tterm_ar"])
def test_a_header_naming_the_arabic_column_is_a_header(header):
    # "English\tالعربية" was stored as a term; "English term\tArabic term" refused the whole file
    parsed = parse_glossary(f"{header}\nkidney\tكلية\n".encode(), "tsv", "en-ar")
    assert parsed.ok and [e.source for e in parsed.entries] == ["kidney"]


@pytest.mark.parametrize(("arabic", "reason"), [
    ("ـــ", "Arabic term has no letters"),  # stored, and never found
    ("ك\u200cلية", "contains a zero-width non-joiner"),  # the word split there: the term itself kept 0 of 1
])
def test_an_arabic_term_that_can_never_be_found_is_refused(arabic, reason):
    parsed = parse_glossary(f"kidney\t{arabic}\n".encode(), "tsv", "en-ar")
    assert not parsed.ok and reason in str(parsed.errors[0])


ARTICLES = ("la pharmacie\tصيدلية\nle pain\tخبز\nl'hôpital\tالمستشفى\nla gare\tالمحطة\nune école\tمدرسة\n"
            "le thé\tالشاي\nla rue\tالشارع\n")


def test_a_glossary_in_the_other_source_language_is_refused_when_clear():
    # a French glossary uploaded as en-ar was stored, and its terms matched English sources (thé in "the")
    refused = parse_glossary(ARTICLES.encode(), "tsv", "en-ar")
    assert not refused.ok and refused.errors[0].line == 0
    assert "look French, not English: 7 of 7" in refused.errors[0].reason and "fr-ar" in refused.errors[0].reason
    assert parse_glossary(ARTICLES.encode(), "tsv", "fr-ar").ok
    # accents alone are a warning, never a refusal: an English food glossary's loanwords were refused (6 of 20)
    for text in (MORE_FRENCH, "".join(f"dish{chr(97 + i)}\tطبق\n" for i in range(14))
                 + "café\tمقهى\nentrée\tمقبلات\npurée\tهريس\nsauté\tمقلي\ncrème brûlée\tكريم بروليه\n"
                   "soufflé\tسوفليه\n"):
        parsed = parse_glossary(text.encode(), "tsv", "en-ar")
        assert parsed.ok and parsed.warnings and "is this glossary for fr-ar?" in parsed.warnings[0]


def test_a_glossary_leaning_to_the_other_language_is_stored_with_a_warning():
    parsed = parse_glossary(FRENCH.encode(), "tsv", "en-ar")  # three accented terms of six: too few to be sure
    assert parsed.ok and len(parsed.entries) == 6
    assert parsed.warnings == ["3 of 6 source terms look French (hôpital, thé, école), fewer English: "
                               "is this glossary for fr-ar?"]
    loanwords = "".join(f"word{chr(97 + i)}\tكلمة\n" for i in range(20)) + "café\tمقهى\nrésumé\tسيرة ذاتية\n"
    parsed = parse_glossary(loanwords.encode(), "tsv", "en-ar")
    assert parsed.ok and parsed.warnings == []  # an English glossary's loanwords are no evidence against it


def test_a_first_line_read_as_a_header_is_said_when_it_could_be_a_term():
    # "term\tالمصطلح" is a header or a term; it was taken as a header and dropped without a word
    parsed = parse_glossary("term\tالمصطلح\nglossary\tمسرد\n".encode(), "tsv", "en-ar")
    assert parsed.ok and parsed.has_header and [e.source for e in parsed.entries] == ["glossary"]
    assert parsed.warnings == [
        "line 1 (term / المصطلح) was read as a header, not a term: if it is a term, add a header line above it "
        "(source\tarabic)"
    ]
    plain = parse_glossary("source\tarabic\nglossary\tمسرد\n".encode(), "tsv", "en-ar")
    assert plain.ok and plain.has_header and plain.warnings == []  # a header in Latin script is no term


@pytest.mark.parametrize(("term", "reason"), [
    ("email|e-mail", "holds '|': a source never has the alternatives together"),
    ("mobile phone; cell phone", "holds ';'"),
])
def test_a_source_term_written_as_a_dictionary_writes_it_is_refused(term, reason):
    # stored, and never found in "Send me an email." or "I went to the bank.": no highlight, score or penalty
    parsed = parse_glossary(f"{term}\tمصطلح\n".encode(), "tsv", "en-ar")
    assert [(e.line, reason in e.reason) for e in parsed.errors] == [(1, True)], parsed.errors
    assert not parsed.entries


def test_a_slash_in_a_source_term_is_stored_with_a_warning():
    parsed = parse_glossary("email/e-mail\tبريد إلكتروني\nTCP/IP\tبروتوكول\nmachine\tآلة\n".encode(), "tsv", "en-ar")
    assert not parsed.errors and len(parsed.entries) == 3
    assert any(w.startswith("2 source term(s) hold a slash ('email/e-mail', 'TCP/IP')") for w in parsed.warnings)


def test_a_bracketed_word_at_a_source_terms_end_is_stored_with_a_warning():
    # a qualifier (bank (finance)) or a plural (Member State(s)) is never in a source as written; Regulation (EU) is
    text = ("bank (finance)\tمصرف\nRegulation (EU)\tلائحة\nArticle 5(2)\tالمادة\nMember State(s)\tدولة عضو\n"
            "Fe(III)\tحديد ثلاثي\nf(x)\tدالة\n")  # the last two are written so in sources: no warning
    parsed = parse_glossary(text.encode(), "tsv", "en-ar")
    assert not parsed.errors and len(parsed.entries) == 6
    assert any(w.startswith("3 source term(s) end in a word in brackets ('bank (finance)', 'Regulation (EU)', "
                            "'Member State(s)')") for w in parsed.warnings), parsed.warnings
