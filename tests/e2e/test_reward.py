"""Journey: train a reward model from the browser and watch the accuracy chart fill in."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from engine.jobs.metric_titles import metric_title
from tests.e2e.conftest import choose, open_page, wait_for_app

pytestmark = pytest.mark.e2e


def test_train_reward_model_and_see_accuracy(page: Page, seeded_studio_server, artifacts):
    open_page(page, f"{seeded_studio_server.url}/reward", "3 · Reward model")
    page.get_by_role("radiogroup", name="Starting values").get_by_text("Small demo model", exact=True).click()
    # the line under the choice names it once the script has run with it (the form is keyed by the preset: where
    # the click changes it, fields filled before that run would be in the form it replaces)
    expect(page.get_by_text(re.compile(r"^Small demo model sets "))).to_be_visible()
    wait_for_app(page)
    for label, value in (("Learning rate", "0.003"), ("Evaluate every (steps)", "5"), ("Model name", "rm-browser")):
        field = page.get_by_label(label, exact=True)
        field.fill(value)
        field.press("Tab")
    wait_for_app(page)  # the reruns of the edits above have ended: the click is not swallowed
    page.get_by_role("button", name="Train reward model").click()
    expect(page.get_by_text(re.compile(r"\d+ / \d+ steps"))).to_be_visible()
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=\"stPlotlyChart\"] .js-plotly-plot')].some(p =>"
        " p.layout && p.layout.title && String(p.layout.title.text).includes('Accuracy')"
        f" && p.data.some(t => t.name === '{metric_title('eval_accuracy')}' && t.x.length >= 1))")  # named in words
    page.screenshot(path=str(artifacts / "reward-training.png"), full_page=True)
    expect(page.get_by_text("succeeded")).to_be_visible()
    page.get_by_role("tab", name="Inspect a reward model").click()
    choose(page, "Reward model", "rm-browser")
    expect(page.get_by_test_id("stMetricLabel").filter(has_text="Validation accuracy")).to_be_visible()
    expect(page.get_by_text("Pairs the model gets wrong")).to_be_visible()
    page.screenshot(path=str(artifacts / "reward-inspect.png"), full_page=True)
