"""``bench/gpu_check.py --tiny`` on the CPU: every training job kind (full and LoRA) and candidate generation run
through the real job code, and the results file says what each measured — so the GPU check cannot rot."""

from __future__ import annotations

import json

import pytest

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
