"""Character-level diffs rendered as escaped HTML."""

from __future__ import annotations

from engine.compare.diff import char_diff, diff_html, graphemes, similarity


def test_identical_texts_have_no_highlight():
    assert diff_html("مرحبا بك", "مرحبا بك") == "مرحبا بك"
    assert similarity("abc", "abc") == 1.0


def test_insertions_and_deletions_are_marked():
    ops = char_diff("أين المحطة", "أين المحطة؟")
    assert [(o.op, o.text) for o in ops] == [("equal", "أين المحطة"), ("insert", "؟")]
    out = diff_html("cat", "cut")
    assert "tarjama-del" in out and ">a</span>" in out and "tarjama-ins" in out and ">u</span>" in out
    assert "tarjama-del" not in diff_html("cat", "cut", show_deleted=False)


def test_text_is_escaped():
    out = diff_html("", "<script>alert('x')</script>")
    assert "<script" not in out and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in out
    mixed = diff_html("<b>safe</b>", "<b>sage</b>")
    assert "<b>" not in mixed and mixed.startswith("&lt;b&gt;sa")


def test_harakat_stay_with_their_letter():
    assert graphemes("كَتَبَ") == ["كَ", "تَ", "بَ"]
    ops = char_diff("كتب", "كَتب")
    assert [(o.op, o.text) for o in ops] == [("delete", "ك"), ("insert", "كَ"), ("equal", "تب")]
