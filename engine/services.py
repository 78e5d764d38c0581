"""The services one studio process holds: its workspace, the store and the job supervisor."""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import asdict, dataclass, field

from engine.corpora import PreparedCorpus, PrepareOptions, prepare_corpus, safe_display_name
from engine.jobs.supervisor import Supervisor
from engine.pipelines.runner import PipelineRunner
from engine.store import Store, StoreError
from engine.store.relocation import relocate
from engine.workspace import Workspace


@dataclass
class Services:
    """Workspace, store and supervisor of one studio process."""

    workspace: Workspace
    store: Store
    supervisor: Supervisor
    pipelines: PipelineRunner = field(init=False)
    _watcher: threading.Thread | None = field(default=None, init=False, repr=False)
    _stop: threading.Event = field(default_factory=threading.Event, init=False, repr=False)

    def __post_init__(self) -> None:
        self.pipelines = PipelineRunner(self.store, self.supervisor)

    @classmethod
    def open(cls, workspace: Workspace | None = None) -> Services:
        """Open (and migrate) the workspace's store, and reattach to jobs still running."""
        workspace = (workspace or Workspace.from_env()).ensure()
        store = Store(workspace.db_path)
        relocate(store, workspace.root)  # a workspace moved to another folder: its paths follow it
        supervisor = Supervisor(
            store, workspace,
            stale_after_s=float(os.environ.get("TARJAMA_STALE_AFTER_S", "60")),
            heartbeat_s=float(os.environ.get("TARJAMA_HEARTBEAT_S", "5")),
        )
        supervisor.reattach()
        supervisor.prewarm()  # the fork server imports while the user finds the first form
        return cls(workspace, store, supervisor)

    def tick(self) -> None:
        """Ingest what the jobs wrote, notice ended runs, and advance the pipelines."""
        self.supervisor.poll()
        self.pipelines.advance()

    @property
    def watching(self) -> bool:
        """Whether the watcher thread is keeping the store current."""
        return self._watcher is not None and self._watcher.is_alive()

    def refresh(self) -> None:
        """Bring the store up to date before a page reads it: nothing to do while the watcher runs (it ticks every
        couple of seconds), else one :meth:`tick` here."""
        if not self.watching:
            self.tick()

    def watch(self, interval_s: float = 2.0) -> None:
        """Call :meth:`tick` every ``interval_s`` in a daemon thread, so runs are ingested and pipelines advance
        whether or not a page is open (idempotent; :meth:`close` stops it)."""
        if self.watching:
            return

        def loop() -> None:
            while not self._stop.wait(interval_s):
                try:
                    self.tick()
                except StoreError as exc:  # full disk, read-only, ...: the pages show it too; no traceback per tick
                    logging.getLogger(__name__).warning("studio watcher: %s", exc)
                except Exception:  # noqa: BLE001 — the watcher must outlive one bad tick; the next one retries
                    if self._stop.is_set():
                        return
                    logging.getLogger(__name__).exception("studio watcher: tick failed")

        self._watcher = threading.Thread(target=loop, name="tarjama-watcher", daemon=True)
        self._watcher.start()

    def close(self) -> None:
        """Stop the watcher and release the database."""
        self._stop.set()
        if self._watcher is not None:
            self._watcher.join(timeout=10)
        self.store.close()

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
