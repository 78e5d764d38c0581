"""Preference objectives beyond DPO, from TRL: CPO, ORPO and KTO, fed with the studio's own token ids.

Every objective reads examples tokenized as the reward model and PPO see a (prompt, response): the prompt with
BOS once, the response without special tokens and closed by EOS (:mod:`engine.reward.encoding`). TRL's own
tokenization is bypassed (as for DPO in :mod:`engine.jobs.dpo`) because it encodes ``prompt + response`` as one
string, which adds a second BOS after a rendered chat template.

* **CPO** — ``trl.experimental.cpo.CPOTrainer``: contrastive preference optimisation (Xu et al., 2024, the ALMA-R
  recipe for translation): a DPO-like loss *without* a reference model plus an NLL term on the chosen translation.
* **ORPO** — ``trl.experimental.orpo.ORPOTrainer``: odds-ratio preference optimisation (Hong et al., 2024): SFT
  on the chosen translation plus an odds-ratio penalty on the rejected one, no reference model.
* **KTO** — ``trl.KTOTrainer``: Kahneman–Tversky optimisation (Ethayarajh et al., 2024) from single translations
  labelled desirable or undesirable (:mod:`engine.feedback.unpaired`), against a frozen reference.
"""

from __future__ import annotations

from typing import Any

OBJECTIVES: dict[str, str] = {
    "dpo": "DPO (TRL DPOTrainer, with the chosen preference loss and optional NLL weight): the default when you have "
    "pairs and want the policy held to the starting model by a frozen reference.",
    "cpo": "CPO (ALMA-R's method for translation; TRL CPOTrainer): no reference model (half the memory of DPO), a "
    "preference loss plus an NLL term on the chosen translations (weight: NLL weight, 1.0 if 0). Use it when "
    "the chosen translations are good enough to imitate, e.g. pairs with corpus references or post-edits.",
    "orpo": "ORPO (TRL ORPOTrainer): SFT on the chosen translations plus an odds-ratio penalty on the rejected "
    "ones, in one stage and without a reference model (β weighs the penalty). Use it to align a model that "
    "had little or no SFT on the domain.",
    "kto": "KTO (TRL KTOTrainer): learns from single translations marked good or bad, so it also uses judgements "
    "that give no pair — 'none is acceptable', a lone best pick — with a frozen reference. Use it for human "
    "feedback, or when good and bad examples are unbalanced.",
}
"""The preference objectives the DPO tab offers, with when to use each."""

KTO_SOURCES: tuple[str, ...] = ("pairs", "judgements", "pairs+judgements")
"""Where KTO's examples come from: the chosen pair sets, the linguists' judgements, or both."""


def encode_unpaired(rows: list[dict], tokenizer: Any, prompt_format: str, max_length: int) -> tuple[list[dict], int]:
    """KTO examples ``{prompt, completion, label, prompt_ids, completion_ids}`` and how many rows were dropped for
    being longer than ``max_length``; ids as :func:`engine.jobs.dpo.encode_pairs` makes them."""
    from engine.models.prompting import build_prompt
    from engine.reward.encoding import prompt_ids, response_ids

    out, dropped = [], 0
    for r in rows:
        prompt = build_prompt(r["source"], r["pair"], prompt_format, tokenizer)
        p_ids = prompt_ids(tokenizer, prompt, prompt_format)
        c_ids = response_ids(tokenizer, r["completion"])
        if len(p_ids) + len(c_ids) > max_length:
            dropped += 1
            continue
        out.append(
            {
                "prompt": prompt,
                "completion": r["completion"],
                "label": bool(r["label"]),
                "prompt_ids": p_ids,
                "completion_ids": c_ids,
            }
        )
    return out, dropped


def paired_features(feature: dict) -> dict:
    """The columns CPO's and ORPO's collator reads, from an example already tokenized by the studio
    (``prompt_ids``, ``chosen_ids``, ``rejected_ids``): full sequences, masks, and labels with the prompt masked
    (-100)."""
    prompt = list(feature["prompt_ids"])
    out = {"prompt_input_ids": prompt, "prompt_attention_mask": [1] * len(prompt)}
    for side in ("chosen", "rejected"):
        response = list(feature[f"{side}_ids"])
        ids = prompt + response
        out[f"{side}_input_ids"] = ids
        out[f"{side}_attention_mask"] = [1] * len(ids)
        out[f"{side}_labels"] = [-100] * len(prompt) + response
    return out


def paired_trainer_class(objective: str) -> type:
    """CPOTrainer or ORPOTrainer taking the studio's token ids as they are."""
    if objective == "cpo":
        from trl.experimental.cpo import CPOTrainer as Base
    elif objective == "orpo":
        from trl.experimental.orpo import ORPOTrainer as Base
    else:
        raise ValueError(f"{objective!r} is not a paired reference-free objective (cpo, orpo)")

    class StudioPairedTrainer(Base):
        """Reads ``prompt_ids`` / ``chosen_ids`` / ``rejected_ids`` instead of re-tokenizing the strings."""

        def tokenize_row(self, feature, model=None):
            if "prompt_ids" in feature:
                return paired_features(feature)
            return super().tokenize_row(feature, model)

    StudioPairedTrainer.__name__ = f"Studio{Base.__name__}"
    return StudioPairedTrainer


def paired_config_class(objective: str) -> type:
    """TRL's config class of ``objective`` (``cpo`` → CPOConfig, ``orpo`` → ORPOConfig)."""
    if objective == "cpo":
        from trl.experimental.cpo import CPOConfig

        return CPOConfig
    if objective == "orpo":
        from trl.experimental.orpo import ORPOConfig

        return ORPOConfig
    raise ValueError(f"{objective!r} is not a paired reference-free objective (cpo, orpo)")


def kto_trainer_class() -> type:
    """KTOTrainer taking ``prompt_ids`` / ``completion_ids`` / ``label`` as they are (the KL completions, each
    example's neighbour's in a batch, are added as TRL adds them)."""
    from trl import KTOTrainer

    class StudioKTOTrainer(KTOTrainer):
        """KTO on examples tokenized by the studio."""

        def _prepare_dataset(self, dataset, processing_class, args, dataset_name):
            if not {"prompt_ids", "completion_ids", "label"} <= set(dataset.column_names or []):
                return super()._prepare_dataset(dataset, processing_class, args, dataset_name)
            if self.calculate_KL:

                def rotate(batch):
                    batch["KL_completion_ids"] = [batch["completion_ids"][-1]] + batch["completion_ids"][:-1]
                    return batch

                dataset = dataset.map(rotate, batched=True, batch_size=args.per_device_train_batch_size)
            return dataset

    return StudioKTOTrainer
