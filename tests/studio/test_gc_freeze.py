"""The studio freezes the libraries' objects out of the collector's walk once they are imported, after collecting
the garbage; a second call without a new import does nothing; ``TARJAMA_GC_FREEZE=0`` turns it off."""

from __future__ import annotations

import gc
import sys
import types
import weakref

import pytest

from studio import gc_freeze


@pytest.fixture
def unfrozen(monkeypatch):
    """A collector with nothing frozen and the freeze's memory of the module count reset; unfrozen again after."""
    gc.unfreeze()
    monkeypatch.setattr(gc_freeze, "_modules_at_last_freeze", len(sys.modules))
    monkeypatch.delenv(gc_freeze.ENV, raising=False)
    yield
    gc.unfreeze()


class Node:
    """Something the collector tracks, to make reference cycles with."""

    def __init__(self) -> None:
        self.other: Node | None = None


def _cycle() -> Node:
    a, b = Node(), Node()
    a.other, b.other = b, a
    return a


def test_a_new_import_collects_the_garbage_then_freezes_what_is_alive(unfrozen, monkeypatch):
    garbage = _cycle()
    collected = []
    weakref.finalize(garbage, collected.append, "garbage")
    del garbage  # unreachable, but a cycle: only the collector frees it
    alive = _cycle()
    assert gc.is_tracked(alive) and gc.get_freeze_count() == 0

    monkeypatch.setitem(sys.modules, "tarjama_test_new_module", types.ModuleType("tarjama_test_new_module"))
    assert gc_freeze.freeze_after_imports() is True
    assert collected == ["garbage"]  # collected before the freeze, not frozen with the rest
    assert gc.get_freeze_count() > 0
    assert not any(obj is alive for obj in gc.get_objects())  # out of the generations every collection walks
    assert gc_freeze._modules_at_last_freeze == len(sys.modules)

    # nothing imported since: nothing done (asked of the calls, not of the count: frozen objects that reference
    # counting frees, e.g. in another thread of this process, lower it at any time)
    calls = []
    monkeypatch.setattr(gc, "collect", lambda *args: calls.append("collect"))
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    assert gc_freeze.freeze_after_imports() is False
    assert calls == []


def test_objects_made_after_a_freeze_are_still_collected(unfrozen, monkeypatch):
    monkeypatch.setitem(sys.modules, "tarjama_test_new_module", types.ModuleType("tarjama_test_new_module"))
    assert gc_freeze.freeze_after_imports() is True
    later = _cycle()
    collected = []
    weakref.finalize(later, collected.append, "later")
    del later
    gc.collect()
    assert collected == ["later"]


def test_off_when_asked(unfrozen, monkeypatch):
    monkeypatch.setenv(gc_freeze.ENV, "0")
    monkeypatch.setitem(sys.modules, "tarjama_test_new_module", types.ModuleType("tarjama_test_new_module"))
    assert gc_freeze.freeze_after_imports() is False
    assert gc.get_freeze_count() == 0


def test_the_app_freezes_what_its_first_run_imported(unfrozen, workspace, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from tests.pages.conftest import APP

    monkeypatch.setenv("TARJAMA_WATCHER", "0")
    monkeypatch.setattr(gc_freeze, "_modules_at_last_freeze", 0)  # as in a fresh server process
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert gc.get_freeze_count() > 0
    assert gc_freeze._modules_at_last_freeze == len(sys.modules)
