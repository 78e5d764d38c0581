"""Reward-model ensembles and uncertainty-ordered queues on the pages (AppTest)."""

from __future__ import annotations

import json

import pytest

from tests.engine.feedback.helpers import build_tiny_rm

pytestmark = pytest.mark.usefixtures("one_torch_thread")


@pytest.fixture(scope="module")
def rm_dirs(tiny_policy_dir, tmp_path_factory):
    import torch

    from engine.models.loading import load_tokenizer
    from engine.reward.model import build_reward_model, save_reward_model

    first = build_tiny_rm(tiny_policy_dir, tmp_path_factory.mktemp("page-rm-a") / "rm")
    tok = load_tokenizer(tiny_policy_dir)
    model = build_reward_model(tiny_policy_dir, pad_token_id=tok.pad_token_id, seed=9)
    with torch.no_grad():
        model.score.weight.mul_(30.0)
    second = save_reward_model(model, tok, tmp_path_factory.mktemp("page-rm-b") / "rm", prompt_format="tags")
    return first, second


@pytest.fixture
def two_rms(store, rm_dirs):
    for name, folder in zip(("rm-a", "rm-b"), rm_dirs, strict=True):
        store.models.register(name, "reward", str(folder), metadata={"prompt_format": "tags"})
    return "rm-a", "rm-b"


def _translate_page(open_page, linguist="Amina"):
    at = open_page()
    at.query_params.update(linguist=linguist)
    at.switch_page("../pages/translate.py")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_translate_with_an_ensemble_shows_the_spread_next_to_each_score(open_page, store, tiny_policy, two_rms):
    at = _translate_page(open_page)
    at.text_area(key="tr-source").input("Good morning, my friend.")
    at.selectbox(key="tr-rm").set_value("rm-a")
    at.run()
    at.multiselect(key="tr-rm-extra").set_value(["rm-b"])
    at.selectbox(key="tr-ens").set_value("min")
    at.text_input(key="tr-strategies").input("greedy, temperature:1.0x4")
    at.number_input(key="tr-max-new").set_value(8)
    at.button(key="tr-translate").click()
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    request = store.feedback.request(at.session_state["tr_request"])
    assert request["rm"] == "rm-a + rm-b (min)"
    cards = [c.value for c in at.caption if c.value.startswith("**#")]
    assert cards and all(" spread · " in c for c in cards)
    first = request["candidates"][0]
    assert f"reward {first['rm_score']:.3f} ± {first['rm_spread']:.3f} spread" in cards[0]
    assert any("ranked by rm-a + rm-b (min)" in c.value for c in at.caption)


def test_queue_ordered_by_disagreement_starts_the_measuring_job(open_page, store, tiny_policy, two_rms, demo_corpus):
    at = _translate_page(open_page, "Lead")
    at.text_input(key="tr-q-name").input("Unsure first")
    at.number_input(key="tr-q-size").set_value(2)
    at.selectbox(key="tr-q-rm").set_value("rm-a")
    at.multiselect(key="tr-q-rm-extra").set_value(["rm-b"])
    at.selectbox(key="tr-q-order").set_value("disagreement")
    next(b for b in at.button if b.label == "Create queue").click()
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    queue = store.feedback.queue(store.feedback.queues()[0]["id"])
    assert queue["settings"]["ordering"] == "disagreement" and queue["settings"]["extra_rms"] == ["rm-b"]
    runs = store.runs.list(kinds=("queue_order",))
    assert len(runs) == 1 and json.loads(runs[0]["config"]) == {"queue_id": queue["id"], "measure": "disagreement"}
    assert any("Ordered by disagreement" in c.value for c in at.caption)


def test_queue_by_disagreement_with_one_reward_model_is_refused(open_page, store, tiny_policy, two_rms, demo_corpus):
    at = _translate_page(open_page, "Lead")
    at.text_input(key="tr-q-name").input("Needs two")
    at.selectbox(key="tr-q-order").set_value("disagreement")
    next(b for b in at.button if b.label == "Create queue").click()
    at.run()
    assert any("needs an ensemble" in e.value for e in at.error)
    assert store.feedback.queues() == []


def test_ppo_form_takes_an_ensemble(open_page, store, tiny_policy, two_rms, demo_corpus):
    at = open_page("ppo")
    at.radio(key="ppo-preset").set_value("Project brief (real models)")
    at.run()
    form = "ppo-form-Project brief (real models)"
    at.selectbox(key=f"{form}-reward_model").set_value("rm-a")
    at.multiselect(key=f"{form}-extra_reward_models").set_value(["rm-b"])
    at.selectbox(key=f"{form}-ensemble").set_value("mean-k*std")
    at.number_input(key=f"{form}-ensemble_k").set_value(0.5)
    at.number_input(key=f"{form}-steps").set_value(2)
    at.number_input(key=f"{form}-batch_size").set_value(4)
    at.button[[b.label for b in at.button].index("Start PPO")].click()
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    config = json.loads(store.runs.list(kinds=("ppo",))[0]["config"])
    assert config["reward_model"] == "rm-a" and config["extra_reward_models"] == ["rm-b"]
    assert config["ensemble"] == "mean-k*std" and config["ensemble_k"] == 0.5


def _curve(values):
    return [{"judgements": 50 * (i + 1), "accuracy": v, "min": v - 0.01, "max": v + 0.01} for i, v in enumerate(values)]


def _seeds(finals):
    return [[{"judgements": 50, "accuracy": 0.55}, {"judgements": 100, "accuracy": f}] for f in finals]


def test_alignment_page_charts_the_active_feedback_measurement(open_page, tmp_path, monkeypatch):
    from studio.components.active_feedback import RESULTS_ENV

    monkeypatch.setenv(RESULTS_ENV, str(tmp_path / "absent.json"))
    at = open_page("alignment")
    assert any("python -m bench.active_feedback" in i.value for i in at.info)
    measured = {
        "curves_mean": {
            "random": _curve([0.55, 0.6]),
            "disagreement": _curve([0.55, 0.64]),
            "margin": _curve([0.55, 0.58]),
        },
        # per seed, disagreement − random = +0.04, +0.05, +0.03 (mean +0.04, 2 s.e. 0.0115): a measurable win;
        # margin − random = +0.05, −0.06, −0.05: not measurably different
        "curves_per_seed": {
            "random": _seeds([0.60, 0.61, 0.59]),
            "disagreement": _seeds([0.64, 0.66, 0.62]),
            "margin": _seeds([0.65, 0.55, 0.54]),
        },
        "final": {"random": 0.6, "disagreement": 0.64, "margin": 0.58},
        "settings": {"budget": 100, "repeats": 3},
        "load_avg_at_start": [3.5, 3.0, 2.0],
        "machine": {"cpus": 2},
        "heldout_pairs": 400,
    }
    (tmp_path / "m.json").write_text(json.dumps(measured))
    monkeypatch.setenv(RESULTS_ENV, str(tmp_path / "m.json"))
    at = open_page("alignment")
    assert not at.exception
    chart = json.loads(at.get("plotly_chart")[-1].proto.spec)
    assert [t["name"] for t in chart["data"]] == [
        "random sources",
        "ensemble disagreement first",
        "smallest top-two gap first",
    ]
    assert chart["data"][1]["y"] == [0.55, 0.64]
    text = " ".join(m.value for m in at.markdown)
    assert "Ensemble disagreement first beat random by +0.040 (± 0.012, 2 s.e. over 3 seeds)" in text
    assert "Smallest top-two gap first: not measurably different from random (-0.020" in text
    assert any("load 3.5 on 2 CPUs" in c.value for c in at.caption)
