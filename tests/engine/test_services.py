"""The studio's services: its watcher thread keeps runs ingested with no page polling, and a page's refresh
then has nothing to do."""

from __future__ import annotations

import pytest

from engine.jobs.feedback_pairs import FeedbackPairsConfig
from engine.services import Services
from tests.conftest import seed_feedback, wait_for


@pytest.mark.slow
def test_the_watcher_ingests_finished_runs_without_a_page(workspace, store, tiny_policy, tiny_rm):
    seed_feedback(store, 3)
    studio = Services.open(workspace)
    try:
        assert not studio.watching
        run_id = studio.supervisor.start("feedback_pairs", FeedbackPairsConfig(reward_model="tiny-rm"))
        studio.watch(interval_s=0.2)
        assert studio.watching
        # only the watcher polls: reads of the store see the run finish and its pairs loaded
        wait_for(lambda: store.runs.get(run_id)["status"] == "succeeded", timeout=120, what="the run to be ingested")
        assert store.preferences.count_pairs(run_ids=[run_id], origin="human") > 0
        calls = []
        studio.tick = lambda: calls.append(1)  # what a page's refresh would do without the watcher
        studio.refresh()
        assert calls == []
    finally:
        studio.close()  # stops the watcher (and closes the studio's own connection)
    assert not studio.watching
    studio.refresh()
    assert calls == [1]
