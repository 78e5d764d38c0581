"""Words a translation keeps as written from its source (engine/kept_names.py)."""

from __future__ import annotations

import pytest

from engine.kept_names import without_kept_names


@pytest.mark.parametrize(("text", "source", "left"), [
    ("أحب New York", "I love New York", "أحب"),  # names: left out
    ("اشتريت iPhone 15", "I bought an iPhone 15", "اشتريت"),  # a brand and a number
    ("وباء COVID-19", "The COVID-19 pandemic", "وباء -"),
    ("أحب Paris", "J'aime Paris", "أحب"),
    ("the cat القطة", "the cat", "the cat القطة"),  # lower case: untranslated words, kept in the count
    ("أحب London", "I love New York", "أحب London"),  # not in the source: counted
    ("I love New York", "I love New York", "I love New York"),  # no Arabic: a copy stays a copy
    ("أحب New York", "", "أحب New York"),
    ("The café مقهى", "The café", "The café مقهى"),  # a capital where a sentence starts: no name
    ("يحب New York", "New York is big. The city is old.", "يحب New"),  # "New" starts the source, "York" does not
    ("l'Europe أوروبا", "J'aime l'Europe", "l' أوروبا"),
])
def test_names_kept_from_the_source_are_left_out(text, source, left):
    assert without_kept_names(text, source).split() == left.split()
