"""Where a model version came from: its chain of parents, and for each the run, data and reward model.

Read from the model registry (``parent``, ``run_id``, ``metadata``) and from the producing run's config. Each
step of the chain is one row: the model, its stage, the run that made it (kind and id), the data it saw
(corpora by name, preference-pair sets), the reward model it was optimised against or trained from, and its
base model.
"""

from __future__ import annotations

import json


def _corpus_names(store, ids) -> list[str]:
    names = []
    for i in ids or []:
        try:
            row = store.corpora.get(int(i))
        except (TypeError, ValueError):
            row = None
        names.append(row["name"] if row else f"corpus {i}")
    return names


def lineage_step(store, name: str) -> dict:
    """One model's row of a lineage (a minimal row when the model is not registered)."""
    model = store.models.get(name)
    if model is None:
        return {"model": name, "kind": "", "stage": "not registered", "run": "", "run_kind": "", "data": "",
                "reward_model": "", "parent": "", "path": ""}
    meta = model["metadata"]
    run = store.runs.get(model["run_id"]) if model["run_id"] else None
    config = json.loads(run["config"]) if run else {}
    corpora = _corpus_names(store, meta.get("corpus_ids") or config.get("corpus_ids"))
    pair_sets = meta.get("pair_sets") or config.get("pair_sets") or []
    data = [f"corpora: {', '.join(corpora)}"] if corpora else []
    if pair_sets:
        data.append(f"pair sets: {', '.join(map(str, pair_sets))}")
    reward = meta.get("reward_model") or config.get("reward_model") or ""
    parent = model["parent"] or meta.get("base_model") or meta.get("policy") or ""
    if parent == name:
        parent = ""
    return {"model": name, "kind": model["kind"], "stage": model["stage"], "run": model["run_id"] or "",
            "run_kind": run["kind"] if run else ("registered by hand" if not model["run_id"] else ""),
            "data": "; ".join(data), "reward_model": reward, "parent": parent, "path": model["path"]}


def model_lineage(store, name: str, max_depth: int = 8) -> list[dict]:
    """The model and its ancestors (newest first), following ``parent`` links; stops at cycles."""
    chain, seen = [], set()
    current = name
    while current and current not in seen and len(chain) < max_depth:
        seen.add(current)
        step = lineage_step(store, current)
        chain.append(step)
        current = step["parent"]
    return chain
