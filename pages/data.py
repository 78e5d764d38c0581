"""1 · Data: upload or import parallel corpora, check them, and browse what is stored."""

from __future__ import annotations

import zlib

import streamlit as st

from engine.corpora import (
    FORMATS,
    SUPPORTED_PAIRS,
    CorpusRejected,
    NormalisationOptions,
    PrepareOptions,
    UnsafeFilename,
    check_corpus,
    detect_format,
    option_help,
    safe_display_name,
)
from engine.corpora.formats import EXTENSIONS
from engine.corpora.importing import DatasetImportError, dataset_label, dataset_to_jsonl
from engine.corpora.naming import corpus_name_problem
from engine.corpora.users import CorpusInUse, delete_corpus
from engine.corpora.validation import HINT_COLUMNS_SWAPPED, SWAPPED_ON_LINE, swapped_lines
from engine.markup import markdown_literal
from engine.store.corpora import CorpusExistsError
from engine.wording import counted
from studio.components.arabic import bidi_table
from studio.components.charts import length_histogram
from studio.components.glossary import glossary_manager
from studio.components.header import workspace_header
from studio.components.messages import show_error
from studio.components.pickers import corpus_label
from studio.state import services

PAGE_SIZES = (25, 50, 100)

st.title("1 · Data")
st.caption("Parallel corpora (English→Arabic, French→Arabic). Every row is checked; a file with a bad row is "
           "rejected whole with the line and the reason, unless you choose to skip bad rows.")
workspace_header(services())


def _column(text: str, fmt: str, has_header: bool) -> int | str:
    text = text.strip()
    return int(text) if text.isdigit() and fmt != "jsonl" and not has_header else text


def _follow_new_input(prefix: str, identity: str, fmt: str) -> None:
    """When a new file (or pasted text) arrives, preset its format and header box from its extension.

    A keyed widget keeps its own value and ignores a changed ``index``/``value``, so the format shown would stay
    the first file's; the defaults are written into session state instead, once per new input, and what the user
    then chooses by hand sticks until the next new input."""
    seen = f"{prefix}-input-seen"
    if st.session_state.get(seen) != identity:
        st.session_state[seen] = identity
        st.session_state[f"{prefix}-format"] = fmt
        st.session_state[f"{prefix}-header"] = fmt == "csv"


def _name_box(uploaded, pasted: str, filename: str) -> str:
    """The key of the corpus-name box for the input now given: one box per input (a file, a paste, none), filled
    with the new input's name (its file's, without the extension) — or with the name the user typed in the box
    before, which sticks. Written into one box's state, a new file's name lost to the browser's old value of the
    box, sent back with the uploader's next rerun: replacing a file left the old file's name, or none."""
    identity = f"file:{uploaded.file_id}" if uploaded is not None else "pasted" if pasted.strip() else ""
    key = f"upload-name-{zlib.crc32(identity.encode()):08x}"
    if st.session_state.get("upload-name-box") != key:
        box = st.session_state.get("upload-name-box")
        before = st.session_state.get(box, "") if box else ""
        typed = before not in ("", st.session_state.get("upload-name-suggested", ""))
        suggested = filename.rsplit(".", 1)[0] if filename else ""
        st.session_state[key] = before if typed else suggested
        st.session_state["upload-name-box"], st.session_state["upload-name-suggested"] = key, suggested
    return key


def _options_form(prefix: str, fmt_default: str, file_columns: bool = True) -> tuple[PrepareOptions | None, str | None]:
    """The reading, checking and splitting options shared by upload and import (``file_columns`` off: no format,
    header or column boxes — an import names its fields itself)."""
    st.session_state.setdefault(f"{prefix}-format", fmt_default)
    st.session_state.setdefault(f"{prefix}-header", fmt_default == "csv")
    c1, c2, c3 = st.columns(3)
    pair = c1.selectbox("Language pair", SUPPORTED_PAIRS, key=f"{prefix}-pair")
    fmt, has_header, src, tgt, swap = fmt_default, False, "source", "target", False
    if file_columns:
        fmt = c2.selectbox("Format", FORMATS, key=f"{prefix}-format")
        has_header = c3.checkbox("First line is a header", key=f"{prefix}-header", disabled=fmt == "jsonl")
        c1, c2, c3 = st.columns(3)
        default_src, default_tgt = ("source", "target") if fmt == "jsonl" or has_header else ("0", "1")
        src = c1.text_input("Source column", value=default_src, key=f"{prefix}-src-{fmt}-{has_header}",
                            help="0-based index, header name, or JSONL key.")
        tgt = c2.text_input("Arabic column", value=default_tgt, key=f"{prefix}-tgt-{fmt}-{has_header}")
        swap = c3.checkbox("Swap columns", key=f"{prefix}-swap", help="Use when the Arabic is in the source column.")
    with st.expander("Normalisation (for duplicate detection), splits and limits"):
        helps = option_help(NormalisationOptions)
        cols = st.columns(4)
        norm = {name: cols[i % 4].checkbox(name.replace("_", " "), value=getattr(NormalisationOptions(), name),
                                           help=helps[name], key=f"{prefix}-norm-{name}")
                for i, name in enumerate(helps)}
        c1, c2, c3, c4 = st.columns(4)
        valid = c1.number_input("Validation share", 0.0, 0.5, 0.05, 0.01, key=f"{prefix}-valid")
        test = c2.number_input("Test share", 0.0, 0.5, 0.05, 0.01, key=f"{prefix}-test")
        seed = c3.number_input("Split seed", 0, 2**31 - 1, 0, key=f"{prefix}-seed")
        max_chars = c4.number_input("Longest segment (characters)", 10, 100_000, 1000, key=f"{prefix}-maxchars")
    skip = st.checkbox("Skip rejected rows and keep the rest", key=f"{prefix}-skip",
                       help="Off: a file with any bad row is rejected whole. On: bad rows are listed and left out.")
    try:
        options = PrepareOptions(
            format=fmt, has_header=has_header, source_column=_column(src, fmt, has_header),
            target_column=_column(tgt, fmt, has_header), pair=pair, normalisation=NormalisationOptions(**norm),
            max_chars=int(max_chars), valid_fraction=float(valid), test_fraction=float(test), seed=int(seed),
            skip_invalid_rows=skip, swap_columns=swap,
        )
    except ValueError as exc:
        return None, str(exc)
    return options, None


def _show_problems(errors, hints) -> None:
    if hints:
        for hint in hints:
            st.warning(hint + (" — tick “Swap columns” above." if hint == HINT_COLUMNS_SWAPPED else ""))
    if errors:
        # one type per column (Arrow refuses a mix of numbers and "file"): a whole-file problem has no line
        swapped = swapped_lines(errors)
        rows = [{"line": e.line or None, "reason": e.reason if e.line else f"(whole file) {e.reason}"}
                for e in errors[:2000]]
        rows += [{"line": line, "reason": f"{SWAPPED_ON_LINE} — fix the row, or tick “Swap columns” above if the "
                                          "whole file is like it"} for line in sorted(swapped)]
        rows.sort(key=lambda r: (r["line"] or 0))
        st.dataframe(rows, hide_index=True, width="stretch", height=min(400, 40 + 35 * len(rows)))
        if len(errors) > 2000:
            st.caption(f"… and {len(errors) - 2000} more")


def _rejection(errors: list) -> str:
    """Why nothing was stored, counting the lines with problems apart from a problem of the whole file (which has
    no line: a UTF-16 file read "1 line(s) have problems")."""
    lines = len({e.line for e in errors if e.line})
    parts = ([f"{counted(lines, 'line')} {'has' if lines == 1 else 'have'} problems"] if lines else []) + (
        ["the file as a whole cannot be read"] if any(not e.line for e in errors) else [])
    return f"Rejected: {' and '.join(parts)}. Nothing was stored."


def _add(name: str, data: bytes, options: PrepareOptions, filename: str) -> None:
    """Store the corpus and run the page again, which shows the result (:func:`_show_added`) with the header's count
    and the browser's corpus up to date — drawn before the add, they showed the page as it was before it."""
    try:
        corpus_id, prepared = services().add_corpus(name, data, options, filename=filename)
    except CorpusRejected as exc:
        st.error(_rejection(exc.errors))
        _show_problems(exc.errors, exc.hints)
        return
    except (CorpusExistsError, ValueError) as exc:
        show_error(exc)
        return
    st.session_state["browse-corpus"] = corpus_id  # the browser opens on the corpus just added
    st.session_state["data-added"] = (corpus_id, prepared, options)
    st.rerun()


def _show_added() -> None:
    """What the add of the run before stored (once)."""
    if (added := st.session_state.pop("data-added", None)) is None:
        return
    corpus_id, prepared, options = added
    stored = services().store.corpora.get(corpus_id)
    if stored is None:  # deleted meanwhile
        return
    report = prepared.report()
    st.success(f"Stored corpus “{markdown_literal(stored['name'])}” (id {corpus_id}): "
               f"{counted(report['n_rows'], 'segment')} — train {report['splits']['train']}, valid "
               f"{report['splits']['valid']}, test {report['splits']['test']}.")
    st.caption(f"Read {report['n_rows_read']} rows; removed {report['n_exact_duplicates']} exact and "
               f"{report['n_normalised_duplicates']} normalised duplicates; skipped {report['n_rejected_rows']} "
               "rejected rows.")
    empty = [split for split, share in (("valid", options.valid_fraction), ("test", options.test_fraction))
             if share and not report["splits"][split]]
    if empty:  # a 9-row corpus at 5 % rounds to no row: stored with no validation or test rows, and nothing said
        st.warning(f"The {' and '.join(empty)} split{'s are' if len(empty) > 1 else ' is'} empty: "
                   f"{counted(report['n_rows'], 'segment')} are too few for the share asked (a split takes whole "
                   "sources, and training keeps one at least). Give a row count instead, or add more rows.")
    if prepared.errors:
        _show_problems(prepared.errors, prepared.file_hints)


_show_added()
upload_tab, import_tab, browse_tab, glossary_tab = st.tabs(
    ["Upload", "Import a Hugging Face dataset", "Browse corpora", "Glossaries"])

with upload_tab:
    # every extension the format detection knows (.tab and .ndjson were refused by the uploader)
    uploaded = st.file_uploader("Corpus file (TSV, CSV or JSONL, UTF-8)", type=[e.lstrip(".") for e in EXTENSIONS],
                                key="upload-file")
    pasted = st.text_area("…or paste rows (tab-separated: source, Arabic)", height=120, key="upload-paste")
    filename, data, fmt_default = "", b"", "tsv"
    if uploaded is not None:
        try:
            filename = safe_display_name(uploaded.name)
            fmt_default = detect_format(filename)
        except (UnsafeFilename, ValueError) as exc:
            show_error(f"This file name cannot be used: {exc}")
            uploaded = None
        else:
            data = uploaded.getvalue()
            _follow_new_input("upload", f"file:{uploaded.file_id}", fmt_default)
            if not data:  # both buttons greyed out, and nothing said why
                st.warning(f"{markdown_literal(filename)} is empty (0 bytes): nothing to check or add.")
    elif pasted.strip():
        data, filename = pasted.encode("utf-8"), "pasted.tsv"
        _follow_new_input("upload", "pasted", fmt_default)
    options, problem = _options_form("upload", fmt_default)
    name = st.text_input("Corpus name", key=_name_box(uploaded, pasted, filename))
    c1, c2 = st.columns(2)
    check_clicked = c1.button("Check", disabled=not data, key="upload-check")
    # a Check that said "rejected" holds for these bytes and these options until either changes
    checked_as = (hash(data), repr(options))
    rejected_before = st.session_state.get("upload-rejected") == checked_as
    preview = check_corpus(data, options) if check_clicked and options and not problem else None
    if preview is not None:
        st.session_state["upload-rejected"] = None if preview.accepted else checked_as
        rejected_before = not preview.accepted
    add_clicked = c2.button("Add corpus", type="primary", disabled=not data or rejected_before, key="upload-add",
                            help="Check said this file would be rejected: fix the lines listed, or tick "
                                 "“Skip rejected rows”." if rejected_before else None)
    if problem:
        st.error(problem)
    elif preview is not None:
        if preview.accepted:
            st.success(f"{counted(preview.n_rows, 'segment')} would be stored ({preview.n_exact_duplicates} exact and "
                       f"{preview.n_normalised_duplicates} normalised duplicates removed).")
            bidi_table(preview.table.slice(0, 10).to_pylist(), ["line", "source", "target", "split"])
        else:
            st.error("This file would be rejected:")
        _show_problems(preview.errors, preview.file_hints)
    elif add_clicked and options:
        if name_problem := corpus_name_problem(name):
            st.error(name_problem)
        else:
            _add(name.strip(), data, options, filename)

with import_tab:
    st.caption("A folder written by `datasets` (`save_to_disk`), a folder or file of data files (parquet, JSONL, "
               "CSV/TSV — an offline hub snapshot), or a hub id when this machine is online.")
    location = st.text_input("Dataset folder or hub id", key="import-location")
    c1, c2, c3, c4 = st.columns(4)
    hf_split = c1.text_input("Dataset split", value="train", key="import-split")
    src_field = c2.text_input("Source field", value="translation.en", key="import-src",
                              help="Dotted paths reach nested fields, e.g. translation.en")
    tgt_field = c3.text_input("Arabic field", value="translation.ar", key="import-tgt")
    limit = c4.number_input("At most this many rows (0 = all)", 0, 10_000_000, 0, key="import-limit")
    import_options, import_problem = _options_form("import", "jsonl", file_columns=False)
    import_name = st.text_input("Corpus name", key="import-name")
    if st.button("Import", type="primary", disabled=not location.strip(), key="import-go",
                 help=None if location.strip() else "Give a dataset folder or hub id first."):
        if import_problem or import_options is None:
            st.error(import_problem)
        elif name_problem := corpus_name_problem(import_name):
            st.error(name_problem)
        else:
            try:
                with st.spinner("Reading the dataset…"):
                    jsonl = dataset_to_jsonl(location.strip(), src_field, tgt_field, hf_split, limit or None)
            except DatasetImportError as exc:
                show_error(exc)
            else:
                from dataclasses import replace

                opts = replace(import_options, format="jsonl", has_header=False, source_column="source",
                               target_column="target", swap_columns=False)
                _add(import_name.strip(), jsonl, opts, dataset_label(location.strip(), hf_split))

with browse_tab:
    corpora = services().store.corpora.list()
    if not corpora:
        st.info("No corpora yet: upload one, or set up the demo on the Start page.")
    else:
        newest_first = sorted(corpora, key=lambda c: c["id"], reverse=True)  # the one just added on top, preselected
        st.dataframe(
            [{"id": c["id"], "name": c["name"], "pair": c["pair"], "segments": c["segments"], "train": c["train"],
              "valid": c["valid"], "test": c["test"], "file": c["source_file"], "added (UTC)": c["created_at"]}
             for c in newest_first], hide_index=True, width="stretch",
        )
        names = {c["id"]: corpus_label(c) for c in newest_first}
        corpus_id = st.selectbox("Corpus", list(names), format_func=names.get, key="browse-corpus")
        c1, c2, c3 = st.columns([1, 2, 1])
        split = c1.selectbox("Split", ["all", "train", "valid", "test"], key="browse-split")
        search = c2.text_input("Search (source or Arabic)", key="browse-search")
        page_size = c3.selectbox("Rows per page", PAGE_SIZES, index=1, key="browse-size")
        repo = services().store.corpora
        split_arg = None if split == "all" else split
        total = repo.count(corpus_id, split=split_arg, search=search or None)
        pages = max(1, -(-total // page_size))
        page = st.number_input(f"Page (of {pages})", 1, pages, 1, key=f"browse-page-{corpus_id}-{split}-{search}")
        rows = repo.page(corpus_id, split=split_arg, search=search or None, limit=page_size,
                         offset=(page - 1) * page_size)
        st.caption(counted(total, "matching segment"))
        bidi_table(rows, ["seg_id", "line", "split", "source", "target"],
                   labels={"seg_id": "#", "target": "Arabic"})
        hist = repo.length_histogram(corpus_id)
        if hist:
            length_histogram(hist)
        with st.expander("Delete this corpus"):
            if st.checkbox("Yes, delete it and all its segments", key=f"browse-del-ok-{corpus_id}") and st.button(
                    "Delete corpus", key=f"browse-del-{corpus_id}"):
                try:
                    delete_corpus(services().store, corpus_id)
                except CorpusInUse as exc:
                    show_error(f"Not deleted: {exc}.")
                else:
                    st.rerun()

with glossary_tab:
    glossary_manager(services().store)
