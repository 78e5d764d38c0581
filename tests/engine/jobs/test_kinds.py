"""Job kinds: the title a run gets when none is given."""

from __future__ import annotations

from engine.jobs.kinds import job_kind, run_title


def test_a_run_is_titled_with_its_kind_and_the_model_it_works_on():
    # every PPO run on the Runs page was "PPO", told apart by its id alone
    ppo, evaluate = job_kind("ppo"), job_kind("evaluate")
    assert run_title(ppo, {"policy": "demo-sft", "reward_model": "rm-1"}) == f"{ppo.title} · demo-sft"
    assert run_title(job_kind("generate"), {"model": "demo-sft"}).endswith(" · demo-sft")
    assert run_title(job_kind("reward_finetune"), {"base_model": "rm-1"}).endswith(" · rm-1")
    assert run_title(evaluate, {"models": ["a", "b"]}) == f"{evaluate.title} · a, b"
    assert run_title(evaluate, {"models": list("abcde")}) == f"{evaluate.title} · a, b, c and 2 more"
    assert run_title(ppo, {"policy": ""}) == ppo.title  # the newest SFT model, resolved later: no name yet
