"""Which corpora the stages that sample the SFT model should draw their sources from by default.

Candidates, PPO prompts and GRPO prompts are only informative on sources the SFT model has not learnt by heart: on
its own training sentences every decoding strategy writes the memorised reference, so a source gets one distinct
candidate and no preference pair (seen on the demo: six strategies, ``greedy ×6`` on every source). The demo ships
held-out pools for this (``demo-*-prefs``); a model trained in the studio records its training corpora in its run.
"""

from __future__ import annotations

from typing import Any

from engine.store.runs import settings_of


def sft_training_corpora(store: Any, model: dict | None = None) -> set[int]:
    """The ids of the corpora the SFT model (``model``, default the newest at stage ``sft``) was trained on: the
    demo corpora for the shipped demo model, else the ``corpus_ids`` of the run that made it; empty when unknown."""
    from engine.demo import DEMO_CORPORA

    model = model if model is not None else store.models.sft_model()
    if model is None:
        return set()
    if (model.get("metadata") or {}).get("shipped"):
        return {c["id"] for c in store.corpora.list() if c["name"] in DEMO_CORPORA}
    run = store.runs.get(model["run_id"]) if model.get("run_id") else None
    if run is None:
        return set()
    config = settings_of(run)
    return {int(i) for i in config.get("corpus_ids") or []}


def fresh_source_corpora(store: Any) -> list[int]:
    """The corpora to sample the SFT model on by default: every corpus it was not trained on, when there is one;
    else every corpus (nothing is known to be held out). Ids in the store's order."""
    ids = [c["id"] for c in store.corpora.list()]
    seen = sft_training_corpora(store)
    fresh = [i for i in ids if i not in seen]
    return fresh or ids
