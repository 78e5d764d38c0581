"""Journey: a lead registers a second model, evaluates both on a split and compares them side by side."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import choose, open_page, wait_for_app, wait_for_run

pytestmark = pytest.mark.e2e


def test_compare_two_models_in_the_browser(page: Page, seeded_studio_server, tiny_policy_dir, artifacts):
    url = seeded_studio_server.url
    # the second system: the same weights registered under another name, as a lead would on the Models page.
    # (Under load the page's first run took longer than Playwright's 30 s before "Folder or hub id" existed:
    # every wait here is on the app's state instead — its run ending, then the element it leaves.)
    open_page(page, f"{url}/models", "Models")
    page.get_by_label("Folder or hub id", exact=True).fill(str(tiny_policy_dir))
    page.get_by_label("Name in the studio", exact=True).fill("tiny-b")
    choose(page, "Prompt format", "tags")
    page.get_by_role("button", name="Check and register").click()
    # the page confirms and reruns at once; the header's newest SFT model is what stays
    expect(page.get_by_test_id("stMetricValue").filter(has_text="tiny-b")).to_be_visible()

    open_page(page, f"{url}/compare", "5 · Compare")
    form = page.get_by_test_id("stForm").filter(has_text="Longest translation (tokens)")
    expect(form.get_by_text("tiny-sft (sft)")).to_be_visible()  # both policies preselected
    expect(form.get_by_text("tiny-b (sft)")).to_be_visible()
    choose(page, "Split", "valid", within=form)  # this corpus has train and valid splits only
    tokens = form.get_by_label("Longest translation (tokens)", exact=True)
    tokens.fill("8")
    tokens.press("Tab")
    form.get_by_role("button", name="Evaluate", exact=True).click()
    wait_for_run(seeded_studio_server.home, "evaluate")  # the job's own final status, then the page's
    expect(page.get_by_text("succeeded")).to_be_visible()
    wait_for_app(page)
    page.screenshot(path=str(artifacts / "compare-evaluate.png"), full_page=True)

    page.get_by_role("tab", name="Compare").click()
    panel = page.get_by_role("tabpanel", name="Compare")
    expect(panel.get_by_test_id("stDataFrame").first).to_be_visible()
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=\"stPlotlyChart\"] .js-plotly-plot')].some(p =>"
        " p.data && p.data[0].type === 'bar' && p.data[0].x.length === 2 && p.data[0].error_y"
        " && p.data[0].error_y.array.length === 2)")
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
