"""``python -m bench``: run every benchmark in turn."""

from __future__ import annotations

import subprocess
import sys

BENCHMARKS = ["bench.ingest", "bench.generate", "bench.score", "bench.reward", "bench.ppo", "bench.grpo",
              "bench.rl_masks",
              "bench.translate", "bench.review_queue", "bench.job_start", "bench.event_ingest"]

if __name__ == "__main__":
    failed = [name for name in BENCHMARKS if subprocess.run([sys.executable, "-m", name], check=False).returncode]
    sys.exit(1 if failed else 0)
