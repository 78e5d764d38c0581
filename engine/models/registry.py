"""The model registry's operations: promote to production, roll back, archive, lineage and standalone export.

Headless (no Streamlit): the Models page calls these with the studio's store.

**Production.** Exactly one policy is ``production`` once any has been promoted. :func:`promote` moves
production to a policy and returns the previous production model to the stage it had before *its*
promotion; :func:`rollback` undoes the newest promotion not yet undone, so rolling back twice walks back the
history. Each is one transaction over ``models`` and the ``promotions`` history (migration 0007): promotions
form a stack — a ``promote`` row pushes, a ``rollback`` row pops — and the model of the top ``promote`` row
is the production model.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from engine.export_folders import check_replaceable, make_shareable
from engine.licence import UNSET, write_licence_file
from engine.paths import user_path

PLAIN_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
"""A model version's name: a letter or digit, then letters, digits, ``.``, ``_`` or ``-`` (at most 128); it names
the export folder too."""
FALLBACK_STAGE = "final"  # where a production model goes when no promotion of it is on record


class RegistryError(ValueError):
    """A registry operation that cannot be done (the message says why, for the page)."""


def model_name_problem(name: str) -> str | None:
    """Why ``name`` cannot name a model version (see :data:`PLAIN_NAME`), or None when it can."""
    if not PLAIN_NAME.fullmatch(name or ""):
        return ("Give a name of letters, digits, '.', '_' or '-' (starting with a letter or digit, at most 128 "
                "characters).")
    return None


def new_model_name_problem(store: Any, name: str) -> str | None:
    """Why ``name`` cannot name a *new* model version — not a plain name, or already registered (a new version never
    replaces a registered one: that would drop its record, the production model's included) — or None."""
    if problem := model_name_problem(name):
        return problem
    row = store.models.get(name)
    if row is not None:
        return f"a {row['kind']} model named {name!r} is already registered ({row['stage']}): choose another name"
    return None


def free_model_name(store: Any, base: str, taken: Callable[[str], bool] | None = None) -> str:
    """``base``, or ``base-2``, ``base-3``… — the first that no registered model has (or that ``taken`` says is
    free)."""
    taken = taken or (lambda name: store.models.get(name) is not None)
    name, n = base, 2
    while taken(name):
        name, n = f"{base}-{n}", n + 1
    return name


def folder_missing(row: dict) -> bool:
    """Whether a registered model's local folder is gone — deleted or moved by hand (a hub id has none)."""
    from engine.models.loading import is_local

    return is_local(row["path"]) and not user_path(str(row["path"])).exists()


def missing_folders(models: list[dict]) -> list[str]:
    """The models in use (not archived) whose local folder is gone: every job that reads one is refused when it
    starts, and until then the pages offered it as if it were there."""
    return [m["name"] for m in models if m["stage"] != "archived" and folder_missing(m)]


# --- production: promote, roll back, archive ---------------------------------------------------------
def _stack(history: list[dict]) -> list[dict]:
    """The promotions not undone, oldest first: each ``promote`` pushes, each ``rollback`` pops."""
    stack: list[dict] = []
    for row in history:
        if row["action"] == "promote":
            stack.append(row)
        elif stack:
            stack.pop()
    return stack


def _restore_stage(stack: list[dict], name: str) -> str:
    """The stage ``name`` had before it became production (the newest standing promotion of it)."""
    for row in reversed(stack):
        if row["model"] == name:
            return row["previous_stage"]
    return FALLBACK_STAGE


def production(store: Any) -> str | None:
    """The name of the production policy, or ``None``."""
    return store.promotion.production()


def history(store: Any) -> list[dict]:
    """Every promotion and roll-back, newest first."""
    return store.promotion.history()[::-1]


def production_refusal(row: dict, *, folder: bool = True) -> str | None:
    """Why the policy ``row`` cannot become production now — promoted or rolled back to — or ``None``: it is
    archived (retired: restore it first), or, with ``folder``, its local folder is gone (the Models page promoted
    it, and the endpoint answered every request with a 503). :func:`promote` and :func:`rollback` refuse an archived
    model; the folder is the caller's to check (the page does): the registry's records do not need the weights."""
    if row["stage"] == "archived":
        return f"{row['name']} is archived: restore it first (Models → Restore)"
    if folder and folder_missing(row):
        return (f"{row['name']}'s folder {row['path']} is gone (deleted or moved): register the model again where it "
                "is now")
    return None


def rollback_target(store: Any) -> str | None:
    """The model a roll-back would make production again, or ``None`` when there is nothing to roll back."""
    stack = _stack(store.promotion.history())
    return stack[-1]["previous_production"] if stack else None


def promote(store: Any, name: str, *, confirm_name: str) -> str | None:
    """Make the policy ``name`` the production model; returns the model that was production before (or ``None``).

    ``confirm_name`` must repeat ``name`` (the page's confirmation). The previous production model goes back to
    the stage it had before its promotion. One transaction: there is never zero or two production models.
    """
    if confirm_name != name:
        raise RegistryError(f"type the model's name ({name}) to confirm the promotion")
    with store.promotion.changing() as change:
        row = _registered(change, name)
        if row["kind"] != "policy":
            raise RegistryError(f"{name} is a {row['kind']} model; only a policy can be promoted to production")
        if row["stage"] == "production":
            raise RegistryError(f"{name} is already the production model")
        if refusal := production_refusal(row, folder=False):  # an archived one's stage would be "archived" again
            raise RegistryError(f"{refusal}, then promote it")  # after the next promotion
        stack = _stack(change.history())
        current = change.productions()
        for other in current:
            change.set_stage(other, _restore_stage(stack, other))
        change.set_stage(name, "production")
        previous = current[0] if current else None
        change.record("promote", name, previous, row["stage"])
    return previous


def _registered(change: Any, name: str) -> dict:
    """``name``'s registry row inside a production change, or :class:`RegistryError` when there is none."""
    row = change.model(name)
    if row is None:
        raise RegistryError(f"no registered model named {name!r}")
    return row


def rollback(store: Any, *, confirm: bool, expected: tuple[str, str | None] | None = None) -> str:
    """Return production to the model that was production before the newest standing promotion; returns its name.

    ``confirm`` must be true (the page's confirmation); ``expected``, when given, is what was confirmed — (the model
    to make production again, the production model it replaces) — and the roll-back is refused when either changed
    since (another tab promoted a model: the roll-back undid that promotion instead of the one confirmed). The model
    leaving production goes back to the stage it had before its promotion. Refused when no earlier production model
    is on record, or it was archived or removed since. One transaction.
    """
    if confirm is not True:
        raise RegistryError("confirm the roll-back first")
    with store.promotion.changing() as change:
        stack = _stack(change.history())
        if not stack:
            raise RegistryError("nothing to roll back: no promotion on record")
        top = stack[-1]
        target = top["previous_production"]
        if target is None:
            raise RegistryError(f"{top['model']} was the first production model: there is none to roll back to")
        current = change.productions()
        if expected is not None and expected != (target, current[0] if current else None):
            raise RegistryError(f"production changed since you confirmed: a roll-back now makes {target} production "
                                f"again instead of {current[0] if current else 'no model'}; confirm that if it is "
                                "what you want")
        target_row = change.model(target)
        if target_row is None:
            raise RegistryError(f"{target} is no longer registered; promote another model instead")
        if refusal := production_refusal(target_row, folder=False):
            raise RegistryError(f"{refusal}, then roll back — or promote another model")
        for other in current:
            change.set_stage(other, _restore_stage(stack, other))
        change.set_stage(target, "production")
        change.record("rollback", target, current[0] if current else None, target_row["stage"])
    return target


def archive(store: Any, name: str) -> None:
    """Set ``name``'s stage to ``archived``, keeping the stage it had (:func:`restore` brings it back; the loop
    scorecard still counts an archived SFT model as the loop's start). Refused for the production model: promote
    or roll back first."""
    with store.promotion.changing() as change:
        row = _registered(change, name)
        if row["stage"] == "production":
            raise RegistryError(f"{name} is the production model: promote another model or roll back first")
        if row["stage"] == "archived":
            raise RegistryError(f"{name} is already archived")
        change.set_archived(name, True)


def restore(store: Any, name: str) -> str:
    """Bring the archived model ``name`` back to the stage it had when it was archived; returns that stage."""
    with store.promotion.changing() as change:
        row = _registered(change, name)
        if row["stage"] != "archived":
            raise RegistryError(f"{name} is not archived")
        return change.set_archived(name, False)


# --- standalone export --------------------------------------------------------------------------------
def export_dir(workspace: Any, name: str) -> Path:
    """``<workspace>/exports/<name>``, ``name`` checked to be a plain name."""
    if not PLAIN_NAME.fullmatch(name or ""):
        raise RegistryError(f"not a plain model name for an export folder: {name!r}")
    return Path(workspace.root) / "exports" / name


def _adapter_base(folder: Path) -> str | None:
    file = folder / "adapter_config.json"
    if not file.is_file():
        return None
    base = json.loads(file.read_text(encoding="utf-8")).get("base_model_name_or_path")
    if not base:
        raise RegistryError(f"{folder} is a LoRA adapter without base_model_name_or_path")
    return str(base)


def _load_policy(path: str, trust: bool) -> tuple[Any, Any]:
    """A causal LM (a PEFT adapter folder merged into its base first) and its tokenizer."""
    from engine.models.loading import load_causal_lm, load_tokenizer

    folder = user_path(path)
    base = _adapter_base(folder) if folder.is_dir() else None
    if base is None:
        return load_causal_lm(path, trust_remote_code=trust), load_tokenizer(path, trust_remote_code=trust)
    from peft import PeftModel

    model = PeftModel.from_pretrained(load_causal_lm(base, trust_remote_code=trust), str(folder))
    model = model.merge_and_unload()
    if not any((folder / f).is_file() for f in ("tokenizer.json", "tokenizer_config.json")):
        return model, load_tokenizer(base, trust_remote_code=trust)
    from transformers import AutoTokenizer  # the adapter folder has no config.json, which load_tokenizer checks

    tokenizer = AutoTokenizer.from_pretrained(folder, trust_remote_code=trust, local_files_only=True)
    if tokenizer.pad_token is None and tokenizer.eos_token is not None:
        tokenizer.pad_token = tokenizer.eos_token
    return model, tokenizer


EXPORT_DTYPES: dict[str, str] = {
    "float32": "full precision (the studio trains in it; largest files)",
    "bfloat16": "half the size; what most GPUs serve today (Ampere and newer, TPUs)",
    "float16": "half the size; for older GPUs without bfloat16 (watch for overflow in large models)",
}
"""Weight precisions an export can be saved in, with when to choose each."""

HEAD_REFUSAL = (
    "{name} has {head}, which plain transformers cannot represent: AutoModelForSequenceClassification would build "
    "a fresh linear `score` layer, load none of the head's weights into it and score with random weights, "
    "different on every load. It is not exported standalone; load it with the studio's "
    "engine.reward.model.load_reward_model (its run folder), or train a reward model with the linear head to "
    "export one that transformers loads as it is."
)
"""Why a reward model whose head is not the architecture's own linear ``score`` is not exported."""

HEAD_WORDS = {"mlp": "an MLP reward head (Linear → GELU → Linear)",
              "likelihood": "the likelihood reward head (a linear head plus weights on the backbone's own "
                            "log-likelihood, computed by a wrapper around the backbone)"}


def export_refusal(store: Any, name: str) -> str | None:
    """Why registered model ``name`` cannot be exported standalone, in a sentence a page shows before its button
    is pressed (``None``: it can): a reward model whose head is not the linear one (its metadata's ``head``, else
    its folder's ``config.json``). The button was enabled and the click answered with :data:`HEAD_REFUSAL`."""
    row = store.models.get(name)
    if row is None or row["kind"] != "reward":
        return None
    head = (row.get("metadata") or {}).get("head")
    if head is None:
        from engine.models.refs import resolve_model
        from engine.reward.model import head_spec

        config = resolve_model(store, name).config(local_only=True)
        try:
            head = head_spec(config)["type"] if config is not None else None
        except ValueError:
            return None  # the export itself says what is wrong with the folder
    if head not in HEAD_WORDS:
        return None
    return (f"{name} has {HEAD_WORDS[head]}, which plain transformers cannot load: only a reward model with the "
            "linear head is exported standalone (the studio's own pages and jobs use this one as it is).")



def save_weights(model, folder: Path) -> None:
    """``model.save_pretrained`` in safetensors, a write failure raised as the :class:`OSError` it is: safetensors
    raises its own error for a full disk ("No space left on device (os error 28)"), which reached the command line
    and the Models page as a traceback."""
    from safetensors import SafetensorError

    try:
        model.save_pretrained(folder, safe_serialization=True)
    except SafetensorError as exc:
        code = re.search(r"os error (\d+)", str(exc))
        number = int(code.group(1)) if code else errno.EIO
        raise OSError(number, os.strerror(number), str(folder)) from exc


def export_standalone(store: Any, name: str, out_dir: Path | str, *, dtype: str = "float32") -> Path:
    """Write the registered model ``name`` as a standalone folder ``out_dir``; returns it.

    A policy (or reward-model base) is loaded as a causal LM — a PEFT adapter folder merged into its base with
    ``merge_and_unload()`` — and saved as safetensors in ``dtype`` (:data:`EXPORT_DTYPES`) with its tokenizer,
    ``tarjama.json`` (no absolute path in it) and a README model card, so
    ``AutoModelForCausalLM.from_pretrained(out_dir)`` loads it with nothing else. A tag-format model's tokenizer
    gets the studio's chat template (:func:`engine.models.prompting.tags_chat_template`). A reward model with the linear
    head is saved so that ``AutoModelForSequenceClassification`` loads it as it is; one with the MLP or likelihood
    head is refused (:data:`HEAD_REFUSAL`). The folder is written beside ``out_dir`` and swapped in whole.
    """
    from engine.models.card import hub_base_model, model_card, model_licence, relative_card_values
    from engine.models.prompting import PAIRS, prompt_format_of, read_model_card, tags_chat_template, write_model_card

    if dtype not in EXPORT_DTYPES:
        raise RegistryError(f"unknown precision {dtype!r}; choose one of {', '.join(EXPORT_DTYPES)}")
    out = Path(out_dir)
    if not PLAIN_NAME.fullmatch(out.name):
        raise RegistryError(f"not a plain export folder name: {out.name!r}")
    row = store.models.get(name)
    if row is None:
        raise RegistryError(f"no registered model named {name!r}")
    meta, path = row["metadata"] or {}, row["path"]
    trust = bool(meta.get("trust_remote_code", False))
    folder = user_path(path)
    card = read_model_card(folder) if folder.is_dir() else None
    prompt_format = (card.prompt_format if card else None) or meta.get("prompt_format") or prompt_format_of(path)
    pairs = (card.pairs if card and card.pairs else None) or list(PAIRS)
    from engine.models.card import METADATA_METRICS

    # the registry's metric values over the folder's own: the README card is written from the registry, and the
    # two files of one export named two different validation chrF values
    metrics = {k: meta[k] for k in METADATA_METRICS if isinstance(meta.get(k), int | float)}
    extra = relative_card_values({
        **(card.extra if card else {}), **metrics, "exported_from": name, "stage": row["stage"],
        "run_id": row["run_id"],
        "parent": row["parent"] or (card.extra.get("parent") if card else None), "dtype": dtype})
    extra.pop("source_path", None)

    import torch

    check_replaceable(out, name, lambda folder: _exported_from(folder) == name)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.parent / f".{out.name}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        reward_head = None
        if row["kind"] == "reward":
            from engine.models.loading import load_tokenizer
            from engine.reward.model import head_spec, load_reward_model

            model = load_reward_model(path, trust_remote_code=trust)
            reward_head = head_spec(model.config)["type"]
            if reward_head != "linear":
                raise RegistryError(HEAD_REFUSAL.format(name=name, head=HEAD_WORDS[reward_head]))
            tokenizer = load_tokenizer(path, trust_remote_code=trust)
            extra.pop("created_by", None)
        else:
            model, tokenizer = _load_policy(path, trust)
        if prompt_format == "tags" and not getattr(tokenizer, "chat_template", None):
            tokenizer.chat_template = tags_chat_template()
        model = model.to(getattr(torch, dtype))
        save_weights(model, tmp)
        tokenizer.save_pretrained(tmp)
        write_model_card(tmp, prompt_format, pairs, created_by="reward" if reward_head else "export", **extra)
        base = meta.get("base_model") or (card.extra.get("base_model") if card else None)
        (tmp / "README.md").write_text(model_card(store, name, prompt_format=prompt_format, pairs=pairs, dtype=dtype,
                                                  base_model=base, reward_head=reward_head), encoding="utf-8")
        # the licence of the hub model it descends from, by its hub id (the studio's name of it said nothing)
        write_licence_file(tmp, UNSET, model_licence(hub_base_model(store, name) or base or meta.get("parent_policy")
                                                     or row["parent"]))
        _strip_local_paths(tmp)
        make_shareable(tmp)
        if out.exists():
            shutil.rmtree(out)
        tmp.rename(out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def _exported_from(folder: Path) -> str | None:
    """The registered model a folder was exported from, as its model card says (None: not a model export)."""
    from engine.models.prompting import read_model_card

    try:
        card = read_model_card(folder)
    except (OSError, ValueError):
        return None
    return card.extra.get("exported_from") if card is not None else None


def _strip_local_paths(folder: Path) -> None:
    """Remove the local folder names ``save_pretrained`` may record (``_name_or_path`` in the configs,
    ``base_model_name_or_path``): an export must not point at the machine it was made on."""
    for file in ("config.json", "generation_config.json", "tokenizer_config.json"):
        target = folder / file
        if not target.is_file():
            continue
        data = json.loads(target.read_text(encoding="utf-8"))
        changed = False
        for key in ("_name_or_path", "name_or_path", "base_model_name_or_path"):
            if isinstance(data.get(key), str) and Path(data[key]).is_absolute():
                data.pop(key)
                changed = True
        if changed:
            target.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
