"""Store a linguist's error spans on one candidate of a translation request (checked against its text)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from engine.mqm.spans import ErrorSpan, SpanError, check_spans, words


@dataclass(frozen=True)
class SavedAnnotation:
    """The stored annotation's id and whether this call stored it (False: a repeat of the same submission)."""

    annotation_id: int
    created: bool


def save_annotation(
    store,
    *,
    submission_id: str,
    request_id: str,
    position: int,
    linguist: str,
    spans: Sequence[ErrorSpan | dict],
    queue_id: int | None = None,
    item_id: int | None = None,
) -> SavedAnnotation:
    """Check ``spans`` against candidate ``position`` of the request and store them (no spans: no error).

    Raises :class:`SpanError` for an unknown request or candidate, or a bad span (which one, and why)."""
    if not linguist.strip():
        raise SpanError("an annotation needs the linguist's name")
    request = store.feedback.request(request_id)
    if request is None:
        raise SpanError(f"no translation request {request_id!r}")
    by_position = {c["position"]: c for c in request["candidates"]}
    if position not in by_position:
        raise SpanError(f"the request has no candidate #{position + 1}")
    text = by_position[position]["text"]
    checked = check_spans(text, spans)
    annotation_id, created = store.annotations.add(
        submission_id=submission_id,
        request_id=request_id,
        position=position,
        target=text,
        words=len(words(text)),
        linguist=linguist.strip(),
        model=request["model"],
        spans=[s.as_dict() for s in checked],
        queue_id=queue_id,
        item_id=item_id,
    )
    return SavedAnnotation(annotation_id, created)
