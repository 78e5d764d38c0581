"""``bench.review_queue`` drives the real studio in Chromium: one short journey per variant gives its figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import CHROMIUM

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason="Debian's chromium is not installed")


def test_a_journey_confirms_every_judgement_and_measures_it(tiny_policy_dir):
    from bench.review_queue import run_once

    run = run_once("unfrozen", 2, tiny_policy_dir)
    assert run["variant"] == "unfrozen" and run["wall_s"] > 0
    assert 0 < run["submit_to_saved_median_s"] <= run["submit_to_saved_p90_s"]
    assert run["server_cpu_s_per_judgement"] > 0 and run["server_rss_mib_at_end"] > 0
    assert len(run["load_avg_at_start"]) == 3
