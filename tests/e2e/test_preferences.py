"""Journey: a lead launches candidate generation from the browser and sees the candidates appear."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e


def test_generate_in_the_browser_and_browse_candidates(page: Page, seeded_studio_server, artifacts):
    page.goto(f"{seeded_studio_server.url}/preferences")
    expect(page.get_by_role("heading", name="2 · Synthetic preferences")).to_be_visible(timeout=30_000)
    for label, value in (("Sample size (0 = all)", "6"), ("Longest translation (tokens)", "8")):
        field = page.get_by_label(label, exact=True)
        field.fill(value)
        field.press("Tab")
    page.get_by_role("button", name="Generate", exact=True).click()
    expect(page.get_by_text(re.compile(r"Generate candidates\*\* — |succeeded"))).to_be_visible(timeout=60_000)
    expect(page.get_by_text("6 / 6 sources")).to_be_visible(timeout=120_000)

    page.get_by_role("tab", name="Browse candidates").click()
    table = page.locator("table.tarjama-table").first
    expect(table).to_be_visible(timeout=60_000)
    expect(table.locator("td.tarjama-ar").first).to_have_attribute("dir", "rtl")
    assert table.locator("tbody tr").count() >= 1
    page.screenshot(path=str(artifacts / "preferences-candidates.png"), full_page=True)
