"""Where a model version came from, read one way for every page: its registry row, the run that made it, and that
run's data, reward model and parents.

One rule decides between the two places a fact can be recorded: the **model's metadata** (written when the model
was registered, by the job that made it or by hand) wins over the **producing run's config** (what the run was
asked to do), which fills in what the metadata does not say. :func:`model_origin` applies it; the lineage graph
(:func:`lineage`, Models page and model cards) and the chain of parents (:func:`model_lineage`, Compare page and
reports) are both built from it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

PARENT_KEYS: tuple[str, ...] = ("parent_policy", "policy", "base_model")
"""Settings that name the model a run started from (after the registry's own ``parent`` column)."""


@dataclass(frozen=True)
class ModelOrigin:
    """One registered model and what made it."""

    name: str
    kind: str
    stage: str
    path: str
    run_id: str | None
    run_kind: str | None
    values: dict[str, Any]
    """The model's metadata over its run's config (metadata wins)."""
    parents: tuple[str, ...]
    """Models it started from: the registry's ``parent`` first, then :data:`PARENT_KEYS` in order (no repeats,
    never itself)."""

    @property
    def corpus_ids(self) -> list:
        return _list(self.values.get("corpus_ids"))

    @property
    def pair_sets(self) -> list:
        return _list(self.values.get("pair_sets"))

    @property
    def reward_model(self) -> str:
        reward = self.values.get("reward_model") or ""
        return "" if reward == self.name else str(reward)


def _list(value: Any) -> list:
    if value is None or value == "":
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def model_origin(store: Any, name: str) -> ModelOrigin | None:
    """The origin of a registered model (None when no model has that name)."""
    row = store.models.get(name)
    if row is None:
        return None
    run = store.runs.get(row["run_id"]) if row["run_id"] else None
    config = (run or {}).get("config") or {}
    if isinstance(config, str):
        config = json.loads(config)
    values = {**config, **(row["metadata"] or {})}
    candidates = [row["parent"], *(values.get(k) for k in PARENT_KEYS)]
    parents = tuple(dict.fromkeys(str(p) for p in candidates if p and p != name))
    return ModelOrigin(name=name, kind=row["kind"], stage=row["stage"], path=row["path"], run_id=row["run_id"],
                       run_kind=run["kind"] if run else None, values=values, parents=parents)


# --- the graph ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Node:
    """One box of a lineage graph: ``kind`` is ``data``, ``reward``, ``run`` or ``model``."""

    id: str
    label: str
    kind: str
    detail: str = ""


@dataclass(frozen=True)
class Edge:
    """An arrow ``source → target`` with what the source was for the target."""

    source: str
    target: str
    label: str


@dataclass
class Lineage:
    """Where a model comes from: data → reward model → run → model, parents included (recursively)."""

    root: str
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    cut: bool = False
    """Models beyond ``max_models`` were drawn as bare nodes, their own origins not followed."""

    def add(self, node: Node) -> str:
        self.nodes.setdefault(node.id, node)
        return node.id

    def link(self, source: str, target: str, label: str) -> None:
        edge = Edge(source, target, label)
        if edge not in self.edges:
            self.edges.append(edge)

    def layers(self) -> dict[str, int]:
        """Each node's column for a left-to-right drawing: the longest path reaching it from a source."""
        layer = {n: 0 for n in self.nodes}
        for _ in range(len(self.nodes)):
            changed = False
            for e in self.edges:
                if layer[e.target] < layer[e.source] + 1:
                    layer[e.target], changed = layer[e.source] + 1, True
            if not changed:
                break
        return layer


def lineage(store: Any, name: str, *, max_models: int = 50) -> Lineage:
    """The lineage graph of ``name``: data (corpora, preference pair sets), reward models, runs and models
    (parents too, recursively); edges say what each was for: ``trained on``, ``reward``, ``initialises``,
    ``produced``."""
    graph = Lineage(root=f"model:{name}")
    seen: set[str] = set()
    corpus_names = {str(c["id"]): c["name"] for c in store.corpora.list()}

    def visit(model: str) -> str:
        node_id = f"model:{model}"
        if model in seen or len(seen) >= max_models:
            graph.cut = graph.cut or model not in seen
            return graph.add(Node(node_id, model, "model"))
        seen.add(model)
        origin = model_origin(store, model)
        if origin is None:
            return graph.add(Node(node_id, model, "model", "not registered"))
        graph.add(Node(node_id, model, "reward" if origin.kind == "reward" else "model",
                       f"{origin.kind} · {origin.stage}"))
        consumer = node_id
        if origin.run_id:
            consumer = graph.add(Node(f"run:{origin.run_id}", origin.run_id, "run",
                                      origin.run_kind or "run not on record"))
            graph.link(consumer, node_id, "produced")
        for c in origin.corpus_ids:
            graph.link(graph.add(Node(f"corpus:{c}", corpus_names.get(str(c), f"corpus {c}"), "data", "corpus")),
                       consumer, "trained on")
        for p in origin.pair_sets:
            graph.link(graph.add(Node(f"pairs:{p}", f"pairs {p}", "data", "preference pairs")), consumer,
                       "trained on")
        if origin.reward_model:
            graph.link(visit(origin.reward_model), consumer, "reward")
        for parent in origin.parents:
            graph.link(visit(parent), consumer, "initialises")
        return node_id

    visit(name)
    return graph


# --- the chain of parents ----------------------------------------------------------------------------
def lineage_step(store: Any, name: str) -> dict:
    """One model's row of a lineage chain (a minimal row when the model is not registered)."""
    origin = model_origin(store, name)
    if origin is None:
        return {"model": name, "kind": "", "stage": "not registered", "run": "", "run_kind": "", "data": "",
                "reward_model": "", "parent": "", "path": ""}
    names = {str(c["id"]): c["name"] for c in store.corpora.list()}
    corpora = [names.get(str(c), f"corpus {c}") for c in origin.corpus_ids]
    data = [f"corpora: {', '.join(corpora)}"] if corpora else []
    if origin.pair_sets:
        data.append(f"pair sets: {', '.join(map(str, origin.pair_sets))}")
    run_kind = origin.run_kind or ("registered by hand" if not origin.run_id else "")
    return {"model": name, "kind": origin.kind, "stage": origin.stage, "run": origin.run_id or "",
            "run_kind": run_kind, "data": "; ".join(data), "reward_model": origin.reward_model,
            "parent": origin.parents[0] if origin.parents else "", "path": origin.path}


def model_lineage(store: Any, name: str, max_depth: int = 8) -> list[dict]:
    """The model and its ancestors (newest first), following each model's first parent; stops at cycles."""
    chain, seen = [], set()
    current = name
    while current and current not in seen and len(chain) < max_depth:
        seen.add(current)
        step = lineage_step(store, current)
        chain.append(step)
        current = step["parent"]
    return chain
