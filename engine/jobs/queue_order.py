"""The ``queue_order`` job: measure how unsure the reward models are about each source of a review queue.

For every item of the queue the job samples the candidates exactly as the queue will show them (the queue's model,
strategies and seed + item number, so a linguist later sees the same candidates), scores them with the queue's
reward model(s) and computes the item's priority (:func:`engine.feedback.uncertainty.uncertainty`: ensemble
disagreement, or minus the gap between the two best rewards). The priorities go to
``outputs/priorities.parquet``; the studio stores them on the queue's items, and *Next item* then hands out the
most uncertain source first (after the items already on their way to ``k`` judgements).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from engine.jobs.config import setting
from engine.jobs.context import JobCancelled, JobContext
from engine.jobs.kinds import JobKind

OUTPUT = "priorities.parquet"


@dataclass
class QueueOrderConfig:
    """Settings of a queue-ordering run (the queue brings its model, reward models and sampling)."""

    queue_id: int = setting(0, "The review queue whose sources are measured.", min=0)
    measure: str = setting(
        "disagreement",
        "What makes a source uncertain: the reward models' disagreement (needs "
        "two or more), or a small gap between the two best candidates' rewards.",
        choices=("disagreement", "margin"),
    )


def queue_reward_models(queue: dict) -> list[str]:
    """The reward models a queue ranks with: its ``rm`` then the ensemble's other members from its settings."""
    from engine.reward.ensemble import member_names

    return member_names(queue.get("rm"), (queue.get("settings") or {}).get("extra_rms") or [])


def prepare(config: QueueOrderConfig, store, run_dir: Path) -> None:
    """Check the queue can be measured; export its items, settings, policy and reward models into ``inputs/``."""
    from dataclasses import asdict

    import pyarrow as pa
    import pyarrow.parquet as pq

    from engine.feedback.uncertainty import check_ordering
    from engine.models.refs import resolve_model

    queue = store.feedback.queue(int(config.queue_id))
    if queue is None:
        raise ValueError(f"no review queue {config.queue_id}")
    check_ordering(config.measure, len(queue_reward_models(queue)))
    items = store.feedback.queue_items(int(config.queue_id))
    inputs = run_dir / "inputs"
    inputs.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(items), inputs / "items.parquet")
    (inputs / "queue.json").write_text(
        json.dumps({k: queue[k] for k in ("id", "model", "rm", "strategies", "settings")}, ensure_ascii=False)
    )
    refs = {
        "policy": asdict(resolve_model(store, queue["model"])),
        "reward_models": [asdict(resolve_model(store, n)) for n in queue_reward_models(queue)],
    }
    (inputs / "models.json").write_text(json.dumps(refs, ensure_ascii=False))


def run(config: QueueOrderConfig, ctx: JobContext) -> None:
    """Sample and score every item, compute its priority, write them and announce them to the studio."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from engine.feedback.interactive import translate_and_rank
    from engine.feedback.uncertainty import uncertainty
    from engine.models.refs import ModelRef

    queue = json.loads((ctx.inputs_dir / "queue.json").read_text(encoding="utf-8"))
    refs = json.loads((ctx.inputs_dir / "models.json").read_text(encoding="utf-8"))
    policy, rms = ModelRef(**refs["policy"]), [ModelRef(**r) for r in refs["reward_models"]]
    items = pq.read_table(ctx.inputs_dir / "items.parquet").to_pylist()
    settings = queue["settings"]
    seed, max_new = int(settings.get("seed", 0)), int(settings.get("max_new_tokens", 64))
    ctx.log(f"measuring {config.measure} on {len(items)} sources with {', '.join(r.name for r in rms)}")
    rows = []
    for n, item in enumerate(items, start=1):
        if ctx.should_stop():
            raise JobCancelled()
        translation = translate_and_rank(
            source=item["source"],
            pair=item["pair"],
            model_name=policy.name,
            model_path=policy.path,
            prompt_format=policy.prompt_format,
            rm_name=rms[0].name,
            rm_path=rms[0].path,
            extra_rm_paths=[r.path for r in rms[1:]],
            ensemble=settings.get("ensemble", "mean"),
            ensemble_k=float(settings.get("ensemble_k", 1.0)),
            strategies=queue["strategies"],
            max_new_tokens=max_new,
            seed=seed + int(item["item_id"]),
            trust_remote_code=policy.trust_remote_code,
        )
        cands = translation.candidates
        rows.append(
            {
                "item_id": int(item["item_id"]),
                "priority": uncertainty([c.rm_score for c in cands], [c.rm_spread for c in cands], config.measure),
                "candidates": len(cands),
            }
        )
        ctx.progress(n, len(items), unit="sources")
    out = ctx.output_dir / OUTPUT
    pq.write_table(
        pa.Table.from_pylist(
            rows, schema=pa.schema([("item_id", pa.int64()), ("priority", pa.float64()), ("candidates", pa.int64())])
        ),
        out,
    )
    measured = [r["priority"] for r in rows if r["priority"] is not None]
    ctx.log(f"{len(measured)} of {len(rows)} sources measured")
    ctx.artifact("queue_priorities", queue_id=int(queue["id"]), measure=config.measure, path=str(out))


KIND = JobKind(
    name="queue_order",
    title="Order a review queue by uncertainty",
    description="Samples each source's candidates as the queue will show them, scores them with the queue's reward "
    "models and hands out first the sources the reward models are least sure about.",
    config_cls=QueueOrderConfig,
    run=run,
    prepare=prepare,
)
