"""Loading and checking models: local folders, hub ids offline, and the messages people read."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
import torch

from engine.models.loading import ModelLoadError, check_model, is_local, load_causal_lm, load_tokenizer

TEXTS = ["Good morning.", "صباح الخير.", "Bonjour.", "أين المحطة؟"] * 5


@pytest.fixture(autouse=True)
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A saved tiny studio model: safetensors weights, tokenizer and tarjama.json."""
    from engine.models.demo import build_model, gemma2_config, train_bpe_tokenizer
    from engine.models.prompting import write_model_card

    folder = tmp_path_factory.mktemp("models") / "tiny"
    tokenizer = train_bpe_tokenizer(TEXTS, vocab_size=300)
    torch.manual_seed(0)
    build_model(gemma2_config(len(tokenizer), "tiny")).save_pretrained(folder, safe_serialization=True)
    tokenizer.save_pretrained(folder)
    write_model_card(folder, "tags", pairs=["en-ar"], created_by="test")
    return folder


def test_a_model_folder_checks_ok(model_dir: Path):
    check = check_model(model_dir)
    assert check.ok and check.kind == "local" and check.model_type == "gemma2"
    assert "safetensors" in check.message and "tags" in check.message


def test_a_missing_folder_says_so(tmp_path: Path):
    check = check_model(tmp_path / "nowhere")
    assert not check.ok and check.kind == "local"
    assert "does not exist" in check.message and "nowhere" in check.message
    assert not check_model("./relative/missing").ok


def test_a_folder_that_is_not_a_model_folder_says_what_is_missing(tmp_path: Path, model_dir: Path):
    assert "no config.json" in check_model(tmp_path).message
    (tmp_path / "adapter_config.json").write_text("{}")
    assert "LoRA adapter" in check_model(tmp_path).message
    (tmp_path / "config.json").write_text(json.dumps({"model_type": "gemma2"}))
    assert "no weights" in check_model(tmp_path).message
    (tmp_path / "config.json").write_text("not json")
    assert "cannot be read" in check_model(tmp_path).message
    file = tmp_path / "weights.bin"
    file.write_bytes(b"x")
    assert "is a file, not a model folder" in check_model(file).message
    assert not check_model("").ok


def test_a_model_without_tokenizer_is_refused_unless_not_needed(tmp_path: Path, model_dir: Path):
    for name in ("config.json", "model.safetensors"):
        (tmp_path / name).write_bytes((model_dir / name).read_bytes())
    assert "no tokenizer" in check_model(tmp_path).message
    assert check_model(tmp_path, need_tokenizer=False).ok


def test_a_hub_id_not_in_the_cache_fails_fast_offline():
    started = time.monotonic()
    check = check_model("tarjama-tests/no-such-model")
    assert time.monotonic() - started < 5
    assert not check.ok and check.kind == "hub"
    assert "is not in the local Hugging Face cache" in check.message
    assert "HF_HUB_OFFLINE=1" in check.message and "point to its folder" in check.message
    # on a machine with internet: how to let the studio download (it said "a machine with internet")
    assert "TARJAMA_OFFLINE=0" in check.message
    with pytest.raises(ModelLoadError, match="HF_HUB_OFFLINE=1"):
        load_tokenizer("tarjama-tests/no-such-model")
    with pytest.raises(ModelLoadError, match="HF_HUB_OFFLINE=1"):
        load_causal_lm("tarjama-tests/no-such-model")


@pytest.mark.parametrize(("text", "reason"), [
    ("/" + "a" * 5000, "File name too long"),  # OSError from the file system
    ("a\x00b", "holds a NUL character"),
    ("org/" + "a" * 200, "cannot be a model folder or hub id"),  # a hub id the hub's rules refuse
    ("~no-such-user-here/x", "cannot be a model folder or hub id"),  # RuntimeError: no home directory
])
def test_a_text_that_is_no_folder_or_hub_id_is_a_failed_check(text: str, reason: str):
    # each of these raised past the Models page's form
    check = check_model(text)
    assert not check.ok and reason in check.message and len(check.message) < 300


def test_paths_and_hub_ids_are_told_apart(model_dir: Path):
    assert is_local(model_dir) and is_local(str(model_dir)) and is_local("./x") and is_local("~/models/x")
    assert is_local("a/b/c")
    assert not is_local("google/gemma-2-2b") and not is_local("gpt2")


def test_load_tokenizer_and_model_from_a_folder(model_dir: Path):
    tokenizer = load_tokenizer(model_dir)
    model = load_causal_lm(str(model_dir))
    assert tokenizer.padding_side == "left" and tokenizer.pad_token_id == 0
    assert not model.training
    assert model.config._attn_implementation == "eager"
    assert next(model.parameters()).dtype == torch.float32
    ids = tokenizer(["<en> Good morning. <ar>"], return_tensors="pt")
    out = model.generate(**ids, max_new_tokens=3, do_sample=False, pad_token_id=0)
    assert out.shape[1] > ids["input_ids"].shape[1]
    assert next(load_causal_lm(model_dir, dtype="bfloat16").parameters()).dtype == torch.bfloat16


def test_loading_a_missing_folder_raises_the_check_message(tmp_path: Path, model_dir: Path):
    with pytest.raises(ModelLoadError, match="does not exist"):
        load_causal_lm(tmp_path / "missing")
    with pytest.raises(ModelLoadError, match="does not exist"):
        load_tokenizer(tmp_path / "missing")
    with pytest.raises(ModelLoadError, match="unknown dtype"):
        load_causal_lm(model_dir, dtype="float7")


@pytest.mark.parametrize(("env", "offline"), [
    ({}, "1"),
    ({"TARJAMA_OFFLINE": "1"}, "1"),
    ({"TARJAMA_OFFLINE": "0"}, None),  # the user asked for the hub
    ({"HF_HUB_OFFLINE": "0"}, "0"),  # a value the user set is kept
])
def test_the_hub_stays_offline_unless_asked_for(env, offline):
    from engine.models.loading import keep_hub_offline

    keep_hub_offline(env)
    assert env.get("HF_HUB_OFFLINE") == offline


def test_the_studio_and_its_command_line_start_offline(monkeypatch):
    # the README says the studio runs with HF_HUB_OFFLINE=1; only its jobs did, so the Models page's check and the
    # Translate page's and the endpoint's model loads could reach the hub
    import streamlit.web.cli

    from engine.__main__ import main as engine_main
    from studio import server

    seen = []
    monkeypatch.setattr(streamlit.web.cli, "main", lambda **_: seen.append(os.environ.get("HF_HUB_OFFLINE")) or 0)
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.delenv("TARJAMA_OFFLINE", raising=False)
    assert server.main(["--port", "8599"]) == 0 and seen == ["1"]
    monkeypatch.delenv("HF_HUB_OFFLINE")
    with pytest.raises(SystemExit):
        engine_main(["--help"])
    assert os.environ.get("HF_HUB_OFFLINE") == "1"


def test_an_encoder_decoder_mt_model_is_refused_not_loaded_as_a_random_decoder(tmp_path, tiny_policy_dir):
    # a Marian folder was accepted and loaded as MarianForCausalLM: no encoder, new random embeddings and head
    import shutil

    from transformers import MarianConfig, MarianMTModel

    from engine.models.loading import ModelLoadError, check_model, load_causal_lm

    folder = tmp_path / "marian"
    MarianMTModel(MarianConfig(vocab_size=64, d_model=16, encoder_layers=1, decoder_layers=1,
                               encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=32,
                               decoder_ffn_dim=32, pad_token_id=0, eos_token_id=0,
                               decoder_start_token_id=0)).save_pretrained(folder)
    for name in ("tokenizer.json", "tokenizer_config.json"):
        shutil.copy(tiny_policy_dir / name, folder / name)
    check = check_model(folder)
    assert not check.ok and "encoder-decoder (marian) model" in check.message
    with pytest.raises(ModelLoadError, match="encoder-decoder"):
        load_causal_lm(folder)


def test_a_tokenizer_gives_no_token_type_ids_and_one_without_eos_is_refused(tmp_path, tiny_policy_dir):
    import json
    import shutil

    from engine.models.loading import ModelLoadError, load_tokenizer

    folder = tmp_path / "tok"
    shutil.copytree(tiny_policy_dir, folder)
    config = json.loads((tiny_policy_dir / "tokenizer_config.json").read_text())
    config.pop("model_input_names", None)  # a plain PreTrainedTokenizerFast, as many hub tokenizers are saved
    config["tokenizer_class"] = "PreTrainedTokenizerFast"
    (folder / "tokenizer_config.json").write_text(json.dumps(config))
    assert set(load_tokenizer(folder)("Hello")) == {"input_ids", "attention_mask"}  # GRPO's generate() failed
    config.pop("eos_token")
    config.pop("pad_token", None)
    (folder / "tokenizer_config.json").write_text(json.dumps(config))
    with pytest.raises(ModelLoadError, match="has no end-of-sequence"):
        load_tokenizer(folder)


def test_a_relative_folder_is_stored_as_an_absolute_path_and_a_hub_id_as_typed(tmp_path, monkeypatch):
    # jobs run in their run folder: a relative path stored as typed named nothing there and was looked up on the hub
    from engine.models.loading import stored_location

    (tmp_path / "models" / "mine").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    assert stored_location(" models/mine ") == str(tmp_path / "models" / "mine")
    assert stored_location("google/gemma-2-2b") == "google/gemma-2-2b"


def _edited(tmp_path: Path, source: Path, name: str, **changes) -> Path:
    import shutil

    folder = tmp_path / name
    shutil.copytree(source, folder)
    config = json.loads((folder / "config.json").read_text())
    (folder / "config.json").write_text(json.dumps({**config, **changes}))
    return folder


def test_a_config_that_does_not_match_its_weights_is_refused_at_registration(tmp_path, model_dir):
    # only the config and tokenizer were loaded there: the first job failed on the shapes, or (a layer count edited)
    # transformers started the missing layers at random, or ignored the extra ones, without a word
    from engine.models.loading import check_loadable

    assert check_loadable(model_dir).ok  # tied embeddings: no lm_head in the files, and none is asked for
    config = json.loads((model_dir / "config.json").read_text())
    layers = config["num_hidden_layers"]
    kinds = config["layer_types"] * 2  # Gemma-2 names each layer's attention: a config of another depth does too
    cases = {
        "wider": ({"hidden_size": config["hidden_size"] * 2}, "shapes differ: embed_tokens.weight"),
        "deeper": ({"num_hidden_layers": layers + 1, "layer_types": kinds[:layers + 1]},
                   f"weights the config asks for are not in the files (layers.{layers}."),
        "shallower": ({"num_hidden_layers": layers - 1, "layer_types": kinds[:layers - 1]},
                      f"the files hold layers the config does not have (layers.{layers - 1}."),
    }
    for name, (changes, expected) in cases.items():
        check = check_loadable(_edited(tmp_path, model_dir, name, **changes))
        assert not check.ok and "its config.json does not match its weights" in check.message, name
        assert expected in check.message, (name, check.message)


def test_sharded_untied_weights_are_read_from_every_shard(tmp_path, model_dir):
    from transformers import LlamaConfig, LlamaForCausalLM

    from engine.models.loading import check_loadable

    folder = tmp_path / "llama"
    torch.manual_seed(0)
    LlamaForCausalLM(LlamaConfig(vocab_size=300, hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                                 num_attention_heads=4, num_key_value_heads=2, tie_word_embeddings=False)
                     ).save_pretrained(folder, max_shard_size="20KB")
    for name in ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"):
        if (model_dir / name).is_file():
            (folder / name).write_bytes((model_dir / name).read_bytes())
    assert len(list(folder.glob("*.safetensors"))) > 1
    assert check_loadable(folder).ok
    check = check_loadable(_edited(tmp_path, folder, "vocab", vocab_size=400))
    assert not check.ok and "lm_head.weight [300, 32] where the config makes [400, 32]" in check.message


def test_a_model_whose_class_renames_its_checkpoint_keys_is_not_refused(tmp_path):
    # Gemma-3's files hold language_model.model.* for its model.language_model.*: every weight was called missing
    from transformers import AutoConfig, Gemma3Config, Gemma3ForConditionalGeneration

    from engine.models.weights_check import weights_problem

    folder = tmp_path / "gemma3"
    config = Gemma3Config(
        text_config=dict(vocab_size=300, hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                         num_attention_heads=2, num_key_value_heads=1, head_dim=16),
        vision_config=dict(hidden_size=32, intermediate_size=64, num_hidden_layers=1, num_attention_heads=2,
                           image_size=28, patch_size=14), mm_tokens_per_image=4)
    Gemma3ForConditionalGeneration(config).save_pretrained(folder)
    assert weights_problem(folder, AutoConfig.from_pretrained(folder)) is None
    wider = json.loads((folder / "config.json").read_text())
    wider["text_config"]["hidden_size"] = 64
    (folder / "config.json").write_text(json.dumps(wider))
    assert "shapes differ" in weights_problem(folder, AutoConfig.from_pretrained(folder))


def _hub_cache(root: Path, repo_id: str, folder: Path, names: list[str]) -> None:
    """A Hugging Face cache under ``root`` holding ``names`` of ``folder`` as ``repo_id``'s main revision."""
    import shutil

    repo = root / f"models--{repo_id.replace('/', '--')}"
    snapshot = repo / "snapshots" / ("0" * 40)
    snapshot.mkdir(parents=True)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text("0" * 40)
    for name in names:
        shutil.copy(folder / name, snapshot / name)


def test_a_cached_hub_model_without_weights_is_refused_offline(tmp_path, model_dir, monkeypatch):
    # an interrupted download (or one of `--include "*.json"`) passed, and Translate showed transformers'
    # AttributeError with its stack
    from huggingface_hub import constants

    from engine.models.loading import check_loadable

    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path))
    tokenizer_files = [p.name for p in model_dir.iterdir() if p.name.startswith(("tokenizer", "special_tokens"))]
    _hub_cache(tmp_path, "probe/noweights", model_dir, ["config.json", *tokenizer_files])
    check = check_loadable("probe/noweights")
    assert not check.ok and "has its config but no weights" in check.message
    with pytest.raises(ModelLoadError, match="no weights"):
        load_causal_lm("probe/noweights")
    _hub_cache(tmp_path, "probe/whole", model_dir, ["config.json", "model.safetensors", *tokenizer_files])
    assert check_model("probe/whole").ok  # (transformers reads its own cache path: loading it is not tried here)


def test_a_tokenizer_with_more_tokens_than_the_model_embeds_is_refused(tmp_path, model_dir):
    # a special token added without resizing the embeddings passed, then failed mid-job ("index out of range")
    import shutil

    from engine.models.loading import check_loadable

    folder = tmp_path / "grown"
    shutil.copytree(model_dir, folder)
    tokenizer = load_tokenizer(folder)
    embedded = json.loads((folder / "config.json").read_text())["vocab_size"]
    tokenizer.add_special_tokens({"additional_special_tokens": [f"<extra{i}>" for i in range(embedded + 1 -
                                                                                                len(tokenizer))]})
    tokenizer.save_pretrained(folder)
    check = check_loadable(folder)
    assert not check.ok and f"tokenizer has {embedded + 1:,} tokens and the model embeds {embedded:,}" in check.message
    assert check_loadable(model_dir).ok


def test_a_masked_lm_encoder_is_refused_as_a_policy_and_kept_as_a_reward_base(tmp_path, tiny_policy_dir):
    # a BERT masked LM registered as the SFT policy loaded as BertLMHeadModel without complaint and generated noise
    import shutil

    from transformers import BertConfig, BertForMaskedLM

    from engine.models.loading import check_loadable

    def saved(name: str, **extra) -> Path:
        folder = tmp_path / name
        BertForMaskedLM(BertConfig(vocab_size=1024, hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                                   intermediate_size=32, **extra)).save_pretrained(folder)
        for file in ("tokenizer.json", "tokenizer_config.json"):
            shutil.copy(tiny_policy_dir / file, folder / file)
        return folder

    encoder = saved("bert")
    refused = check_loadable(encoder, policy=True)
    assert not refused.ok and "bert encoder (a masked language model" in refused.message
    assert check_loadable(encoder).ok  # a reward-model base may be one
    assert check_loadable(saved("bert-decoder", is_decoder=True), policy=True).ok  # trained left to right


def test_a_state_dicts_chosen_tensors_are_read_alone_from_the_shards_that_hold_them(tmp_path):
    # a reward head's few tensors were read by loading every weight of the model into memory
    import json

    import torch
    from safetensors.torch import save_file

    from engine.models.loading import load_state_dict

    save_file({"model.a": torch.zeros(2), "model.b": torch.ones(2)}, str(tmp_path / "model-00001-of-00002.safetensors"))
    save_file({"score.weight": torch.full((1, 2), 3.0)}, str(tmp_path / "model-00002-of-00002.safetensors"))
    (tmp_path / "model.safetensors.index.json").write_text(json.dumps({"weight_map": {
        "model.a": "model-00001-of-00002.safetensors", "model.b": "model-00001-of-00002.safetensors",
        "score.weight": "model-00002-of-00002.safetensors"}}))
    assert set(load_state_dict(tmp_path)) == {"model.a", "model.b", "score.weight"}
    (tmp_path / "model-00001-of-00002.safetensors").unlink()  # the head's shard alone is read
    head = load_state_dict(tmp_path, ("score.",))
    assert list(head) == ["score.weight"] and torch.equal(head["score.weight"], torch.full((1, 2), 3.0))


def test_a_damaged_weights_file_is_one_line_not_a_traceback(tmp_path, tiny_policy_dir):
    # a model folder copied short: the Translate page showed a traceback ending in SafetensorError
    import shutil

    from engine.models.loading import ModelLoadError, load_causal_lm, load_state_dict
    from engine.reward.model import load_reward_model
    from tests.engine.feedback.helpers import build_tiny_rm

    policy = shutil.copytree(tiny_policy_dir, tmp_path / "policy")
    rm = build_tiny_rm(tiny_policy_dir, tmp_path / "rm")
    for folder in (policy, rm):
        weights = folder / "model.safetensors"
        weights.write_bytes(weights.read_bytes()[:100])
    for load in (load_causal_lm, load_state_dict, load_reward_model):
        with pytest.raises(ModelLoadError, match="a weights file is damaged .* copy or save the model again"):
            load(rm if load is load_reward_model else policy)
    # any other error passes through as it was (review mend: it was raised "from" itself, its cause lost)
    from unittest import mock

    with mock.patch("transformers.AutoModelForCausalLM.from_pretrained", side_effect=KeyError("x")), \
            pytest.raises(KeyError) as caught:
        load_causal_lm(tiny_policy_dir)
    assert caught.value.__cause__ is None


def test_an_index_without_its_shards_and_bin_weights_of_another_shape_are_one_line(tmp_path, tiny_policy_dir):
    # a folder of a config, a tokenizer and model.safetensors.index.json alone registered as a model, and its first
    # load failed "No such file"; .bin weights that do not fit the config failed with a raw RuntimeError
    import shutil

    import torch

    folder = shutil.copytree(tiny_policy_dir, tmp_path / "index-only")
    (folder / "model.safetensors").unlink()
    (folder / "model.safetensors.index.json").write_text(json.dumps({"weight_map": {
        "a": "model-00001-of-00002.safetensors", "b": "model-00002-of-00002.safetensors"}}), "utf-8")
    check = check_model(folder)
    assert not check.ok and "names shards that are not there (model-00001-of-00002.safetensors" in check.message
    binary = shutil.copytree(tiny_policy_dir, tmp_path / "bin")
    state = load_causal_lm(tiny_policy_dir).state_dict()
    (binary / "model.safetensors").unlink()
    torch.save({k: v.clone() for k, v in state.items()}, binary / "pytorch_model.bin")
    config = json.loads((binary / "config.json").read_text("utf-8"))
    config["intermediate_size"] = config["intermediate_size"] * 2
    (binary / "config.json").write_text(json.dumps(config), "utf-8")
    with pytest.raises(ModelLoadError, match="its weights do not fit its config.json"):
        load_causal_lm(binary)


def test_threads_that_load_at_once_in_a_fresh_process_all_succeed(tiny_policy_dir):
    # two forms sent within a second: two page threads imported transformers at once, and one failed with "cannot
    # import name 'AutoConfig' from 'transformers'" (a registration lost to a traceback)
    import subprocess
    import sys

    script = (
        "import threading\n"
        "from engine.models.loading import load_tokenizer\n"
        "errors = []\n"
        "def go():\n"
        "    try:\n"
        f"        load_tokenizer({str(tiny_policy_dir)!r})\n"
        "    except Exception as exc:\n"
        "        errors.append(repr(exc))\n"
        "threads = [threading.Thread(target=go) for _ in range(4)]\n"
        "[t.start() for t in threads]\n"
        "[t.join() for t in threads]\n"
        "print(errors)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                          cwd=str(Path(__file__).parents[3]), env={**os.environ, "HF_HUB_OFFLINE": "1"})
    assert done.returncode == 0 and done.stdout.strip() == "[]", done.stdout + done.stderr


def test_a_model_needing_remote_code_names_the_box_to_tick(tiny_policy_dir, tmp_path):
    # transformers' own words ("pass the argument trust_remote_code=True") name no box on the Models page
    import json
    import shutil

    from engine.models.loading import check_loadable

    folder = tmp_path / "custom"
    shutil.copytree(tiny_policy_dir, folder)
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    config.update(model_type="tarjama-custom", auto_map={"AutoConfig": "configuration_custom.CustomConfig"})
    (folder / "config.json").write_text(json.dumps(config), encoding="utf-8")
    code = ("from transformers import Gemma2Config\n\n"
            "class CustomConfig(Gemma2Config):\n    model_type = 'tarjama-custom'\n")
    (folder / "configuration_custom.py").write_text(code, encoding="utf-8")
    check = check_loadable(folder)
    assert not check.ok and "needs its own Python code to load (remote code): tick *Trust remote code*" in check.message
