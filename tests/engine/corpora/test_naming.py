"""The corpus-name rule the Data page applies to uploads and imports."""

from __future__ import annotations

import pytest

from engine.corpora.naming import corpus_name_problem


@pytest.mark.parametrize("name", ["Tatoeba en-ar", "ntrex (dev) v1.2", "مدونة الأخبار", "  spaced  ", "a" * 80])
def test_plain_names_in_any_script_are_accepted(name: str) -> None:
    assert corpus_name_problem(name) is None


@pytest.mark.parametrize("name", ["", "   ", "../etc/passwd", "a/b", "semi;colon", "a" * 81, "tab\there"])
def test_empty_long_or_path_like_names_are_refused_with_the_rule(name: str) -> None:
    problem = corpus_name_problem(name)
    assert problem is not None and "letters, digits" in problem
