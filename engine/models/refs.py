"""Model versions as jobs see them: a registered name resolved to where it lives and how to prompt it.

The studio resolves a model in ``prepare`` (it owns the store) and writes a :class:`ModelRef` into the
run's ``inputs/``; the job reads it back there, so jobs never open DuckDB.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from engine.models.prompting import prompt_format_of


class UnknownModelError(LookupError):
    """No model of that name is registered."""


@dataclass(frozen=True)
class ModelRef:
    """A model a job will load: its registry name, folder or hub id, prompt format and trust setting."""

    name: str
    path: str
    kind: str
    prompt_format: str
    trust_remote_code: bool = False

    def save(self, file: Path) -> None:
        """Write this reference as JSON (into a run's ``inputs/``)."""
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2), encoding="utf-8")

    @classmethod
    def load(cls, file: Path) -> ModelRef:
        """Read a reference written by :meth:`save`."""
        return cls(**json.loads(Path(file).read_text(encoding="utf-8")))

    def config(self, *, local_only: bool = False) -> Any | None:
        """The model's transformers config, or ``None`` when it cannot be read (``local_only``: without asking the
        hub) — the checks that read it before a model loads leave the reason to the model's own load."""
        from transformers import AutoConfig

        try:
            return AutoConfig.from_pretrained(self.path, trust_remote_code=self.trust_remote_code,
                                              local_files_only=local_only)
        except (OSError, ValueError):
            return None


def resolve_model(store, name: str) -> ModelRef:
    """The registered model ``name`` as a :class:`ModelRef` (its card's prompt format wins over metadata)."""
    row = store.models.get(name)
    if row is None:
        known = ", ".join(m["name"] for m in store.models.list()) or "none yet"
        raise UnknownModelError(f"no registered model named {name!r} (registered: {known})")
    meta = row["metadata"]
    fmt = meta.get("prompt_format") or prompt_format_of(row["path"])
    return ModelRef(name=row["name"], path=row["path"], kind=row["kind"], prompt_format=fmt,
                    trust_remote_code=bool(meta.get("trust_remote_code", False)))


def newest_model(store, kind: str, stage: str | None = None, hint: str = "") -> str:
    """The name of the newest registered model of ``kind`` (at ``stage`` of the loop: a model promoted to production
    from it counts); a ValueError saying what is missing (and ``hint``, what to do about it) when there is none."""
    rows = store.models.at_loop_stage(stage, kind) if stage else store.models.in_use(kind=kind)
    if not rows:
        if not stage and store.models.list(kind=kind):  # "no reward model is registered" with one registered
            raise ValueError(f"no {kind} model is in use: every one registered is archived (restore one on "
                             f"Models){': ' + hint if hint else ''}")
        raise ValueError(f"no {stage or kind} model is registered{': ' + hint if hint else ''}")
    return rows[0]["name"]


def default_policy(store) -> str | None:
    """The policy a page that translates should preselect: production, else the newest SFT model, else the newest
    policy."""
    for stage in ("production", "sft"):
        rows = store.models.list(kind="policy", stage=stage)
        if rows:
            return rows[0]["name"]
    rows = store.models.in_use(kind="policy")
    return rows[0]["name"] if rows else None


def cold_start_base(store) -> str | None:
    """The policy the cold start's forms (generate, the reward model's base, PPO/GRPO/DPO) preselect: the loop's SFT
    model, promoted or not, else the newest archived one — after a promotion they preselected production, and a PPO
    run from a promoted final model registered a "cold-start" model whose parent was the final model; a later
    model is never the default (the pickers keep a value they are given). ``None`` when the loop has no SFT model."""
    row = store.models.sft_model()
    if row is None:
        archived = [r for r in store.models.list(kind="policy", stage="archived")
                    if store.models.loop_stage(r) == "sft"]
        row = archived[0] if archived else None
    return row["name"] if row else None
