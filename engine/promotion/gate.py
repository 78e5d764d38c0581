"""The promotion gate: a ``candidate`` policy replaces production only when it is shown to be better.

Two checks, both against the production model, on the test set the lead chooses:

* **Paired test** — both models' evaluations of the test set (Compare → Evaluate) and their sentence scores of
  the policy's metric (chrF by default); :func:`engine.compare.significance.paired_bootstrap` of candidate −
  production. Passed when the candidate is better (for TER: lower) and p is below the policy's ``alpha``.
* **Blind A/B** — the linguists' blind judgements on that test set between an evaluation of each model. Once
  there are at least ``min_ab_votes`` decisive votes (ties left out), the candidate must win more than half of
  them; with fewer votes the check is not required yet, and the verdict says so.

A refused promotion says why (each check's numbers). A lead can override a refusal by typing
:func:`override_phrase` with their name and a reason; every decision — allowed, refused, override — is recorded
in ``gate_decisions``. Promoting a model that is not a ``candidate`` (the loop's sft / cold-start / final
models), or promoting when there is no production model yet, is not gated.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from engine.compare.ab import sign_test
from engine.compare.significance import p_text, paired_bootstrap
from engine.jobs.config import config_from_dict, config_to_dict, setting
from engine.jobs.evaluate import REQUESTABLE_METRICS
from engine.jobs.metric_titles import metric_title
from engine.models.registry import RegistryError, production, promote
from engine.store.promotion import clean_lead_name

POLICY_KEY = "promotion_gate"


@dataclass
class GatePolicy:
    """What a candidate must show before it replaces the production model (set by a lead)."""

    metric: str = setting(
        "chrf",
        "Sentence-level metric of the paired test (both models must have been evaluated with it on the test set).",
        choices=REQUESTABLE_METRICS,
    )
    alpha: float = setting(
        0.05,
        "The candidate's gain must have a paired-bootstrap p-value below this.",
        min=0.0001,
        max=0.5,
        label="p below",
    )
    min_ab_votes: int = setting(
        20,
        "Once the linguists have cast this many decisive blind A/B votes between the two "
        "models (ties left out), the candidate must also win most of them.",
        min=1,
        max=1_000_000,
        label="A/B votes needed",
    )
    n_resamples: int = setting(1000, "Bootstrap resamples of the paired test.", min=100, max=100_000, advanced=True)


class GateRefused(RegistryError):
    """A promotion the gate refused; ``verdict`` says why."""

    def __init__(self, verdict: GateVerdict) -> None:
        super().__init__("promotion refused: " + " ".join(verdict.reasons))
        self.verdict = verdict


@dataclass(frozen=True)
class MetricCheck:
    """The paired test of the candidate against production on one metric."""

    metric: str
    production_eval: str
    candidate_eval: str
    mean_production: float
    mean_candidate: float
    delta: float
    low: float
    high: float
    p_value: float
    n: int
    passed: bool


@dataclass(frozen=True)
class AbCheck:
    """The linguists' blind A/B votes between the two models."""

    candidate_wins: int
    production_wins: int
    ties: int
    required: bool
    passed: bool
    p_value: float

    @property
    def decisive(self) -> int:
        """Votes that preferred one model."""
        return self.candidate_wins + self.production_wins


@dataclass(frozen=True)
class GateVerdict:
    """The gate's answer for one candidate: allowed or not, and why."""

    candidate: str
    production: str | None
    testset_id: str | None
    allowed: bool
    reasons: list[str]
    policy: GatePolicy
    metric: MetricCheck | None = None
    ab: AbCheck | None = None
    gated: bool = True

    def details(self) -> dict:
        """The numbers behind the verdict (recorded with the decision)."""
        return {
            "policy": config_to_dict(self.policy),
            "metric": asdict(self.metric) if self.metric else None,
            "ab": {**asdict(self.ab), "decisive": self.ab.decisive} if self.ab else None,
        }


@dataclass(frozen=True)
class Override:
    """A lead's override of a refusal: their name, the typed confirmation and why."""

    lead: str
    confirmation: str
    reason: str = field(default="")


def override_phrase(candidate: str) -> str:
    """What a lead types to override the gate for ``candidate``."""
    return f"override gate for {candidate}"


def gate_policy(store) -> GatePolicy:
    """The lead's gate policy (the defaults until one is set)."""
    stored = store.promotion.setting(POLICY_KEY)
    return config_from_dict(GatePolicy, stored["value"]) if stored else GatePolicy()


def set_gate_policy(store, policy: GatePolicy, *, by: str | None = None) -> None:
    """Store the gate policy (its bounds are checked first)."""
    checked = config_from_dict(GatePolicy, config_to_dict(policy))
    store.promotion.set_setting(POLICY_KEY, config_to_dict(checked), by=by)


def is_gated(store, name: str) -> bool:
    """Whether promoting ``name`` goes through the gate: a ``candidate`` policy while a production model exists."""
    row = store.models.get(name)
    return bool(row and row["kind"] == "policy" and row["stage"] == "candidate" and production(store))


def _evaluations_of(store, model: str, testset_id: str, metric: str) -> list[dict]:
    """The evaluations of ``model`` on the test set that have ``metric`` scores, newest first."""
    return [row for row in store.evaluations.list(testset_id=testset_id)
            if row["model"] == model and metric in (row["metrics"] or {})]


def _how(row: dict, metric: str) -> tuple[str, str]:
    """How an evaluation's ``metric`` was computed: its spec (Arabic normalisation, the metric's own settings) and
    the decoding behind the outputs (greedy, best-of-n, beam …)."""
    return str((row["metrics"] or {}).get(metric)), str(row.get("decoding_label"))


def _matched_evaluations(
    store, candidate: str, current: str, testset_id: str, metric: str
) -> tuple[dict[str, dict] | None, str | None]:
    """The candidate's newest evaluation and production's newest one computed the same way (same metric spec, same
    decoding), or ``None`` and the reason: each model's newest evaluation was taken, and identical outputs scored
    with and without Arabic normalisation — or a best-of-n candidate against greedy production — passed the gate."""
    evals = {m: _evaluations_of(store, m, testset_id, metric) for m in (current, candidate)}
    missing = [m for m, rows in evals.items() if not rows]
    if missing:
        return None, (f"{' and '.join(missing)} {'has' if len(missing) == 1 else 'have'} no {metric_title(metric)} "
                      "evaluation on this test set: evaluate both on Compare → Evaluate first.")
    for cand in evals[candidate]:
        prod = next((row for row in evals[current] if _how(row, metric) == _how(cand, metric)), None)
        if prod is not None:
            return {current: prod, candidate: cand}, None
    newest = {m: _how(rows[0], metric) for m, rows in evals.items()}
    return None, (f"the two models' {metric_title(metric)} evaluations on this test set were computed differently "
                  f"(candidate: {newest[candidate][1]}, {newest[candidate][0]}; production: {newest[current][1]}, "
                  f"{newest[current][0]}): evaluate both with the same decoding and metric settings on Compare → "
                  "Evaluate first.")


def _metric_check(
    store, candidate: str, current: str, testset_id: str, policy: GatePolicy
) -> tuple[MetricCheck | None, str, list[str]]:
    from engine.compare.comparison import higher_is_better

    evals, problem = _matched_evaluations(store, candidate, current, testset_id, policy.metric)
    if evals is None:
        return None, "", [problem]
    keys = {m: e["key"] for m, e in evals.items()}
    scores = store.evaluations.scores(list(keys.values()))
    prod, cand = scores[keys[current]].get(policy.metric, {}), scores[keys[candidate]].get(policy.metric, {})
    common = sorted(set(prod) & set(cand))
    if not common:
        return None, "", [f"the two evaluations share no scored sentence on {metric_title(policy.metric)}."]
    sign = 1.0 if higher_is_better(policy.metric) else -1.0
    result = paired_bootstrap(
        [sign * prod[i] for i in common], [sign * cand[i] for i in common], n_resamples=policy.n_resamples, seed=0
    )
    better = result.delta.value > 0
    passed = better and result.p_value < policy.alpha
    check = MetricCheck(
        policy.metric,
        keys[current],
        keys[candidate],
        sign * result.mean_a,
        sign * result.mean_b,
        sign * result.delta.value,
        min(sign * result.delta.low, sign * result.delta.high),
        max(sign * result.delta.low, sign * result.delta.high),
        result.p_value,
        result.n,
        passed,
    )
    numbers = (
        # the mean of sentence scores, which the paired test compares (the scorecard's chrF is the corpus score,
        # a different number for the same outputs)
        f"{metric_title(policy.metric)}, mean over sentences: candidate {check.mean_candidate:.3f} "
        f"vs production {check.mean_production:.3f} "
        f"(Δ {check.delta:+.3f}, 95% interval [{check.low:+.3f}, {check.high:+.3f}], paired bootstrap "
        f"p = {p_text(check.p_value, policy.alpha)}, {check.n} sentences)"
    )
    if passed:
        verdict = f"{numbers}: better at p < {policy.alpha:g}."
    elif better:
        verdict = f"{numbers}: not significantly better (p must be below {policy.alpha:g})."
    else:
        verdict = f"{numbers}: not better than production."
    return check, verdict, []


def _ab_check(store, candidate: str, current: str, testset_id: str, policy: GatePolicy) -> tuple[AbCheck, str]:
    model_of = {
        e["key"]: e["model"]
        for e in store.evaluations.list(testset_id=testset_id)
        if e["model"] in (candidate, current)
    }
    wins = {candidate: 0, current: 0}
    ties = 0
    for row in store.evaluations.judgements(testset_id=testset_id, systems=list(model_of)):
        left, right = model_of.get(row["left"]), model_of.get(row["right"])
        if {left, right} != {candidate, current}:
            continue  # two evaluations of the same model
        if row["winner"] is None:
            ties += 1
        else:
            wins[model_of[row["winner"]]] += 1
    decisive = wins[candidate] + wins[current]
    required = decisive >= policy.min_ab_votes
    passed = wins[candidate] > wins[current] if required else True
    check = AbCheck(wins[candidate], wins[current], ties, required, passed, sign_test(wins[candidate], wins[current]))
    counts = (
        f"blind A/B: candidate preferred {wins[candidate]}, production {wins[current]}, ties {ties} "
        f"(sign test p = {p_text(check.p_value)})"
    )
    if not required:
        return check, (
            f"{counts}: fewer than the {policy.min_ab_votes} decisive votes the gate needs, so the A/B "
            "is not required yet."
        )
    return check, f"{counts}: " + (
        "the linguists prefer the candidate." if passed else "the linguists do not prefer the candidate."
    )


def evaluate_gate(store, candidate: str, testset_id: str | None, policy: GatePolicy | None = None) -> GateVerdict:
    """The gate's verdict on promoting ``candidate`` now, with the reasons a page shows."""
    policy = policy or gate_policy(store)
    current = production(store)
    if not is_gated(store, candidate):
        why = (
            "there is no production model yet"
            if current is None
            else f"{candidate} is not a candidate (only candidates are gated)"
        )
        return GateVerdict(candidate, current, testset_id, True, [f"Not gated: {why}."], policy, gated=False)
    if not testset_id:
        return GateVerdict(
            candidate, current, None, False, ["Choose the test set the two models are compared on."], policy
        )
    metric, metric_reason, problems = _metric_check(store, candidate, current, testset_id, policy)
    if metric is None:
        return GateVerdict(candidate, current, testset_id, False, problems, policy)
    ab, ab_reason = _ab_check(store, candidate, current, testset_id, policy)
    return GateVerdict(
        candidate, current, testset_id, metric.passed and ab.passed, [metric_reason, ab_reason], policy, metric, ab
    )


def promote_through_gate(
    store,
    name: str,
    *,
    confirm_name: str,
    testset_id: str | None,
    override: Override | None = None,
    policy: GatePolicy | None = None,
) -> GateVerdict:
    """Promote ``name`` if the gate allows it (or a lead overrides a refusal); returns the verdict.

    Raises :class:`GateRefused` (and records the refusal) when the gate refuses and there is no valid override;
    :class:`RegistryError` for a bad confirmation or override (nothing recorded)."""
    if confirm_name != name:
        raise RegistryError(f"type the model's name ({name}) to confirm the promotion")
    verdict = evaluate_gate(store, name, testset_id, policy)
    if not verdict.gated:
        promote(store, name, confirm_name=confirm_name)
        return verdict
    decision = {
        "candidate": name,
        "production": verdict.production,
        "testset_id": testset_id,
        "reasons": verdict.reasons,
        "details": verdict.details(),
    }
    if verdict.allowed:
        promote(store, name, confirm_name=confirm_name)
        store.promotion.record_decision(outcome="allowed", **decision)
        return verdict
    if override is None:
        store.promotion.record_decision(outcome="refused", **decision)
        raise GateRefused(verdict)
    try:  # before the promotion: a name refused when the decision is recorded would leave it unrecorded
        lead = clean_lead_name(override.lead)
    except ValueError as exc:
        raise RegistryError(f"an override needs the lead's name: {exc}") from None
    if override.confirmation.strip() != override_phrase(name):
        raise RegistryError(f"to override the gate, type exactly: {override_phrase(name)}")
    if not override.reason.strip():
        raise RegistryError("say why the gate is overridden (it is recorded)")
    promote(store, name, confirm_name=confirm_name)
    store.promotion.record_decision(
        outcome="override",
        lead=lead,
        confirmation=override.confirmation.strip(),
        override_reason=override.reason.strip(),
        **decision,
    )
    return verdict
