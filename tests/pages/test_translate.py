"""The Translate & feedback page: sign-in, translating, every feedback format, reloads, queues, export."""

from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.engine.feedback.helpers import build_tiny_rm, stored_request

pytestmark = pytest.mark.usefixtures("one_torch_thread")  # the tiny models run fastest on one thread


@pytest.fixture(scope="module")
def tiny_rm_dir(tiny_policy_dir, tmp_path_factory):
    return build_tiny_rm(tiny_policy_dir, tmp_path_factory.mktemp("page-rm") / "rm")


@pytest.fixture
def tiny_rm(store, tiny_rm_dir):
    store.models.register("tiny-rm", "reward", str(tiny_rm_dir), metadata={"prompt_format": "tags"})
    return "tiny-rm"


@pytest.fixture
def typed_names(monkeypatch):
    """Let AppTest send a select box a typed value outside its options, as the browser does for a box that accepts
    new options (AppTest looks every value up among the options)."""
    from streamlit.proto.WidgetStates_pb2 import WidgetState
    from streamlit.testing.v1.element_tree import Selectbox

    original = Selectbox._widget_state

    def state(self):
        if self.value is None or str(self.value) in self.options:
            return original.fget(self)
        ws = WidgetState()
        ws.id = self.id
        ws.string_value = str(self.value)
        return ws

    monkeypatch.setattr(Selectbox, "_widget_state", property(state))


def _sign_in(at: AppTest, name: str) -> AppTest:
    at.selectbox(key="tr-signin-name").set_value(name)
    next(b for b in at.button if b.label == "Sign in").click()
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _page(open_page, **params) -> AppTest:
    """The page opened as after a reload of a URL carrying ``params`` (e.g. ``linguist``, ``request``)."""
    at = open_page()
    at.query_params.update(params)
    at.switch_page("../pages/translate.py")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _submit(at: AppTest) -> AppTest:
    next(b for b in at.button if b.label == "Submit judgement").click()
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _saved(at: AppTest) -> list[str]:
    return [s.value for s in at.success if s.value.startswith("Saved: judgement #")]


def test_the_reward_model_preselected_is_the_one_that_serves_the_model(open_page, store, tiny_policy, tiny_rm,
                                                                       typed_names):
    # a retrain's newer reward model, unpromoted, was preselected: linguists judged a ranking production never serves
    from engine.models.registry import promote

    path = store.models.get(tiny_policy)["path"]
    store.models.register("prod", "policy", path, stage="sft", metadata={"reward_model": tiny_rm})
    promote(store, "prod", confirm_name="prod")
    store.models.register("rm-retrain", "reward", store.models.get(tiny_rm)["path"])
    at = open_page("translate")
    _sign_in(at, "Amina")
    assert at.selectbox(key="tr-model").value == "prod"
    assert at.selectbox(key="tr-rm").options[0] == "rm-retrain" and at.selectbox(key="tr-rm").value == tiny_rm


def test_with_no_reward_model_the_box_says_so(open_page, store, tiny_policy, typed_names):
    # the box read "Choose an option": the page set its value to None (seen on the tour's screenshot)
    at = open_page("translate")
    _sign_in(at, "Amina")
    box = at.selectbox(key="tr-rm")
    assert box.options == ["None registered"] and box.proto.HasField("default") and box.proto.default == 0


def test_switching_the_model_preselects_the_reward_model_that_serves_it(open_page, store, tiny_policy, tiny_rm,
                                                                       typed_names):
    # the keyed select box kept the reward model chosen for the model before: the ranking was by another's
    path = store.models.get(tiny_policy)["path"]
    store.models.register("rm-other", "reward", store.models.get(tiny_rm)["path"])
    store.models.register("other", "policy", path, stage="sft", metadata={"reward_model": "rm-other"})
    store.models.register("mine", "policy", path, stage="sft", metadata={"reward_model": tiny_rm})
    at = open_page("translate")
    _sign_in(at, "Amina")
    at.selectbox(key="tr-model").set_value("mine").run()
    assert at.selectbox(key="tr-rm").value == tiny_rm
    at.selectbox(key="tr-model").set_value("other").run()
    assert at.selectbox(key="tr-rm").value == "rm-other"
    at.selectbox(key="tr-rm").set_value(tiny_rm).run()  # a choice by hand for this model stays
    at.text_area(key="tr-source").input("Hello.").run()
    assert at.selectbox(key="tr-rm").value == tiny_rm
    # back from another page (Streamlit drops the box's value): the model's own again, not the list's first
    at.selectbox(key="tr-model").set_value("mine").run()
    at.switch_page("../pages/data.py").run()
    at.switch_page("../pages/translate.py").run()
    model = at.selectbox(key="tr-model").value
    assert at.selectbox(key="tr-rm").value == store.models.get(model)["metadata"]["reward_model"], model


def test_candidates_of_other_settings_than_those_above_are_said_to_be(open_page, store, tiny_policy, tiny_rm):
    # switching the model or the language, or editing the source, left the candidates under selectors naming
    # another model, with nothing said
    rid = stored_request(store, source="The cat is on the table.", model=tiny_policy)
    store.models.register("other", "policy", store.models.get(tiny_policy)["path"], stage="sft")
    at = _page(open_page, linguist="Amina", request=rid)
    at.text_area(key="tr-source").input("The cat is on the table.").run()
    # reloaded, the box opens on the translation's model, not the default one ("other"): nothing changed
    assert at.selectbox(key="tr-model").value == tiny_policy
    assert not [w for w in at.warning if "changed since these candidates" in w.value]
    at.selectbox(key="tr-model").set_value("other").run()
    at.selectbox(key="tr-lang").set_value("fr").run()
    (warning,) = [w.value for w in at.warning if "changed since these candidates" in w.value]
    assert warning.startswith("The model and language above changed") and "tiny\\-sft's translation" in warning
    assert any(b.label == "Submit judgement" for b in at.button)  # still judged as what it shows


def test_sign_in_then_translate_shows_the_top_three_ranked_and_a_ranking_is_saved(open_page, store, tiny_policy,
                                                                                  tiny_rm, typed_names):
    at = open_page("translate")
    assert at.title[0].value == "6 · Translate & feedback"
    assert [s.value for s in at.subheader] == ["Who is judging?"]
    _sign_in(at, "  Amina  ")
    assert store.feedback.linguists() == ["Amina"] and at.query_params["linguist"] == ["Amina"]
    at.text_area(key="tr-source").input("Le chat dort sur le canapé.")
    at.run()
    assert at.selectbox(key="tr-lang").format_func("auto") == "Detected: French"
    assert at.selectbox(key="tr-model").value == tiny_policy and at.selectbox(key="tr-rm").value == tiny_rm
    at.text_input(key="tr-strategies").input("greedy, temperature:1.0x4")
    at.number_input(key="tr-max-new").set_value(8)
    at.button(key="tr-translate").click()
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    rid = at.session_state["tr_request"]
    request = store.feedback.request(rid)
    assert request["pair"] == "fr-ar" and request["detected"] == "fr" and request["rm"] == tiny_rm
    assert sum(c["n_samples"] for c in request["candidates"]) == 5
    [logged] = store.translation_log.entries()  # what was served is in the translation log
    assert (logged["origin"], logged["request_id"], logged["model"]) == ("translate", rid, tiny_policy)
    assert logged["output"] == request["candidates"][0]["text"]
    assert logged["reward"] == request["candidates"][0]["rm_score"]
    shown = min(3, len(request["candidates"]))
    assert len([c for c in at.caption if c.value.startswith("**#")]) == shown
    assert f"seed {request['settings']['seed']}" in " ".join(c.value for c in at.caption)
    if shown == 1:  # one distinct candidate: nothing to rank
        assert "Rank the candidates" not in at.radio(key=f"tr-kind-{rid}").options
        return
    ranks = [at.selectbox(key=f"tr-rank-{rid}-{p}") for p in range(shown)]
    assert all(r.value is None for r in ranks)  # nothing pre-filled
    for position, rank in enumerate(reversed(range(1, shown + 1))):
        ranks[position].set_value(rank)
    _submit(at)
    assert not at.error, [e.value for e in at.error]
    row = store.feedback.judgements()[0]
    assert row["kind"] == "ranking" and row["linguist"] == "Amina" and row["model"] == tiny_policy
    assert row["ranking"][0] == shown - 1 and row["best"] == shown - 1
    assert _saved(at)


@pytest.mark.parametrize(("kind", "fill", "expect"), [
    ("best", {"tr-best": 2}, {"best": 2, "none_acceptable": False}),
    ("none", {"tr-tags": ["accuracy", "omission"], "tr-comment": "all three drop the verb"},
     {"none_acceptable": True, "tags": ["accuracy", "omission"], "comment": "all three drop the verb"}),
    ("post_edit", {"tr-edit": "القطة نائمة على الأريكة."}, {"correction": "القطة نائمة على الأريكة."}),
])
def test_each_feedback_format_is_stored_and_survives_a_reload(open_page, store, kind, fill, expect):
    rid = stored_request(store)
    at = _page(open_page, linguist="Bilal", request=rid)
    assert at.session_state["tr_linguist"] == "Bilal" and at.session_state["tr_request"] == rid
    at.radio(key=f"tr-kind-{rid}").set_value(kind)
    at.run()
    if kind == "post_edit":  # the RTL editor is pre-filled with the top candidate
        assert at.text_area(key=f"tr-edit-{rid}").value == store.feedback.request(rid)["candidates"][0]["text"]
    for key, value in fill.items():
        widget = {"tr-best": at.radio, "tr-tags": at.multiselect, "tr-comment": at.text_area,
                  "tr-edit": at.text_area}[key](key=f"{key}-{rid}")
        widget.set_value(value)
    _submit(at)
    assert _saved(at)
    rows = store.feedback.judgements()
    assert len(rows) == 1 and rows[0]["kind"] == kind and rows[0]["linguist"] == "Bilal"
    assert {k: rows[0][k] for k in expect} == expect
    reloaded = _page(open_page, linguist="Bilal", request=rid)  # a new browser session on the same URL
    assert _saved(reloaded) and not [b for b in reloaded.button if b.label == "Submit judgement"]
    assert store.feedback.count_judgements() == 1


def test_a_candidate_stopped_at_the_token_limit_says_it_may_be_cut(open_page, store):
    from engine.feedback.interactive import record
    from tests.engine.feedback.helpers import fake_translation

    translation = fake_translation(n=3)
    translation.candidates[1].cut = True
    rid = record(store, translation, linguist="Bilal", detected="en")
    assert [c["cut"] for c in store.feedback.request(rid)["candidates"]] == [False, True, False]
    at = _page(open_page, linguist="Bilal", request=rid)
    flagged = [c.value for c in at.caption if "stopped at the token limit" in c.value]
    assert len(flagged) == 1 and flagged[0].startswith("**#2**")


def test_one_distinct_candidate_can_be_accepted_corrected_or_refused_and_nothing_is_chosen_for_you(open_page, store):
    # "None is acceptable" came pre-selected (an untouched submit rejected a right translation), and there was no way
    # to say the only candidate was right: its unchanged post-edit was refused, pointing to a "Pick the best" not shown
    rid = stored_request(store, n=1)  # every sample the same: nothing to rank or pick among
    at = _page(open_page, linguist="Bilal", request=rid)
    kind = at.radio(key=f"tr-kind-{rid}")
    assert kind.options == ["Acceptable as it is", "None is acceptable", "Correct a translation (post-edit)"]
    assert kind.value is None and "Submit judgement" not in [b.label for b in at.button]
    assert any(c.value.startswith("Only one distinct candidate") for c in at.caption)
    kind.set_value("best")
    at.run()
    _submit(at)
    (judged,) = store.feedback.judgements()
    assert _saved(at) and (judged["kind"], judged["best"]) == ("best", 0)
    assert " — Acceptable as it is — " in _saved(at)[0]  # named as chosen, not "Pick the best"
    other = stored_request(store, n=1)
    at = _page(open_page, linguist="Bilal", request=other)
    at.radio(key=f"tr-kind-{other}").set_value("post_edit")
    at.run()
    _submit(at)  # the pre-filled candidate, unchanged
    assert any("use 'Acceptable as it is' instead" in e.value for e in at.error)
    at.text_area(key=f"tr-edit-{other}").set_value("القطة نائمة.")
    _submit(at)
    assert store.feedback.judgements(request_id=other)[0]["correction"] == "القطة نائمة."


def test_a_bad_judgement_is_refused_and_nothing_is_stored(open_page, store):
    rid = stored_request(store)
    at = _page(open_page, linguist="Bilal", request=rid)
    for position in range(3):
        at.selectbox(key=f"tr-rank-{rid}-{position}").set_value(1)  # every candidate ranked 1
    _submit(at)
    assert any("different rank" in e.value for e in at.error)
    at.radio(key=f"tr-kind-{rid}").set_value("post_edit")
    at.run()
    _submit(at)  # the top candidate unchanged is no post-edit
    assert any("unchanged" in e.value for e in at.error)
    assert store.feedback.count_judgements() == 0 and not _saved(at)


def test_all_feedback_filters_and_exports_human_preferences(open_page, store, workspace):
    for linguist in ("Amina", "Bilal"):
        rid = stored_request(store, linguist=linguist)
        at = _page(open_page, linguist=linguist, request=rid)
        at.radio(key=f"tr-kind-{rid}").set_value("best")
        at.run()
        at.radio(key=f"tr-best-{rid}").set_value(1)
        _submit(at)
    at = _page(open_page, linguist="Lead")
    at.multiselect(key="tr-f-who").set_value(["Amina"])
    at.run()
    assert any(c.value.startswith("1 judgement(s)") for c in at.caption)
    at.button(key="tr-export").click()
    at.run()
    exported = workspace.root / "exports" / "human_preferences.jsonl"
    records = [json.loads(line) for line in exported.read_text(encoding="utf-8").splitlines()]
    assert [r["linguist"] for r in records] == ["Amina"] and records[0]["kind"] == "best"
    assert at.get("download_button")


def test_review_queue_next_item_and_agreement_between_two_linguists(open_page, store, tiny_policy, tiny_rm,
                                                                   demo_corpus, monkeypatch):
    import streamlit

    reruns = []  # a submit is stored by the button's callback: the one run it causes confirms it, none more
    plain_rerun = streamlit.rerun
    monkeypatch.setattr(streamlit, "rerun", lambda *a, **k: (reruns.append(k), plain_rerun(*a, **k)))
    at = _page(open_page, linguist="Lead")
    at.text_input(key="tr-q-name").input("Week 1")
    at.number_input(key="tr-q-size").set_value(2)
    next(b for b in at.button if b.label == "Create queue").click()
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    queue = store.feedback.queues()[0]
    assert (queue["name"], queue["items"], queue["k"], queue["model"], queue["rm"]) == (
        "Week 1", 2, 2, tiny_policy, tiny_rm)
    for linguist, ranking_first in (("Amina", 0), ("Bilal", 1)):
        at = _page(open_page, linguist=linguist)
        at.button(key=f"tr-next-{queue['id']}").click()
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        item = at.session_state[f"tr_item::{linguist}::{queue['id']}"]
        rid = item["request_id"]
        n = min(3, len(store.feedback.request(rid)["candidates"]))
        if n > 1:
            order = [ranking_first, 1 - ranking_first, *range(2, n)]
            for rank, position in enumerate(order, start=1):
                at.selectbox(key=f"q{queue['id']}-rank-{rid}-{position}").set_value(rank)
        reruns.clear()
        _submit(at)
        assert reruns == []
        assert any(f"for item {item['item_id']} at" in m for m in _saved(at))
        # the next item came with the confirmation: its form is there without another click
        after = at.session_state[f"tr_item::{linguist}::{queue['id']}"]
        assert after is not None and after["item_id"] != item["item_id"]
        assert [b.label for b in at.button if b.label in ("Submit judgement", "Next item")] == ["Submit judgement"]
        # kept for the tab's later runs (a double click's second run shows it above the next item too; the
        # two-linguist browser journey double-clicks every other submit and waits for it)
        assert f"for item {item['item_id']} at" in at.session_state[f"tr_item::{linguist}::{queue['id']}::saved"]
    rows = store.feedback.judgements(queue_id=queue["id"])
    assert len(rows) == 2 and {(r["item_id"], r["request_id"]) for r in rows} == {(rows[0]["item_id"], rid)}
    assert not any(m.label == "Sources judged by 2+ linguists" for m in at.metric)  # not on every judgement
    at.toggle(key=f"tr-queue-agreement-{queue['id']}").set_value(True)
    at.run()
    shared = next(m for m in at.metric if m.label == "Sources judged by 2+ linguists")
    assert shared.value == "1"
    assert store.feedback.progress(queue["id"], "Bilal")["judged"] == 2


def test_a_queue_item_judged_in_another_tab_says_the_second_submit_was_refused(open_page, store, tiny_policy,
                                                                               tiny_rm, demo_corpus):
    # the item open in two tabs: the second tab's judgement was refused, the first tab's confirmed in its place, and
    # the queue moved on as if it had been saved
    at = _page(open_page, linguist="Lead")
    at.text_input(key="tr-q-name").input("Twice")
    at.number_input(key="tr-q-size").set_value(2)
    next(b for b in at.button if b.label == "Create queue").click()
    at.run()
    queue = store.feedback.queues()[0]
    tabs = [_page(open_page, linguist="Amina") for _ in range(2)]
    for tab in tabs:
        tab.button(key=f"tr-next-{queue['id']}").click()
        tab.run()
    items = [tab.session_state[f"tr_item::Amina::{queue['id']}"] for tab in tabs]
    assert items[0]["item_id"] == items[1]["item_id"]  # one item handed out, open twice
    rid = items[0]["request_id"]
    for tab, kind in zip(tabs, ("none", "best"), strict=True):
        tab.radio(key=f"q{queue['id']}-kind-{rid}").set_value(kind)
        tab.run()
    tabs[1].radio(key=f"q{queue['id']}-best-{rid}").set_value(0)
    _submit(tabs[0])
    _submit(tabs[1])
    assert [r["kind"] for r in store.feedback.judgements(queue_id=queue["id"])] == ["none"]
    refusal = f"Item {items[0]['item_id']}: Not saved: Amina already judged"
    assert any(e.value.startswith(refusal) for e in tabs[1].error), [e.value for e in tabs[1].error]


def test_a_finished_batch_run_offers_its_translations_for_download(open_page, store, workspace, tiny_policy, tiny_rm):
    run_id = "translate_batch-test"
    out = workspace.run_dir(run_id) / "outputs"
    out.mkdir(parents=True)
    row = {"line": 1, "pair": "en-ar", "source": "The cat.", "translation": "القطة.", "score": 0.5, "alternatives": []}
    (out / "translations.jsonl").write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    (out / "translations.tsv").write_text("line\tpair\tsource\ttranslation\tscore\talternatives\n", encoding="utf-8")
    store.runs.create(run_id, "translate_batch", "Batch translation of in.txt", {}, str(out.parent))
    with store.db.transaction() as cur:
        store.runs.mark_final(cur, run_id, "succeeded", None)
    at = _page(open_page, linguist="Amina")
    assert any(b.label == "Translate the file" for b in at.button)  # the upload form
    labels = [d.proto.label for d in at.get("download_button")]
    assert labels == ["Download TSV", "Download JSONL"]
    assert any("القطة." in m.value for m in at.markdown)


def test_every_batch_run_stays_downloadable_and_a_refusal_quoting_the_file_is_text(open_page, store, workspace,
                                                                                   tiny_policy, tiny_rm):
    # the tab showed the newest batch run alone: one started or cancelled by anyone hid a finished run's downloads
    def batch_run(run_id, title, status, rows):
        out = workspace.run_dir(run_id) / "outputs"
        out.mkdir(parents=True)
        if rows:
            (out / "translations.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                                    encoding="utf-8")
            (out / "translations.tsv").write_text("line\tpair\tsource\ttranslation\tscore\n", encoding="utf-8")
        store.runs.create(run_id, "translate_batch", title, {}, str(out.parent))
        with store.db.transaction() as cur:
            store.runs.mark_final(cur, run_id, status, None)

    row = {"line": 1, "pair": "en-ar", "source": "The cat.", "translation": "القطة.", "score": 0.5, "alternatives": []}
    batch_run("translate_batch-done", "Batch translation of done.txt", "succeeded", [row])
    batch_run("translate_batch-newer", "Batch translation of big.txt", "cancelled", [])
    at = _page(open_page, linguist="Amina")
    picker = at.selectbox(key="tr-batch-pick")
    assert picker.value == "translate_batch-newer" and not at.get("download_button")
    picker.set_value("translate_batch-done").run()
    assert [d.proto.label for d in at.get("download_button")] == ["Download TSV", "Download JSONL"]
    # the file's own text in a refusal is shown as written, not as Markdown (a live link)
    at.get("file_uploader")[0].upload("bad.jsonl", b'{"source": "ok", "pair": "[click](http://evil.example) **x**"}\n')
    at.run()
    next(b for b in at.button if b.label == "Translate the file").click().run()
    (refusal,) = [e.value for e in at.error if "click" in e.value]
    assert "\\[click\\]\\(http" in refusal and "\\*\\*x\\*\\*" in refusal


def test_the_batch_forms_reward_model_can_be_none_once_one_is_registered(open_page, store, tiny_policy, tiny_rm):
    # the consensus pick (no reward model) could not be chosen once any reward model was registered
    at = _page(open_page, linguist="Amina")
    box = next(b for b in at.selectbox if b.label == "Reward model" and b.key.startswith("tr-batch"))
    assert box.options[-1] == "none" and box.value == tiny_rm
    box.set_value("").run()
    assert next(b for b in at.selectbox if b.label == "Reward model" and b.key.startswith("tr-batch")).value == ""


def test_the_batch_forms_reward_model_follows_the_model_chosen(open_page, store, tiny_policy, tiny_rm, monkeypatch):
    # the model was picked inside the form, which does not rerun before it is sent: the reward model stayed the
    # default model's
    from engine.monitor import serving

    store.models.register("other-rm", "reward", store.models.get(tiny_rm)["path"])
    store.models.register("cold", "policy", store.models.get(tiny_policy)["path"], stage="cold-start")
    served = {tiny_policy: tiny_rm, "cold": "other-rm"}
    monkeypatch.setattr(serving, "serving_reward_model", lambda store, settings, policy: served.get(policy))
    at = _page(open_page, linguist="Amina")
    model = at.selectbox(key="tr-batch-model")
    assert model.value in (tiny_policy, "cold")
    for name in (tiny_policy, "cold", tiny_policy):
        at.selectbox(key="tr-batch-model").set_value(name).run()
        assert at.selectbox(key="tr-batch-reward_model").value == served[name], name


def test_one_name_field_takes_a_known_or_a_new_linguist(open_page, store, typed_names):
    store.feedback.register_linguist("Amina")
    at = open_page("translate")
    box = at.selectbox(key="tr-signin-name")
    assert box.options == ["Amina"] and not at.text_input  # no second "new linguist" field
    _sign_in(at, "Karim")  # a new name typed in the same field
    assert at.session_state["tr_linguist"] == "Karim" and sorted(store.feedback.linguists()) == ["Amina", "Karim"]
    at.button(key="tr-signout").click()
    at.run()
    _sign_in(at, "Amina")  # an existing one picked
    assert at.session_state["tr_linguist"] == "Amina"


def test_an_untouched_ranking_is_not_recorded_as_agreement(open_page, store):
    rid = stored_request(store)
    at = _page(open_page, linguist="Bilal", request=rid)
    _submit(at)  # nothing chosen: the model's order is not submitted as the linguist's
    assert any("Rank every candidate" in e.value for e in at.error)
    assert store.feedback.count_judgements() == 0
    at.checkbox(key=f"tr-as-shown-{rid}").check()  # an explicit "the order shown is right"
    _submit(at)
    row = store.feedback.judgements()[0]
    assert row["kind"] == "ranking" and row["ranking"] == [0, 1, 2]


def test_a_second_judgement_from_another_tab_is_refused_in_words_not_confirmed(open_page, store):
    # the same translation open in two tabs: the second submit was refused, and the page showed the first tab's
    # judgement as "Saved" — the best pick was lost without a word
    rid = stored_request(store)
    first, second = (_page(open_page, linguist="Faye", request=rid) for _ in range(2))
    second.radio(key=f"tr-kind-{rid}").set_value("best")
    second.run()
    second.radio(key=f"tr-best-{rid}").set_value(2)
    first.checkbox(key=f"tr-as-shown-{rid}").check()
    _submit(first)
    _submit(second)
    assert store.feedback.count_judgements() == 1 and store.feedback.judgements()[0]["kind"] == "ranking"
    assert any("Not saved: Faye already judged this translation" in e.value for e in second.error)


def test_pick_the_best_needs_a_pick(open_page, store):
    rid = stored_request(store)
    at = _page(open_page, linguist="Bilal", request=rid)
    at.radio(key=f"tr-kind-{rid}").set_value("best")
    at.run()
    assert at.radio(key=f"tr-best-{rid}").value is None
    _submit(at)
    assert any("Pick the best" in e.value for e in at.error) and store.feedback.count_judgements() == 0


def test_a_candidate_card_names_each_strategy_once_and_its_sample_count(open_page, store):
    """Found on the tour (test-artifacts/tour/37-…judgement-saved.png): cards read "temperature:1.0x2 ×2" (the spec's
    x2 is the samples asked of the strategy, not of this text) and "greedy ×5" for a text four sampled rows repeated."""
    from engine.feedback.interactive import RankedCandidate, record
    from tests.engine.feedback.helpers import fake_translation

    translation = fake_translation(n=2)
    translation.candidates = [
        RankedCandidate("الأولاد يلعبون في الحديقة.", 0.9, "greedy", ["greedy", "temperature:0.7x2", "top_p:0.9x2"], 5),
        RankedCandidate("يلعب الأطفال في الحديقة.", 0.5, "temperature:1.0x2", ["temperature:1.0x2"], 1),
    ]
    rid = record(store, translation, linguist="Amina", detected="en")
    at = _page(open_page, linguist="Amina", request=rid)
    captions = [c.value for c in at.caption if c.value.startswith("**#")]
    assert captions == ["**#1** · reward 0.900 · greedy, temperature:0.7, top_p:0.9 · 5 samples",
                        "**#2** · reward 0.500 · temperature:1.0"]


def test_the_sign_in_returns_to_the_address_after_the_sidebar_dropped_it(open_page, store, typed_names):
    # the sidebar's links open /translate without ?linguist=…: a reload then asked "Who is judging?" again
    at = open_page("translate")
    _sign_in(at, "Layla")
    at.query_params.clear()  # as after Models → 6 · Translate & feedback in the sidebar
    at.run()
    assert at.query_params["linguist"] == ["Layla"]


def test_a_reload_on_another_page_keeps_the_sign_in(open_page, store):
    # signed in, on Runs, reload (a new session whose address still says ?linguist=Layla — the app shell put it
    # there), then the sidebar's link to Translate (which drops the address's parameters): still signed in
    at = open_page()
    at.query_params.update({"linguist": "Layla"})
    at.switch_page("../pages/runs.py")
    at.run()
    at.query_params.clear()
    at.switch_page("../pages/translate.py")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert "Who is judging?" not in [s.value for s in at.subheader]
    assert at.query_params["linguist"] == ["Layla"] and store.feedback.linguists() == ["Layla"]


def test_a_name_with_markdown_in_the_address_shows_as_it_is(open_page, store):
    # ?linguist=L [c](javascript:alert(1)) :red[RED] **b** rendered a link, red and bold text in the banner
    name = "L [c](javascript:alert(1)) :red[RED] **b**"
    at = _page(open_page, linguist=name)
    banner = next(m.value for m in at.markdown if m.value.startswith("Signed in as"))
    assert "[c](" not in banner and ":red[" not in banner and "**b**" not in banner
    assert re.sub(r"\\(.)", r"\1", banner) == f"Signed in as **{name}** — your judgements are recorded under this name."


def test_batch_translation_without_a_reward_model_picks_by_the_samples_consensus(open_page, store, tiny_policy):
    # right after the demo set-up the tab said only "needs a policy model and a reward model"
    at = _page(open_page, linguist="Amina")
    assert any(c.value.startswith("**Reward model**: none registered yet — not needed: each line's translation is "
                                  "then the candidate its samples agree with most") for c in at.caption)
    assert "Translate the file" in [b.label for b in at.button]


def test_the_translation_shown_is_back_in_the_address_after_another_page(open_page, store):
    # the sidebar's links drop the address's parameters: back on Translate, a reload lost the translation
    rid = stored_request(store)
    at = _page(open_page, linguist="Amina", request=rid)
    at.switch_page("../pages/runs.py")
    at.run()
    at.query_params.clear()
    at.switch_page("../pages/translate.py")
    at.run()
    assert not at.exception and at.query_params["request"] == [rid]
