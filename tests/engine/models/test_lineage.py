"""Where a model came from: one rule (metadata over the run's config), the graph and the chain of parents."""

from __future__ import annotations

from engine.models.lineage import lineage, model_lineage, model_origin


def test_lineage_of_a_chain_from_registry_rows_and_run_configs(store, demo_corpus):
    store.runs.create("bootstrap-1", "bootstrap", "SFT", {"corpus_ids": [demo_corpus]}, "/runs/bootstrap-1")
    store.runs.create("reward-1", "reward", "RM", {"base_model": "sft", "pair_sets": ["score-1"]}, "/runs/reward-1")
    store.runs.create("ppo-1", "ppo", "PPO", {"policy": "sft", "reward_model": "rm", "corpus_ids": [demo_corpus]},
                      "/runs/ppo-1")
    store.models.register("sft", "policy", "/m/sft", stage="sft", run_id="bootstrap-1")
    store.models.register("rm", "reward", "/m/rm", parent="sft", run_id="reward-1",
                          metadata={"pair_sets": ["score-1"], "base_model": "sft"})
    store.models.register("cold", "policy", "/m/cold", stage="cold-start", parent="sft", run_id="ppo-1",
                          metadata={"policy": "sft", "reward_model": "rm"})
    graph = lineage(store, "cold")
    assert graph.root == "model:cold"
    kinds = {n.id: n.kind for n in graph.nodes.values()}
    assert kinds == {"model:cold": "model", "run:ppo-1": "run", f"corpus:{demo_corpus}": "data",
                     "model:rm": "reward", "run:reward-1": "run", "pairs:score-1": "data", "model:sft": "model",
                     "run:bootstrap-1": "run"}
    edges = {(e.source, e.target, e.label) for e in graph.edges}
    assert edges == {
        ("run:ppo-1", "model:cold", "produced"), (f"corpus:{demo_corpus}", "run:ppo-1", "trained on"),
        ("model:rm", "run:ppo-1", "reward"), ("model:sft", "run:ppo-1", "initialises"),
        ("run:reward-1", "model:rm", "produced"), ("pairs:score-1", "run:reward-1", "trained on"),
        ("model:sft", "run:reward-1", "initialises"), ("run:bootstrap-1", "model:sft", "produced"),
        (f"corpus:{demo_corpus}", "run:bootstrap-1", "trained on")}
    assert graph.nodes[f"corpus:{demo_corpus}"].label == "demo-small"
    layers = graph.layers()
    assert layers[f"corpus:{demo_corpus}"] == 0 and layers["model:cold"] == max(layers.values())
    assert layers["model:rm"] < layers["run:ppo-1"] < layers["model:cold"]
    # a model with no run and no metadata is a graph of one node
    store.models.register("lonely", "policy", "/m/lonely")
    assert list(lineage(store, "lonely").nodes) == ["model:lonely"]


def test_lineage_follows_parents_with_run_data_and_reward_model(store):
    corpus = store.corpora.add("demo", "en-ar", __import__("pyarrow").Table.from_pylist(
        [{"line": 1, "source": "Hi", "target": "مرحبا", "pair": "en-ar", "split": "train", "norm_key": "k"}]))
    store.runs.create("ppo-1", "ppo", "PPO", {"corpus_ids": [corpus], "reward_model": "rm-v1"}, "/runs/ppo-1")
    store.models.register("sft", "policy", "/m/sft", stage="sft")
    store.models.register("cold", "policy", "/m/cold", stage="cold-start", parent="sft", run_id="ppo-1",
                          metadata={"reward_model": "rm-v1"})
    chain = model_lineage(store, "cold")
    assert [s["model"] for s in chain] == ["cold", "sft"]
    assert chain[0]["run_kind"] == "ppo" and chain[0]["reward_model"] == "rm-v1" and "demo" in chain[0]["data"]
    assert chain[1]["run_kind"] == "registered by hand"


def test_metadata_wins_over_the_run_config_for_the_graph_and_the_chain_alike(store):
    store.runs.create("ppo-2", "ppo", "PPO", {"reward_model": "rm-asked", "policy": "sft-a"}, "/runs/ppo-2")
    store.models.register("sft-a", "policy", "/m/a", stage="sft")
    store.models.register("sft-b", "policy", "/m/b", stage="sft")
    store.models.register("rm-asked", "reward", "/m/r1")
    store.models.register("rm-used", "reward", "/m/r2")
    store.models.register("cold", "policy", "/m/cold", stage="cold-start", parent="sft-b", run_id="ppo-2",
                          metadata={"reward_model": "rm-used"})
    origin = model_origin(store, "cold")
    assert origin.reward_model == "rm-used" and origin.parents == ("sft-b", "sft-a")
    assert model_lineage(store, "cold")[0]["reward_model"] == "rm-used"
    edges = {(e.source, e.label) for e in lineage(store, "cold").edges if e.target == "run:ppo-2"}
    assert ("model:rm-used", "reward") in edges and ("model:rm-asked", "reward") not in edges
    assert model_origin(store, "nobody") is None
