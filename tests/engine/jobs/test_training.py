"""Resuming a Trainer-based job (reward model, reward fine-tune, DPO, GRPO) from its newest complete checkpoint."""

from __future__ import annotations

import json

import pytest
import torch
from safetensors.torch import save_file

from engine.jobs.context import JobContext
from engine.jobs.training import checkpoint_problem, last_checkpoint


def _checkpoint(root, step: int, *, state: bool = True, weights: bytes | None = None):
    folder = root / f"checkpoint-{step}"
    folder.mkdir(parents=True)
    (folder / "config.json").write_text("{}", encoding="utf-8")
    if weights is None:
        save_file({"w": torch.zeros(2)}, str(folder / "model.safetensors"))
    else:
        (folder / "model.safetensors").write_bytes(weights)
    if state:
        (folder / "trainer_state.json").write_text(json.dumps({"global_step": step}), encoding="utf-8")
    return folder


@pytest.fixture
def ctx(tmp_path):
    """A run's job context with its checkpoints folder made (its log: ``run/events.jsonl``)."""
    (tmp_path / "run").mkdir()
    context = JobContext(tmp_path / "run")
    context.checkpoint_dir.mkdir(parents=True, exist_ok=True)
    yield context
    context.close()


def test_resume_skips_checkpoints_the_job_did_not_finish_writing_and_keeps_them(ctx, tmp_path):
    # killed (or out of disk) while saving checkpoint-12: the Trainer took the highest number, failed on it
    # ("Can't find a valid checkpoint"), and every later resume failed the same way
    root = ctx.checkpoint_dir
    _checkpoint(root, 8)
    _checkpoint(root, 10, weights=b"")  # the weights cut short
    _checkpoint(root, 12, state=False)  # trainer_state.json, written last, missing
    assert checkpoint_problem(root / "checkpoint-8") is None
    assert "damaged" in checkpoint_problem(root / "checkpoint-10")
    assert "did not finish" in checkpoint_problem(root / "checkpoint-12")
    assert last_checkpoint(ctx) == str(root / "checkpoint-8")
    assert sorted(p.name for p in root.iterdir()) == ["checkpoint-8", "incomplete-checkpoint-10",
                                                     "incomplete-checkpoint-12"]
    _checkpoint(root, 12, state=False)  # killed again at the same save: kept beside the first
    assert last_checkpoint(ctx) == str(root / "checkpoint-8")
    assert "incomplete-2-checkpoint-12" in {p.name for p in root.iterdir()}
    log = (tmp_path / "run" / "events.jsonl").read_text(encoding="utf-8")
    assert "checkpoint-12 cannot be resumed from" in log and "resuming from checkpoint-8" in log


def test_no_complete_checkpoint_starts_from_the_beginning(ctx):
    assert last_checkpoint(ctx) is None
    _checkpoint(ctx.checkpoint_dir, 4, state=False)
    assert last_checkpoint(ctx) is None
    # disk full while the Trainer wrote trainer_state.json (last, not atomically): unfinished, start over
    (_checkpoint(ctx.checkpoint_dir, 6) / "trainer_state.json").write_text("", encoding="utf-8")
    assert last_checkpoint(ctx) is None


def test_only_checkpoints_damaged_after_they_were_written_left_is_refused_not_a_restart(ctx):
    # both checkpoints' weights cut short after the save: they were set aside and the run restarted from step 0
    root = ctx.checkpoint_dir
    _checkpoint(root, 66, weights=b"cut")
    _checkpoint(root, 67, weights=b"cut")
    _checkpoint(root, 68, state=False)  # and a save that did not finish
    with pytest.raises(ValueError, match=r"checkpoint-67 cannot be resumed from: model\.safetensors is damaged"
                                         r".*move .*checkpoints away to start the run over"):
        last_checkpoint(ctx)
    assert sorted(p.name for p in root.iterdir()) == ["checkpoint-66", "checkpoint-67", "checkpoint-68"]
    _checkpoint(root, 60)
    (root / "checkpoint-60" / "optimizer.pt").write_bytes(b"PK cut short")  # not whole either
    with pytest.raises(ValueError, match="checkpoint-67"):
        last_checkpoint(ctx)
    (root / "checkpoint-69").mkdir()  # a save cut short in trainer_state.json, written last: unfinished
    (root / "checkpoint-69" / "trainer_state.json").write_text('{"global_st', encoding="utf-8")
    assert "the save did not finish" in checkpoint_problem(root / "checkpoint-69")
    (root / "checkpoint-60" / "optimizer.pt").unlink()
    assert last_checkpoint(ctx) == str(root / "checkpoint-60")  # an older good one: the others set aside
    assert sorted(p.name for p in root.iterdir()) == [
        "checkpoint-60", "incomplete-checkpoint-66", "incomplete-checkpoint-67", "incomplete-checkpoint-68",
        "incomplete-checkpoint-69"]


def test_max_length_is_cut_to_a_small_models_context_and_the_log_says_so(tmp_path, tiny_policy_dir):
    # GPT-2 with 64 positions: the reward and DPO jobs' default max_length of 256 failed inside the model
    import shutil

    from engine.jobs.reward import RewardJobConfig
    from engine.jobs.training import fit_max_length
    from engine.models.refs import ModelRef

    folder = tmp_path / "small"
    shutil.copytree(tiny_policy_dir, folder)
    config = json.loads((folder / "config.json").read_text())
    config["max_position_embeddings"] = 64
    (folder / "config.json").write_text(json.dumps(config))
    (tmp_path / "run").mkdir()
    ctx = JobContext(tmp_path / "run")
    try:
        model = ModelRef(name="small", path=str(folder), kind="policy", prompt_format="tags")
        assert fit_max_length(RewardJobConfig(max_length=256), model, ctx).max_length == 64
        assert fit_max_length(RewardJobConfig(max_length=48), model, ctx).max_length == 48
    finally:
        ctx.close()
    events = (tmp_path / "run" / "events.jsonl").read_text()
    assert "max_length 256 is longer than small's context of 64 positions" in events


def test_training_pairs_leave_out_a_source_another_set_holds_out(ctx):
    # two pair sets (scores with two seeds) drew their validation sources apart: a source validated in one set was
    # trained on from the other, and the reward job's validation accuracy was measured on sources it trained on
    import pyarrow as pa
    import pyarrow.parquet as pq

    from engine.jobs.training import training_pairs

    def row(source, split, chosen):
        return {"group_key": "1:1", "pair": "en-ar", "source": source, "chosen": chosen, "rejected": "x",
                "split": split}

    rows = [row("Good morning", "valid", "a"), row("Good  morning", "train", "b"), row("Thank you", "train", "c")]
    ctx.inputs_dir.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows), ctx.inputs_dir / "pairs.parquet")

    class Config:
        valid_share_if_missing, seed, max_pairs = 0.1, 0, 0

    train, valid = training_pairs(ctx, Config())
    assert [r["chosen"] for r in train] == ["c"] and [r["chosen"] for r in valid] == ["a"]
    assert "1 training pair left out: their source has a validation pair" in (
        ctx.run_dir / "events.jsonl").read_text(encoding="utf-8")


class _Zero3Config:
    """What ``is_deepspeed_zero3_enabled()`` reads of transformers' ``HfDeepSpeedConfig`` (DeepSpeed needs CUDA)."""

    def is_zero3(self) -> bool:
        return True


@pytest.mark.parametrize("zero3", [False, True])
def test_a_zero3_policy_is_not_registered_from_rank_0s_shard(ctx, tiny_policy_dir, monkeypatch, zero3):
    """Under ZeRO-3 rank 0 holds only placeholders of the sharded weights: saving them wrote a model that is not one
    and registered it. Now nothing is saved or registered; the log and the summary say why."""
    import weakref

    import transformers.integrations.deepspeed as hf_deepspeed
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from engine.jobs.events import read_events
    from engine.jobs.training import register_policy, save_policy, zero3_not_saved
    from engine.models.refs import ModelRef

    model = AutoModelForCausalLM.from_pretrained(tiny_policy_dir)
    tokenizer = AutoTokenizer.from_pretrained(tiny_policy_dir)
    parent = ModelRef("tiny-sft", str(tiny_policy_dir), "policy", "tags")
    config = _Zero3Config()
    monkeypatch.setattr(hf_deepspeed, "_hf_deepspeed_config_weak_ref", weakref.ref(config) if zero3 else None)
    folder, parameters = save_policy(model, tokenizer, ctx.output_dir / "model", parent, "dpo", False)
    register_policy(ctx, "p", folder, "candidate", parent, 3, {"method": "dpo", "parameters": parameters})
    events = read_events(ctx.run_dir, 0, -1).events
    summary = json.loads((ctx.output_dir / "summary.json").read_text())
    artifacts = [e for e in events if e["type"] == "artifact"]
    assert (folder / "model.safetensors").exists() is not zero3 and len(artifacts) == (0 if zero3 else 1)
    assert summary.get("registered", True) is not zero3 and (parameters == 0) is zero3
    if zero3:
        # the reward job withholds its model the same way (it saved and registered rank 0's placeholders)
        from engine.jobs.training import withheld_under_zero3

        assert withheld_under_zero3(ctx, "reward model", {"steps": 3})
        assert json.loads((ctx.output_dir / "summary.json").read_text())["not_registered"].startswith(
            "the reward model was not saved")
        reason = zero3_not_saved("policy")
        assert summary["not_registered"] == reason and reason.startswith("the policy was not saved")
        assert any(e["type"] == "log" and e["level"] == "warning" and e["message"] == reason for e in events)


def test_a_released_trainer_holds_no_model_or_optimizer(tmp_path, tiny_policy_dir):
    # QLoRA's merge set trainer.model to None and loaded the backbone again, while the accelerator and the callback
    # handler still held the 4-bit model and its optimizer: on a GPU both sat beside the merged model
    import gc
    import weakref

    from datasets import Dataset
    from transformers import AutoModelForCausalLM, Trainer, TrainingArguments

    from engine.jobs.training import release_trainer

    model = AutoModelForCausalLM.from_pretrained(tiny_policy_dir)
    rows = Dataset.from_list([{"input_ids": [1, 5, 6, 7], "labels": [1, 5, 6, 7]}] * 4)
    trainer = Trainer(model=model, train_dataset=rows, args=TrainingArguments(
        output_dir=str(tmp_path / "out"), max_steps=1, per_device_train_batch_size=2, use_cpu=True, report_to=[],
        save_strategy="no", disable_tqdm=True))
    trainer.train()
    model_ref, optimizer_ref = weakref.ref(model), weakref.ref(trainer.optimizer)
    del model
    release_trainer(trainer)
    gc.collect()
    assert model_ref() is None and optimizer_ref() is None


def test_a_checkpoint_whose_weights_were_deleted_is_set_aside_for_an_older_good_one(ctx):
    # every resume failed "Can't find a valid checkpoint" on checkpoint-36, checkpoint-17 good beside it
    root = ctx.checkpoint_dir
    _checkpoint(root, 17)
    (_checkpoint(root, 36) / "model.safetensors").unlink()
    (root / "checkpoint-36" / "training_args.bin").write_bytes(b"PK")  # every Trainer checkpoint has it: no weights
    assert "no weights file" in checkpoint_problem(root / "checkpoint-36")
    assert last_checkpoint(ctx) == str(root / "checkpoint-17")
    assert "incomplete-checkpoint-36" in {p.name for p in root.iterdir()}
    adapter = _checkpoint(root, 40)  # a LoRA run's checkpoint: its adapter is its weights
    (adapter / "model.safetensors").rename(adapter / "adapter_model.safetensors")
    assert checkpoint_problem(adapter) is None
    fsdp = _checkpoint(root, 44)  # FSDP's sharded state dict: pytorch_model_fsdp_0/*.distcp and no safetensors
    (fsdp / "model.safetensors").unlink()
    (fsdp / "pytorch_model_fsdp_0").mkdir()
    (fsdp / "pytorch_model_fsdp_0" / "__0_0.distcp").write_bytes(b"shard")
    assert checkpoint_problem(fsdp) is None
