"""The folder an export replaces, and the files it leaves for sharing (``engine.export_folders``)."""

from __future__ import annotations

import stat

import pytest

from engine.export_folders import NotAnEarlierExport, check_replaceable, make_shareable


def test_only_nothing_or_an_earlier_export_may_be_replaced(tmp_path):
    ours = lambda folder: (folder / "mark").is_file()  # noqa: E731
    check_replaceable(tmp_path / "new", "x", ours)  # nothing there yet
    earlier = tmp_path / "earlier"
    earlier.mkdir()
    (earlier / "mark").write_text("")
    check_replaceable(earlier, "x", ours)
    users = tmp_path / "users"
    users.mkdir()
    (users / "thesis.tex").write_text("keep")
    a_file = tmp_path / "file"
    a_file.write_text("")
    for folder in (users, a_file):
        with pytest.raises(NotAnEarlierExport, match=f"{folder} already exists and is not an earlier export of x"):
            check_replaceable(folder, "x", ours)
    assert (users / "thesis.tex").read_text() == "keep"


def test_shareable_files_can_be_read_by_others(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "model.safetensors").write_bytes(b"")
    (tmp_path / "sub" / "model.safetensors").chmod(0o600)
    make_shareable(tmp_path)
    assert stat.S_IMODE((tmp_path / "sub" / "model.safetensors").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "sub").stat().st_mode) == 0o755
