"""Fixtures of the feedback tests: a tiny reward model (built once per session) registered as ``tiny-rm``."""

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
def one_torch_thread():
    """Tiny models run fastest on one thread; on a busy 2-core machine two threads stall each other (~10×)."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)
