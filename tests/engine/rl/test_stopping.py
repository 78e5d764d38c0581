"""RL rollouts end at a chat model's end of turn (its generation config), not only at the tokenizer's EOS."""

from __future__ import annotations

import json
import shutil

from engine.models.loading import load_tokenizer
from engine.rl.stopping import rollout_tokenizer


def _chat_model(tmp_path, tiny_policy_dir, generation: dict | None):
    """The tiny policy with an ``<end_of_turn>`` token and, when given, a generation config."""
    folder = tmp_path / "chat"
    shutil.copytree(tiny_policy_dir, folder)
    tokenizer = load_tokenizer(folder)
    tokenizer.add_special_tokens({"additional_special_tokens": ["<end_of_turn>"]})
    tokenizer.save_pretrained(folder)
    (folder / "generation_config.json").unlink(missing_ok=True)
    if generation is not None:
        (folder / "generation_config.json").write_text(json.dumps(generation))
    return folder, load_tokenizer(folder)


def test_a_chat_models_rollouts_end_at_its_end_of_turn(tmp_path, tiny_policy_dir):
    # Gemma's <end_of_turn> is in its generation config, not its tokenizer: TRL's rollouts ran on past the turn
    folder, tokenizer = _chat_model(tmp_path, tiny_policy_dir, None)
    turn = tokenizer.convert_tokens_to_ids("<end_of_turn>")
    (folder / "generation_config.json").write_text(json.dumps({"eos_token_id": [tokenizer.eos_token_id, turn]}))
    said = []
    rollouts = rollout_tokenizer(tokenizer, folder, "instruction", said.append)
    assert rollouts.eos_token == "<end_of_turn>" and rollouts.eos_token_id == turn
    assert tokenizer.eos_token_id != turn  # the saved model keeps its own tokenizer
    assert said and "the model's end of turn" in said[0]
    assert rollout_tokenizer(tokenizer, folder, "tags") is tokenizer  # the studio's own format ends at EOS


def test_a_model_without_another_end_token_keeps_its_tokenizer(tmp_path, tiny_policy_dir):
    folder, tokenizer = _chat_model(tmp_path, tiny_policy_dir, None)
    (folder / "generation_config.json").write_text(json.dumps({"eos_token_id": tokenizer.eos_token_id}))
    assert rollout_tokenizer(tokenizer, folder, "instruction") is tokenizer
    (folder / "generation_config.json").unlink()
    assert rollout_tokenizer(tokenizer, folder, "instruction") is tokenizer
