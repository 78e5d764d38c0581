"""The services one studio process holds: its workspace, the store and the job supervisor."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass

from engine.corpora import PreparedCorpus, PrepareOptions, prepare_corpus, safe_display_name
from engine.jobs.supervisor import Supervisor
from engine.store import Store
from engine.workspace import Workspace


@dataclass
class Studio:
    """Workspace, store and supervisor of one studio process."""

    workspace: Workspace
    store: Store
    supervisor: Supervisor

    @classmethod
    def open(cls, workspace: Workspace | None = None) -> Studio:
        """Open (and migrate) the workspace's store, and reattach to jobs still running."""
        workspace = (workspace or Workspace.from_env()).ensure()
        store = Store(workspace.db_path)
        supervisor = Supervisor(
            store, workspace,
            stale_after_s=float(os.environ.get("TARJAMA_STALE_AFTER_S", "60")),
            heartbeat_s=float(os.environ.get("TARJAMA_HEARTBEAT_S", "5")),
        )
        supervisor.reattach()
        return cls(workspace, store, supervisor)

    def add_corpus(self, name: str, data: bytes, options: PrepareOptions,
                   filename: str = "") -> tuple[int, PreparedCorpus]:
        """Check, de-duplicate and split an upload, then store it whole (all accepted rows or nothing).

        Raises :class:`engine.corpora.CorpusRejected` (nothing stored) when the file is rejected.
        """
        prepared = prepare_corpus(data, options)
        display = safe_display_name(filename) if filename else ""
        corpus_id = self.store.corpora.add(
            name, options.pair, prepared.table, source_file=display, options=_options_dict(options),
            report=prepared.report(),
        )
        return corpus_id, prepared


def _options_dict(options: PrepareOptions) -> dict:
    return asdict(options)
