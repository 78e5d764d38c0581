"""The Human alignment page: feedback volume and warnings, feedback → pairs, RM fine-tune, PPO stage 2 and
Phase 3 in one click, each launched from its form."""

from __future__ import annotations

import json

from tests.conftest import seed_feedback, store_pair_set
from tests.pages.conftest import by_label


def _cold_start(store, tiny_policy_dir) -> None:
    store.models.register("cold", "policy", str(tiny_policy_dir), stage="cold-start", parent="tiny-sft",
                          metadata={"prompt_format": "tags", "reward_model": "tiny-rm"})


def test_an_empty_workspace_says_there_is_no_feedback(open_page):
    at = open_page("alignment")
    assert at.title[0].value == "7 · Human alignment"
    assert any("no feedback yet" in w.value for w in at.warning)
    assert any("No cold-start model yet" in i.value for i in at.info)
    assert by_label(at.metric, "Judgements").value == "0"


def test_feedback_volume_is_shown_and_the_form_makes_pairs(open_page, store, tiny_policy, tiny_rm):
    n = seed_feedback(store, 5)
    at = open_page("alignment")
    assert by_label(at.metric, "Judgements").value == str(n)
    assert by_label(at.metric, "Linguists").value == "2"
    assert any(f"Only {n} judgement(s) from 2 linguist(s)" in w.value for w in at.warning)
    by_label(at.button, "Make pairs").click()
    at.run()
    assert not at.exception
    run = store.runs.list(kinds=("feedback_pairs",))[0]
    assert json.loads(run["config"])["reward_model"] == "tiny-rm"


def test_error_spans_alone_offer_the_pairs_form(open_page, store, tiny_policy, tiny_rm):
    # the page said "There is no feedback yet" and hid *Make pairs*, though the job makes pairs from spans
    from engine.mqm.annotate import save_annotation
    from engine.mqm.spans import ErrorSpan
    from tests.engine.mqm.test_annotations import stored_request

    request = stored_request(store)
    for position, spans in ((0, []), (1, [ErrorSpan(0, 4, "style", "minor")])):
        save_annotation(store, submission_id=f"s{position}", request_id=request, position=position,
                        linguist="Amina", spans=spans)
    at = open_page("alignment")
    assert any("2 error-span annotation(s): pairs can be made from them" in w.value for w in at.warning)
    by_label(at.button, "Make pairs").click()
    at.run()
    assert not at.exception and store.runs.list(kinds=("feedback_pairs",))


def test_a_fine_tuned_reward_models_bar_is_not_judged_on_a_handful_of_pairs(open_page, store, tiny_policy, tiny_rm):
    store.models.register("rm-few", "reward", store.models.get("tiny-rm")["path"], parent="tiny-rm", metadata={
        "fine_tuned_from": "tiny-rm", "valid_accuracy_human": 1.0, "valid_pairs_human": 4, "human_bar": 0.8,
        "base_accuracy": {"human": 1.0}})
    at = open_page("alignment")
    [row] = next(d for d in at.dataframe if "bar 0.80 met" in d.value.columns).value.to_dict("records")
    assert row["bar 0.80 met"] == "not judged: 4 held-out pairs (fewer than 30)"
    assert row["human pairs (before → after)"] == "1.000 → 1.000 (n 4)"


def _fine_tune_with_the_forms_defaults(open_page, store, tmp_path) -> dict:
    """A human pair set ``feedback_pairs-1``, then the fine-tune form submitted as it opens: the run's config."""
    human_rows = store_pair_set(store, tmp_path, run_id="feedback_pairs-1")  # made a human set below
    with store.db.transaction() as cur:
        cur.execute("UPDATE preference_pairs SET origin = 'human', linguist = 'Amina' WHERE run_id = ?", [human_rows])
    at = open_page("alignment")
    by_label(at.button, "Fine-tune the reward model").click()
    at.run()
    assert not at.exception
    return json.loads(store.runs.list(kinds=("reward_finetune",))[0]["config"])


def test_fine_tune_form_defaults_to_the_cold_start_reward_model_and_its_replay(open_page, store, tiny_policy,
                                                                             tiny_policy_dir, tiny_rm, tmp_path):
    synthetic = store_pair_set(store, tmp_path, run_id="score-synthetic")
    store.models.register("tiny-rm-2", "reward", store.models.get("tiny-rm")["path"],
                          metadata={"prompt_format": "tags", "pair_sets": [synthetic]})
    _cold_start(store, tiny_policy_dir)
    with store.db.transaction() as cur:  # the cold-start model was trained against tiny-rm-2
        cur.execute("UPDATE models SET metadata = ? WHERE name = 'cold'",
                    [json.dumps({"prompt_format": "tags", "reward_model": "tiny-rm-2"})])
    seed_feedback(store, 5)
    config = _fine_tune_with_the_forms_defaults(open_page, store, tmp_path)
    assert config["base_model"] == "tiny-rm-2" and config["pair_sets"] == ["feedback_pairs-1"]
    assert config["replay_pair_sets"] == [synthetic] and config["replay_ratio"] == 1.0


def test_without_a_cold_start_model_the_fine_tune_replays_the_newest_synthetic_set(open_page, store, tiny_policy,
                                                                                  tiny_rm, tmp_path):
    # the form showed replay ratio 1.0 with no set to replay: the run replayed nothing
    synthetic = store_pair_set(store, tmp_path, run_id="score-synthetic")
    config = _fine_tune_with_the_forms_defaults(open_page, store, tmp_path)
    assert config["replay_pair_sets"] == [synthetic] and config["replay_ratio"] == 1.0


def test_phase3_starts_from_one_click(open_page, store, tiny_policy, tiny_policy_dir, tiny_rm, demo_corpus):
    _cold_start(store, tiny_policy_dir)
    seed_feedback(store, 5)
    at = open_page("alignment")
    at.multiselect(key="align-phase3-Small demo model-corpus_ids").set_value([demo_corpus])
    by_label(at.button, "Run Phase 3 · human alignment").click()
    at.run()
    assert not at.exception
    pipeline = store.pipelines.list()[0]
    assert pipeline["template"] == "phase3" and [s["kind"] for s in pipeline["steps"]] == [
        "feedback_pairs", "reward_finetune", "dpo"]  # the small demo model's preset, offered first on a CPU
    assert pipeline["steps"][2]["config"]["pair_sets"] == ["$run:pairs"]  # DPO on the human pairs
    # launched at the click: a warm-started feedback_pairs job may have finished already
    assert pipeline["steps"][0]["status"] in ("running", "succeeded")
    assert pipeline["steps"][2]["config"]["register_stage"] == "final"
    assert pipeline["steps"][2]["config"]["policy"] == "cold"
    assert any("pipeline #" in m.value for m in at.markdown)


def test_a_later_cycle_starts_phase3_from_production(open_page, store, tiny_policy, tiny_policy_dir, tiny_rm,
                                                      demo_corpus):
    # a promoted final model and its archived cold start: both forms said "No cold-start model yet"
    from engine.models.registry import archive, promote

    _cold_start(store, tiny_policy_dir)
    store.models.register("final", "policy", str(tiny_policy_dir), stage="final", parent="cold",
                          metadata={"prompt_format": "tags", "reward_model": "tiny-rm"})
    promote(store, "final", confirm_name="final")
    archive(store, "cold")
    seed_feedback(store, 5)
    at = open_page("alignment")
    assert not any("No cold-start model yet" in i.value for i in at.info)
    assert by_label(at.button, "Start PPO stage 2")
    assert at.selectbox(key="align-phase3-Small demo model-policy").options == ["automatic (see help)", "final"]
    at.multiselect(key="align-phase3-Small demo model-corpus_ids").set_value([demo_corpus])
    by_label(at.button, "Run Phase 3 · human alignment").click()
    at.run()
    assert not at.exception
    assert store.pipelines.list()[0]["steps"][2]["config"]["policy"] == "final"

def test_an_archived_fine_tuned_reward_model_is_no_default_of_stage_2(open_page, store, tiny_policy,
                                                                       tiny_policy_dir, tiny_rm):
    from engine.models.registry import archive

    _cold_start(store, tiny_policy_dir)
    path = store.models.get(tiny_rm)["path"]
    store.models.register("rm-tuned", "reward", path, parent=tiny_rm,
                          metadata={"prompt_format": "tags", "fine_tuned_from": tiny_rm})
    at = open_page("alignment")
    assert at.selectbox(key="align-ppo-Small demo model-reward_model").value == "rm-tuned"
    # PPO stage 2 offers the presets too: on a CPU it opened at the brief's GPU values (1,000 steps)
    assert at.radio(key="align-ppo-preset").value == "Small demo model"
    assert at.number_input(key="align-ppo-Small demo model-steps").value == 150
    archive(store, "rm-tuned")
    at = open_page("alignment")
    assert not at.exception and at.selectbox(key="align-ppo-Small demo model-reward_model").value == tiny_rm

def test_with_every_reward_model_archived_the_page_says_so(open_page, store, tiny_policy, tiny_policy_dir, tiny_rm):
    # it said "No cold-start model yet" beside a cold-start model, and "No reward model yet" beside an archived one
    from engine.models.registry import archive

    _cold_start(store, tiny_policy_dir)
    archive(store, tiny_rm)
    at = open_page("alignment")
    assert not at.exception
    infos = [i.value for i in at.info]
    assert not any("No cold-start model yet" in i or "No reward model yet" in i for i in infos), infos
    assert any("no reward model is in use: every one registered is archived (restore one on Models)" in i
               for i in infos), infos
    assert any(i.startswith("No reward model in use: every one registered is archived") for i in infos), infos

def test_linguist_weights_are_computed_when_asked_for(open_page, store, tiny_policy, tiny_rm):
    seed_feedback(store, 3)  # outside review queues: no item is shared
    at = open_page("alignment")
    assert not at.dataframe  # nothing computed until asked
    at.toggle(key="align-weights").set_value(True)
    at.run()
    assert not at.exception
    assert any("everyone weighs 1" in c.value for c in at.caption)


def test_human_pairs_are_exported_as_human_pairs_with_a_zip_download(open_page, store, workspace, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from tests.conftest import learnable_pair_rows

    rows = learnable_pair_rows(10)
    for i, r in enumerate(rows):
        r.update(weight=1.0, linguist="Amina", judgement_id=i + 1, strategy="best")
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "human.parquet")
    with store.db.transaction() as cur:
        store.preferences.load_pairs(cur, "feedback_pairs-1", "human", None, tmp_path / "human.parquet")
    at = open_page("alignment")
    # the pairs are shown with their Arabic right to left (an HTML table: the grid cut the last column's start)
    [table] = [m.value for m in at.markdown if "tarjama-table" in m.value and "<th>judgement</th>" in m.value]
    assert table.count("<td class='tarjama-ar' dir='rtl' lang='ar'>") == 2 * len(rows)
    at.button(key="align-export").click()
    at.run()
    assert not at.exception
    folder = workspace.root / "exports" / "human_pairs"
    assert (folder / "train.jsonl").is_file() and (folder / "README.md").is_file()
    assert any("human_pairs/" in s.value for s in at.success)
    assert [d.proto.label for d in at.get("download_button")] == ["Download human_pairs.zip"]
