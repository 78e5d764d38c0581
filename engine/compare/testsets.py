"""An uploaded test file (TSV, CSV or JSONL with source and Arabic reference) turned into test-set rows.

The file goes through the same checks as a corpus upload (:func:`engine.corpora.check_corpus`: UTF-8, column
count, empty sides, Arabic script of the reference …); a file with any bad row is rejected whole with the
line and reason of every problem. Exact and normalised duplicates are dropped; the split is ignored.
"""

from __future__ import annotations

from engine.corpora import CorpusRejected, PrepareOptions, check_corpus, detect_format


def testset_rows_from_upload(data: bytes, filename: str, pair: str, *, has_header: bool = False,
                             source_column: int | str = 0, target_column: int | str = 1) -> list[dict]:
    """Rows (``source``, ``reference``, ``pair``) of an uploaded test file; raises :class:`CorpusRejected`."""
    fmt = detect_format(filename)
    if fmt == "jsonl" and source_column == 0 and target_column == 1:
        source_column, target_column = "source", "target"
    options = PrepareOptions(format=fmt, pair=pair, has_header=has_header, source_column=source_column,
                             target_column=target_column, valid_fraction=0, test_fraction=0)
    prepared = check_corpus(data, options)
    if not prepared.accepted:
        raise CorpusRejected(prepared.errors, prepared.file_hints)
    return [{"source": r["source"], "reference": r["target"], "pair": r["pair"]}
            for r in sorted(prepared.table.to_pylist(), key=lambda r: r["line"])]
