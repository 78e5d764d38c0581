"""``python -m engine export pairs|model``: the same exports as the pages, from the command line."""

from __future__ import annotations

import json

from engine.__main__ import main
from tests.conftest import store_pair_set


def test_cli_exports_pairs_and_a_model(store, workspace, tmp_path, tiny_policy, capsys):
    store_pair_set(store, tmp_path, n_sources=10)
    store.close()  # the CLI opens the store itself, as when the studio is not running
    assert main(["export", "pairs", "--origin", "synthetic"]) == 0
    folder = workspace.root / "exports" / "synthetic_preferences"
    assert (folder / "train.jsonl").is_file() and (folder / "validation.jsonl").is_file()
    printed = capsys.readouterr()
    assert str(folder) in printed.out
    assert "Saving the dataset" not in printed.err  # datasets' progress bars stay off the command line
    assert main(["export", "pairs", "--origin", "human"]) == 2  # no human pairs: said, not a traceback
    assert "no human pairs" in capsys.readouterr().err
    assert main(["export", "model", "tiny-sft", "--dtype", "float16"]) == 0
    card = json.loads((workspace.root / "exports" / "tiny-sft" / "tarjama.json").read_text())
    assert card["dtype"] == "float16"
