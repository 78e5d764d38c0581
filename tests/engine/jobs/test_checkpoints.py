"""The step-N checkpoints and their atomic ``latest.json`` pointer (bootstrap and PPO)."""

from __future__ import annotations

import json

import pytest

from engine.jobs.checkpoints import LATEST_FILE, latest_checkpoint, new_checkpoint, pointed_name


def _save(folder, step: int) -> None:
    with new_checkpoint(folder, step) as tmp:
        (tmp / "weights.bin").write_bytes(b"x" * step)
        (tmp / "done.json").write_text("{}")


def test_a_new_checkpoint_becomes_the_latest_and_older_ones_go(tmp_path):
    assert latest_checkpoint(tmp_path, "done.json") is None and pointed_name(tmp_path) is None
    _save(tmp_path, 10)
    _save(tmp_path, 20)
    latest = latest_checkpoint(tmp_path, "done.json")
    assert latest == tmp_path / "step-0000020" and (latest / "weights.bin").stat().st_size == 20
    assert json.loads((tmp_path / LATEST_FILE).read_text()) == {"path": "step-0000020", "step": 20}
    assert sorted(p.name for p in tmp_path.iterdir()) == [LATEST_FILE, "step-0000020"]


def test_a_crash_while_writing_leaves_the_previous_checkpoint_in_force(tmp_path):
    _save(tmp_path, 10)
    with pytest.raises(RuntimeError), new_checkpoint(tmp_path, 20) as tmp:
        (tmp / "weights.bin").write_bytes(b"half")
        raise RuntimeError("killed mid-save")
    assert latest_checkpoint(tmp_path, "done.json") == tmp_path / "step-0000010"
    _save(tmp_path, 20)  # the next save clears the half-written folder
    assert sorted(p.name for p in tmp_path.iterdir()) == [LATEST_FILE, "step-0000020"]


def test_a_pointer_to_an_incomplete_or_unreadable_checkpoint_is_no_checkpoint(tmp_path):
    _save(tmp_path, 5)
    (tmp_path / "step-0000005" / "done.json").unlink()
    assert latest_checkpoint(tmp_path, "done.json") is None
    (tmp_path / LATEST_FILE).write_text("{not json")
    assert pointed_name(tmp_path) is None and latest_checkpoint(tmp_path, "done.json") is None


def test_weights_damaged_after_the_save_are_named_instead_of_failing_inside_safetensors(tmp_path):
    import torch
    from safetensors.torch import save_file

    with new_checkpoint(tmp_path, 7) as tmp:
        (tmp / "policy").mkdir()
        save_file({"w": torch.zeros(2)}, str(tmp / "policy" / "model.safetensors"))
        (tmp / "done.json").write_text("{}")
    assert latest_checkpoint(tmp_path, "done.json") == tmp_path / "step-0000007"
    (tmp_path / "step-0000007" / "policy" / "model.safetensors").write_bytes(b"\xff" * 16)  # changed by hand
    with pytest.raises(ValueError, match=r"checkpoint step-0000007 cannot be resumed from: policy/model\.safetensors "
                                         r"is damaged .*move .*step-0000007 away to start the run over"):
        latest_checkpoint(tmp_path, "done.json")


def test_a_damaged_pointer_falls_back_to_the_newest_complete_checkpoint(tmp_path):
    # a pointer cut short read as "no checkpoint": the run started over and its next save deleted step-6
    _save(tmp_path, 6)
    (tmp_path / LATEST_FILE).write_text('{"path": "step-00')
    assert latest_checkpoint(tmp_path, "done.json") == tmp_path / "step-0000006"
    (tmp_path / LATEST_FILE).unlink()
    (tmp_path / "step-0000009.tmp").mkdir()  # a save that did not finish is no checkpoint
    assert latest_checkpoint(tmp_path, "done.json") == tmp_path / "step-0000006"
    (tmp_path / LATEST_FILE).write_text('{"path": "step-0000008", "step": 8}')  # a folder gone since
    assert latest_checkpoint(tmp_path, "done.json") == tmp_path / "step-0000006"


def test_a_saved_state_cut_short_is_named_too(tmp_path):
    import torch

    with new_checkpoint(tmp_path, 3) as tmp:
        torch.save({"state": {}, "param_groups": []}, tmp / "optimizer.pt")
        (tmp / "done.json").write_text("{}")
    assert latest_checkpoint(tmp_path, "done.json") == tmp_path / "step-0000003"
    optimizer = tmp_path / "step-0000003" / "optimizer.pt"
    optimizer.write_bytes(optimizer.read_bytes()[:100])
    with pytest.raises(ValueError, match=r"optimizer\.pt is damaged \(not a whole torch\.save file"):
        latest_checkpoint(tmp_path, "done.json")
