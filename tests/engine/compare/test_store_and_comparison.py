"""The evaluations repository, comparisons built from it, lineage and the report exports."""

from __future__ import annotations

import csv
import io
import re

import pytest

from engine.compare.ab import win_rates
from engine.compare.comparison import CompareSettings, build_comparison, disagreement, most_disagreed
from engine.compare.report import report_csv, report_html, report_markdown
from engine.models.lineage import model_lineage
from engine.store.database import migration_files
from tests.engine.compare.helpers import ROWS, add_evaluation, add_testset, references, seed_two_systems

FAST = CompareSettings(n_resamples=200)


def test_migration_0005_creates_the_tables(store):
    assert (5, "0005_evaluations.sql") in [(v, n) for v, n, _ in migration_files()]
    tables = {r[0] for r in store.db.query("SELECT table_name FROM information_schema.tables")}
    assert {"eval_testsets", "eval_segments", "evaluations", "eval_outputs", "eval_scores", "ab_judgements"} <= tables


def test_testsets_are_content_addressed(store):
    first = add_testset(store, "one name")
    assert add_testset(store, "another name") == first
    assert store.evaluations.get_testset(first)["name"] == "one name"
    assert [s["source"] for s in store.evaluations.segments(first)] == [s for s, _ in ROWS]
    with pytest.raises(ValueError, match="at least one"):
        store.evaluations.add_testset("empty", "upload", [])


def test_loading_an_evaluation_twice_changes_nothing_and_rescoring_merges(store, tmp_path):
    testset = add_testset(store)
    key = add_evaluation(store, tmp_path, testset, "m", references())
    before = store.db.query("SELECT count(*) FROM eval_scores WHERE eval_key = ?", [key])[0][0]
    key_again = add_evaluation(store, tmp_path, testset, "m", references())
    assert key_again == key
    assert store.db.query("SELECT count(*) FROM eval_scores WHERE eval_key = ?", [key])[0][0] == before
    assert store.db.query("SELECT count(*) FROM eval_outputs WHERE eval_key = ?", [key])[0][0] == len(ROWS)
    rm_scores = tmp_path / "rm.parquet"
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"idx": pa.array(range(len(ROWS)), pa.int32()), "metric": ["rm"] * len(ROWS),
                             "value": [0.5] * len(ROWS)}), rm_scores)
    with store.db.transaction() as cur:
        store.evaluations.load_evaluation(cur, "evaluate-later", {"key": key, "metrics": {"rm": "tiny-rm"},
                                                                  "scores": str(rm_scores)})
    evaluation = store.evaluations.get(key)
    assert evaluation["metrics"]["rm"] == "tiny-rm" and "chrf" in evaluation["metrics"]
    assert evaluation["run_id"] == "evaluate-fixture" and evaluation["scored_by"] == "evaluate-later"
    assert set(store.evaluations.scores([key])[key]) >= {"rm", "chrf", "hallucination"}


def test_comparison_of_a_good_and_a_worse_system(store, tmp_path):
    testset, good, bad = seed_two_systems(store, tmp_path)
    comparison = build_comparison(store, [good, bad], FAST)
    assert [s.label for s in comparison.systems] == ["final-v1", "sft-v1"]
    assert comparison.metrics[:3] == ["chrf", "bleu", "ter"] and "hallucination" in comparison.metrics
    chrf = {r["system"]: r for r in comparison.summary if r["metric"] == "chrf" and r["level"] == "sentence"}
    assert chrf["final-v1"]["value"] > chrf["sft-v1"]["value"]
    assert all(r["low"] <= r["value"] <= r["high"] for r in comparison.summary)
    assert {r["metric"] for r in comparison.summary if r["level"] == "corpus"} == {"chrf", "bleu", "ter"}
    pair = next(p for p in comparison.pairs if p["metric"] == "chrf" and p["level"] == "sentence")
    assert pair["delta"] < 0 and pair["significant"] and pair["better"] == "final-v1"
    ter = next(p for p in comparison.pairs if p["metric"] == "ter" and p["level"] == "sentence")
    assert ter["delta"] > 0 and ter["better"] == "final-v1"  # lower TER is better
    # corpus TER on 8 sentences, one of which goes the other way: randomisation's p 0.08 bounds the bootstrap's 0.02
    corpus_ter = next(p for p in comparison.pairs if p["metric"] == "ter" and p["level"] == "corpus")
    assert corpus_ter["delta"] > 0 and not corpus_ter["significant"]
    top = most_disagreed(comparison, "chrf", top=3, only_differing=True)
    assert len(top) == 3 and disagreement(top[0], "chrf") >= disagreement(top[-1], "chrf")


def test_identical_systems_show_no_significant_difference(store, tmp_path):
    testset = add_testset(store)
    a = add_evaluation(store, tmp_path, testset, "a", references())
    b = add_evaluation(store, tmp_path, testset, "b", references())
    for method in ("bootstrap", "randomisation"):
        comparison = build_comparison(store, [a, b], CompareSettings(method=method, n_resamples=200))
        assert comparison.pairs and all(not p["significant"] and p["p"] == 1.0 for p in comparison.pairs)
        assert most_disagreed(comparison, "chrf", only_differing=True) == []


def test_a_metric_computed_two_ways_is_left_out_with_how_each_was_computed(store, tmp_path):
    # identical outputs scored with and without Arabic normalisation: 87.6 against 34.1 chrF, "significant"
    testset = add_testset(store)
    a = add_evaluation(store, tmp_path, testset, "a", references(), specs={"chrf": "sacrebleu 2.x, Arabic normalised"})
    b = add_evaluation(store, tmp_path, testset, "b", references(), specs={"chrf": "sacrebleu 2.x"})
    comparison = build_comparison(store, [a, b], CompareSettings(n_resamples=100))
    assert "chrf" not in comparison.metrics and "bleu" in comparison.metrics
    assert comparison.mismatched == {"chrf": {"a": "sacrebleu 2.x, Arabic normalised", "b": "sacrebleu 2.x"}}
    assert not any(p["metric"] == "chrf" for p in comparison.pairs + comparison.summary)


def test_systems_on_different_test_sets_are_refused(store, tmp_path):
    _, good, _ = seed_two_systems(store, tmp_path)
    other = store.evaluations.add_testset("other", "upload", [{"source": "Hi", "reference": "مرحبا", "pair": "en-ar"}])
    elsewhere = add_evaluation(store, tmp_path / "x", other, "m", ["مرحبا"])
    with pytest.raises(ValueError, match="same test set"):
        build_comparison(store, [good, elsewhere])


def test_judgements_are_stored_and_counted(store, tmp_path):
    testset, good, bad = seed_two_systems(store, tmp_path)
    store.evaluations.record_judgement(testset, 0, "Amal", good, bad, "left")
    store.evaluations.record_judgement(testset, 1, "Amal", bad, good, "right", role="lead")
    store.evaluations.record_judgement(testset, 2, "Omar", bad, good, "tie")
    assert store.evaluations.judged("Amal", testset, (bad, good)) == {0, 1}
    rows = store.evaluations.judgements(testset)
    assert [r["winner"] for r in rows] == [good, good, None] and rows[1]["role"] == "lead"
    (rate,) = win_rates(rows)
    assert {rate.system_a: rate.wins_a, rate.system_b: rate.wins_b}[good] == 2 and rate.ties == 1
    with pytest.raises(ValueError):
        store.evaluations.record_judgement(testset, 0, " ", good, bad, "left")


def test_a_judge_signing_in_again_under_a_variant_of_the_name_is_the_same_judge(store, tmp_path):
    # "amal", "Amal" + U+200B, a bidi override, a bell, 3,000 letters: each was a new judge, who judged the same
    # sentences again (18 votes from 6 "judges" on 3 sentences), counted in the win rates and the gate's A/B votes
    testset, good, bad = seed_two_systems(store, tmp_path)
    assert store.evaluations.judge_name("  Amal ") == "Amal"
    store.evaluations.record_judgement(testset, 0, "Amal", good, bad, "left")
    for variant in ("amal", "AMAL", "Amal\u200b", "\uff21mal", " Amal\u2060"):
        assert store.evaluations.judge_name(variant) == "Amal"
    for bad_name, message in (("\u202eLAMA", "bidirectional"), ("Amal\x07", "control"), ("a" * 3000, "longer"),
                              ("\u200b", "enter your name")):
        with pytest.raises(ValueError, match=message):
            store.evaluations.judge_name(bad_name)
        with pytest.raises(ValueError):
            store.evaluations.record_judgement(testset, 1, bad_name, good, bad, "left")
    assert [j["linguist"] for j in store.evaluations.judgements(testset)] == ["Amal"]


def test_the_markdown_reports_lineage_is_text_not_markup(store, tmp_path):
    # a corpus named as Markdown and HTML went into the lineage verbatim: an image fetched, a javascript: link
    testset, good, bad = seed_two_systems(store, tmp_path)
    hostile = "![x](http://127.0.0.1:9/p.png) <img src=x onerror=alert(1)> [click](javascript:alert(1)) a|b"
    lineage = {"final *v1*": [{"model": "final", "corpora": hostile, "path": "/m/__init__/x"}]}
    md = report_markdown(build_comparison(store, [good, bad], FAST), lineage=lineage)
    section = md.split("## Lineage", 1)[1]
    unescaped = re.sub(r"\\.", "", section)  # what is left once every backslash-escaped character is taken out
    for markup in ("!", "[", "<", "*", "_", "(", ")"):
        assert markup not in unescaped, markup
    assert "### final \\*v1\\*" in section and "a\\|b" in section and "\\<img" in section
    row = next(line for line in section.splitlines() if "onerror" in line)
    assert row.count(" | ") == 2  # one row of three cells: the escaped bar splits nothing


def test_reports_hold_settings_scores_pairs_and_escape_text(store, tmp_path):
    testset = store.evaluations.add_testset("<b>bold</b> set", "upload",
                                            [{"source": s, "reference": r, "pair": "en-ar"} for s, r in ROWS])
    good = add_evaluation(store, tmp_path, testset, "final", references())
    bad = add_evaluation(store, tmp_path, testset, "sft", [r + " the" for r in references()])
    store.evaluations.record_judgement(testset, 0, "Amal", good, bad, "left")
    comparison = build_comparison(store, [good, bad], FAST)
    rates = win_rates(store.evaluations.judgements(testset))
    lineage = {"final": model_lineage(store, "final")}
    md = report_markdown(comparison, win_rates=rates, lineage=lineage)
    for text in ("## Settings", "paired bootstrap resampling", "| 200 |", "## Pairwise significance", "chrF",
                 "## Blind A/B", "## Lineage", "final"):
        assert text in md
    page = report_html(comparison, win_rates=rates)
    assert "<b>bold</b>" not in page and "&lt;b&gt;bold&lt;/b&gt;" in page
    rows = list(csv.DictReader(io.StringIO(report_csv(comparison, win_rates=rates))))
    sections = {r["section"] for r in rows}
    assert sections == {"setting", "score", "pair", "ab"}
    assert any(r["section"] == "setting" and r["metric"] == "resamples / trials" and r["detail"] == "200"
               for r in rows)


def test_an_uploaded_test_file_is_checked_like_a_corpus():
    from engine.compare.testsets import testset_rows_from_upload
    from engine.corpora import CorpusRejected

    rows = testset_rows_from_upload("Hello\tمرحبا\nThank you\tشكرا\n".encode(), "tests.tsv", "en-ar")
    assert rows == [{"source": "Hello", "reference": "مرحبا", "pair": "en-ar"},
                    {"source": "Thank you", "reference": "شكرا", "pair": "en-ar"}]
    jsonl = testset_rows_from_upload('{"source": "Bonjour", "target": "صباح الخير"}\n'.encode(), "t.jsonl", "fr-ar")
    assert jsonl[0]["reference"] == "صباح الخير"
    with pytest.raises(CorpusRejected, match="line 2"):
        testset_rows_from_upload("Hello\tمرحبا\nBye\tBye\n".encode(), "tests.tsv", "en-ar")


def test_sacrebleus_scores_keep_two_decimals_at_any_size_and_the_others_three_below_ten():
    # the per-sentence line read "TER 0.000 · chrF 25.00"
    from engine.compare.report import fmt_score

    assert [fmt_score("ter", 0.0), fmt_score("chrf", 25.0), fmt_score("bleu", 7.25)] == ["0.00", "25.00", "7.25"]
    assert [fmt_score("comet", 0.8123), fmt_score("rm", 12.5), fmt_score("chrf", None)] == ["0.812", "12.50", ""]


def test_an_interval_is_written_with_the_decimals_of_its_value():
    # each number was written on its own: a TER read "10.83 [5.164, 18.20]"
    from engine.compare.report import fmt_interval

    assert fmt_interval(10.83, 5.164, 18.2) == "10.83 [5.16, 18.20]"
    assert fmt_interval(9.5, 5.164, 18.2) == "9.50 [5.16, 18.20]"  # one number of decimals for the three
    assert fmt_interval(0.5, 0.41, 0.6) == "0.500 [0.410, 0.600]"
    assert fmt_interval(0.004, 0.001, 0.007) == "0.004 [0.001, 0.007]"  # a small chrF gain keeps its digits
    assert fmt_interval(12.5, None, None) == "12.50" and fmt_interval(None, 1, 2) == ""
    # a score of sacrebleu's 0–100 scale as the score tables write it: 2 decimals
    assert fmt_interval(5.2, 3.1, 7.4, "bleu") == "5.20 [3.10, 7.40]"
