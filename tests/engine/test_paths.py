"""A path as typed: ``~`` expanded, an unknown user one line (engine/paths.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.paths import user_path


def test_a_home_folder_is_expanded_and_an_unknown_users_is_a_value_error():
    assert user_path("~/models/x") == Path.home() / "models" / "x"
    assert user_path("models/x") == Path("models/x")
    with pytest.raises(ValueError, match="'~nosuchuser-tarjama' names no user's home folder"):
        user_path("~nosuchuser-tarjama/models")  # pathlib: RuntimeError, a traceback on the pages and the CLI
