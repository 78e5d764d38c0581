"""End-to-end fixtures: a real studio server on a free port, and Debian's Chromium driven by Playwright.

Waits are on the app's own state, never on a pace: the server's health endpoint, Streamlit's script-run state
(the ``stApp`` root carries ``data-test-script-state``), the elements a rerun leaves behind, and a run's status
in its ``events.jsonl``. Each of them returns the moment the state is reached; :data:`APP_WAIT_S` only bounds
them so that a hung studio still fails, and is the default timeout of every Playwright action and ``expect``.
A machine under heavy load (a run queue of ~10 on 2 cores) is slower, not wrong, and no longer fails these tests.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from studio.running import RunningStudio

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
APP_WAIT_S = float(os.environ.get("TARJAMA_E2E_WAIT_S", "600"))
"""The bound on any single wait for the app's state (seconds); reaching the state ends the wait at once."""
APP_WAIT_MS = int(APP_WAIT_S * 1000)
E2E_TEST_TIMEOUT_S = int(os.environ.get("TARJAMA_E2E_TEST_TIMEOUT_S", "2400"))
"""pytest-timeout for one browser journey (the suite's 600 s is too tight for a journey on a loaded machine)."""
APP_IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"][data-test-connection-state="CONNECTED"]'
"""Streamlit's root element once connected and between script runs: what a page looks like when a rerun ends."""

expect.set_options(timeout=APP_WAIT_MS)


def pytest_collection_modifyitems(items):
    skip = None
    if not Path(CHROMIUM).exists():
        skip = pytest.mark.skip(reason="Debian's chromium is not installed (make test installs it as root)")
    for item in items:
        if "e2e" in item.keywords:
            item.add_marker(pytest.mark.timeout(E2E_TEST_TIMEOUT_S))
            if skip is not None:
                item.add_marker(skip)


def with_app_waits(page):
    """Give a Playwright page the app-state bound as its default action and navigation timeout."""
    page.set_default_timeout(APP_WAIT_MS)
    page.set_default_navigation_timeout(APP_WAIT_MS)
    return page


@pytest.fixture
def page(page):
    """pytest-playwright's page, whose actions wait as long as the app may take rather than a fixed 30 s."""
    return with_app_waits(page)


IDLE_POLL_MS = 25
"""How often a wait for the app's state looks at the page, in the page itself: Playwright's own waits
(``wait_for_selector``, ``expect``) look again after 0, 20, 50, 100, 100 ms, then every 500 ms, so a script run of
~0.3–1 s was seen idle up to half a second late, at every step of every journey."""
IS_IDLE = "sel => document.querySelector(sel) !== null"


def wait_for_app(page, timeout_ms: int = APP_WAIT_MS) -> None:
    """Wait until the app is connected and its script run has ended (Streamlit marks its root element)."""
    page.wait_for_function(IS_IDLE, arg=APP_IDLE, polling=IDLE_POLL_MS, timeout=timeout_ms)


def open_page(page, url: str, heading: str) -> None:
    """Go to ``url``, wait for the page's first script run to end, then for its ``heading``."""
    page.goto(url, wait_until="domcontentloaded")
    wait_for_app(page)
    expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()


UPLOAD_STATE = """([index, name, appIdle]) => {
  const all = document.querySelectorAll('[data-testid="stFileUploader"]');
  const uploader = all[index < 0 ? all.length + index : index];
  const chip = uploader && [...uploader.querySelectorAll('[data-testid="stFileChip"]')]
    .find(c => c.textContent.includes(name));
  if (!chip || chip.querySelector('[data-testid="stFileChipIconError"]')) return "lost";
  if (chip.querySelector('[data-testid="stFileChipIconSpinner"]')) return false;
  return document.querySelector(appIdle) ? "uploaded" : false;
}"""
"""The state of a file given to the ``index``-th file uploader (negative: from the end), once its chip has shown:
``"uploaded"`` when the chip has no spinner and the app is idle (:data:`APP_IDLE`), ``"lost"`` when the uploader no
longer lists the file or marks it failed."""


def upload(page, path: Path, index: int = 0, *, shows=None, attempts: int = 3, settle_s: float = 30.0) -> None:
    """Give ``path`` to the page's ``index``-th Streamlit file uploader (negative: from the end) and wait until it is
    uploaded and the app idle — on the page's state, not a pace; with ``shows`` (a locator and the value it takes
    once the page's script has run with the file), until the page shows it.

    A file the uploader never lists, or drops (its chip gone or marked failed), is given again, and so is one the page
    has not taken, once the app has sat idle for ``settle_s`` seconds (no script run under way, so none was coming),
    at most ``attempts`` times; each retry is printed. In full-suite runs on a loaded machine (load ~4–5) the data
    journey's upload twice showed as done in the uploader while the page's script never saw the file — its corpus
    name field, filled from the file's name, stayed empty — and once (CI, stop 46) the uploader never listed the file
    it was given at all; each time the journey waited out its whole 600-s bound."""
    uploader = page.get_by_test_id("stFileUploader").nth(index)
    chip = uploader.get_by_test_id("stFileChip").filter(has_text=path.name)
    for attempt in range(1, attempts + 1):
        uploader.locator("input[type=file]").set_input_files(str(path))
        if not _settles(page, lambda: chip.count() > 0, settle_s):
            state = "never listed by the uploader"
        else:
            state = page.wait_for_function(UPLOAD_STATE, arg=[index, path.name, APP_IDLE],
                                           timeout=APP_WAIT_MS).json_value()
            if state == "uploaded" and (shows is None or _settles(page, lambda: shows[0].input_value() == shows[1],
                                                                     settle_s)):
                return
            state = "lost by the uploader" if state == "lost" else "not taken"
        print(f"upload attempt {attempt} of {path.name}: {state}")
    raise AssertionError(f"the page did not take {path.name} in {attempts} attempts")


def click_until(page, locator, shows, *, attempts: int = 3, settle_s: float = 20.0) -> None:
    """Click ``locator`` and wait until ``shows`` (a locator) is visible — on the page's state, not a pace. A click the
    app never answered (no script run came, the app sat idle for ``settle_s`` seconds in a row with ``locator`` still
    there) is given again, at most ``attempts`` times; each retry is printed. In a fresh-clone run (CI stop 51's
    session) *Set up the demo* was clicked right after the page's first run and nothing followed: the page sat
    unchanged, its button still there, for the journey's whole 600-s bound."""
    for attempt in range(1, attempts + 1):
        wait_for_app(page)
        locator.click()
        if _settles(page, lambda: shows.count() > 0 and shows.first.is_visible(), settle_s):
            return
        if not locator.count():  # the click was taken; what it shows may still be on its way
            expect(shows.first).to_be_visible()
            return
        print(f"click attempt {attempt}: the app did not answer")
    raise AssertionError(f"the app answered none of {attempts} clicks")


def _settles(page, reached, settle_s: float) -> bool:
    """Whether ``reached()`` comes true before the app has sat idle for ``settle_s`` seconds in a row (bounded by
    :data:`APP_WAIT_S` overall): a state that a script run would bring is waited for while one may still come."""
    deadline, idle_since = time.monotonic() + APP_WAIT_S, None
    while time.monotonic() < deadline:
        if reached():
            return True
        if page.locator(APP_IDLE).count():
            idle_since = idle_since or time.monotonic()
            if time.monotonic() - idle_since > settle_s:
                return False
        else:
            idle_since = None
        page.wait_for_timeout(200)
    return False


def wait_for_run(home: Path, kind: str, status: str = "succeeded", timeout_s: float = APP_WAIT_S) -> Path:
    """Wait until a run of ``kind`` in the workspace ``home`` has written ``status`` as its last status (read from
    its ``events.jsonl``, which the job writes and the studio ingests); returns its run folder. A run that ends in
    another final status fails at once with its log tail."""
    import yaml

    from engine.jobs.events import last_status

    deadline = time.monotonic() + timeout_s
    seen = False
    while time.monotonic() < deadline:
        for run_dir in sorted((home / "runs").glob("*")):
            config = run_dir / "config.yaml"
            if not config.exists() or (yaml.safe_load(config.read_text()) or {}).get("kind") != kind:
                continue
            seen = True
            last = (last_status(run_dir) or {}).get("status")
            if last == status:
                return run_dir
            if last in {"succeeded", "failed", "cancelled"}:
                stdout = run_dir / "stdout.log"
                log = stdout.read_text(errors="replace")[-3000:] if stdout.exists() else ""
                raise AssertionError(f"run {run_dir.name} ({kind}) ended {last}, not {status}:\n{log}")
        time.sleep(0.5)
    if not seen:  # the page never started one (a form that was refused, say): not a slow job
        raise AssertionError(f"no {kind} run was started within {timeout_s} s in {home}")
    raise AssertionError(f"no {kind} run reached {status} within {timeout_s} s in {home}")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright launches Debian's Chromium (Playwright's own download is impossible here)."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS, "headless": True}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1400, "height": 1000}, "locale": "en-GB"}


class StudioServer(RunningStudio):
    """A running studio (``python -m studio``, the entry point ``make run`` uses) with its own workspace; jobs
    beat every second so that a page sees a finished run quickly."""

    def __init__(self, home: Path) -> None:
        super().__init__(home, env={"TARJAMA_HEARTBEAT_S": "1", "TARJAMA_STALE_AFTER_S": "30"},
                         log_path=home.parent / f"streamlit-{home.name}.log", wait_s=APP_WAIT_S)


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
    from engine.models.loading import load_tokenizer
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
    expect(box).to_be_visible()
    for _ in range(attempts):
        wait_for_app(page)  # a click during a rerun can be swallowed: open the box once the run has ended
        box.click()
        try:
            page.get_by_role("option", name=option).click(timeout=10_000)
            return
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    raise AssertionError(f"could not choose {option!r} in {label!r}")
