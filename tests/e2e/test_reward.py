"""Journey: train a reward model from the browser and watch the accuracy chart fill in."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import choose

pytestmark = pytest.mark.e2e


def test_train_reward_model_and_see_accuracy(page: Page, seeded_studio_server, artifacts):
    page.goto(f"{seeded_studio_server.url}/reward")
    expect(page.get_by_role("heading", name="3 · Reward model")).to_be_visible(timeout=30_000)
    page.get_by_text("Small demo model").click()
    for label, value in (("Learning rate", "0.003"), ("Evaluate every (steps)", "5"), ("Model name", "rm-browser")):
        field = page.get_by_label(label, exact=True)
        field.fill(value)
        field.press("Tab")
    page.get_by_role("button", name="Train reward model").click()
    expect(page.get_by_text(re.compile(r"\d+ / \d+ steps"))).to_be_visible(timeout=90_000)
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=\"stPlotlyChart\"] .js-plotly-plot')].some(p =>"
        " p.layout && p.layout.title && String(p.layout.title.text).includes('Accuracy')"
        " && p.data.some(t => t.name === 'eval_accuracy' && t.x.length >= 1))", timeout=120_000)
    page.screenshot(path=str(artifacts / "reward-training.png"), full_page=True)
    expect(page.get_by_text("succeeded")).to_be_visible(timeout=240_000)
    page.get_by_role("tab", name="Inspect a reward model").click()
    choose(page, "Reward model", "rm-browser")
    expect(page.get_by_test_id("stMetricLabel").filter(has_text="Validation accuracy")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("Pairs the model gets wrong")).to_be_visible(timeout=30_000)
    page.screenshot(path=str(artifacts / "reward-inspect.png"), full_page=True)
