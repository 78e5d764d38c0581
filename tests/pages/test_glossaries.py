"""Glossaries in the pages: upload and management on the Data page, highlighted terms on the Translate page."""

from __future__ import annotations

from engine.glossary import GlossaryEntry
from tests.engine.feedback.helpers import stored_request

GOOD = "source\tarabic\tnote\ncat\tقطة\tnot هرة\ntable\tطاولة|منضدة\n".encode()
BAD = "cat\tقطة\ntable\t\nقطة\tcat\n".encode()


def _markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_a_bad_glossary_is_refused_with_lines_and_a_good_one_is_stored_and_switched(open_page, store):
    at = open_page("data")
    at.file_uploader(key="gl-file").upload("terms.tsv", BAD).run()
    at.button(key="gl-store").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert any("not stored: 3 problem(s)" in e.value for e in at.error), [e.value for e in at.error]
    table = at.dataframe[-1].value
    assert list(table["line"]) == [2, 3, 3] and "empty Arabic term" in list(table["reason"])
    assert store.glossaries.list() == []

    at.file_uploader(key="gl-file").clear().upload("kitchen terms.tsv", GOOD).run()
    assert at.text_input(key="gl-name-kitchen terms").value == "kitchen terms"
    at.button(key="gl-store").click().run()
    assert any("2 terms for en-ar" in s.value for s in at.success), [e.value for e in at.error]
    (glossary,) = store.glossaries.list()
    assert glossary["name"] == "kitchen terms" and glossary["enabled"] and glossary["entries"] == 2
    assert "منضدة" in _markdown(at)  # the terms table
    at.toggle(key=f"gl-on-{glossary['id']}").set_value(False).run()
    assert store.glossaries.enabled_names() == []
    at.button(key=f"gl-del-{glossary['id']}").click().run()
    assert store.glossaries.list() == []


def test_a_tab_opened_before_a_glossary_was_switched_off_does_not_switch_it_back(open_page, store):
    # the toggle was compared with the store on every rerun: a tab showing another glossary's terms switched on
    # again a glossary switched off in another tab
    for name in ("kitchen", "travel"):
        store.glossaries.add(name, "en-ar", [GlossaryEntry("table", ("طاولة",))])
    stale, other = open_page("data"), open_page("data")
    kitchen = store.glossaries.by_name("kitchen")
    other.toggle(key=f"gl-on-{kitchen['id']}").set_value(False).run()
    assert store.glossaries.enabled_names() == ["travel"]
    stale.selectbox(key="gl-show").set_value("travel").run()
    assert store.glossaries.enabled_names() == ["travel"] and stale.toggle(key=f"gl-on-{kitchen['id']}").value is False


def test_translate_page_highlights_terms_in_the_source_and_kept_or_missed_in_each_candidate(open_page, store):
    store.glossaries.add("kitchen", "en-ar", [GlossaryEntry("table", ("طاولة",)), GlossaryEntry("cat", ("قطة",))])
    rid = stored_request(store, source="The cats are on the Table.")
    at = open_page()
    at.query_params.update(linguist="Amina", request=rid)
    at.switch_page("../pages/translate.py")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.multiselect(key="tr-glossaries").value == ["kitchen"]
    page = _markdown(at)
    assert '<mark class="gl-term" title="قطة">cats</mark>' in page
    assert '<mark class="gl-term" title="طاولة">Table</mark>' in page
    # candidate 1 "القطة على الطاولة." keeps both; candidate 2 "القط فوق المائدة." keeps neither
    assert '<mark class="gl-kept" title="table">الطاولة</mark>' in page
    legends = [m.value for m in at.markdown if "class='gl-legend'" in m.value]
    assert len(legends) == 3 and "Terms 2/2" in legends[0] and "Terms 0/2" in legends[1]
    assert "✗ table" in legends[1] and "✓ cat" in legends[0]
    at.multiselect(key="tr-glossaries").set_value([]).run()
    assert '<mark class="gl-term"' not in _markdown(at) and "class='gl-legend'" not in _markdown(at)


def test_compare_page_gives_each_system_a_terminology_score(open_page, store, tmp_path):
    from tests.engine.compare.helpers import seed_two_systems

    seed_two_systems(store, tmp_path)  # "final-v1" ≈ the references; "sft-v1" drops each sentence's last word
    terms = [("station", "محطة"), ("coffee", "قهوة"), ("museum", "متحف"), ("window", "نافذة"), ("weather", "طقس")]
    store.glossaries.add("travel", "en-ar", [GlossaryEntry(s, (a,)) for s, a in terms])
    at = open_page("compare")
    assert not at.exception, [e.message for e in at.exception]
    assert at.multiselect(key="cmp-glossaries").value == ["travel"]
    (table,) = [d.value for d in at.dataframe if "terms kept" in d.value.columns]
    by_system = {row["system"].split(" · ")[0]: row for row in table.to_dict("records")}
    assert (by_system["final-v1"]["terms kept"], by_system["final-v1"]["terms applicable"]) == (5, 5)
    assert (by_system["sft-v1"]["terms kept"], by_system["sft-v1"]["terminology (%)"]) == (3, 60.0)
    assert any("terms kept ÷ terms applicable" in c.value for c in at.caption)


def test_a_stored_glossarys_warnings_are_shown_beside_its_success(open_page, store):
    # the parser warned that a first line was read as a header, and the page showed only the success
    at = open_page("data")
    at.file_uploader(key="gl-file").upload("two.tsv", "term\tالمصطلح\ntable\tطاولة\n".encode()).run()
    at.button(key="gl-store").click().run()
    assert not at.exception
    assert any("1 term for en-ar" in s.value for s in at.success)
    assert any("header" in w.value for w in at.warning), [w.value for w in at.warning]
