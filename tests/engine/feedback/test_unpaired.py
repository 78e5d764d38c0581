"""KTO's good/bad translations from judgements and from pairs: the rules of engine.feedback.unpaired."""

from __future__ import annotations

from engine.feedback.unpaired import from_judgements, from_pairs, judgement_labels


def _record(kind: str, texts: list[str], judgement_id: int = 1, linguist: str = "Amina", **answer) -> dict:
    return {
        "kind": kind,
        "candidates": [{"text": t} for t in texts],
        "judgement_id": judgement_id,
        "linguist": linguist,
        "source": f"source {judgement_id}",
        "pair": "en-ar",
        "ranking": None,
        "best": None,
        "correction": None,
        **answer,
    }


def test_each_format_labels_its_translations():
    texts = ["أ", "ب", "ج"]
    assert judgement_labels(_record("best", texts, best=1)) == [("ب", True), ("أ", False), ("ج", False)]
    assert judgement_labels(_record("ranking", texts, ranking=[2, 0, 1])) == [("ج", True), ("أ", False), ("ب", False)]
    assert judgement_labels(_record("none", texts)) == [("أ", False), ("ب", False), ("ج", False)]
    assert judgement_labels(_record("none", texts, correction="د")) == [
        ("د", True),
        ("أ", False),
        ("ب", False),
        ("ج", False),
    ]
    assert judgement_labels(_record("post_edit", texts, correction=" د ")) == [
        ("د", True),
        ("أ", False),
        ("ب", False),
        ("ج", False),
    ]
    # a candidate equal to the picked text (a tie) is not bad; duplicates are labelled once
    assert judgement_labels(_record("best", ["أ", "أ ", "ب", "ب"], best=0)) == [("أ", True), ("ب", False)]


def test_duplicates_conflicts_and_splits():
    records = [_record("best", ["أ", "ب"], 1, "Amina", best=0), _record("best", ["أ", "ب"], 2, "Karim", best=1)]
    records[1]["source"] = records[0]["source"]  # two linguists disagree on the same source
    rows, report = from_judgements(records, valid_share=0.0)
    assert report.judgements == 2 and report.used == 2 and report.per_kind == {"best": 2}
    assert (report.desirable, report.undesirable, report.conflicts, report.duplicates) == (2, 2, 2, 0)
    assert {r["split"] for r in rows} == {"train"}
    many = [_record("none", ["أ"], i) for i in range(200)]
    rows, _ = from_judgements(many, valid_share=0.5, seed=3)
    by_source = {}
    for r in rows:
        by_source.setdefault(r["source"], set()).add(r["split"])
    assert all(len(s) == 1 for s in by_source.values())  # a source never crosses the split
    assert 60 < sum(s == {"valid"} for s in by_source.values()) < 140


def test_pairs_give_one_good_and_one_bad_each():
    pairs = [
        {"group_key": "1:1", "pair": "en-ar", "source": "s", "chosen": "أ", "rejected": "ب", "split": "train"},
        {"group_key": "1:1", "pair": "en-ar", "source": "s", "chosen": "أ", "rejected": "ج", "split": "train"},
        {"group_key": "1:2", "pair": "fr-ar", "source": "t", "chosen": "ب", "rejected": "أ", "split": "valid"},
    ]
    rows, report = from_pairs(pairs)
    assert [(r["completion"], r["label"], r["split"]) for r in rows] == [
        ("أ", True, "train"),
        ("ب", False, "train"),
        ("ج", False, "train"),
        ("ب", True, "valid"),
        ("أ", False, "valid"),
    ]
    assert report.duplicates == 1 and rows[0]["weight"] == 2.0 and report.conflicts == 0
