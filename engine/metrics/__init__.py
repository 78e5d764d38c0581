"""Metrics for translation candidates: a registry of batched scorers (headless, no Streamlit).

::

    from engine.metrics import MetricSettings, available_metrics, get_metric

    settings = MetricSettings(bertscore_model="models/bert", comet_qe_model="models/cometkiwi", workers=2)
    available_metrics(settings)                     # {"chrf": Availability(ok=True, ...), ...}
    get_metric("chrf", settings).score(sources, candidates, references)
    get_metric("mbr_chrf", settings).score(sources, candidates, groups=source_ids)

Built-ins: chrf, bleu, ter (sacrebleu; TER is lower-is-better), bertscore, comet (with reference),
comet_qe (reference-free), mbr_chrf (consensus among the candidates of a source), checks
(hallucination-like output; details from :func:`run_checks`) and terminology (glossary terms kept; NaN where
no term applies). Importing this package does not import
torch; model metrics load their libraries when they first score.
"""

from .base import Availability, Metric, MetricSettings, normalise_arabic, settings_help
from .bertscore import BertScore
from .checks import CheckResult, CheckThresholds, HallucinationChecks, arabic_share, run_checks
from .comet import Comet, CometQE, clear_comet_cache, load_comet
from .mbr import MbrConsensus, consensus_scores
from .registry import (
    MetricInfo,
    available_metrics,
    get_metric,
    list_metrics,
    metric_class,
    metric_names,
    register,
    score_metrics,
    unregister,
)
from .sacrebleu_metrics import Bleu, ChrF, Ter, parallel_sentence_scores, sentence_scores
from .terminology import Terminology

BUILTIN_METRICS: tuple[type[Metric], ...] = (ChrF, Bleu, Ter, BertScore, Comet, CometQE, MbrConsensus,
                                             HallucinationChecks, Terminology)
for _cls in BUILTIN_METRICS:
    register(_cls)

__all__ = [
    "BUILTIN_METRICS",
    "Availability",
    "BertScore",
    "Bleu",
    "CheckResult",
    "CheckThresholds",
    "ChrF",
    "Comet",
    "CometQE",
    "HallucinationChecks",
    "MbrConsensus",
    "Metric",
    "MetricInfo",
    "MetricSettings",
    "Ter",
    "Terminology",
    "arabic_share",
    "available_metrics",
    "clear_comet_cache",
    "consensus_scores",
    "get_metric",
    "list_metrics",
    "load_comet",
    "metric_class",
    "metric_names",
    "normalise_arabic",
    "parallel_sentence_scores",
    "register",
    "run_checks",
    "score_metrics",
    "sentence_scores",
    "settings_help",
    "unregister",
]
