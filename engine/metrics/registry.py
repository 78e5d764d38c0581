"""The metric registry: register metric classes by name, build them with settings, report availability.

Built-ins (registered on import of :mod:`engine.metrics`): chrf, bleu, ter, bertscore, comet, comet_qe,
mbr_chrf, checks, terminology. Heavy libraries (torch, comet, bert-score) load only when a model metric scores.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .base import Availability, Metric, MetricSettings

_REGISTRY: dict[str, type[Metric]] = {}


@dataclass(frozen=True)
class MetricInfo:
    """What the UI needs to list a metric (without building it)."""

    name: str
    label: str
    description: str
    needs_reference: bool
    needs_model: bool
    higher_is_better: bool


def register(metric_class: type[Metric], *, replace: bool = False) -> type[Metric]:
    """Register a :class:`Metric` subclass under its ``name`` (usable as a class decorator)."""
    name = metric_class.name
    if not name:
        raise ValueError(f"{metric_class.__name__} has no name")
    if name in _REGISTRY and _REGISTRY[name] is not metric_class and not replace:
        raise ValueError(f"a metric named {name!r} is already registered ({_REGISTRY[name].__name__})")
    _REGISTRY[name] = metric_class
    return metric_class


def unregister(name: str) -> None:
    """Remove a metric from the registry (for plug-ins and tests)."""
    _REGISTRY.pop(name, None)


def metric_names() -> list[str]:
    """Names of the registered metrics, in registration order."""
    return list(_REGISTRY)


def metric_class(name: str) -> type[Metric]:
    """The registered class for ``name`` (KeyError listing the known names otherwise)."""
    try:
        return _REGISTRY[name]
    except KeyError:
        raise KeyError(f"unknown metric {name!r}; known: {', '.join(_REGISTRY)}") from None


def get_metric(name: str, settings: MetricSettings | None = None) -> Metric:
    """A metric instance for ``name``, configured with ``settings``."""
    return metric_class(name)(settings)


def list_metrics() -> list[MetricInfo]:
    """Name, label, description and direction of every registered metric."""
    return [
        MetricInfo(c.name, c.label, c.description, c.needs_reference, c.needs_model, c.higher_is_better)
        for c in _REGISTRY.values()
    ]


def available_metrics(settings: MetricSettings | None = None, has_references: bool = True) -> dict[str, Availability]:
    """Availability of every registered metric under ``settings``, by name (filter on ``.ok`` for usable ones).

    With ``has_references=False`` (a corpus without targets) reference-based metrics report unavailable.
    """
    settings = settings or MetricSettings()
    result: dict[str, Availability] = {}
    for name, cls in _REGISTRY.items():
        if cls.needs_reference and not has_references:
            result[name] = Availability(False, f"{cls.label} needs references, and this data has none")
        else:
            result[name] = cls(settings).availability(settings)
    return result


def score_metrics(
    names: Sequence[str],
    sources: Sequence[str],
    candidates: Sequence[str],
    references: Sequence[str] | None = None,
    groups: Sequence[object] | None = None,
    settings: MetricSettings | None = None,
) -> dict[str, list[float]]:
    """Score one batch with several metrics; ``{name: scores}`` in the order of ``names``."""
    return {n: get_metric(n, settings).score(sources, candidates, references, groups) for n in names}
