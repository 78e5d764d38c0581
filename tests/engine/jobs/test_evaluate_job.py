"""The evaluate job on tiny models: planning, a real run in a subprocess, the cache, re-scoring, best-of-n."""

from __future__ import annotations

import pyarrow as pa
import pytest

from engine.compare.comparison import CompareSettings, build_comparison
from engine.jobs.evaluate import EvaluateConfig, evaluation_key, plan_evaluation, translate
from engine.models.refs import resolve_model


@pytest.fixture
def two_policies(store, tiny_policy, tiny_policy_dir) -> list[str]:
    store.models.register("tiny-b", "policy", str(tiny_policy_dir), stage="cold-start",
                          metadata={"prompt_format": "tags"})
    return [tiny_policy, "tiny-b"]


def test_a_model_evaluated_on_a_pair_it_was_not_trained_for_is_said(store, tiny_policy):
    # an EN→AR-only model was evaluated on FR→AR sentences with no word: its scores measured a direction never learnt
    rows = [{"line": i + 1, "source": f"Phrase {i}", "target": "جملة", "pair": ("en-ar", "fr-ar")[i % 2],
             "split": "test", "norm_key": str(i)} for i in range(6)]
    corpus = store.corpora.add("both", "fr-ar", pa.Table.from_pylist(rows))
    path = store.models.get(tiny_policy)["path"]
    store.models.register("en-only", "policy", path, metadata={"pairs": ["en-ar"], "prompt_format": "tags"})
    store.models.register("both-ways", "policy", path, metadata={"pairs": ["en-ar", "fr-ar"], "prompt_format": "tags"})
    plan = plan_evaluation(EvaluateConfig(models=["en-only", "both-ways"], corpus_ids=[corpus]), store)
    assert plan.warnings() == ["en-only was not trained for fr-ar (its model card lists the pairs it was): 3 of the "
                               "test set's 6 sentences are fr-ar, and their scores measure a direction it never "
                               "learnt"]
    assert read_plan_round_trip(plan).warnings() == plan.warnings()  # the job reads the plan back from its inputs


def test_a_model_whose_folder_is_gone_is_refused_before_the_run(store, tiny_policy, tmp_path):
    # the run started, failed on it, and evaluated none of the models chosen beside it
    import shutil

    rows = [{"line": i + 1, "source": f"Sentence {i}", "target": "جملة", "pair": "en-ar", "split": "test",
             "norm_key": str(i)} for i in range(4)]
    corpus = store.corpora.add("c", "en-ar", pa.Table.from_pylist(rows))
    gone = tmp_path / "moved"
    shutil.copytree(store.models.get(tiny_policy)["path"], gone)
    store.models.register("fin1", "policy", str(gone), stage="final", metadata={"prompt_format": "tags"})
    shutil.rmtree(gone)
    with pytest.raises(ValueError, match=f"fin1's folder {gone} is gone \\(moved or deleted\\): leave it out"):
        plan_evaluation(EvaluateConfig(models=[tiny_policy, "fin1"], corpus_ids=[corpus]), store)
    plan = plan_evaluation(EvaluateConfig(models=[tiny_policy], corpus_ids=[corpus]), store)
    assert [s.model for s in plan.systems] == [tiny_policy]


def read_plan_round_trip(plan):
    import json
    import tempfile
    from dataclasses import asdict
    from pathlib import Path

    from engine.jobs.evaluate import PLAN_FILE, read_plan

    folder = Path(tempfile.mkdtemp())
    (folder / PLAN_FILE).write_text(json.dumps(asdict(plan)), encoding="utf-8")
    return read_plan(folder)


def test_plan_checks_the_settings_and_says_what_is_missing(store, two_policies, tiny_rm):
    rows = [{"line": i + 1, "source": f"Sentence {i}", "target": "جملة", "pair": "en-ar",
             "split": ("train", "valid")[i % 2], "norm_key": str(i)} for i in range(6)]
    corpus = store.corpora.add("no-test", "en-ar", pa.Table.from_pylist(rows))
    with pytest.raises(ValueError, match="no-test has no sentences in the test split"):
        plan_evaluation(EvaluateConfig(models=two_policies, corpus_ids=[corpus]), store)
    with pytest.raises(ValueError, match="best-of-n needs a reward model"):
        plan_evaluation(EvaluateConfig(models=two_policies, corpus_ids=[corpus], split="valid", best_of_n=4), store)
    with pytest.raises(ValueError, match="choose policy models"):
        plan_evaluation(EvaluateConfig(models=[tiny_rm], corpus_ids=[corpus], split="valid"), store)
    mbr = plan_evaluation(EvaluateConfig(models=two_policies, corpus_ids=[corpus], split="valid", best_of_n=4,
                                         best_of_n_pick="mbr"), store)  # the MBR pick needs no reward model
    assert mbr.decoding_label == "greedy · best-of-4 (MBR chrF, T=0.8) · ≤64 tokens"
    plan = plan_evaluation(EvaluateConfig(models=two_policies, corpus_ids=[corpus], split="valid"), store)
    assert plan.size == 3 and [s.action for s in plan.systems] == ["full", "full"]
    assert set(plan.skipped) == {"bertscore", "comet", "comet_qe"}  # no model configured for them
    assert set(plan.metrics) == {"chrf", "bleu", "ter", "checks"}
    ref = resolve_model(store, two_policies[0])
    greedy = evaluation_key(ref, plan.testset_id, plan.decoding)
    assert greedy == plan.systems[0].key
    assert evaluation_key(ref, plan.testset_id, {**plan.decoding, "strategy": "beam:4"}) != greedy


def test_a_test_set_of_corpora_with_long_names_gets_a_name_within_the_limit(store, two_policies):
    # three corpora of 80-character names made a 250-character name the store refused, which no form could change
    ids = []
    for letter in "abc":
        rows = [{"line": 1, "source": f"Sentence {letter}", "target": "جملة", "pair": "en-ar", "split": "test",
                 "norm_key": letter}]
        ids.append(store.corpora.add(letter * 80, "en-ar", pa.Table.from_pylist(rows)))
    plan = plan_evaluation(EvaluateConfig(models=two_policies, corpus_ids=ids, sample_size=2, seed=3), store)
    name = store.evaluations.get_testset(plan.testset_id)["name"]
    assert len(name) <= 200 and name.startswith("a" * 80 + " + ") and "…" in name
    assert name.endswith(" · test · sample of 2 (seed 3)")


@pytest.mark.slow
def test_evaluate_then_repeat_hits_the_cache_and_a_new_metric_only_rescores(supervisor, store, two_policies,
                                                                           demo_corpus, tiny_rm):
    config = EvaluateConfig(models=two_policies, corpus_ids=[demo_corpus], split="test", sample_size=10,
                            max_new_tokens=8, metrics=["chrf", "ter", "bertscore"], reward_model=tiny_rm)
    first = supervisor.start("evaluate", config)
    assert supervisor.wait(first, timeout_s=300) == "succeeded", store.runs.logs(first)
    evaluations = store.evaluations.list(run_id=first)
    assert len(evaluations) == 2 and {e["model"] for e in evaluations} == set(two_policies)
    keys = [e["key"] for e in evaluations]
    outputs = store.evaluations.outputs(keys)
    assert all(len(outputs[k]) == 10 for k in keys)
    scores = store.evaluations.scores(keys)[keys[0]]
    assert set(scores) == {"chrf", "ter", "rm", "hallucination", "flag_empty", "flag_low_arabic",
                           "flag_copy_of_source", "flag_repetition", "flag_bad_length"}
    assert all(len(v) == 10 for v in scores.values())
    logs = " ".join(r["message"] for r in store.runs.logs(first, tail=500))
    assert "bertscore: skipped" in logs and "translating 10 sentences" in logs

    assert plan_evaluation(config, store).all_cached
    repeat = supervisor.start("evaluate", config)
    assert supervisor.wait(repeat, timeout_s=120) == "succeeded"
    logs = [r["message"] for r in store.runs.logs(repeat, tail=500)]
    assert sum("cached evaluation" in m and "reused" in m for m in logs) == 2
    assert not any("translating" in m for m in logs)
    assert all(store.evaluations.get(k)["run_id"] == first for k in keys)

    more = EvaluateConfig(**{**config.__dict__, "metrics": ["chrf", "ter", "bleu"]})
    plan = plan_evaluation(more, store)
    assert [(s.action, list(s.missing)) for s in plan.systems] == [("score", ["bleu"]), ("score", ["bleu"])]
    rescore = supervisor.start("evaluate", more)
    assert supervisor.wait(rescore, timeout_s=300) == "succeeded", store.runs.logs(rescore)
    assert not any("translating" in r["message"] for r in store.runs.logs(rescore, tail=500))
    for key in keys:
        evaluation = store.evaluations.get(key)
        assert evaluation["run_id"] == first and evaluation["scored_by"] == rescore
        assert {"bleu", "rm", "chrf"} <= set(evaluation["metrics"])
        assert len(store.evaluations.scores([key])[key]["bleu"]) == 10
    assert store.evaluations.outputs(keys) == outputs

    comparison = build_comparison(store, keys, CompareSettings(n_resamples=100))
    assert {"rm", "bleu", "hallucination"} <= set(comparison.metrics)
    assert not any(p["significant"] for p in comparison.pairs)  # the same weights under two names


class _Ctx:
    def raise_if_cancelled(self) -> None:
        pass


def test_best_of_n_keeps_the_candidate_the_reward_model_prefers(store, tiny_policy, tiny_rm):
    from engine.reward.scoring import RewardScorer

    ref = resolve_model(store, tiny_policy)
    scorer = RewardScorer(resolve_model(store, tiny_rm).path)
    rows = [{"idx": i, "source": s, "pair": "en-ar"} for i, s in enumerate(["Good morning.", "Where is the bank?"])]
    greedy = translate(ref, rows, EvaluateConfig(max_new_tokens=4), _Ctx(), None, lambda n: None)
    best = translate(ref, rows, EvaluateConfig(max_new_tokens=4, best_of_n=4, reward_model=tiny_rm), _Ctx(), scorer,
                     lambda n: None)
    assert all(g["n_candidates"] == 1 and g["strategy"] == "greedy" for g in greedy)
    assert all(b["n_candidates"] == 4 for b in best)
    sources = [r["source"] for r in rows]
    chosen = scorer.score(sources, [b["output"] for b in best], "en-ar")
    plain = scorer.score(sources, [g["output"] for g in greedy], "en-ar")
    assert all(c >= p - 1e-6 for c, p in zip(chosen, plain, strict=True))


def test_the_mbr_pick_is_the_candidate_agreeing_most_with_the_others_counting_repeats():
    import sacrebleu

    from engine.decoding.candidates import Candidate
    from engine.jobs.evaluate import mbr_pick

    def cands(*texts_counts):
        return [Candidate(t, "s", {}, count=c) for t, c in texts_counts]

    # the pick is the argmax of the mean sentence chrF against the other samples (sacrebleu, one pair at a time);
    # the outlier never wins
    texts = ["ذهبت إلى السوق أمس", "ذهبت إلى السوق البارحة", "ذهبنا إلى السوق أمس", "الطقس جميل اليوم"]
    expected = max(texts, key=lambda a: sum(sacrebleu.sentence_chrf(a, [b]).score for b in texts if b != a))
    assert mbr_pick(cands(*[(t, 1) for t in texts]), arabic_normalise=False).text == expected != texts[3]
    # a text sampled three times agrees fully with its twins: it wins over a closer-to-all single sample
    assert mbr_pick(cands(("أين المحطة", 1), ("الطقس جميل", 3), ("أين المحطات", 1))).text == "الطقس جميل"
    # equal agreement: the earlier candidate (the decoding's own output comes first)
    assert mbr_pick(cands(("نعم", 1), ("لا", 1))).text == "نعم"


def test_best_of_n_with_the_mbr_pick_runs_without_a_reward_model(store, tiny_policy):
    from engine.jobs.evaluate import mbr_pick

    ref = resolve_model(store, tiny_policy)
    rows = [{"idx": i, "source": s, "pair": "en-ar"} for i, s in enumerate(["Good morning.", "Where is the bank?"])]
    config = EvaluateConfig(max_new_tokens=4, best_of_n=6, best_of_n_pick="mbr")
    best = translate(ref, rows, config, _Ctx(), None, lambda n: None)
    assert all(b["n_candidates"] == 6 for b in best)
    from engine.decoding.candidates import SamplingStrategy, generate_candidates
    from engine.models.loading import load_causal_lm, load_tokenizer

    # the same candidates (same seed) picked by hand give the same outputs
    model, tokenizer = load_causal_lm(ref.path), load_tokenizer(ref.path)
    cands = generate_candidates(model, tokenizer, [r["source"] for r in rows], ["en-ar"] * 2,
                                [SamplingStrategy.parse("greedy"), SamplingStrategy("temperature", 0.8, 5)],
                                batch_size=config.batch_size, max_new_tokens=4, seed=config.seed)
    assert [b["output"] for b in best] == [mbr_pick(c).text for c in cands]
