"""The Models page: the registry table, lineage, promote / roll back behind a confirmation, export, archive."""

from __future__ import annotations

from pathlib import Path

from tests.pages.conftest import by_label


def _stages(store) -> dict[str, str]:
    return {m["name"]: m["stage"] for m in store.models.list()}


def _button(at, label: str):
    return by_label(at.button, label)


def _registry(store, root: Path | None = None) -> None:
    """Three models; under ``root``, in real folders (a model whose folder is gone is not promoted)."""
    folder = (lambda name: str(root / name)) if root else (lambda name: f"/m/{name}")
    for name in ("sft-a", "cold-a", "cold-b") if root else ():
        (root / name).mkdir(parents=True, exist_ok=True)
    store.runs.create("ppo-1", "ppo", "PPO", {"policy": "sft-a", "reward_model": "rm-a"}, "/runs/ppo-1")
    with store.db.transaction() as cur:  # a finished run: the studio's supervisor leaves it alone
        store.runs.mark_final(cur, "ppo-1", "succeeded", None)
    store.models.register("sft-a", "policy", folder("sft-a"), stage="sft", metadata={"valid_chrf": 12.5})
    store.models.register("rm-a", "reward", "/m/rm-a", parent="sft-a", metadata={"valid_accuracy": 0.8,
                                                                               "valid_pairs": 1234})
    store.models.register("cold-a", "policy", folder("cold-a"), stage="cold-start", parent="sft-a", run_id="ppo-1",
                          metadata={"policy": "sft-a", "reward_model": "rm-a", "heldout_chrf_end": 14.0})


def test_table_lists_every_version_with_metrics_and_lineage(open_page, store):
    _registry(store)
    at = open_page("models")
    assert at.title[0].value == "Models"
    table = at.dataframe[0].value
    assert sorted(table["name"]) == ["cold-a", "rm-a", "sft-a"]
    assert dict(zip(table["name"], table["stage"], strict=True))["cold-a"] == "cold-start"
    assert dict(zip(table["name"], table["RM accuracy"], strict=True))["rm-a"] == "0.8 (n 1,234)"  # measured on
    cells = [str(v) for column in table.columns for v in table[column]]
    assert "None" not in cells and "nan" not in cells  # a missing metric is a dash, not a literal "None"
    assert dict(zip(table["name"], table["valid chrF"], strict=True))["cold-a"] == "—"
    at.selectbox(key="models-pick").set_value("cold-a")
    at.run()
    assert not at.exception
    assert len(at.get("plotly_chart")) == 1  # the lineage graph
    import json

    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    nodes = [t for t in figure["data"] if t.get("mode") == "markers+text"]
    xs = [x for t in nodes for x in t["x"]]
    ys = [y for t in nodes for y in t["y"]]
    # labels have room at the edges and short lines; neighbours in a column alternate above and below
    assert figure["layout"]["xaxis"]["range"][0] < min(xs) and figure["layout"]["xaxis"]["range"][1] > max(xs)
    assert figure["layout"]["yaxis"]["range"][0] < min(ys) and figure["layout"]["yaxis"]["range"][1] > max(ys)
    assert all(len(line) <= 22 for t in nodes for label in t["text"] for line in label.split("<br>"))
    assert all(t["cliponaxis"] is False for t in nodes)
    assert "Check and register" in [b.label for b in at.button]  # the register form is still there


def test_promote_needs_the_typed_name_then_roll_back_needs_the_tick(open_page, store, tmp_path):
    _registry(store, tmp_path)
    at = open_page("models")
    at.selectbox(key="models-pick").set_value("sft-a")
    at.run()
    assert _button(at, "Promote to production").disabled  # enabled only once the name is typed
    at.text_input(key="models-confirm-sft-a").set_value("sft-b").run()
    assert _button(at, "Promote to production").disabled and _stages(store)["sft-a"] == "sft"

    at.text_input(key="models-confirm-sft-a").set_value("sft-a").run()
    assert not _button(at, "Promote to production").disabled
    _button(at, "Promote to production").click()
    at.run()
    assert not at.exception
    assert _stages(store)["sft-a"] == "production"
    assert any("sft-a is now the production model" in s.value for s in at.success)

    at.selectbox(key="models-pick").set_value("cold-a")
    at.run()
    at.text_input(key="models-confirm-cold-a").set_value("cold-a")
    _button(at, "Promote to production").click()
    at.run()
    assert _stages(store) == {"sft-a": "sft", "cold-a": "production", "rm-a": "candidate"}

    _button(at, "Roll back production").click()  # the box is not ticked: refused
    at.run()
    assert any("confirm" in e.value for e in at.error) and _stages(store)["cold-a"] == "production"
    at.checkbox(key="models-rb-ok-sft-a-cold-a").check()
    _button(at, "Roll back production").click()
    at.run()
    assert not at.exception
    assert _stages(store) == {"sft-a": "production", "cold-a": "cold-start", "rm-a": "candidate"}
    assert [m["name"] for m in store.models.list(stage="production")] == ["sft-a"]
    assert any("Rolled back: sft-a is the production model again" in s.value for s in at.success)


def test_a_roll_back_confirmed_before_another_promotion_is_refused(open_page, store, tmp_path):
    # another tab promoted a model after this one's box was ticked: the click rolled that promotion back instead
    from engine.models.registry import promote

    _registry(store, tmp_path)
    promote(store, "sft-a", confirm_name="sft-a")
    promote(store, "cold-a", confirm_name="cold-a")
    at = open_page("models")
    at.checkbox(key="models-rb-ok-sft-a-cold-a").check()
    at.run()
    store.models.register("cold-b", "policy", str(tmp_path / "cold-b"), stage="cold-start")
    promote(store, "cold-b", confirm_name="cold-b")  # the other tab
    _button(at, "Roll back production").click()
    at.run()
    assert not at.exception
    assert any("production changed since you confirmed" in e.value for e in at.error)
    assert [m["name"] for m in store.models.list(stage="production")] == ["cold-b"]
    assert not at.checkbox(key="models-rb-ok-cold-a-cold-b").value  # a new confirmation for the new roll-back


def test_reward_models_offer_no_promotion_and_can_be_archived(open_page, store):
    _registry(store)
    at = open_page("models")
    at.selectbox(key="models-pick").set_value("rm-a")
    at.run()
    assert "Promote to production" not in [b.label for b in at.button]
    _button(at, "Archive").click()
    at.run()
    assert _stages(store)["rm-a"] == "archived"
    _button(at, "Restore").click()  # nothing brought an archived model back
    at.run()
    assert _stages(store)["rm-a"] == "candidate"


def test_export_shows_the_folder_written(open_page, store, workspace, tiny_policy, monkeypatch):
    import studio.components.exports as exports

    zipped = []
    zip_folder = exports.zip_folder
    monkeypatch.setattr(exports, "zip_folder", lambda folder: zipped.append(folder) or zip_folder(folder))
    at = open_page("models")
    _button(at, "Export standalone folder").click()
    at.run(timeout=120)
    assert not at.exception
    folder = workspace.root / "exports" / "tiny-sft"
    assert any(str(folder) in s.value for s in at.success)
    assert (Path(folder) / "model.safetensors").is_file()
    assert (Path(folder) / "README.md").is_file()
    assert [d.proto.label for d in at.get("download_button")] == ["Download tiny-sft.zip"]
    at.run()
    # zipped when the button is clicked, not at every page run (a model's export was deflated at each click)
    assert zipped == []


def test_registering_under_a_taken_name_is_refused_and_the_model_kept(open_page, store, tiny_policy_dir):
    # the register form used to overwrite the registry row of any model of that name, production included
    _registry(store)
    at = open_page("models")
    by_label(at.text_input, "Folder or hub id").set_value(str(tiny_policy_dir))
    by_label(at.text_input, "Name in the studio").set_value("cold-a")
    _button(at, "Check and register").click()
    at.run()
    assert not at.exception
    assert any("already registered (cold-start)" in e.value for e in at.error)
    assert store.models.get("cold-a")["path"] == "/m/cold-a"


def test_registering_confirms_and_a_studio_folder_keeps_its_prompt_format(open_page, store):
    from engine.demo import DEMO_MODEL_DIR

    at = open_page("models")
    assert at.selectbox(key="models-register-format").value == "from the model card"  # the default
    by_label(at.text_input, "Folder or hub id").set_value(str(DEMO_MODEL_DIR))
    by_label(at.text_input, "Name in the studio").set_value("demo-copy")
    at.selectbox(key="models-register-format").set_value("instruction")  # the demo model was trained on 'tags'
    _button(at, "Check and register").click()
    at.run()
    assert any("trained with the 'tags' prompt format" in e.value for e in at.error)
    assert store.models.get("demo-copy") is None
    at.selectbox(key="models-register-format").set_value("tags")
    _button(at, "Check and register").click()
    at.run()
    assert not at.exception and store.models.get("demo-copy")["metadata"]["prompt_format"] == "tags"
    assert any(s.value.startswith("Registered demo-copy") for s in at.success)  # said after the page's rerun


def test_trust_remote_code_is_off_again_after_a_registration(open_page, store):
    # ticked for one model, it stayed ticked for the next registration of the session
    from engine.demo import DEMO_MODEL_DIR

    at = open_page("models")
    by_label(at.text_input, "Folder or hub id").set_value(str(DEMO_MODEL_DIR))
    by_label(at.text_input, "Name in the studio").set_value("trusted-copy")
    at.checkbox(key="models-register-trust").check()
    _button(at, "Check and register").click()
    at.run()
    assert not at.exception and store.models.get("trusted-copy")["metadata"]["trust_remote_code"] is True
    assert at.checkbox(key="models-register-trust").value is False


def test_by_default_a_studio_model_registers_with_its_model_cards_prompt_format(open_page, store):
    # with the old default ('instruction') a model the studio exported was refused until the user found the field
    from engine.demo import DEMO_MODEL_DIR

    at = open_page("models")
    by_label(at.text_input, "Folder or hub id").set_value(str(DEMO_MODEL_DIR))
    by_label(at.text_input, "Name in the studio").set_value("demo-copy-2")
    _button(at, "Check and register").click()
    at.run()
    assert not at.exception and store.models.get("demo-copy-2")["metadata"]["prompt_format"] == "tags"


def test_registration_loads_the_tokenizer_and_refuses_a_damaged_one(open_page, store, tmp_path, tiny_policy_dir):
    import shutil

    folder = tmp_path / "damaged"
    shutil.copytree(tiny_policy_dir, folder)
    (folder / "tokenizer.json").write_text('{"version": "1.0", "trunc')  # cut short: only files were checked
    at = open_page("models")
    by_label(at.text_input, "Folder or hub id").set_value(str(folder))
    by_label(at.text_input, "Name in the studio").set_value("damaged")
    _button(at, "Check and register").click()
    at.run()
    assert not at.exception and store.models.get("damaged") is None
    assert any("cannot load the tokenizer" in e.value for e in at.error)


def test_the_page_opens_on_a_model_in_use_not_the_newest_archived_one(open_page, store):
    store.models.register("sft-a", "policy", "/m/sft-a", stage="sft")
    store.models.register("old-copy", "policy", "/m/old-copy", stage="archived")  # the newest, archived
    at = open_page("models")
    assert at.selectbox(key="models-pick").value == "sft-a"


def test_a_long_ancestry_draws_the_nearest_models_and_says_the_rest_are_cut(open_page, store):
    # a model retrained 30 times drew every ancestor in one row (and took 3 s: one annotation call per edge)
    import json

    store.models.register("v00", "policy", "/m/v00", stage="sft")
    for i in range(1, 31):
        store.models.register(f"v{i:02d}", "policy", f"/m/v{i:02d}", stage="candidate", parent=f"v{i - 1:02d}")
    at = open_page("models")
    at.selectbox(key="models-pick").set_value("v30")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    figure = json.loads(next(c for c in at.get("plotly_chart") if "annotations" in c.proto.spec).proto.spec)
    drawn = {t for trace in figure["data"] for t in trace.get("text", [])}
    assert "v30" in drawn and "v22" in drawn and "v20" not in drawn
    assert any("The 8 nearest models are drawn" in c.value for c in at.caption)


def test_a_model_whose_folder_is_gone_is_named(open_page, store, tmp_path):
    # a folder deleted by hand: the pages offered the model as if it were there, and only the job it ran refused it
    (tmp_path / "here").mkdir()
    store.models.register("here", "policy", str(tmp_path / "here"), stage="sft")
    store.models.register("gone", "policy", str(tmp_path / "gone"), stage="sft")
    store.models.register("gone-archived", "policy", str(tmp_path / "old"), stage="archived")
    at = open_page("models")
    (warning,) = [w.value for w in at.warning if "is gone" in w.value]
    assert "**gone**" in warning and "here" not in warning and "archived" not in warning


def test_a_reward_model_that_cannot_be_exported_has_no_export_button_to_press(open_page, store, tiny_policy):
    # the button was enabled for a likelihood-head reward model (the demo preset's) and the click answered with a
    # paragraph naming AutoModelForSequenceClassification
    store.models.register("rm-lik", "reward", "/m/rm-lik", metadata={"head": "likelihood"})
    at = open_page("models")
    at.selectbox(key="models-pick").set_value("rm-lik")
    at.run()
    assert not at.exception
    assert _button(at, "Export standalone folder").disabled
    assert any("the likelihood reward head" in c.value and "plain transformers cannot load" in c.value
               for c in at.caption)
    at.selectbox(key="models-pick").set_value("tiny-sft")
    at.run()
    assert not _button(at, "Export standalone folder").disabled


def test_a_model_whose_folder_is_gone_or_an_archived_roll_back_target_is_not_offered(open_page, store, tmp_path):
    # the page warned that final's folder was gone yet promoted it (the endpoint then answered 503s), and offered a
    # roll-back to an archived model that could only fail
    from engine.models.registry import archive, promote

    _registry(store, tmp_path)
    store.models.register("final", "policy", str(tmp_path / "gone"), stage="final", parent="cold-a")
    at = open_page("models")
    at.selectbox(key="models-pick").set_value("final")
    at.run()
    assert not [b for b in at.button if b.label == "Promote to production"]
    assert any(f"final's folder {tmp_path / 'gone'} is gone" in c.value for c in at.caption)
    promote(store, "sft-a", confirm_name="sft-a")
    promote(store, "cold-a", confirm_name="cold-a")
    archive(store, "sft-a")
    at = open_page("models")
    assert not at.exception
    assert not [b for b in at.button if b.label == "Roll back production"]
    assert any("would make sft-a production again, but sft-a is archived: restore it first (Models → Restore)"
               in c.value for c in at.caption)
