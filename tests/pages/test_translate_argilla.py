"""The Translate & feedback page's Argilla panel: the export as a zip of Argilla's layout, and agreement (Kendall's
tau beside Krippendorff's alpha) over every source judged by two linguists, imported ones included."""

from __future__ import annotations

import io
import json
import zipfile

from engine.feedback.argilla import RECORDS_FILE, SETTINGS_FILE, export_files, import_feedback
from engine.feedback.judgements import Judgement, new_submission_id, submit
from tests.engine.feedback.helpers import stored_request


def _judge(store, rid: str, linguist: str, ranking: list[int]) -> None:
    submit(
        store,
        Judgement(
            submission_id=new_submission_id(),
            request_id=rid,
            linguist=linguist,
            kind="ranking",
            shown=sorted(ranking),
            ranking=ranking,
        ),
    )


def _page(open_page):
    at = open_page()
    at.query_params["linguist"] = "Lead"
    at.switch_page("../pages/translate.py")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_export_for_argilla_writes_the_folder_and_offers_a_zip(open_page, store, workspace):
    rid = stored_request(store)
    _judge(store, rid, "Amina", [0, 1, 2])
    _judge(store, rid, "Bilal", [2, 1, 0])
    at = _page(open_page)
    at.button(key="tr-argilla-export").click()
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    folder = workspace.root / "exports" / "argilla_feedback"
    records = json.loads((folder / RECORDS_FILE).read_text(encoding="utf-8"))
    assert len(records) == 1 and len(records[0]["responses"]["ranking"]) == 2
    assert (folder / SETTINGS_FILE).is_file()
    with zipfile.ZipFile(io.BytesIO(at.session_state["tr-argilla-zip"])) as zf:
        assert set(zf.namelist()) >= {".argilla/settings.json", ".argilla/dataset.json", "records.json"}
    assert at.get("download_button")


def test_agreement_shows_kendalls_tau_and_krippendorffs_alpha_for_imported_annotations(open_page, store, tmp_path):
    from engine.store import Store

    other = Store(tmp_path / "elsewhere.duckdb")  # annotated elsewhere, then imported here
    try:
        rid = stored_request(other)
        _judge(other, rid, "Amina", [0, 1, 2])
        _judge(other, rid, "Bilal", [2, 1, 0])
        files = export_files(other)
    finally:
        other.close()
    assert import_feedback(store, files).stored == 2
    at = _page(open_page)
    at.toggle(key="tr-shared-agreement").set_value(True)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Kendall's tau (mean)"] == "-1.00"
    assert metrics["Krippendorff's α (ranks)"] == "-0.67"  # engine.feedback.krippendorff: 1 - 5 · 64 / 192
    assert metrics["Sources judged by 2+ linguists"] == "1"
