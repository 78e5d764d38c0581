"""Which characters users' text may hold (``engine.characters``), and every door that takes text agreeing on it."""

from __future__ import annotations

import json

import pytest

from engine.characters import printable, shortened, unsafe_character
from engine.corpora.validation import field_problems
from engine.feedback.argilla.importing import _text_problem
from engine.feedback.batch import parse_sources
from engine.feedback.interactive import check_source
from engine.feedback.judgements import _clean_text, clean_linguist_name
from engine.monitor.serving import check_texts

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


def _refusal(check, text: str) -> str | None:
    """The message ``check(text)`` refuses ``text`` with (every door raises a ValueError of its own), or None."""
    try:
        check(text)
    except ValueError as exc:
        return str(exc)
    return None


DOORS = {
    "translate page": check_source,
    "batch upload": lambda text: parse_sources((json.dumps({"source": text}) + "\n").encode(), "jsonl"),
    "post-edit": _clean_text,
    "endpoint": lambda text: check_texts([text]),
    "linguist name": clean_linguist_name,
}


@pytest.mark.parametrize("text", [*FINE, *REFUSED])
def test_every_door_refuses_the_same_characters(text):
    """A source the Translate page logs is exported to Argilla and must import back; a batch, a post-edit, the
    endpoint, a corpus row and a linguist's name refuse the same characters, each naming the one it found."""
    problems = {door: _refusal(check, text) for door, check in DOORS.items()}
    problems["argilla import"] = _text_problem(text, "source", 1000)
    problems["corpus row"] = "; ".join(field_problems("source", text, 1000)) or None
    why = REFUSED.get(text)
    for door, problem in problems.items():
        if why is None:
            assert problem is None, (door, problem)
        else:
            assert problem is not None and why.split(",")[0].split(" (")[0] in problem, (door, problem)


@pytest.mark.parametrize("text", TWO_LINES)
def test_line_breaks_are_text_where_a_text_may_span_lines(text):
    for door in ("translate page", "batch upload", "post-edit"):
        assert _refusal(DOORS[door], text) is None, door
    assert _text_problem(text, "source", 1000) is None
    assert field_problems("source", text, 1000), "a corpus row's side is one line"


def test_the_noncharacters_of_every_plane_are_not_characters():
    from engine.characters import NOT_A_CHARACTER

    for plane in range(17):
        assert NOT_A_CHARACTER.search(f"a{chr(plane << 16 | 0xFFFE)}") and NOT_A_CHARACTER.search(
            chr(plane << 16 | 0xFFFF))
    assert not NOT_A_CHARACTER.search("\U0001fffd \U0010fffd 😀 مرحبا")


def test_stripping_keeps_the_controls_python_counts_as_whitespace():
    from engine.characters import SPACE

    for control in "\x0b\x0c\x1c\x1d\x1e\x1f\x85":
        assert f"Hello{control}".strip(SPACE) == f"Hello{control}"
    assert " \t\u00a0Hello\u3000 ".strip(SPACE) == "Hello" and "Hello\u2028".strip(SPACE) == "Hello\u2028"


@pytest.mark.parametrize("written", ["a\x00b", "a\u202eb", "a\ufffeb", "a\x85b", "a\u2066b\u2069"])
def test_printable_leaves_nothing_a_check_refuses(written):
    assert unsafe_character(written, line_breaks=True) is not None
    assert printable(written) == "ab" and unsafe_character(printable(written), line_breaks=True) is None


def test_printable_keeps_line_breaks_tabs_and_direction_marks():
    text = "سطر\u200f أول\nline\ttwo\u2028"
    assert printable(text) == text


def test_a_name_the_studio_makes_up_is_one_check_label_takes():
    # a test set named from a corpus stored before names were checked (an override in it) could not be evaluated
    from engine.characters import check_label

    made = shortened("news\u202e  2024\x00 — valid " + "x" * 300)
    assert check_label(made, "test set") == made and len(made) == 200 and made.startswith("news 2024 — valid x")
