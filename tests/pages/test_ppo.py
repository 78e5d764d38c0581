"""The PPO page: launch from the form, then watch the monitor with alarms and sample translations."""

from __future__ import annotations

import json

import pytest

from engine.jobs.ppo import PPOJobConfig
from tests.pages.conftest import shown


def test_without_a_reward_model_the_page_says_so(open_page):
    at = open_page("ppo")
    assert at.title[0].value == "4 · PPO"
    assert any("Train a reward model first" in i.value for i in at.info)


def test_on_a_cpu_the_small_demo_preset_is_offered_first(open_page, tiny_policy, tiny_rm, demo_corpus):
    at = open_page("ppo")
    assert at.radio(key="ppo-preset").value == "Small demo model"
    assert at.number_input(key="ppo-form-Small demo model-steps").value == 150


def test_form_starts_ppo_with_brief_defaults(open_page, store, tiny_policy, tiny_rm, demo_corpus):
    at = open_page("ppo")
    at.radio(key="ppo-preset").set_value("Project brief (real models)")
    at.run()
    at.number_input(key="ppo-form-Project brief (real models)-steps").set_value(2)
    at.number_input(key="ppo-form-Project brief (real models)-batch_size").set_value(4)
    at.button[[b.label for b in at.button].index("Start PPO")].click()
    at.run()
    assert not at.exception
    config = json.loads(store.runs.list(kinds=("ppo",))[0]["config"])
    assert config["learning_rate"] == 1.41e-5 and config["kl_coef"] == 0.1 and config["cliprange"] == 0.2
    assert config["mini_batch_size"] == 2 and config["policy"] == "tiny-sft" and config["reward_model"] == "tiny-rm"


@pytest.mark.slow
def test_monitor_shows_charts_health_and_samples(open_page, supervisor, store, tiny_policy, tiny_rm, demo_corpus):
    run_id = supervisor.start("ppo", PPOJobConfig(policy="tiny-sft", reward_model="tiny-rm", corpus_ids=[demo_corpus],
                                                  steps=2, batch_size=4, ppo_epochs=1, response_length=6,
                                                  eval_every=1, heldout_size=3, kl_target=0.0))
    assert supervisor.wait(run_id, timeout_s=300) == "succeeded"
    at = open_page("ppo")
    assert len(at.get("plotly_chart")) == 10
    last_kl = [m["value"] for m in store.runs.metrics(run_id, keys=("kl",))][-1]
    if last_kl > 0:  # with a target of 0 any positive KL is an alarm
        assert any("kl above target" in e.value for e in at.error)
    degenerate = [m["value"] for m in store.runs.metrics(run_id, keys=("degenerate_share",))][-1]
    if degenerate >= 0.5:  # the random tiny policy writes broken translations: said, and "No alarm" is not
        assert any("degenerate high" in e.value for e in at.error)
        assert not any("No alarm" in s.value for s in at.success)
    elif last_kl <= 0:
        assert any("No alarm" in s.value for s in at.success) or any("negative kl" in e.value for e in at.error)
    samples = next(m.value for m in at.markdown if "Policy (greedy)" in m.value)
    assert samples.count("class='tarjama-ar' dir='rtl' lang='ar'") == samples.count("tarjama-ar") > 0


def test_grpo_form_offers_dropping_solved_sources_off_by_default(open_page, tiny_policy, tiny_rm, demo_corpus):
    at = open_page("ppo")
    fields = [w for w in at.number_input if w.key and w.key.startswith("grpo-form-") and
              w.key.endswith("-drop_solved_at")]
    assert fields, [w.key for w in at.number_input if w.key and w.key.startswith("grpo-form-")]
    assert all(w.label == "Drop solved sources at chrF" and w.value == 0.0 for w in fields)
    assert "greedily" in fields[0].help


def test_grpo_with_a_reward_model_registered_preselects_it_and_offers_none(open_page, tiny_policy, tiny_rm,
                                                                            demo_corpus):
    # review mend: with "none" offered, the form's empty default opened on it and a preset weighting the reward model
    # trained on chrF alone
    at = open_page("ppo")
    (box,) = [b for b in at.selectbox if b.key and b.key.startswith("grpo-form-") and b.key.endswith("-reward_model")
              and b.key.startswith("grpo-form-Small demo model")]
    assert box.options == [tiny_rm, "none"] and box.value == tiny_rm


def test_with_every_reward_model_archived_ppo_says_so_and_another_run_going_is_named(open_page, store, workspace,
                                                                                     tiny_policy, tiny_rm):
    # an archived reward model was the PPO form's default, with nothing said; a run started beside another took the
    # first's monitor off the page with nothing said
    from engine.models.registry import archive

    archive(store, tiny_rm)
    at = open_page("ppo")
    assert any(i.value.startswith("Every reward model is archived") for i in at.info)
    for run_id in ("ppo-first", "ppo-second"):
        store.runs.create(run_id, "ppo", f"PPO {run_id}", {}, str(workspace.run_dir(run_id)))
    at = open_page("ppo")
    assert any(shown(i.value).startswith("Also running: PPO ppo-first") for i in at.info), [i.value for i in at.info]


def test_grpo_without_a_reward_model_says_it_is_not_needed(open_page, tiny_policy, demo_corpus):
    """Found on the tour: with no reward model yet the GRPO form warned "No reward model is registered yet" above a
    preset whose only reward is chrF (reward-model weight 0). It says quietly that none is needed for that."""
    at = open_page("ppo")
    assert not at.exception
    assert not [w for w in at.warning if "reward model is registered" in w.value]
    assert any("Reward model**: none registered yet — not needed with *Reward-model weight* 0" in c.value
               for c in at.caption)
    assert at.number_input(key="grpo-form-Small demo model-rm_weight").value == 0.0
    # and the chosen preset says what it sets
    assert any(c.value.startswith("*Small demo model* sets ") and "Step limit 450" in c.value for c in at.caption)


def test_grpo_and_dpo_on_this_page_register_the_cold_start_as_ppo_does(open_page, tiny_policy, demo_corpus):
    # they registered a "candidate" (the stage of scheduled retrains, which the promotion gate holds) where PPO on the
    # same page registers the cold start, so Phase 3 found no cold-start model after the README's GRPO recipe
    at = open_page("ppo")
    stages = {w.key: w.value for w in at.selectbox if w.key and w.key.endswith("-register_stage")}
    assert stages == {"grpo-form-Small demo model-register_stage": "cold-start"}, stages
    from engine.jobs.dpo import DpoJobConfig  # its form shows once there are pairs

    assert DpoJobConfig().register_stage == "cold-start"


def test_after_promotions_the_cold_start_forms_start_from_the_sft_model(open_page, store, tiny_policy,
                                                                        tiny_policy_dir, tiny_rm, demo_corpus,
                                                                        pair_set):
    # a promoted final model was preselected on pages 2–4 (a PPO run from it registered a "cold-start" model whose
    # parent was the final model), and an archived reward model was still the PPO form's default
    from engine.models.registry import archive, promote

    store.models.register("final", "policy", str(tiny_policy_dir), stage="final", parent="tiny-sft",
                          metadata={"prompt_format": "tags"})
    promote(store, "final", confirm_name="final")
    store.models.register("rm-bad", "reward", store.models.get(tiny_rm)["path"], metadata={"prompt_format": "tags"})
    archive(store, "rm-bad")
    at = open_page("ppo")
    assert not at.exception
    policies = {w.key: w.value for w in at.selectbox if w.key and w.key.endswith("-policy")}
    assert policies and set(policies.values()) == {"tiny-sft"}, policies
    assert at.selectbox(key="ppo-form-Small demo model-reward_model").value == tiny_rm
    for page, field in (("preferences", "pref-generate-"), ("reward", "rm-train-")):
        at = open_page(page)
        assert not at.exception
        chosen = {w.key: w.value for w in at.selectbox if w.key and w.key.startswith(field)
                  and w.key.endswith(("-model", "-base_model"))}
        assert chosen and set(chosen.values()) == {"tiny-sft"}, (page, chosen)


def test_page_4_shows_the_cold_starts_ppo_run_not_stage_2s(open_page, store, workspace, tiny_policy, tiny_rm):
    # each page showed the other's newest PPO run as its own: a cancelled cold-start run read as "stage 2 cancelled"
    with store.db.transaction() as cur:
        for run_id, stage in (("ppo-cold", "cold-start"), ("ppo-stage2", "final")):
            store.runs.create(run_id, "ppo", f"PPO {stage}", {"register_stage": stage}, str(workspace.run_dir(run_id)))
            store.runs.mark_final(cur, run_id, "cancelled", None)
    shown = " ".join(m.value for m in open_page("ppo").markdown)
    assert "`ppo-cold`" in shown and "`ppo-stage2`" not in shown
    assert [r["id"] for r in store.runs.list(kinds=("ppo",))][0] == "ppo-stage2"  # the newest is stage 2's
