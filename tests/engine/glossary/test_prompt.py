"""Instruction-format models get the applicable glossary terms in their prompt; tag-format models do not."""

from __future__ import annotations

import shutil

from engine.glossary import GlossaryEntry, TermIndex
from engine.glossary.prompt import prompt_accepts_terms, prompt_terms
from engine.models.prompting import GLOSSARY_HEADING, build_prompt, encode_prompt, write_model_card

TERMS = TermIndex(
    [("g", GlossaryEntry("remote control", ("جهاز التحكم",))), ("g", GlossaryEntry("computer", ("حاسوب", "كمبيوتر")))]
)
CHAT = "{{ bos_token }}{% for m in messages %}<{{ m['role'] }}>{{ m['content'] }}{% endfor %}<assistant>"


def test_instruction_prompt_lists_the_terms_and_tags_ignore_them(tiny_policy_dir):
    from engine.models.loading import load_tokenizer

    source = "Turn off the computer and find the remote control."
    terms = prompt_terms(TERMS.applicable(source))
    assert terms == [("computer", "حاسوب / كمبيوتر"), ("remote control", "جهاز التحكم")]
    plain = build_prompt(source, "en-ar", "instruction")
    assert plain.endswith(f"{source}\nArabic:") and GLOSSARY_HEADING not in plain
    with_terms = build_prompt(source, "en-ar", "instruction", terms=terms)
    assert with_terms == (
        f"Translate from English to Arabic:\n{source}\n{GLOSSARY_HEADING}\n"
        "- computer: حاسوب / كمبيوتر\n- remote control: جهاز التحكم\nArabic:"
    )
    assert build_prompt(source, "en-ar", "tags", terms=terms) == f"<en> {source} <ar>"
    assert prompt_accepts_terms("instruction") and not prompt_accepts_terms("tags")

    tok = load_tokenizer(tiny_policy_dir)
    tok.chat_template = CHAT
    chat = build_prompt(source, "en-ar", "instruction", tok, terms)
    assert "- remote control: جهاز التحكم" in chat and chat.endswith("<assistant>")
    ids = encode_prompt(tok, source, "en-ar", "instruction", terms)
    assert ids.count(tok.bos_token_id) == 1 and tok.decode(ids, skip_special_tokens=True).count("جهاز التحكم") == 1


def test_interactive_translation_puts_terms_in_an_instruction_prompt(tiny_policy_dir, tmp_path):
    from engine.feedback.interactive import translate_and_rank

    folder = tmp_path / "instruct"
    shutil.copytree(tiny_policy_dir, folder)
    write_model_card(folder, "instruction", created_by="tests")
    terms = [("remote control", "جهاز التحكم")]
    common = dict(
        source="Where is the remote control?",
        pair="en-ar",
        model_name="m",
        strategies=["greedy", "temperature:1.0x4"],
        max_new_tokens=4,
        seed=1,
    )
    instruct = translate_and_rank(model_path=str(folder), prompt_format="instruction", terms=terms, **common)
    assert instruct.settings["glossary_terms"] == [["remote control", "جهاز التحكم"]]
    tags = translate_and_rank(model_path=str(tiny_policy_dir), prompt_format="tags", terms=terms, **common)
    assert "glossary_terms" not in tags.settings
