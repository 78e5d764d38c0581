"""Journey: a lead registers a second model, evaluates both on a split and compares them side by side."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import choose

pytestmark = pytest.mark.e2e


def test_compare_two_models_in_the_browser(page: Page, seeded_studio_server, tiny_policy_dir, artifacts):
    url = seeded_studio_server.url
    # the second system: the same weights registered under another name, as a lead would on the Models page
    page.goto(f"{url}/models")
    expect(page.get_by_role("heading", name="Models", exact=True)).to_be_visible(timeout=30_000)
    page.get_by_label("Folder or hub id", exact=True).fill(str(tiny_policy_dir))
    page.get_by_label("Name in the studio", exact=True).fill("tiny-b")
    choose(page, "Prompt format", "tags")
    page.get_by_role("button", name="Check and register").click()
    # the page confirms and reruns at once; the header's newest SFT model is what stays
    expect(page.get_by_test_id("stMetricValue").filter(has_text="tiny-b")).to_be_visible(timeout=60_000)

    page.goto(f"{url}/compare")
    expect(page.get_by_role("heading", name="5 · Compare")).to_be_visible(timeout=30_000)
    form = page.get_by_test_id("stForm").filter(has_text="Longest translation (tokens)")
    expect(form.get_by_text("tiny-sft (sft)")).to_be_visible(timeout=20_000)  # both policies preselected
    expect(form.get_by_text("tiny-b (sft)")).to_be_visible()
    choose(page, "Split", "valid", within=form)  # this corpus has train and valid splits only
    tokens = form.get_by_label("Longest translation (tokens)", exact=True)
    tokens.fill("8")
    tokens.press("Tab")
    form.get_by_role("button", name="Evaluate", exact=True).click()
    expect(page.get_by_text("succeeded")).to_be_visible(timeout=180_000)
    page.screenshot(path=str(artifacts / "compare-evaluate.png"), full_page=True)

    page.get_by_role("tab", name="Compare").click()
    panel = page.get_by_role("tabpanel", name="Compare")
    expect(panel.get_by_test_id("stDataFrame").first).to_be_visible(timeout=60_000)
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=\"stPlotlyChart\"] .js-plotly-plot')].some(p =>"
        " p.data && p.data[0].type === 'bar' && p.data[0].x.length === 2 && p.data[0].error_y"
        " && p.data[0].error_y.array.length === 2)", timeout=60_000)
    chart = panel.get_by_test_id("stPlotlyChart").first
    chart.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "compare-chart.png"))
    sentence = panel.locator(".cmp-sentence").first
    sentence.scroll_into_view_if_needed()
    expect(sentence).to_be_visible()
    expect(sentence).to_contain_text("tiny-sft")
    expect(sentence).to_contain_text("tiny-b")
    expect(sentence.locator("td.tarjama-ar").first).to_have_attribute("dir", "rtl")
    page.screenshot(path=str(artifacts / "compare-side-by-side.png"))
