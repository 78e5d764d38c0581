"""Translate texts for other tools with a registered model (production by default) and log what was served.

What the HTTP endpoint (:mod:`engine.monitor.server`) calls. It runs in the process that owns the store (the studio,
or ``python -m engine serve`` when the studio is not running), so the log is written directly — no job, no second
process on the database. Each text is sampled and ranked like a Translate-page request
(:func:`engine.feedback.interactive.translate_and_rank`: the model loaded once per process, 8 candidates in one
``generate()`` call, ranked by the reward model); the best candidate is served. Without a reward model the greedy
candidate is served and no reward is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from engine.feedback.interactive import check_source
from engine.monitor.log import Served, log_served
from engine.monitor.settings import MonitorSettings, load_settings

PAIRS = ("en-ar", "fr-ar")
MAX_TEXTS = 32
"""Most texts in one request."""


class RequestError(ValueError):
    """A request the endpoint refuses; the message says why (sent as the 400 answer's ``error``)."""


class NoModelError(LookupError):
    """No model can serve as the studio is set up: none named and none at the production stage, or the Monitor
    settings' reward model is no longer registered (the endpoint answers 503: not the client's fault)."""


@dataclass(frozen=True)
class ServedText:
    """One translated text as the endpoint answers it."""

    source: str
    translation: str
    reward: float | None
    qe: float | None
    degenerate: bool
    flags: list[str]
    log_id: int | None
    cut: bool = False
    """It stopped at the token limit before its end: it may be cut short (as the Translate page and batch files
    say)."""

    def to_json(self) -> dict[str, Any]:
        """The answer's JSON object for this text."""
        return {
            "source": self.source,
            "translation": self.translation,
            "reward": self.reward,
            "qe": self.qe,
            "degenerate": self.degenerate,
            "flags": self.flags,
            "cut": self.cut,
            "log_id": self.log_id,
        }


def check_texts(texts: Any) -> list[str]:
    """The texts of a request, checked: 1 to :data:`MAX_TEXTS` non-empty strings of at most
    :data:`~engine.feedback.interactive.MAX_SOURCE_CHARS` characters with no control characters, none in Arabic
    script."""
    if not isinstance(texts, list) or not texts:
        raise RequestError('"texts" must be a non-empty list of strings')
    if len(texts) > MAX_TEXTS:
        raise RequestError(f"at most {MAX_TEXTS} texts per request ({len(texts)} sent)")
    clean = []
    for i, text in enumerate(texts):
        where = f"text {i + 1}" if len(texts) > 1 else "the text"
        if not isinstance(text, str):
            raise RequestError(f"{where} is not a string")
        try:  # as the Translate page checks a source, one line per text
            text = check_source(text, where, lines=False)
        except ValueError as exc:
            raise RequestError(str(exc)) from None
        clean.append(text)
    return clean


def serving_model(store, model: str | None) -> str:
    """The model that serves: ``model`` when given (a registered policy), else the production model."""
    from engine.models.refs import UnknownModelError, resolve_model

    if model:
        try:
            ref = resolve_model(store, model)
        except UnknownModelError as exc:
            raise RequestError(str(exc)) from None
        if ref.kind != "policy":
            raise RequestError(f"{model} is a {ref.kind} model, not a translation (policy) model")
        return ref.name
    rows = store.models.list(kind="policy", stage="production")
    if not rows:
        raise NoModelError(
            'no production model: promote one on the Models page, or name a model in the request ("model")'
        )
    return rows[0]["name"]


def serving_reward_model(store, settings: MonitorSettings, policy: str | None = None) -> str | None:
    """The reward model that ranks the endpoint's candidates of ``policy``: the Monitor settings' one; else the one
    the policy, or its nearest ancestor, was trained against (its ``reward_model``); else the newest not archived
    that was registered before the policy was last promoted, and where none was, the first registered after it —
    the one there was when a reward model was first needed. Never a reward model a retrain registered after:
    a scheduled retrain's fine-tuned reward model ranked production's translations at once, unpromoted, and a
    roll-back kept it (the newest was taken when none predated the promotion)."""
    if settings.reward_model:
        return settings.reward_model
    in_use = {row["name"]: row for row in store.models.in_use(kind="reward")}
    row, seen = (store.models.get(policy) if policy else None), set()
    while row is not None and row["name"] not in seen:
        seen.add(row["name"])
        if row["metadata"].get("reward_model") in in_use:
            return row["metadata"]["reward_model"]
        row = store.models.get(row["parent"]) if row.get("parent") else None
    since = _production_since(store, policy)
    before = [r for r in in_use.values() if since is None or r["created_at"] <= since]
    if before:
        return max(before, key=lambda r: r["created_at"])["name"]
    return min(in_use.values(), key=lambda r: r["created_at"])["name"] if in_use else None


def default_reward_model(store, policy: str | None) -> str | None:
    """The reward model a page preselects to rank ``policy``'s candidates: the one the endpoint serves it with
    (:func:`serving_reward_model`) — the pages took the newest, a retrain's unpromoted one, so linguists judged a
    ranking production does not serve."""
    return serving_reward_model(store, load_settings(store), policy)


def _production_since(store, policy: str | None) -> Any:
    """When ``policy`` was last promoted to production, or None (a roll-back to it restores what it had then)."""
    events = [e for e in store.promotion.history() if e["model"] == policy and e["action"] == "promote"]
    return events[-1]["time"] if events else None


def translate_texts(
    store,
    texts: list[str],
    pair: str,
    model: str | None = None,
    *,
    settings: MonitorSettings | None = None,
    max_new_tokens: int = 64,
) -> tuple[str, list[ServedText]]:
    """Translate checked ``texts`` in ``pair`` with ``model`` (production by default), log every one (origin
    ``endpoint``) and return the model's name and the served texts."""
    from engine.feedback.interactive import translate_with_registry

    if pair not in PAIRS:
        raise RequestError(f'"pair" must be one of {", ".join(PAIRS)}')
    settings = settings or load_settings(store)
    name = serving_model(store, model)
    rm = serving_reward_model(store, settings, name)
    if rm and settings.reward_model and store.models.get(rm) is None:
        raise NoModelError(f"the Monitor settings' reward model {rm!r} is not registered (deleted?): choose another "
                           "on the Monitor page")
    served, cut = [], []
    for text in texts:
        translation = translate_with_registry(
            store, source=text, pair=pair, model=name, rm=rm, max_new_tokens=max_new_tokens
        )
        best = translation.candidates[0]
        cut.append(best.cut)
        served.append(
            Served(
                origin="endpoint",
                model=name,
                pair=pair,
                source=translation.source,
                output=best.text,
                rm=translation.rm,
                reward=best.rm_score,
                alternatives=[(c.text, c.rm_score) for c in translation.candidates[1:]],
            )
        )
    ids = log_served(store, served, settings=settings)
    logged = {e["id"]: e for e in store.translation_log.entries(ids=ids)} if ids else {}
    answers = []
    for item, log_id, item_cut in zip(served, ids, cut, strict=True):
        entry = logged[log_id]
        answers.append(
            ServedText(
                source=item.source,
                translation=item.output,
                reward=item.reward,
                qe=entry["qe"],
                degenerate=bool(entry["degenerate"]),
                flags=entry["flags"],
                log_id=log_id,
                cut=item_cut,
            )
        )
    return name, answers
