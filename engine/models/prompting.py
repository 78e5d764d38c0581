"""The translation prompt format, and the small model card (``tarjama.json``) that carries it.

Two formats exist:

``tags``
    Studio-built models. Special tokens name the languages: the prompt is ``"<en> {source} <ar>"``
    (or ``<fr>``), and the model continues with the Arabic target and EOS. The tokenizer adds BOS.
``instruction``
    Real hub models (e.g. a Gemma-2 SFT model). When the tokenizer has a chat template the request
    ``"Translate from English to Arabic:\\n{source}"`` becomes one user turn rendered by
    ``tokenizer.apply_chat_template(..., add_generation_prompt=True)``; otherwise a plain text
    ``"Translate from English to Arabic:\\n{source}\\nArabic:"`` is used.

With glossaries switched on, an ``instruction`` prompt can carry the terms that apply to the source (``terms``:
``(source term, Arabic term)`` pairs, see :mod:`engine.glossary.prompt`) as lines after the source:
``"Glossary (use these Arabic terms):\n- remote control: جهاز التحكم"``. ``tags`` models cannot read them:
the studio shows the terms to linguists instead.

The format travels with a model folder in ``tarjama.json``:
``{"prompt_format": ..., "pairs": [...], "created_by": ...}``. Folders without one (hub models) are
read as ``instruction``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from engine.paths import user_path

MODEL_CARD_FILE = "tarjama.json"

LANGUAGE_NAMES: dict[str, str] = {"en": "English", "fr": "French", "ar": "Arabic"}
LANGUAGE_TAGS: dict[str, str] = {code: f"<{code}>" for code in LANGUAGE_NAMES}
"""Special tokens of studio-built tokenizers, one per language."""

PAIRS: tuple[str, ...] = ("en-ar", "fr-ar")

PROMPT_FORMATS: dict[str, str] = {
    "tags": "Language tags (studio-built models): '<en> {source} <ar>', then the target and EOS.",
    "instruction": (
        "An instruction (hub models): the tokenizer's chat template when it has one, else "
        "'Translate from English to Arabic:\\n{source}\\nArabic:'."
    ),
}
"""Prompt format name -> what it looks like (for forms and help texts)."""

DEFAULT_HUB_FORMAT = "instruction"
"""The format assumed for a model folder without a ``tarjama.json``."""


def split_pair(pair: str) -> tuple[str, str]:
    """``"en-ar"`` -> ``("en", "ar")``; raises ``ValueError`` for a language the studio does not know."""
    try:
        source, target = pair.strip().lower().split("-")
    except ValueError:
        raise ValueError(f"not a language pair: {pair!r} (expected e.g. 'en-ar')") from None
    for code in (source, target):
        if code not in LANGUAGE_NAMES:
            raise ValueError(
                f"unknown language {code!r} in pair {pair!r}; known: {', '.join(LANGUAGE_NAMES)}"
            )
    return source, target


GLOSSARY_HEADING = "Glossary (use these Arabic terms):"


def instruction_text(source: str, pair: str, terms: Sequence[tuple[str, str]] = ()) -> str:
    """The request of the ``instruction`` format, without any answer cue; ``terms`` are listed after the source."""
    src, tgt = split_pair(pair)
    text = f"Translate from {LANGUAGE_NAMES[src]} to {LANGUAGE_NAMES[tgt]}:\n{source}"
    if terms:
        text += "\n" + GLOSSARY_HEADING + "".join(f"\n- {term}: {arabic}" for term, arabic in terms)
    return text


def _has_chat_template(tokenizer: Any) -> bool:
    return tokenizer is not None and bool(getattr(tokenizer, "chat_template", None))


def build_prompt(source: str, pair: str, prompt_format: str = "tags", tokenizer: Any = None,
                 terms: Sequence[tuple[str, str]] = ()) -> str:
    """The prompt text for translating ``source`` in language pair ``pair`` (``"en-ar"``/``"fr-ar"``).

    ``tokenizer`` matters only for ``instruction``: when it has a chat template, the prompt is that
    template rendered with the generation prompt (it may already contain BOS; see :func:`encode_prompt`).
    ``terms`` (glossary terms that apply to the source) go into ``instruction`` prompts only; ``tags`` ignores them.
    """
    src, tgt = split_pair(pair)
    source = source.strip()
    if prompt_format == "tags":
        return f"{LANGUAGE_TAGS[src]} {source} {LANGUAGE_TAGS[tgt]}"
    if prompt_format == "instruction":
        request = instruction_text(source, pair, terms)
        if _has_chat_template(tokenizer):
            return tokenizer.apply_chat_template(
                [{"role": "user", "content": request}], tokenize=False, add_generation_prompt=True
            )
        return f"{request}\n{LANGUAGE_NAMES[tgt]}:"
    raise ValueError(f"unknown prompt format {prompt_format!r}; known: {', '.join(PROMPT_FORMATS)}")


def prompt_adds_special_tokens(prompt_format: str, tokenizer: Any) -> bool:
    """Whether the tokenizer should add its special tokens (BOS) when encoding a prompt.

    A rendered chat template already holds them, so it is encoded with ``add_special_tokens=False``.
    """
    return not (prompt_format == "instruction" and _has_chat_template(tokenizer))


def encode_prompt(tokenizer: Any, source: str, pair: str, prompt_format: str = "tags",
                  terms: Sequence[tuple[str, str]] = ()) -> list[int]:
    """The token ids of a prompt, with BOS exactly once (``terms``: see :func:`build_prompt`)."""
    text = build_prompt(source, pair, prompt_format, tokenizer, terms)
    return list(
        tokenizer(text, add_special_tokens=prompt_adds_special_tokens(prompt_format, tokenizer))["input_ids"]
    )


def decode_outputs(tokenizer: Any, sequences: Any) -> list[str]:
    """The texts of generated ids (prompts excluded), one per sequence: special tokens skipped, ends stripped, and
    the characters no stored sentence may hold removed (:func:`engine.characters.printable`) — every candidate,
    translation and evaluation output the studio keeps or shows is decoded here."""
    from engine.characters import printable

    return [printable(text).strip() for text in tokenizer.batch_decode(sequences, skip_special_tokens=True)]


def tags_chat_template() -> str:
    """A Jinja chat template for the ``tags`` format, so ``apply_chat_template`` and OpenAI-style servers work
    with the studio's models.

    A user turn ``"Translate from English to Arabic:\\n{source}"`` (the ``instruction`` request, see
    :func:`instruction_text`) becomes ``"{bos}<en> {source} <ar>"`` (``<fr>`` for French); a user turn that
    already starts with a language tag is used as it is; any other user text is taken as an English source. An
    assistant turn is its text followed by EOS; system turns are ignored. The generation prompt is empty: the
    target tag ends the prompt. Rendered with the generation prompt, it gives exactly :func:`build_prompt`'s
    text after BOS."""
    branches = []
    for code, name in LANGUAGE_NAMES.items():
        if code == "ar":
            continue
        prefix = f"Translate from {name} to Arabic:"
        branches.append(
            f"{{%- {'if' if not branches else 'elif'} text.startswith('{prefix}') -%}}"
            f"{{{{ bos_token }}}}{LANGUAGE_TAGS[code]} {{{{ text[{len(prefix)}:] | trim }}}} {LANGUAGE_TAGS['ar']}"
        )
    tags = " or ".join(f"text.startswith('{LANGUAGE_TAGS[c]}')" for c in LANGUAGE_NAMES if c != "ar")
    return (
        "{%- for message in messages -%}"
        "{%- if message['role'] == 'user' -%}"
        "{%- set text = message['content'] | trim -%}"
        + "".join(branches)
        + f"{{%- elif {tags} -%}}{{{{ bos_token }}}}{{{{ text }}}}"
        + f"{{%- else -%}}{{{{ bos_token }}}}{LANGUAGE_TAGS['en']} {{{{ text }}}} {LANGUAGE_TAGS['ar']}"
        "{%- endif -%}"
        "{%- elif message['role'] == 'assistant' -%}{{ message['content'] }}{{ eos_token }}"
        "{%- endif -%}"
        "{%- endfor -%}"
    )


# --- the model card --------------------------------------------------------------------------------
@dataclass
class ModelCard:
    """What ``tarjama.json`` says about a model folder."""

    prompt_format: str
    pairs: list[str] = field(default_factory=list)
    created_by: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form written to ``tarjama.json``."""
        return {
            "prompt_format": self.prompt_format,
            "pairs": list(self.pairs),
            "created_by": self.created_by,
            **self.extra,
        }


def write_model_card(
    path: Path | str,
    prompt_format: str,
    pairs: list[str] | tuple[str, ...] = PAIRS,
    created_by: str | None = None,
    **extra: Any,
) -> Path:
    """Write ``tarjama.json`` into the model folder ``path`` (atomically); returns the file's path."""
    if prompt_format not in PROMPT_FORMATS:
        raise ValueError(f"unknown prompt format {prompt_format!r}; known: {', '.join(PROMPT_FORMATS)}")
    for pair in pairs:
        split_pair(pair)
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    card = ModelCard(prompt_format, list(pairs), created_by, dict(extra))
    target = folder / MODEL_CARD_FILE
    tmp = folder / (MODEL_CARD_FILE + ".tmp")
    tmp.write_text(json.dumps(card.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, target)
    return target


def read_model_card(path: Path | str) -> ModelCard | None:
    """The card of a local model folder, or ``None`` when it has none (a hub model or a hub id)."""
    file = user_path(path) / MODEL_CARD_FILE
    if not file.is_file():
        return None
    data = json.loads(file.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{file} is not a JSON object")
    prompt_format = data.pop("prompt_format", DEFAULT_HUB_FORMAT)
    if prompt_format not in PROMPT_FORMATS:
        raise ValueError(f"{file}: unknown prompt format {prompt_format!r}")
    pairs = list(data.pop("pairs", []) or [])
    created_by = data.pop("created_by", None)
    return ModelCard(prompt_format, pairs, created_by, data)


def studio_prompt_format(name_or_path: Path | str) -> str | None:
    """The prompt format a folder's model card declares (a model the studio trained), or None without a card."""
    card = read_model_card(name_or_path) if user_path(str(name_or_path)).is_dir() else None
    return card.prompt_format if card else None


def prompt_format_of(name_or_path: Path | str) -> str:
    """The prompt format of a model: its card's, else ``instruction`` (what hub models understand)."""
    return studio_prompt_format(name_or_path) or DEFAULT_HUB_FORMAT
