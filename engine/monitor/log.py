"""Record served translations in the translation log, and sample some into the review queue.

Every translation the studio serves passes through :func:`log_served`: the Translate page (its best-ranked
candidate, :func:`served_from_translation`), a finished batch translation job (its output file, ingested by the
studio through the ``translation_log`` artifact, :func:`ingest_batch_output` — the job itself never opens the
database), and the HTTP endpoint (:mod:`engine.monitor.serving`). Each entry gets the output checks
(:func:`engine.metrics.checks.run_checks`: empty, not Arabic, a copy, repetitive, odd length — ``degenerate`` when
any fails), a COMET-QE score when a QE model is configured, and the reward the reward model gave it.

**Review sampling.** An entry is sampled when a fixed hash of its log number falls below the settings'
``review_rate`` (:func:`sampled`) — reproducible, and over many entries the share sampled is the rate. A sampled
entry becomes an item of its model's review queue (``Translation log · <model>``) whose candidates are what was
served (the output first, then the alternatives the reward model ranked lower), so linguists judge exactly what the
users got; an entry of the Translate page reuses its stored request.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from engine.metrics.checks import run_checks
from engine.monitor.settings import MonitorSettings, load_settings

LOG = logging.getLogger(__name__)


@dataclass
class Served:
    """One translation served to a user: what the log records about it.

    ``alternatives`` are the other candidates (text, reward) in the reward model's order, shown to a reviewer after
    the output when the entry is sampled; ``request_id`` names stored candidates when there are some already."""

    origin: str
    model: str
    pair: str
    source: str
    output: str
    rm: str | None = None
    reward: float | None = None
    request_id: str | None = None
    run_id: str | None = None
    line: int | None = None
    alternatives: list[tuple[str, float | None]] = field(default_factory=list)


def sampled(log_id: int, rate: float) -> bool:
    """Whether log entry ``log_id`` goes to review at ``rate`` (a fixed hash of the number, uniform in [0, 1))."""
    if rate <= 0:
        return False
    if rate >= 1:
        return True
    digest = hashlib.blake2b(f"tarjama-log-review:{int(log_id)}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64 < rate


def qe_scores(sources: list[str], outputs: list[str], qe_model: str) -> list[float] | None:
    """COMET-QE scores of the outputs with ``qe_model`` (None when no model is set or it cannot run here).

    A QE model that fails while scoring is logged and the entries keep no QE score: the translation was served
    either way, and its log entry must not be lost to a broken QE model."""
    if not qe_model.strip() or not outputs:
        return None
    from engine.metrics import MetricSettings, get_metric

    metric = get_metric("comet_qe", MetricSettings(comet_qe_model=qe_model))
    available = metric.availability()
    if not available.ok:
        LOG.warning("translation log: no QE score (%s)", available.reason)
        return None
    try:
        return [float(s) for s in metric.score(sources, outputs)]
    except Exception:  # noqa: BLE001 — see the docstring; the traceback goes to the studio's log
        LOG.exception("translation log: the QE model %s failed; entries logged without a QE score", qe_model)
        return None


def _entry(served: Served, check: Any, qe: float | None, qe_model: str | None) -> dict[str, Any]:
    return {
        "origin": served.origin,
        "model": served.model,
        "rm": served.rm,
        "pair": served.pair,
        "source": served.source,
        "output": served.output,
        "reward": served.reward,
        "qe": qe,
        "qe_model": qe_model if qe is not None else None,
        "degenerate": not check.passes,
        "flags": check.flags,
        "request_id": served.request_id,
        "run_id": served.run_id,
        "line": served.line,
    }


def _review_request(store, cur, served: Served) -> str:
    """The request a reviewer judges: the stored one, else one made now from the output and its alternatives."""
    if served.request_id:
        return served.request_id
    request_id = uuid.uuid4().hex
    candidates = [{"text": served.output, "rm_score": served.reward, "strategy": "served"}]
    candidates += [
        {"text": t, "rm_score": s, "strategy": "alternative"} for t, s in served.alternatives if t != served.output
    ]
    store.feedback.add_request(
        {
            "id": request_id,
            "source": served.source,
            "pair": served.pair,
            "model": served.model,
            "rm": served.rm,
            "settings": {"origin": served.origin},
        },
        candidates,
        cur,
    )
    return request_id


def log_served(
    store,
    served: list[Served],
    *,
    settings: MonitorSettings | None = None,
    cur: Any = None,
    qe: list[float | None] | None = None,
    qe_model: str | None = None,
) -> list[int]:
    """Log served translations (checks, QE when configured) and sample them for review; returns their log ids.

    Inside ``cur``'s transaction when given (the ingestion of a batch run), else in one transaction of its own.
    ``qe`` gives scores already computed by ``qe_model`` (else they are computed here when the settings name a QE
    model). Batch
    entries already logged (same run and line) are skipped and get no id.
    """
    if not served:
        return []
    settings = settings or load_settings(store)
    checks = run_checks([s.source for s in served], [s.output for s in served])
    if qe is None:
        qe_model = settings.qe_model
        qe = qe_scores([s.source for s in served], [s.output for s in served], qe_model) or [None] * len(served)
    if cur is None:
        with store.db.transaction() as tx:
            return _log(store, tx, served, checks, qe, qe_model, settings)
    return _log(store, cur, served, checks, qe, qe_model, settings)


def _log(store, cur, served, checks, qe, qe_model: str | None, settings: MonitorSettings) -> list[int]:
    # one add for the whole batch: entry by entry, each read the run's logged lines again (8,000 rows: 36 s)
    added = store.translation_log.add(
        [_entry(item, check, score, qe_model or None) for item, check, score in zip(served, checks, qe, strict=True)],
        cur)
    ids = []
    for item, log_id in zip(served, added, strict=True):
        if log_id is None:
            continue
        ids.append(log_id)
        if sampled(log_id, settings.review_rate):
            store.translation_log.add_review(
                cur,
                log_id=log_id,
                model=item.model,
                rm=item.rm,
                k=settings.review_k,
                pair=item.pair,
                source=item.source,
                request_id=_review_request(store, cur, item),
            )
    return ids


def served_from_translation(translation: Any, request_id: str, origin: str = "translate") -> Served:
    """The served part of an interactive :class:`~engine.feedback.interactive.Translation`: its best-ranked
    candidate (the first), with the request that holds all of them."""
    if not translation.candidates:
        raise ValueError("the translation has no candidate to log")
    best = translation.candidates[0]
    return Served(
        origin=origin,
        model=translation.model,
        pair=translation.pair,
        source=translation.source,
        output=best.text,
        rm=translation.rm,
        reward=best.rm_score,
        request_id=request_id,
        alternatives=[(c.text, c.rm_score) for c in translation.candidates[1:]],
    )


def batch_served(rows: list[dict], run_id: str) -> list[Served]:
    """The rows of a batch translation run's ``translations.jsonl`` as served translations: a row picked without a
    reward model (``pick`` ``mbr``) has no reward — its score is the samples' consensus chrF, not one."""
    served = []
    for r in rows:
        rewarded = r.get("pick", "reward") == "reward"
        served.append(Served(
            origin="batch",
            model=r["model"],
            pair=r["pair"],
            source=r["source"],
            output=r["translation"],
            rm=r.get("rm"),
            reward=r.get("score") if rewarded else None,
            run_id=run_id,
            line=int(r["line"]),
            alternatives=[(a["text"], a.get("score") if rewarded else None) for a in r.get("alternatives") or []],
        ))
    return served


def ingest_batch_output(store, cur: Any, run_id: str, event: dict) -> None:
    """Artifact handler (kind ``translation_log``): log a finished batch run's translations in the ingest's
    transaction. QE scores come with the rows when the job computed them (``qe``), never here."""
    import json

    path = Path(event["path"])
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]  # not at U+2028
    qe = [r.get("qe") for r in rows]
    log_served(store, batch_served(rows, run_id), cur=cur, qe=qe, qe_model=event.get("qe_model"))
