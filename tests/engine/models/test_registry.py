"""The model registry: promote / roll back (exactly one production model), archive, lineage, standalone export."""

from __future__ import annotations

import json

import pytest

from engine.export_folders import NotAnEarlierExport
from engine.models.registry import (
    RegistryError,
    archive,
    export_dir,
    export_standalone,
    history,
    production,
    promote,
    restore,
    rollback,
    rollback_target,
)


def _stages(store) -> dict[str, str]:
    return {m["name"]: m["stage"] for m in store.models.list()}


def _productions(store) -> list[str]:
    return [m["name"] for m in store.models.list(stage="production")]


@pytest.fixture
def policies(store) -> list[str]:
    """Four policies at different stages and a reward model."""
    for name, stage in (("sft", "sft"), ("cold", "cold-start"), ("final", "final"), ("cand", "candidate")):
        store.models.register(name, "policy", f"/models/{name}", stage=stage)
    store.models.register("rm", "reward", "/models/rm", stage="candidate")
    return ["sft", "cold", "final", "cand"]


def test_promote_keeps_exactly_one_production_and_restores_the_previous_stage(store, policies):
    assert production(store) is None
    assert promote(store, "cold", confirm_name="cold") is None
    assert _productions(store) == ["cold"]
    assert promote(store, "final", confirm_name="final") == "cold"
    assert _productions(store) == ["final"]
    assert _stages(store)["cold"] == "cold-start"  # back where it was before its promotion
    promote(store, "sft", confirm_name="sft")
    assert _productions(store) == ["sft"]
    assert _stages(store) == {"sft": "production", "cold": "cold-start", "final": "final", "cand": "candidate",
                              "rm": "candidate"}
    rows = history(store)
    assert [(r["model"], r["previous_production"], r["previous_stage"], r["action"]) for r in rows] == [
        ("sft", "final", "sft", "promote"), ("final", "cold", "final", "promote"), ("cold", None, "cold-start",
                                                                                      "promote")]


def test_rollback_twice_walks_back_the_history(store, policies):
    promote(store, "cold", confirm_name="cold")
    promote(store, "final", confirm_name="final")
    promote(store, "cand", confirm_name="cand")
    assert rollback_target(store) == "final"
    assert rollback(store, confirm=True) == "final"
    assert _productions(store) == ["final"] and _stages(store)["cand"] == "candidate"
    assert rollback(store, confirm=True) == "cold"
    assert _productions(store) == ["cold"]
    assert _stages(store) == {"sft": "sft", "cold": "production", "final": "final", "cand": "candidate",
                              "rm": "candidate"}
    # the first promotion cannot be rolled back: there must stay one production model
    assert rollback_target(store) is None
    with pytest.raises(RegistryError, match="first production model"):
        rollback(store, confirm=True)
    assert _productions(store) == ["cold"]
    # a promotion after a roll-back stacks on what stands, and demotes 'cold' to its own earlier stage
    promote(store, "sft", confirm_name="sft")
    assert _stages(store)["cold"] == "cold-start"
    assert rollback(store, confirm=True) == "cold"
    assert [r["action"] for r in history(store)] == ["rollback", "promote", "rollback", "rollback", "promote",
                                                     "promote", "promote"]


def test_refusals_leave_the_store_unchanged(store, policies):
    promote(store, "final", confirm_name="final")
    before = _stages(store)
    with pytest.raises(RegistryError, match="only a policy"):
        promote(store, "rm", confirm_name="rm")
    with pytest.raises(RegistryError, match="confirm"):
        promote(store, "cold", confirm_name="final")
    with pytest.raises(RegistryError, match="already"):
        promote(store, "final", confirm_name="final")
    with pytest.raises(RegistryError, match="no registered model"):
        promote(store, "ghost", confirm_name="ghost")
    with pytest.raises(RegistryError, match="confirm"):
        rollback(store, confirm=False)
    with pytest.raises(RegistryError, match="production model"):
        archive(store, "final")
    assert _stages(store) == before and len(history(store)) == 1


def test_no_rollback_without_history_and_none_to_an_archived_model(store, policies):
    with pytest.raises(RegistryError, match="nothing to roll back"):
        rollback(store, confirm=True)
    promote(store, "cold", confirm_name="cold")
    promote(store, "final", confirm_name="final")
    archive(store, "cold")
    assert _stages(store)["cold"] == "archived"
    with pytest.raises(RegistryError, match="archived"):
        rollback(store, confirm=True)
    assert _productions(store) == ["final"]


def test_an_archived_model_keeps_its_stage_and_is_restored_to_it(store, policies):
    # archiving overwrote the stage: an archived SFT model was no longer the loop's start (the scorecard emptied)
    # and nothing brought a model back
    archive(store, "sft")
    row = store.models.get("sft")
    assert row["stage"] == "archived" and store.models.loop_stage(row) == "sft"
    assert store.models.sft_model() is None  # not a default any more
    with pytest.raises(RegistryError, match="already archived"):
        archive(store, "sft")
    with pytest.raises(RegistryError, match="not archived"):
        restore(store, "cold")
    with pytest.raises(RegistryError, match="sft is archived: restore it first"):  # promoted as it was, retired
        promote(store, "sft", confirm_name="sft")
    assert restore(store, "sft") == "sft"
    assert store.models.sft_model()["name"] == "sft" and "archived_from" not in store.models.get("sft")["metadata"]
    # archived before the stage was kept: the shipped demo model comes back as the SFT model, others as candidates
    store.models.register("old-demo", "policy", "/m/d", stage="archived", metadata={"shipped": True})
    store.models.register("old", "policy", "/m/o", stage="archived")
    assert (restore(store, "old-demo"), restore(store, "old")) == ("sft", "candidate")


def test_export_dir_needs_a_plain_name(workspace):
    assert export_dir(workspace, "tiny-sft") == workspace.root / "exports" / "tiny-sft"
    for bad in ("../x", "a/b", ".hidden", ""):
        with pytest.raises(RegistryError):
            export_dir(workspace, bad)


def _generate(folder):
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    model = AutoModelForCausalLM.from_pretrained(folder)
    tokenizer = AutoTokenizer.from_pretrained(folder)
    ids = tokenizer("<en> Good morning <ar>", return_tensors="pt")
    with torch.no_grad():
        out = model.generate(**ids, max_new_tokens=5, do_sample=False, pad_token_id=tokenizer.pad_token_id)
    assert out.shape[1] > ids["input_ids"].shape[1]
    return model, tokenizer, ids


def test_export_of_a_policy_loads_with_transformers_and_generates(store, workspace, tiny_policy):
    out = export_standalone(store, tiny_policy, export_dir(workspace, tiny_policy))
    assert out == workspace.root / "exports" / "tiny-sft"
    assert (out / "model.safetensors").is_file() and (out / "tokenizer.json").is_file()
    # meant to be shared: others on the machine can read it (safetensors writes 0600)
    assert {p.name: p.stat().st_mode & 0o777 for p in out.iterdir()} == {p.name: 0o644 for p in out.iterdir()}
    assert out.stat().st_mode & 0o777 == 0o755
    card = json.loads((out / "tarjama.json").read_text())
    assert card["prompt_format"] == "tags" and card["exported_from"] == "tiny-sft" and card["stage"] == "sft"
    _generate(out)
    # a second export replaces the folder whole
    assert export_standalone(store, tiny_policy, out) == out
    assert not list(out.parent.glob(".*tmp"))
    # a folder that is not an earlier export of this model is never replaced (it was deleted with its files)
    mine = workspace.root / "mine" / tiny_policy
    mine.mkdir(parents=True)
    (mine / "precious.txt").write_text("keep")
    with pytest.raises(NotAnEarlierExport, match="already exists and is not an earlier export of tiny-sft"):
        export_standalone(store, tiny_policy, mine)
    assert (mine / "precious.txt").read_text() == "keep"


def test_export_of_a_lora_adapter_is_merged(store, workspace, tiny_policy_dir, tmp_path):
    import torch
    from peft import LoraConfig, get_peft_model

    from engine.models.loading import load_causal_lm, load_tokenizer

    torch.manual_seed(1)
    peft_model = get_peft_model(load_causal_lm(tiny_policy_dir),
                                LoraConfig(r=4, lora_alpha=8, target_modules=["q_proj", "v_proj"],
                                           init_lora_weights=False, task_type="CAUSAL_LM"))
    adapter = tmp_path / "adapter"
    peft_model.save_pretrained(adapter)
    load_tokenizer(tiny_policy_dir).save_pretrained(adapter)
    assert (adapter / "adapter_config.json").is_file()
    store.models.register("lora-dpo", "policy", str(adapter), stage="candidate", metadata={"prompt_format": "tags"})

    out = export_standalone(store, "lora-dpo", export_dir(workspace, "lora-dpo"))
    assert not (out / "adapter_config.json").exists() and (out / "model.safetensors").is_file()
    model, _, ids = _generate(out)
    peft_model.eval()
    with torch.no_grad():
        merged = model(**ids).logits
        expected = peft_model(**ids).logits
        base = load_causal_lm(tiny_policy_dir)(**ids).logits
    assert torch.allclose(merged, expected, atol=1e-4)
    assert not torch.allclose(merged, base, atol=1e-4)  # the adapter's delta is in the exported weights


def test_export_of_a_reward_model_loads_back(store, workspace, tiny_policy_dir, tmp_path):
    import torch

    from engine.models.loading import load_tokenizer
    from engine.reward.model import build_reward_model, load_reward_model, save_reward_model

    rm = build_reward_model(tiny_policy_dir, head="linear")
    save_reward_model(rm, load_tokenizer(tiny_policy_dir), tmp_path / "rm", prompt_format="tags")
    store.models.register("rm-1", "reward", str(tmp_path / "rm"), metadata={"prompt_format": "tags"})
    out = export_standalone(store, "rm-1", export_dir(workspace, "rm-1"))
    again = load_reward_model(out)
    ids = torch.tensor([[5, 6, 7]])
    with torch.no_grad():
        assert torch.allclose(again(input_ids=ids).logits, load_reward_model(tmp_path / "rm")(input_ids=ids).logits)
    assert json.loads((out / "tarjama.json").read_text())["exported_from"] == "rm-1"


def _text_files(folder):
    return {p.name: p.read_text(encoding="utf-8") for p in folder.rglob("*") if p.suffix in (".json", ".md", ".jinja")}


def test_export_has_a_model_card_a_chat_template_and_no_absolute_path(store, workspace, tiny_policy,
                                                                      tiny_policy_dir):
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    out = export_standalone(store, tiny_policy, export_dir(workspace, tiny_policy), dtype="bfloat16")
    for name, text in _text_files(out).items():  # an export travels: nothing points at this machine
        assert str(tiny_policy_dir) not in text and str(workspace.root) not in text, name
    assert "source_path" not in json.loads((out / "tarjama.json").read_text())
    card = (out / "README.md").read_text(encoding="utf-8")
    assert card.startswith("---\nlanguage:\n- ar\n- en\n- fr\n")
    # "license: other" alone: the Hub asks for its name and link, the link to a file in the export
    assert "license: other\nlicense_name: unset\nlicense_link: LICENSE.md\n" in card.split("---\n")[1]
    assert "does not set its terms" in (out / "LICENSE.md").read_text(encoding="utf-8")
    for part in ("## Method", "## Lineage", "## Data", "## Prompt format", "<en> Good morning <ar>", "## Metrics",
                 "`bfloat16`"):
        assert part in card
    tok = AutoTokenizer.from_pretrained(out)
    ids = tok.apply_chat_template([{"role": "user", "content": "Translate from English to Arabic:\nGood morning"}],
                                  add_generation_prompt=True, return_tensors="pt")
    assert ids[0].tolist() == tok("<en> Good morning <ar>")["input_ids"]  # BOS once, the studio's tag prompt
    model = AutoModelForCausalLM.from_pretrained(out, torch_dtype="auto")
    assert model.dtype == torch.bfloat16
    generated = model.generate(ids, max_new_tokens=4, do_sample=False, pad_token_id=tok.pad_token_id)
    assert generated.shape[1] > ids.shape[1]


def test_a_cards_base_model_is_a_hub_id_or_absent(store, tmp_path):
    # a reward model's card said "base_model: demo-sft", which the Hub does not take as a model id
    from engine.models.card import hub_base_model, model_card

    store.models.register("gemma-hub", "policy", "google/gemma-2-2b-it", stage="sft")
    store.models.register("cold", "policy", str(tmp_path / "cold"), stage="cold-start", parent="gemma-hub")
    store.models.register("rm", "reward", str(tmp_path / "rm"), stage="candidate",
                          metadata={"base_model": "cold"})
    store.models.register("local-sft", "policy", str(tmp_path / "local"), stage="sft")
    assert hub_base_model(store, "rm") == hub_base_model(store, "cold") == "google/gemma-2-2b-it"
    assert hub_base_model(store, "local-sft") is None and hub_base_model(store, None) is None
    card = model_card(store, "rm", prompt_format="instruction", pairs=["en-ar"], dtype="float32")
    header = card.split("---\n")[1]
    assert "base_model: google/gemma-2-2b-it\n" in header and "license: other\n" in header
    assert "from `cold`" in card  # the prose keeps the studio's own lineage
    store.models.register("rm-local", "reward", str(tmp_path / "rm2"), stage="candidate",
                          metadata={"base_model": "local-sft"})
    assert "base_model:" not in model_card(store, "rm-local", prompt_format="tags", pairs=["en-ar"],
                                           dtype="float32").split("---\n")[1]
    # a model with code of its own: the card's snippet loads it so (run as written, it failed)
    store.models.register("remote", "policy", str(tmp_path / "remote"), stage="sft",
                          metadata={"trust_remote_code": True})
    snippet = model_card(store, "remote", prompt_format="tags", pairs=["en-ar"], dtype="float32")
    assert snippet.count('from_pretrained("path/to/export", trust_remote_code=True)') == 2
    assert "trust_remote_code" not in model_card(store, "local-sft", prompt_format="tags", pairs=["en-ar"],
                                                 dtype="float32")
    # a model registered from a hub id is its own hub base: its export's card had none
    assert "base_model: google/gemma-2-2b-it\n" in model_card(store, "gemma-hub", prompt_format="instruction",
                                                              pairs=["en-ar"], dtype="float32").split("---\n")[1]


def test_a_policys_card_is_text_generation_names_its_accuracies_counts_and_no_trainers_folders(store, tmp_path):
    # "translation" made the Hub and transformers' pipeline feed the raw source with no prompt; an accuracy of 0
    # on an unnamed number of pairs; the shipped model's card gave its trainer's /tmp folders as the command
    from engine.models.card import model_card

    command = "python -m engine demo train --run-dir /tmp/retrain-run --out=/tmp/m --threads 2"
    store.models.register("sft", "policy", str(tmp_path / "sft"), stage="sft",
                          metadata={"shipped": True, "reproduce": command})
    store.models.register("dpo", "policy", str(tmp_path / "dpo"), stage="cold-start", parent="sft",
                          metadata={"eval_rewards_accuracies": 0.0, "valid_pairs": 5})
    store.models.register("rm", "reward", str(tmp_path / "rm"), stage="candidate",
                          metadata={"valid_accuracy": 0.6, "valid_pairs": 1234, "valid_accuracy_human": 0.5,
                                    "valid_pairs_human": 8})
    card = model_card(store, "sft", prompt_format="tags", pairs=["en-ar"], dtype="float32")
    assert "pipeline_tag: text-generation\n" in card.split("---\n")[1]
    assert "`python -m engine demo train --threads 2`" in card and "/tmp" not in card
    assert "| DPO reward accuracy on the validation pairs | 0 (n 5) |" in model_card(
        store, "dpo", prompt_format="tags", pairs=["en-ar"], dtype="float32")
    card = model_card(store, "rm", prompt_format="tags", pairs=["en-ar"], dtype="float32")
    assert "pipeline_tag: text-classification\n" in card
    assert "| 0.6 (n 1,234) |" in card and "| pair accuracy on held-out human pairs | 0.5 (n 8) |" in card


def test_an_exported_linear_reward_model_loads_with_plain_transformers(store, workspace, tiny_policy_dir, tmp_path):
    import torch
    from transformers import AutoModelForSequenceClassification

    from engine.models.loading import load_tokenizer
    from engine.reward.model import build_reward_model, load_reward_model, save_reward_model

    tok = load_tokenizer(tiny_policy_dir)
    save_reward_model(build_reward_model(tiny_policy_dir, head="linear", pad_token_id=tok.pad_token_id, seed=3), tok,
                      tmp_path / "rm", prompt_format="tags")
    store.models.register("rm-lin", "reward", str(tmp_path / "rm"), metadata={"prompt_format": "tags"})
    out = export_standalone(store, "rm-lin", export_dir(workspace, "rm-lin"))
    ids = torch.tensor([[2, 5, 6, 7, 8]])
    with torch.no_grad():
        expected = load_reward_model(tmp_path / "rm")(input_ids=ids).logits
        first = AutoModelForSequenceClassification.from_pretrained(out).eval()(input_ids=ids).logits
        second = AutoModelForSequenceClassification.from_pretrained(out).eval()(input_ids=ids).logits
    assert torch.allclose(first, expected, atol=1e-5) and torch.equal(first, second)
    assert "## Prompt format" in (out / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(("head", "words"), [("mlp", "MLP reward head"), ("likelihood", "likelihood reward head")])
def test_a_reward_model_with_a_studio_head_is_refused_standalone_with_the_reason(store, workspace, tiny_policy_dir,
                                                                                  tmp_path, head, words):

    from engine.models.loading import load_tokenizer
    from engine.models.registry import RegistryError
    from engine.reward.model import build_reward_model, save_reward_model

    tok = load_tokenizer(tiny_policy_dir)
    save_reward_model(build_reward_model(tiny_policy_dir, head=head, mlp_hidden=16, pad_token_id=tok.pad_token_id),
                      tok, tmp_path / "rm", prompt_format="tags")
    store.models.register("rm-head", "reward", str(tmp_path / "rm"), metadata={"prompt_format": "tags"})
    with pytest.raises(RegistryError, match=f"{words} .* random weights"):
        export_standalone(store, "rm-head", export_dir(workspace, "rm-head"))
    assert not (workspace.root / "exports" / "rm-head").exists()
    assert not list((workspace.root / "exports").glob(".*tmp"))


@pytest.mark.parametrize(("name", "ok"), [("my-sft-v1", True), ("Gemma2.2b_rm", True), ("a" * 128, True),
                                          ("a" * 129, False), ("-leading", False), ("has space", False),
                                          ("../up", False), ("", False)])
def test_the_model_name_rule_is_the_export_folders_rule(name: str, ok: bool) -> None:
    from engine.models.registry import model_name_problem

    assert (model_name_problem(name) is None) is ok


def test_a_new_model_name_must_be_free_and_a_free_one_is_found(store, policies):
    from engine.models.registry import free_model_name, new_model_name_problem

    assert new_model_name_problem(store, "brand-new") is None
    assert "already registered (cold-start)" in new_model_name_problem(store, "cold")
    assert "letters, digits" in new_model_name_problem(store, "../../etc")
    assert free_model_name(store, "brand-new") == "brand-new"
    store.models.register("cold-2", "policy", "/models/cold-2")
    assert free_model_name(store, "cold") == "cold-3"


def test_a_promoted_sft_model_is_still_the_loops_sft_model(store, policies):
    # promoting the only SFT model left every page saying "SFT model: none yet" and Phase 2 without a policy
    from engine.models.refs import newest_model

    promote(store, "sft", confirm_name="sft")
    assert store.models.get("sft")["stage"] == "production"
    assert store.models.sft_model()["name"] == "sft" and newest_model(store, "policy", "sft") == "sft"
    promote(store, "cold", confirm_name="cold")  # sft goes back to its stage; cold is the loop's cold start still
    assert store.models.sft_model()["name"] == "sft" and newest_model(store, "policy", "cold-start") == "cold"
    assert [r["name"] for r in store.models.at_loop_stage("production")] == ["cold"]


def test_an_exports_two_files_name_one_validation_chrf(store, workspace, tiny_policy_dir, tmp_path):
    # the shipped model's folder recorded a sampled value during training (77.75), the registry the whole split's
    # after training (78.56): the export's tarjama.json said one, its README the other
    import shutil

    from engine.models.prompting import read_model_card, write_model_card

    folder = tmp_path / "m"
    shutil.copytree(tiny_policy_dir, folder)
    write_model_card(folder, "tags", ["en-ar", "fr-ar"], created_by="bootstrap", valid_chrf=77.75)
    store.models.register("m", "policy", str(folder), stage="sft", metadata={"valid_chrf": 78.56})
    out = export_standalone(store, "m", export_dir(workspace, "m"))
    assert read_model_card(out).extra["valid_chrf"] == 78.56
    card = (out / "README.md").read_text(encoding="utf-8")
    assert "| 78.56 |" in card and "77.75" not in card


def test_a_full_disk_while_weights_are_written_is_an_os_error(tmp_path):
    # safetensors raises its own error, which reached the command line and the Models page as a traceback
    import errno

    from safetensors import SafetensorError

    from engine.__main__ import _os_error_line
    from engine.models.registry import save_weights

    class Model:
        def save_pretrained(self, folder, safe_serialization):
            raise SafetensorError("Error while serializing: I/O error: No space left on device (os error 28)")

    with pytest.raises(OSError) as caught:
        save_weights(Model(), tmp_path / "out")
    assert caught.value.errno == errno.ENOSPC and isinstance(caught.value.__cause__, SafetensorError)
    assert _os_error_line(caught.value).endswith("Free some space and try again.")
