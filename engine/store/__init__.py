"""The studio's DuckDB store. :class:`Store` is the only writer."""

from __future__ import annotations

from pathlib import Path

from engine.store.annotations import AnnotationRepository
from engine.store.corpora import CorpusRepository
from engine.store.database import (
    Database,
    StoreCorruptError,
    StoreDiskFullError,
    StoreError,
    StoreLockedError,
    StoreReadOnlyError,
)
from engine.store.evaluations import EvaluationRepository
from engine.store.feedback import FeedbackRepository
from engine.store.glossaries import GlossaryRepository
from engine.store.models import ModelRepository
from engine.store.pipelines import PipelineRepository
from engine.store.preferences import PreferenceRepository
from engine.store.promotion import PromotionRepository
from engine.store.runs import RunRepository
from engine.store.translation_log import TranslationLogRepository

__all__ = ["Store", "StoreCorruptError", "StoreDiskFullError", "StoreError", "StoreLockedError",
           "StoreReadOnlyError"]


class Store:
    """One database and its repositories: ``runs``, ``corpora``, ``models``, ``preferences``, ``evaluations``,
    ``feedback``, ``pipelines``, ``translation_log``, ``promotion`` (gate and retraining), ``annotations`` (error
    spans), ``glossaries``."""

    def __init__(self, path: Path | str, *, migrate: bool = True) -> None:
        self.db = Database(path, migrate=migrate)
        self.runs = RunRepository(self.db)
        self.corpora = CorpusRepository(self.db)
        self.models = ModelRepository(self.db)
        self.preferences = PreferenceRepository(self.db)
        self.evaluations = EvaluationRepository(self.db)
        self.feedback = FeedbackRepository(self.db)
        self.pipelines = PipelineRepository(self.db)
        self.translation_log = TranslationLogRepository(self.db)
        self.promotion = PromotionRepository(self.db)
        self.annotations = AnnotationRepository(self.db)
        self.glossaries = GlossaryRepository(self.db)

    def close(self) -> None:
        self.db.close()
