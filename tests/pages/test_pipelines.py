"""The Pipelines page: start Phase 2 in one click, see the steps, and resume a failed pipeline."""

from __future__ import annotations

from tests.pages.conftest import by_label


def test_empty_page_offers_both_phases(open_page):
    at = open_page("pipelines")
    assert at.title[0].value == "Pipelines"
    assert [o for o in at.radio(key="pipelines-template").options] == ["Phase 2 · cold start",
                                                                       "Phase 3 · human alignment"]
    assert any("No pipeline yet" in i.value for i in at.info)
    # no form to submit into "no sft model is registered": the page says what is missing
    assert any(i.value.startswith("No SFT model yet") for i in at.info)
    assert not [b for b in at.button if b.label.startswith("Run Phase")]
    at.radio(key="pipelines-template").set_value("Phase 3 · human alignment").run()
    assert any(i.value.startswith("No cold-start model yet") for i in at.info)


def test_phase2_starts_with_its_steps(open_page, store, tiny_policy, tiny_policy_dir, demo_corpus, monkeypatch):
    monkeypatch.setattr("studio.components.job_panel.DOUBLE_SUBMIT_S", 600.0)  # the double click, runs later
    # a newer policy that is not an SFT model: Phase 2 still starts from the SFT model
    store.models.register("later-cold", "policy", str(tiny_policy_dir), stage="cold-start",
                          metadata={"prompt_format": "tags"})
    at = open_page("pipelines")
    at.number_input(key="pipelines-phase2-Small demo model-sample_size").set_value(4)
    # the settings field takes words and numbers as name=value pairs
    at.text_input(key="pipelines-phase2-Small demo model-grpo_settings").set_value(
        "method=rloo, chrf_weight=1, max_steps=3, max_prompts=4, learning_rate=2e-4")
    by_label(at.button, "Run Phase 2 · cold start").click()
    at.run()
    assert not at.exception
    pipeline = store.pipelines.list()[0]
    # the small demo model's preset (offered first on a CPU): GRPO with chrF against the references (its settings
    # edited above), on the chosen corpora
    assert [s["name"] for s in pipeline["steps"]] == ["generate", "score", "reward", "grpo"]
    grpo = pipeline["steps"][3]["config"]
    assert (grpo["method"], grpo["chrf_weight"], grpo["max_steps"], grpo["max_prompts"], grpo["learning_rate"]) == (
        "rloo", 1.0, 3, 4, 2e-4)
    assert grpo["corpus_ids"] == pipeline["steps"][0]["config"]["corpus_ids"]
    assert pipeline["steps"][0]["status"] in ("running", "succeeded")  # launched (a warm start is quick)
    assert pipeline["steps"][1]["config"]["generate_run"] == "$run:generate"
    assert pipeline["steps"][0]["config"]["model"] == pipeline["steps"][3]["config"]["policy"] == "tiny-sft"
    # the chosen pipeline's step table comes first, above the form: every step with its status, run and model
    steps = at.dataframe[0].value
    assert list(steps.columns) == ["step", "job", "status", "progress", "run", "made", "error"]
    assert steps["status"].tolist() == ["running", "pending", "pending", "pending"]
    assert steps["run"].iloc[0] == f"runs?run={pipeline['steps'][0]['run_id']}"
    assert at.dataframe[1].value["status"].tolist() == ["running"]  # all pipelines, folded away
    # a double click submits the form twice: the second starts no second pipeline (each ran to its own final model)
    by_label(at.button, "Run Phase 2 · cold start").click()
    at.run()
    assert len(store.pipelines.list()) == 1
    assert any(f"Pipeline #{pipeline['id']} started with these settings a moment ago" in i.value for i in at.info)


def _phase3_started(open_page, store, tiny_policy_dir, demo_corpus):
    """The Pipelines page after *Run Phase 3* from a cold-start model, with no feedback yet (it fails at once)."""
    store.models.register("cold", "policy", str(tiny_policy_dir), stage="cold-start",
                          metadata={"prompt_format": "tags", "reward_model": "tiny-rm"})
    at = open_page("pipelines")
    at.radio(key="pipelines-template").set_value("phase3")
    at.run()
    at.multiselect(key="pipelines-phase3-Small demo model-corpus_ids").set_value([demo_corpus])
    by_label(at.button, "Run Phase 3 · human alignment").click()
    at.run()
    assert not at.exception
    return at


def test_a_phase3_without_feedback_fails_with_the_reason_and_can_be_resumed(open_page, store, tiny_policy,
                                                                           tiny_policy_dir, tiny_rm, demo_corpus):
    at = _phase3_started(open_page, store, tiny_policy_dir, demo_corpus)
    assert store.pipelines.list()[0]["status"] == "failed"
    assert any("no judgements match" in e.value for e in at.error)
    from tests.conftest import seed_feedback

    seed_feedback(store, 3)
    by_label(at.button, "Resume pipeline").click()
    at.run()
    assert not at.exception
    pipeline = store.pipelines.list()[0]
    assert pipeline["status"] == "running" and pipeline["steps"][0]["run_id"]


def test_a_failed_pipelines_view_looks_again_for_a_resume_made_elsewhere(open_page, store, monkeypatch):
    # resumed in another tab (or its run on the Runs page), the view kept saying "failed" with its Resume button
    import streamlit

    from studio.components.pipeline_panel import RESUMABLE_REFRESH_SECONDS

    real, asked = streamlit.fragment, []

    def fragment(*args, **kwargs):
        asked.append(kwargs.get("run_every"))
        return real(*args, **kwargs)

    monkeypatch.setattr(streamlit, "fragment", fragment)
    pid = store.pipelines.create("Phase 2 · cold start", "phase2", [{"name": "score", "kind": "score", "config": {}}])
    store.pipelines.set_status(pid, "failed", error="the score step failed")
    at = open_page("pipelines")
    assert not at.exception and RESUMABLE_REFRESH_SECONDS in asked
    store.pipelines.set_status(pid, "succeeded")
    asked.clear()
    at.run()
    assert not at.exception and RESUMABLE_REFRESH_SECONDS not in asked  # a finished one is not looked at again


def test_a_pipelines_steps_are_shown_first_with_runs_and_models(open_page, store, workspace):
    pid = store.pipelines.create("Phase 2 · cold start", "phase2", [
        {"name": "score", "kind": "score", "config": {}}, {"name": "ppo", "kind": "ppo", "config": {}}])
    workspace.run_dir("r-ppo").mkdir(parents=True)
    store.runs.create("r-ppo", "ppo", "PPO", {}, str(workspace.run_dir("r-ppo")))
    store.models.register("cold-1", "policy", "/m/cold", stage="cold-start", run_id="r-ppo")
    store.pipelines.set_step(pid, 0, status="succeeded")
    store.pipelines.set_step(pid, 1, status="succeeded", run_id="r-ppo")
    store.pipelines.set_status(pid, "succeeded")
    at = open_page("pipelines")
    assert not at.exception
    assert at.subheader[0].value == "Pipeline steps"
    steps = at.dataframe[0].value
    assert steps["step"].tolist() == ["1 · score", "2 · ppo"]
    assert steps["made"].tolist() == ["", "cold-1 (cold-start)"] and steps["run"].tolist()[1] == "runs?run=r-ppo"


def test_the_form_shows_the_chosen_rl_methods_fields_only(open_page, store, tiny_policy, demo_corpus):
    """Found on the tour (test-artifacts/tour/05-pipelines.png): the Small demo model preset runs GRPO, yet the form
    showed PPO steps, PPO learning rate and KL coefficient — which GRPO ignores — while the GRPO settings it does use
    were folded away under Advanced settings. The RL method is chosen above the form now, and the form shows that
    method's own fields: GRPO's settings in view, PPO's hidden; choosing PPO brings them back, at the preset's
    values."""
    at = open_page("pipelines")
    assert not at.exception
    method = at.radio(key="pipelines-phase2-Small demo model-rl-method")
    assert method.value == "grpo" and method.options == ["PPO", "GRPO / RLOO", "DPO"]
    labels = {w.label for w in [*at.number_input, *at.text_input]}
    assert not labels & {"PPO steps", "PPO learning rate", "KL coefficient", "Other PPO settings", "DPO settings"}
    settings = at.text_input(key="pipelines-phase2-Small demo model-grpo_settings")
    assert "method=grpo" in settings.value and "max_prompts=0" in settings.value
    assert "name=value pairs" in settings.help
    folded = {w.label for e in at.expander if e.label == "Advanced settings" for w in e.text_input}
    assert "GRPO settings" not in folded and "Other generate settings" in folded
    caption = " ".join(c.value for c in at.caption)
    assert "PPO: the cold-start model" not in caption and "the form shows its settings" in caption

    method.set_value("ppo").run()
    assert not at.exception
    assert at.number_input(key="pipelines-phase2-Small demo model-ppo_steps").value == 150  # the preset's
    assert "GRPO settings" not in {w.label for w in at.text_input}
    at.number_input(key="pipelines-phase2-Small demo model-ppo_steps").set_value(3)
    by_label(at.button, "Run Phase 2 · cold start").click()
    at.run()
    assert not at.exception
    ppo = store.pipelines.list()[0]["steps"][3]
    assert ppo["kind"] == "ppo" and ppo["config"]["steps"] == 3 and ppo["config"]["kl_coef"] == 1.0


def test_every_settings_field_reads_json_values(open_page, store, tiny_policy, demo_corpus):
    """Found reading the code: the pipeline forms read *Other generate settings* (and the score, reward-model and PPO
    ones) with a plain comma split, so the README's own example — ``strategies=["greedy", "top_p:0.9x2"]`` — was cut
    at its inner comma and refused. Every settings field now reads as the job forms' do."""
    at = open_page("pipelines")
    key = "pipelines-phase2-Small demo model"
    assert "JSON" in at.text_input(key=f"{key}-generate_settings").help
    at.text_input(key=f"{key}-generate_settings").set_value('strategies=["greedy", "top_p:0.9x2"], max_new_tokens=24')
    at.text_input(key=f"{key}-score_settings").set_value("weights={\"chrf\": 1.0}")
    by_label(at.button, "Run Phase 2 · cold start").click()
    at.run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    steps = store.pipelines.list()[0]["steps"]
    assert steps[0]["config"]["strategies"] == ["greedy", "top_p:0.9x2"]
    assert steps[0]["config"]["max_new_tokens"] == 24
    assert steps[1]["config"]["weights"] == {"chrf": 1.0}


def test_a_settings_box_with_a_part_it_cannot_read_starts_nothing(open_page, store, tiny_policy, demo_corpus):
    # "max_steps: 3" was shown as an error, and the pipeline started anyway without it (whole epochs, not 3 steps)
    at = open_page("pipelines")
    at.text_input(key="pipelines-phase2-Small demo model-grpo_settings").set_value("max_steps: 3, batch_size=2")
    by_label(at.button, "Run Phase 2 · cold start").click()
    at.run()
    assert any("“max_steps: 3” is not name=value" in e.value for e in at.error)
    assert any("GRPO settings cannot be read (see above); nothing was started" in e.value for e in at.error)
    assert store.pipelines.list() == []


def test_a_pipeline_just_started_is_the_one_shown(open_page, store, tiny_policy, tiny_policy_dir, tiny_rm,
                                                  demo_corpus, monkeypatch):
    # the page kept showing the pipeline chosen before ("#1 … succeeded"), inviting a second start
    monkeypatch.setattr("studio.components.job_panel.DOUBLE_SUBMIT_S", 0.0)  # the second start is no double click
    at = _phase3_started(open_page, store, tiny_policy_dir, demo_corpus)
    first = store.pipelines.list()[0]["id"]
    assert at.selectbox(key="pipelines-chosen").value == first

    by_label(at.button, "Run Phase 3 · human alignment").click()
    at.run()
    assert not at.exception
    second = store.pipelines.list()[0]["id"]
    assert second != first and at.selectbox(key="pipelines-chosen").value == second


def test_a_phase_form_given_an_archived_model_keeps_it(workspace, monkeypatch, store, tiny_policy, tiny_policy_dir,
                                                        tiny_rm):
    # the pickers list the models in use: a form whose values name an archived reward model showed "automatic"
    # and fine-tuned the newest one instead (the job forms' pickers keep such a value)
    from streamlit.testing.v1 import AppTest

    from engine.models.registry import archive

    def form() -> None:
        from studio.components.pipeline_panel import pipeline_form

        pipeline_form("phase3", key="p3", defaults={"rl_method": "dpo", "reward_model": "tiny-rm"})

    monkeypatch.setenv("TARJAMA_WATCHER", "0")
    store.models.register("cold", "policy", str(tiny_policy_dir), stage="cold-start", parent="tiny-sft",
                          metadata={"prompt_format": "tags", "reward_model": tiny_rm})
    store.models.register("rm-new", "reward", store.models.get(tiny_rm)["path"], metadata={"prompt_format": "tags"})
    archive(store, tiny_rm)
    at = AppTest.from_function(form, default_timeout=60).run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.selectbox(key="p3-reward_model").value == tiny_rm


def test_a_job_form_is_not_submitted_by_enter(open_page, tiny_policy, demo_corpus, monkeypatch):
    # Enter in a number field submitted the form: three Phase 2 pipelines started, one per field typed in
    import streamlit as st

    made, form = [], st.form

    def recording_form(key, *args, **kwargs):
        made.append((key, kwargs.get("enter_to_submit", True)))
        return form(key, *args, **kwargs)

    monkeypatch.setattr(st, "form", recording_form)
    at = open_page("pipelines")
    assert not at.exception
    job_forms = [(key, enter) for key, enter in made if key.startswith("pipe")]
    assert job_forms and not any(enter for _, enter in job_forms), made
