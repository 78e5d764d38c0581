"""A PPO run with a glossary switched on: the studio exports it, the job subtracts the terminology penalty."""

from __future__ import annotations

import pytest

from engine.glossary import GlossaryEntry
from engine.jobs.ppo import PPOJobConfig

pytestmark = pytest.mark.slow


def test_ppo_with_a_terminology_penalty(supervisor, store, tiny_policy, tiny_rm, demo_corpus):
    # words in nearly every demo source, with renderings a random tiny model will not write: penalties are certain
    store.glossaries.add("frequent", "en-ar", [GlossaryEntry("the", ("ذلكم",)), GlossaryEntry("you", ("أنتما",))])
    store.glossaries.add("fréquent", "fr-ar", [GlossaryEntry("le", ("ذلكم",)), GlossaryEntry("vous", ("أنتما",))])
    config = PPOJobConfig(
        policy="tiny-sft",
        reward_model="tiny-rm",
        corpus_ids=[demo_corpus],
        steps=2,
        batch_size=4,
        mini_batch_size=2,
        ppo_epochs=1,
        response_length=6,
        heldout_size=4,
        save_every=2,
        eval_every=2,
        glossaries=["frequent", "fréquent"],
        terminology_penalty=2.0,
        empty_penalty=0,
        non_arabic_penalty=0,
        repetition_penalty=0,
        copy_penalty=0,
    )
    run_id = supervisor.start("ppo", config)
    assert supervisor.wait(run_id, timeout_s=300) == "succeeded", store.runs.logs(run_id, tail=20)
    logs = " ".join(r["message"] for r in store.runs.logs(run_id, tail=500))
    assert "terminology penalty 2.0 over 4 glossary terms" in logs
    assert (supervisor.workspace.run_dir(run_id) / "inputs" / "glossary.jsonl").is_file()
    raw = {r["step"]: r["value"] for r in store.runs.metrics(run_id, keys=("reward_mean",))}
    shaped = {r["step"]: r["value"] for r in store.runs.metrics(run_id, keys=("shaped_reward_mean",))}
    assert raw and raw.keys() == shaped.keys()
    assert all(shaped[s] < raw[s] - 0.5 for s in raw), (raw, shaped)  # most prompts miss a term: penalty ≈ 2


@pytest.mark.parametrize("kind", ["ppo", "grpo"])
def test_a_penalty_whose_glossaries_no_corpus_shares_a_pair_with_is_refused(supervisor, store, tiny_policy, tiny_rm,
                                                                             demo_corpus, kind):
    # the demo corpus is en-ar: a fr-ar glossary alone penalised nothing, while the log named its terms
    from engine.jobs.grpo import GrpoJobConfig

    store.glossaries.add("fréquent", "fr-ar", [GlossaryEntry("le", ("ذلكم",))])
    common = {"policy": "tiny-sft", "reward_model": "tiny-rm", "corpus_ids": [demo_corpus],
              "glossaries": ["fréquent"], "terminology_penalty": 1.0}
    config = PPOJobConfig(**common) if kind == "ppo" else GrpoJobConfig(**common)
    with pytest.raises(ValueError, match="glossaries are fr-ar and the corpora en-ar: no source would be checked"):
        supervisor.start(kind, config)
    assert store.runs.list() == []
    store.glossaries.add("frequent", "en-ar", [GlossaryEntry("the", ("ذلكم",))])
    from engine.glossary.export import check_penalty_pairs

    check_penalty_pairs(store, 1.0, ["fréquent", "frequent"], [demo_corpus])  # one of them applies: accepted
    check_penalty_pairs(store, 0.0, ["fréquent"], [demo_corpus])  # no penalty: the glossaries only show
