"""Journey: a newcomer uploads a corpus, sees its rows, trains an SFT model and watches it learn."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import choose, open_page, upload, wait_for_app

DEMO = Path(__file__).resolve().parents[2] / "data" / "demo" / "handwritten" / "en-ar.everyday_travel.tsv"

pytestmark = pytest.mark.e2e


def _points_in_first_chart(page: Page) -> int:
    return page.evaluate(
        "() => { const p = document.querySelector('[data-testid=\"stPlotlyChart\"] .js-plotly-plot');"
        " return p && p.data ? p.data.reduce((n, t) => n + (t.x ? t.x.length : 0), 0) : 0; }"
    )


def test_upload_browse_and_bootstrap(page: Page, studio_server, tmp_path, artifacts):
    corpus = tmp_path / "travel phrases.tsv"
    corpus.write_text("".join(DEMO.read_text(encoding="utf-8").splitlines(keepends=True)[:60]), encoding="utf-8")

    draft = tmp_path / "draft.tsv"
    draft.write_text(DEMO.read_text(encoding="utf-8").splitlines(keepends=True)[0], encoding="utf-8")

    open_page(page, f"{studio_server.url}/data", "1 · Data")
    name = page.get_by_label("Corpus name").first
    upload(page, draft, shows=(name, "draft"))
    # the name follows a replacing file: it kept the first file's name, or showed none
    upload(page, corpus, shows=(name, "travel phrases"))
    page.get_by_role("button", name="Add corpus").click()
    expect(page.get_by_text(re.compile(r"Stored corpus “travel phrases” \(id 1\): 60 segments"))).to_be_visible()

    page.get_by_role("tab", name="Browse corpora").click()
    table = page.locator("table.tarjama-table")
    expect(table).to_contain_text("Where did you put the remote control?")
    arabic_cell = table.locator("td.tarjama-ar").first
    expect(arabic_cell).to_have_attribute("dir", "rtl")
    assert arabic_cell.evaluate("e => getComputedStyle(e).direction") == "rtl"
    page.screenshot(path=str(artifacts / "data-browse.png"), full_page=True)

    open_page(page, f"{studio_server.url}/", "Tarjama Studio")
    page.get_by_text("Train an SFT model on your own corpora (advanced)").click()
    choose(page, "Model size", "tiny")
    page.get_by_text("Advanced settings").click()
    for label, value in (("Vocabulary size", "400"), ("Step limit", "200"), ("Evaluate every (steps)", "10"),
                         ("Checkpoint every (steps)", "50"), ("Evaluation pairs", "4")):
        field = page.get_by_label(label, exact=True)
        field.fill(value)
        field.press("Tab")
    wait_for_app(page)  # the reruns of the edits above have ended: the click is not swallowed
    page.get_by_role("button", name="Start bootstrap").click()

    expect(page.get_by_text(re.compile(r"\d+ / 200 steps"))).to_be_visible()
    page.wait_for_function(
        "() => { const p = document.querySelector('[data-testid=\"stPlotlyChart\"] .js-plotly-plot');"
        " return p && p.data && p.data.length && p.data[0].x.length >= 2; }")
    first = _points_in_first_chart(page)
    page.wait_for_function(
        f"() => {{ const p = document.querySelector('[data-testid=\"stPlotlyChart\"] .js-plotly-plot');"
        f" return p && p.data && p.data.reduce((n, t) => n + (t.x ? t.x.length : 0), 0) > {first}; }}")
    page.screenshot(path=str(artifacts / "bootstrap-live.png"), full_page=True)
    expect(page.get_by_text(re.compile(r"SFT model \*?\*?tiny|SFT model .*is registered"))).to_be_visible()
    page.screenshot(path=str(artifacts / "bootstrap-done.png"), full_page=True)
