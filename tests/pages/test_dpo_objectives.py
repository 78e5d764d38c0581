"""The DPO tab of the PPO page offers every preference objective, and starts KTO from judgements alone."""

from __future__ import annotations

import json

from engine.feedback.judgements import Judgement, new_submission_id, submit
from engine.jobs.dpo import DpoJobConfig
from engine.rl.objectives import OBJECTIVES
from tests.engine.feedback.helpers import stored_request


def test_without_preference_data_the_dpo_tab_says_where_to_make_it(open_page, tiny_policy):
    """Found on the tour (test-artifacts/tour/18-4-ppo-dpo-from-pairs.png): a full form with an enabled *Start DPO*
    under an empty pair-set box, on a workspace with neither pairs nor judgements."""
    at = open_page("ppo")
    assert "Start DPO" not in [b.label for b in at.button]
    assert any("No preference data yet" in i.value for i in at.info)


def test_the_dpo_tab_offers_each_objective_with_its_help(open_page, tiny_policy, pair_set):
    at = open_page("ppo")
    preset = at.radio(key="dpo-preset").value
    box = at.selectbox(key=f"dpo-form-{preset}-objective")
    assert list(box.options) == list(OBJECTIVES) and box.value == "dpo"
    for objective in ("CPO (ALMA-R", "ORPO (TRL", "KTO (TRL"):
        assert objective in box.help
    assert "simpo" in at.selectbox(key=f"dpo-form-{preset}-loss_type").options
    assert list(at.selectbox(key=f"dpo-form-{preset}-kto_source").options) == [
        "pairs",
        "judgements",
        "pairs+judgements",
    ]


def test_kto_from_judgements_starts_without_pair_sets(open_page, store, tiny_policy):
    rid = stored_request(store)
    submit(
        store,
        Judgement(submission_id=new_submission_id(), request_id=rid, linguist="Amina", kind="none", shown=[0, 1, 2]),
    )
    at = open_page("ppo")
    preset = at.radio(key="dpo-preset").value
    at.selectbox(key=f"dpo-form-{preset}-objective").set_value("kto")
    at.selectbox(key=f"dpo-form-{preset}-kto_source").set_value("judgements")
    next(b for b in at.button if b.label == "Start DPO").click()
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    # the run may have ended already (a warm start is quick): one 'none' judgement gives KTO nothing to train on,
    # which the job panel reports; what is tested here is that it starts
    assert not [e.value for e in at.error if not e.value.startswith("The job failed")]
    run = store.runs.list(kinds=("dpo",))[0]
    config = DpoJobConfig(**json.loads(run["config"]))
    assert (config.objective, config.kto_source, config.pair_sets) == ("kto", "judgements", [])
