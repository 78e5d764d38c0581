"""Which characters users' text may hold (``engine.characters``), and every door that takes text agreeing on it."""

from __future__ import annotations

import json

import pytest

from engine.characters import unsafe_character
from engine.corpora.validation import field_problems
from engine.feedback.argilla.importing import _text_problem
from engine.feedback.batch import BatchUploadError, parse_sources
from engine.feedback.interactive import check_source
from engine.feedback.judgements import JudgementError, _clean_text, clean_linguist_name
from engine.monitor.serving import RequestError, check_texts

FINE = ["The cat sleeps.", "Tab\there", "Au revoir\u200f !", "Ça va ?"]
REFUSED = {
    "Bell \x07": "a control character (U+0007)",
    "Hi \u202e there": "a bidirectional control character (U+202E)",
    "Hi \u2066there\u2069": "a bidirectional control character (U+2066)",
    "Hi \ud800": "U+D800, which is not a character",
    "Hi \uffff": "U+FFFF, which is not a character",
}
TWO_LINES = ["One line.\nAnother.", "One\r\nTwo", "One\u2028Two"]


def test_what_is_refused_and_why():
    assert all(unsafe_character(text) is None for text in FINE)
    for text, why in REFUSED.items():
        assert why in unsafe_character(text), text
    for text in TWO_LINES:
        assert unsafe_character(text).startswith("a line break (U+"), text
        assert unsafe_character(text, line_breaks=True) is None


def _translate_page(text: str) -> str | None:
    try:
        check_source(text)
    except ValueError as exc:
        return str(exc)
    return None


def _batch(text: str) -> str | None:
    try:
        parse_sources((json.dumps({"source": text}) + "\n").encode(), "jsonl")
    except BatchUploadError as exc:
        return str(exc)
    return None


def _post_edit(text: str) -> str | None:
    try:
        _clean_text(text)
    except JudgementError as exc:
        return str(exc)
    return None


def _endpoint(text: str) -> str | None:
    try:
        check_texts([text])
    except RequestError as exc:
        return str(exc)
    return None


def _linguist(text: str) -> str | None:
    try:
        clean_linguist_name(text)
    except JudgementError as exc:
        return str(exc)
    return None


@pytest.mark.parametrize("text", [*FINE, *REFUSED])
def test_every_door_refuses_the_same_characters(text):
    """A source the Translate page logs is exported to Argilla and must import back; a batch, a post-edit, the
    endpoint, a corpus row and a linguist's name refuse the same characters, each naming the one it found."""
    multi_line = {"translate page": _translate_page(text), "batch upload": _batch(text),
                  "post-edit": _post_edit(text), "argilla import": _text_problem(text, "source", 1000)}
    one_line = {"endpoint": _endpoint(text), "linguist name": _linguist(text),
                "corpus row": "; ".join(field_problems("source", text, 1000)) or None}
    why = REFUSED.get(text)
    for door, problem in {**multi_line, **one_line}.items():
        if why is None:
            assert problem is None, (door, problem)
        else:
            assert problem is not None and why.split(",")[0].split(" (")[0] in problem, (door, problem)


@pytest.mark.parametrize("text", TWO_LINES)
def test_line_breaks_are_text_where_a_text_may_span_lines(text):
    assert _batch(text) is None and _post_edit(text) is None and _text_problem(text, "source", 1000) is None
    assert _translate_page(text) is None
    assert field_problems("source", text, 1000), "a corpus row's side is one line"
