"""Model comparison: evaluations of model versions on a test set, paired significance, blind A/B, reports.

* :mod:`engine.compare.significance` — paired bootstrap and approximate randomisation on sentence scores, and
  on sacrebleu's sufficient statistics for corpus-level BLEU / chrF / TER; Holm adjustment.
* :mod:`engine.compare.comparison` — :func:`build_comparison` of evaluated systems from the store.
* :mod:`engine.compare.ab` — randomised blind pairs, win rates with Wilson intervals, sign test.
* :mod:`engine.compare.diff` — character-level diff rendered as escaped HTML.
* where a model came from is read by :mod:`engine.models.lineage` (one rule for the Models and Compare pages).
* :mod:`engine.compare.report` — Markdown, HTML and CSV exports with the settings.
* :mod:`engine.compare.testsets` — an uploaded test file checked and turned into test-set rows.

The translation itself runs in the ``evaluate`` job (:mod:`engine.jobs.evaluate`).
"""
