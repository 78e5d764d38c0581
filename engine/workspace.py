"""Where the studio keeps its state: one folder, ``$TARJAMA_HOME`` (default ``./workspace``)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from engine.paths import user_path

HOME_ENV = "TARJAMA_HOME"


@dataclass(frozen=True)
class Workspace:
    """Paths of one studio workspace.

    ``studio.duckdb`` is the store, ``runs/`` holds one folder per job run, ``models/`` the model
    folders the studio trains or imports, ``uploads/`` nothing but files a user chose to keep.
    """

    root: Path

    @classmethod
    def from_env(cls) -> Workspace:
        """The workspace named by ``$TARJAMA_HOME``, or ``./workspace`` under the current directory."""
        return cls(user_path(os.environ.get(HOME_ENV, "workspace")).resolve())

    @property
    def db_path(self) -> Path:
        return self.root / "studio.duckdb"

    @property
    def runs_dir(self) -> Path:
        return self.root / "runs"

    @property
    def models_dir(self) -> Path:
        return self.root / "models"

    def run_dir(self, run_id: str) -> Path:
        """The folder of one run; ``run_id`` must be a plain name made by the engine."""
        if not run_id or "/" in run_id or "\\" in run_id or run_id.startswith("."):
            raise ValueError(f"not a run id: {run_id!r}")
        return self.runs_dir / run_id

    def model_dir(self, name: str) -> Path:
        """A folder for a model the studio writes; ``name`` must be a plain name."""
        if not name or "/" in name or "\\" in name or name.startswith("."):
            raise ValueError(f"not a model folder name: {name!r}")
        return self.models_dir / name

    def ensure(self) -> Workspace:
        """Create the folders if missing and return self."""
        for path in (self.root, self.runs_dir, self.models_dir):
            path.mkdir(parents=True, exist_ok=True)
        return self
