"""Preference exports run through the tools that read them: TRL's DPO and reward trainers (2 steps on each
variant, columns untouched), ``datasets`` (``load_dataset`` on the folder, ``load_from_disk`` on the
DatasetDict), LLaMA-Factory's ``dataset_info.json`` and OpenRLHF's flags; train never holds a validation source,
and nothing writes into the export folder."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import datasets
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from engine.preferences.export import (
    CONVERSATIONAL,
    DATASET_DICT,
    export_preferences,
    split_records,
    zip_folder,
)
from tests.conftest import learnable_pair_rows, store_pair_set


@pytest.fixture(autouse=True)
def _one_thread(one_torch_thread):
    return one_torch_thread


def snapshot(folder: Path) -> dict[str, str]:
    """Every file of a folder with the hash of its content."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _sources(rows) -> set[tuple[str, str]]:
    return {(r["pair"], r["source"]) for r in rows}


@pytest.fixture
def exported(store, tmp_path):
    store_pair_set(store, tmp_path, n_sources=12)
    return export_preferences(store, tmp_path / "exports")


def test_export_folder_has_split_files_card_and_tool_configs(exported):
    folder = exported["folder"]
    assert folder.name == "synthetic_preferences"
    names = set(snapshot(folder))
    assert {"README.md", "train.jsonl", "validation.jsonl", f"{CONVERSATIONAL}/train.jsonl",
            f"{CONVERSATIONAL}/validation.jsonl", "dataset_info.json", "openrlhf_flags.txt"} <= names
    train = [json.loads(line) for line in (folder / "train.jsonl").read_text(encoding="utf-8").splitlines()]
    valid = [json.loads(line) for line in (folder / "validation.jsonl").read_text(encoding="utf-8").splitlines()]
    assert train and valid and exported["train"] == len(train) and exported["validation"] == len(valid)
    assert not _sources(train) & _sources(valid)
    assert "split" not in train[0] and isinstance(train[0]["scores"], str)
    card = (folder / "README.md").read_text(encoding="utf-8")
    assert card.startswith("---\nlanguage:\n- ar\n- en\n- fr\nlicense: other\nlicense_name: unset\n"
                           "license_link: LICENSE.md\n")
    assert "corpora the sources come from" in (folder / "LICENSE.md").read_text(encoding="utf-8")
    assert f"| train | {len(train)} |" in card and "config_name: conversational" in card
    info = json.loads((folder / "dataset_info.json").read_text())
    assert set(info) == {"synthetic_preferences", "synthetic_preferences_validation",
                         "synthetic_preferences_conversational", "synthetic_preferences_conversational_validation"}
    for entry in info.values():  # LLaMA-Factory: one file per entry, all of one type, no arrow beside it
        assert (folder / entry["file_name"]).is_file() and entry["file_name"].endswith(".jsonl")
    conv = json.loads((folder / CONVERSATIONAL / "train.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert conv["prompt"][0]["role"] == "user" and conv["prompt"][0]["content"].startswith("Translate from ")
    assert conv["chosen"] == [conv["chosen_message"]] and conv["chosen_message"]["role"] == "assistant"
    flags = (folder / "openrlhf_flags.txt").read_text()
    assert "--dataset train.jsonl --eval_dataset validation.jsonl" in flags and "--apply_chat_template" in flags
    # the browser download holds the same files
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(zip_folder(folder))) as zf:
        assert {n.split("/", 1)[1] for n in zf.namelist()} == names


def test_train_split_excludes_every_validation_row_and_source():
    rows = learnable_pair_rows(10)
    for r in rows:
        r["split"] = "train"
    leak = dict(rows[0], split="valid", chosen="other", rejected="x")  # a second pair set held it out
    train, valid, dropped = split_records([*rows, leak])
    assert valid == [leak] and dropped == sum(1 for r in rows if r["source"] == leak["source"])
    assert not _sources(train) & _sources(valid)
    # no validation split at all: the export holds out a seeded share of the sources
    train, valid, dropped = split_records(rows, valid_share_if_missing=0.3, seed=1)
    assert valid and not _sources(train) & _sources(valid) and dropped == 0
    assert len(train) + len(valid) == len(rows)


def _tokenizer(policy_dir, chat: bool):
    from engine.models.loading import load_tokenizer
    from engine.models.prompting import tags_chat_template

    tok = load_tokenizer(policy_dir)
    if chat:
        tok.chat_template = tags_chat_template()
    return tok


def _run_dpo(policy_dir, data, tokenizer, out):
    from trl import DPOConfig, DPOTrainer

    from engine.models.loading import load_causal_lm

    args = DPOConfig(output_dir=str(out), max_steps=2, per_device_train_batch_size=2, per_device_eval_batch_size=2,
                     report_to=[], use_cpu=True, logging_steps=1, save_strategy="no", eval_strategy="no",
                     disable_tqdm=True, max_length=64, dataloader_num_workers=0)
    trainer = DPOTrainer(model=load_causal_lm(policy_dir), args=args, train_dataset=data["train"],
                         eval_dataset=data["validation"], processing_class=tokenizer)
    trainer.train()
    assert trainer.state.global_step == 2
    return trainer


def _run_reward(policy_dir, data, tokenizer, out):
    from trl import RewardConfig, RewardTrainer

    from engine.reward.model import build_reward_model

    args = RewardConfig(output_dir=str(out), max_steps=2, per_device_train_batch_size=2,
                        per_device_eval_batch_size=2, report_to=[], use_cpu=True, logging_steps=1,
                        save_strategy="no", eval_strategy="no", disable_tqdm=True, max_length=64,
                        dataloader_num_workers=0)
    model = build_reward_model(policy_dir, pad_token_id=tokenizer.pad_token_id)
    trainer = RewardTrainer(model=model, args=args, train_dataset=data["train"], eval_dataset=data["validation"],
                            processing_class=tokenizer)
    trainer.train()
    assert trainer.state.global_step == 2
    metrics = trainer.evaluate()
    assert "eval_loss" in metrics
    return trainer


@pytest.mark.parametrize("variant", ["plain", "conversational", "dataset_dict"])
def test_trl_dpo_and_reward_trainers_run_on_each_variant_as_exported(exported, tiny_policy_dir, tmp_path,
                                                                    variant):
    from datasets import load_dataset, load_from_disk

    folder = exported["folder"]
    before = snapshot(folder)
    cache = str(tmp_path / "hf-cache")
    if variant == "plain":
        data = load_dataset(str(folder), cache_dir=cache)
    elif variant == "conversational":
        data = load_dataset(str(folder), CONVERSATIONAL, cache_dir=cache)
    else:
        data = load_from_disk(str(folder / DATASET_DICT), keep_in_memory=True)
    assert set(data) == {"train", "validation"}
    assert len(data["train"]) == exported["train"] and len(data["validation"]) == exported["validation"]
    tokenizer = _tokenizer(tiny_policy_dir, chat=variant == "conversational")
    dpo = _run_dpo(tiny_policy_dir, data, tokenizer, tmp_path / "dpo")
    first = dpo.train_dataset[0]["prompt_ids"]
    assert first.count(tokenizer.bos_token_id) == 1 and first[0] == tokenizer.bos_token_id  # BOS exactly once
    assert tokenizer.convert_ids_to_tokens(first[-1]) == "<ar>"  # the prompt ends on the target tag
    _run_reward(tiny_policy_dir, data, tokenizer, tmp_path / "rm")
    assert snapshot(folder) == before  # no tool wrote into the export folder


def test_chat_template_renders_the_tag_prompt(tiny_policy_dir):
    from engine.models.prompting import build_prompt, instruction_text

    tok = _tokenizer(tiny_policy_dir, chat=True)
    for source, pair in (("Good morning", "en-ar"), ("Bonjour à tous", "fr-ar")):
        rendered = tok.apply_chat_template([{"role": "user", "content": instruction_text(source, pair)}],
                                           tokenize=False, add_generation_prompt=True)
        assert rendered == tok.bos_token + build_prompt(source, pair, "tags")
        full = tok.apply_chat_template([{"role": "user", "content": instruction_text(source, pair)},
                                        {"role": "assistant", "content": "صباح الخير"}], tokenize=False)
        assert full == rendered + "صباح الخير" + tok.eos_token
    tagged = tok.apply_chat_template([{"role": "user", "content": "<fr> Salut <ar>"}], tokenize=False)
    assert tagged == tok.bos_token + "<fr> Salut <ar>"


def test_human_pairs_export_keeps_weight_linguist_judgement_and_never_touches_the_log(store, tmp_path):
    from engine.feedback.export import EXPORT_NAME

    exports = tmp_path / "exports"
    exports.mkdir()
    log = exports / EXPORT_NAME
    log.write_text('{"judgement_id": 1}\n', encoding="utf-8")
    rows = learnable_pair_rows(10)
    for i, r in enumerate(rows):
        r.update(weight=1.5, linguist=("Amina", "Karim")[i % 2], judgement_id=100 + i, strategy="ranking")
    path = tmp_path / "human.parquet"
    pq.write_table(pa.Table.from_pylist(rows), path)
    with store.db.transaction() as cur:
        store.preferences.load_pairs(cur, "feedback-1", "human", None, path)
    out = export_preferences(store, exports, origin="human")
    assert out["folder"] == exports / "human_pairs"
    assert log.read_text(encoding="utf-8") == '{"judgement_id": 1}\n'
    train = [json.loads(line) for line in (out["folder"] / "train.jsonl").read_text().splitlines()]
    assert {r["linguist"] for r in train} == {"Amina", "Karim"} and {r["weight"] for r in train} == {1.5}
    assert all(isinstance(r["judgement_id"], int) for r in train)
    conv = json.loads((out["folder"] / CONVERSATIONAL / "train.jsonl").read_text().splitlines()[0])
    assert {"weight", "linguist", "judgement_id"} <= set(conv)
    assert "human_pairs_validation" in json.loads((out["folder"] / "dataset_info.json").read_text())


def test_an_export_replaces_its_earlier_export_but_never_a_folder_of_the_users(store, tmp_path):
    store_pair_set(store, tmp_path, n_sources=6)
    out = tmp_path / "exports"
    first = export_preferences(store, out)
    assert export_preferences(store, out)["folder"] == first["folder"]  # a second export replaces the first
    mine = tmp_path / "mine" / "synthetic_preferences"
    mine.mkdir(parents=True)
    (mine / "notes.txt").write_text("precious", encoding="utf-8")
    with pytest.raises(ValueError, match="not an earlier export of synthetic_preferences"):
        export_preferences(store, tmp_path / "mine")
    assert [p.name for p in mine.iterdir()] == ["notes.txt"]


def test_the_cards_margin_says_what_it_measures_for_each_origin():
    from engine.preferences.export import MARGIN_MEANING, dataset_card

    cards = {origin: dataset_card("x", origin, {"train": 1, "validation": 1}, ["en-ar"], {}, dropped=0,
                                 license="other", held_out_by_export=False)
             for origin in ("synthetic", "human")}
    assert "fused-quality gap" in cards["synthetic"] and "fused-quality gap" not in cards["human"]
    assert MARGIN_MEANING["human"] in cards["human"]


def test_pairs_that_all_fell_in_the_validation_split_still_export(store, tmp_path):
    # a few judgements: every human pair in the 20 % validation split failed inside datasets ("Keys mismatch")
    rows = learnable_pair_rows(3)
    for i, r in enumerate(rows):
        r.update(split="valid", weight=1.0, linguist="Amina", judgement_id=i, strategy="best")
    path = tmp_path / "human.parquet"
    pq.write_table(pa.Table.from_pylist(rows), path)
    with store.db.transaction() as cur:
        store.preferences.load_pairs(cur, "feedback-1", "human", None, path)
    out = export_preferences(store, tmp_path / "exports", origin="human")
    assert (out["folder"] / "train.jsonl").read_text() == ""
    loaded = datasets.load_from_disk(str(out["dataset"]))
    assert loaded["train"].num_rows == 0 and loaded["validation"].num_rows == len(rows)
    assert loaded["train"].features == loaded["validation"].features
    # and load_dataset, which failed on the empty train.jsonl with a bare StopIteration: the card leaves it out
    for config in ("default", CONVERSATIONAL):
        data = datasets.load_dataset(str(out["folder"]), config, cache_dir=str(tmp_path / "hf-cache"))
        assert list(data) == ["validation"] and data["validation"].num_rows == len(rows)


def test_a_column_empty_in_every_training_row_takes_its_type_from_the_validation_rows(store, tmp_path):
    # human pairs whose training pairs are all error spans (no judgement id) and a validation pair of a judgement:
    # the column was typed null from the training rows, and the export failed with "Couldn't cast int64 to null"
    rows = learnable_pair_rows(12)
    for i, r in enumerate(rows):
        r.update(split="valid" if i < 2 else "train", weight=1.0, linguist="Amina",
                 judgement_id=i if i < 2 else None, strategy="best")
    path = tmp_path / "human.parquet"
    pq.write_table(pa.Table.from_pylist(rows), path)
    with store.db.transaction() as cur:
        store.preferences.load_pairs(cur, "feedback-1", "human", None, path)
    out = export_preferences(store, tmp_path / "exports", origin="human")
    loaded = datasets.load_from_disk(str(out["dataset"]))
    assert loaded["validation"]["judgement_id"] == [0, 1] and set(loaded["train"]["judgement_id"]) == {None}


def _stored(store, folder: Path, rows: list[dict]) -> None:
    path = folder / "pairs.parquet"
    pq.write_table(pa.Table.from_pylist(rows), path)
    with store.db.transaction() as cur:
        store.preferences.load_pairs(cur, "score-x", "synthetic", None, path)


def test_line_separators_in_a_pair_are_escaped_so_every_reader_counts_the_same_rows(store, tmp_path):
    # JSON allows U+2028 raw, and str.splitlines (JavaScript's readers, editors) found more records than rows
    rows = learnable_pair_rows(6)
    rows[1]["chosen"] = "صباح\u2028الخير\u2029"  # a training pair (every fifth is a validation one)
    _stored(store, tmp_path, rows)
    out = export_preferences(store, tmp_path / "exports")
    text = out["jsonl"].read_text(encoding="utf-8")
    assert "\u2028" not in text and len(text.splitlines()) == out["train"]
    assert any(json.loads(line)["chosen"] == "صباح\u2028الخير\u2029" for line in text.splitlines())


def test_load_dataset_tells_apart_two_exports_of_the_same_size(store, tmp_path):
    # datasets keys its cache by the card: two workspaces' exports with chosen and rejected swapped had the same rows
    # and bytes, and load_dataset gave the second the first one's rows (reversed preferences, without a word)
    cache = str(tmp_path / "hf-cache")
    firsts = []
    for workspace, swap in (("a", False), ("b", True)):
        from engine.store import Store

        other = Store(tmp_path / workspace / "studio.duckdb")
        try:
            rows = learnable_pair_rows(6)
            for r in rows:
                if swap:  # the same bytes, the preferences reversed
                    r["chosen"], r["rejected"] = r["rejected"], r["chosen"]
            (tmp_path / workspace).mkdir(exist_ok=True)
            _stored(other, tmp_path / workspace, rows)
            out = export_preferences(other, tmp_path / workspace / "exports")
        finally:
            other.close()
        data = datasets.load_dataset(str(out["folder"]), cache_dir=cache)
        firsts.append((json.loads(out["jsonl"].read_text(encoding="utf-8").splitlines()[0])["chosen"],
                       data["train"][0]["chosen"]))
    assert [on_disk == loaded for on_disk, loaded in firsts] == [True, True] and firsts[0][0] != firsts[1][0]


def test_load_dataset_reads_a_re_exports_rows_not_the_first_exports(store, tmp_path):
    # datasets keys a card-configured folder's cache by the card, not the files: a re-export (or another workspace's
    # export of the same name) loaded the first export's rows, or failed with NonMatchingSplitsSizesError
    cache = str(tmp_path / "hf-cache")
    store_pair_set(store, tmp_path, run_id="score-a", n_sources=6)
    first = export_preferences(store, tmp_path / "exports", run_ids=["score-a"])
    data = datasets.load_dataset(str(first["folder"]), cache_dir=cache)
    assert (len(data["train"]), len(data["validation"])) == (first["train"], first["validation"])
    store_pair_set(store, tmp_path, run_id="score-b", n_sources=12)
    second = export_preferences(store, tmp_path / "exports", run_ids=["score-a", "score-b"])
    assert second["rows"] > first["rows"]
    for config in ("default", CONVERSATIONAL):
        data = datasets.load_dataset(str(second["folder"]), config, cache_dir=cache)
        assert (len(data["train"]), len(data["validation"])) == (second["train"], second["validation"])
