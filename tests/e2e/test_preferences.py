"""Journey: a lead launches candidate generation from the browser and sees the candidates appear."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import open_page, wait_for_app, wait_for_run

pytestmark = pytest.mark.e2e


def test_generate_in_the_browser_and_browse_candidates(page: Page, seeded_studio_server, artifacts):
    open_page(page, f"{seeded_studio_server.url}/preferences", "2 · Synthetic preferences")
    for label, value in (("Sample size (0 = all)", "6"), ("Longest translation (tokens)", "8")):
        field = page.get_by_label(label, exact=True)
        field.fill(value)
        field.press("Tab")
    wait_for_app(page)  # the reruns of the edits above have ended: the click is not swallowed
    page.get_by_role("button", name="Generate", exact=True).click()
    expect(page.get_by_text(re.compile(r"Generate candidates\*\* — |succeeded"))).to_be_visible()
    # the run's own status first (its events.jsonl), then the page that shows it; a rerun must have ended
    # before the tab is clicked, or the click lands on a page being rebuilt (the browse view then timed out)
    wait_for_run(seeded_studio_server.home, "generate")
    expect(page.get_by_text("6 / 6 sources")).to_be_visible()
    wait_for_app(page)
    page.get_by_role("tab", name="Browse candidates").click()
    table = page.locator("table.tarjama-table").first
    expect(table).to_be_visible()
    expect(table.locator("td.tarjama-ar").first).to_have_attribute("dir", "rtl")
    assert table.locator("tbody tr").count() >= 1
    page.screenshot(path=str(artifacts / "preferences-candidates.png"), full_page=True)
