"""The Data page: paste a corpus, get it checked and stored, or rejected with line and reason."""

from __future__ import annotations

import re

from tests.pages.conftest import shown


def name_box(at):
    """The upload's corpus-name box (one per input given: its key names the input)."""
    (box,) = [t for t in at.text_input if t.key.startswith("upload-name-")]
    return box

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
    name_box(at).input(name)
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


def test_a_one_line_corpus_is_counted_in_the_singular(open_page, store):
    at = _paste(open_page("data"), GOOD.splitlines()[0], "one")
    at.button(key="upload-check").click()
    at.run()
    assert any(s.value.startswith("1 segment would be stored") for s in at.success), [s.value for s in at.success]
    at.button(key="upload-add").click()
    at.run()
    assert any("(id " in s.value and "): 1 segment — " in s.value for s in at.success), [s.value for s in at.success]


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


def test_add_corpus_is_disabled_after_a_check_that_rejects_until_the_options_change(open_page, store):
    at = _paste(open_page("data"), GOOD + "\nHello\tHello again", "broken")
    assert not at.button(key="upload-add").disabled
    at.button(key="upload-check").click()
    at.run()
    assert any("would be rejected" in e.value for e in at.error)
    assert at.button(key="upload-add").disabled
    at.checkbox(key="upload-skip").check()  # keeping the good rows is a way forward: Add is offered again
    at.run()
    assert not at.button(key="upload-add").disabled


def test_a_single_swapped_row_is_named_as_swapped(open_page):
    at = _paste(open_page("data"), GOOD + "\nصباح النور.\tGood morning to you.", "one swapped")
    at.button(key="upload-check").click()
    at.run()
    reasons = at.dataframe[0].value
    assert any("look swapped on this line" in r and "Swap columns" in r for r in reasons["reason"])
    assert set(reasons["line"]) == {6}


JSONL_GOOD = (
    '{"source": "Good morning.", "target": "صباح الخير."}\n'
    '{"source": "Where is the station?", "target": "أين المحطة؟"}\n'
).encode()


def _upload(at, name: str, content: bytes):
    at.file_uploader(key="upload-file").clear().upload(name, content).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_after_an_add_the_header_and_the_browser_show_the_new_corpus_and_empty_splits_are_said(open_page, store):
    # drawn before the add, the header still counted the corpora before it and the browser stayed on the previous
    # corpus; a 4-row corpus at 5 % was stored with empty valid and test splits and nothing said
    at = _paste(open_page("data"), GOOD, "phrases")
    at.button(key="upload-add").click().run()
    at = _paste(at, "Thank you.\tشكرا.\nGood night.\tتصبح على خير.", "second")
    at.button(key="upload-add").click().run()
    assert not at.exception
    second = store.corpora.by_name("second")["id"]
    assert next(m for m in at.metric if m.label == "Corpora").value == "2"
    assert at.selectbox(key="browse-corpus").value == second
    assert any("Stored corpus “second”" in s.value for s in at.success)
    assert any("The valid and test splits are empty" in w.value for w in at.warning)
    at.run()  # said once, not at every rerun
    assert not any("Stored corpus" in s.value for s in at.success)


def test_a_file_that_cannot_be_read_as_a_whole_is_not_counted_as_a_line(open_page, store):
    at = _upload(open_page("data"), "phrases.tsv", GOOD.encode("utf-16-le"))  # no BOM: a whole-file problem
    at.button(key="upload-add").click().run()
    assert any(e.value.startswith("Rejected: the file as a whole cannot be read.") for e in at.error), \
        [e.value for e in at.error]


def test_an_empty_file_says_so_and_every_known_extension_is_offered(open_page, store):
    # a 0-byte upload greyed out both buttons and said nothing; .tab and .ndjson were refused by the uploader
    from engine.corpora.formats import EXTENSIONS

    at = open_page("data")
    assert set(at.file_uploader(key="upload-file").proto.type) >= {e for e in EXTENSIONS} | {".tab", ".ndjson"}
    _upload(at, "phrases.tsv", b"")
    assert any(r"phrases\.tsv is empty (0 bytes)" in w.value for w in at.warning)  # the name shown as written
    assert at.button(key="upload-add").disabled
    _upload(at, "phrases.ndjson", JSONL_GOOD)
    assert at.selectbox(key="upload-format").value == "jsonl" and not at.warning


def test_format_follows_each_new_files_extension(open_page, store):
    """Regression (issue 19): the keyed Format box kept "tsv" after a .jsonl upload, so JSONL was read as TSV."""
    at = open_page("data")
    assert at.selectbox(key="upload-format").value == "tsv"
    _upload(at, "phrases.jsonl", JSONL_GOOD)
    assert at.selectbox(key="upload-format").value == "jsonl"
    assert at.text_input(key="upload-src-jsonl-False").value == "source"
    at.button(key="upload-add").click().run()
    assert any("Stored corpus “phrases”" in s.value and "2 segments" in s.value for s in at.success), \
        [e.value for e in at.error]
    # a CSV next: its format and header box follow it; a choice made by hand then sticks across reruns
    _upload(at, "more.csv", "source,target\nI like tea.,أحب الشاي.\n".encode())
    assert at.selectbox(key="upload-format").value == "csv"
    assert at.checkbox(key="upload-header").value is True
    at.selectbox(key="upload-format").set_value("tsv").run()
    at.button(key="upload-check").click().run()
    assert at.selectbox(key="upload-format").value == "tsv"
    _upload(at, "again.jsonl", JSONL_GOOD)
    assert at.selectbox(key="upload-format").value == "jsonl"
    assert at.checkbox(key="upload-header").value is False


def test_hostile_file_is_rejected_with_every_line_and_reason_in_the_table(open_page, store):
    """Deep nesting, a lone surrogate, a bidi override, a duplicate key and a letterless target, each on its own
    line: the page lists every (line, reason) and stores nothing — no traceback (the first two used to be one)."""
    hostile = b"\n".join([
        b"[" * 200_000,
        b'{"source": "Hi \\ud800", "target": "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7"}',
        '{"source": "Pay \\u202eme", "target": "ادفع"}'.encode(),
        '{"source": "Hi", "target": "مرحبا", "target": "وداعا"}'.encode(),
        b'{"source": "Hi", "target": "123 456"}',
        b'{"source": "\xff"}',
    ]) + b"\n"
    at = _upload(open_page("data"), "hostile.jsonl", hostile)
    at.button(key="upload-add").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert any("Rejected: 6 lines have problems. Nothing was stored." in e.value for e in at.error)
    table = at.dataframe[0].value
    assert list(table["line"]) == [1, 2, 3, 4, 5, 6]
    assert list(table["reason"]) == [
        "JSON is nested more than 32 levels deep (a corpus line is one flat object)",
        "source contains U+D800, which is not a character (an unpaired surrogate or a noncharacter)",
        "source contains a bidirectional control character (U+202E), which can reorder how the text is shown",
        'duplicate key "target" in a JSON object (which value is meant is ambiguous)',
        "target has no letters (only digits, punctuation or symbols)",
        "file is not valid UTF-8: byte 0xFF cannot be decoded (save the file as UTF-8)",
    ]
    assert store.corpora.by_name("hostile") is None


def test_whole_file_and_line_problems_share_one_table(open_page, store):
    """Regression: a whole-file reason ("file") beside line numbers made a mixed column that Arrow refused, so
    the table of reasons failed exactly when a file had both kinds (here: every row bad, bad rows skipped)."""
    at = _upload(open_page("data"), "bad.tsv", "Hi\t123\nBye\t\xd9\x85\x07\n".encode("latin-1"))
    at.checkbox(key="upload-skip").check().run()
    at.button(key="upload-check").click().run()
    assert not at.exception, [e.message for e in at.exception]
    table = at.dataframe[0].value
    assert [None if v != v else int(v) for v in table["line"]] == [None, 1, 2]
    assert list(table["reason"]) == [
        "(whole file) no valid rows are left after skipping the rejected ones",
        "target has no letters (only digits, punctuation or symbols)",
        "target contains a control character (U+0007)",
    ]


def _recording_queries(monkeypatch) -> list[str]:
    """Every SQL statement the store runs from now on (both Store objects on the file: the test's and the app's)."""
    from engine.store.database import Database

    queries: list[str] = []
    for name in ("query", "query_dicts", "query_column"):
        original = getattr(Database, name, None)
        if original is None:
            continue

        def recorded(self, sql, params=None, _original=original):
            queries.append(sql)
            return _original(self, sql, params)

        monkeypatch.setattr(Database, name, recorded)
    return queries


def _segment_reads(queries: list[str]) -> tuple[list[str], list[str]]:
    """(reads of one page of segments, reads that go through every segment of a corpus)."""
    reads = [q for q in queries if re.search(r"\bFROM segments\b", q)]
    bounded = [q for q in reads if re.search(r"\bLIMIT\b|\bseg_id IN\b", q)]
    return bounded, [q for q in reads if q not in bounded]


def test_browsing_reads_a_page_of_segments_per_rerun_and_each_search_once(open_page, store, monkeypatch):
    """Issue 19, item 8 (a Data page that stays fast on a million segments): a rerun of the page reads one page of
    rows and nothing else from the segments — counts, splits and the length histogram were kept when the corpus was
    stored, the workspace header included — and a search goes through the segments once, however many reruns and
    pages follow. The shape of the queries is checked, not their time."""
    import pyarrow as pa

    rows = [{"line": i, "source": f"Where is station {i}?", "target": f"أين المحطة {i}؟", "pair": "en-ar",
             "split": "train" if i % 10 else "test", "norm_key": str(i)} for i in range(1, 301)]
    corpus_id = store.corpora.add("stations", "en-ar", pa.Table.from_pylist(rows))
    at = open_page("data")
    queries = _recording_queries(monkeypatch)

    at.run()
    bounded, scans = _segment_reads(queries)
    assert (len(bounded), scans) == (1, []), queries
    assert len(queries) <= 10, queries
    assert any("300 matching segments" in c.value for c in at.caption)
    assert any("tarjama-histogram" in m.value for m in at.markdown)

    queries.clear()
    at.selectbox(key="browse-split").set_value("test").run()
    bounded, scans = _segment_reads(queries)
    assert (len(bounded), scans) == (1, []), queries
    assert any("30 matching segments" in c.value for c in at.caption)

    queries.clear()
    at.selectbox(key="browse-split").set_value("all").run()
    at.text_input(key="browse-search").input("STATION 1").run()
    bounded, scans = _segment_reads(queries)
    assert len(scans) == 1 and "source_lower" in scans[0], queries
    assert any("111 matching segments" in c.value for c in at.caption)  # 1, 10-19, 100-199

    for page in (2, 3):  # the next pages of the same search: no scan
        queries.clear()
        at.number_input(key=f"browse-page-{corpus_id}-all-STATION 1").set_value(page).run()
        bounded, scans = _segment_reads(queries)
        assert (len(bounded), scans) == (1, []), queries
    assert not at.exception


def test_a_name_typed_before_pasting_is_kept(open_page, store):
    # typing the name first and pasting after used to swap the name box for a new one that said "pasted"
    at = open_page("data")
    assert name_box(at).value == ""
    name_box(at).input("clinic-phrases")
    at.run()
    at.text_area(key="upload-paste").input(GOOD)
    at.run()
    assert name_box(at).value == "clinic-phrases"
    at.button(key="upload-add").click()
    at.run()
    assert not at.exception and store.corpora.by_name("clinic-phrases") is not None


def test_the_import_tab_asks_for_fields_not_for_a_files_columns(open_page):
    # it showed Format, header, 'Source column source' and 'Arabic column target' beside its own field boxes
    at = open_page("data")
    keys = {w.key for w in at.text_input} | {w.key for w in at.selectbox} | {w.key for w in at.checkbox}
    assert {"import-src", "import-tgt"} <= keys
    assert not {k for k in keys if k.startswith(("import-format", "import-header", "import-src-", "import-tgt-",
                                                  "import-swap"))}
    assert {"upload-format", "upload-header", "upload-swap"} <= keys  # the upload tab keeps them


def test_browse_lists_the_newest_corpus_first_and_opens_on_it(open_page, store):
    # a corpus just added was the last of 55 options, the browser opening on the oldest
    import pyarrow as pa

    def add(name: str) -> int:
        rows = [{"line": 1, "source": f"Good morning from {name}.", "target": "صباح الخير.", "pair": "en-ar",
                 "split": "train", "norm_key": name}]
        return store.corpora.add(name, "en-ar", pa.Table.from_pylist(rows))

    older, newest = add("older"), add("newest")
    at = open_page("data")
    assert at.selectbox(key="browse-corpus").value == newest
    assert list(at.selectbox(key="browse-corpus").options)[-1].startswith("older")
    assert older != newest


def test_deleting_a_corpus_a_queued_job_reads_is_refused_with_the_job_named(open_page, store):
    import pyarrow as pa

    rows = [{"line": 1, "source": "Good morning.", "target": "صباح الخير.", "pair": "en-ar", "split": "train",
             "norm_key": "1"}]
    corpus_id = store.corpora.add("in-use", "en-ar", pa.Table.from_pylist(rows))
    store.runs.create("gen-1", "generate", "G", {"corpus_ids": [corpus_id]}, "/runs/gen-1")
    at = open_page("data")
    at.checkbox(key=f"browse-del-ok-{corpus_id}").check().run()
    at.button(key=f"browse-del-{corpus_id}").click().run()
    assert any("Not deleted: it is still read by run gen-1 (generate, queued)" in shown(e.value) for e in at.error)
    assert store.corpora.get(corpus_id) is not None
    with store.db.transaction() as cur:
        store.runs.mark_final(cur, "gen-1", "succeeded", None)
    at.checkbox(key=f"browse-del-ok-{corpus_id}").check().run()
    at.button(key=f"browse-del-{corpus_id}").click().run()
    assert not at.exception and store.corpora.get(corpus_id) is None


def test_a_corpus_name_with_markdown_is_shown_as_typed(open_page, store):
    # the store takes any visible name now: "**x** [a](http://e)" was rendered bold, with a link
    at = _paste(open_page("data"), GOOD, "**news**  [a](http://e)")
    at.button(key="upload-add").click().run()
    assert not at.exception
    (message,) = [s.value for s in at.success if s.value.startswith("Stored corpus")]
    assert message.startswith("Stored corpus “\\*\\*news\\*\\* \\[a\\]\\(http")
    assert store.corpora.by_name("**news** [a](http://e)") is not None
