"""The registry lists every built-in, builds metrics with settings and explains unavailability."""

from __future__ import annotations

import pytest

from engine.metrics import (
    Availability,
    Metric,
    MetricSettings,
    available_metrics,
    get_metric,
    list_metrics,
    metric_names,
    register,
    score_metrics,
    settings_help,
    unregister,
)

BUILTINS = {"chrf", "bleu", "ter", "bertscore", "comet", "comet_qe", "mbr_chrf", "checks"}


def test_registry_lists_all_builtins() -> None:
    assert set(metric_names()) >= BUILTINS
    infos = {i.name: i for i in list_metrics()}
    assert infos["ter"].higher_is_better is False
    assert infos["comet"].needs_reference and infos["comet"].needs_model
    assert not infos["comet_qe"].needs_reference and infos["comet_qe"].needs_model
    assert not infos["mbr_chrf"].needs_reference and not infos["mbr_chrf"].needs_model
    assert all(i.label and i.description for i in infos.values())
    with pytest.raises(KeyError, match="known"):
        get_metric("nope")


def test_availability_without_models(tmp_path) -> None:
    avail = available_metrics(MetricSettings())
    assert all(avail[n].ok for n in ("chrf", "bleu", "ter", "mbr_chrf", "checks"))
    assert avail["bertscore"] == Availability(False, "BERTScore needs a model: set a local folder or hub id")
    # named as the form labels it, with the config key (the key alone was shown on the page)
    assert not avail["comet"] and "set “COMET model” (comet_model)" in avail["comet"].reason
    assert not avail["comet_qe"] and "set “COMET-QE model” (comet_qe_model)" in avail["comet_qe"].reason

    missing = tmp_path / "nowhere"
    avail = available_metrics(MetricSettings(bertscore_model=str(missing), comet_model=str(missing),
                                             comet_qe_model=str(missing / "model.ckpt")))
    assert not avail["bertscore"] and str(missing) in avail["bertscore"].reason
    assert avail["comet"].reason == f"COMET checkpoint not found at {missing}"
    assert avail["comet_qe"].reason == f"COMET checkpoint not found at {missing / 'model.ckpt'}"

    empty_folder = tmp_path / "empty"
    empty_folder.mkdir()
    reason = available_metrics(MetricSettings(comet_model=str(empty_folder)))["comet"].reason
    assert reason.startswith("COMET checkpoint not found at") and "checkpoints/model.ckpt" in reason


@pytest.mark.parametrize(("hparams", "reason"), [
    ("a: [unclosed\n", "hparams.yaml cannot be read: "),
    ("- 1\n", "hparams.yaml is not a mapping of COMET's settings"),
])
def test_an_unreadable_hparams_yaml_makes_comet_unavailable_with_the_reason(tmp_path, hparams, reason) -> None:
    # a YAML error or a list used to raise out of the score form's plan (yaml's ParserError, AttributeError)
    folder = tmp_path / "comet-qe"
    (folder / "checkpoints").mkdir(parents=True)
    (folder / "checkpoints" / "model.ckpt").write_bytes(b"")
    (folder / "hparams.yaml").write_text(hparams, encoding="utf-8")
    avail = available_metrics(MetricSettings(comet_qe_model=str(folder)), has_references=False)["comet_qe"]
    assert not avail and reason in avail.reason


def test_hub_ids_need_the_cache_when_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    avail = available_metrics(MetricSettings(bertscore_model="tarjama-test/no-such-model",
                                             comet_model="tarjama-test/no-such-comet"))
    assert not avail["bertscore"] and "offline" in avail["bertscore"].reason
    assert not avail["comet"] and "offline" in avail["comet"].reason


def test_reference_metrics_unavailable_without_references() -> None:
    avail = available_metrics(MetricSettings(), has_references=False)
    assert not avail["chrf"] and "references" in avail["chrf"].reason
    assert avail["mbr_chrf"] and avail["checks"]


def test_register_a_custom_metric() -> None:
    class Length(Metric):
        name = "test_length"
        label = "Length"

        def _score(self, sources, candidates, references, groups):
            return [float(len(c)) for c in candidates]

    register(Length)
    try:
        assert "test_length" in metric_names()
        with pytest.raises(ValueError, match="already registered"):
            register(type("Other", (Length,), {}))
        out = score_metrics(["test_length", "chrf"], ["s"], ["ab"], ["ab"])
        assert out == {"test_length": [2.0], "chrf": [100.0]}
    finally:
        unregister("test_length")


def test_settings_have_help() -> None:
    helps = settings_help()
    assert {"bertscore_model", "comet_model", "comet_qe_model", "arabic_normalise", "workers"} <= set(helps)
    assert all(helps.values())
