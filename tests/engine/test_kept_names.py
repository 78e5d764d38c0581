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
    ("يحب Boston", "Boston is big. The city is old.", "يحب"),  # a sentence's first word, no function word
    ("أصدرت Microsoft Windows 11", "Microsoft released Windows 11", "أصدرت"),
    ("Jean-Pierre يحب Paris.", "Jean-Pierre aime Paris.", "Jean- يحب ."),  # it starts the translation as the source
    # capitals say nothing in a heading or a source of capitals: a copy of it with one Arabic word stays untranslated
    ("شحن On All Orders", "Free Shipping On All Orders", "شحن On All Orders"),
    ("تحذير DO NOT ENTER", "WARNING: DO NOT ENTER THE ROOM", "تحذير DO NOT ENTER"),
    ("اشترت Google YouTube", "Google bought YouTube", "اشترت"),
    # capitalised function words make a heading: capitals tell no name there
    ("قال The WHO And The UN Agreed", "He said The WHO And The UN Agreed today", "قال The WHO And The UN Agreed"),
    ("l'Europe أوروبا", "J'aime l'Europe", "l' أوروبا"),
])
def test_names_kept_from_the_source_are_left_out(text, source, left):
    assert without_kept_names(text, source).split() == left.split()
