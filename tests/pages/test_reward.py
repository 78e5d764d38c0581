"""The Reward model page: the form launches training; a trained model is inspected."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from engine.jobs.reward import RewardJobConfig


def test_without_pairs_the_page_says_what_to_do_first(open_page):
    at = open_page("reward")
    assert at.title[0].value == "3 · Reward model"
    assert any("No preference pairs yet" in i.value for i in at.info)


def test_form_launches_training_with_the_demo_preset(open_page, store, tiny_policy, pair_set):
    at = open_page("reward")
    at.radio(key="rm-preset").set_value("Small demo model")
    at.run()
    at.selectbox(key="rm-train-Small demo model-head").set_value("mlp")
    at.button[[b.label for b in at.button].index("Train reward model")].click()
    at.run()
    assert not at.exception
    runs = store.runs.list(kinds=("reward",))
    assert len(runs) == 1
    config = json.loads(runs[0]["config"])
    assert config["head"] == "mlp" and config["learning_rate"] == 3e-4 and config["pair_sets"] == [pair_set]
    assert config["base_model"] == "tiny-sft"


def test_the_train_form_preselects_the_synthetic_pairs_over_newer_human_ones(open_page, store, tiny_policy, pair_set,
                                                                           tmp_path):
    # the cold start's RM learns from the synthetic pairs; human pairs (Human alignment) are for its fine-tune
    import pyarrow as pa
    import pyarrow.parquet as pq

    from tests.conftest import learnable_pair_rows

    path = tmp_path / "human.parquet"
    rows = [{**r, "linguist": "Amina", "judgement_id": i, "weight": 1.0} for i, r in enumerate(learnable_pair_rows(6))]
    pq.write_table(pa.Table.from_pylist(rows), path)
    with store.db.transaction() as cur:
        store.preferences.load_pairs(cur, "feedback_pairs-older", "human", None, path)
    pq.write_table(pa.Table.from_pylist([{**r, "split": "train"} for r in rows]), path)
    with store.db.transaction() as cur:
        store.preferences.load_pairs(cur, "feedback_pairs-train-only", "human", None, path)
    pq.write_table(pa.Table.from_pylist(rows), path)
    with store.db.transaction() as cur:
        store.preferences.load_pairs(cur, "feedback_pairs-newer", "human", None, path)
    assert [s["run_id"] for s in store.preferences.pair_sets()][0] == "feedback_pairs-newer"
    at = open_page("reward")
    picker = next(m for m in at.multiselect if m.label == "Pair sets")
    assert picker.value == [pair_set] and any(o.startswith("feedback_pairs-newer") for o in picker.options)
    # a set without a validation split says so ("6 train / 0 valid" read as if the job would validate on nothing)
    assert "feedback_pairs-train-only — human, 18 pairs, no validation split" in picker.options
    assert "feedback_pairs-older — human, 14 train / 4 valid" in picker.options


@pytest.mark.slow
def test_trained_model_is_inspected_with_calibration_distributions_and_errors(open_page, supervisor, store,
                                                                             tiny_policy, pair_set):
    run_id = supervisor.start("reward", RewardJobConfig(base_model="tiny-sft", pair_sets=[pair_set], epochs=2,
                                                     learning_rate=3e-3, model_name="rm-page"))
    assert supervisor.wait(run_id, timeout_s=300) == "succeeded"
    at = open_page("reward")
    assert any(m.label == "Validation accuracy" and m.value.endswith("%") for m in at.metric)
    # the accuracy in words: its interval, and the base policy's likelihood as the bar (measured by the job)
    likelihood = store.models.get("rm-page")["metadata"]["likelihood_accuracy"]
    verdict = [w.value for w in at.warning] + [c.value for c in at.caption]
    assert any("validation pairs (95% interval" in v and f"{likelihood:.1%} of them" in v for v in verdict), verdict
    charts = at.get("plotly_chart")
    assert len(charts) >= 3  # live loss/accuracy charts of the run, calibration, distributions
    assert any("Pairs the model gets wrong" in h.value for h in at.subheader)
    wrong = next(m.value for m in at.markdown if "Chosen (by the data)" in m.value)
    assert wrong.count("class='tarjama-ar' dir='rtl' lang='ar'") == wrong.count("tarjama-ar")
    assert at.dataframe[-1].value["version"].tolist() == ["rm-page"]


def test_launch_choice_is_written_to_the_run(open_page, store, tiny_policy, pair_set):
    import yaml

    at = open_page("reward")
    at.selectbox(key="rm-launch").set_value("cpu_2proc")
    at.run()
    at.button[[b.label for b in at.button].index("Train reward model")].click()
    at.run()
    run = store.runs.list(kinds=("reward",))[0]
    spec = yaml.safe_load((Path(run["run_dir"]) / "config.yaml").read_text())
    assert spec["launch"] == {"accelerate_config": "cpu_2proc", "cpu": True}


def test_a_fine_tuned_model_is_inspected_on_its_human_and_synthetic_pairs(open_page, store, tmp_path):
    """A reward fine-tune writes one validation file per set (human, synthetic) and none for plain pairs: the
    page offers the sets instead of saying the model has no validation rewards."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = tmp_path / "run" / "outputs"
    (folder / "model").mkdir(parents=True)
    for name, right in (("human", 3), ("synthetic", 9)):
        rows = [{"pair_id": i, "source": f"s{i}", "chosen": "أ", "rejected": "ب", "quality_margin": 0.2,
                 "chosen_reward": 1.0 if i < right else 0.0, "rejected_reward": 0.5} for i in range(10)]
        pq.write_table(pa.Table.from_pylist(rows), folder / f"valid_rewards_{name}.parquet")
    store.models.register("rm-finetuned", "reward", str(folder / "model"), metadata={"head": "likelihood"})
    at = open_page("reward")
    choice = at.radio(key="rm-inspect-set")
    assert choice.options == ["human pairs", "synthetic pairs"] and choice.value == "human"
    assert [m.value for m in at.metric if m.label == "Validation accuracy"] == ["30.0%"]
    choice.set_value("synthetic")
    at.run()
    assert [m.value for m in at.metric if m.label == "Validation accuracy"] == ["90.0%"]
    assert not any("no validation rewards" in c.value for c in at.caption)


def test_inspect_follows_a_reward_model_registered_while_the_page_is_open(open_page, store, tmp_path):
    # the picker stayed on the older model (and its accuracy) when a newer one was registered; a model chosen by
    # hand stays chosen
    for name in ("rm-a", "rm-b", "rm-c"):
        (tmp_path / name).mkdir()
    store.models.register("rm-a", "reward", str(tmp_path / "rm-a"))
    at = open_page("reward")
    assert at.selectbox(key="rm-inspect").value == "rm-a"
    store.models.register("rm-b", "reward", str(tmp_path / "rm-b"))
    at.run()
    assert at.selectbox(key="rm-inspect").value == "rm-b"
    at.selectbox(key="rm-inspect").set_value("rm-a").run()
    store.models.register("rm-c", "reward", str(tmp_path / "rm-c"))
    at.run()
    assert not at.exception and at.selectbox(key="rm-inspect").value == "rm-a"


def test_the_versions_table_gives_a_fine_tunes_accuracy_not_none(open_page, store, tmp_path):
    store.models.register("rm-ft", "reward", str(tmp_path / "rm"), metadata={
        "valid_accuracy": None, "valid_pairs": 0, "valid_accuracy_synthetic": 0.857, "valid_pairs_synthetic": 7})
    at = open_page("reward")
    table = next(d.value for d in at.dataframe if "validation accuracy" in d.value.columns)
    row = table[table["version"] == "rm-ft"].iloc[0]
    assert row["validation accuracy"] == "0.857 (synthetic)" and row["valid pairs"] == 7
    assert row["policy likelihood's accuracy"] == "—"
