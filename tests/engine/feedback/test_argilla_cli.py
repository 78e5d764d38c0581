"""``python -m engine export argilla`` / ``import argilla``: the Argilla layout from the command line."""

from __future__ import annotations

import json

from engine.__main__ import main
from engine.feedback.judgements import Judgement, new_submission_id, submit
from engine.store import Store
from tests.engine.feedback.helpers import stored_request


def test_cli_exports_and_imports_argillas_layout(store, workspace, tmp_path, capsys, monkeypatch):
    rid = stored_request(store)
    for linguist, ranking in (("Amina", [0, 1, 2]), ("Bilal", [1, 0, 2])):
        submit(
            store,
            Judgement(
                submission_id=new_submission_id(),
                request_id=rid,
                linguist=linguist,
                kind="ranking",
                shown=[0, 1, 2],
                ranking=ranking,
            ),
        )
    store.close()  # the CLI opens the store itself, as when the studio is not running
    assert main(["export", "argilla"]) == 0
    folder = workspace.root / "exports" / "argilla_feedback"
    printed = capsys.readouterr().out
    assert f"{folder}: 1 record, 2 responses" in printed
    assert "2 responses of rankings of the candidates shown written as drafts" in printed  # 3 of 5 ranked
    assert main(["export", "argilla"]) == 0  # an earlier export is replaced
    capsys.readouterr()
    mine = tmp_path / "annotated"
    mine.mkdir()
    (mine / "records.json").write_text("[]", encoding="utf-8")  # e.g. a dataset saved by Argilla
    assert main(["export", "argilla", "--out", str(mine)]) == 2
    assert "is not an earlier export" in capsys.readouterr().err
    assert (mine / "records.json").read_text(encoding="utf-8") == "[]"
    # a linguist with no judgement (a typo): refused, not an empty dataset written over a good one (Argilla's
    # from_disk made the dataset on its server and then refused the empty records)
    assert main(["export", "argilla", "--linguist", "nobody"]) == 2
    assert "error: there are no judgements to export by nobody" in capsys.readouterr().err
    assert len(json.loads((folder / "records.json").read_text(encoding="utf-8"))[0]["responses"]["ranking"]) == 2
    monkeypatch.setenv("TARJAMA_HOME", str(tmp_path / "elsewhere"))
    assert main(["import", "argilla", str(folder)]) == 0
    assert "Imported 2 judgement(s) from 1 record(s): 0 already stored" in capsys.readouterr().out
    other = Store(tmp_path / "elsewhere" / "studio.duckdb")
    try:
        assert sorted(r["linguist"] for r in other.feedback.judgements()) == ["Amina", "Bilal"]
    finally:
        other.close()
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"not a zip")
    assert main(["import", "argilla", str(bad)]) == 2
    assert "not a zip file" in capsys.readouterr().err


def test_an_import_over_the_size_limit_is_refused_unread_and_reasons_are_one_line(workspace, tmp_path, capsys):
    # a folder's files (and a file that is no zip) were read whole: a 2 GiB records.json was a MemoryError traceback
    from engine.feedback.argilla.layout import MAX_IMPORT_BYTES

    big = tmp_path / "big"
    big.mkdir()
    with (big / "records.json").open("wb") as fh:  # sparse: no disk spent
        fh.truncate(MAX_IMPORT_BYTES + 1)
    assert main(["import", "argilla", str(big)]) == 2
    assert capsys.readouterr().err.strip() == "error: the dataset is larger than 50 MiB"
    assert main(["import", "argilla", str(big / "records.json")]) == 2
    assert capsys.readouterr().err.strip() == "error: the dataset is larger than 50 MiB"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["import", "argilla", str(empty)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: the Argilla dataset cannot be imported: ") and err.count("\n") == 1


def test_an_import_of_a_device_is_refused_unread(workspace, capsys):
    # /dev/zero has size 0: it passed the size check and was read for ever
    assert main(["import", "argilla", "/dev/zero"]) == 2
    assert "/dev/zero is neither a folder nor a zip file" in capsys.readouterr().err
