"""BERTScore F1 against the reference, with an encoder from a local folder or a hub id (lang "ar").

``bert_score.BERTScorer(model_type=<folder or id>, num_layers=N, lang="ar")`` — built once per
(model, layers) and process. Without ``bertscore_num_layers`` the layer is bert-score's tuned default
for known hub models, else the model's last layer.
"""

from __future__ import annotations

import threading
from typing import Any

from engine.paths import user_path

from .base import Availability, Metric, MetricSettings, hub_offline

_SCORERS: dict[tuple[str, int], Any] = {}
_LOCK = threading.Lock()


def _looks_like_path(spec: str) -> bool:
    return spec.startswith((".", "/", "~")) or spec.count("/") > 1 or user_path(spec).exists()


def bertscore_availability(spec: str) -> Availability:
    """Whether ``spec`` (local folder or hub id) can be loaded now."""
    spec = (spec or "").strip()
    if not spec:
        return Availability(False, "BERTScore needs a model: set a local folder or hub id")
    if _looks_like_path(spec):
        folder = user_path(spec)
        if not (folder / "config.json").is_file():
            return Availability(False, f"BERTScore model not found at {folder} (no config.json)")
        return Availability(True, f"ready ({folder})")
    if not hub_offline():
        return Availability(True, f"{spec} will be downloaded on first use")
    from huggingface_hub import try_to_load_from_cache

    if isinstance(try_to_load_from_cache(spec, "config.json"), str):
        return Availability(True, f"ready ({spec} from the local cache)")
    return Availability(False, f"BERTScore model {spec} is not in the local cache and the hub is offline "
                               "(HF_HUB_OFFLINE=1): set a local folder")


def default_num_layers(model: str) -> int:
    """bert-score's tuned layer for a known hub model, else the model's number of hidden layers."""
    from bert_score.utils import model2layers

    if model in model2layers:
        return model2layers[model]
    from transformers import AutoConfig

    path = user_path(model)
    config = AutoConfig.from_pretrained(str(path) if path.exists() else model)
    return int(config.num_hidden_layers)


def get_scorer(model: str, num_layers: int | None = None, batch_size: int = 32) -> Any:
    """The ``BERTScorer`` for ``model`` and ``num_layers``, built once per process (lang "ar"; on the GPU when there
    is one)."""
    import torch
    from bert_score import BERTScorer

    path = user_path(model)
    model_type = str(path.resolve()) if path.exists() else model
    layers = num_layers if num_layers is not None else default_num_layers(model_type)
    key = (model_type, layers)
    with _LOCK:
        scorer = _SCORERS.get(key)
        if scorer is None:
            scorer = BERTScorer(model_type=model_type, num_layers=layers, lang="ar", batch_size=batch_size,
                                device="cuda" if torch.cuda.is_available() else "cpu", use_fast_tokenizer=True)
            _SCORERS[key] = scorer
        return scorer


class BertScore(Metric):
    """BERTScore F1 (0–1) of the candidate against its reference."""

    name = "bertscore"
    label = "BERTScore F1"
    needs_reference = True
    needs_model = True
    description = "Contextual-embedding token matching between candidate and reference (F1, 0–1)."

    def availability(self, settings: MetricSettings | None = None) -> Availability:
        """Ready when the model folder exists or the hub id is cached (or the hub is online)."""
        return bertscore_availability((settings or self.settings).bertscore_model)

    def _score(self, sources, candidates, references, groups) -> list[float]:
        s = self.settings
        availability = self.availability()
        if not availability.ok:
            raise FileNotFoundError(availability.reason)
        scorer = get_scorer(s.bertscore_model, s.bertscore_num_layers, s.bertscore_batch_size)
        _, _, f1 = scorer.score(list(candidates), list(references), batch_size=s.bertscore_batch_size)
        return [float(x) for x in f1.tolist()]
