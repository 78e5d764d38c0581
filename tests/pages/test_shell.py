"""The app shell: navigation over the loop's pages, each rendering without error on an empty workspace."""

from __future__ import annotations

import pytest


def test_start_page_offers_the_demo_set_up_on_an_empty_workspace(open_page):
    at = open_page()
    assert at.title[0].value == "Tarjama Studio"
    assert [b.label for b in at.button] == ["Set up the demo"]
    assert any("SFT model" in m.label for m in at.metric)


@pytest.mark.parametrize("page, title", [("data", "1 · Data"), ("runs", "Runs"), ("models", "Models")])
def test_every_page_renders(open_page, page, title):
    at = open_page(page)
    assert at.title[0].value == title
