"""Journey: a linguist marks an error span in an Arabic candidate by choosing its words in a right-to-left row,
saves it, and sees the model's MQM score on the Compare page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import StudioServer, open_page, wait_for_app

pytestmark = pytest.mark.e2e


def _click(page, locator) -> None:
    wait_for_app(page)  # a click during a rerun can be swallowed: click once the run has ended
    locator.click()
    wait_for_app(page)


def test_mark_a_span_on_an_arabic_candidate_and_see_the_mqm_score_on_compare(page, tmp_path, artifacts):
    from engine.store import Store
    from tests.engine.feedback.helpers import stored_request

    home = tmp_path / "workspace"
    store = Store(home / "studio.duckdb")
    request_id = stored_request(store, model="tiny-final")  # candidate #1: القطة على الطاولة.
    store.close()
    server = StudioServer(home)
    try:
        open_page(page, f"{server.url}/translate?linguist=Amina&request={request_id}", "6 · Translate & feedback")
        _click(page, page.get_by_text("Mark error spans (MQM)"))
        first, second, third = (page.get_by_role("button", name=w, exact=True) for w in ("القطة", "على", "الطاولة."))
        expect(third).to_be_visible()
        # right to left: the sentence's first word stands rightmost
        assert first.bounding_box()["x"] > second.bounding_box()["x"] > third.bounding_box()["x"]
        # each click waits for the script to have seen it: wait_for_app can find the app idle before the click's
        # rerun has begun, and in CI (stop 51) the span added was one word short, waited on for 600 s
        _click(page, second)
        expect(page.get_by_text("To be marked: «على»", exact=True)).to_be_visible()
        _click(page, third)
        expect(page.get_by_text("To be marked: «على الطاولة.»", exact=True)).to_be_visible()
        _click(page, page.get_by_text("major", exact=True))
        expect(page.get_by_role("radio", name="major")).to_be_checked()
        _click(page, page.get_by_role("button", name="Add span"))
        expect(page.get_by_text(re.compile(r"penalty 5 · 166\.7 weighted errors per 100 words"))).to_be_visible()
        expect(page.locator("mark", has_text="على الطاولة.")).to_be_visible()
        _click(page, page.get_by_role("button", name="Save error spans"))
        expect(page.get_by_text(re.compile(r"Saved: annotation #1 of candidate #1 — 1 error span"))).to_be_visible()
        page.screenshot(path=str(artifacts / "error-spans-marked.png"), full_page=True)

        open_page(page, f"{server.url}/compare", "5 · Compare")
        _click(page, page.get_by_role("tab", name="MQM (error spans)"))
        metric = page.get_by_test_id("stMetric").filter(has_text="MQM · tiny-final")
        expect(metric).to_be_visible()
        expect(metric).to_contain_text("166.7")
        page.screenshot(path=str(artifacts / "error-spans-compare.png"), full_page=True)
    finally:
        server.stop()
