"""The bootstrap job: the real ``python -m engine run RUN_DIR`` process on a tiny model, and its parts.

The corpora are stored through the Store and the job is launched by the Supervisor in a temporary
workspace, as the studio does; the trained folder is then reloaded offline through ``engine.models.loading``.
"""

from __future__ import annotations

import json
import math
import time
from pathlib import Path

import pyarrow as pa
import pytest

from engine.jobs.bootstrap import (
    BootstrapConfig,
    epoch_batches,
    latest_checkpoint,
    lr_at,
    prepare,
    read_pairs,
)
from engine.jobs.config import config_fields
from engine.jobs.events import read_events
from engine.jobs.kinds import job_kind

EN_AR = [
    ("Good morning.", "صباح الخير."),
    ("Where is the station?", "أين المحطة؟"),
    ("I like tea.", "أحب الشاي."),
    ("The museum opens at nine.", "يفتح المتحف في التاسعة."),
    ("Thank you very much.", "شكرا جزيلا."),
    ("The weather is nice today.", "الطقس جميل اليوم."),
    ("Where is the hotel?", "أين الفندق؟"),
    ("I need a taxi.", "أحتاج إلى سيارة أجرة."),
    ("My mother is a doctor.", "أمي طبيبة."),
    ("The bank is closed.", "البنك مغلق."),
    ("We eat bread.", "نأكل الخبز."),
    ("The car is red.", "السيارة حمراء."),
    ("I read a book.", "أقرأ كتابا."),
    ("The school is big.", "المدرسة كبيرة."),
    ("He drinks water.", "يشرب الماء."),
]
FR_AR = [
    ("Bonjour à tous.", "صباح الخير للجميع."),
    ("Le marché est fermé.", "السوق مغلق."),
    ("Nous partons demain.", "سنغادر غدا."),
    ("Combien coûte ce livre ?", "كم ثمن هذا الكتاب؟"),
    ("La mer est calme.", "البحر هادئ."),
    ("Il fait chaud.", "الجو حار."),
    ("J'aime le café.", "أحب القهوة."),
]


def _table(pairs: list[tuple[str, str]], pair: str, valid_every: int = 5, copies: int = 2) -> pa.Table:
    rows = []
    for i, (source, target) in enumerate(pairs * copies):
        split = "valid" if valid_every and i < len(pairs) and i % valid_every == 0 else "train"
        rows.append(
            {
                "line": i + 1,
                "source": source,
                "target": target,
                "pair": pair,
                "split": split,
                "norm_key": f"{source}\n{target}\n{i}",
            }
        )
    return pa.Table.from_pylist(rows)


@pytest.fixture
def corpus_ids(store) -> list[int]:
    """An EN→AR and an FR→AR corpus: 44 rows, 39 of them in train."""
    return [
        store.corpora.add("tiny-en", "en-ar", _table(EN_AR, "en-ar")),
        store.corpora.add("tiny-fr", "fr-ar", _table(FR_AR, "fr-ar")),
    ]


def tiny(corpus_ids: list[int], **overrides) -> BootstrapConfig:
    values = dict(
        corpus_ids=corpus_ids,
        model_name="tiny-sft",
        size="tiny",
        vocab_size=400,
        max_steps=120,
        max_minutes=5.0,
        batch_size=8,
        learning_rate=1e-2,
        warmup_steps=4,
        eval_every=25,
        checkpoint_every=50,
        eval_pairs=8,
    )
    return BootstrapConfig(**{**values, **overrides})


def _events(run_dir: Path) -> list[dict]:
    return read_events(run_dir, 0, -1).events


def _has_arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


def _wait_for(predicate, timeout: float = 90, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


# --- the real job process --------------------------------------------------------------------------------
@pytest.mark.slow
def test_bootstrap_trains_checkpoints_registers_and_the_model_reloads_offline(
    supervisor, store, corpus_ids, monkeypatch
):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    run_id = supervisor.start("bootstrap", tiny(corpus_ids))
    status = supervisor.wait(run_id, timeout_s=120)
    logs = "\n".join(r["message"] for r in store.runs.logs(run_id, tail=1000))
    assert status == "succeeded", logs
    run_dir = supervisor.workspace.run_dir(run_id)

    # metrics: training loss (falling), learning rate, valid loss and the final chrF
    losses = [(r["step"], r["value"]) for r in store.runs.metrics(run_id, ("loss",))]
    assert len(losses) >= 4 and losses[-1][0] == 120
    assert losses[-1][1] < losses[0][1]
    keys = set(store.runs.metric_keys(run_id))
    assert {"loss", "lr", "valid_loss", "valid_chrf"} <= keys
    assert "valid chrF" in logs and logs.count("sample [") == 3

    # the checkpoint: a loadable model folder plus the trainer state
    checkpoint = latest_checkpoint(run_dir / "checkpoints")
    assert checkpoint is not None and checkpoint.name == "step-0000120"
    assert (checkpoint / "model.safetensors").is_file() and (checkpoint / "trainer_state.pt").is_file()

    # the registered model
    model_row = store.models.get("tiny-sft")
    assert model_row["kind"] == "policy" and model_row["stage"] == "sft" and model_row["run_id"] == run_id
    meta = model_row["metadata"]
    assert meta["prompt_format"] == "tags" and meta["steps"] == 120 and meta["train_pairs"] == 39
    assert meta["parameters"] > 0 and meta["valid_chrf"] is not None
    # a tiny model after 120 steps is far below the quality floor, and its record and log say so
    assert meta["stopped_by"] == "step limit reached" and meta["below_quality_floor"] is True
    assert meta["valid_chrf"] < meta["quality_floor_chrf"] and "below the quality floor" in logs
    path = Path(model_row["path"])
    assert path == run_dir / "outputs" / "model"
    assert json.loads((path / "tarjama.json").read_text(encoding="utf-8"))["prompt_format"] == "tags"

    # reload offline and translate: the tiny model already answers in Arabic script
    import torch

    from engine.decoding.greedy import greedy_translate
    from engine.models.loading import check_model, load_causal_lm, load_tokenizer

    assert check_model(path).ok
    tokenizer, model = load_tokenizer(path), load_causal_lm(path)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        prompt = tokenizer(["<en> Good morning. <ar>"], return_tensors="pt")
        generated = model.generate(
            **prompt, max_new_tokens=8, do_sample=False, pad_token_id=tokenizer.pad_token_id
        )
        new_tokens = generated[0, prompt["input_ids"].shape[1] :]
        assert len(new_tokens) > 0
        outputs = greedy_translate(model, tokenizer, [s for s, _ in EN_AR[:4]], "en-ar", max_new_tokens=8)
    finally:
        torch.set_num_threads(threads)
    assert any(_has_arabic(t) for t in [tokenizer.decode(new_tokens, skip_special_tokens=True), *outputs]), (
        outputs
    )


@pytest.mark.slow
def test_a_cancelled_run_resumes_from_its_checkpoint_and_finishes(supervisor, store, corpus_ids):
    run_id = supervisor.start(
        "bootstrap",
        tiny(corpus_ids, max_steps=300, checkpoint_every=10_000, eval_every=10_000, learning_rate=5e-3),
    )
    run_dir = supervisor.workspace.run_dir(run_id)

    def trained_a_little() -> bool:
        return any(
            e["type"] == "progress" and e.get("unit") == "steps" and e["done"] >= 10 for e in _events(run_dir)
        )

    _wait_for(trained_a_little, what="10 training steps")
    assert supervisor.cancel_and_wait(run_id, timeout_s=60) == "cancelled"
    stopped = latest_checkpoint(run_dir / "checkpoints")
    assert stopped is not None, "a cancel must leave a checkpoint"
    stopped_at = json.loads((run_dir / "checkpoints" / "latest.json").read_text())["step"]
    assert 10 <= stopped_at < 300
    first_losses = [
        e["values"]["loss"] for e in _events(run_dir) if e["type"] == "metric" and "loss" in e["values"]
    ]

    supervisor.resume(run_id)
    assert supervisor.wait(run_id, timeout_s=120) == "succeeded"
    events = _events(run_dir)
    resumed = [e for e in events if e["type"] == "log" and "resumed from step" in e["message"]]
    assert len(resumed) == 1 and resumed[0]["message"].endswith(f"resumed from step {stopped_at}")
    after = [
        e for e in events if e["seq"] > resumed[0]["seq"] and e["type"] == "metric" and "loss" in e["values"]
    ]
    steps = [e["step"] for e in after]
    # it continues after the checkpoint step (not from 0) up to max_steps
    assert stopped_at < steps[0] <= stopped_at + 5 and steps == sorted(steps) and steps[-1] == 300
    # ... with the trained weights and optimizer: the loss goes on from where it was, below a fresh start's
    assert after[0]["values"]["loss"] < first_losses[0] - 0.5
    assert store.models.get("tiny-sft")["metadata"]["steps"] == 300


@pytest.mark.slow
def test_a_half_written_tokenizer_is_trained_again_not_read(supervisor, store, corpus_ids):
    # a full disk left half a tokenizer.json in place: every resume failed with "EOF while parsing a string"
    run_id = supervisor.create("bootstrap", tiny(corpus_ids, max_steps=6))
    tokenizer_dir = supervisor.workspace.run_dir(run_id) / "checkpoints" / "tokenizer"
    tokenizer_dir.mkdir(parents=True)
    (tokenizer_dir / "tokenizer.json").write_text('{"version": "1.0", "truncation": null, "added_tok', "utf-8")
    supervisor.launch(run_id)
    assert supervisor.wait(run_id, timeout_s=240) == "succeeded", store.runs.logs(run_id)
    logs = " ".join(e["message"] for e in _events(supervisor.workspace.run_dir(run_id)) if e["type"] == "log")
    assert "cannot be read" in logs and "training it again" in logs
    assert json.loads((tokenizer_dir / "tokenizer.json").read_text("utf-8"))["model"]["type"] == "BPE"
    assert not tokenizer_dir.with_name("tokenizer.tmp").exists()


@pytest.mark.slow
def test_an_empty_training_set_fails_with_a_clear_error(supervisor, store):
    only_valid = store.corpora.add(
        "no-train",
        "en-ar",
        pa.Table.from_pylist(
            [
                {
                    "line": 1,
                    "source": "Hello.",
                    "target": "مرحبا.",
                    "pair": "en-ar",
                    "split": "valid",
                    "norm_key": "k",
                }
            ]
        ),
    )
    run_id = supervisor.start("bootstrap", tiny([only_valid]))
    assert supervisor.wait(run_id, timeout_s=120) == "failed"
    assert "no training pairs" in store.runs.get(run_id)["error"]
    assert store.models.get("tiny-sft") is None


def test_precision_is_resolved_and_logged_and_fp16_without_a_gpu_is_refused(supervisor, store, corpus_ids):
    """``auto`` trains in fp32 on a CPU, ``bf16`` autocasts there too; ``fp16`` needs a GPU and says so."""
    logs = {}
    for precision in ("auto", "bf16"):
        run_id = supervisor.start("bootstrap", tiny(corpus_ids, precision=precision, max_steps=4, eval_pairs=2,
                                                    model_name=f"tiny-{precision}"))
        assert supervisor.wait(run_id, timeout_s=300) == "succeeded"
        logs[precision] = " ".join(r["message"] for r in store.runs.logs(run_id, tail=500))
    assert "precision fp32 on cpu (auto)" in logs["auto"] and "precision bf16 on cpu" in logs["bf16"]
    run_id = supervisor.start("bootstrap", tiny(corpus_ids, precision="fp16", model_name="tiny-fp16"))
    assert supervisor.wait(run_id, timeout_s=120) == "failed"
    assert "fp16 needs a CUDA GPU" in store.runs.get(run_id)["error"]


# --- the parts -------------------------------------------------------------------------------------------
def test_the_kind_is_registered_and_every_setting_is_explained():
    kind = job_kind("bootstrap")
    assert kind.config_cls is BootstrapConfig and kind.prepare is prepare
    fields = {f.name: f for f in config_fields(BootstrapConfig)}
    assert {
        "corpus_ids",
        "model_name",
        "size",
        "vocab_size",
        "max_steps",
        "max_minutes",
        "batch_size",
        "learning_rate",
        "warmup_steps",
        "eval_every",
        "checkpoint_every",
        "seed",
        "register_stage",
    } <= set(fields)
    assert all(f.help for f in fields.values())
    assert fields["size"].choices == ("demo", "base", "tiny") and fields["model_name"].default == "demo-sft"
    assert fields["register_stage"].default == "sft"


def test_prepare_exports_train_and_valid_and_an_empty_valid_split_is_fine(store, tmp_path: Path):
    with_valid = store.corpora.add("a", "en-ar", _table(EN_AR, "en-ar"))
    train_only = store.corpora.add("b", "fr-ar", _table(FR_AR, "fr-ar", valid_every=0))
    prepare(tiny([with_valid]), store, tmp_path / "r1")
    assert len(read_pairs(tmp_path / "r1" / "inputs" / "train.parquet")) == 27
    assert len(read_pairs(tmp_path / "r1" / "inputs" / "valid.parquet")) == 3
    prepare(tiny([train_only]), store, tmp_path / "r2")
    assert read_pairs(tmp_path / "r2" / "inputs" / "valid.parquet") == []
    assert read_pairs(tmp_path / "r2" / "inputs" / "missing.parquet") == []
    with pytest.raises(ValueError, match="at least one corpus"):
        prepare(tiny([]), store, tmp_path / "r3")


def test_read_pairs_skips_rows_without_a_target(tmp_path: Path):
    import pyarrow.parquet as pq

    pq.write_table(
        pa.Table.from_pylist(
            [
                {"pair": "en-ar", "source": "Hi.", "target": "أهلا."},
                {"pair": "en-ar", "source": "Bye.", "target": None},
                {"pair": "en-ar", "source": " ", "target": "مرحبا"},
            ]
        ),
        tmp_path / "t.parquet",
    )
    assert read_pairs(tmp_path / "t.parquet") == [{"pair": "en-ar", "source": "Hi.", "target": "أهلا."}]


def test_learning_rate_warms_up_then_decays_to_a_tenth():
    assert lr_at(0, 1.0, 10, 100) == pytest.approx(0.1)
    assert lr_at(9, 1.0, 10, 100) == pytest.approx(1.0)
    assert lr_at(10, 1.0, 10, 100) == pytest.approx(1.0)
    assert lr_at(55, 1.0, 10, 100) == pytest.approx(0.55)
    assert lr_at(100, 1.0, 10, 100) == pytest.approx(0.1) == lr_at(500, 1.0, 10, 100)
    values = [lr_at(s, 1.0, 10, 100) for s in range(10, 101)]
    assert all(a >= b for a, b in zip(values, values[1:], strict=False))


def test_epoch_batches_cover_every_example_once_and_are_reproducible():
    lengths = [(i * 37) % 50 + 5 for i in range(103)]
    batches = epoch_batches(lengths, 8, seed=3, epoch=2)
    assert sorted(i for b in batches for i in b) == list(range(103))
    assert len(batches) == math.ceil(103 / 8) and all(len(b) <= 8 for b in batches)
    assert batches == epoch_batches(lengths, 8, seed=3, epoch=2)
    assert batches != epoch_batches(lengths, 8, seed=3, epoch=3)
