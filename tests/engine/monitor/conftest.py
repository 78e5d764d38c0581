"""Fixtures of the monitor tests: a tiny reward model registered as ``tiny-rm``, torch on one thread."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.engine.feedback.helpers import build_tiny_rm


@pytest.fixture(scope="session")
def tiny_rm_dir(tiny_policy_dir: Path, tmp_path_factory) -> Path:
    return build_tiny_rm(tiny_policy_dir, tmp_path_factory.mktemp("tiny-rm") / "rm")


@pytest.fixture
def tiny_rm(store, tiny_rm_dir) -> str:
    store.models.register("tiny-rm", "reward", str(tiny_rm_dir), metadata={"prompt_format": "tags"})
    return "tiny-rm"


@pytest.fixture(autouse=True)
def one_torch_thread(one_torch_thread):
    """Every monitor test runs torch on one thread (:func:`tests.conftest.one_torch_thread`)."""
    return one_torch_thread
