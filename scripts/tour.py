"""A first-time user's tour of the studio in headless Chromium, through the UI only, with a screenshot of every page
and every tab.

``python scripts/tour.py [--out test-artifacts/tour] [--no-jobs]`` starts a studio on a fresh temporary workspace
(:class:`studio.running.RunningStudio`), opens *Start*, clicks *Set up the demo*, then visits every page of the
sidebar and every tab of each, and saves a full-page screenshot of each as ``NN-page-tab.png``. Unless
``--no-jobs``, it also starts the cheap jobs a newcomer would try first (candidates for a small sample, one
sentence translated and ranked on the Translate page) and screenshots their results.

Every wait is on the app's own state (Streamlit's ``stApp`` root between script runs, an element the rerun leaves
behind, a run's status in its ``events.jsonl``), never a fixed sleep. The timings of each step go to
``timings.json`` beside the screenshots.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from playwright.sync_api import Page, expect, sync_playwright  # noqa: E402

from studio.running import RunningStudio  # noqa: E402
from tests.e2e.conftest import APP_WAIT_MS, CHROMIUM, CHROMIUM_ARGS, wait_for_app, wait_for_run  # noqa: E402

SIDEBAR = [
    "Start",
    "Runs",
    "Pipelines",
    "1 · Data",
    "2 · Synthetic preferences",
    "3 · Reward model",
    "4 · PPO",
    "5 · Compare",
    "6 · Translate & feedback",
    "7 · Human alignment",
    "Monitor",
    "Models",
]
"""The sidebar's pages, in its order (``studio/app.py``)."""
VIEWPORT = {"width": 1400, "height": 1000}


def slug(text: str) -> str:
    """A file-name-safe lower-case form of a page or tab title."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class Tour:
    """The browser page, the screenshot counter and the timings of one tour."""

    def __init__(self, page: Page, out: Path, home: Path) -> None:
        self.page, self.out, self.home = page, out, home
        self.count = 0
        self.timings: list[dict] = []
        self.started = time.monotonic()

    def shot(self, *names: str) -> Path:
        """Wait for the app to be idle, then save a full-page screenshot named after ``names``."""
        wait_for_app(self.page)
        # Streamlit scrolls inside its main block, so a full-page shot sees one viewport: grow the viewport to
        # the content's height for the shot (capped), then restore it
        height = self.page.evaluate(
            "() => Math.max(...[...document.querySelectorAll('[data-testid=stMain], section.main')]"
            ".map(e => e.scrollHeight), 0)"
        )
        self.page.set_viewport_size({"width": VIEWPORT["width"], "height": min(max(height, VIEWPORT["height"]), 12000)})
        wait_for_app(self.page)
        self.count += 1
        path = self.out / f"{self.count:02d}-{'-'.join(slug(n) for n in names if n)}.png"
        self.page.screenshot(path=str(path), full_page=True)
        self.page.set_viewport_size(VIEWPORT)
        self.timings.append({"shot": path.name, "t_s": round(time.monotonic() - self.started, 1)})
        print(f"{self.timings[-1]['t_s']:7.1f} s  {path.name}", flush=True)
        return path

    def go(self, title: str) -> None:
        """Click the sidebar link ``title`` and wait for the page's heading."""
        wait_for_app(self.page)
        nav = self.page.get_by_test_id("stSidebarNav")
        nav.get_by_role("link").filter(has_text=re.compile(rf"{re.escape(title)}$")).first.click()
        heading = "Tarjama Studio" if title == "Start" else title
        expect(self.page.get_by_role("heading", name=heading, exact=True).first).to_be_visible()
        wait_for_app(self.page)

    def tabs(self) -> list[str]:
        """The names of the page's top-level tabs (those of its first tab bar)."""
        bar = self.page.get_by_test_id("stTabs").first
        if bar.count() == 0:
            return []
        return [t.strip() for t in bar.get_by_role("tab").all_inner_texts()]

    def visit(self, title: str) -> None:
        """The page ``title`` and each of its tabs, one screenshot each."""
        self.go(title)
        names = self.tabs()
        if not names:
            self.shot(title)
            return
        for name in names:
            self.page.get_by_test_id("stTabs").first.get_by_role("tab", name=name, exact=True).click()
            wait_for_app(self.page)
            self.shot(title, name)


def demo_setup(tour: Tour) -> None:
    """Start: the empty workspace, then *Set up the demo* and what it shows."""
    page = tour.page
    expect(page.get_by_role("heading", name="Tarjama Studio", exact=True)).to_be_visible()
    tour.shot("Start", "empty")
    page.get_by_role("button", name="Set up the demo").click()
    expect(page.get_by_text(re.compile(r"SFT model \S+ is registered"))).to_be_visible()
    tour.shot("Start", "demo set up")


def generate_candidates(tour: Tour) -> None:
    """2 · Synthetic preferences: candidates for 6 sources, then the browse tab."""
    page = tour.page
    tour.go("2 · Synthetic preferences")
    for label, value in (("Sample size (0 = all)", "6"),):
        field = page.get_by_label(label, exact=True)
        field.fill(value)
        field.press("Tab")
    wait_for_app(page)
    page.get_by_role("button", name="Generate", exact=True).click()
    run_dir = wait_for_run(tour.home, "generate", timeout_s=APP_WAIT_MS / 1000)
    expect(page.get_by_text(re.compile(rf"{re.escape(run_dir.name)} — succeeded"))).to_be_visible()
    expect(page.get_by_text(re.compile(r"6 / 6 sources"))).to_be_visible()
    tour.shot("2 · Synthetic preferences", "generated")


def score_and_pair(tour: Tour) -> None:
    """2 · Synthetic preferences: score the candidates with the default form (the metrics that can run) and pair."""
    page = tour.page
    tour.go("2 · Synthetic preferences")
    page.get_by_role("tab", name="Score and pair", exact=True).click()
    wait_for_app(page)
    page.get_by_role("button", name="Score and pair", exact=True).click()
    run_dir = wait_for_run(tour.home, "score", timeout_s=APP_WAIT_MS / 1000)
    # then the page's own view of it: the studio ingests the run's final status a moment after the job writes it
    expect(page.get_by_text(re.compile(rf"{re.escape(run_dir.name)} — succeeded"))).to_be_visible()
    tour.shot("2 · Synthetic preferences", "scored")


def translate_and_rank(tour: Tour) -> None:
    """6 · Translate & feedback: sign in, translate one sentence, agree with the order shown, submit."""
    page = tour.page
    tour.go("6 · Translate & feedback")
    box = page.get_by_label("Your name", exact=True)
    box.click()
    box.press_sequentially("Tour")
    page.keyboard.press("Enter")
    wait_for_app(page)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("Signed in as Tour")).to_be_visible()
    wait_for_app(page)
    field = page.get_by_label("Source (English or French)")
    field.fill("The children are playing in the garden.")
    field.press("Tab")
    wait_for_app(page)
    page.get_by_role("button", name="Translate", exact=True).click()
    expect(page.get_by_role("radiogroup", name="Your judgement")).to_be_visible()
    wait_for_app(page)
    if page.get_by_text(re.compile(r"^Only one distinct candidate")).count():
        # nothing to rank, and no judgement chosen for the linguist: say it is acceptable as it is
        page.get_by_text("Acceptable as it is", exact=True).click()
        wait_for_app(page)
    expect(page.get_by_role("button", name="Submit judgement")).to_be_visible()
    tour.shot("6 · Translate & feedback", "translated")
    agree = page.get_by_text(re.compile(r"^The order shown is right"))
    if agree.count():  # two or more candidates: agree with the order shown
        agree.click()
    wait_for_app(page)
    page.get_by_role("button", name="Submit judgement").click()
    expect(page.get_by_text(re.compile(r"Saved: judgement #\d+"))).to_be_visible()
    tour.shot("6 · Translate & feedback", "judgement saved")


def main(argv: list[str] | None = None) -> int:
    """Run the tour; returns 0 when every page and tab was shot."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "test-artifacts" / "tour", help="screenshot folder")
    parser.add_argument("--no-jobs", action="store_true", help="only look: start no job")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory(prefix="tarjama-tour-") as tmp:
        home = Path(tmp) / "workspace"
        studio = RunningStudio(
            home, env={"TARJAMA_HEARTBEAT_S": "1", "TARJAMA_STALE_AFTER_S": "30"}, log_path=args.out / "studio.log"
        )
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
                context = browser.new_context(viewport=VIEWPORT, locale="en-GB")
                page = context.new_page()
                page.set_default_timeout(APP_WAIT_MS)
                page.set_default_navigation_timeout(APP_WAIT_MS)
                tour = Tour(page, args.out, home)
                page.goto(studio.url, wait_until="domcontentloaded")
                wait_for_app(page)
                demo_setup(tour)
                for title in SIDEBAR:
                    tour.visit(title)
                if not args.no_jobs:
                    generate_candidates(tour)
                    score_and_pair(tour)
                    tour.visit("2 · Synthetic preferences")
                    translate_and_rank(tour)
                    tour.visit("6 · Translate & feedback")
                    tour.visit("Runs")
                    tour.visit("Start")
                total = round(time.monotonic() - tour.started, 1)
                (args.out / "timings.json").write_text(json.dumps({"total_s": total, "shots": tour.timings}, indent=1))
                print(f"tour: {tour.count} screenshots in {total} s → {args.out}")
                browser.close()
        finally:
            studio.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
