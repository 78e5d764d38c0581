"""Journey: start PPO from the browser and watch the reward and KL charts gain points while it runs."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import open_page, wait_for_app

pytestmark = pytest.mark.e2e

POINTS = ("() => { const plots = [...document.querySelectorAll('[data-testid=\"stPlotlyChart\"] .js-plotly-plot')];"
          " const find = t => plots.find(p => p.layout && String(p.layout.title && p.layout.title.text).includes(t));"
          " const n = p => p ? p.data.reduce((k, d) => k + (d.x ? d.x.length : 0), 0) : 0;"
          " return [n(find('Reward (mean')), n(find('KL to the reference'))]; }")


def test_start_ppo_and_watch_reward_and_kl(page: Page, seeded_studio_server, artifacts):
    open_page(page, f"{seeded_studio_server.url}/ppo", "4 · PPO")
    # each tab has its presets; the one chosen is named again in the line under the choice
    page.get_by_role("tabpanel", name="PPO").get_by_role("radiogroup", name="Starting values").get_by_text(
        "Small demo model", exact=True).click()
    expect(page.get_by_role("tabpanel", name="PPO").get_by_text(re.compile(r"^Small demo model sets "))).to_be_visible()
    wait_for_app(page)
    page.get_by_role("tabpanel", name="PPO").get_by_text("Advanced settings").click()
    for label, value in (("Steps", "12"), ("Batch size", "4"), ("Longest response (tokens)", "6"),
                         ("Evaluate every (steps)", "4"), ("PPO epochs per batch", "1"), ("Held-out sources", "3")):
        field = page.get_by_role("tabpanel", name="PPO").get_by_label(label, exact=True)
        field.fill(value)
        field.press("Tab")
    wait_for_app(page)  # the reruns of the edits above have ended: the click is not swallowed
    page.get_by_role("button", name="Start PPO").click()
    expect(page.get_by_text(re.compile(r"\d+ / 12 steps"))).to_be_visible()
    page.wait_for_function(f"() => {{ const [r, k] = ({POINTS})(); return r >= 2 && k >= 1; }}")
    reward_points, kl_points = page.evaluate(POINTS)
    page.screenshot(path=str(artifacts / "ppo-live.png"), full_page=True)
    page.wait_for_function(f"() => {{ const [r, k] = ({POINTS})(); return r > {reward_points} && k > {kl_points}; }}")
    page.screenshot(path=str(artifacts / "ppo-more.png"), full_page=True)
    try:
        expect(page.get_by_text("Sample translations at step")).to_be_visible()
    except AssertionError:
        (artifacts / "ppo-page.txt").write_text(page.inner_text("body"))
        raise
