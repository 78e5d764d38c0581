"""The app shell: navigation over the loop's pages, each rendering without error on an empty workspace."""

from __future__ import annotations

import pytest


def test_start_page_offers_the_demo_set_up_on_an_empty_workspace(open_page):
    at = open_page()
    assert at.title[0].value == "Tarjama Studio"
    assert [b.label for b in at.button] == ["Set up the demo", "Train the demo model from scratch"]
    assert any("SFT model" in m.label for m in at.metric)


def test_set_up_the_demo_registers_the_shipped_model_and_shows_what_it_writes(open_page, store):
    from engine.demo import shipped_model_record

    if shipped_model_record() is None:
        pytest.skip("no shipped demo model in data/demo/model")
    at = open_page()
    at.button(key="start-demo").click()
    at.run(timeout=120)
    assert not at.exception
    assert any("SFT model **demo-sft** is registered" in s.value for s in at.success)
    assert store.models.get("demo-sft")["stage"] == "sft"
    examples = at.dataframe[-1].value
    assert list(examples.columns) == ["pair", "source", "translation"] and len(examples) >= 4
    assert all(any("\u0600" <= c <= "\u06ff" for c in text) for text in examples["translation"])
    assert "start-demo" not in [b.key for b in at.button]  # set up once
    # archived: the set-up came back and did nothing when clicked
    from engine.models.registry import archive

    archive(store, "demo-sft")
    at.run()
    assert any("**demo-sft** is registered but archived" in i.value for i in at.info)
    at.button(key="start-demo").click()
    at.run(timeout=120)
    assert store.models.get("demo-sft")["stage"] == "sft" and "start-demo" not in [b.key for b in at.button]


def test_a_demo_name_taken_by_the_users_own_corpus_is_said_not_raised(open_page, store):
    # a corpus "DEMO-en-ar" of the user's is the demo's name up to case: the set-up found no corpus of its exact
    # name, failed to store its own and raised a TypeError from looking it up again
    from engine.demo import shipped_model_record

    if shipped_model_record() is None:
        pytest.skip("no shipped demo model in data/demo/model")
    import pyarrow as pa

    from engine.store.corpora import SEGMENT_COLUMNS

    row = {"line": 1, "source": "Hello.", "target": "مرحبا.", "pair": "en-ar", "split": "train", "norm_key": "hello"}
    store.corpora.add("DEMO-en-ar", "en-ar", pa.table({c: [row.get(c)] for c in SEGMENT_COLUMNS}))
    at = open_page()
    at.button(key="start-demo").click()
    at.run(timeout=120)
    assert not at.exception
    assert any("Cannot set up the demo: a corpus named 'DEMO-en-ar' already exists" in e.value for e in at.error)
    assert store.models.get("demo-sft") is None
    at.button(key="demo-train").click()  # training from scratch loads the same corpora: said too, not raised
    at.run(timeout=120)
    assert not at.exception and store.runs.list(kinds=("bootstrap",)) == []
    assert sum("a corpus named 'DEMO-en-ar' already exists" in e.value for e in at.error) == 1


def test_a_corpus_of_the_users_with_a_demo_corpus_exact_name_is_not_taken_for_it(open_page, store):
    # an fr-ar corpus of 2 segments named demo-en-ar: the set-up took it for the demo's EN→AR corpus, never loaded
    # the real one, and the pickers and "train from scratch" used it as the demo model's training data
    from engine.demo import shipped_model_record

    if shipped_model_record() is None:
        pytest.skip("no shipped demo model in data/demo/model")
    import pyarrow as pa

    from engine.store.corpora import SEGMENT_COLUMNS

    row = {"line": 1, "source": "Bonjour.", "target": "صباح الخير.", "pair": "fr-ar", "split": "train",
           "norm_key": "bonjour"}
    store.corpora.add("demo-en-ar", "fr-ar", pa.table({c: [row.get(c)] for c in SEGMENT_COLUMNS}),
                      source_file="mine.tsv")
    at = open_page()
    at.button(key="start-demo").click()
    at.run(timeout=120)
    assert not at.exception
    assert any("a corpus of yours is named 'demo-en-ar' (fr-ar, from mine.tsv)" in e.value and "delete it on the Data"
               in e.value for e in at.error)
    assert store.models.get("demo-sft") is None and [c["name"] for c in store.corpora.list()] == ["demo-en-ar"]


def test_a_demo_corpus_stored_by_the_first_demo_set_up_is_still_the_demos():
    # review mend: the first demo set-up named its files "<pair>.demo.tsv", and such a workspace was refused
    from engine.demo import _is_demo_corpus

    assert _is_demo_corpus({"pair": "en-ar", "source_file": "en-ar.demo.tsv"}, "en-ar")
    assert _is_demo_corpus({"pair": "en-ar", "source_file": "en-ar.{train,valid,test}.tsv (demo)"}, "en-ar")
    assert not _is_demo_corpus({"pair": "fr-ar", "source_file": "en-ar.demo.tsv"}, "en-ar")
    assert not _is_demo_corpus({"pair": "en-ar", "source_file": "mine.tsv"}, "en-ar")


def test_a_registered_sft_model_is_named_where_the_loop_stands(open_page, tiny_policy):
    """Found on the tour (test-artifacts/tour/03-start.png): after the demo set-up the ticked SFT step still said
    "Set up the demo below", and the set-up section was gone."""
    at = open_page()
    steps = " ".join(m.value for m in at.markdown if "**SFT model**" in m.value)
    assert "tiny-sft" in steps and "Set up the demo below" not in steps


def test_a_ticked_cold_start_or_final_step_names_its_model(open_page, store, tiny_policy):
    # ticked, the two rows still read as a to-do ("Optimise the SFT model…"), where the others name what exists
    path = store.models.get(tiny_policy)["path"]
    store.models.register("cold-1", "policy", path, stage="cold-start", parent=tiny_policy)
    rows = " ".join(m.value for m in open_page().markdown if "**Cold-start model**" in m.value
                    or "**Final model**" in m.value)
    assert "newest cold-1 — compare it with the SFT model on page 5" in rows and "Optimise the SFT" not in rows
    assert "Human pairs → reward-model fine-tune" in rows  # no final model yet: its to-do


def test_an_archived_cold_start_and_a_promoted_final_step_read_as_done(open_page, store, tiny_policy):
    # the archived cold start (still in the scorecard's chain) was ticked beside the to-do "Optimise the SFT model…";
    # the promoted final still said "promote it on Models"
    from engine.models.registry import archive, promote

    path = store.models.get(tiny_policy)["path"]
    store.models.register("cold-1", "policy", path, stage="cold-start", parent=tiny_policy)
    store.models.register("final-1", "policy", path, stage="final", parent="cold-1")
    archive(store, "cold-1")
    promote(store, "final-1", confirm_name="final-1")
    rows = " ".join(m.value for m in open_page().markdown if "**Cold-start model**" in m.value
                    or "**Final model**" in m.value)
    assert "cold-1 (archived) — compare it with the SFT model on page 5" in rows and "Optimise the SFT" not in rows
    assert "newest final-1 — in production." in rows and "promote it on Models" not in rows


@pytest.mark.parametrize("page, title", [("data", "1 · Data"), ("runs", "Runs"), ("models", "Models")])
def test_every_page_renders(open_page, page, title):
    at = open_page(page)
    assert at.title[0].value == title


def test_a_model_below_the_quality_floor_is_flagged_on_the_start_page(open_page, store):
    store.models.register("quick-sft", "policy", "/m/quick", stage="sft", metadata={
        "valid_chrf": 4.2, "below_quality_floor": True, "quality_floor_chrf": 25.0, "stopped_by": "time budget spent"})
    at = open_page()
    assert any("below the quality floor of 25" in w.value and "time budget spent" in w.value for w in at.warning)


def test_no_page_has_a_bare_string_that_streamlit_would_write_on_it():
    # Streamlit's "magic" writes every bare expression of a page script: constants' docstrings showed as page text
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    shown = []
    for script in [root / "studio" / "app.py", *sorted((root / "pages").glob("*.py"))]:
        body = ast.parse(script.read_text(encoding="utf-8")).body
        for node in body[1:]:  # the module docstring is not written
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
                shown.append(f"{script.name}:{node.lineno}")
    assert shown == []


def test_each_ticked_step_says_how_much_there_is(open_page, store, tiny_policy, demo_corpus, tmp_path):
    # one judgement ticked Human feedback with nothing to say it was one, against the 50 Phase 3 wants; a reward
    # model at 0 % on one validation pair ticked as any other
    from tests.conftest import seed_feedback, store_pair_set

    store_pair_set(store, tmp_path, n_sources=12)
    store.models.register("rm-x", "reward", "/m/rm-x", metadata={"valid_accuracy": 0.0, "valid_pairs": 1})
    seed_feedback(store, n_sources=3, rm=None)
    at = open_page()
    lines = {title: next(m.value for m in at.markdown if f"**{title}**" in m.value)
             for title in ("Data", "Synthetic preferences", "Reward model", "Human feedback")}
    assert "1 corpus, " in lines["Data"] and " segments." in lines["Data"]
    assert " pairs." in lines["Synthetic preferences"]
    assert "newest rm-x: validation accuracy 0.00 on 1 pair." in lines["Reward model"]
    assert " judgements — Phase 3 wants at least 50." in lines["Human feedback"]
