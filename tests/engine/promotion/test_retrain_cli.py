"""``python -m engine retrain-due``: the cron's view of the schedule, and a retrain that cannot be built said in
one line rather than a traceback."""

from __future__ import annotations

from datetime import datetime

from engine.__main__ import main
from engine.models.registry import promote
from engine.promotion.schedule import RetrainSchedule, set_retrain_schedule
from tests.conftest import seed_feedback


def test_the_cli_says_whether_a_retrain_is_due_and_why_it_cannot_start(store, capsys):
    store.models.register("prod", "policy", "/models/prod", stage="final")  # trained against no known reward model
    store.close()  # the CLI opens the store itself, as a cron does when the studio is not running
    assert main(["retrain-due"]) == 0
    assert capsys.readouterr().out == "not due: no retraining schedule is set\n"

    from engine.store import Store
    from engine.workspace import Workspace

    store = Store(Workspace.from_env().db_path)
    # set while no model was in production (a retrain from one that cannot be built is refused when saved)
    set_retrain_schedule(store, RetrainSchedule(every_judgements=3), now=datetime(2026, 1, 1))
    promote(store, "prod", confirm_name="prod")
    n = seed_feedback(store, 2, model="prod")
    store.close()
    assert main(["retrain-due"]) == 0
    assert capsys.readouterr().out == f"due: {n} new judgements (the schedule retrains every 3)\n"
    assert main(["retrain-due", "--start"]) == 2
    captured = capsys.readouterr()
    assert captured.out.startswith("due: ") and "error: cannot build the retrain from prod:" in captured.err
    store = Store(Workspace.from_env().db_path)
    assert store.promotion.retrains() == [] and store.pipelines.list() == []
    store.close()


def test_a_wait_that_runs_out_exits_4_and_the_retrain_goes_on(store, demo_corpus, capsys):
    # `retrain-due --start --wait` returned 0 when its --timeout ran out: a cron could not tell it from success
    from engine.jobs.supervisor import Supervisor
    from engine.store import Store
    from engine.workspace import Workspace

    set_retrain_schedule(store, RetrainSchedule(every_judgements=3, phase3={"corpus_ids": [demo_corpus]}),
                         now=datetime(2026, 1, 1))
    store.models.register("tiny-rm", "reward", "/models/tiny-rm", metadata={"prompt_format": "tags"})
    store.models.register("prod", "policy", "/models/prod", stage="final",
                          metadata={"prompt_format": "tags", "reward_model": "tiny-rm", "corpus_ids": [demo_corpus]})
    promote(store, "prod", confirm_name="prod")
    seed_feedback(store, 2, model="prod")
    store.close()
    assert main(["retrain-due", "--start", "--wait", "--timeout", "0.001"]) == 4
    captured = capsys.readouterr()
    assert "started retrain 1" in captured.out
    assert captured.err.startswith("error: pipeline 1 is still running after 0.001 s; it goes on")
    workspace = Workspace.from_env()
    store = Store(workspace.db_path)
    try:
        assert store.pipelines.get(1)["status"] == "running"
        supervisor = Supervisor(store, workspace)
        for run in store.runs.active():  # leave no job process behind
            supervisor.cancel_and_wait(run["id"], timeout_s=30)
    finally:
        store.close()
