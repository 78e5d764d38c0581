"""``bench/gpu_check.py --tiny`` on the CPU: every training job kind (full and LoRA) and candidate generation run
through the real job code, and the results file says what each measured — so the GPU check cannot rot."""

from __future__ import annotations

import json

import pytest
import torch

from bench.gpu_check import JOBS, main

pytestmark = pytest.mark.slow


def test_tiny_check_runs_every_job_and_writes_its_measurements(tmp_path):
    out = tmp_path / "gpu_check.json"
    main(["--tiny", "--steps", "2", "--out", str(out)])
    results = json.loads(out.read_text())
    assert results["tiny"] and results["device"] == "cpu" and results["precision"] == "fp32"
    assert list(results["jobs"]) == list(JOBS)
    for name, job in results["jobs"].items():
        assert job["precision"] == "fp32", name  # the run's own log line: the setting reached the job
        assert job["lora"] == name.endswith("_lora"), name
        assert job["tokens_per_s"] > 0, (name, job)
        if name != "generate":
            assert job["steps"] == 2 and job["steps_per_s"] > 0, (name, job)


def test_unknown_jobs_are_refused(capsys):
    with pytest.raises(SystemExit):
        main(["--tiny", "--jobs", "sft"])
    assert "unknown job(s) sft" in capsys.readouterr().err


def _refusal(capsys, argv: list[str]) -> str:
    """The one line a refused check prints on stderr (exit status 2, like a wrong argument)."""
    with pytest.raises(SystemExit) as ended:
        main(argv)
    err = capsys.readouterr().err
    assert ended.value.code == 2 and err.count("\n") == 1 and "Traceback" not in err, err
    return err


@pytest.mark.skipif(torch.cuda.is_available(), reason="a GPU runs fp16 and real sizes")
def test_what_the_cpu_cannot_run_is_refused_in_one_line(capsys):
    # fp16 ended in a PrecisionError traceback; a real-size run started building a 2.6 B model on the CPU
    assert "--precision fp16: precision fp16 needs a CUDA GPU" in _refusal(capsys, ["--tiny", "--precision", "fp16"])
    assert "no CUDA GPU here" in _refusal(capsys, ["--jobs", "dpo"])


def test_one_step_is_refused_as_it_gives_no_rate(capsys):
    # --steps 1 wrote steps_per_s null: the progress events that time it start after the first step
    assert "--steps must be at least 2" in _refusal(capsys, ["--tiny", "--steps", "1"])
