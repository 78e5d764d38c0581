"""Reward-model ensembles: several reward-model versions scored together and combined into one reward.

A single small reward model is easy for RL to exploit; several versions that must agree are harder to fool, and
where they disagree the studio is unsure (which is where a linguist's judgement teaches most). The members'
scores of one translation combine as

``mean``
    their mean;
``min``
    the lowest (conservative: a translation is only as good as its harshest judge says);
``mean-k*std``
    the mean less ``k`` times their standard deviation (uncertainty-penalised).

The **spread** returned beside each score is the members' standard deviation, the population one (``ddof=0``:
two members scoring 1 and 3 have spread 1). With one member the spread is 0 and every combination is its score.
Candidates of one source scored together (ranking on *Translate*, review queues, best-of-n, GRPO groups) are
combined per source: each member's scores are first centred on the source (:func:`combine_within_sources`) — a
reward model is fixed only up to a constant per source, and a constant gap between members is no disagreement. A
source's single candidate (an evaluation's output) and PPO's wrapper combine raw scores.

Two faces of an ensemble:

* :class:`EnsembleScorer` scores (source, candidate) texts for the pages and the GRPO reward, each member with its
  own tokenizer and prompt format (through :func:`engine.reward.scoring.cached_scorer`);
* :class:`EnsembleRewardModel` is the ensemble as TRL's PPO reads a reward model: a ``torch.nn.Module`` whose
  ``getattr(model, model.base_model_prefix)`` is a "backbone" and ``model.score`` a head. The backbone here runs
  every member's own backbone and head and returns, as its last hidden state, each member's reward at every token
  (``batch × tokens × members``); the ``score`` head combines the last dimension. TRL's ``get_reward`` then reads
  the combined reward at the last response token, exactly where it reads a single reward model's. The members
  must share the policy's tokenizer (PPO scores the policy's token ids).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import torch
from torch import nn

COMBINATIONS: tuple[str, ...] = ("mean", "min", "mean-k*std")
"""How members' scores combine (see the module docstring)."""


def check_combination(combination: str, k: float) -> None:
    """Raise ``ValueError`` for an unknown combination or a negative ``k``."""
    if combination not in COMBINATIONS:
        raise ValueError(f"unknown ensemble combination {combination!r}; choose one of {', '.join(COMBINATIONS)}")
    if not math.isfinite(float(k)) or float(k) < 0:
        raise ValueError(f"k must be a number ≥ 0, not {k!r}")


def combine_tensor(members: torch.Tensor, combination: str = "mean", k: float = 1.0) -> torch.Tensor:
    """Combine the last dimension (one entry per member) of ``members``; the result drops that dimension."""
    check_combination(combination, k)
    if combination == "min":
        return members.min(dim=-1).values
    mean = members.mean(dim=-1)
    if combination == "mean":
        return mean
    return mean - float(k) * members.std(dim=-1, unbiased=False)


def spread_tensor(members: torch.Tensor) -> torch.Tensor:
    """The members' population standard deviation along the last dimension."""
    return members.std(dim=-1, unbiased=False)


def source_groups(sources: Sequence[str], pairs: Sequence[str] | str) -> list[list[int]]:
    """The row numbers of each (source, pair)'s candidates, in order of first appearance."""
    pair_of = [pairs] * len(sources) if isinstance(pairs, str) else list(pairs)
    groups: dict[tuple[str, str], list[int]] = {}
    for i, key in enumerate(zip(sources, pair_of, strict=True)):
        groups.setdefault(key, []).append(i)
    return list(groups.values())


def combine_within_sources(table: torch.Tensor, groups: Sequence[Sequence[int]], combination: str = "mean",
                           k: float = 1.0) -> tuple[torch.Tensor, torch.Tensor]:
    """Combined scores and spreads of ``table`` (candidates × members), each member's scores centred within each
    group (the candidates of one source).

    A Bradley–Terry reward model is fixed only up to a constant per source — training compares candidates of the
    same source — so two members' scores of one source can sit apart by a constant while they rank its candidates
    alike. Raw, that offset counted as disagreement (the review queue handed out first the sources where the members
    agreed), ``min`` always took the member with the lower offset and ``mean-k*std`` was a constant penalty. So each
    member's mean over the source's candidates is taken out, the centred scores are combined and spread, and the
    members' mean offset is added back: ``mean`` is unchanged and scores stay on the members' scale. A source with
    one candidate (an evaluation's output, a PPO rollout) has nothing to centre on and is combined raw, as PPO's
    wrapper and the cached evaluations combine it (as its mean, ``min`` on an evaluation was a no-op); a review
    queue does not order such a source by disagreement (:func:`engine.feedback.uncertainty.uncertainty`)."""
    offsets = torch.zeros_like(table)
    for rows in groups:
        if len(rows) > 1:
            index = torch.as_tensor(list(rows))
            offsets[index] = table[index].mean(dim=0, keepdim=True)
    centred = table - offsets
    return offsets.mean(dim=-1) + combine_tensor(centred, combination, k), spread_tensor(centred)


@dataclass(frozen=True)
class EnsembleScore:
    """One translation's combined reward, the members' spread and each member's own score."""

    score: float
    spread: float
    members: tuple[float, ...]


def combine(members: Sequence[float], combination: str = "mean", k: float = 1.0) -> EnsembleScore:
    """The combined score and spread of one translation's member scores."""
    if not members:
        raise ValueError("an ensemble needs at least one member score")
    t = torch.tensor([float(m) for m in members], dtype=torch.float64)
    return EnsembleScore(float(combine_tensor(t, combination, k)), float(spread_tensor(t)), tuple(map(float, members)))


def combine_members(per_member: Sequence[Sequence[float]], sources: Sequence[str], pairs: Sequence[str] | str,
                    combination: str = "mean", k: float = 1.0, *,
                    groups: Sequence[Sequence[int]] | None = None) -> list[EnsembleScore]:
    """Every candidate's :class:`EnsembleScore` from each member's scores (one list per member, one score per
    candidate of ``sources``), members centred within each source (:func:`combine_within_sources`) — or within
    ``groups`` when given (rows scored as the only candidate of their source are groups of one)."""
    if not sources:
        return []
    table = torch.tensor([list(map(float, m)) for m in per_member], dtype=torch.float64).T  # candidates × members
    groups = source_groups(sources, pairs) if groups is None else groups
    combined, spreads = combine_within_sources(table, groups, combination, k)
    return [EnsembleScore(c, s, tuple(row)) for c, s, row in
            zip(combined.tolist(), spreads.tolist(), table.tolist(), strict=True)]


def check_member_heads(configs: Sequence[Any]) -> None:
    """Raise ``ValueError`` when an ensemble mixes the likelihood head with other heads (members' model configs).

    A likelihood-head reward includes the whole sequence's log-likelihood (hundreds of nats below zero, see
    :mod:`engine.reward.likelihood_head`), the other heads score near zero: their mean would be one member's, and
    their spread — the disagreement the review queues sort by — the gap between the two scales.
    """
    from engine.reward.model import head_spec

    heads = {head_spec(c)["type"] == "likelihood" for c in configs}
    if len(heads) > 1:
        raise ValueError("an ensemble cannot mix reward models with the likelihood head and other heads: their "
                         "scores are on different scales (the likelihood head's include the sequence's "
                         "log-likelihood). Choose members with the same kind of head.")


def resolve_members(store: Any, names: Sequence[str]) -> list[Any]:
    """The registered reward models ``names`` as :class:`~engine.models.refs.ModelRef`, refused when one is not a
    reward model or, for an ensemble, when their heads cannot be combined (:func:`check_member_heads` on their
    ``config.json``: a likelihood-head member beside another head was accepted when the queue or the run was made
    and failed once the models had loaded)."""
    from engine.models.refs import resolve_model

    refs = [resolve_model(store, name) for name in names]
    for ref in refs:
        if ref.kind != "reward":
            raise ValueError(f"{ref.name} is a {ref.kind} model, not a reward model: choose a reward model")
    if len(refs) > 1:
        configs = [ref.config(local_only=True) for ref in refs]
        if None not in configs:  # a config not readable here (a hub id offline) is checked when the models load
            check_member_heads(configs)
    return refs


def member_names(primary: str | None, extra: Sequence[str] = ()) -> list[str]:
    """The members of an ensemble: ``primary`` then ``extra``, blanks and repeats dropped, order kept."""
    names: list[str] = []
    for name in [primary or "", *extra]:
        name = str(name).strip()
        if name and name not in names:
            names.append(name)
    return names


def reward_files(inputs_dir: Any, stem: str) -> list[Any]:
    """A run's exported reward models in order: ``<stem>.json``, then ``<stem>-1.json``, ``<stem>-2.json``, …"""
    from pathlib import Path

    folder = Path(inputs_dir)
    extra = sorted(folder.glob(f"{stem}-*.json"), key=lambda f: int(f.stem.rsplit("-", 1)[1]))
    return [folder / f"{stem}.json", *extra]


def ensemble_label(names: Sequence[str], combination: str, k: float) -> str:
    """How a result names the reward models behind it: the name, or ``a + b (mean)`` for an ensemble."""
    if len(names) == 1:
        return names[0]
    how = f"mean-{k:g}*std" if combination == "mean-k*std" else combination
    return f"{' + '.join(names)} ({how})"


def scorer_for(paths: Sequence[str], combination: str = "mean", k: float = 1.0, **kwargs: Any) -> Any:
    """A scorer with ``score(sources, candidates, pairs) -> list[float]``: a plain
    :class:`~engine.reward.scoring.RewardScorer` for one path (``kwargs`` go to it), else an :class:`EnsembleScorer`."""
    if len(paths) == 1:
        from engine.reward.scoring import RewardScorer

        return RewardScorer(paths[0], **kwargs)
    return EnsembleScorer(paths, combination, k)


class EnsembleScorer:
    """Several reward-model versions scoring (source, candidate) texts, combined per translation."""

    def __init__(
        self, paths: Sequence[str], combination: str = "mean", k: float = 1.0, *, names: Sequence[str] | None = None
    ) -> None:
        from engine.reward.scoring import cached_scorer

        if not paths:
            raise ValueError("an ensemble needs at least one reward model")
        check_combination(combination, k)
        self.paths = [str(p) for p in paths]
        self.names = list(names) if names is not None else self.paths
        self.combination, self.k = combination, float(k)
        self.scorers = [cached_scorer(p) for p in self.paths]
        check_member_heads([scorer.model.config for scorer in self.scorers])

    def member_scores(
        self, sources: Sequence[str], candidates: Sequence[str], pairs: Sequence[str] | str
    ) -> list[list[float]]:
        """Each member's scores: one list per member, one score per candidate."""
        return [scorer.score(sources, candidates, pairs) for scorer in self.scorers]

    def score_with_spread(
        self, sources: Sequence[str], candidates: Sequence[str], pairs: Sequence[str] | str
    ) -> list[EnsembleScore]:
        """The combined score, spread and member scores of every candidate."""
        return combine_members(self.member_scores(sources, candidates, pairs), sources, pairs, self.combination,
                               self.k)

    def score(self, sources: Sequence[str], candidates: Sequence[str], pairs: Sequence[str] | str) -> list[float]:
        """The combined reward of every candidate: a drop-in for :meth:`RewardScorer.score
        <engine.reward.scoring.RewardScorer.score>` (best-of-n, evaluation, batch translation)."""
        return [s.score for s in self.score_with_spread(sources, candidates, pairs)]

    def score_each(self, sources: Sequence[str], candidates: Sequence[str], pairs: Sequence[str] | str) -> list[float]:
        """The combined reward of every candidate as the only one of its source, combined raw: an evaluation's
        outputs, one per sentence, where a test set may hold a source twice (:meth:`score` centred those rows
        together, so ``min`` and ``mean-k*std`` turned into the mean for them alone)."""
        groups = [[i] for i in range(len(sources))]
        return [s.score for s in combine_members(self.member_scores(sources, candidates, pairs), sources, pairs,
                                                 self.combination, self.k, groups=groups)]


# --- TRL's reward-model interface ------------------------------------------------------------------------
class MemberRewards(nn.Module):
    """The ensemble's "backbone": every member's reward at every token, stacked on the last dimension.

    It takes the arguments TRL's ``get_reward`` passes to a backbone and answers with an output whose
    ``hidden_states[-1]`` (and ``last_hidden_state``) is a ``batch × tokens × members`` tensor.
    """

    def __init__(self, members: Sequence[nn.Module]) -> None:
        super().__init__()
        self.members = nn.ModuleList(members)

    def forward(
        self,
        input_ids: torch.Tensor | None = None,
        attention_mask: torch.Tensor | None = None,
        position_ids: torch.Tensor | None = None,
        **kwargs: Any,
    ) -> Any:
        from transformers.modeling_outputs import BaseModelOutput

        per_member = []
        for member in self.members:
            backbone = getattr(member, member.base_model_prefix)
            out = backbone(
                input_ids=input_ids,
                attention_mask=attention_mask,
                position_ids=position_ids,
                return_dict=True,
                output_hidden_states=True,
                use_cache=False,
            )
            per_member.append(member.score(out.hidden_states[-1]))  # batch × tokens × 1
        stacked = torch.cat(per_member, dim=-1)
        return BaseModelOutput(last_hidden_state=stacked, hidden_states=(stacked,))


class CombineHead(nn.Module):
    """The ensemble's ``score`` head: members' rewards (last dimension) → one combined reward (``… × 1``)."""

    def __init__(self, combination: str = "mean", k: float = 1.0) -> None:
        super().__init__()
        check_combination(combination, k)
        self.combination, self.k = combination, float(k)

    def forward(self, member_rewards: torch.Tensor) -> torch.Tensor:
        return combine_tensor(member_rewards, self.combination, self.k).unsqueeze(-1)

    def extra_repr(self) -> str:
        return f"combination={self.combination!r}, k={self.k:g}"


class EnsembleRewardModel(nn.Module):
    """Reward-model versions presented to TRL's PPO as one sequence classifier whose score is their combination.

    ``base_model_prefix`` names the :class:`MemberRewards` backbone and ``score`` is the :class:`CombineHead`, the
    two things TRL's ``get_reward`` uses. Called like a sequence classifier (``model(input_ids=...,
    attention_mask=...)``) it returns ``.logits`` of shape ``batch × 1`` — each member's own pooled reward,
    combined — as :func:`engine.reward.scoring.score_sequences` reads it. ``config`` is the first member's.
    """

    base_model_prefix = "ensemble"

    def __init__(self, members: Sequence[nn.Module], combination: str = "mean", k: float = 1.0) -> None:
        super().__init__()
        if not members:
            raise ValueError("an ensemble needs at least one reward model")
        self.ensemble = MemberRewards(members)
        self.score = CombineHead(combination, k)
        self.config = members[0].config

    @property
    def members(self) -> nn.ModuleList:
        return self.ensemble.members

    def member_logits(self, input_ids: torch.Tensor, attention_mask: torch.Tensor | None = None) -> torch.Tensor:
        """Each member's reward of each sequence (``batch × members``), read where each member reads it."""
        return torch.cat([m(input_ids=input_ids, attention_mask=attention_mask).logits for m in self.members], dim=-1)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor | None = None, **kwargs: Any) -> Any:
        from transformers.modeling_outputs import SequenceClassifierOutput

        return SequenceClassifierOutput(logits=self.score(self.member_logits(input_ids, attention_mask)))


def load_reward_ensemble(
    paths: Sequence[str], combination: str = "mean", k: float = 1.0, *, trust_remote_code: bool = False,
    dtype: Any = None,
) -> nn.Module:
    """The reward model PPO should use: the single model itself for one path, else an :class:`EnsembleRewardModel`
    of the loaded members (in eval mode); ``dtype`` (a ``torch.dtype``; ``None``: float32) of every member."""
    from engine.reward.model import load_reward_model

    check_combination(combination, k)
    members = [load_reward_model(p, trust_remote_code=trust_remote_code, dtype=dtype) for p in paths]
    check_member_heads([m.config for m in members])
    if len(members) == 1:
        return members[0]
    return EnsembleRewardModel(members, combination, k).eval()
