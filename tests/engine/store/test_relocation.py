"""A workspace moved to another folder: its stored paths and run files follow it (``engine.store.relocation``)."""

from __future__ import annotations

import json
import shutil

from engine.store import Store
from engine.store.relocation import relocate
from engine.workspace import Workspace


def _workspace_with_a_run(root):
    ws = Workspace(root).ensure()
    store = Store(ws.db_path)
    (ws.models_dir / "demo-sft").mkdir(parents=True)
    store.models.register("demo-sft", "policy", str(ws.models_dir / "demo-sft"), stage="sft")
    store.models.register("mine", "policy", "/models/mine")  # the user's own folder: never touched
    run_dir = ws.runs_dir / "reward-1"
    (run_dir / "inputs").mkdir(parents=True)
    (run_dir / "config.yaml").write_text(f"values:\n  base_model: {ws.models_dir / 'demo-sft'}\n")
    (run_dir / "inputs" / "base.json").write_text(json.dumps({"path": str(ws.models_dir / "demo-sft")}))
    store.runs.create("reward-1", "reward", "", {}, str(run_dir))
    store.close()
    return ws


def test_a_moved_workspace_names_its_new_folder_everywhere(tmp_path):
    # after `mv` every model and run named the old folder: Translate, Evaluate and exports failed, and a resumed run
    # failed at once while it stayed "queued" for good
    old = _workspace_with_a_run(tmp_path / "ws")
    new = Workspace(tmp_path / "moved")
    shutil.move(old.root, new.root)
    store = Store(new.db_path)
    try:
        assert relocate(store, new.root) == old.root
        assert store.models.get("demo-sft")["path"] == str(new.models_dir / "demo-sft")
        assert store.models.get("mine")["path"] == "/models/mine"
        assert store.runs.get("reward-1")["run_dir"] == str(new.runs_dir / "reward-1")
        run_dir = new.runs_dir / "reward-1"
        assert json.loads((run_dir / "inputs" / "base.json").read_text())["path"] == str(new.models_dir / "demo-sft")
        assert str(new.models_dir / "demo-sft") in (run_dir / "config.yaml").read_text()
        assert relocate(store, new.root) is None  # once
    finally:
        store.close()


def test_a_workspace_with_models_only_is_found_moved_too_and_one_in_place_is_left_alone(tmp_path):
    ws = Workspace(tmp_path / "ws").ensure()
    store = Store(ws.db_path)
    (ws.models_dir / "demo-sft").mkdir(parents=True)
    store.models.register("demo-sft", "policy", str(ws.models_dir / "demo-sft"), stage="sft")
    assert relocate(store, ws.root) is None
    store.close()
    moved = Workspace(tmp_path / "elsewhere" / "ws")
    shutil.move(ws.root, moved.root.parent.mkdir(parents=True) or moved.root)
    store = Store(moved.db_path)
    try:
        assert relocate(store, moved.root) == ws.root
        assert store.models.get("demo-sft")["path"] == str(moved.models_dir / "demo-sft")
    finally:
        store.close()


def test_the_command_line_and_the_studio_relocate_when_they_open_the_store(tmp_path, monkeypatch):
    from engine.__main__ import main
    from engine.services import Services

    old = _workspace_with_a_run(tmp_path / "ws")
    first = Workspace(tmp_path / "moved-1")
    shutil.move(old.root, first.root)
    monkeypatch.setenv("TARJAMA_HOME", str(first.root))
    assert main(["jobs", "list"]) == 0
    store = Store(first.db_path)
    assert store.runs.get("reward-1")["run_dir"] == str(first.runs_dir / "reward-1")
    store.close()
    second = Workspace(tmp_path / "moved-2")
    shutil.move(first.root, second.root)
    services = Services.open(second)
    try:
        assert services.store.models.get("demo-sft")["path"] == str(second.models_dir / "demo-sft")
    finally:
        services.close()
