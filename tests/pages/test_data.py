"""The Data page: paste a corpus, get it checked and stored, or rejected with line and reason."""

from __future__ import annotations

GOOD = "\n".join([
    "Good morning.\tصباح الخير.",
    "Where is the station?\tأين المحطة؟",
    "I like tea.\tأحب الشاي.",
    "I like tea.\tأحب الشاي.",
    "The museum opens at nine.\tيفتح المتحف في التاسعة.",
])


def _paste(at, text: str, name: str):
    at.text_area(key="upload-paste").input(text)
    at.run()
    at.text_input(key="upload-name-pasted.tsv").input(name)
    at.run()
    return at


def test_pasted_corpus_is_checked_stored_and_browsable(open_page, store):
    at = _paste(open_page("data"), GOOD, "phrases")
    at.button(key="upload-add").click()
    at.run()
    assert not at.exception
    assert any("Stored corpus “phrases”" in s.value and "4 segments" in s.value for s in at.success), \
        [s.value for s in at.success]
    corpus = store.corpora.by_name("phrases")
    assert corpus["report"]["n_exact_duplicates"] == 1
    assert store.corpora.count(corpus["id"]) == 4
    # the browse tab lists it and shows its rows right-to-left
    assert any("أين المحطة؟" in m.value for m in at.markdown if "tarjama-table" in m.value)


def test_bad_row_rejects_the_whole_paste_with_line_and_reason(open_page, store):
    bad = GOOD + "\nHello\tHello again"
    at = _paste(open_page("data"), bad, "broken")
    at.button(key="upload-add").click()
    at.run()
    assert any("Rejected" in e.value and "Nothing was stored" in e.value for e in at.error)
    table = at.dataframe[0].value
    assert list(table["line"]) == [6]
    assert list(table["reason"]) == ["target is not in Arabic script"]
    assert store.corpora.by_name("broken") is None


def test_check_previews_without_storing(open_page, store):
    at = _paste(open_page("data"), GOOD, "preview")
    at.button(key="upload-check").click()
    at.run()
    assert any("4 segments would be stored" in s.value for s in at.success)
    assert store.corpora.list() == []


def test_swapped_columns_get_a_hint(open_page):
    swapped = "\n".join("\t".join(reversed(line.split("\t"))) for line in GOOD.splitlines())
    at = _paste(open_page("data"), swapped, "swapped")
    at.button(key="upload-check").click()
    at.run()
    assert any("Swap columns" in w.value for w in at.warning)
    at.checkbox(key="upload-swap").check()
    at.run()
    at.button(key="upload-add").click()
    at.run()
    assert any("Stored corpus “swapped”" in s.value for s in at.success)
