"""Journey: a lead registers a second model, evaluates both on a split and compares them side by side."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import StudioServer, choose, open_page, wait_for_app, wait_for_run

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


def test_blind_ab_judgements_in_the_browser_reach_the_win_rates(page: Page, tmp_path, artifacts):
    """The Blind A/B tab reruns alone on each judgement (a fragment): three judgements in a row, each drawing the
    next sentence, all stored; then the Compare tab, opened, is drawn again and its CSV report counts them."""
    from engine.store import Store
    from tests.engine.compare.helpers import seed_two_systems

    home = tmp_path / "workspace"
    store = Store(home / "studio.duckdb")
    try:
        seed_two_systems(store, tmp_path / "evaluations")
    finally:
        store.close()
    server = StudioServer(home)
    try:
        open_page(page, f"{server.url}/compare", "5 · Compare")
        page.get_by_role("tab", name="Blind A/B").click()
        panel = page.get_by_role("tabpanel", name="Blind A/B")
        wait_for_app(page)
        panel.get_by_text("linguist", exact=True).click()
        panel.get_by_label("Your name", exact=True).fill("Amal")
        panel.get_by_role("button", name="Sign in").click()
        for judged in range(3):
            expect(panel.get_by_text(f"{judged} judged by you for this pair.", exact=False)).to_be_visible()
            wait_for_app(page)
            panel.get_by_role("button", name="A is better").click()
        expect(panel.get_by_text("3 judged by you for this pair.", exact=False)).to_be_visible()
        wait_for_app(page)
        assert page.get_by_test_id("stException").count() == 0
        rates = panel.get_by_test_id("stDataFrame").last
        expect(rates).to_be_visible()
        page.screenshot(path=str(artifacts / "compare-blind-ab.png"), full_page=True)
        # the Compare tab was drawn when the page opened, before any judgement: opening it reruns the page, so its
        # report counts the three
        page.get_by_role("tab", name="Compare").click()
        # the run the click starts redraws the reports: wait for the line it writes (wait_for_app can find the app
        # idle before that run begins, and the CSV drawn before the judgements would be downloaded)
        compare = page.get_by_role("tabpanel", name="Compare")
        expect(compare.get_by_text("The reports include 3 blind A/B judgements of these systems.")).to_be_visible()
        wait_for_app(page)
        csv_button = compare.get_by_role("button", name="CSV", exact=True)
        expect(csv_button).to_be_visible()
        with page.expect_download() as download:
            csv_button.click()
        report = Path(download.value.path()).read_text(encoding="utf-8")
        ab_rows = [line for line in report.splitlines() if line.startswith("ab,")]
        assert len(ab_rows) == 1 and ",3," in ab_rows[0] and "ties 0" in ab_rows[0], report
        assert page.get_by_test_id("stException").count() == 0
    finally:
        server.stop()
    store = Store(home / "studio.duckdb")
    try:
        rows = store.evaluations.judgements()
    finally:
        store.close()
    assert len(rows) == 3 and {r["linguist"] for r in rows} == {"Amal"} and len({r["idx"] for r in rows}) == 3
