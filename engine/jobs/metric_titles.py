"""Chart titles for the metric keys jobs log: the generic run monitor drew one chart per key titled with the raw
key (``distinct_per_source``, ``sources_per_s``, ``eval_loss``)."""

from __future__ import annotations

import re

TITLES: dict[str, str] = {
    "loss": "Training loss",
    "valid_loss": "Validation loss",
    "eval_loss": "Validation loss",
    "lr": "Learning rate",
    "learning_rate": "Learning rate",
    "grad_norm": "Gradient norm",
    "valid_chrf": "Validation chrF",
    "heldout_chrf": "Held-out chrF",
    "distinct_per_source": "Distinct candidates per source",
    "sources_per_s": "Sources per second",
    "tokens_per_s": "Tokens per second",
    "episodes_per_s": "Episodes per second",
    "mean_best_score": "Mean best score",
    "trainable_params": "Trainable parameters",
    "kl": "KL to the reference (per translation)",
    "kl_per_token": "KL per token",
    "degenerate_share": "Share of degenerate outputs",
}
"""Keys whose title is not just their words."""

WORDS = {
    "chrf": "chrF",
    "bleu": "BLEU",
    "ter": "TER",
    "kl": "KL",
    "rm": "RM",
    "dpo": "DPO",
    "mbr": "MBR",
    "lr": "learning rate",
    "eval": "validation",
    "valid": "validation",
    "s": "second",
    "params": "parameters",
    "acc": "accuracy",
}
"""Words of a key spelt for people (acronyms, abbreviations)."""


def metric_title(key: str) -> str:
    """The chart title of a metric key: a known key's title, else its words with acronyms spelt out
    (``eval_accuracy`` → "Validation accuracy", ``reward_chosen_mean`` → "Reward chosen mean")."""
    if key in TITLES:
        return TITLES[key]
    parts = [w for w in re.split(r"[_/\s]+", key.strip()) if w]
    if not parts:
        return key
    text = " ".join(WORDS.get(w, w) for w in parts)
    if parts[0] in WORDS and WORDS[parts[0]] != WORDS[parts[0]].lower():
        return text  # an acronym spelt as it is written (chrF, BLEU) keeps its case
    return text[0].upper() + text[1:]
