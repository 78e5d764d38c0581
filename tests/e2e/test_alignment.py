"""Journey: a lead runs Phase 3 (feedback → pairs → RM fine-tune → PPO stage 2) from the browser in one click and
sees the final model appear in the registry."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import choose, open_page

pytestmark = pytest.mark.e2e


def test_phase3_in_one_click_makes_a_final_model(page: Page, aligned_studio_server, artifacts):
    url = aligned_studio_server.url
    open_page(page, f"{url}/alignment", "7 · Human alignment")
    expect(page.get_by_text("judgement(s) from 2 linguist(s)")).to_be_visible()  # too little: warned
    page.get_by_role("tab", name="Phase 3 in one click").click()
    form = page.get_by_test_id("stForm").filter(has_text="Run Phase 3 · human alignment")
    # the small demo model's preset runs DPO on the human pairs: its settings show, PPO's do not
    expect(form.get_by_label("DPO settings", exact=True)).to_be_visible()
    expect(form.get_by_label("PPO steps", exact=True)).to_have_count(0)
    epochs = form.get_by_label("RM epochs", exact=True)
    epochs.fill("1")
    epochs.press("Tab")
    name = form.get_by_label("Model name", exact=True)
    name.fill("final-e2e")
    name.press("Tab")
    form.get_by_role("button", name="Run Phase 3 · human alignment").click()
    panel = page.get_by_role("tabpanel", name="Phase 3 in one click")
    expect(panel.get_by_text("pipeline #1")).to_be_visible()
    page.screenshot(path=str(artifacts / "phase3-running.png"), full_page=True)
    expect(panel.get_by_text("— succeeded")).to_be_visible()
    page.screenshot(path=str(artifacts / "phase3-done.png"), full_page=True)

    open_page(page, f"{url}/models", "Models")
    expect(page.get_by_test_id("stDataFrame").first).to_be_visible()
    choose(page, "Model", "final-e2e")
    expect(page.get_by_role("heading", name="final-e2e")).to_be_visible()
    expect(page.get_by_text("Stage final")).to_be_visible()
    page.screenshot(path=str(artifacts / "phase3-registry.png"), full_page=True)
