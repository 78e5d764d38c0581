"""Review queues: a lead hands a corpus split to linguists, each source to be judged by ``k`` of them.

The candidates of an item are sampled when its first linguist opens it and attached to the item, so every
later linguist judges the *same* candidates — which is what makes their rankings comparable (agreement). Two
linguists opening a fresh item at once both sample; the first to attach wins and the other sees those.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from engine.characters import MAX_SOURCE_CHARS
from engine.feedback.agreement import AgreementReport, agreement, rating_from_judgement
from engine.feedback.interactive import DEFAULT_STRATEGIES, Translation, check_strategies, record
from engine.feedback.judgements import clean_linguist_name
from engine.store.translation_log import LOG_QUEUE_PREFIX

MAX_K = 10
SPLITS = ("train", "valid", "test", "all")


@dataclass(frozen=True)
class QueueItem:
    """An item handed to a linguist: which queue and item, its source, and the request holding its candidates."""

    queue_id: int
    item_id: int
    source: str
    pair: str
    request_id: str


def create_queue(store, *, name: str, corpus_ids: list[int], split: str, k: int, model: str, rm: str | None,
                 created_by: str, linguists: list[str] | None = None, sample_size: int = 0, seed: int = 0,
                 strategies: list[str] | None = None, max_new_tokens: int = 64, extra_rms: list[str] | None = None,
                 ensemble: str = "mean", ensemble_k: float = 1.0, ordering: str = "random") -> int:
    """Check the settings and create a queue over the split's sources (or a seeded sample); returns its id.

    ``extra_rms`` rank with ``rm`` as an ensemble (``ensemble``, ``ensemble_k``). ``ordering`` other than
    ``random`` is recorded in the settings; the priorities come from a ``queue_order`` run (see
    :func:`order_request`)."""
    from engine.feedback.uncertainty import check_ordering
    from engine.models.refs import resolve_model
    from engine.reward.ensemble import check_combination, member_names, resolve_members

    name = " ".join(str(name).split())
    if not name:
        raise ValueError("give the queue a name")
    if store.feedback.queue_named(name) is not None:
        raise ValueError(f"a queue named {name!r} already exists")
    if name.casefold().startswith(LOG_QUEUE_PREFIX.casefold()):  # the log's samples joined such a queue
        raise ValueError(f"names that start with {LOG_QUEUE_PREFIX.strip()!r} are the translation log's review queues: "
                         "choose another")
    if not corpus_ids:
        raise ValueError("choose at least one corpus")
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}")
    if not 1 <= int(k) <= MAX_K:
        raise ValueError(f"k (judgements per source) must be between 1 and {MAX_K}")
    if int(sample_size) < 0:
        raise ValueError("the sample size cannot be negative")
    ref = resolve_model(store, model)
    if ref.kind != "policy":
        raise ValueError(f"{model} is a {ref.kind} model; choose a policy model")
    rms = member_names(rm, extra_rms or [])
    if extra_rms and not rm:
        raise ValueError("choose the queue's first reward model before adding more")
    resolve_members(store, rms)
    check_combination(ensemble, ensemble_k)
    check_ordering(ordering, len(rms))
    strategies = [s.name for s in check_strategies(strategies or list(DEFAULT_STRATEGIES))]
    names = [clean_linguist_name(n) for n in (linguists or [])]
    return store.feedback.create_queue(
        name=name, corpus_ids=corpus_ids, split=split, k=int(k), model=model, rm=rm or None, strategies=strategies,
        settings={"max_new_tokens": int(max_new_tokens), "seed": int(seed), "extra_rms": rms[1:],
                  "ensemble": ensemble, "ensemble_k": float(ensemble_k), "ordering": ordering}, linguists=names,
        created_by=clean_linguist_name(created_by), sample_size=int(sample_size), seed=int(seed),
        # a longer source is refused by the translation each item needs: the item was claimed, refused and claimed
        # again for ever, and its linguist never got past it
        max_source_chars=MAX_SOURCE_CHARS)


def order_request(store, queue_id: int) -> Any | None:
    """The ``queue_order`` job config that measures a queue ordered by uncertainty (``None`` for ``random``)."""
    from engine.jobs.queue_order import QueueOrderConfig

    queue = store.feedback.queue(queue_id)
    ordering = (queue["settings"] or {}).get("ordering", "random") if queue else "random"
    return None if ordering == "random" else QueueOrderConfig(queue_id=int(queue_id), measure=ordering)


def may_review(queue: dict, linguist: str) -> bool:
    """Whether ``linguist`` is among the queue's assigned linguists (an empty list admits anyone)."""
    return not queue["linguists"] or linguist in queue["linguists"]


Translator = Callable[[dict, dict], Translation]
"""``translator(queue, item)`` samples and ranks the candidates of an item (the page passes the cached engine)."""


def default_translator(store) -> Translator:
    """Translate an item with the queue's model, reward model and sampling settings."""
    from engine.feedback.interactive import translate_with_registry

    def translate(queue: dict, item: dict) -> Translation:
        settings = queue["settings"]
        return translate_with_registry(store, source=item["source"], pair=item["pair"], model=queue["model"],
                                       rm=queue["rm"], strategies=queue["strategies"],
                                       max_new_tokens=int(settings.get("max_new_tokens", 64)),
                                       seed=int(settings.get("seed", 0)) + int(item["item_id"]),
                                       extra_rms=settings.get("extra_rms") or [],
                                       ensemble=settings.get("ensemble", "mean"),
                                       ensemble_k=float(settings.get("ensemble_k", 1.0)))

    return translate


def next_item(store, queue_id: int, linguist: str, translator: Translator | None = None) -> QueueItem | None:
    """The next item for ``linguist`` (an unfinished one first), its candidates sampled if it has none yet."""
    queue = store.feedback.queue(queue_id)
    if queue is None:
        raise LookupError(f"no review queue {queue_id}")
    if not may_review(queue, linguist):
        raise PermissionError(f"{linguist} is not assigned to the queue {queue['name']!r}")
    item = store.feedback.claim_next(queue_id, linguist, queue["k"])
    if item is None:
        return None
    request_id = item["request_id"]
    if request_id is None:
        translation = (translator or default_translator(store))(queue, item)
        mine = record(store, translation, linguist=linguist, queue_id=queue_id, item_id=item["item_id"])
        request_id = store.feedback.set_item_request(queue_id, item["item_id"], mine)
    return QueueItem(queue_id, item["item_id"], item["source"], item["pair"], request_id)


def queue_agreement(store, queue_id: int | None = None) -> AgreementReport:
    """Agreement statistics over the judgements of one queue (or of every queue)."""
    if queue_id is None:
        rows = [r for r in store.feedback.judgements() if r["queue_id"] is not None]
    else:
        rows = store.feedback.judgements(queue_id=queue_id)
    return agreement(rating_from_judgement(r) for r in rows)


def shared_agreement(store) -> AgreementReport:
    """Agreement over every set of candidates (translation request) that two or more linguists judged — review
    queues and imported annotations alike (a review-queue item is one request)."""
    return agreement(rating_from_judgement(r, item=r["request_id"]) for r in store.feedback.judgements())
