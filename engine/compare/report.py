"""Exports of a comparison: Markdown, a self-contained HTML page, and CSV — each with the settings used.

The reports hold the test set, every system (model, decoding, evaluation key, run, metric settings), the
significance settings, the scores with their confidence intervals, every pairwise test, the blind A/B win
rates and each model's lineage. All text that comes from users or models is escaped in the HTML report.
"""

from __future__ import annotations

import csv
import html
import io
import math
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from engine.compare.ab import WinRate
from engine.compare.comparison import Comparison, metric_label
from engine.compare.significance import CORPUS_METRICS, p_text
from engine.markup import markdown_literal, spreadsheet_cell


def fmt(value: float | None) -> str:
    """A score for a table: 2 decimals from 10 upwards, else 3; an empty string for None."""
    if value is None:
        return ""
    return f"{value:.2f}" if abs(value) >= 10 else f"{value:.3f}"


def fmt_score(metric: str, value: float | None) -> str:
    """``metric``'s score for a table: sacrebleu's 0–100 scores (BLEU, chrF, TER) always with 2 decimals (TER
    "0.00" beside chrF "25.00", not "0.000"), the others as :func:`fmt`."""
    if value is None or metric not in CORPUS_METRICS:
        return fmt(value)
    return f"{value:.2f}"


def fmt_p(p: float | None, alpha: float = 0.05) -> str:
    """A p-value: three decimals (more where three would round it across ``alpha``, the level the verdict beside it
    was judged at: :func:`p_text`), or ``<0.001``."""
    if p is None:
        return ""
    return "<0.001" if p < 0.001 <= alpha else p_text(p, alpha)


def interval_texts(value: float, low: float | None, high: float | None, metric: str | None = None
                   ) -> tuple[str, str, str]:
    """``value``, ``low`` and ``high`` written with one number of decimals (each was written on its own, and a TER
    read "10.83 [5.164, 18.20]"): a score of ``metric`` as :func:`fmt_score` writes it (sacrebleu's 0–100 scores
    with 2), else 2 when any of the three reaches 10 and 3 below (a difference of 0.004 chrF keeps its digits); a
    missing bound is an empty string."""
    numbers = [abs(v) for v in (value, low, high) if v is not None and not math.isnan(v)]
    digits = 2 if metric in CORPUS_METRICS or (numbers and max(numbers) >= 10) else 3
    return tuple("" if v is None else f"{v:.{digits}f}" for v in (value, low, high))  # type: ignore[return-value]


def fmt_interval(value: float | None, low: float | None, high: float | None, metric: str | None = None) -> str:
    """``value [low, high]`` (:func:`interval_texts`; ``metric`` for a score, None for a difference)."""
    if value is None:
        return ""
    text, low_text, high_text = interval_texts(value, low, high, metric)
    return f"{text} [{low_text}, {high_text}]" if low is not None and high is not None else text


def score_table(comparison: Comparison, level: str = "sentence") -> list[dict[str, str]]:
    """One row per system, one column per metric: ``value [low, high]`` (sentence means or corpus scores)."""
    rows = []
    for system in comparison.systems:
        row = {"system": system.label}
        for metric in comparison.metrics:
            found = comparison.summary_row(system.key, metric, level)
            if found is not None:
                row[metric_label(metric)] = fmt_interval(found["value"], found["low"], found["high"], metric)
        if len(row) > 1:
            rows.append(row)
    return rows


def pair_table(comparison: Comparison) -> list[dict[str, str]]:
    """One row per pair of systems and metric: difference with interval, p, Holm p, verdict (the p-values written
    so that none reads across the comparison's own level: at 90 % confidence p 0.0999 was "0.100" beside "better")."""
    alpha = comparison.settings.alpha
    return [{"metric": metric_label(r["metric"]), "level": r["level"], "system A": r["system_a"],
             "system B": r["system_b"], "A": fmt(r["mean_a"]), "B": fmt(r["mean_b"]),
             "B − A": fmt_interval(r["delta"], r["low"], r["high"]), "p": fmt_p(r["p"], alpha),
             "p (Holm)": fmt_p(r["p_holm"], alpha), "better": r["better"]} for r in comparison.pairs]


def ab_table(win_rates: Sequence[WinRate], labels: Mapping[str, str]) -> list[dict[str, str]]:
    """Blind A/B results per pair, formatted."""
    rows = []
    for w in win_rates:
        lo, hi = w.win_rate_interval()
        plo, phi = w.preference_interval()
        rows.append({"system A": labels.get(w.system_a, w.system_a), "system B": labels.get(w.system_b, w.system_b),
                     "judgements": str(w.n), "A better": str(w.wins_a), "B better": str(w.wins_b), "ties": str(w.ties),
                     "A win rate (tie = ½)": fmt_interval(w.win_rate_a, lo, hi) if w.n else "",
                     "A preferred, decisive only": fmt_interval(w.preference_a, plo, phi) if w.decisive else "",
                     "p (sign test)": fmt_p(w.p_value)})
    return rows


def ab_rows(win_rates: Sequence[WinRate], labels: Mapping[str, str], *, first: str | None = None) -> list[dict]:
    """Blind A/B results per pair, each from the point of view of one system (``first`` when it is in the pair):
    "wins" are that system's. No "A"/"B" columns: on screen A and B are a random order per sentence, so a table's
    "A better" (the first system in sort order) read as the voter's A."""
    rows = []
    for w in win_rates:
        flip = first is not None and w.system_b == first
        mine, theirs = (w.system_b, w.system_a) if flip else (w.system_a, w.system_b)
        wins, losses = (w.wins_b, w.wins_a) if flip else (w.wins_a, w.wins_b)
        lo, hi = w.win_rate_interval()
        plo, phi = w.preference_interval()
        rate = fmt_interval(w.win_rate_a, lo, hi) if w.n else ""
        preferred = fmt_interval(w.preference_a, plo, phi) if w.decisive else ""
        if flip and w.n:
            rate = fmt_interval(1 - w.win_rate_a, 1 - hi, 1 - lo)
        if flip and w.decisive:
            preferred = fmt_interval(1 - w.preference_a, 1 - phi, 1 - plo)
        rows.append({"system": labels.get(mine, mine), "against": labels.get(theirs, theirs), "judgements": str(w.n),
                     "wins": str(wins), "losses": str(losses), "ties": str(w.ties), "win rate (tie = ½)": rate,
                     "preferred, decisive only": preferred, "p (sign test)": fmt_p(w.p_value)})
    return rows


def settings_rows(comparison: Comparison) -> list[tuple[str, str]]:
    """(setting, value) pairs describing how the comparison was made."""
    t, s = comparison.testset, comparison.settings
    rows = [("test set", f"{t['name']} ({t['id']}, {t['size']} sentences, {t['origin']})"),
            ("significance test", {"bootstrap": "paired bootstrap resampling",
                                   "randomisation": "approximate randomisation"}[s.method]),
            ("resamples / trials", str(s.n_resamples)), ("confidence level", f"{s.confidence:g}"),
            ("seed", str(s.seed)), ("corpus-level BLEU/chrF/TER", "yes" if s.corpus_level else "no")]
    for system in comparison.systems:
        cfg = system.settings
        rows.append((f"system {system.label}", f"model {system.model}; decoding {system.decoding_label}; "
                                               f"evaluation {system.key}; run {system.run_id or '—'}"))
        specs = "; ".join(f"{k}: {v}" for k, v in system.metric_specs.items())
        if specs:
            rows.append((f"metrics of {system.label}", specs))
        if cfg:
            rows.append((f"evaluate settings of {system.label}",
                         ", ".join(f"{k}={v}" for k, v in cfg.items() if k not in ("models", "metrics"))))
    return rows


def _md_table(rows: Sequence[Mapping[str, str]]) -> str:
    if not rows:
        return "_none_\n"
    columns = list(dict.fromkeys(c for r in rows for c in r))

    def cell(v: object) -> str:  # every cell shown as written: a corpus name or a model's path in the lineage was
        return markdown_literal("" if v is None else v)  # Markdown (an image fetched, a javascript: link)

    lines = ["| " + " | ".join(map(cell, columns)) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(r.get(c, "")) for c in columns) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")


def report_markdown(comparison: Comparison, *, win_rates: Sequence[WinRate] = (),
                    lineage: Mapping[str, list[dict]] | None = None, generated_at: str | None = None) -> str:
    """The comparison as Markdown."""
    labels = {s.key: s.label for s in comparison.systems}
    parts = [f"# Model comparison — {markdown_literal(comparison.testset['name'])}\n",
             f"Generated {generated_at or _now()} by Tarjama Studio.\n",
             # the settings hold the user's text (the test set's name): shown as written, never as Markdown
             "## Settings\n", _md_table([{"setting": k, "value": v} for k, v in settings_rows(comparison)]),
             f"\n## Scores (mean of sentence scores, {comparison.settings.confidence:.0%} bootstrap interval)\n",
             _md_table(score_table(comparison, "sentence"))]
    corpus = score_table(comparison, "corpus")
    if corpus:
        parts += ["\n## Corpus-level BLEU, chrF, TER\n", _md_table(corpus)]
    parts += ["\n## Pairwise significance\n", _md_table(pair_table(comparison))]
    parts += ["\n## Blind A/B\n", _md_table(ab_table(win_rates, labels))]
    if lineage:
        parts.append("\n## Lineage\n")
        for model, chain in lineage.items():
            parts += [f"\n### {markdown_literal(model)}\n", _md_table([dict(step) for step in chain])]
    return "\n".join(parts)


def _html_table(rows: Sequence[Mapping[str, str]]) -> str:
    if not rows:
        return "<p><em>none</em></p>"
    columns = list(dict.fromkeys(c for r in rows for c in r))
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td dir='auto'>{html.escape(str(r.get(c, '')))}</td>" for c in columns)
                   + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def report_html(comparison: Comparison, *, win_rates: Sequence[WinRate] = (),
                lineage: Mapping[str, list[dict]] | None = None, generated_at: str | None = None) -> str:
    """The comparison as one self-contained HTML page."""
    labels = {s.key: s.label for s in comparison.systems}
    title = f"Model comparison — {comparison.testset['name']}"
    sections = [f"<h1>{html.escape(title)}</h1>",
                f"<p>Generated {html.escape(generated_at or _now())} by Tarjama Studio.</p>",
                "<h2>Settings</h2>", _html_table([{"setting": k, "value": v} for k, v in settings_rows(comparison)]),
                f"<h2>Scores (mean of sentence scores, {comparison.settings.confidence:.0%} bootstrap interval)</h2>",
                _html_table(score_table(comparison, "sentence"))]
    corpus = score_table(comparison, "corpus")
    if corpus:
        sections += ["<h2>Corpus-level BLEU, chrF, TER</h2>", _html_table(corpus)]
    sections += ["<h2>Pairwise significance</h2>", _html_table(pair_table(comparison)),
                 "<h2>Blind A/B</h2>", _html_table(ab_table(win_rates, labels))]
    if lineage:
        sections.append("<h2>Lineage</h2>")
        for model, chain in lineage.items():
            sections += [f"<h3>{html.escape(model)}</h3>",
                         _html_table([{k: str(v) for k, v in step.items()} for step in chain])]
    style = ("body{font-family:system-ui,sans-serif;margin:2rem;color:#111}table{border-collapse:collapse;"
             "margin:.5rem 0 1.5rem}th,td{border:1px solid #d1d5db;padding:.3rem .5rem;text-align:start;"
             "unicode-bidi:plaintext}th{background:#f3f4f6}")
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            f"<style>{style}</style></head><body>{''.join(sections)}</body></html>")


class _SpreadsheetSafeWriter(csv.DictWriter):
    """A ``DictWriter`` whose text cells a spreadsheet shows as written (:func:`~engine.markup.spreadsheet_cell`):
    the test set's name and the models' are the user's text."""

    def writerow(self, rowdict: Mapping[str, object]) -> Any:
        return super().writerow({k: spreadsheet_cell(v) for k, v in rowdict.items()})


CSV_COLUMNS = ("section", "system", "system_b", "metric", "level", "value", "low", "high", "delta", "delta_low",
               "delta_high", "p", "p_holm", "better", "n", "detail")


def report_csv(comparison: Comparison, *, win_rates: Sequence[WinRate] = ()) -> str:
    """The comparison in long form (one row per setting, score, pairwise test and A/B pair)."""
    out = io.StringIO()
    writer = _SpreadsheetSafeWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for key, value in settings_rows(comparison):
        writer.writerow({"section": "setting", "metric": key, "detail": value})
    for r in comparison.summary:
        writer.writerow({"section": "score", "system": r["system"], "metric": r["metric"], "level": r["level"],
                         "value": r["value"], "low": r["low"], "high": r["high"], "n": r["n"]})
    for r in comparison.pairs:
        writer.writerow({"section": "pair", "system": r["system_a"], "system_b": r["system_b"], "metric": r["metric"],
                         "level": r["level"], "value": r["mean_a"], "delta": r["delta"], "delta_low": r["low"],
                         "delta_high": r["high"], "p": r["p"], "p_holm": r["p_holm"], "better": r["better"],
                         "n": r["n"], "detail": f"B mean {r['mean_b']}"})
    labels = {s.key: s.label for s in comparison.systems}
    for w in win_rates:
        lo, hi = w.win_rate_interval()
        writer.writerow({"section": "ab", "system": labels.get(w.system_a, w.system_a),
                         "system_b": labels.get(w.system_b, w.system_b), "metric": "win_rate_a",
                         "value": w.win_rate_a, "low": lo, "high": hi, "p": w.p_value, "n": w.n,
                         "detail": f"A better {w.wins_a}, B better {w.wins_b}, ties {w.ties}"})
    return out.getvalue()
