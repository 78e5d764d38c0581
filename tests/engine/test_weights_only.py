"""Every process that imports the engine loads pickles weights-only, whatever the environment says."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import pickle, sys, torch
import engine  # noqa: F401

class Payload:
    def __reduce__(self):
        return (open, (sys.argv[2], "w"))

torch.save({"python": Payload()}, sys.argv[1])
try:  # a bare torch.load, as transformers' Trainer loads a resumed reward, DPO or GRPO run's rng_state.pth
    torch.load(sys.argv[1])
except pickle.UnpicklingError:
    print("refused")
"""


def test_a_crafted_pickle_runs_no_code_even_with_torch_told_otherwise(tmp_path: Path) -> None:
    # transformers' Trainer loads a resumed run's rng_state.pth with a bare torch.load; with this variable set,
    # torch dropped weights_only there and a crafted file ran code
    marker = tmp_path / "pwned.txt"
    env = {**os.environ, "TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD": "1", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "rng_state.pth"), str(marker)],
                          env=env, capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "refused" in done.stdout and not marker.exists()
