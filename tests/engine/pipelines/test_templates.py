"""The phases' RL fields: which settings each RL method reads (the forms hide the others)."""

from __future__ import annotations

from dataclasses import fields

import pytest

from engine.pipelines.templates import RL_METHOD_FIELDS, RL_METHODS, Phase2Config, Phase3Config, fields_unused_by


def test_each_method_ignores_exactly_the_other_methods_fields():
    assert set(RL_METHOD_FIELDS) == set(RL_METHODS)
    for config in (Phase2Config, Phase3Config):
        names = {f.name for f in fields(config)}
        for method in RL_METHODS:
            assert set(RL_METHOD_FIELDS[method]) <= names
            unused = set(fields_unused_by(method))
            assert not unused & set(RL_METHOD_FIELDS[method])
            assert unused | set(RL_METHOD_FIELDS[method]) == {f for fs in RL_METHOD_FIELDS.values() for f in fs}
    assert "ppo_steps" in fields_unused_by("grpo") and "grpo_settings" in fields_unused_by("ppo")
    with pytest.raises(ValueError, match="unknown RL method 'sft'"):
        fields_unused_by("sft")


def test_phase3_finds_the_rl_prompts_corpora_through_the_parents(store):
    # a DPO final model records no corpora: a retrain from it (the demo's path) found none and could not start
    from engine.pipelines.templates import phase3_defaults

    store.models.register("sft", "policy", "/m/sft", stage="sft")
    store.models.register("cold", "policy", "/m/cold", stage="cold-start", parent="sft",
                          metadata={"corpus_ids": [3, 4], "reward_model": "rm"})
    store.models.register("rm", "reward", "/m/rm")
    store.models.register("final", "policy", "/m/final", stage="final", parent="cold",
                          metadata={"reward_model": "rm"})
    assert phase3_defaults(store, "final")["corpus_ids"] == [3, 4]
    assert phase3_defaults(store, "sft")["corpus_ids"] == []
    # the reward model the policy names, archived since: no default any more (the newest one in use is)
    from engine.models.registry import archive

    assert phase3_defaults(store, "cold")["reward_model"] == "rm"
    store.models.register("rm-newer", "reward", "/m/rm2")
    archive(store, "rm")
    assert phase3_defaults(store, "cold")["reward_model"] == "rm-newer"


def test_phase3_on_deleted_corpora_is_refused_before_any_step_runs(store, demo_corpus):
    # a retrain schedule on a deleted corpus was accepted, ran the pairs and the reward fine-tune, then failed with
    # "no sources in that split" on every trigger
    from engine.pipelines.templates import phase3_steps

    store.models.register("rm", "reward", "/m/rm")
    store.models.register("cold", "policy", "/m/cold", stage="cold-start",
                          metadata={"corpus_ids": [demo_corpus], "reward_model": "rm"})
    assert phase3_steps(Phase3Config(policy="cold", rl_method="grpo"), store)
    store.corpora.delete(demo_corpus)
    with pytest.raises(ValueError, match=f"corpora {demo_corpus} were deleted"):
        phase3_steps(Phase3Config(policy="cold", rl_method="grpo"), store)


def test_a_phase_is_refused_when_built_if_a_step_would_refuse_its_settings(store, demo_corpus):
    # generate, score and the reward model ran (hours on real data) before PPO refused a batch its mini-batch does
    # not divide; settings that repeated a form field with another value silently won over it
    from engine.pipelines.templates import phase2_steps

    store.models.register("sft", "policy", "/m/sft", stage="sft")
    with pytest.raises(ValueError, match=r"the ppo step \(with ppo_settings\): the batch size must be a multiple"):
        phase2_steps(Phase2Config(corpus_ids=[demo_corpus], rl_method="ppo", ppo_settings={"mini_batch_size": 3}),
                     store)
    with pytest.raises(ValueError, match=r"the dpo step \(with dpo_settings\): beta 0"):
        phase2_steps(Phase2Config(corpus_ids=[demo_corpus], rl_method="dpo", dpo_settings={"beta": 0.0}), store)
    with pytest.raises(ValueError, match=r"the generate step \(with generate_settings\): .*choose between 3 and 8"):
        phase2_steps(Phase2Config(corpus_ids=[demo_corpus], generate_settings={"strategies": ["greedy"]}), store)
    with pytest.raises(ValueError, match=r"ppo_settings: steps is set by the form .*\(steps=10\)"):
        phase2_steps(Phase2Config(corpus_ids=[demo_corpus], rl_method="ppo", ppo_steps=10, ppo_settings={"steps": 5}),
                     store)
    # the form's field left at its default: the setting is what was asked for
    steps = phase2_steps(Phase2Config(corpus_ids=[demo_corpus], rl_method="ppo", ppo_settings={"steps": 5}), store)
    assert steps[-1]["config"]["steps"] == 5


def test_a_glossary_a_phase_names_must_exist_and_is_kept_while_the_pipeline_runs(store, demo_corpus):
    # a misspelt glossary failed the pipeline at its step, after generate had run; deleting one under a running
    # pipeline did the same
    from engine.glossary.parsing import GlossaryEntry
    from engine.glossary.users import GlossaryInUse, delete_glossary
    from engine.pipelines.templates import phase2_steps

    store.models.register("sft", "policy", "/m/sft", stage="sft")
    with pytest.raises(ValueError, match="the score step: no glossary named 'no-such'"):
        phase2_steps(Phase2Config(corpus_ids=[demo_corpus], score_settings={"glossaries": ["no-such"]}), store)
    store.glossaries.add("med", "en-ar", [GlossaryEntry("pharmacy", ("صيدلية",))])
    steps = phase2_steps(Phase2Config(corpus_ids=[demo_corpus], score_settings={"glossaries": ["med"]}), store)
    pipeline = store.pipelines.create("Phase 2", "phase2", steps)
    with pytest.raises(GlossaryInUse, match=f"med is still used by pipeline {pipeline} \\(Phase 2: step score\\)"):
        delete_glossary(store, "med")
    store.pipelines.set_status(pipeline, "succeeded")
    delete_glossary(store, "med")
    assert store.glossaries.by_name("med") is None


def test_what_a_phases_settings_name_is_checked_when_it_is_built(store):
    # found only when its step started: generate, score and the reward model ran, then the step failed — and as a
    # pipeline's settings cannot be edited, every Resume failed there again
    from engine.pipelines.templates import phase2_steps

    store.models.register("sft", "policy", "/m/sft", stage="sft")
    store.models.register("taken", "policy", "/m/taken", stage="sft")
    import pyarrow as pa

    rows = [{"line": i + 1, "source": f"Phrase {i}", "target": "جملة", "pair": "en-ar", "split": "train",
             "norm_key": str(i)} for i in range(4)]
    train_only = store.corpora.add("train only", "en-ar", pa.Table.from_pylist(rows))
    for settings, message in (({"model_name": "my final"}, "model_name 'my final': "),
                              ({"extra_reward_models": ["nope-rm"]}, "no registered model named 'nope-rm'"),
                              ({"split": "test"}, "the chosen corpora have no sources in the test split")):
        with pytest.raises(ValueError, match=f"the grpo step: {message}"):
            phase2_steps(Phase2Config(corpus_ids=[train_only], rl_method="grpo", grpo_settings=settings), store)
    with pytest.raises(ValueError, match="the generate step: the chosen corpora have no sources"):
        phase2_steps(Phase2Config(corpus_ids=[10_000], rl_method="grpo"), store)  # no such corpus
    assert phase2_steps(Phase2Config(corpus_ids=[train_only], rl_method="grpo",
                                     grpo_settings={"model_name": "my-final"}), store)[-1]["config"]["model_name"] \
        == "my-final"
    # a name taken already is made free when its step starts (taken-2): a schedule naming one retrains again
    assert phase2_steps(Phase2Config(corpus_ids=[train_only], rl_method="grpo",
                                     grpo_settings={"model_name": "taken"}), store)
    # generate's split "all" reads every split (review mend: it was refused as "no sources in the all split")
    assert phase2_steps(Phase2Config(corpus_ids=[train_only], rl_method="grpo", generate_settings={"split": "all"}),
                        store)
    # PPO reads its prompts from the training split, though it has no split setting (review mend: not checked)
    test_only = store.corpora.add("test only", "en-ar", pa.Table.from_pylist([{**r, "split": "test"} for r in rows]))
    with pytest.raises(ValueError, match="the ppo step: the chosen corpora have no sources in the train split"):
        phase2_steps(Phase2Config(corpus_ids=[test_only], rl_method="ppo", generate_settings={"split": "test"}),
                     store)


def test_phase3_replays_the_pairs_of_the_reward_model_it_fine_tunes_and_a_dpo_start_finds_its_own(store, tmp_path):
    # the reward model chosen on the form was fine-tuned replaying the pairs of the policy's reward model; a DPO cold
    # start (no reward model in its record) took the newest reward model of any lineage, and no corpora
    import json

    from engine.pipelines.templates import phase3_defaults, phase3_steps
    from tests.conftest import store_pair_set

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    mine, other = store_pair_set(store, tmp_path / "a"), store_pair_set(store, tmp_path / "b", run_id="score-other")
    store.models.register("rm-mine", "reward", "/m/rm1", metadata={"pair_sets": [mine]})
    store.models.register("rm-other", "reward", "/m/rm2", metadata={"pair_sets": [other]})
    store.models.register("cold", "policy", "/m/cold", stage="cold-start",
                          metadata={"corpus_ids": [1], "reward_model": "rm-other"})
    steps = phase3_steps(Phase3Config(policy="cold", rl_method="dpo", reward_model="rm-mine"), store)
    assert next(s for s in steps if s["name"] == "reward")["config"]["replay_pair_sets"] == [mine]
    store.runs.create("generate-x", "generate", "g", {"corpus_ids": [7]}, "/r/g")
    store.runs.create(mine, "score", "s", {"generate_run": "generate-x"}, "/r/s")
    # the SFT parent's training corpora were taken before the pairs' (review mend)
    store.runs.create("bootstrap-x", "bootstrap", "b", {"corpus_ids": [1, 2]}, "/r/b")
    store.models.register("sft", "policy", "/m/sft", stage="sft", run_id="bootstrap-x")
    store.models.register("dpo-cold", "policy", "/m/dpo", stage="cold-start", parent="sft",
                          metadata={"pair_sets": [mine]})
    store.models.register("rm-newest", "reward", "/m/rm3", metadata={"pair_sets": [other]})
    found = phase3_defaults(store, "dpo-cold")
    assert found["reward_model"] == "rm-mine" and found["replay_pair_sets"] == [mine]
    assert found["corpus_ids"] == [7] and json.loads(store.runs.get(mine)["config"])["generate_run"] == "generate-x"


@pytest.mark.parametrize("method", RL_METHODS)
def test_every_phases_rl_step_waits_for_its_reward_step(store, demo_corpus, method):
    # DPO names no reward model, so it started beside the reward step: with that failed, the pipeline failed while
    # DPO went on and registered the final model (the runner starts a step once all it depends on succeeded)
    from engine.pipelines.templates import phase2_steps, phase3_steps

    store.models.register("sft", "policy", "/m/sft", stage="sft")
    store.models.register("rm", "reward", "/m/rm")
    store.models.register("cold", "policy", "/m/cold", stage="cold-start", parent="sft",
                          metadata={"corpus_ids": [demo_corpus], "reward_model": "rm"})
    for steps in (phase2_steps(Phase2Config(policy="sft", corpus_ids=[demo_corpus], rl_method=method), store),
                  phase3_steps(Phase3Config(policy="cold", rl_method=method), store)):
        assert [s["name"] for s in steps][-2:] == ["reward", method]
        assert steps[-1]["depends_on"] == ["reward"]


def test_phase3_starts_from_production_once_the_cold_start_is_archived(store):
    # a promoted final model and its archived cold start: the form said "No cold-start model yet: run Phase 2
    # first", though the next cycle starts from production, as a scheduled retrain does
    from engine.models.registry import archive, promote
    from engine.pipelines.templates import missing_to_start, phase3_defaults, phase3_start_models

    store.models.register("rm", "reward", "/m/rm")
    assert missing_to_start(store, "phase3").startswith("No cold-start model yet")
    with pytest.raises(ValueError, match="no cold-start or production model"):
        phase3_defaults(store)
    store.models.register("cold", "policy", "/m/cold", stage="cold-start", metadata={"reward_model": "rm"})
    store.models.register("final", "policy", "/m/final", stage="final", parent="cold",
                          metadata={"reward_model": "rm"})
    assert phase3_start_models(store) == ["cold"]
    promote(store, "final", confirm_name="final")
    assert phase3_start_models(store) == ["cold", "final"]  # the cold start stays the default while it is in use
    assert phase3_defaults(store)["policy"] == "cold"
    archive(store, "cold")
    assert missing_to_start(store, "phase3") is None
    assert phase3_start_models(store) == ["final"]
    assert phase3_defaults(store)["policy"] == "final"


def test_a_promoted_sft_model_does_not_start_phase3(store):
    # production was offered whatever its loop stage: a promoted SFT model skipped Phase 2 (a "final" model whose
    # parent was the SFT model)
    from engine.models.registry import promote
    from engine.pipelines.templates import missing_to_start, phase3_start_models

    store.models.register("rm", "reward", "/m/rm")
    store.models.register("sft", "policy", "/m/sft", stage="sft")
    promote(store, "sft", confirm_name="sft")
    assert phase3_start_models(store) == []
    assert missing_to_start(store, "phase3").startswith("No cold-start model yet")

