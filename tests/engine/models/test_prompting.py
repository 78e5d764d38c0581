"""The translation prompt formats and the ``tarjama.json`` model card."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from engine.models.prompting import (
    MODEL_CARD_FILE,
    PROMPT_FORMATS,
    build_prompt,
    encode_prompt,
    prompt_format_of,
    read_model_card,
    split_pair,
    write_model_card,
)

CHAT_TEMPLATE = (
    "{{ bos_token }}{% for m in messages %}<start_of_turn>{{ m['role'] }}\n{{ m['content'] }}<end_of_turn>\n"
    "{% endfor %}{% if add_generation_prompt %}<start_of_turn>model\n{% endif %}"
)


@pytest.fixture(scope="module")
def tokenizer():
    from engine.models.demo import train_bpe_tokenizer

    texts = ["Good morning.", "صباح الخير.", "Bonjour à tous.", "Translate from English to Arabic:"] * 5
    return train_bpe_tokenizer(texts, vocab_size=300)


def test_tags_prompt_names_the_languages():
    assert build_prompt("Good morning.", "en-ar") == "<en> Good morning. <ar>"
    assert build_prompt("  Bonjour.  ", "fr-ar", "tags") == "<fr> Bonjour. <ar>"


def test_instruction_prompt_without_a_chat_template_is_plain_text():
    assert build_prompt("Good morning.", "en-ar", "instruction") == (
        "Translate from English to Arabic:\nGood morning.\nArabic:"
    )
    assert build_prompt("Bonjour.", "fr-ar", "instruction").startswith("Translate from French to Arabic:\n")


def test_instruction_prompt_uses_the_chat_template_and_encodes_bos_once():
    from engine.models.demo import train_bpe_tokenizer

    chat = train_bpe_tokenizer(["Good morning.", "صباح الخير."] * 5, vocab_size=300)
    chat.chat_template = CHAT_TEMPLATE
    prompt = build_prompt("Good morning.", "en-ar", "instruction", chat)
    assert prompt == (
        "<bos><start_of_turn>user\nTranslate from English to Arabic:\nGood morning.<end_of_turn>\n"
        "<start_of_turn>model\n"
    )
    ids = encode_prompt(chat, "Good morning.", "en-ar", "instruction")
    assert ids.count(chat.bos_token_id) == 1 and ids[0] == chat.bos_token_id


def test_tags_prompt_encodes_with_bos_and_language_tokens(tokenizer):
    ids = encode_prompt(tokenizer, "Good morning.", "en-ar", "tags")
    assert ids[0] == tokenizer.bos_token_id
    assert ids[1] == tokenizer.convert_tokens_to_ids("<en>")
    assert ids[-1] == tokenizer.convert_tokens_to_ids("<ar>")


@pytest.mark.parametrize("pair", ["en", "en-de", "xx-ar", ""])
def test_unknown_pairs_are_refused(pair):
    with pytest.raises(ValueError):
        build_prompt("Hello", pair)


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="unknown prompt format"):
        build_prompt("Hello", "en-ar", "chatml")
    assert set(PROMPT_FORMATS) >= {"tags", "instruction"}
    assert split_pair("FR-AR") == ("fr", "ar")


def test_model_card_round_trip(tmp_path: Path):
    path = write_model_card(
        tmp_path / "m", "tags", pairs=["en-ar", "fr-ar"], created_by="bootstrap", steps=12
    )
    assert path.name == MODEL_CARD_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data == {
        "prompt_format": "tags",
        "pairs": ["en-ar", "fr-ar"],
        "created_by": "bootstrap",
        "steps": 12,
    }
    card = read_model_card(tmp_path / "m")
    assert (
        card.prompt_format == "tags" and card.pairs == ["en-ar", "fr-ar"] and card.created_by == "bootstrap"
    )
    assert card.extra == {"steps": 12}
    assert prompt_format_of(tmp_path / "m") == "tags"


def test_folders_without_a_card_and_hub_ids_read_as_instruction(tmp_path: Path):
    assert read_model_card(tmp_path) is None
    assert prompt_format_of(tmp_path) == "instruction"
    assert prompt_format_of("google/gemma-2-2b-it") == "instruction"


def test_a_card_with_an_unknown_format_is_an_error(tmp_path: Path):
    with pytest.raises(ValueError):
        write_model_card(tmp_path, "chatml")
    (tmp_path / MODEL_CARD_FILE).write_text('{"prompt_format": "chatml"}', encoding="utf-8")
    with pytest.raises(ValueError, match="unknown prompt format"):
        read_model_card(tmp_path)


def test_decoded_outputs_hold_no_character_a_stored_sentence_may_not():
    """A small model can write a NUL or a right-to-left override: the Translate page showed it as written, and a
    correction pre-filled with that candidate was refused for it."""
    from engine.models.demo import train_bpe_tokenizer
    from engine.models.prompting import decode_outputs

    written = "صباح\x00 الخير\u202e ok\x85\n"
    tok = train_bpe_tokenizer([written, "Good morning."] * 5, vocab_size=300)
    ids = tok(written, add_special_tokens=False)["input_ids"]
    assert tok.decode(ids) == written  # the tokenizer itself keeps every character
    assert decode_outputs(tok, [ids + [tok.eos_token_id]]) == ["صباح الخير ok"]
