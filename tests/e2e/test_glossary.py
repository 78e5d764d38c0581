"""Journey: after *Set up the demo* a lead uploads a glossary of their own; a linguist translates a sentence and sees
the terms of both glossaries highlighted in the source and kept or missed in every candidate."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from engine.demo import shipped_model_record
from tests.e2e.conftest import open_page, upload, wait_for_app

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shipped_model_record() is None, reason="no shipped demo model in data/demo/model"),
]


def test_demo_glossary_terms_are_highlighted_in_source_and_candidates(page: Page, studio_server, tmp_path, artifacts):
    open_page(page, f"{studio_server.url}/", "Tarjama Studio")
    page.get_by_role("button", name="Set up the demo").click()
    expect(page.get_by_text(re.compile(r"SFT model demo-sft is registered"))).to_be_visible()
    wait_for_app(page)

    terms = tmp_path / "transport terms.tsv"
    terms.write_text("source\tarabic\nbus\tحافلة|باص\nstation\tمحطة\n", encoding="utf-8")
    open_page(page, f"{studio_server.url}/data", "1 · Data")
    page.get_by_role("tab", name="Glossaries").click()
    expect(page.get_by_text("demo-en-ar-glossary", exact=False).first).to_be_visible()  # from the demo set-up
    upload(page, terms, index=-1, shows=(page.get_by_label("Glossary name"), "transport terms"))
    wait_for_app(page)
    page.get_by_role("button", name="Check and store the glossary").click()
    expect(page.get_by_text("Stored glossary 'transport terms': 2 terms for en-ar.")).to_be_visible()
    wait_for_app(page)

    open_page(page, f"{studio_server.url}/translate?linguist=Amina", "6 · Translate & feedback")
    expect(page.get_by_text("Signed in as Amina")).to_be_visible()
    picker = page.get_by_label("Glossaries", exact=False).first
    expect(picker).to_be_visible()
    field = page.get_by_label("Source (English or French)")
    field.fill("Where is the pharmacy? My computer is at the bus station.")
    field.press("Tab")
    wait_for_app(page)
    page.get_by_role("button", name="Translate", exact=True).click()
    # translated: the judgement choice is there (its form is not, until one is chosen, when the samples agree)
    expect(page.get_by_role("radiogroup", name="Your judgement")).to_be_visible()
    wait_for_app(page)

    source_terms = page.locator("mark.gl-term")
    expect(source_terms).to_have_count(4)
    assert [t.strip() for t in source_terms.all_inner_texts()] == ["pharmacy", "computer", "bus", "station"]
    assert source_terms.first.get_attribute("title") == "صيدلية"
    cards = page.locator(".gl-candidate")
    legends = page.locator(".gl-legend")
    expect(legends).to_have_count(cards.count())
    assert cards.count() >= 1
    for legend in legends.all_inner_texts():
        assert re.match(r"Terms [0-4]/4: ", legend), legend
        assert legend.count("✓") + legend.count("✗") == 4
    kept = page.locator(".gl-candidate mark.gl-kept")
    expect(kept.first).to_be_visible()  # the demo model writes at least one term as the glossary does
    assert kept.first.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    expect(page.get_by_role("checkbox", name="Glossary terms in the prompt")).not_to_be_checked()  # a tags model
    source_terms.first.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "translate-glossary.png"))
