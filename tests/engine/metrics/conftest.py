"""Fixtures for the metric tests: tiny real models (a BERT encoder and COMET models), built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.metrics import MetricSettings

PAIRS: list[tuple[str, str]] = [
    ("Good morning, everyone.", "صباح الخير للجميع."),
    ("I live with my parents.", "أعيش مع والديّ."),
    ("My sister is older than me.", "أختي أكبر مني سنًا."),
    ("Please close the window; it is cold.", "من فضلك أغلق النافذة؛ فالجو بارد."),
    ("Where is the train station?", "أين محطة القطار؟"),
    ("The museum opens at nine o'clock.", "يفتح المتحف في الساعة التاسعة."),
    ("I would like a cup of tea, please.", "أريد كوبًا من الشاي من فضلك."),
    ("The weather is beautiful today.", "الطقس جميل اليوم."),
    ("Je voudrais réserver une chambre.", "أود حجز غرفة."),
    ("Le marché est fermé le dimanche.", "السوق مغلق يوم الأحد."),
    ("Combien coûte ce livre ?", "كم ثمن هذا الكتاب؟"),
    ("Nous partons demain matin.", "سنغادر صباح الغد."),
]
"""Small EN/FR→AR pairs (written for these tests) to train the tiny tokenizer and to score."""


@pytest.fixture(scope="session")
def pairs() -> list[tuple[str, str]]:
    """Source/reference pairs."""
    return list(PAIRS)


@pytest.fixture(scope="session")
def tiny_encoder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny BERT encoder folder (WordPiece tokenizer trained on :data:`PAIRS`)."""
    from engine.metrics.tiny_models import build_tiny_bert_encoder

    texts = [t for pair in PAIRS for t in pair] * 3
    return build_tiny_bert_encoder(tmp_path_factory.mktemp("tiny") / "encoder", texts, vocab_size=400)


@pytest.fixture(scope="session")
def tiny_comet(tmp_path_factory: pytest.TempPathFactory, tiny_encoder: Path) -> Path:
    """A folder holding a tiny reference-based COMET model (checkpoints/model.ckpt + hparams.yaml)."""
    from engine.metrics.tiny_models import build_tiny_comet

    folder = tmp_path_factory.mktemp("tiny") / "comet"
    build_tiny_comet(folder, tiny_encoder, reference_free=False)
    return folder


@pytest.fixture(scope="session")
def tiny_comet_qe(tmp_path_factory: pytest.TempPathFactory, tiny_encoder: Path) -> Path:
    """A folder holding a tiny reference-free COMET-QE model."""
    from engine.metrics.tiny_models import build_tiny_comet

    folder = tmp_path_factory.mktemp("tiny") / "comet_qe"
    build_tiny_comet(folder, tiny_encoder, reference_free=True)
    return folder


@pytest.fixture(scope="session")
def model_settings(tiny_encoder: Path, tiny_comet: Path, tiny_comet_qe: Path) -> MetricSettings:
    """Settings pointing every model metric at the tiny models."""
    return MetricSettings(bertscore_model=str(tiny_encoder), comet_model=str(tiny_comet),
                          comet_qe_model=str(tiny_comet_qe), bertscore_batch_size=8, comet_batch_size=8)
