"""Deleting a glossary that work still to come names is refused with the users named
(:mod:`engine.pipelines.pending`). A job copies its glossaries into its run folder when it is created, so only
running pipelines' pending steps and the retraining schedule count."""

from __future__ import annotations

from typing import Any


class GlossaryInUse(ValueError):
    """A glossary that cannot be deleted now; the message names what uses it."""


def delete_glossary(store: Any, name: str) -> None:
    """Delete a glossary and its entries, or raise :class:`GlossaryInUse` naming what still uses it."""
    from engine.pipelines.pending import pending_users

    users = pending_users(store, "glossaries", name, active_runs=False)
    if users:
        raise GlossaryInUse(f"{name} is still used by {'; '.join(users)}: wait for them to finish or change them "
                            "first")
    store.glossaries.delete(name)
