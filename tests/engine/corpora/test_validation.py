"""Row validation: the fast path agrees with the full check; script detection."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.characters import SPACE
from engine.corpora import RowError, arabic_share, is_arabic_script, validate_rows
from engine.corpora.validation import row_problems

ALPHABET = "abcXYZ éç" + "مرحباأىـً" + "<>/&;#1\t\x07\x85\u00a0"
FIELDS = st.text(alphabet=ALPHABET, max_size=25)


@given(rows=st.lists(st.tuples(FIELDS, FIELDS), max_size=20), pair=st.sampled_from(["en-ar", "fr-ar"]))
@settings(max_examples=300, deadline=None)
def test_validate_rows_agrees_with_row_problems(rows: list[tuple[str, str]], pair: str) -> None:
    numbered = [(i + 1, s, t) for i, (s, t) in enumerate(rows)]
    result = validate_rows(numbered, pair=pair, max_chars=20)
    expected_errors = [
        RowError(line, reason)
        for line, s, t in numbered
        for reason in row_problems(s.strip(SPACE), t.strip(SPACE), pair=pair, max_chars=20)
    ]
    expected_valid = [
        (line, s.strip(SPACE), t.strip(SPACE))
        for line, s, t in numbered
        if not row_problems(s.strip(SPACE), t.strip(SPACE), pair=pair, max_chars=20)
    ]
    assert result.errors == expected_errors
    assert result.rows == expected_valid


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("Hello", 0.0),
        ("مرحبا", 1.0),
        ("123 !?", None),
        ("٣٤٥ ،؟", None),  # Arabic digits and punctuation are not letters
        ("مَرْحَبًا", 1.0),  # diacritics are not letters
        ("ﻣﺮﺣﺒﺎ", 1.0),  # presentation forms are
        ("ab مر", 0.5),
        ("café مر", 2 / 6),
        # a web or e-mail address is kept as written: such targets were refused as "not in Arabic script"
        ("تفضل بزيارة https://www.example.com/help للدعم.", 1.0),
        ("راسلني على john.smith@example.com", 1.0),
        ("زر www.Example.com الآن", 1.0),
        ("Visit https://example.com", 0.0),
        ("«www.example.com»", 0.0),  # an address alone keeps its letters (review mend: "no letters")
        ("السعر@١٠.٥", 1.0),  # no address: Arabic letters and digits
    ],
)
def test_arabic_share(text: str, share: float | None) -> None:
    assert arabic_share(text) == share


def test_is_arabic_script_threshold() -> None:
    assert is_arabic_script("ab مر")
    assert not is_arabic_script("abc مر")
    assert not is_arabic_script("2024")


def test_unsupported_pair_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unsupported language pair 'en-fr': expected one of en-ar, fr-ar"):
        validate_rows([], pair="en-fr")


def test_the_fast_path_refuses_what_the_row_check_refuses():
    # the fast path's own character list lacked U+2028/U+2029 and the other planes' noncharacters: such rows stored
    from engine.corpora.validation import validate_rows

    rows = [(1, "Hello\u2028world", "مرحبا بالعالم"), (2, "Hello world", "مرحبا\u2029بالعالم"),
            (3, "Hello \U0001fffe world", "مرحبا بالعالم"), (4, "Hello world", "مرحبا بالعالم")]
    checked = validate_rows(rows, pair="en-ar")
    assert [r[0] for r in checked.rows] == [4] and sorted({e.line for e in checked.errors}) == [1, 2, 3]


def test_a_control_at_a_fields_end_is_refused_not_stripped():
    from engine.corpora.validation import validate_rows

    checked = validate_rows([(1, "Hello\x1f", "مرحبا"), (2, "Hello\x85", "مرحبا"), (3, " Hello\u00a0", " مرحبا\t"),
                             (4, "Hello\u2028", "مرحبا")], pair="en-ar")
    assert [r for r in checked.rows] == [(3, "Hello", "مرحبا")]
    assert [e.line for e in checked.errors] == [1, 2, 4] and all("control character" in e.reason
                                                                for e in checked.errors)


def test_tatweel_is_no_letter_and_no_arabic():
    from engine.corpora.validation import arabic_share, validate_rows

    assert arabic_share("ـــ") is None and arabic_share("ــــــــــــــ this is english") == 0.0
    assert arabic_share("مـــرحبا") == 1.0
    rows = [(1, "Hello", "ـــ"), (2, "Hello", "ــــــــــــــــ this is english"), (3, "Hi", "أهـــلا")]
    checked = validate_rows(rows, pair="en-ar")
    assert [r[0] for r in checked.rows] == [3] and {e.line for e in checked.errors} == {1, 2}


@pytest.mark.parametrize(("source", "target", "pair"), [
    ("I love New York", "أحب New York", "en-ar"),  # 3 Arabic letters of 10 (it was "not in Arabic script")
    ("J'aime Paris", "أحب Paris", "fr-ar"),
    ("Download WhatsApp on your iPhone", "نزّل WhatsApp على iPhone", "en-ar"),
])
def test_a_target_keeping_names_from_its_source_is_arabic(source, target, pair):
    assert row_problems(source, target, pair=pair) == []
    assert validate_rows([(1, source, target)], pair=pair).rows == [(1, source, target)]


@pytest.mark.parametrize(("source", "target"), [
    ("New York", "New York"),  # a copy: no Arabic letter to weigh
    ("the cat", "the cat القطة"),  # untranslated words in lower case still count
    ("I love New York", "أحب London Paris Berlin"),  # Latin names the source does not have
])
def test_names_left_out_only_when_kept_from_the_source(source, target):
    assert "target is not in Arabic script" in row_problems(source, target, pair="en-ar")
