"""``rerun_scope``: a fragment's own rerun only while Streamlit is running that fragment alone."""

from types import SimpleNamespace

from studio import reruns


def test_outside_any_script_run_the_app_reruns():
    assert reruns.rerun_scope() == "app"


def test_a_whole_page_run_asks_for_the_app_and_a_fragment_run_for_the_fragment(monkeypatch):
    monkeypatch.setattr(reruns, "get_script_run_ctx", lambda: SimpleNamespace(fragment_ids_this_run=[]))
    assert reruns.rerun_scope() == "app"
    monkeypatch.setattr(reruns, "get_script_run_ctx", lambda: SimpleNamespace(fragment_ids_this_run=["f1"]))
    assert reruns.rerun_scope() == "fragment"
