"""Journey: linguists in separate browsers translate, judge at the same moment, reload — nothing lost or doubled."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import open_page, wait_for_app, with_app_waits

pytestmark = pytest.mark.e2e

SAVED = re.compile(r"Saved: judgement #\d+")
HEADING = "6 · Translate & feedback"


def _open(browser: Browser, url: str, linguist: str | None = None) -> Page:
    """A new browser context (its own Streamlit session) on the translate page, signed in through the URL."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-GB")
    page = with_app_waits(context.new_page())
    open_page(page, f"{url}/translate" + (f"?linguist={linguist}" if linguist else ""), HEADING)
    return page


def _sign_in(page: Page, name: str) -> None:
    """Type a new name into the one sign-in field (a select box that accepts new names) and sign in."""
    box = page.get_by_label("Your name", exact=True)
    box.click()
    box.press_sequentially(name)
    page.keyboard.press("Enter")
    wait_for_app(page)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text(f"Signed in as {name}")).to_be_visible()
    wait_for_app(page)


def _translate(page: Page, source: str) -> None:
    field = page.get_by_label("Source (English or French)")
    field.fill(source)
    field.press("Tab")
    wait_for_app(page)  # the edit's rerun has ended: the click is not swallowed
    page.get_by_role("button", name="Translate", exact=True).click()
    expect(page.get_by_role("button", name="Submit judgement")).to_be_visible()
    wait_for_app(page)


def _choose(page: Page, label: str) -> None:
    wait_for_app(page)
    page.get_by_text(label, exact=True).click()
    expect(page.get_by_role("radio", name=label)).to_be_checked()
    wait_for_app(page)


def _order_shown_is_right(page: Page) -> None:
    """Rankings start empty: say explicitly that the order shown is the linguist's."""
    page.get_by_text(re.compile(r"^The order shown is right")).click()  # the box's label takes the click
    expect(page.get_by_role("checkbox", name=re.compile(r"^The order shown is right"))).to_be_checked()


def test_concurrent_linguists_each_judgement_stored_exactly_once(browser: Browser, seeded_studio_server, artifacts):
    url = seeded_studio_server.url
    amina = _open(browser, url)
    _sign_in(amina, "Amina")
    bilal = _open(browser, url, "Bilal")
    expect(bilal.get_by_text("Signed in as Bilal")).to_be_visible()

    _translate(amina, "The cat is sleeping on the sofa.")
    expect(amina.get_by_text(re.compile(r"^Language: English \(English clues"))).to_be_visible()
    assert amina.locator(".tarjama-rtl").count() == 3  # the top three, right to left
    assert amina.locator(".tarjama-rtl").first.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert amina.locator(".tarjama-rtl").first.evaluate("e => getComputedStyle(e).unicodeBidi") == "isolate"
    _order_shown_is_right(amina)
    _translate(bilal, "Le chat dort sur le canapé.")
    _choose(bilal, "Pick the best")
    bilal.get_by_test_id("stForm").get_by_text("#1", exact=True).click()  # the pick starts empty
    expect(bilal.get_by_test_id("stForm").get_by_role("radio", name="#1")).to_be_checked()
    amina.screenshot(path=str(artifacts / "translate-ranked.png"), full_page=True)

    # both submit at the same moment; Amina double-clicks
    amina.get_by_role("button", name="Submit judgement").dblclick()
    bilal.get_by_role("button", name="Submit judgement").click()
    for page in (amina, bilal):
        expect(page.get_by_text(SAVED)).to_be_visible()
    # a colleague takes over Amina's browser session: the same translation is theirs to judge (it showed Amina's
    # "Saved", and the form kept Amina's submission id, so a judgement would have been taken for her repeat)
    wait_for_app(amina)
    amina.get_by_role("button", name="Switch linguist").click()
    _sign_in(amina, "Fatima")
    expect(amina.get_by_role("button", name="Submit judgement")).to_be_visible()
    _order_shown_is_right(amina)
    amina.get_by_role("button", name="Submit judgement").click()
    expect(amina.get_by_text(SAVED)).to_be_visible()
    wait_for_app(amina)
    amina.reload()  # a reload keeps the sign-in, the translation and the saved judgement
    wait_for_app(amina)
    expect(amina.get_by_text("Signed in as Fatima")).to_be_visible()
    expect(amina.get_by_text(SAVED)).to_be_visible()

    # a smaller browser-level load: three more linguists open Amina's translation by its address and submit at
    # once — one of them a right-to-left post-edit
    request = amina.url.split("request=")[1].split("&")[0]
    pages = [_open(browser, url, f"{name}&request={request}") for name in ("Chadia", "Driss", "Elias")]
    for page in pages:
        expect(page.get_by_role("button", name="Submit judgement")).to_be_visible()
    _choose(pages[0], "Correct a translation (post-edit)")
    editor = pages[0].locator(f".st-key-rtl-tr-edit-{request} textarea")
    expect(editor).to_be_visible()
    assert editor.evaluate("e => getComputedStyle(e).direction") == "rtl"
    # not "plaintext": a correction starting with a Latin name ("Google هي …") was laid out left to right
    assert editor.evaluate("e => getComputedStyle(e).unicodeBidi") == "isolate"
    editor.fill("القطة نائمة على الأريكة.")
    _choose(pages[1], "None is acceptable")
    # the form that choice draws: the radio is checked in the browser before the script has run with it, and a
    # submit then would go with the ranking form's arguments
    expect(pages[1].get_by_label("A translation you would accept (optional)")).to_be_visible()
    _order_shown_is_right(pages[2])
    pages[0].screenshot(path=str(artifacts / "translate-post-edit.png"), full_page=True)
    for page in pages:
        page.get_by_role("button", name="Submit judgement").click()
    for page in pages:
        expect(page.get_by_text(SAVED)).to_be_visible()
    # no reload: opening a tab reruns the page, so Amina's All feedback lists the three judgements made since her
    # page last ran (the Translate tab's clicks rerun that tab alone)
    wait_for_app(amina)
    amina.get_by_role("tab", name="All feedback").click()
    expect(amina.get_by_text(re.compile(r"^6 judgement\(s\)"))).to_be_visible()
    amina.screenshot(path=str(artifacts / "translate-feedback.png"), full_page=True)

    seeded_studio_server.stop()  # the studio holds the database: stop it to read the store
    from engine.store import Store

    store = Store(seeded_studio_server.home / "studio.duckdb")
    try:
        rows = store.feedback.judgements()
    finally:
        store.close()
    assert len(rows) == 6 and len({r["submission_id"] for r in rows}) == 6  # Amina's double click counted once
    by_name = {r["linguist"]: r for r in rows}
    assert sorted(by_name) == ["Amina", "Bilal", "Chadia", "Driss", "Elias", "Fatima"]
    assert [by_name[n]["kind"] for n in ("Amina", "Bilal", "Elias")] == ["ranking", "best", "ranking"]
    assert by_name["Amina"]["ranking"] == [0, 1, 2] and by_name["Bilal"]["best"] == 0
    assert by_name["Chadia"]["kind"] == "post_edit" and by_name["Chadia"]["correction"] == "القطة نائمة على الأريكة."
    assert by_name["Driss"]["none_acceptable"]
    assert len({by_name[n]["request_id"] for n in ("Amina", "Chadia", "Driss", "Elias", "Fatima")}) == 1
    assert by_name["Fatima"]["kind"] == "ranking" and by_name["Fatima"]["id"] != by_name["Amina"]["id"]
