"""Export preference pairs as folders that TRL, LLaMA-Factory and OpenRLHF read as they are.

One export is one folder, ``<exports>/<name>/`` (``synthetic_preferences`` or ``human_pairs``), written beside
and swapped in whole::

    README.md                       dataset card (YAML header: languages, licence, the two configs below)
    LICENSE.md                      while the licence is ``other``: which terms apply, how to set them
    train.jsonl  validation.jsonl   the plain variant: prompt / chosen / rejected as strings
    conversational/train.jsonl      the conversational variant: prompt / chosen / rejected as message lists,
    conversational/validation.jsonl   plus chosen_message / rejected_message (one message each, for LLaMA-Factory)
    dataset_dict/                   the plain variant as a ``DatasetDict`` (``save_to_disk``: train, validation)
    dataset_info.json               LLaMA-Factory entries (plain and conversational, train and validation)
    openrlhf_flags.txt              the OpenRLHF dataset flags for both variants

Train and validation are separate files (a ``split`` column is ignored by every tool). The validation rows are
the pairs' own validation split (drawn per source by the job that made them); when the pairs have none, a seeded
share of the sources is held out. Every source with a validation pair is kept out of training, so no train row
shares its (language pair, source) with a validation row.

Columns of the plain variant: ``prompt`` (what the policy sees, in the format of the model that made the
candidates, without a leading BOS: the trainers' tokenizers add it), ``chosen``, ``rejected``, ``margin`` (synthetic
pairs: the fused-quality gap, 0–1; human pairs: see :data:`MARGIN_MEANING`; TRL's RewardTrainer and OpenRLHF's
``--margin_loss`` use it as a Bradley–Terry margin),
``source``, ``pair``, ``strategy`` (the decoding strategy of the chosen translation; for human pairs the feedback
format), ``rejected_strategy``, ``pairing``, ``origin``, ``chosen_quality``, ``rejected_quality``, ``scores`` (a
JSON string, so the schema does not depend on the metrics used) and, for human pairs, ``weight``, ``linguist`` and
``judgement_id``.

Nothing writes into the folder after the export: the JSONL files are read through ``load_dataset`` (whose cache
lives in the Hugging Face cache), and the ``DatasetDict`` is meant to be loaded with ``keep_in_memory=True`` (else
``datasets`` writes its ``cache-*.arrow`` files beside the arrow files).
"""

from __future__ import annotations

import contextlib
import io
import json
import random
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from engine.export_folders import check_replaceable, make_shareable
from engine.licence import LICENCE_FILE, UNSET, licence_header, write_licence_file
from engine.markup import json_line
from engine.preferences.pairing import source_key
from engine.store.runs import settings_of

EXPORT_NAMES: dict[str, str] = {"synthetic": "synthetic_preferences", "human": "human_pairs"}
"""Origin -> export folder name. The judgement log (``human_preferences.jsonl``) has a name of its own."""

SPLITS: tuple[str, ...] = ("train", "validation")
CONVERSATIONAL = "conversational"
DATASET_DICT = "dataset_dict"
LLAMA_FACTORY_FILE = "dataset_info.json"
OPENRLHF_FILE = "openrlhf_flags.txt"
CARD_FILE = "README.md"

BOS_STRINGS: tuple[str, ...] = ("<bos>", "<s>", "<|begin_of_text|>", "<|startoftext|>", "[BOS]")
"""Leading BOS texts stripped from exported prompts: a rendered chat template holds one, and the trainers add
their own when they tokenize the plain prompt (two BOS otherwise)."""

HUMAN_COLUMNS: tuple[str, ...] = ("weight", "linguist", "judgement_id")

RUN_SETTINGS: tuple[str, ...] = ("weights", "pairing", "min_margin", "reference_free", "valid_fraction",
                                 "valid_share", "weight_by_agreement", "reward_model", "linguists")
"""Settings of the run that made the pairs which the dataset card reports (metric weights, pairing rule …)."""


def _strategies(row: dict) -> dict:
    """``strategy`` (the decoding strategy that produced the chosen translation), ``rejected_strategy`` and
    ``pairing`` (best_vs_worst …). Pairs stored before the score job recorded the decoding strategy in the
    ``strategy`` column held the pairing mode there; their scores carry the decoding strategies."""
    from engine.preferences.pairing import STRATEGIES as PAIRINGS

    scores = row["scores"] if isinstance(row["scores"], dict) else {}
    stored = row["strategy"]
    pairing = scores.get("pairing") or (stored if stored in PAIRINGS else None)
    strategy = scores.get("chosen_strategy") or (None if stored in PAIRINGS else stored)
    return {"strategy": strategy, "rejected_strategy": scores.get("rejected_strategy"), "pairing": pairing}


def strip_bos(prompt: str) -> str:
    """``prompt`` without a leading BOS text (see :data:`BOS_STRINGS`)."""
    for bos in BOS_STRINGS:
        if prompt.startswith(bos):
            return prompt[len(bos):]
    return prompt


def pair_records(store: Any, *, origin: str, run_ids: list[str] | None = None, split: str | None = None
                 ) -> list[dict]:
    """Pairs as export records (every pair of the filter, paged from the store); ``scores`` is a dict here.
    Human pairs carry ``weight``, ``linguist`` and ``judgement_id``."""
    records, offset, page = [], 0, 5000
    while True:
        rows = store.preferences.pairs(run_ids=run_ids, origin=origin, split=split, limit=page, offset=offset)
        for r in rows:
            record = {
                "prompt": strip_bos(r["prompt"]), "chosen": r["chosen"], "rejected": r["rejected"],
                "margin": r["margin"], "source": r["source"], "pair": r["pair"], "split": r["split"],
                **_strategies(r), "origin": r["origin"], "chosen_quality": r["chosen_quality"],
                "rejected_quality": r["rejected_quality"], "scores": r["scores"], "run_id": r["run_id"],
            }
            if origin == "human":
                record.update({"weight": 1.0 if r.get("weight") is None else float(r["weight"]),
                               "linguist": r.get("linguist"), "judgement_id": r.get("judgement_id")})
            records.append(record)
        if len(rows) < page:
            return records
        offset += page


def split_records(records: list[dict], *, valid_share_if_missing: float = 0.1, seed: int = 0
                  ) -> tuple[list[dict], list[dict], int]:
    """Train rows, validation rows and how many training rows were dropped for sharing a source with the
    validation split.

    Validation is the pairs' own ``valid`` split; when no pair has one, ``valid_share_if_missing`` of the sources
    (seeded) is held out. A source is identified by its language pair and text up to spacing (:func:`source_key`)."""
    key = lambda r: source_key(r["pair"], r["source"])  # noqa: E731
    valid = [r for r in records if r["split"] == "valid"]
    if not valid and valid_share_if_missing > 0 and records:
        sources = sorted({key(r) for r in records})
        random.Random(seed).shuffle(sources)
        held = set(sources[: max(1, int(len(sources) * valid_share_if_missing))])
        valid = [r for r in records if key(r) in held]
    held = {key(r) for r in valid}
    train = [r for r in records if r["split"] != "valid" and key(r) not in held]
    return train, valid, len(records) - len(valid) - len(train)


def plain_row(record: dict) -> dict:
    """One row of the plain variant (``scores`` as a JSON string, no ``split`` column)."""
    row = {k: v for k, v in record.items() if k not in ("split", "run_id")}
    row["scores"] = json.dumps(record.get("scores") or {}, ensure_ascii=False, sort_keys=True)
    return row


def conversational_row(record: dict) -> dict:
    """One row of the conversational variant: the request as a user turn (``Translate from English to Arabic:
    …``, as instruction-format models see it and the studio's tag-format chat template reads it), each
    translation as an assistant turn; ``chosen_message`` / ``rejected_message`` hold the same turns as single
    messages (LLaMA-Factory's sharegpt ranking format)."""
    from engine.models.prompting import instruction_text

    chosen = {"role": "assistant", "content": record["chosen"]}
    rejected = {"role": "assistant", "content": record["rejected"]}
    row = plain_row(record)
    row.update({"prompt": [{"role": "user", "content": instruction_text(record["source"], record["pair"])}],
                "chosen": [chosen], "rejected": [rejected], "chosen_message": chosen,
                "rejected_message": rejected})
    return row


def _write_jsonl(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json_line(row))


MARGIN_MEANING = {
    "synthetic": "the fused-quality gap between chosen and rejected (0–1)",
    "human": "the rank distance scaled to (0, 1] for a ranking's pairs, 1 for a best pick's and a post-edit's",
}
"""What the ``margin`` column means, by the origin of the pairs (:mod:`engine.feedback.pairs` for human ones)."""


def llama_factory_entries(name: str) -> dict[str, dict]:
    """LLaMA-Factory ``dataset_info.json`` entries (``file_name`` relative to the export folder, which is then
    LLaMA-Factory's ``dataset_dir``): ``<name>`` / ``<name>_validation`` (alpaca ranking format, the prompt
    used as it is — train with ``template: empty`` for the studio's tag-format models) and
    ``<name>_conversational`` / ``…_conversational_validation`` (sharegpt ranking format, OpenAI-style roles)."""
    entries: dict[str, dict] = {}
    for split in SPLITS:
        suffix = "" if split == "train" else "_validation"
        entries[f"{name}{suffix}"] = {
            "file_name": f"{split}.jsonl", "ranking": True,
            "columns": {"prompt": "prompt", "chosen": "chosen", "rejected": "rejected"},
        }
        entries[f"{name}_{CONVERSATIONAL}{suffix}"] = {
            "file_name": f"{CONVERSATIONAL}/{split}.jsonl", "formatting": "sharegpt", "ranking": True,
            "columns": {"messages": "prompt", "chosen": "chosen_message", "rejected": "rejected_message"},
            "tags": {"role_tag": "role", "content_tag": "content", "user_tag": "user",
                     "assistant_tag": "assistant", "system_tag": "system"},
        }
    return entries


def openrlhf_flags(*, bos_token: str = "<bos>") -> str:
    """The OpenRLHF dataset flags for both variants (paths relative to the export folder: run from inside it)."""
    keys = "--prompt_key prompt --chosen_key chosen --rejected_key rejected"
    return (
        "# OpenRLHF (openrlhf.cli.train_rm / train_dpo), run from inside this folder.\n"
        "# Plain variant. OpenRLHF tokenizes the plain prompt without special tokens: for a tokenizer that starts\n"
        f"# sequences with BOS (the studio's models: {bos_token}) keep --input_template; drop it for models without.\n"
        f"--dataset train.jsonl --eval_dataset validation.jsonl {keys} --input_template '{bos_token}{{}}'\n"
        "# Conversational variant (models with a chat template; the studio's exported models ship one):\n"
        f"--dataset {CONVERSATIONAL}/train.jsonl --eval_dataset {CONVERSATIONAL}/validation.jsonl {keys}"
        " --apply_chat_template\n"
        "# Add --margin_loss to use the 'margin' column (README.md says what it measures) in the reward model's "
        "loss.\n"
    )


def _run_settings(store: Any, run_ids: list[str]) -> dict[str, dict]:
    """The card-worthy settings of the runs that made the pairs (and the fused weights they really used)."""
    out: dict[str, dict] = {}
    for run_id in run_ids:
        run = store.runs.get(run_id)
        if run is None:
            continue
        config = settings_of(run)
        config = config.get("config", config) if isinstance(config, dict) else {}
        settings = {k: config[k] for k in RUN_SETTINGS if k in config}
        fusion = Path(run["run_dir"]) / "outputs" / "fusion.json"
        if fusion.is_file():
            used = json.loads(fusion.read_text(encoding="utf-8"))
            settings["weights_used"] = used.get("weights", used)
        out[run_id] = {"kind": run["kind"], **settings}
    return out


CONFIG_FOLDERS: dict[str, str] = {"default": "", CONVERSATIONAL: f"{CONVERSATIONAL}/"}
"""The card's two configs and the folder of each one's split files."""


def _dataset_info(counts: dict[str, int], sizes: dict[str, dict[str, int]] | None) -> str:
    """The card's ``dataset_info`` YAML: each config's splits with their rows and file bytes. ``datasets`` keys its
    cache of a folder whose card names its files by the card's metadata, not by the files: without these numbers
    every export of one name shared one cache entry, and ``load_dataset`` gave a re-export's folder (or another
    workspace's) the first export's rows. ``sizes``: ``{config: {split: bytes}}``, as written."""
    if sizes is None:
        return ""
    entries = []
    for config in CONFIG_FOLDERS:
        splits = "".join(f"  - name: {s}\n    num_bytes: {sizes[config][s]}\n    num_examples: {counts[s]}\n"
                         for s in SPLITS if counts[s])
        total = sum(sizes[config].values())
        entries.append(f"- config_name: {config}\n  splits:\n{splits}  download_size: {total}\n"
                       f"  dataset_size: {total}\n")
    return "dataset_info:\n" + "".join(entries)


def _digest(files: list[Path]) -> str:
    """The first 16 hex digits of the SHA-256 of ``files``' contents, one after another."""
    import hashlib

    h = hashlib.sha256()
    for path in files:
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def dataset_card(name: str, origin: str, counts: dict[str, int], pairs: list[str], runs: dict[str, dict], *,
                 dropped: int, license: str, held_out_by_export: bool,
                 sizes: dict[str, dict[str, int]] | None = None, digests: dict[str, str] | None = None) -> str:
    """The README dataset card: YAML header (languages, licence, configs, and with ``sizes`` — each config's split
    files' bytes — their sizes) and what the rows are. ``digests`` (``{config: digest of its files}``) go into each
    config's ``description``, which ``datasets`` hashes into its cache key: rows and bytes alone were the same for
    two exports with chosen and rejected swapped, and ``load_dataset`` gave the second the first one's rows."""
    from engine.models.prompting import split_pair

    languages = sorted({code for pair in pairs for code in split_pair(pair)})
    yaml_configs = []
    for config, folder in CONFIG_FOLDERS.items():
        # an empty split is left out of the card: load_dataset cannot read an empty file (a bare StopIteration
        # where every pair fell in the validation split); load_from_disk still gives it, with no rows
        files = "".join(f"  - split: {s}\n    path: {folder}{s}.jsonl\n" for s in SPLITS if counts[s])
        described = f"  description: files sha256 {digests[config]}\n" if digests else ""
        yaml_configs.append(f"- config_name: {config}\n{described}  data_files:\n{files}")
    header = ("---\n" + "language:\n" + "".join(f"- {code}\n" for code in languages) + licence_header(license)
              + "task_categories:\n- translation\ntags:\n- preference\n- dpo\n- reward-modeling\n"
              "configs:\n" + "".join(yaml_configs) + _dataset_info(counts, sizes) + "---\n")
    what = ("synthetic pairs: candidates of a policy scored by the studio's metrics; the chosen translation has "
            "the higher fused quality" if origin == "synthetic" else
            "human pairs: linguists' rankings, best picks and post-edits on the Translate page turned into pairs "
            "(a ranking gives every ordered pair, a best pick the best over each other candidate, a post-edit "
            "the correction over each candidate); `weight`, `linguist` and `judgement_id` say who judged")
    split_rule = ("the validation rows are held out by source by the export (the pairs had no validation split)"
                  if held_out_by_export else "the validation rows are the pairs' own validation split, drawn per "
                  "source by the job that made them")
    runs_md = "".join(f"- `{run_id}` ({s.pop('kind')}): " + ", ".join(
        f"{k} = `{json.dumps(v, ensure_ascii=False)}`" for k, v in s.items()) + "\n"
        for run_id, s in ((r, dict(v)) for r, v in runs.items())) or "- (runs not on record)\n"
    return header + f"""
# {name}

Preference pairs exported by Tarjama Studio for {', '.join(pairs)} translation: {what}.

| split | rows | file | conversational |
|---|---|---|---|
| train | {counts['train']} | `train.jsonl` | `{CONVERSATIONAL}/train.jsonl` |
| validation | {counts['validation']} | `validation.jsonl` | `{CONVERSATIONAL}/validation.jsonl` |

Splits: {split_rule}. No source of the validation split appears in train ({dropped} training rows that shared a
source with a validation row were left out).

## Pairing rule and metric weights (the runs that made the pairs)

{runs_md}
## Columns

- `prompt`, `chosen`, `rejected`: plain text; the prompt is in the format of the model that made the candidates,
  without a leading BOS (the trainer's tokenizer adds it). In `{CONVERSATIONAL}/` they are message lists
  (`[{{"role": "user", …}}]`, `[{{"role": "assistant", …}}]`) for chat-template models, with `chosen_message` /
  `rejected_message` as single messages for LLaMA-Factory.
- `margin`: {MARGIN_MEANING[origin]}. TRL's `RewardTrainer` uses a `margin` column in its loss; remove the
  column (`dataset.remove_columns("margin")`) for a plain Bradley–Terry loss.
- `source`, `pair`, `strategy`, `rejected_strategy`, `pairing`, `origin`, `chosen_quality`, `rejected_quality`,
  `scores` (JSON string){', `weight`, `linguist`, `judgement_id`' if origin == 'human' else ''}.

## Use

```python
from datasets import load_dataset, load_from_disk
pairs = load_dataset("path/to/{name}")                    # DatasetDict: train, validation
chat = load_dataset("path/to/{name}", "{CONVERSATIONAL}")  # message lists
arrow = load_from_disk("path/to/{name}/{DATASET_DICT}", keep_in_memory=True)
```

LLaMA-Factory: `dataset_dir: path/to/{name}` with `dataset: {name}` and `eval_dataset: {name}_validation`
(entries in `{LLAMA_FACTORY_FILE}`). OpenRLHF: the flags in `{OPENRLHF_FILE}`.

## Licence

`{license}`{f' (not set: `{LICENCE_FILE}`)' if license == UNSET else ''}: {dataset_licence(origin)}
"""


def dataset_licence(origin: str) -> str:
    """Which terms apply to an export of pairs of ``origin`` (synthetic or human)."""
    return ("The licence of the corpora the sources come from applies to the sources and references; the translations "
            f"were produced by the studio's models{' and corrected by its linguists' if origin == 'human' else ''}.")


def export_preferences(store: Any, out_dir: Path, *, origin: str = "synthetic", run_ids: list[str] | None = None,
                       valid_share_if_missing: float = 0.1, seed: int = 0, license: str = "other") -> dict:
    """Write the export folder ``out_dir/<name>/`` (see the module docstring); returns its paths and counts:
    ``{"folder", "jsonl" (train.jsonl), "dataset" (the DatasetDict folder), "rows", "train", "validation",
    "dropped"}``. The folder is written beside and swapped in whole, so a reader never sees half an export."""
    import datasets

    for run_id in dict.fromkeys(run_ids or ()):  # an unknown or pairless run was left out without a word
        if store.preferences.count_pairs(run_ids=[run_id], origin=origin):
            continue
        other = "human" if origin == "synthetic" else "synthetic"
        if store.preferences.count_pairs(run_ids=[run_id], origin=other):
            raise ValueError(f"the pair set {run_id} holds {other} pairs, not {origin} ones (--origin {other})")
        run = store.runs.get(run_id)
        raise ValueError(f"run {run_id} ({run['kind']}) made no pairs" if run else f"no pair set or run {run_id!r}")
    records = pair_records(store, origin=origin, run_ids=run_ids)
    if not records:
        raise ValueError(f"there are no {origin} pairs to export")
    name = EXPORT_NAMES[origin]
    out_dir = Path(out_dir)
    check_replaceable(out_dir / name, name, lambda folder: name in _exported_names(folder))
    own_valid = any(r["split"] == "valid" for r in records)
    train, valid, dropped = split_records(records, valid_share_if_missing=valid_share_if_missing, seed=seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    folder, tmp = out_dir / name, out_dir / f".{name}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        plain = {"train": [plain_row(r) for r in train], "validation": [plain_row(r) for r in valid]}
        for split, rows in plain.items():
            _write_jsonl(tmp / f"{split}.jsonl", rows)
            _write_jsonl(tmp / CONVERSATIONAL / f"{split}.jsonl",
                         [conversational_row(r) for r in (train if split == "train" else valid)])
        # the columns' types from both splits: a column empty in every training row (a human export whose training
        # pairs are all error spans, without a judgement id) was typed null, and the validation split's numbers
        # failed to cast to it with a traceback
        features = datasets.Dataset.from_list(plain["train"] + plain["validation"]).features
        with _quiet_datasets():  # its "Saving the dataset" bars went to the command line's and the studio's stderr
            datasets.DatasetDict({split: _dataset(rows, features) for split, rows in plain.items()}).save_to_disk(
                str(tmp / DATASET_DICT), num_shards=dict.fromkeys(plain, 1))  # an empty split: 0 shards otherwise,
            # which load_from_disk cannot read
        (tmp / LLAMA_FACTORY_FILE).write_text(
            json.dumps(llama_factory_entries(name), indent=2) + "\n", encoding="utf-8")
        (tmp / OPENRLHF_FILE).write_text(openrlhf_flags(), encoding="utf-8")
        counts = {"train": len(train), "validation": len(valid)}
        used_runs = sorted({r["run_id"] for r in records})
        (tmp / CARD_FILE).write_text(dataset_card(
            name, origin, counts, sorted({r["pair"] for r in records}), _run_settings(store, used_runs),
            dropped=dropped, license=license, held_out_by_export=not own_valid,
            sizes={config: {s: (tmp / f"{folder}{s}.jsonl").stat().st_size for s in SPLITS}
                   for config, folder in CONFIG_FOLDERS.items()},
            digests={config: _digest([tmp / f"{folder}{s}.jsonl" for s in SPLITS])
                     for config, folder in CONFIG_FOLDERS.items()}), encoding="utf-8")
        write_licence_file(tmp, license, dataset_licence(origin))
        make_shareable(tmp)
        if folder.exists():
            shutil.rmtree(folder)
        tmp.rename(folder)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return {"folder": folder, "jsonl": folder / "train.jsonl", "dataset": folder / DATASET_DICT,
            "rows": len(train) + len(valid), **counts, "dropped": dropped}


@contextlib.contextmanager
def _quiet_datasets() -> Iterator[None]:
    """``datasets`` without its progress bars (as they were after, when they were off before)."""
    from datasets.utils import are_progress_bars_disabled, disable_progress_bars, enable_progress_bars

    was_off = are_progress_bars_disabled()
    disable_progress_bars()
    try:
        yield
    finally:
        if not was_off:
            enable_progress_bars()


def _dataset(rows: list[dict], features: Any) -> Any:
    """A split as a ``datasets.Dataset`` with ``features``; an empty split too (``from_list([])`` refuses the
    features: a few judgements whose pairs all fell in the validation split failed the export)."""
    import datasets

    if rows:
        return datasets.Dataset.from_list(rows, features=features)
    return datasets.Dataset.from_dict({key: [] for key in features}, features=features)


def _exported_names(folder: Path) -> list[str]:
    """The datasets an earlier export in ``folder`` holds (its ``dataset_info.json`` names them; none: not one)."""
    try:
        entries = json.loads((folder / LLAMA_FACTORY_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return list(entries) if isinstance(entries, dict) else []


def zip_folder(folder: Path | str) -> bytes:
    """A folder as zip bytes (for a browser download), its files under the folder's own name."""
    folder = Path(folder)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, f"{folder.name}/{path.relative_to(folder).as_posix()}")
    return buffer.getvalue()
