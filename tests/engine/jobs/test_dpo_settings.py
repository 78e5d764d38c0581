"""The DPO job's settings and data without training: TRL arguments per objective, KTO's rows and their split."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from engine.jobs.dpo import DpoJobConfig, build_args, check_objective, prepare, unpaired_rows
from engine.preferences.export import split_records
from tests.conftest import learnable_pair_rows, seed_feedback


class _Ctx:
    """What :func:`unpaired_rows` and :func:`build_args` read of a job context."""

    def __init__(self, inputs_dir: Path | None = None) -> None:
        self.inputs_dir = inputs_dir
        self.logs: list[str] = []

    def log(self, message: str, **_: object) -> None:
        self.logs.append(message)


COMMON = {"output_dir": "unused", "beta": 0.1, "max_length": 128, "report_to": [], "use_cpu": True, "bf16": False}


def test_robust_dpo_assumes_flipped_preferences_and_simpo_can_be_pure():
    # robust ran with TRL's label_smoothing 0 (its loss then the sigmoid's to the digit); CPO's simpo always had
    # cpo_alpha 1 (CPO-SimPO), whatever the NLL weight said
    robust = build_args(DpoJobConfig(loss_type="robust", flip_rate=0.2), COMMON, [], _Ctx(), {})
    assert robust.label_smoothing == 0.2
    assert build_args(DpoJobConfig(loss_type="sigmoid", flip_rate=0.2), COMMON, [], _Ctx(), {}).label_smoothing == 0
    simpo = build_args(DpoJobConfig(objective="cpo", loss_type="simpo"), COMMON, [], _Ctx(), {})
    assert simpo.cpo_alpha == 0.0 and simpo.loss_type == "simpo"
    assert build_args(DpoJobConfig(objective="cpo", loss_type="simpo", nll_weight=0.5), COMMON, [], _Ctx(),
                      {}).cpo_alpha == 0.5
    assert build_args(DpoJobConfig(objective="cpo"), COMMON, [], _Ctx(), {}).cpo_alpha == 1.0  # ALMA-R's


def test_kto_needs_a_batch_of_two():
    # TRL refused batch 1 once the models had loaded, with a traceback
    with pytest.raises(ValueError, match="KTO needs a batch of at least 2"):
        check_objective(DpoJobConfig(objective="kto", batch_size=1))
    check_objective(DpoJobConfig(objective="kto", batch_size=2))


def test_kto_from_pairs_keeps_the_held_out_sources_out_of_training():
    # a pair set without a validation split: the job held sources out, but each pair's own column still said
    # "train", and KTO trained on every one of them
    rows = [dict(r, split="train") for r in learnable_pair_rows(40)]
    config = DpoJobConfig(objective="kto", pair_sets=["x"], valid_share_if_missing=0.2)
    train, valid, _ = split_records(rows, valid_share_if_missing=0.2, seed=0)
    assert valid
    kto_train, kto_valid = unpaired_rows(config, _Ctx(), train, valid)
    held = {r["source"] for r in valid}
    assert kto_valid and not any(r["source"] in held for r in kto_train)


def test_kto_from_pairs_and_judgements_has_no_source_on_both_sides(store, tmp_path):
    # the pairs' split and the judgements' are drawn apart: 10 of 20 validation sources were trained on
    from engine.feedback.export import export_records
    from engine.feedback.pairs import convert

    seed_feedback(store, n_sources=40, rm=None)
    records = export_records(store)
    pairs, _ = convert(records, valid_share=0.3, seed=0)
    train, valid, _ = split_records(pairs, valid_share_if_missing=0.1, seed=0)
    (tmp_path / "judgements.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in records), encoding="utf-8")
    ctx = _Ctx(tmp_path)
    config = DpoJobConfig(objective="kto", kto_source="pairs+judgements", pair_sets=["x"])
    kto_train, kto_valid = unpaired_rows(config, ctx, train, valid)
    assert kto_valid and not {r["source"] for r in kto_train} & {r["source"] for r in kto_valid}
    assert any("left out: their source is in validation" in m for m in ctx.logs)
    # max_pairs caps KTO's translations, from both sources together (the judgements' were not cut at all)
    capped, _ = unpaired_rows(DpoJobConfig(objective="kto", kto_source="pairs+judgements", pair_sets=["x"],
                                           max_pairs=5), _Ctx(tmp_path), train, valid)
    assert len(capped) == 5


def test_kto_reads_only_each_linguists_newest_judgement(store, tiny_policy, tmp_path):
    # a revised judgement (as an Argilla import stores it) was read beside the one it replaced: each translation
    # both good and bad
    import time

    from engine.feedback.interactive import RankedCandidate, Translation, record
    from engine.feedback.judgements import Judgement, new_submission_id, submit, validate

    texts = ["ترجمة أولى للجملة", "ترجمة ثانية للجملة", "ترجمة ثالثة للجملة"]
    candidates = [RankedCandidate(t, 1.0 - 0.2 * k, "temperature:1.0", ["temperature:1.0"], 1)
                  for k, t in enumerate(texts)]
    request = record(store, Translation(source="Good morning to you.", pair="en-ar", model=tiny_policy, rm=None,
                                        strategies=["temperature:1.0"], settings={"max_new_tokens": 16},
                                        candidates=candidates, generate_s=0.1, score_s=0.01), linguist=None)
    submit(store, Judgement(new_submission_id(), request, "Amina", "best", shown=[0, 1, 2], best=0))
    time.sleep(1.1)
    store.feedback.add_judgement(validate(Judgement(new_submission_id(), request, "Amina", "best", shown=[0, 1, 2],
                                                    best=1), 3), model=tiny_policy, rm=None)
    run_dir = tmp_path / "run"
    (run_dir / "inputs").mkdir(parents=True)
    prepare(DpoJobConfig(objective="kto", kto_source="judgements"), store, run_dir)
    (line,) = (run_dir / "inputs" / "judgements.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["best"] == 1
