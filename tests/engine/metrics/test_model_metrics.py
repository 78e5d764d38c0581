"""BERTScore and COMET (with and without reference) on tiny real models, offline."""

from __future__ import annotations

import math
import os
import shutil
from pathlib import Path

import pytest

from engine.metrics import MetricSettings, available_metrics, clear_comet_cache, get_metric, load_comet


def _batch(pairs: list[tuple[str, str]]) -> tuple[list[str], list[str], list[str]]:
    sources = [s for s, _ in pairs]
    references = [r for _, r in pairs]
    candidates = references[1:] + references[:1]
    candidates[0] = ""  # an empty candidate must still score
    return sources, candidates, references


def test_tiny_models_are_available(model_settings: MetricSettings) -> None:
    avail = available_metrics(model_settings)
    assert not avail.pop("terminology")  # needs a glossary, not a model
    assert all(a.ok for a in avail.values()), avail


def test_tiny_tokenizer_keeps_hamza_and_case(tiny_encoder: Path) -> None:
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(tiny_encoder)
    assert tok.model_max_length == 128
    assert "".join(tok.tokenize("أمي")).replace("##", "") == "أمي"
    assert tok.tokenize("Good")[0].startswith("G")


def test_bertscore_runs(model_settings: MetricSettings, pairs) -> None:
    sources, candidates, references = _batch(pairs)
    scores = get_metric("bertscore", model_settings).score(sources, candidates, references)
    assert len(scores) == len(candidates) and all(math.isfinite(s) for s in scores)
    same = get_metric("bertscore", model_settings).score(sources[:2], references[:2], references[:2])
    assert same == pytest.approx([1.0, 1.0], abs=1e-4)


def test_bertscore_layer_setting(model_settings: MetricSettings, pairs) -> None:
    from dataclasses import replace

    sources, candidates, references = _batch(pairs[:4])
    scores = get_metric("bertscore", replace(model_settings, bertscore_num_layers=1)).score(
        sources, candidates, references)
    assert len(scores) == 4 and all(math.isfinite(s) for s in scores)


def test_comet_with_reference_runs_and_reloads_offline(model_settings: MetricSettings, tiny_comet: Path,
                                                       pairs, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    sources, candidates, references = _batch(pairs)
    metric = get_metric("comet", model_settings)
    scores = metric.score(sources, candidates, references)
    assert len(scores) == len(candidates) and all(math.isfinite(s) for s in scores)
    assert load_comet(str(tiny_comet)) is load_comet(str(tiny_comet / "checkpoints" / "model.ckpt"))

    clear_comet_cache()  # reload from the saved folder, offline, and score the same
    again = metric.score(sources, candidates, references)
    assert again == pytest.approx(scores, abs=1e-5)
    with pytest.raises(ValueError, match="references"):
        metric.score(sources, candidates)


def test_comet_qe_runs_without_reference(model_settings: MetricSettings, pairs) -> None:
    sources, candidates, _ = _batch(pairs)
    scores = get_metric("comet_qe", model_settings).score(sources, candidates)
    assert len(scores) == len(candidates) and all(math.isfinite(s) for s in scores)


def test_comet_kind_mismatch_is_reported(tiny_comet: Path, tiny_comet_qe: Path) -> None:
    avail = available_metrics(MetricSettings(comet_model=str(tiny_comet_qe), comet_qe_model=str(tiny_comet)))
    assert not avail["comet"] and "not a reference-based" in avail["comet"].reason
    assert not avail["comet_qe"] and "not a reference-free" in avail["comet_qe"].reason


def test_comet_missing_encoder_is_reported(tmp_path: Path, tiny_comet: Path) -> None:
    import shutil

    import yaml

    moved = tmp_path / "comet"
    shutil.copytree(tiny_comet, moved)
    hparams = yaml.safe_load((moved / "hparams.yaml").read_text())
    hparams["pretrained_model"] = str(tmp_path / "gone")
    (moved / "hparams.yaml").write_text(yaml.safe_dump(hparams))
    reason = available_metrics(MetricSettings(comet_model=str(moved)))["comet"].reason
    assert reason == f"COMET encoder folder not found at {tmp_path / 'gone'}"


class _Opens:
    """Unpickled, it creates a file: what a hostile checkpoint runs when ``torch.load`` unpickles freely."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self):
        return (open, (str(self.path), "w"))


def test_a_pickled_comet_checkpoint_runs_nothing_even_when_the_environment_allows_it(tmp_path: Path, tiny_comet: Path,
                                                                                     monkeypatch) -> None:
    # COMET loads through Lightning, which leaves weights_only to torch's default: this variable turned it off
    import pickle

    monkeypatch.setenv("TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD", "1")
    hostile = tmp_path / "comet"
    shutil.copytree(tiny_comet, hostile)
    marker = tmp_path / "ran"
    (hostile / "checkpoints" / "model.ckpt").write_bytes(pickle.dumps({"state_dict": _Opens(marker)}))
    clear_comet_cache()
    with pytest.raises(Exception):  # noqa: B017 — torch's refusal (UnpicklingError), whatever Lightning wraps it in
        load_comet(str(hostile))
    assert not marker.exists()
    assert os.environ["TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD"] == "1" and "TORCH_FORCE_WEIGHTS_ONLY_LOAD" not in os.environ
