"""The Compare page: the evaluate form, the comparison (table, chart, pairs, side by side, lineage, export) and
blind A/B judgements."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from tests.engine.compare.helpers import references, seed_two_systems
from tests.pages.conftest import shown

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def compare_page(open_page):
    """The Compare page through the app's navigation."""
    return lambda: open_page("compare")


def _markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_empty_workspace_says_what_to_do_first(compare_page):
    at = compare_page()
    assert at.title[0].value == "5 · Compare"
    infos = " ".join(i.value for i in at.info)
    assert "No policy model yet" in infos and "Nothing evaluated yet" in infos
    assert at.text_input(key="ab-name") is not None  # blind A/B asks for a name first


def test_an_archived_model_is_a_choice_not_a_default(compare_page, store, tiny_policy):
    from engine.models.registry import archive

    path = store.models.get(tiny_policy)["path"]
    store.models.register("cold", "policy", path, stage="cold-start")
    store.models.register("final", "policy", path, stage="final")
    archive(store, tiny_policy)
    at = compare_page()
    models = at.multiselect(key="cmp-eval-models")
    assert f"{tiny_policy} (archived)" in models.options  # still a choice
    assert tiny_policy not in models.value and set(models.value) == {"cold", "final"}


def test_a_model_whose_folder_is_gone_is_a_choice_not_a_default(compare_page, store, tiny_policy, tmp_path):
    # preselected, it failed the evaluation run of every model chosen with it
    store.models.register("cold", "policy", store.models.get(tiny_policy)["path"], stage="cold-start")
    store.models.register("fin1", "policy", str(tmp_path / "moved-away"), stage="final")
    models = compare_page().multiselect(key="cmp-eval-models")
    assert "fin1 (final)" in models.options and set(models.value) == {tiny_policy, "cold"}


def test_form_launches_an_evaluation_on_the_chosen_split(compare_page, store, tiny_policy, demo_corpus):
    rows = [{"line": i + 1, "source": f"Sentence {i}", "target": "جملة", "pair": "en-ar", "split": "train",
             "norm_key": str(i)} for i in range(4)]
    no_test = store.corpora.add("train-only", "en-ar", pa.Table.from_pylist(rows))
    at = compare_page()
    # preselected: the corpora with a test split (an RL prompt pool has none, and was named in the test set)
    assert at.multiselect(key="cmp-eval-corpus_ids").value == [demo_corpus]
    at.multiselect(key="cmp-eval-corpus_ids").set_value([no_test])
    at.button[[b.label for b in at.button].index("Evaluate")].click()
    at.run()
    assert any("train-only has no sentences in the test split" in shown(e.value) for e in at.error)
    assert store.runs.list(kinds=("evaluate",)) == []
    at.multiselect(key="cmp-eval-corpus_ids").set_value([demo_corpus])
    at.number_input(key="cmp-eval-max_new_tokens").set_value(8)
    at.button[[b.label for b in at.button].index("Evaluate")].click()
    at.run()
    assert not at.exception
    (run,) = store.runs.list(kinds=("evaluate",))
    config = json.loads(run["config"])
    assert config["models"] == ["tiny-sft"] and config["split"] == "test" and config["max_new_tokens"] == 8
    # ticked to begin with: the metrics that can run here (BERTScore, COMET and COMET-QE were, with no model for
    # them, and the evaluation succeeded without them, said only in its log); one asked for that cannot is named
    assert config["metrics"] == ["chrf", "bleu", "ter"]
    at.multiselect(key="cmp-eval-metrics").set_value(["chrf", "comet"])
    at.number_input(key="cmp-eval-max_new_tokens").set_value(9)
    at.button[[b.label for b in at.button].index("Evaluate")].click()
    at.run()
    assert any(w.value.startswith("Not computed in this evaluation: COMET") for w in at.warning)


def test_comparison_shows_scores_chart_pairs_sentences_lineage_and_exports(compare_page, store, tmp_path):
    testset, good, bad = seed_two_systems(store, tmp_path)
    at = compare_page()
    assert not at.exception
    picker = at.selectbox(key="cmp-testset")  # "… 1 evaluated" read as one sentence evaluated
    assert picker.format_func(picker.value).endswith(" sentences · 2 evaluations")
    scores = at.dataframe[0].value
    assert list(scores["system"]) == ["final-v1", "sft-v1"] and "chrF" in scores.columns
    assert "[" in scores["chrF"].iloc[0]  # value [low, high]
    assert len(at.get("plotly_chart")) == 1
    pairs = next(d.value for d in at.dataframe if "B − A" in d.value.columns)
    chrf = pairs[(pairs["metric"] == "chrF") & (pairs["level"] == "sentence")].iloc[0]
    assert chrf["better"] == "final-v1"
    # the viewer opens on the sentences where the systems disagree most (it listed the test set in order)
    assert at.toggle(key="cmp-disagree").value is True
    at.toggle(key="cmp-disagree").set_value(False)
    at.run()
    html = _markdown(at)
    assert html.count("class='cmp-sentence'") == 8 and "tarjama-ins" in html and "dir='rtl'" in html
    # every Arabic cell (reference and outputs) is marked as Arabic for a screen reader, not only bidi_table's
    assert html.count("class='tarjama-ar'") == html.count("class='tarjama-ar' dir='rtl' lang='ar'") > 8
    assert any("lineage" in s.value.lower() for s in at.subheader)
    assert {b.label for b in at.get("download_button")} == {"Markdown report", "HTML report", "CSV"}

    at.toggle(key="cmp-disagree").set_value(True)
    at.number_input(key="cmp-top").set_value(3)
    at.run()
    assert _markdown(at).count("class='cmp-sentence'") == 3

    at.radio(key="cmp-method").set_value("randomisation")
    at.run()
    assert not at.exception and any("approximate randomisation" in c.value for c in at.caption)


def test_two_evaluations_whose_labels_read_alike_are_two_systems(compare_page, store, tmp_path):
    # two seeds of one best-of-n stored before the label named the seed: the pickers match options by their label,
    # so the Systems multiselect held one system twice and A/B could never pick two
    from tests.engine.compare.helpers import add_evaluation, add_testset

    testset = add_testset(store)
    keys = [add_evaluation(store, tmp_path / k, testset, "sft-v1", references(), key=k,
                           decoding_label="greedy · best-of-4 (MBR chrF, T=0.8) · ≤64 tokens")
            for k in ("ev-seed0-aaaaaa", "ev-seed1-bbbbbb")]
    at = compare_page()
    systems = at.multiselect(key=next(k for k in at.session_state.filtered_state if k.startswith("cmp-systems-")))
    assert not at.exception and sorted(systems.value) == keys and len(set(systems.options)) == 2
    at = _sign_in(at, "Amal", "lead")
    assert at.selectbox(key="ab-system-1").value != at.selectbox(key="ab-system-2").value
    assert not any("Choose two different systems" in w.value for w in at.warning)


def test_systems_identical_everywhere_still_show_their_sentences(compare_page, store, tmp_path):
    # the viewer opens on the sentences where the systems disagree: with none, it showed a line and no sentence
    from tests.engine.compare.helpers import add_evaluation, add_testset

    testset = add_testset(store)
    for model in ("sft-v1", "cold-v1"):
        add_evaluation(store, tmp_path / model, testset, model, references())
    at = compare_page()
    assert at.toggle(key="cmp-disagree").value is True
    assert "The systems' outputs are identical on every sentence: all of them are shown, in order." in [
        c.value for c in at.caption]
    assert _markdown(at).count("class='cmp-sentence'") == 8


def test_blind_ab_signs_a_variant_of_a_judges_name_in_as_that_judge(compare_page, store, tmp_path):
    testset, good, bad = seed_two_systems(store, tmp_path)
    store.evaluations.record_judgement(testset, 0, "Amal", good, bad, "left")
    at = _sign_in(compare_page(), "amal\u200b", "linguist")
    assert any("Signed in as **Amal** (linguist)" in m.value for m in at.markdown)
    at = _sign_in(compare_page(), "Amal\u202e", "linguist")  # refused with the reason, never signed in
    assert not at.exception and any("bidirectional" in e.value for e in at.error)
    assert not any("Signed in as" in m.value for m in at.markdown)


def test_blind_ab_sign_in_without_a_role_is_refused(compare_page, store, tmp_path):
    # Enter in the name box submits the form: it signed a lead in as a linguist, the role's default
    seed_two_systems(store, tmp_path)
    at = compare_page()
    at.text_input(key="ab-name").input("Amal")
    at.button[[b.label for b in at.button].index("Sign in")].click()
    at.run()
    assert not at.exception and "ab-user" not in at.session_state
    assert any("Choose your role" in e.value for e in at.error)


def _sign_in(at: AppTest, name: str, role: str) -> AppTest:
    """Blind A/B signed in as ``name`` with ``role``."""
    at.radio(key="ab-role").set_value(role)
    at.text_input(key="ab-name").input(name)
    at.button[[b.label for b in at.button].index("Sign in")].click()
    at.run()
    return at


def test_blind_ab_signs_in_records_a_judgement_and_counts_win_rates(compare_page, store, tmp_path):
    testset, good, bad = seed_two_systems(store, tmp_path)
    at = _sign_in(compare_page(), "Amal", "lead")
    assert any("Signed in as **Amal** (lead)" in m.value for m in at.markdown)
    shown = [m.value for m in at.markdown if "tarjama-rtl" in m.value]
    assert shown and not any("final-v1" in m or "sft-v1" in m for m in shown)  # blind: no system names
    at.button(key="ab-left").click()
    at.run()
    assert not at.exception
    (judgement,) = store.evaluations.judgements(testset)
    assert judgement["linguist"] == "Amal" and judgement["role"] == "lead" and judgement["choice"] == "left"
    assert {judgement["left"], judgement["right"]} == {good, bad} and judgement["winner"] == judgement["left"]
    rates = next(d.value for d in at.dataframe if "judgements" in d.value.columns)
    assert rates["judgements"].tolist() == ["1"]
    assert any("1 judged by you" in c.value for c in at.caption)


def test_a_blind_ab_click_counts_for_the_sentence_shown_or_not_at_all(compare_page, store, tmp_path):
    # a stale tab whose sentence the same linguist had judged in another tab: the click's run drew a new sentence
    # first, and the vote was stored for a sentence never seen
    testset, good, bad = seed_two_systems(store, tmp_path)
    at = _sign_in(compare_page(), "Amal", "linguist")
    (item,) = [v for k, v in at.session_state.filtered_state.items() if k.startswith("ab-item-")]
    store.evaluations.record_judgement(testset, item.idx, "Amal", item.right, item.left, "tie")  # the other tab
    at.button(key="ab-left").click()
    at.run()
    assert not at.exception
    assert [(j["idx"], j["choice"]) for j in store.evaluations.judgements(testset)] == [(item.idx, "tie")]
    assert any("You judged that sentence already" in w.value for w in at.warning)
    with pytest.raises(ValueError, match="has judged sentence"):
        store.evaluations.record_judgement(testset, item.idx, "Amal", item.left, item.right, "left")


def _ab_signed_in(compare_page, store, tmp_path, second_outputs: list[str]):
    """Blind A/B signed in, between an SFT model giving the references and a second model giving
    ``second_outputs``."""
    from tests.engine.compare.helpers import add_evaluation, add_testset

    testset = add_testset(store)
    store.models.register("sft-v1", "policy", "/m/sft-v1", stage="sft")
    store.models.register("next-v1", "policy", "/m/next-v1", stage="candidate", parent="sft-v1")
    add_evaluation(store, tmp_path, testset, "sft-v1", references())
    add_evaluation(store, tmp_path, testset, "next-v1", second_outputs)
    return _sign_in(compare_page(), "Amal", "linguist")


def test_blind_ab_of_two_systems_with_the_same_outputs_says_so(compare_page, store, tmp_path):
    # it said "You have judged every sentence where these two systems differ." above "No judgements of this pair"
    at = _ab_signed_in(compare_page, store, tmp_path, references())
    assert not at.exception
    assert any("give the same output on every sentence" in i.value for i in at.info)
    assert not any("You have judged every sentence" in s.value for s in at.success)


def test_blind_ab_says_when_every_differing_sentence_is_judged(compare_page, store, tmp_path):
    at = _ab_signed_in(compare_page, store, tmp_path, ["نص آخر مختلف"] + references()[1:])  # one sentence differs
    at.button(key="ab-left").click()
    at.run()
    assert not at.exception
    assert any("You have judged every sentence where these two systems differ" in s.value for s in at.success)
    assert not any("same output" in i.value for i in at.info)


def test_a_model_with_degenerate_outputs_is_flagged_as_likely_reward_hacking(compare_page, store, tmp_path):
    from tests.engine.compare.helpers import add_evaluation, add_testset, references

    testset = add_testset(store)
    store.models.register("sft-v1", "policy", "/m/sft-v1", stage="sft")
    store.models.register("cold-v1", "policy", "/m/cold-v1", stage="cold-start", parent="sft-v1")
    add_evaluation(store, tmp_path, testset, "sft-v1", references())
    add_evaluation(store, tmp_path, testset, "cold-v1", ["هلمن هلمن هلمن هلمن هلمن هلمن هلمن هلمن"] * 8)
    at = compare_page()
    assert not at.exception
    warning = " ".join(w.value for w in at.warning)
    assert "**cold-v1**: 100% of its outputs fail the output checks, up from 0% for its parent sft-v1" in warning
    assert "reward hacking" in warning and "**sft-v1**" not in warning


def test_bar_chart_values_are_not_printed_on_the_error_bars(compare_page, store, tmp_path):
    seed_two_systems(store, tmp_path)
    at = compare_page()
    (bar,) = json.loads(at.get("plotly_chart")[0].proto.spec)["data"]
    assert bar.get("textposition") != "outside" and not bar.get("text")
    assert all("<br><b>" in x and "[" in x for x in bar["x"])  # the value and its interval under the bar


def test_blind_ab_results_name_the_systems_as_picked_until_the_reveal(compare_page, store, tmp_path):
    testset, good, bad = seed_two_systems(store, tmp_path)
    at = compare_page()
    at.radio(key="ab-role").set_value("linguist")
    at.text_input(key="ab-name").input("Amal")
    at.button[[b.label for b in at.button].index("Sign in")].click()
    at.run()
    first = at.selectbox(key="ab-system-1").value
    item = next(v for k, v in at.session_state.filtered_state.items() if k.startswith("ab-item-"))
    choice = "left" if item.left == first else "right"  # the voter prefers System 1, whichever side it was on
    at.button(key=f"ab-{choice}").click()
    at.run()
    rows = next(d.value for d in at.dataframe if "judgements" in d.value.columns)
    assert "A better" not in rows.columns and "system A" not in rows.columns
    # named as the linguist's pickers name them (System A, System B), the one picked first in the first column
    assert rows[["wins", "losses"]].values.tolist() == [["1", "0"]]
    assert rows["system"].iloc[0] == at.selectbox(key="ab-system-1").format_func(first)
    assert {rows["system"].iloc[0], rows["against"].iloc[0]} == {"System A", "System B"}
    # a linguist judges blind: the pickers named the models and anyone could reveal them
    assert set(at.selectbox(key="ab-system-1").options) == {"System A", "System B"}
    assert "ab-reveal" not in [t.key for t in at.toggle]
    # both pickers on one system: every pair's rows were shown with the models' real names
    at.selectbox(key="ab-system-2").set_value(first)
    at.run()
    assert not at.exception and not [d for d in at.dataframe if "judgements" in d.value.columns]
    assert not any("final-v1" in c.value or "sft-v1" in c.value for c in at.caption)
    at.button(key="ab-signout").click()
    at.run()
    at.radio(key="ab-role").set_value("lead")
    at.text_input(key="ab-name").input("Lina")
    at.button[[b.label for b in at.button].index("Sign in")].click()
    at.run()
    at.selectbox(key="ab-system-1").set_value(first)
    at.selectbox(key="ab-system-2").set_value(good if first == bad else bad)
    at.toggle(key="ab-reveal").set_value(True)
    at.run()
    rows = next(d.value for d in at.dataframe if "judgements" in d.value.columns)
    names = {rows["system"].iloc[0].split(" · ")[0], rows["against"].iloc[0].split(" · ")[0]}
    assert names == {"final-v1", "sft-v1"}
    winner = rows["system"].iloc[0] if rows["wins"].iloc[0] == "1" else rows["against"].iloc[0]
    assert winner.startswith({good: "final-v1", bad: "sft-v1"}[first])


def test_best_of_n_with_the_mbr_pick_launches_without_a_reward_model(compare_page, store, tiny_policy, demo_corpus):
    at = compare_page()
    at.multiselect(key="cmp-eval-corpus_ids").set_value([demo_corpus])
    at.number_input(key="cmp-eval-best_of_n").set_value(4)
    at.button[[b.label for b in at.button].index("Evaluate")].click()
    at.run()
    assert any("best-of-n needs a reward model" in shown(e.value) for e in at.error)  # the default pick is the RM's
    at.selectbox(key="cmp-eval-best_of_n_pick").set_value("mbr")
    at.button[[b.label for b in at.button].index("Evaluate")].click()
    at.run()
    assert not at.exception
    (run,) = store.runs.list(kinds=("evaluate",))
    config = json.loads(run["config"])
    assert config["best_of_n"] == 4 and config["best_of_n_pick"] == "mbr" and config["reward_model"] == ""


def test_a_test_file_is_added_once_and_again_under_another_name_says_so(compare_page, store, tiny_policy):
    # the same sentences under a second name were stored once, under the first, while the page said "Added <second>"
    data = "Good morning.\tصباح الخير.\nWhere is the station?\tأين المحطة؟\n".encode()
    at = compare_page()
    at.file_uploader(key="cmp-upload").upload("news.tsv", data).run()
    at.text_input(key="cmp-upload-name").input("news2024").run()
    at.button(key="cmp-upload-add").click().run()
    assert any("Added news2024: 2 sentences" in s.value for s in at.success), (
        [e.value for e in at.error], [s.value for s in at.success])
    at.text_input(key="cmp-upload-name").input("legalset").run()
    at.button(key="cmp-upload-add").click().run()
    assert not at.exception
    assert not any("Added legalset" in s.value for s in at.success)
    assert any("already the test set news2024: nothing new was stored" in i.value for i in at.info)
    assert [t["name"] for t in store.evaluations.testsets()] == ["news2024"]


def test_the_blind_ab_tab_is_a_fragment():
    # a judgement reruns the tab alone, not the comparison's charts and reports; AppTest runs whole pages, so only
    # the decorator shows it (a callback written between the decorator and the tab's function took it)
    import ast

    tree = ast.parse((ROOT / "pages" / "compare.py").read_text(encoding="utf-8"))
    fragments = [f.name for f in tree.body if isinstance(f, ast.FunctionDef)
                 and any(isinstance(d, ast.Attribute) and d.attr == "fragment" for d in f.decorator_list)]
    assert fragments == ["blind_ab_section"]
