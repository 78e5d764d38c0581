"""Journey: a newcomer clicks *Set up the demo* and, seconds later, has an SFT model that translates."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from engine.demo import shipped_model_record
from tests.e2e.conftest import click_until, open_page, wait_for_app

pytestmark = [pytest.mark.e2e,
              pytest.mark.skipif(shipped_model_record() is None, reason="no shipped demo model in data/demo/model")]


def test_set_up_the_demo_registers_the_shipped_model(page: Page, studio_server, artifacts):
    open_page(page, f"{studio_server.url}/", "Tarjama Studio")
    expect(page.get_by_text(re.compile(r"shipped demo SFT model"))).to_be_visible()
    click_until(page, page.get_by_role("button", name="Set up the demo"),
                page.get_by_text(re.compile(r"SFT model demo-sft is registered — validation chrF \d+")))
    wait_for_app(page)
    # the shipped model's own translations of the example sentences, right there on the page
    table = page.get_by_test_id("stDataFrame").filter(has_text="translation")
    expect(table).to_be_visible()
    page.screenshot(path=str(artifacts / "demo-setup.png"), full_page=True)
    expect(page.get_by_role("button", name="Set up the demo")).to_have_count(0)
    # the page icon comes from the studio itself: a material icon was fetched from fonts.gstatic.com, which failed
    # on every page of a machine without internet
    icons = page.eval_on_selector_all("link[rel*='icon']", "links => links.map(link => link.href)")
    assert icons and all(href.startswith(studio_server.url) for href in icons), icons
