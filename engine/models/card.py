"""The README model card of an exported model: base model, method and lineage, data, languages, prompt format with
an example, and metrics with the test sets they were measured on. Written from the registry and the store; it
holds no absolute path (an export is meant to travel)."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from engine.licence import LICENCE_FILE, UNSET, licence_header
from engine.markup import table_cell
from engine.paths import user_path

METADATA_METRICS: dict[str, str] = {
    "valid_chrf": "greedy chrF on the validation split (recorded when the model was trained)",
    "heldout_chrf_end": "held-out chrF at the end of PPO",
    "heldout_chrf_start": "held-out chrF at the start of PPO",
    "valid_accuracy": "pair accuracy on the validation pairs",
    "valid_accuracy_human": "pair accuracy on held-out human pairs",
    "valid_accuracy_synthetic": "pair accuracy on synthetic validation pairs",
    "likelihood_accuracy": "pair accuracy of the base policy's own likelihood on the same validation pairs "
                           "(the bar the reward model should clear)",
    "eval_rewards_accuracies": "DPO reward accuracy on the validation pairs",
    "final_kl": "final KL to the reference",
    "reward_end": "mean reward at the end of PPO",
}
"""Model metadata keys the card reports as metrics, with what each measures."""

MEASURED_ON: dict[str, tuple[str, ...]] = {
    "valid_accuracy": ("valid_pairs",), "likelihood_accuracy": ("valid_pairs",),
    "valid_accuracy_human": ("valid_pairs_human",), "valid_accuracy_synthetic": ("valid_pairs_synthetic",),
    "eval_rewards_accuracies": ("valid_pairs", "valid_examples"),
}
"""The metadata count an accuracy was measured on (the first one recorded)."""


def measured_on(metadata: dict, key: str) -> str:
    """`` (n 1,234)``: how many pairs the metric ``key`` of a model was measured on, or ``""`` when unknown — a DPO
    accuracy of 1 was read as 100 % when it was one validation pair."""
    if not isinstance(metadata.get(key), int | float):
        return ""
    n = next((metadata[k] for k in MEASURED_ON.get(key, ()) if isinstance(metadata.get(k), int)
              and not isinstance(metadata.get(k), bool)), None)
    return "" if n is None else f" (n {n:,})"


def reproduce_command(command: str | None) -> str:
    """How the card says to rebuild the shipped demo model: its recorded command without the folders it was
    written to on the machine that trained it (``--run-dir /tmp/…``, ``--out /tmp/…``: absolute paths of nobody's
    machine in an export)."""
    import re

    return re.sub(r"\s--(?:run-dir|out)(?:=|\s+)\S+", "", command or "") or "python -m engine demo train"


def _plain(value: Any) -> str:
    """A value for the card: paths reduced to their last part (no absolute path leaves the studio)."""
    if isinstance(value, str) and Path(value).is_absolute():
        return Path(value).name
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, list | tuple):
        return ", ".join(_plain(v) for v in value)
    return str(value)


def _evaluations(store: Any, name: str) -> list[str]:
    """One table row per evaluation of the model: test set, decoding, mean sentence score per metric."""
    rows = []
    for ev in store.evaluations.list():
        if ev["model"] != name:
            continue
        testset = store.evaluations.get_testset(ev["testset_id"]) or {}
        scores = store.evaluations.scores([ev["key"]])[ev["key"]]
        means = {m: sum(v.values()) / len(v) for m, v in scores.items() if v}
        shown = ", ".join(f"{m} {v:.2f}" for m, v in sorted(means.items()) if not math.isnan(v))
        rows.append(f"| {table_cell(testset.get('name', ev['testset_id']))} | {table_cell(ev['decoding_label'])} "
                    f"| {shown} |")
    return rows


def _lineage_lines(store: Any, name: str) -> list[str]:
    from engine.models.lineage import lineage

    graph = lineage(store, name)
    return [f"- {graph.nodes[e.source].label} → *{e.label}* → {graph.nodes[e.target].label}" for e in graph.edges]


def hub_base_model(store: Any, name: str | None) -> str | None:
    """The Hugging Face hub id ``name`` descends from (itself, or its nearest ancestor registered from a hub id), or
    None: a card's ``base_model`` must be a hub id — a studio name (``demo-sft``) is not one the Hub accepts."""
    import re

    seen: set[str] = set()
    while name and name not in seen:
        seen.add(name)
        row = store.models.get(name)
        if row is None:
            return name if re.fullmatch(r"[\w.-]+/[\w.-]+", name) and not Path(name).exists() else None
        path = str(row.get("path") or "")
        if re.fullmatch(r"[\w.-]+/[\w.-]+", path) and not user_path(path).exists():
            return path
        meta = row.get("metadata") or {}
        name = meta.get("base_model") or meta.get("parent_policy") or row.get("parent")
    return None


def model_card(store: Any, name: str, *, prompt_format: str, pairs: list[str], dtype: str,
               base_model: str | None = None, reward_head: str | None = None) -> str:
    """The README.md of the export of registered model ``name``."""
    from engine.models.prompting import LANGUAGE_NAMES, build_prompt, instruction_text, split_pair

    row = store.models.get(name) or {}
    meta = row.get("metadata") or {}
    languages = sorted({code for pair in pairs for code in split_pair(pair)})
    kind = row.get("kind", "policy")
    base = base_model or meta.get("base_model") or meta.get("parent_policy") or row.get("parent")
    # a policy is a causal LM: the Hub's and transformers' "translation" pipeline feeds it the raw source, no prompt
    pipeline = "text-classification" if kind == "reward" else "text-generation"
    # the hub id of its lineage, itself included: a model registered from a hub id had none (its own was skipped)
    hub_base = hub_base_model(store, base) or hub_base_model(store, name)
    # the studio cannot know the base model's or the data's terms: "other" (LICENSE.md says so) until the user sets it
    header = ("---\nlanguage:\n" + "".join(f"- {c}\n" for c in languages) + licence_header(UNSET)
              + "library_name: transformers\n"
              f"pipeline_tag: {pipeline}\n" + (f"base_model: {hub_base}\n" if hub_base else "")
              + "tags:\n- tarjama-studio\n" + "".join(f"- {t}\n" for t in filter(None, [meta.get("method")]))
              + "---\n")
    example_src, example_pair = "Good morning", pairs[0] if pairs else "en-ar"
    if example_pair.startswith("fr"):
        example_src = "Bonjour"
    if prompt_format == "tags":
        tagged, request = build_prompt(example_src, example_pair, "tags"), instruction_text(example_src, example_pair)
        prompt_md = (f"The studio's tag format: `{tagged}` (the tokenizer adds BOS), then the Arabic translation and "
                     f"EOS. The tokenizer's chat template builds the same text from a user turn `{request!r}`, so "
                     "`apply_chat_template` and OpenAI-style chat servers work.")
    else:
        prompt_md = (f"An instruction: the user turn `{instruction_text(example_src, example_pair)!r}` through the "
                     "tokenizer's chat template (with the generation prompt), or the plain text "
                     f"`{instruction_text(example_src, example_pair)!r}` followed by a newline and "
                     f"`{LANGUAGE_NAMES[split_pair(example_pair)[1]]}:` when there is no template.")
    # a model with code of its own loads only so (the snippet, run as written, failed on such an export)
    remote = ", trust_remote_code=True" if meta.get("trust_remote_code") else ""
    usage = ("```python\nfrom transformers import AutoModelForSequenceClassification, AutoTokenizer\n"
             f"model = AutoModelForSequenceClassification.from_pretrained(\"path/to/export\"{remote})\n"
             f"tok = AutoTokenizer.from_pretrained(\"path/to/export\"{remote})\n"
             "prompt = tok.apply_chat_template([{\"role\": \"user\", \"content\": \"Translate from English to "
             "Arabic:\\nGood morning\"}, {\"role\": \"assistant\", \"content\": \"صباح الخير\"}], tokenize=False)\n"
             "reward = model(**tok(prompt, add_special_tokens=False, return_tensors=\"pt\")).logits[0, 0]\n```\n"
             if kind == "reward" else
             "```python\nfrom transformers import AutoModelForCausalLM, AutoTokenizer\n"
             f"model = AutoModelForCausalLM.from_pretrained(\"path/to/export\"{remote})\n"
             f"tok = AutoTokenizer.from_pretrained(\"path/to/export\"{remote})\n"
             "ids = tok.apply_chat_template([{\"role\": \"user\", \"content\": \"Translate from English to Arabic:\\n"
             "Good morning\"}], add_generation_prompt=True, return_tensors=\"pt\")\n"
             "print(tok.decode(model.generate(ids, max_new_tokens=64)[0, ids.shape[1]:], skip_special_tokens=True))\n"
             "```\n")
    data = [f"- {k.replace('_', ' ')}: {_plain(meta[k])}" for k in ("pair_sets", "replay_pair_sets", "corpus_ids",
                                                                     "train_pairs", "valid_pairs", "prompts",
                                                                     "corpus_sha256")
            if meta.get(k) not in (None, "", [])]
    if meta.get("shipped"):  # the studio's demo model: its corpus, and how to rebuild it
        data.insert(0, "- the studio's demo corpus (written for the project, `data/demo/`), reproduced by "
                       f"`{reproduce_command(meta.get('reproduce'))}`")
    method = [f"- {k.replace('_', ' ')}: {_plain(meta[k])}" for k in (
        "method", "loss_type", "beta", "nll_weight", "learning_rate", "epochs", "steps", "lora", "reward_model",
        "kl_coef", "head") if meta.get(k) not in (None, "")]
    if reward_head:
        method.append(f"- reward head: {reward_head} (the architecture's own `score` layer: a linear map of the last "
                      "token's hidden state)")
    metrics = [f"| {label} | {_plain(meta[k])}{measured_on(meta, k)} |" for k, label in METADATA_METRICS.items()
               if isinstance(meta.get(k), int | float)]
    evaluations = _evaluations(store, name)
    lineage = _lineage_lines(store, name)
    return header + f"""
# {name}

A {'reward model' if kind == 'reward' else 'translation model'} for {', '.join(pairs)} made with Tarjama Studio
(stage `{row.get('stage', '')}`{f", from `{_plain(base)}`" if base else ''}). Weights: safetensors, `{dtype}`.

## Method

{chr(10).join(method) or '- (no training settings on record)'}

## Lineage

{chr(10).join(lineage) or '- (none on record)'}

## Data

{chr(10).join(data) or '- (none on record)'}

Languages: {', '.join(LANGUAGE_NAMES[c] for c in languages)}.

## Prompt format

{prompt_md}

{usage}
## Metrics

| metric (during training) | value |
|---|---|
{chr(10).join(metrics) or '| (none on record) | |'}

| test set | decoding | mean sentence scores |
|---|---|---|
{chr(10).join(evaluations) or '| (not evaluated on the Compare page yet) | | |'}

## Licence

Not set: `{LICENCE_FILE}` says which terms apply (the base model's, and the training data's).

`tarjama.json` holds the prompt format and language pairs the studio reads back.
"""


def relative_card_values(extra: dict[str, Any]) -> dict[str, Any]:
    """``tarjama.json`` extras without absolute paths: an absolute path is reduced to its last part."""
    out = {}
    for key, value in extra.items():
        if isinstance(value, str) and Path(value).is_absolute():
            out[key] = Path(value).name
        elif isinstance(value, dict):
            out[key] = relative_card_values(value)
        else:
            out[key] = value
    return out



def model_licence(base: str | None) -> str:
    """What ``LICENSE.md`` of a model export says applies (``base``: the model it descends from, if known)."""
    model = f"the licence of the model it was trained from (`{_plain(base)}`)" if base else \
        "the licence of the model it was trained from"
    return f"{model[0].upper()}{model[1:]} and those of the corpora it was trained on apply."
