"""The loop scorecard: does each step of SFT → cold-start → final make the translations better, significantly?

:func:`loop_chain` finds the current chain in the registry (the production model when it descends from the loop,
else the newest ``final``, else the newest ``cold-start`` model, walked up its parents to the SFT model).
:func:`build_scorecard` reads the evaluations of those models on one test set (the newest test set on which
every model of the chain was evaluated with the same decoding, or the one asked for), and reports per model
corpus chrF and BLEU (and COMET when it was scored) with 95% bootstrap intervals and the rate of degenerate
outputs, and per step the paired test of the Compare page (paired bootstrap on corpus statistics) with its
verdict in plain words. A step that made a metric significantly worse, or raised the degenerate-output
rate, is flagged.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from engine.compare.comparison import CompareSettings, build_comparison
from engine.compare.degeneration import EPSILON
from engine.compare.significance import p_text

LOOP_STAGES = ("sft", "cold-start", "final")
STEP_METRICS = ("chrf", "bleu", "comet")
"""Metrics reported per step, the first one (corpus chrF) being the headline."""
DEGENERATE_METRIC = "hallucination"
DEGENERATE_RISE = 0.02
"""A rise of the degenerate-output rate by more than this (absolute) flags a step."""
LABELS = {"chrf": "chrF", "bleu": "BLEU", "comet": "COMET"}


def p_words(p: float) -> str:
    """A step's p-value as its sentence and its flag both say it: ``p < 0.001``, ``p = 0.012``, ``p = 0.38`` (the
    flag said "p = 0.001" where the sentence beside it said "p < 0.001")."""
    return "p < 0.001" if p < 0.001 else f"p = {p_text(p)}" if p < 0.1 else f"p = {p:.2f}"


@dataclass
class ModelScore:
    """One model of the chain on the test set: ``scores[metric] = (value, low, high)``."""

    name: str
    stage: str
    scores: dict[str, tuple[float, float, float]]
    degenerate_rate: float | None


@dataclass
class StepResult:
    """One step of the chain (``before`` → ``after``) on one metric."""

    before: str
    after: str
    metric: str
    delta: float
    low: float
    high: float
    p: float
    significant: bool

    @property
    def verdict(self) -> str:
        """``better``, ``worse`` or ``no significant difference`` (all metrics here are higher-is-better)."""
        if not self.significant:
            return "no significant difference"
        return "better" if self.delta > 0 else "worse"

    def sentence(self, after_label: str, before_label: str) -> str:
        """The step in plain words, e.g. ``cold-start is better than SFT: +2.4 chrF, p = 0.01``."""
        label = LABELS.get(self.metric, self.metric)
        digits = 1 if self.metric != "comet" else 3
        while digits < 4 and self.delta and float(f"{self.delta:.{digits}f}") == 0:  # never "better: +0.0 chrF"
            digits += 1
        gain = f"{self.delta:+.{digits}f} {label}"
        p = p_words(self.p)
        if self.verdict == "better":
            return f"{after_label} is better than {before_label}: {gain}, {p}"
        if self.verdict == "worse":
            return f"{after_label} is worse than {before_label}: {gain}, {p}"
        return f"{after_label} is not significantly different from {before_label}: {gain}, {p} (not significant)"


@dataclass
class Scorecard:
    """The chain's models, its steps per metric, and the flags raised."""

    testset: dict
    decoding: str
    models: list[ModelScore]
    steps: list[StepResult]
    flags: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    mismatched: list[str] = field(default_factory=list)
    """Metrics left out because the models' scores were computed differently (:attr:`Comparison.mismatched`)."""

    def headline(self) -> list[str]:
        """One plain sentence per step, on chrF."""
        stages = {m.name: m.stage for m in self.models}
        return [s.sentence(_display(s.after, stages), _display(s.before, stages))
                for s in self.steps if s.metric == "chrf"]


def _display(name: str, stages: dict[str, str]) -> str:
    stage = stages.get(name, "")
    return f"{stage} ({name})" if stage else name


def loop_chain(store) -> list[dict]:
    """The current SFT → cold-start → final chain (oldest first), as registry rows with a ``loop_stage`` key.

    The top is the production policy when one of its ancestors is an SFT model — a final model made from a promoted
    cold start, when there is one; a promoted SFT model is never the top — else the newest ``final``, else the newest
    ``cold-start`` policy; the chain follows ``parent`` links up to the first SFT-stage model and keeps
    the top, the cold-start model nearest it and the SFT model. A model's ``loop_stage`` is
    :meth:`~engine.store.models.ModelRepository.loop_stage` (a promoted or archived model keeps the stage it had).
    """
    policies = store.models.list(kind="policy")
    by_name = {m["name"]: m for m in policies}

    def ancestry(model: dict) -> list[dict]:
        chain, seen = [model], {model["name"]}
        while chain[-1].get("parent") and chain[-1]["parent"] in by_name and chain[-1]["parent"] not in seen:
            chain.append(by_name[chain[-1]["parent"]])
            seen.add(chain[-1]["name"])
        return chain

    loop_stage = store.models.loop_stage

    # a promoted SFT model starts the loop, it does not end it (its chain was itself alone: the cold start, the
    # final model and the step that made things worse went off the card); a promoted cold start gives way to a
    # final model made from it that the lead has yet to judge — not to one that was production and was rolled back
    production = [m for m in policies if m["stage"] == "production" and loop_stage(m) != "sft"]
    finals = [m for m in policies if m["stage"] == "final"]
    if production and loop_stage(production[0]) == "cold-start":
        served = {p["model"] for p in store.promotion.history()}
        production = [m for m in finals if production[0] in ancestry(m) and m["name"] not in served] + production
    candidates = production + finals + [m for m in policies if m["stage"] == "cold-start"]
    for top in candidates:
        chain = ancestry(top)
        stages = [loop_stage(m) for m in chain]
        if "sft" in stages:
            chain = chain[: stages.index("sft") + 1]
            return [{**m, "loop_stage": loop_stage(m)} for m in reversed(_loop_steps(chain, stages))]
    sft = store.models.sft_model()
    return [{**sft, "loop_stage": "sft"}] if sft else []


def _loop_steps(chain: list[dict], stages: list[str]) -> list[dict]:
    """The loop's models along an ancestry (newest first, ending at the SFT model): the top, the cold-start model
    nearest it, and the SFT model. The versions in between — candidates, earlier finals of a lab that retrained
    every month — are not steps of the loop: the scorecard listed dozens of them as "not evaluated"."""
    top, sft = chain[0], chain[-1]
    cold = next((m for m, stage in zip(chain, stages, strict=True) if stage == "cold-start"), None)
    kept = [top] + ([cold] if cold is not None and cold is not top else []) + ([sft] if sft is not top else [])
    return kept


def covered_testsets(store, chain: list[dict]) -> list[dict]:
    """The test sets on which every model of ``chain`` was evaluated with one decoding, corpus splits first, then
    the newest: the choices of the scorecard's test set."""
    names = {m["name"] for m in chain}
    covered: dict[str, set[str]] = {}
    for e in store.evaluations.list():
        if e["model"] in names:
            covered.setdefault(f"{e['testset_id']}\x1f{e['decoding_label']}", set()).add(e["model"])
    out, seen = [], set()
    for key, models in covered.items():
        testset_id = key.split("\x1f")[0]
        if models == names and testset_id not in seen:
            seen.add(testset_id)
            out.append(store.evaluations.get_testset(testset_id))
    order = {t["id"]: i for i, t in enumerate(out)}  # newest first, as the evaluations are listed
    return sorted(out, key=lambda t: (t["origin"] != "corpus", order[t["id"]]))


def _pick_evaluations(store, names: list[str], testset_id: str | None) -> tuple[str | None, dict[str, str], str]:
    """The test set and one evaluation key per model (the newest, all with one decoding) covering most models."""
    best: tuple[int, str | None, dict[str, str], str] = (0, None, {}, "")
    for evaluation in store.evaluations.list(testset_id=testset_id):  # newest first
        ts, decoding = evaluation["testset_id"], evaluation["decoding_label"]
        keys: dict[str, str] = {}
        for e in store.evaluations.list(testset_id=ts):
            if e["decoding_label"] == decoding and e["model"] in names and e["model"] not in keys:
                keys[e["model"]] = e["key"]
        if len(keys) > best[0]:
            best = (len(keys), ts, keys, decoding)
        if len(keys) == len(names):
            break
    return best[1], best[2], best[3]


def build_scorecard(store, testset_id: str | None = None, settings: CompareSettings | None = None,
                    chain: list[dict] | None = None) -> Scorecard | None:
    """The scorecard of the current chain (or ``chain``) on ``testset_id`` (or the best covered test set).

    ``None`` when no model of the chain has been evaluated yet.
    """
    chain = chain if chain is not None else loop_chain(store)
    names = [m["name"] for m in chain]
    if not names:
        return None
    ts, keys, decoding = _pick_evaluations(store, names, testset_id)
    if not keys:
        return None
    present = [m for m in chain if m["name"] in keys]
    comparison = build_comparison(store, [keys[m["name"]] for m in present], settings or CompareSettings())
    key_of = {m["name"]: keys[m["name"]] for m in present}
    models = []
    for m in present:
        scores = {}
        for metric in STEP_METRICS:
            row = comparison.summary_row(key_of[m["name"]], metric, "corpus") or comparison.summary_row(
                key_of[m["name"]], metric, "sentence")
            if row and row["value"] is not None:
                scores[metric] = (row["value"], row["low"], row["high"])
        rate = comparison.summary_row(key_of[m["name"]], DEGENERATE_METRIC, "sentence")
        models.append(ModelScore(m["name"], m.get("loop_stage", m["stage"]), scores,
                                 rate["value"] if rate else None))
    steps, flags = [], []
    for before, after in zip(present, present[1:], strict=False):
        for metric in STEP_METRICS:
            level = "corpus" if any(p["metric"] == metric and p["level"] == "corpus" for p in comparison.pairs) \
                else "sentence"
            pair = next((p for p in comparison.pairs if p["metric"] == metric and p["level"] == level
                         and {p["key_a"], p["key_b"]} == {key_of[before["name"]], key_of[after["name"]]}), None)
            if pair is None:
                continue
            sign = 1.0 if pair["key_b"] == key_of[after["name"]] else -1.0
            low, high = sorted((sign * pair["low"], sign * pair["high"]))
            # each step of the chain is its own planned test (raw p), not one of every pair of its models
            step = StepResult(before["name"], after["name"], metric, sign * pair["delta"], low, high, pair["p"],
                              pair["p"] < comparison.settings.alpha and pair["delta"] != 0)
            steps.append(step)
            if step.verdict == "worse":
                flags.append(f"{after['name']} made {LABELS.get(metric, metric)} worse than {before['name']} "
                             f"({step.delta:+.2f}, {p_words(step.p)})")
        rate_before = next(x.degenerate_rate for x in models if x.name == before["name"])
        rate_after = next(x.degenerate_rate for x in models if x.name == after["name"])
        if rate_before is not None and rate_after is not None and rate_after - rate_before > DEGENERATE_RISE + EPSILON:
            flags.append(f"{after['name']} writes more degenerate outputs (empty, repeated, non-Arabic, copied or of "
                         "implausible length) "
                         f"than {before['name']}: {rate_after:.1%} vs {rate_before:.1%} — a reward gain with such "
                         "outputs is likely reward hacking")
    missing = [m["name"] for m in chain if m["name"] not in keys]
    return Scorecard(comparison.testset, decoding, models, steps, flags, missing, sorted(comparison.mismatched))
