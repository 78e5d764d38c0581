"""``bench.rl_masks`` on a tiny model: the step batch has TRL's layout, the two ways of building masks give the same
log-probabilities, and each is timed as often as asked."""

from __future__ import annotations


def test_both_mask_builders_are_timed_on_a_trl_layout_batch(tiny_policy_dir):
    from bench.rl_masks import measure, step_batch
    from engine.models.loading import load_causal_lm, load_tokenizer

    model, tokenizer = load_causal_lm(tiny_policy_dir), load_tokenizer(tiny_policy_dir)
    model.train()
    batch = step_batch(tokenizer, sources=3, samples=4, seed=0)
    ids, mask, width = batch["input_ids"], batch["attention_mask"], batch["logits_to_keep"]
    assert ids.shape[0] == 12 and ids.shape == mask.shape
    assert bool((mask[:, -width:].sum(1) >= 2).all())  # every completion has 2+ tokens, right-padded
    assert bool((mask[:, -width:].diff(dim=1) <= 0).all()) and bool((mask[:, :-width].diff(dim=1) >= 0).all())
    result = measure(model, batch, pairs=3)
    assert result["pairs"] == 3 and result["broadcast_s_median"] > 0 and result["vmap_s_median"] > 0
    assert len(result["ratio_quartiles"]) == 2 and result["ratio_quartiles"][0] <= result["ratio_quartiles"][1]
