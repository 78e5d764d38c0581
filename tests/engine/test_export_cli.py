"""``python -m engine export pairs|model``: the same exports as the pages, from the command line."""

from __future__ import annotations

import json
from pathlib import Path

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


def test_an_unknown_or_pairless_run_and_an_out_that_is_a_file_are_one_line_and_exit_2(store, workspace, tmp_path,
                                                                                      capsys):
    # an unknown --run beside a good one was left out without a word; --out naming a file said "File exists", exit 3
    import pytest

    run_id = store_pair_set(store, tmp_path, n_sources=10)
    store.close()
    assert main(["export", "pairs", "--run", run_id, "--run", "nope"]) == 2
    assert "error: no pair set or run 'nope'" in capsys.readouterr().err
    assert main(["export", "pairs", "--origin", "human", "--run", run_id]) == 2
    err = capsys.readouterr().err
    assert f"the pair set {run_id} holds synthetic pairs, not human ones (--origin synthetic)" in err
    a_file = tmp_path / "afile"
    a_file.write_text("x")
    for argv in (["export", "pairs", "--out", str(a_file)], ["export", "model", "x", "--out", str(a_file / "sub")]):
        with pytest.raises(SystemExit) as stopped:
            main(argv)
        assert stopped.value.code == 2 and f"{a_file} is a file, not a folder" in capsys.readouterr().err
    from engine.__main__ import out_folder

    assert out_folder("~/exports") == str(Path.home() / "exports")  # the folder checked is the one written
    assert out_folder("") == ""  # the default folder, not the current one


def test_a_closed_pipe_ends_the_listing_quietly(workspace, monkeypatch, capsys):
    # `jobs list | head -1` ended with "error: [Errno 32] Broken pipe", exit 3
    import engine.__main__ as cli

    def listing(args):
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(cli, "_cmd_list", listing)
    assert main(["jobs", "list"]) == 0 and capsys.readouterr().err == ""


def test_the_engine_keeps_bitsandbytes_cpu_kernel_warning_off_stderr():
    # bitsandbytes, imported through peft, printed "Failed to load CPU gemm_4bit_forward …" (on CPUs with AVX-512
    # BF16, as this machine's) under every `error: …` line of the command line and in job logs
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", "import engine, peft"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and "gemm_4bit_forward" not in done.stderr, done.stderr
