"""The corpus-name rule the Data page applies to uploads and imports: the store's own."""

from __future__ import annotations

import pytest

from engine.corpora.naming import corpus_name_problem


@pytest.mark.parametrize("name", ["Tatoeba en-ar", "ntrex (dev) v1.2", "مدونة الأخبار", "  spaced  ", "a" * 200,
                                  "مُعجم", "cafe\u0301", "news; 2024"])
def test_names_in_any_script_are_accepted(name: str) -> None:
    # the page had a rule of its own (\w and six marks, at most 80): an Arabic name with its vowel marks, or a
    # decomposed accent, was refused as "not letters", though the store takes it
    assert corpus_name_problem(name) is None


@pytest.mark.parametrize(("name", "why"), [("", "Give the corpus a name"), ("   ", "Give the corpus a name"),
                                           ("\u200b\u2060", "Give the corpus a name"), ("a" * 201, "200 characters"),
                                           ("line\nbreak", "U+000A"), ("a\u202eb", "U+202E"), ("a\x1fb", "U+001F")])
def test_empty_long_or_unsafe_names_are_refused_with_the_reason(name: str, why: str) -> None:
    problem = corpus_name_problem(name)
    assert problem is not None and why in problem and problem.endswith(".")
