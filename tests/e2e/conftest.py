"""End-to-end fixtures: a real studio server on a free port, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


def pytest_collection_modifyitems(items):
    if not Path(CHROMIUM).exists():
        skip = pytest.mark.skip(reason="Debian's chromium is not installed (make test installs it as root)")
        for item in items:
            if "e2e" in item.keywords:
                item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright launches Debian's Chromium (Playwright's own download is impossible here)."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS, "headless": True}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1400, "height": 1000}, "locale": "en-GB"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class StudioServer:
    """A running ``streamlit run studio/app.py`` with its own workspace."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "TARJAMA_HOME": str(home), "HF_HUB_OFFLINE": "1", "TARJAMA_HEARTBEAT_S": "1",
               "TARJAMA_STALE_AFTER_S": "30", "PYTHONUNBUFFERED": "1"}
        self.log = (home.parent / f"streamlit-{self.port}.log").open("wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "studio" / "app.py"), "--server.port",
             str(self.port), "--server.address", "127.0.0.1", "--server.headless", "true"],
            cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as resp:
                    if resp.read().decode().strip() == "ok":
                        return
            except OSError:
                time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"the studio did not start; see {self.log.name}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.log.close()


@pytest.fixture
def studio_server(tmp_path: Path):
    """A fresh studio on a free port with an empty workspace."""
    server = StudioServer(tmp_path / "workspace")
    yield server
    server.stop()


def seed_workspace(home: Path, tiny_policy_dir: Path, tmp_path: Path, *, aligned: bool = False) -> None:
    """The tiny SFT model, a small demo corpus, a synthetic pair set and a reward model; with ``aligned``, also a
    cold-start model trained against that reward model and the linguists' judgements Phase 3 starts from."""
    import pyarrow as pa

    from engine.store import Store
    from tests.conftest import demo_pairs, seed_feedback, store_pair_set

    store = Store(home / "studio.duckdb")
    store.models.register("tiny-sft", "policy", str(tiny_policy_dir), stage="sft", metadata={"prompt_format": "tags"})
    rows = [{"line": i + 1, "source": s, "target": t, "pair": p, "split": "valid" if i % 5 == 0 else "train",
             "norm_key": f"{s}\n{t}"}
            for i, (s, t, p) in enumerate(demo_pairs(20))]
    store.corpora.add("demo-small", "en-ar", pa.Table.from_pylist(rows))
    pair_set = store_pair_set(store, tmp_path)
    from engine.models import load_tokenizer
    from engine.reward.model import build_reward_model, save_reward_model

    tok = load_tokenizer(tiny_policy_dir)
    rm = save_reward_model(build_reward_model(tiny_policy_dir, pad_token_id=tok.pad_token_id), tok, tmp_path / "rm",
                           prompt_format="tags")
    store.models.register("tiny-rm", "reward", str(rm), metadata={"prompt_format": "tags", "pair_sets": [pair_set]})
    if aligned:
        store.models.register("tiny-cold", "policy", str(tiny_policy_dir), stage="cold-start", parent="tiny-sft",
                              metadata={"prompt_format": "tags", "reward_model": "tiny-rm", "corpus_ids": [1]})
        seed_feedback(store, 8)
    store.close()


@pytest.fixture
def seeded_studio_server(tmp_path: Path, tiny_policy_dir: Path):
    """A studio whose workspace already has the tiny SFT model, a small demo corpus, a pair set and a reward model."""
    home = tmp_path / "workspace"
    seed_workspace(home, tiny_policy_dir, tmp_path)
    server = StudioServer(home)
    yield server
    server.stop()


@pytest.fixture
def aligned_studio_server(tmp_path: Path, tiny_policy_dir: Path):
    """The seeded studio after cold start: a cold-start model and linguists' judgements to align with."""
    home = tmp_path / "workspace"
    seed_workspace(home, tiny_policy_dir, tmp_path, aligned=True)
    server = StudioServer(home)
    yield server
    server.stop()


@pytest.fixture
def artifacts() -> Path:
    """Where browser tests leave screenshots (kept after the run)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def choose(page, label: str, option: str, attempts: int = 3, within=None) -> None:
    """Pick ``option`` in the Streamlit select box labelled ``label`` (retrying the opening click, which a busy
    page can swallow while it reruns); ``within`` narrows the search for the box to a locator such as a form."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import expect

    box = (within or page).get_by_label(label, exact=True)
    expect(box).to_be_visible(timeout=30_000)
    for _ in range(attempts):
        box.click()
        try:
            page.get_by_role("option", name=option).click(timeout=10_000)
            return
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    raise AssertionError(f"could not choose {option!r} in {label!r}")
