"""Feedback → preference pairs: every format's conversion on constructed judgements, de-duplication, splits,
and agreement weights."""

from __future__ import annotations

import json

import pytest

from engine.feedback.pairs import convert, judgement_pairs, linguist_weights, volume_warning

TEXTS = ["أ", "ب", "ج", "د"]


def record(kind: str, *, jid: int = 1, linguist: str = "Amina", source: str = "Hello.", texts=TEXTS, **kw) -> dict:
    return {"judgement_id": jid, "linguist": linguist, "source": source, "pair": "en-ar", "kind": kind,
            "candidates": [{"text": t} for t in texts], "ranking": None, "best": None, "correction": None, **kw}


def test_ranking_gives_every_ordered_pair_with_rank_distance_margins():
    pairs, ties = judgement_pairs(record("ranking", ranking=[2, 0, 3, 1]))
    assert ties == 0
    assert [(c, r) for c, r, _ in pairs] == [("ج", "أ"), ("ج", "د"), ("ج", "ب"), ("أ", "د"), ("أ", "ب"), ("د", "ب")]
    assert [round(m, 3) for *_, m in pairs] == [0.333, 0.667, 1.0, 0.333, 0.667, 0.333]


def test_best_pick_is_chosen_over_each_other_candidate():
    pairs, _ = judgement_pairs(record("best", best=1))
    assert [(c, r) for c, r, _ in pairs] == [("ب", "أ"), ("ب", "ج"), ("ب", "د")]


def test_correction_is_chosen_over_each_shown_candidate():
    pairs, _ = judgement_pairs(record("post_edit", correction=" هـ "))
    assert [(c, r) for c, r, _ in pairs] == [("هـ", t) for t in TEXTS]


def test_none_acceptable_gives_nothing_without_a_correction_and_pairs_with_one():
    assert judgement_pairs(record("none")) == ([], 0)
    pairs, _ = judgement_pairs(record("none", correction="هـ"))
    assert len(pairs) == 4 and {c for c, _, _ in pairs} == {"هـ"}


def test_ties_give_nothing():
    same = ["أ", "أ ", "ب"]  # equal after trimming
    pairs, ties = judgement_pairs(record("ranking", texts=same, ranking=[0, 1, 2]))
    assert [(c, r) for c, r, _ in pairs] == [("أ", "ب"), ("أ", "ب")] and ties == 1
    pairs, ties = judgement_pairs(record("post_edit", texts=same, correction="أ"))
    assert [(c, r) for c, r, _ in pairs] == [("أ", "ب")] and ties == 2


def test_a_ranking_never_puts_a_text_below_a_copy_of_itself():
    # [A, B, A'] with A' = A gave both A > B and B > A from one judgement
    pairs, ties = judgement_pairs(record("ranking", texts=["أ", "أ ", "ب"], ranking=[0, 2, 1]))
    assert [(c, r) for c, r, _ in pairs] == [("أ", "ب")] and ties == 2


def test_convert_deduplicates_keeps_provenance_and_sums_weights():
    records = [record("best", jid=1, linguist="Amina", best=0),
               record("best", jid=2, linguist="Karim", best=0),
               record("best", jid=3, linguist="Lina", best=1)]
    rows, report = convert(records, weights={"Amina": 1.5, "Karim": 0.5})
    assert report.judgements == 3 and report.used == 3
    by_pair = {(r["chosen"], r["rejected"]): r for r in rows}
    assert len(rows) == 6 and report.duplicates == 3 and report.conflicts == 1  # أ>ب and ب>أ
    first = by_pair[("أ", "ج")]
    assert first["linguist"] == "Amina" and first["judgement_id"] == 1 and first["weight"] == pytest.approx(2.0)
    assert json.loads(first["scores"]) == {"judgements": [1, 2], "linguists": ["Amina", "Karim"]}
    assert by_pair[("ب", "ج")]["weight"] == 1.0  # Lina has no weight: 1
    assert all(r["strategy"] == "best" and r["pair"] == "en-ar" for r in rows)


def test_one_linguists_two_answers_of_a_pair_weigh_once():
    # a ranking and error spans by the same linguist giving the same pair summed to weight 2: reward fine-tuning
    # samples by weight, so one person counted as two
    ranking = record("ranking", jid=1, linguist="Amina", ranking=[0, 1, 2, 3])
    spans = {**record("best", jid=None, linguist="Amina", best=0, texts=TEXTS[:2]), "annotation_id": 7}
    rows, report = convert([ranking, spans], weights={"Amina": 1.5})
    first = next(r for r in rows if (r["chosen"], r["rejected"]) == ("أ", "ب"))
    assert report.duplicates == 1 and first["weight"] == pytest.approx(1.5)
    assert json.loads(first["scores"]) == {"judgements": [1], "annotations": [7], "linguists": ["Amina"]}

def test_a_sources_pairs_share_one_split_and_the_split_is_seeded():
    records = [record("ranking", jid=i, source=f"Sentence number {i}.", ranking=[0, 1, 2, 3]) for i in range(60)]
    rows, report = convert(records, valid_share=0.25, seed=3)
    splits: dict[str, set] = {}
    for r in rows:
        splits.setdefault(r["group_key"], set()).add(r["split"])
    assert all(len(s) == 1 for s in splits.values())
    valid_sources = sum("valid" in s for s in splits.values())
    assert 5 <= valid_sources <= 25 and report.valid == 6 * valid_sources
    again, _ = convert(records, valid_share=0.25, seed=3)
    assert [r["split"] for r in again] == [r["split"] for r in rows]
    other, _ = convert(records, valid_share=0.25, seed=4)
    assert [r["split"] for r in other] != [r["split"] for r in rows]
    # the same source written with other spacing is the same group
    assert convert([record("best", best=0, source="Sentence  number 1. ")])[0][0]["group_key"] == \
        next(r["group_key"] for r in rows if r["source"] == "Sentence number 1.")


def _row(linguist: str, item: int, best: int, ranking=None, at: str = "2026-12-01 10:00") -> dict:
    return {"linguist": linguist, "queue_id": 1, "item_id": item, "kind": "ranking" if ranking else "best",
            "best": best, "ranking": ranking, "request_id": f"q1-{item}", "created_at": at,
            "id": hash((linguist, item, at))}


def test_agreement_weights_favour_linguists_who_agree_with_the_others():
    rows = []
    for item in range(6):
        rows += [_row("Amina", item, 0), _row("Karim", item, 0), _row("Odd", item, 1 if item % 3 else 0)]
    rows.append({**_row("Solo", 99, 0), "queue_id": None, "item_id": None})
    weights = linguist_weights(rows)
    assert "Solo" not in weights  # shared no item: the conversion gives weight 1
    assert weights["Amina"] == pytest.approx(weights["Karim"]) and weights["Amina"] > 1 > weights["Odd"]
    assert sum(weights.values()) / len(weights) == pytest.approx(1.0)
    never = [_row("A", i, 0) for i in range(3)] + [_row("B", i, 1) for i in range(3)]
    # nobody agrees with anybody: no one to trust more (they weighed 0.1, ten times below one who shared nothing)
    assert linguist_weights(never) == {"A": 1.0, "B": 1.0}
    # a linguist's revision replaces the answer it revises (an older one imported later does not)
    revised = never + [_row("B", i, 0, at="2026-12-02 10:00") for i in range(3)]
    revised += [_row("B", 0, 1, at="2026-11-30 10:00")]
    assert linguist_weights(revised) == {"A": pytest.approx(1.0), "B": pytest.approx(1.0)}
    assert linguist_weights(revised + [_row("C", i, 1) for i in range(3)])["C"] < 1 < linguist_weights(
        revised + [_row("C", i, 1) for i in range(3)])["A"]


def test_volume_warning_says_how_much_feedback_there_is():
    assert "no feedback" in volume_warning({"judgements": 0, "linguists": 0})
    assert "Only 12 judgement(s) from 2 linguist(s)" in volume_warning({"judgements": 12, "linguists": 2})
    assert "enough to try" in volume_warning({"judgements": 120, "linguists": 3})
    assert volume_warning({"judgements": 800, "linguists": 4}) is None


def test_the_latest_judgement_is_the_newest_made_not_the_last_stored():
    # an import keeps the time the annotation tool recorded: an older answer stored later does not replace a newer one
    from engine.feedback.export import latest_per_linguist

    records = [{"request_id": "r", "linguist": "A", "time": "2026-12-02T10:00:00Z", "judgement_id": 1},
               {"request_id": "r", "linguist": "A", "time": "2026-11-30T10:00:00Z", "judgement_id": 2},
               {"request_id": "r", "linguist": "B", "time": "2026-11-30T10:00:00Z", "judgement_id": 3}]
    assert [r["judgement_id"] for r in latest_per_linguist(records)] == [1, 3]
