"""Blind A/B: randomised order and sentence draws, and win-rate arithmetic."""

from __future__ import annotations

import random

import pytest

from engine.compare.ab import AbItem, draw_item, sign_test, wilson_interval, win_rates, winner

OUT_A = {0: "نص أ", 1: "نص مشترك", 2: "ترجمة أولى", 3: "جملة"}
OUT_B = {0: "نص ب", 1: "نص مشترك", 2: "ترجمة ثانية", 3: "جملة أخرى"}


def test_order_is_a_fair_coin_and_every_eligible_sentence_is_drawn():
    rng = random.Random(0)
    items = [draw_item(OUT_A, OUT_B, ("sys-1", "sys-2"), rng=rng) for _ in range(2000)]
    left_share = sum(i.left == "sys-1" for i in items) / len(items)
    assert 0.45 < left_share < 0.55
    assert {i.idx for i in items} == {0, 2, 3}  # sentence 1: both outputs identical, nothing to judge
    assert all({i.left, i.right} == {"sys-1", "sys-2"} for i in items)
    for idx in (0, 2, 3):  # the order is not tied to the sentence
        assert {i.left for i in items if i.idx == idx} == {"sys-1", "sys-2"}


def test_draws_are_reproducible_with_a_seed_and_skip_judged_sentences():
    a = [draw_item(OUT_A, OUT_B, ("x", "y"), rng=random.Random(3)) for _ in range(3)]
    b = [draw_item(OUT_A, OUT_B, ("x", "y"), rng=random.Random(3)) for _ in range(3)]
    assert a == b
    assert draw_item(OUT_A, OUT_B, ("x", "y"), judged={0, 2}, rng=random.Random(1)).idx == 3
    assert draw_item(OUT_A, OUT_B, ("x", "y"), judged={0, 2, 3}) is None
    assert draw_item(OUT_A, OUT_B, ("x", "y"), judged={0, 2, 3}, skip_identical=False).idx == 1
    with pytest.raises(ValueError, match="two different systems"):
        draw_item(OUT_A, OUT_B, ("x", "x"))


def test_choice_maps_back_to_the_system_shown():
    item = AbItem(4, left="final", right="sft")
    assert winner(item, "left") == "final" and winner(item, "right") == "sft" and winner(item, "tie") is None
    with pytest.raises(ValueError):
        winner(item, "both")


def test_wilson_interval_and_sign_test_values():
    lo, hi = wilson_interval(8, 10)
    assert lo == pytest.approx(0.4902, abs=1e-4) and hi == pytest.approx(0.9433, abs=1e-4)
    assert wilson_interval(0, 10)[0] == 0.0 and wilson_interval(10, 10)[1] == 1.0
    assert wilson_interval(0, 0) == (0.0, 1.0)
    assert sign_test(8, 2) == pytest.approx(0.109375)
    assert sign_test(10, 0) == pytest.approx(2 / 1024)
    assert sign_test(5, 5) == 1.0 and sign_test(0, 0) == 1.0


def test_win_rates_count_wins_in_either_order_and_ties_as_half():
    rows = ([{"left": "final", "right": "sft", "choice": "left", "linguist": "Amal"}] * 5
            + [{"left": "sft", "right": "final", "choice": "right", "linguist": "Omar"}] * 3
            + [{"left": "sft", "right": "final", "choice": "left", "linguist": "Amal"}] * 2
            + [{"left": "final", "right": "sft", "choice": "tie", "linguist": "Omar"}] * 2
            + [{"left": "cold", "right": "sft", "choice": "tie", "linguist": "Amal"}])
    final_sft = next(w for w in win_rates(rows) if {w.system_a, w.system_b} == {"final", "sft"})
    assert (final_sft.system_a, final_sft.system_b) == ("final", "sft")
    assert (final_sft.wins_a, final_sft.wins_b, final_sft.ties, final_sft.n, final_sft.judges) == (8, 2, 2, 12, 2)
    assert final_sft.win_rate_a == pytest.approx(9 / 12)
    assert final_sft.preference_a == pytest.approx(0.8)
    assert final_sft.preference_interval() == pytest.approx(wilson_interval(8, 10))
    assert final_sft.win_rate_interval() == pytest.approx(wilson_interval(9, 12))
    assert final_sft.p_value == pytest.approx(0.109375)
    cold = next(w for w in win_rates(rows) if w.system_a == "cold")
    assert cold.win_rate_a == 0.5 and cold.preference_a is None and cold.p_value == 1.0
    row = final_sft.as_row({"final": "final model"})
    assert row["system A"] == "final model" and row["A better"] == 8 and row["ties"] == 2
