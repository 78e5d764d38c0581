"""The Synthetic preferences page: launch generation from the form, then browse real candidates and pairs."""

from __future__ import annotations

import re

import pytest

from engine.jobs.generate import GenerateConfig
from engine.jobs.presets import BRIEF, DEMO
from engine.jobs.score import ScoreConfig


def test_empty_workspace_says_what_is_missing(open_page):
    at = open_page("preferences")
    assert at.title[0].value == "2 · Synthetic preferences"
    assert any("Register an SFT model first" in i.value for i in at.info)


def test_generate_form_launches_a_run_with_the_chosen_model(open_page, store, tiny_policy, demo_corpus, monkeypatch):
    # the double click below comes two page runs later: on a busy machine that can be more than 10 s
    monkeypatch.setattr("studio.components.job_panel.DOUBLE_SUBMIT_S", 600.0)
    at = open_page("preferences")
    at.text_input(key=f"pref-generate-{DEMO}-strategies").input("greedy, temperature:0.8x2")
    at.number_input(key=f"pref-generate-{DEMO}-sample_size").set_value(4)
    at.number_input(key=f"pref-generate-{DEMO}-max_new_tokens").set_value(6)
    at.button[[b.label for b in at.button].index("Generate")].click()
    at.run()
    runs = store.runs.list(kinds=("generate",))
    assert len(runs) == 1
    # the monitor shows the settings the run got (a number box may show a value it did not submit)
    [settings] = [e for e in at.expander if e.label == "Settings it runs with"]
    assert '"sample_size": 4' in settings.json[0].value
    # a double click submits the form twice: the second submission starts nothing (its note may be gone at once:
    # the run's monitor reruns the page when the tiny run ends)
    at.button[[b.label for b in at.button].index("Generate")].click()
    at.run()
    assert len(store.runs.list(kinds=("generate",))) == 1
    import json

    config = json.loads(runs[0]["config"])
    assert config["model"] == "tiny-sft" and config["strategies"] == ["greedy", "temperature:0.8x2"]
    assert config["corpus_ids"] == [demo_corpus]


def test_too_few_candidates_per_source_is_refused_in_the_page(open_page, store, tiny_policy, demo_corpus):
    at = open_page("preferences")
    at.text_input(key=f"pref-generate-{DEMO}-strategies").input("greedy")
    at.button[[b.label for b in at.button].index("Generate")].click()
    at.run()
    assert any("choose between 3 and 8" in e.value for e in at.error)
    assert store.runs.list(kinds=("generate",)) == []


@pytest.mark.slow
def test_browse_charts_and_export_after_real_runs(open_page, supervisor, store, tiny_policy, demo_corpus):
    gen = supervisor.start("generate", GenerateConfig(model=tiny_policy, corpus_ids=[demo_corpus], sample_size=12,
                                                      max_new_tokens=8))
    assert supervisor.wait(gen, timeout_s=300) == "succeeded"
    score = supervisor.start("score", ScoreConfig(generate_run=gen, min_margin=0.05))
    assert supervisor.wait(score, timeout_s=300) == "succeeded"

    at = open_page("preferences")
    tables = [m.value for m in at.markdown if "tarjama-table" in m.value]
    assert any("Pair role" in t and "dir='rtl'" in t for t in tables)
    # candidates and pairs: every Arabic cell marked as Arabic (lang) for a screen reader
    assert all(t.count("class='tarjama-ar' dir='rtl' lang='ar'") == t.count("class='tarjama-ar'") for t in tables)
    assert any("chosen" in t for t in tables) or store.preferences.count_pairs(run_ids=[score]) == 0
    assert len(at.get("plotly_chart")) >= 2  # generate/score monitors, margin histogram, correlation, box plot
    assert any("Quality = chrf 1.00" in i.value for i in at.info)
    at.button(key="pref-export").click()
    at.run()
    assert any("synthetic_preferences/" in s.value for s in at.success)
    folder = store.db.path.parent / "exports" / "synthetic_preferences"
    lines = sum((folder / f).read_text(encoding="utf-8").count("\n") for f in ("train.jsonl", "validation.jsonl"))
    assert 0 < lines <= store.preferences.count_pairs(run_ids=[score])
    assert [d.proto.label for d in at.get("download_button")] == ["Download synthetic_preferences.zip"]


def _recorded_generate_and_score(store, workspace, gen_id, score_id, created, *, scored=True, merged=False,
                                 extra_metrics: dict | None = None):
    """A finished generate run with two candidates of one source and (``scored``) a finished score run of it; with
    ``merged``, the first candidate's text came from three samples of two strategies."""
    import json as _json

    import pyarrow as pa
    import pyarrow.parquet as pq

    from engine.jobs.generate import CANDIDATE_SCHEMA

    folder = workspace.run_dir(gen_id) / "outputs" / "candidates"
    folder.mkdir(parents=True)
    rows = [{"cand_id": i, "corpus_id": 1, "seg_id": 0, "pair": "en-ar", "split": "train", "source": "Good morning",
             "reference": "صباح الخير", "prompt": "<en> Good morning <ar>", "text": text, "strategy": strategy,
             "params": "{}", "n_samples": 1, "strategies": strategy}
            for i, (text, strategy) in enumerate((("صباح الخير", "greedy"), ("good good good", "top_k:20")))]
    if merged:
        rows[0].update(n_samples=3, strategies="greedy,temperature:0.7x2")
    pq.write_table(pa.Table.from_pylist(rows, schema=CANDIDATE_SCHEMA), folder / "chunk-00000.parquet")
    store.runs.create(gen_id, "generate", "Generate", {}, str(folder.parent.parent))
    with store.db.transaction() as cur:
        store.preferences.load_candidates(cur, gen_id, folder)
        store.runs.mark_final(cur, gen_id, "succeeded", None)
        cur.execute("UPDATE runs SET created_at = ? WHERE id = ?", [created, gen_id])
    if not scored:
        return
    scores = workspace.run_dir(score_id) / "outputs" / "scores.parquet"
    scores.parent.mkdir(parents=True)
    pq.write_table(pa.Table.from_pylist([
        {"cand_id": 0, "metric": "quality", "value": 0.9}, {"cand_id": 0, "metric": "check_passed", "value": 1.0},
        {"cand_id": 1, "metric": "quality", "value": 0.1}, {"cand_id": 1, "metric": "check_passed", "value": 0.0},
        *({"cand_id": i, "metric": name, "value": v} for name, values in (extra_metrics or {}).items()
          for i, v in enumerate(values))]),
        scores)
    store.runs.create(score_id, "score", "Score", _json.loads(_json.dumps({"generate_run": gen_id})),
                      str(scores.parent.parent))
    with store.db.transaction() as cur:
        store.preferences.load_scores(cur, score_id, gen_id, scores)
        store.runs.mark_final(cur, score_id, "succeeded", None)
        cur.execute("UPDATE runs SET created_at = ? WHERE id = ?", [created, score_id])


def test_browse_and_charts_follow_the_newest_finished_score_run(open_page, store, workspace):
    from datetime import datetime

    _recorded_generate_and_score(store, workspace, "gen-old", "score-old", datetime(2026, 1, 1, 9))
    at = open_page("preferences")
    assert at.selectbox(key="pref-browse-score-gen-old").value == "score-old"
    # a newer generate run that is not scored, then a newer score run of the first one
    _recorded_generate_and_score(store, workspace, "gen-new", None, datetime(2026, 1, 1, 10), scored=False)
    _recorded_generate_and_score(store, workspace, "gen-x", "score-new", datetime(2026, 1, 1, 11))
    at.run()
    assert at.selectbox(key="pref-browse-gen").value == "gen-x"
    assert at.selectbox(key="pref-browse-score-gen-x").value == "score-new"
    assert at.selectbox(key="pref-charts-score").value == "score-new"
    table = next(m.value for m in at.markdown if "tarjama-table" in m.value and "Pair role" in m.value)
    assert "<th" in table and "Checks</th>" in table and "failed" in table and "0.90" in table


def test_generate_form_preselects_the_sources_the_sft_model_never_saw(open_page, store, tiny_policy_dir):
    """Found on the tour (test-artifacts/tour/33-…browse-candidates.png): with every demo corpus preselected and the
    train split, the shipped model wrote its memorised reference six times per source (``greedy ×6``): no pairs."""
    import pyarrow as pa

    from tests.conftest import demo_pairs

    ids = {}
    for name in ("demo-en-ar", "demo-en-ar-prefs"):
        rows = [{"line": i + 1, "source": s, "target": t, "pair": p, "split": "train", "norm_key": f"{s}\n{t}"}
                for i, (s, t, p) in enumerate(demo_pairs(8))]
        ids[name] = store.corpora.add(name, "en-ar", pa.Table.from_pylist(rows))
    store.models.register("demo-sft", "policy", str(tiny_policy_dir), stage="sft",
                          metadata={"prompt_format": "tags", "shipped": True})
    at = open_page("preferences")
    assert at.multiselect(key=f"pref-generate-{DEMO}-corpus_ids").value == [ids["demo-en-ar-prefs"]]


def test_score_tab_offers_no_form_before_a_generate_run_has_finished(open_page, store, tiny_policy, demo_corpus):
    """Found on the tour (test-artifacts/tour/10-…score-and-pair.png): an enabled *Score and pair* button under
    "No finished generate run yet"."""
    at = open_page("preferences")
    assert "Score and pair" not in [b.label for b in at.button]
    assert any("generate candidates first" in i.value for i in at.info)


def test_browse_names_every_strategy_of_a_merged_candidate(open_page, store, workspace):
    """Found on the tour (test-artifacts/tour/35-…browse-candidates.png): "greedy ×6" for a text greedy gave once
    and five sampled rows repeated, as on the Translate page."""
    from datetime import datetime

    _recorded_generate_and_score(store, workspace, "gen-m", "score-m", datetime(2026, 1, 1, 9), merged=True)
    at = open_page("preferences")
    table = next(m.value for m in at.markdown if "tarjama-table" in m.value and "Pair role" in m.value)
    assert "<td>greedy, temperature:0.7 · 3 samples</td>" in table and "<td>top_k:20</td>" in table
    assert "×" not in table


def test_on_a_cpu_the_generate_form_opens_on_the_small_demo_sample(open_page, store, tiny_policy, demo_corpus):
    """Found on the tour (test-artifacts/tour/09-…generate-candidates.png): *Sample size 0 = all* by default, i.e.
    every source of the chosen corpora (~7,100 of the demo's held-out pools: ~40 min on the loaded 2-core machine)."""
    at = open_page("preferences")
    assert at.radio(key="pref-generate-preset").value == DEMO
    assert at.number_input(key=f"pref-generate-{DEMO}-sample_size").value == 800
    at.radio(key="pref-generate-preset").set_value(BRIEF)
    at.run()
    assert at.number_input(key=f"pref-generate-{BRIEF}-sample_size").value == 0


def test_the_pairing_choice_reads_as_words(open_page, store, workspace):
    """Found on the tour: the score form offered the raw values best_vs_worst / best_vs_each / all_above_margin."""
    from datetime import datetime

    _recorded_generate_and_score(store, workspace, "gen-p", "score-p", datetime(2026, 1, 1, 9))
    at = open_page("preferences")
    pairing = next(s for s in at.selectbox if s.key and s.key.endswith("-pairing"))
    assert "Best against each other candidate" in pairing.options and "best_vs_each" not in pairing.options
    assert pairing.value == "best_vs_each"  # the stored value is unchanged


def test_the_metric_correlation_names_metrics_in_words(open_page, store, workspace):
    """Found on the tour: the correlation heat map and the by-strategy picker showed keys (mbr_chrf, arabic_share)."""
    from datetime import datetime

    from engine.jobs.metric_titles import metric_title

    _recorded_generate_and_score(store, workspace, "gen-c", "score-c", datetime(2026, 1, 1, 9),
                                 extra_metrics={"chrf": (0.8, 0.2), "mbr_chrf": (0.7, 0.3)})
    at = open_page("preferences")
    spec = next(c.proto.spec for c in at.get("plotly_chart") if "Spearman" in c.proto.spec)
    assert metric_title("mbr_chrf") in spec and '"mbr_chrf"' not in spec and '"chrF"' in spec
    picker = at.selectbox(key="pref-strategy-metric")
    assert metric_title("mbr_chrf") in picker.options and "mbr_chrf" not in picker.options
    box = next(c.proto.spec for c in at.get("plotly_chart") if "by sampling strategy" in c.proto.spec)
    assert "Quality by sampling strategy" in box


def test_metric_weights_take_numbers_only(open_page, store, workspace):
    """The score form's weights are a mapping of numbers (``dict[str, float]``): a word is named as an error, where
    the settings fields of other forms take words."""
    from datetime import datetime

    _recorded_generate_and_score(store, workspace, "gen-w", "score-w", datetime(2026, 1, 1, 9))
    at = open_page("preferences")
    weights = next(t for t in at.text_input if t.key and t.key.endswith("-weights"))
    assert weights.value == "comet=0.5, bertscore=0.3, chrf=0.2" and "name=weight pairs" in weights.help
    weights.set_value("comet=0.5, chrf=high").run()
    assert "“chrf=high” is not name=weight (the weight must be a number)" in [e.value for e in at.error]


def test_the_score_runs_fusion_is_the_one_it_used_when_its_metric_model_is_gone(open_page, store, workspace):
    # the plan was recomputed from the models of the moment: with the run's BERTScore encoder deleted since, the page
    # stopped on "none of the weighted metrics can run"
    import json
    from datetime import datetime

    _recorded_generate_and_score(store, workspace, "gen-a", "score-a", datetime(2026, 1, 1, 9))
    config = {"generate_run": "gen-a", "weights": {"bertscore": 1.0}, "bertscore_model": "/gone/encoder"}
    with store.db.transaction() as cur:
        cur.execute("UPDATE runs SET config = ? WHERE id = 'score-a'", [json.dumps(config)])
    (workspace.run_dir("score-a") / "outputs" / "fusion.json").write_text(
        json.dumps({"description": "Quality = bertscore 1.00"}), encoding="utf-8")
    at = open_page("preferences")
    assert not at.exception
    assert any(i.value == "Quality = bertscore 1.00" for i in at.info)
    (workspace.run_dir("score-a") / "outputs" / "fusion.json").unlink()  # not scored yet: the plan of the moment
    at.run()
    assert not at.exception
    assert any(i.value.startswith("No fusion plan can be made with the metric models of the moment")
               for i in at.info)


def test_the_strategy_chart_counts_a_candidate_for_every_strategy_that_wrote_it(open_page, store, workspace,
                                                                                tmp_path):
    # the chart grouped by the first strategy only: beam:4, whose candidates greedy always wrote first, had no box;
    # and a metric equal for every candidate left an empty row and column in the correlation
    from datetime import datetime

    _recorded_generate_and_score(store, workspace, "gen-m", "score-m", datetime(2026, 1, 1, 9), merged=True,
                                 extra_metrics={"chrf": (0.8, 0.2), "arabic_share": (1.0, 1.0)})
    at = open_page("preferences")
    box = next(c.proto.spec for c in at.get("plotly_chart") if "by sampling strategy" in c.proto.spec)
    assert "temperature:0.7x2" in box and "greedy" in box and "top_k:20" in box
    corr = next(c.proto.spec for c in at.get("plotly_chart") if "Spearman" in c.proto.spec)
    assert "Arabic" not in corr
    assert any("the same for every candidate" in c.value and "Arabic" in c.value for c in at.caption)
    # a margin histogram of a few pairs counts in whole pairs (its axis had ticks at 0.5, 1.5)
    from tests.conftest import store_pair_set

    store_pair_set(store, tmp_path, run_id="score-m", n_sources=4)
    at.run()
    histogram = next(c.proto.spec for c in at.get("plotly_chart") if "Margin of the pairs" in c.proto.spec)
    assert '"tickformat":",d"' in histogram and re.search(r'"dtick":\d+[,}]', histogram)


def test_the_charts_read_a_score_runs_scores_once(open_page, store, workspace, monkeypatch):
    # every rerun of the page (a Browse page turned) read every score row of the run for the Charts tab: 1.3 s for
    # 210,000 rows
    from datetime import datetime

    from engine.store.preferences import PreferenceRepository

    _recorded_generate_and_score(store, workspace, "gen-once", "score-once", datetime(2026, 1, 1, 9))
    reads = []
    table = PreferenceRepository.score_table
    monkeypatch.setattr(PreferenceRepository, "score_table", lambda self, run: reads.append(run) or table(self, run))
    at = open_page("preferences")
    at.run()
    at.run()
    assert not at.exception and reads == ["score-once"]
    assert any("Spearman" in c.proto.spec for c in at.get("plotly_chart"))
