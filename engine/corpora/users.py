"""Deleting a corpus that work still to come reads is refused with the users named (:mod:`engine.pipelines.pending`).

A queued or running generate job also reads the corpus when the studio ingests its candidates (their references),
so active runs count too.
"""

from __future__ import annotations

from typing import Any


class CorpusInUse(ValueError):
    """A corpus that cannot be deleted now; the message names what reads it."""


def corpus_users(store: Any, corpus_id: int) -> list[str]:
    """What reads corpus ``corpus_id`` from now on, in words (empty when it can be deleted)."""
    from engine.pipelines.pending import pending_users

    return pending_users(store, "corpus_ids", int(corpus_id))


def delete_corpus(store: Any, corpus_id: int) -> None:
    """Delete a corpus and its segments, or raise :class:`CorpusInUse` naming what still reads it."""
    users = corpus_users(store, corpus_id)
    if users:
        raise CorpusInUse(f"it is still read by {'; '.join(users)}: wait for them to finish or cancel them first")
    store.corpora.delete(corpus_id)
