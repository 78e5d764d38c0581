"""The demo corpus: its size, its checks, its fixed splits, and that the generator in the repository wrote it."""

from __future__ import annotations

import hashlib
import json

import pytest

from engine.demo import DEMO_DIR, prepare_demo_corpus, read_demo_split
from engine.demo.corpus.build import SHARED_CORPORA, arabic_key, check_files, split_of, write_corpus
from engine.demo.corpus.check import corpus_problems, triple_problems
from engine.demo.corpus.common import Triple, fr_elide


def test_the_written_corpus_passes_every_check():
    assert check_files(DEMO_DIR) == []


def test_the_corpus_is_large_enough_and_its_test_split_too():
    rows = {pair: {split: len(read_demo_split(pair, split)) for split in ("train", "valid", "test", "prefs")}
            for pair in ("en-ar", "fr-ar")}
    assert sum(rows["en-ar"].values()) >= 12_000 and sum(rows["fr-ar"].values()) >= 6_000, rows
    assert rows["en-ar"]["test"] >= 600 and rows["fr-ar"]["test"] >= 300, rows
    assert rows["en-ar"]["valid"] >= 300 and rows["fr-ar"]["valid"] >= 150, rows
    assert rows["en-ar"]["prefs"] >= 1_000 and rows["fr-ar"]["prefs"] >= 500, rows


@pytest.mark.skipif(not SHARED_CORPORA.is_dir(), reason="needs ../shared/corpora: the corpus leaves them out")
def test_the_generator_in_the_repository_writes_exactly_the_committed_files(tmp_path):
    out = tmp_path / "new" / "demo"  # made: it was "No such file or directory", exit 3
    out.mkdir(parents=True)
    (out / "manifest.json").write_text('{"split_salt": "tarjama-demo-v1", "building": true}', encoding="utf-8")
    (out / "en-ar.train.tsv").write_text("cut\tمقطوع", encoding="utf-8")  # a build stopped half way: run again
    manifest = write_corpus(out)
    committed = json.loads((DEMO_DIR / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["pairs"] == committed["pairs"]
    for pair in ("en-ar", "fr-ar"):
        for split in ("train", "valid", "test", "prefs"):
            written = (out / f"{pair}.{split}.tsv").read_bytes()
            assert hashlib.sha256(written).hexdigest() == committed["pairs"][pair][split]["sha256"]


def test_no_arabic_target_is_in_two_splits_across_both_pairs():
    seen: dict[str, str] = {}
    for pair in ("en-ar", "fr-ar"):
        for split in ("train", "valid", "test", "prefs"):
            for _, target in read_demo_split(pair, split):
                assert seen.setdefault(arabic_key(target), split) == split, target


def test_a_split_is_a_fixed_function_of_the_arabic_side():
    assert split_of("ذهبت إلى السوق.") == split_of("ذَهبتُ إلى السوق!")  # diacritics and punctuation ignored
    shares = [split_of(f"جملة رقم {i}") for i in range(4000)]
    assert 0.03 < shares.count("test") / 4000 < 0.07 and 0.02 < shares.count("valid") / 4000 < 0.06


def test_the_studio_loads_the_demo_with_the_splits_of_its_files():
    prepared, _ = prepare_demo_corpus("fr-ar")
    splits = prepared.table.column("split").to_pylist()
    assert splits.count("test") == len(read_demo_split("fr-ar", "test"))
    assert splits.count("valid") == len(read_demo_split("fr-ar", "valid"))
    test_sources = {s for s, _ in read_demo_split("fr-ar", "test")}
    table = prepared.table.to_pylist()
    assert all(r["split"] == "test" for r in table if r["source"] in test_sources)
    pool, _ = prepare_demo_corpus("fr-ar", prefs=True)
    pool_splits = pool.table.column("split").to_pylist()
    assert pool_splits.count("train") == len(read_demo_split("fr-ar", "prefs"))
    assert pool_splits.count("valid") == len(read_demo_split("fr-ar", "valid")) and "test" not in pool_splits
    assert not {s for s, _ in read_demo_split("fr-ar", "prefs")} & {r["source"] for r in table}
    assert {r["source"] for r in pool.table.to_pylist() if r["split"] == "valid"} == {
        r["source"] for r in table if r["split"] == "valid"}


@pytest.mark.parametrize("triple, problem", [
    (Triple("Hello.", "Bonjour.", "Hello.", "t"), "no Arabic letter"),
    (Triple("I live in Paris.", "J'habite à Paris.", "أعيش في Paris.", "t"), "Latin letters"),
    (Triple("Good morning, my dear friend, how are you today?", None, "صباح.", "t"), "length ratio"),
    (Triple("Hi there.", None, "مرحبا\u202e بك.", "t"), "control character"),
    (Triple("مرحبا.", None, "مرحبا.", "t"), "Arabic letters in the source"),
    (Triple("Hi  there.", None, "مرحبا بك.", "t"), "double space"),
])
def test_triple_checks_catch_each_problem(triple, problem):
    assert any(problem in p for p in triple_problems(triple)), triple_problems(triple)


def test_corpus_checks_catch_duplicates_and_leaks():
    rows = [("Hi.", "مرحبا.", "train"), ("Hi.", "مرحبا.", "test"), ("Yes.", "نعم.", "train")]
    problems = corpus_problems(rows)
    assert any("duplicate source" in p for p in problems) and any("pair in splits" in p for p in problems)


def test_no_pair_repeats_a_sentence_of_the_shared_corpora():
    from engine.demo.corpus.build import Row, repeats_shared, shared_sentences

    shared = shared_sentences()
    if shared is None:
        pytest.skip("../shared/corpora is not beside this checkout")
    assert repeats_shared(Row("What time is it?", "كم الساعة؟", "en-ar", "t"), shared)  # a Tatoeba sentence
    for pair in ("en-ar", "fr-ar"):
        for split in ("train", "valid", "test", "prefs"):
            assert not [s for s, t in read_demo_split(pair, split) if repeats_shared(Row(s, t, pair, ""), shared)]


def test_french_elision_and_contractions():
    assert fr_elide("je ai parlé à le directeur de le projet") == "j'ai parlé au directeur du projet"
    assert fr_elide("Je habite près de les écoles") == "J'habite près des écoles"
    assert fr_elide("que il") == "qu'il"


def test_a_folder_of_the_users_own_files_is_refused_not_overwritten(tmp_path, capsys):
    from engine.demo.corpus.build import main

    (tmp_path / "manifest.json").write_text('{"mine": true}', encoding="utf-8")
    (tmp_path / "en-ar.train.tsv").write_text("my own\tملفي\n", encoding="utf-8")
    assert main(["--out", str(tmp_path)]) == 2  # both files were replaced without a word
    assert "is not an earlier export of the demo corpus" in capsys.readouterr().err
    assert (tmp_path / "en-ar.train.tsv").read_text(encoding="utf-8") == "my own\tملفي\n"
    from engine.demo.corpus.build import is_demo_corpus_folder

    (tmp_path / "manifest.json").unlink()  # the user's split files alone are the user's too
    assert not is_demo_corpus_folder(tmp_path)
