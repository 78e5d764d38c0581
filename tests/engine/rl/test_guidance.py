"""Reference guidance: the corpus reference stands in for one sample of a group, and TRL scores it as one."""

from __future__ import annotations

import random

import pytest
import torch

from engine.reward.encoding import response_ids
from engine.rl.guidance import guided_completions, with_reference_guidance
from tests.conftest import demo_pairs


class _Tokenizer:
    """Whitespace 'tokens' numbered by length: enough for the layout checks."""

    eos_token_id = 2

    def __call__(self, text, add_special_tokens=False):
        return {"input_ids": [10 + len(w) for w in text.split()]}


def test_the_last_sample_of_each_chosen_group_becomes_the_reference():
    samples = [[5, 2], [6, 2], [7, 2], [8, 2], [5, 2], [6, 2]]
    refs = ["ab c", "ab c", "ab c", "d efg", "d efg", "d efg"]
    out, placed = guided_completions(samples, refs, 3, 1.0, random.Random(0), _Tokenizer(), 16)
    assert placed == 2
    assert out == [[5, 2], [6, 2], [12, 11, 2], [8, 2], [5, 2], [11, 13, 2]]
    assert samples[2] == [7, 2]  # the caller's list is left as it was
    assert guided_completions(samples, refs, 3, 0.0, random.Random(0), _Tokenizer(), 16) == (samples, 0)


def test_a_share_of_the_groups_and_the_references_that_cannot_stand_in():
    groups = 400
    samples = [[5, 2]] * (2 * groups)
    refs = ["a b"] * (2 * groups)
    _, placed = guided_completions(samples, refs, 2, 0.25, random.Random(1), _Tokenizer(), 16)
    assert 70 < placed < 130  # a quarter of 400, within ~3.5 binomial standard deviations
    # empty references, references longer than the completion budget, and layouts that are not groups in a row
    assert guided_completions([[5, 2], [6, 2]], ["", ""], 2, 1.0, random.Random(0), _Tokenizer(), 16)[1] == 0
    assert guided_completions([[5, 2], [6, 2]], ["a b c"] * 2, 2, 1.0, random.Random(0), _Tokenizer(), 3)[1] == 0
    assert guided_completions([[5, 2]] * 3, ["a"] * 3, 2, 1.0, random.Random(0), _Tokenizer(), 16)[1] == 0
    assert guided_completions([[5, 2]] * 2, ["a"] * 2, 1, 1.0, random.Random(0), _Tokenizer(), 16)[1] == 0


@pytest.mark.slow
@pytest.mark.parametrize("studio_rollouts", [True, False])
def test_trl_scores_the_reference_as_a_member_of_its_group(tiny_policy_dir, tmp_path, one_torch_thread,
                                                           studio_rollouts):
    """A real GRPOTrainer on the tiny (random) policy: the reference is the group's last completion, its chrF is
    1, and its advantage is the group's highest — the samples of a random policy are far from it."""
    from datasets import Dataset
    from trl import GRPOConfig, GRPOTrainer

    from engine.jobs.grpo import ChrfReward, prompt_rows
    from engine.models.loading import load_causal_lm, load_tokenizer

    tokenizer, model = load_tokenizer(tiny_policy_dir), load_causal_lm(tiny_policy_dir)
    rows = [{"source": s, "target": t, "pair": p} for s, t, p in demo_pairs(4)]
    dataset = Dataset.from_list(prompt_rows(rows, tokenizer, "tags"))
    trainer_cls = GRPOTrainer
    if studio_rollouts:
        from engine.rl.rollouts import with_studio_rollouts

        trainer_cls = with_studio_rollouts(trainer_cls, returns_logprobs=True)
    trainer_cls = with_reference_guidance(trainer_cls, 1.0, seed=0, returns_logprobs=True)
    args = GRPOConfig(output_dir=str(tmp_path), per_device_train_batch_size=8, num_generations=4,
                      max_completion_length=24, report_to=[], logging_steps=1, disable_tqdm=True,
                      use_cpu=True, seed=0)
    chrf = ChrfReward()
    trainer = trainer_cls(model=model, reward_funcs=[chrf], args=args, train_dataset=dataset,
                          processing_class=tokenizer)
    inputs = [row for row in dataset.select(range(2)) for _ in range(4)]
    trainer.model.train()
    torch.manual_seed(0)
    out = trainer._generate_and_score_completions(inputs)
    assert trainer.guided_groups == 2
    if studio_rollouts:
        assert trainer.studio_rollouts_used == 1
    ids, mask, advantages = out["completion_ids"], out["completion_mask"], out["advantages"]
    for group, row in enumerate(rows[:2]):
        last = 4 * group + 3
        kept = ids[last][mask[last].bool()].tolist()
        assert kept == response_ids(tokenizer, row["target"])
        assert advantages[last] == advantages[4 * group:4 * group + 4].max() and advantages[last] > 0
    text = tokenizer.decode(ids[3][mask[3].bool()], skip_special_tokens=True)
    assert chrf.score([rows[0]["source"]], [text], ["en-ar"], [rows[0]["target"]]) == [pytest.approx(1.0)]
    # outside training (TRL's evaluation), the groups are the policy's own samples only
    trainer.model.eval()
    trainer._generate_and_score_completions(inputs)
    assert trainer.guided_groups == 2
