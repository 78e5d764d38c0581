"""``bench.review_queue`` drives the real studio in Chromium: one short journey per variant gives its figures."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.e2e.conftest import CHROMIUM

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason="Debian's chromium is not installed")


def test_a_journey_confirms_every_judgement_and_measures_it(tiny_policy_dir):
    from bench.review_queue import run_once

    # in a thread of its own: after a browser test in this worker, pytest-playwright's event loop runs in this one
    with ThreadPoolExecutor(1) as pool:
        run = pool.submit(run_once, "unfrozen", 2, tiny_policy_dir).result()
    assert run["variant"] == "unfrozen" and run["wall_s"] > 0
    assert 0 < run["submit_to_saved_median_s"] <= run["submit_to_saved_p90_s"]
    assert run["server_cpu_s_per_judgement"] > 0 and run["server_rss_mib_at_end"] > 0
    assert len(run["load_avg_at_start"]) == 3


def test_another_commit_is_checked_out_apart_and_removed_afterwards():
    import subprocess

    from bench.review_queue import ROOT, checkout_of

    found = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True)
    if found.returncode != 0:
        pytest.skip("not a git checkout")
    with checkout_of("HEAD") as tree:
        assert (tree / "studio" / "app.py").is_file() and tree != ROOT
        assert subprocess.run(["git", "-C", str(tree), "rev-parse", "HEAD"], capture_output=True, text=True,
                              check=True).stdout == found.stdout
    assert not tree.exists()
    listed = subprocess.run(["git", "-C", str(ROOT), "worktree", "list"], capture_output=True, text=True).stdout
    assert str(tree) not in listed
