"""Normalisation for duplicate detection."""

from __future__ import annotations

from dataclasses import fields, replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.corpora import NormalisationOptions, normalised_key, normalised_source, option_help
from engine.corpora.normalise import KEY_SEPARATOR, Normaliser, _needs_collapse, arabic_table, normalised_target

DEFAULT = NormalisationOptions()


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("مـرحـــبا", "مرحبا"),  # tatweel
        ("أحمد", "احمد"),  # alef with hamza above
        ("إسلام", "اسلام"),  # alef with hamza below
        ("آمن", "امن"),  # alef with madda
        ("ٱلكتاب", "الكتاب"),  # alef wasla
        ("مستشفى", "مستشفي"),  # alef maksura → ya
        ("مَرْحَبًا", "مرحبا"),  # harakat, sukun, tanwin
        ("مدرّس", "مدرس"),  # shadda
        ("هٰذا", "هذا"),  # dagger alef
        ("ﻣﺮﺣﺒﺎ", "مرحبا"),  # presentation forms (NFKC)
        ("ﻻ", "لا"),  # lam-alef ligature (NFKC)
        ("  سلام   عليكم \u00a0 ", "سلام عليكم"),  # whitespace
        ("مدرسة", "مدرسة"),  # ta marbuta kept by default
    ],
)
def test_target_normalisation(raw: str, normalised: str) -> None:
    assert normalised_target(raw) == normalised


def test_source_normalisation_folds_case_nfkc_and_spaces() -> None:
    assert normalised_source("  The  CAFÉ\tis ﬁne ") == "the café is fine"
    assert normalised_source("Ｈｅｌｌｏ") == "hello"  # full-width (NFKC)


def test_each_option_can_be_turned_off() -> None:
    off = NormalisationOptions(**{f.name: False for f in fields(NormalisationOptions)})
    for text in ["مـرحـبا", "أحمد", "مستشفى", "مَرْحَبًا", "ﻻ", "a  b"]:
        assert normalised_target(text, off) == text
    assert normalised_source("Hello", off) == "Hello"
    assert normalised_target("مدرسة", replace(DEFAULT, unify_ta_marbuta=True)) == "مدرسه"


def test_key_joins_source_and_target() -> None:
    assert normalised_key("Hello", "أهلاً") == "hello" + KEY_SEPARATOR + "اهلا"
    assert normalised_key("HELLO ", "اهلا") == normalised_key("hello", "أَهْلًا")
    assert normalised_key("Hello", "مرحبا") != normalised_key("Hello", "مرحبا بك")


def test_every_option_has_help_text() -> None:
    help_texts = option_help(NormalisationOptions)
    assert set(help_texts) == {f.name for f in fields(NormalisationOptions)}
    assert all(help_texts.values())


ARABIC_ALPHABET = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي" + "أإآٱىةءؤئـ" + "ًٌٍَُِّْٰ" + "\u0653\u0654\u0655" + "ab .،"
OPTION_SETS = st.builds(NormalisationOptions, *[st.booleans() for _ in fields(NormalisationOptions)])


@given(text=st.text(alphabet=ARABIC_ALPHABET, max_size=40), options=OPTION_SETS)
@settings(max_examples=200, deadline=None)
def test_fast_arabic_step_equals_the_translate_table(text: str, options: NormalisationOptions) -> None:
    assert Normaliser(options).arabic(text) == text.translate(arabic_table(options))


@given(text=st.text(max_size=30))
@settings(max_examples=300, deadline=None)
def test_collapse_shortcut_never_skips_needed_work(text: str) -> None:
    if not _needs_collapse(text):
        assert " ".join(text.split()) == text


@given(source=st.text(max_size=20), target=st.text(alphabet=ARABIC_ALPHABET, max_size=20))
@settings(max_examples=100, deadline=None)
def test_normalisation_is_idempotent(source: str, target: str) -> None:
    once_source, once_target = normalised_source(source), normalised_target(target)
    assert normalised_source(once_source) == once_source
    assert normalised_target(once_target) == once_target


def test_invisible_format_characters_make_no_other_source() -> None:
    # a leading LRM (or a zero-width space, a BOM in the middle of two files joined) kept a duplicate and put the
    # two copies of one source in different splits
    norm = Normaliser(NormalisationOptions())
    for invisible in ("\u200e", "\u200f", "\u061c", "\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad"):
        assert norm.source(f"{invisible}Item 1 costs") == norm.source("Item 1 costs") == "item 1 costs"
        assert norm.target(f"مرحبا{invisible}") == norm.target("مرحبا")
    assert norm.key("\ufeffHello", "مرحبا") == norm.key("Hello", "مرحبا")
