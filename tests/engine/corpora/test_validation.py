"""Row validation: the fast path agrees with the full check; script detection."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
        for reason in row_problems(s.strip(), t.strip(), pair=pair, max_chars=20)
    ]
    expected_valid = [
        (line, s.strip(), t.strip())
        for line, s, t in numbered
        if not row_problems(s.strip(), t.strip(), pair=pair, max_chars=20)
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
