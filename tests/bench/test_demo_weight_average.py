"""The checkpoint-averaging benchmark's pieces: checkpoints copied only once complete, and their uniform average
(the benchmark itself is not run in CI)."""

from __future__ import annotations

import threading

import torch
from safetensors.torch import load_file, save_file

from bench.demo_weight_average import average_state, copy_checkpoints


def _checkpoint(run_dir, step, value, complete=True):
    folder = run_dir / "checkpoints" / f"checkpoint-{step}"
    folder.mkdir(parents=True)
    save_file({"w": torch.full((2,), value), "n": torch.tensor([step])}, str(folder / "model.safetensors"))
    if complete:
        (folder / "trainer_state.json").write_text("{}")


def test_only_complete_checkpoints_are_copied(tmp_path):
    run_dir, into = tmp_path / "run", tmp_path / "saved"
    _checkpoint(run_dir, 50, 1.0)
    _checkpoint(run_dir, 100, 2.0, complete=False)  # its trainer state not written yet
    stop = threading.Event()
    stop.set()  # one pass
    copy_checkpoints(run_dir, into, stop)
    assert sorted(p.name for p in into.iterdir()) == ["checkpoint-50.safetensors"]
    (run_dir / "checkpoints" / "checkpoint-100" / "trainer_state.json").write_text("{}")
    copy_checkpoints(run_dir, into, stop)
    assert sorted(p.name for p in into.iterdir()) == ["checkpoint-100.safetensors", "checkpoint-50.safetensors"]
    assert torch.equal(load_file(str(into / "checkpoint-100.safetensors"))["w"], torch.full((2,), 2.0))


def test_average_state_is_uniform_and_keeps_dtypes(tmp_path):
    files = []
    for i, value in enumerate((1.0, 2.0, 6.0)):
        path = tmp_path / f"{i}.safetensors"
        save_file({"w": torch.full((2,), value, dtype=torch.bfloat16), "n": torch.tensor([i * 2])}, str(path))
        files.append(path)
    avg = average_state(files)
    assert avg["w"].dtype == torch.bfloat16 and avg["w"].tolist() == [3.0, 3.0]
    assert avg["n"].dtype == torch.int64 and avg["n"].tolist() == [2]
