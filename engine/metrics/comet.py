"""COMET with a reference (e.g. Unbabel/wmt22-comet-da) and reference-free COMET-QE / CometKiwi.

A model is named by a checkpoint file, a folder holding ``checkpoints/model.ckpt`` (the layout Unbabel
ships and :func:`engine.metrics.tiny_models.build_tiny_comet` writes), or a hub id, which is taken from
the local Hugging Face cache when the hub is offline and downloaded otherwise. Models are loaded with
``comet.load_from_checkpoint(path, local_files_only=True)`` once per path and process, and predict on one
GPU when there is one (else the CPU, ``gpus=0``) in batches without a progress bar.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import threading
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from engine.paths import user_path

from .base import Availability, Metric, MetricSettings, hub_offline

HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*/[\w.-]+$")
REFERENCE_CLASSES = frozenset({"regression_metric", "ranking_metric", "unified_metric", "xcomet_metric"})
"""COMET model classes that can score with a reference."""
REFERENCE_FREE_CLASSES = frozenset({"referenceless_regression_metric", "unified_metric", "xcomet_metric"})
"""COMET model classes that can score without one (COMET-QE, CometKiwi, xCOMET in QE mode)."""

_MODELS: dict[str, Any] = {}
_LOCK = threading.Lock()


@contextlib.contextmanager
def quiet_comet_import() -> Iterator[None]:
    """Silence comet's import noise and keep it from reconfiguring this process's logging.

    ``import comet`` calls ``logging.basicConfig(level=INFO)`` (a root handler for the whole process) and
    torchmetrics warns about pkg_resources; the root logger is restored afterwards and comet's and
    Lightning's own loggers are set to WARNING.
    """
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for handler in root.handlers[:]:
            if handler not in handlers:
                root.removeHandler(handler)
        root.setLevel(level)
        for name in ("comet", "pytorch_lightning", "lightning.pytorch", "lightning_fabric", "lightning"):
            logging.getLogger(name).setLevel(logging.WARNING)


@dataclass(frozen=True)
class ResolvedCheckpoint:
    """Where a COMET spec points: a checkpoint file, or a hub id to download; or why it cannot be used."""

    checkpoint: Path | None = None
    hub_id: str | None = None
    error: str = ""


def resolve_checkpoint(spec: str) -> ResolvedCheckpoint:
    """Find the checkpoint for ``spec`` (file, folder with checkpoints/model.ckpt, or hub id) without loading."""
    spec = (spec or "").strip()
    if not spec:
        return ResolvedCheckpoint(error="no COMET model set")
    path = user_path(spec)
    if path.is_file():
        return ResolvedCheckpoint(checkpoint=path.resolve())
    if path.is_dir():
        ckpt = path / "checkpoints" / "model.ckpt"
        if ckpt.is_file():
            return ResolvedCheckpoint(checkpoint=ckpt.resolve())
        return ResolvedCheckpoint(error=f"COMET checkpoint not found at {ckpt} (expected checkpoints/model.ckpt)")
    if not HUB_ID.match(spec) or spec.endswith(".ckpt"):
        return ResolvedCheckpoint(error=f"COMET checkpoint not found at {path}")
    try:  # a hub id: use the local cache when there is one
        from huggingface_hub import snapshot_download

        snapshot = Path(snapshot_download(repo_id=spec, local_files_only=True))
        ckpt = snapshot / "checkpoints" / "model.ckpt"
        if ckpt.is_file():
            return ResolvedCheckpoint(checkpoint=ckpt)
    except Exception:  # any failure means "not cached"
        pass
    if hub_offline():
        return ResolvedCheckpoint(error=f"COMET model {spec} is not in the local cache and the hub is offline "
                                        "(HF_HUB_OFFLINE=1): set a checkpoint folder")
    return ResolvedCheckpoint(hub_id=spec)


def read_hparams(checkpoint: Path) -> dict:
    """The ``hparams.yaml`` that COMET reads beside ``checkpoints/`` (``{}`` when absent); raises ``ValueError``
    saying why when it is there but cannot be read as a mapping."""
    hparams_file = checkpoint.parents[1] / "hparams.yaml"
    if not hparams_file.is_file():
        return {}
    try:
        hparams = yaml.safe_load(hparams_file.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ValueError(f"{hparams_file} cannot be read: {detail}") from None
    if not isinstance(hparams, dict):
        raise ValueError(f"{hparams_file} is not a mapping of COMET's settings")
    return hparams


def _encoder_error(pretrained_model: str) -> str:
    """Why the encoder named in hparams.yaml cannot be loaded offline ("" when it can)."""
    if not pretrained_model:
        return ""
    path = user_path(pretrained_model)
    if path.is_absolute() or pretrained_model.startswith("."):
        return "" if (path / "config.json").is_file() else f"COMET encoder folder not found at {path}"
    if path.is_dir() or not hub_offline():
        return ""
    from huggingface_hub import try_to_load_from_cache

    if isinstance(try_to_load_from_cache(pretrained_model, "config.json"), str):
        return ""
    return f"COMET encoder {pretrained_model} is not in the local cache and the hub is offline"


def comet_availability(spec: str, reference_free: bool) -> Availability:
    """Whether ``spec`` names a usable COMET model of the right kind (with or without reference)."""
    kind = "COMET-QE" if reference_free else "COMET"
    field_name = "comet_qe_model" if reference_free else "comet_model"
    if not (spec or "").strip():
        # the form's label first (the key alone was shown on the page, where the field reads "COMET model")
        return Availability(False, f"{kind} needs a model: set “{kind} model” ({field_name}) to a checkpoint folder "
                                   "or hub id")
    resolved = resolve_checkpoint(spec)
    if resolved.error:
        return Availability(False, resolved.error)
    if resolved.hub_id:
        return Availability(True, f"{resolved.hub_id} will be downloaded on first use")
    try:
        hparams = read_hparams(resolved.checkpoint)
    except ValueError as exc:
        return Availability(False, str(exc))
    if not hparams:
        return Availability(False, f"hparams.yaml missing beside {resolved.checkpoint.parent}")
    cls = hparams.get("class_identifier", "")
    allowed = REFERENCE_FREE_CLASSES if reference_free else REFERENCE_CLASSES
    if cls not in allowed:
        need = "reference-free (QE)" if reference_free else "reference-based"
        return Availability(False, f"{spec} is a {cls or 'unknown'} model, not a {need} COMET model")
    encoder_error = _encoder_error(str(hparams.get("pretrained_model", "")))
    if encoder_error:
        return Availability(False, encoder_error)
    return Availability(True, f"ready ({resolved.checkpoint})")


@contextlib.contextmanager
def _weights_only_loads() -> Iterator[None]:
    """``torch.load`` with ``weights_only=True`` inside, whatever the environment says: COMET loads its checkpoint
    through Lightning, which leaves the choice to torch's default — and ``TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD=1`` turns
    that default off, letting a pickled ``model.ckpt`` run code. (Called under ``_LOCK``.)"""
    saved = {name: os.environ.pop(name, None) for name in ("TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD",
                                                          "TORCH_FORCE_WEIGHTS_ONLY_LOAD")}
    os.environ["TORCH_FORCE_WEIGHTS_ONLY_LOAD"] = "1"
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def load_comet(spec: str) -> Any:
    """The COMET model for ``spec``, loaded once per checkpoint path in this process (thread-safe)."""
    resolved = resolve_checkpoint(spec)
    if resolved.error:
        raise FileNotFoundError(resolved.error)
    with quiet_comet_import():
        import comet

    with _LOCK:
        checkpoint = resolved.checkpoint
        if checkpoint is None:  # a hub id, online: download (once) into the Hugging Face cache
            with quiet_comet_import():
                checkpoint = Path(comet.download_model(resolved.hub_id))
        key = str(checkpoint)
        model = _MODELS.get(key)
        if model is None:
            # a downloaded model's encoder (e.g. xlm-roberta-large) may itself still need fetching
            local_only = resolved.hub_id is None or hub_offline()
            with quiet_comet_import(), _weights_only_loads():
                model = comet.load_from_checkpoint(key, local_files_only=local_only)
            model.eval()
            _MODELS[key] = model
        return model


def clear_comet_cache() -> None:
    """Forget the loaded COMET models (frees their memory)."""
    with _LOCK:
        _MODELS.clear()


def comet_predict(model: Any, samples: list[dict[str, str]], batch_size: int) -> list[float]:
    """Segment scores of ``samples`` (dicts with src, mt and, for reference-based models, ref), on one GPU when
    there is one, else on the CPU."""
    import torch

    gpus = 1 if torch.cuda.is_available() else 0
    with quiet_comet_import():
        output = model.predict(samples, batch_size=batch_size, gpus=gpus, progress_bar=False,
                               accelerator="cuda" if gpus else "cpu", num_workers=0)
    return [float(s) for s in output.scores]


class Comet(Metric):
    """Reference-based COMET (``settings.comet_model``)."""

    name = "comet"
    label = "COMET"
    needs_reference = True
    needs_model = True
    description = "Learned quality score from source, candidate and reference (e.g. wmt22-comet-da)."
    reference_free = False

    def _spec(self, settings: MetricSettings) -> str:
        return settings.comet_qe_model if self.reference_free else settings.comet_model

    def availability(self, settings: MetricSettings | None = None) -> Availability:
        """Ready when the checkpoint resolves, is the right kind of COMET model and its encoder loads offline."""
        return comet_availability(self._spec(settings or self.settings), self.reference_free)

    def _score(self, sources, candidates, references, groups) -> list[float]:
        model = load_comet(self._spec(self.settings))
        if self.reference_free:
            samples = [{"src": s, "mt": c} for s, c in zip(sources, candidates, strict=True)]
        else:
            samples = [{"src": s, "mt": c, "ref": r} for s, c, r in zip(sources, candidates, references, strict=True)]
        return comet_predict(model, samples, self.settings.comet_batch_size)


class CometQE(Comet):
    """Reference-free COMET-QE / CometKiwi (``settings.comet_qe_model``)."""

    name = "comet_qe"
    label = "COMET-QE / CometKiwi"
    needs_reference = False
    description = "Learned quality estimate from source and candidate only (e.g. CometKiwi)."
    reference_free = True
