"""The terminology metric through the registry: constructed candidates, undefined sentences, fusion neutrality."""

from __future__ import annotations

import math

import numpy as np

from engine.glossary import GlossaryEntry, write_entries
from engine.metrics import MetricSettings, available_metrics, get_metric
from engine.preferences.fusion import fuse, plan_fusion


def glossary_file(tmp_path) -> str:
    entries = [GlossaryEntry("remote control", ("جهاز التحكم",)), GlossaryEntry("hospital", ("مستشفى",))]
    return str(write_entries(tmp_path / "g.jsonl", [("t", "en-ar", e) for e in entries]))


def test_unavailable_without_a_glossary():
    status = available_metrics(MetricSettings())["terminology"]
    assert not status and "no glossary" in status.reason


def test_scores_on_constructed_candidates(tmp_path):
    metric = get_metric("terminology", MetricSettings(glossary_file=glossary_file(tmp_path)))
    assert available_metrics(metric.settings)["terminology"]
    sources = ["Where is the remote control?"] * 2 + ["The hospitals and the remote controls."] * 2 + ["Hello."]
    cands = ["أين جهاز التحكم؟", "أين الريموت؟", "المستشفيات وجهاز التحكم.", "المستشفى والريموت.", "مرحبا."]
    scores = metric.score(sources, cands)
    assert scores[:4] == [1.0, 0.0, 1.0, 0.5] and math.isnan(scores[4])


def test_undefined_scores_are_neutral_in_fusion(tmp_path):
    """A source without terms: every candidate gets the same fused share from terminology (within-source
    comparisons do not move); with terms, the candidate that keeps them gains."""
    settings = MetricSettings(glossary_file=glossary_file(tmp_path))
    sources = ["Hello."] * 2 + ["Where is the remote control?"] * 2
    cands = ["مرحبا.", "أهلا.", "أين جهاز التحكم؟", "أين الريموت؟"]
    chrf = get_metric("chrf").score(sources, cands, ["مرحبا.", "مرحبا.", "أين جهاز التحكم؟", "أين جهاز التحكم؟"])
    term = get_metric("terminology", settings).score(sources, cands)
    plan = plan_fusion({"chrf": 0.5, "terminology": 0.5}, available_metrics(settings))
    assert set(plan.weights) == {"chrf", "terminology"}
    with_terms = fuse({"chrf": chrf, "terminology": term}, plan, {"chrf": True, "terminology": True})
    chrf_only = fuse({"chrf": chrf}, plan_fusion({"chrf": 1.0}, available_metrics(settings)), {"chrf": True})
    assert np.isclose(with_terms[0] - with_terms[1], 0.5 * (chrf_only[0] - chrf_only[1]))
    assert with_terms[2] - with_terms[3] > 0.5 * (chrf_only[2] - chrf_only[3])
