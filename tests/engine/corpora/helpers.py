"""Helpers for the corpus tests: paths, and small uploads and options built in one line."""

from __future__ import annotations

from pathlib import Path

from engine.corpora import PrepareOptions

SHARED_CORPORA = Path(__file__).resolve().parents[4] / "shared" / "corpora"
SAMPLES = Path(__file__).resolve().parents[3] / "data" / "samples"


def tsv(*lines: str) -> bytes:
    """A UTF-8 TSV upload made of ``lines`` (each already tab-separated), newline-terminated."""
    return "".join(line + "\n" for line in lines).encode("utf-8")


def options(**overrides: object) -> PrepareOptions:
    """Prepare options for the tests: defaults, without valid/test splits unless asked for."""
    base: dict[str, object] = {"valid_fraction": 0.0, "test_fraction": 0.0}
    base.update(overrides)
    return PrepareOptions(**base)
