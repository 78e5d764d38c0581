"""Keep the garbage collection Streamlit runs after every script run cheap.

Streamlit calls ``gc.collect(2)`` after each script run and each fragment run (its ``runner.postScriptGC``), and a
full collection walks every object the collector tracks. Once a page has imported torch, transformers, pandas and
the engine, that is ~430,000 objects of the libraries themselves, which never become garbage: ~0.2 s of CPU on each
rerun of every page, for every click and every tick of a live panel. :func:`freeze_after_imports`, called at the end
of each run of the app, moves everything alive to the collector's permanent generation (:func:`gc.freeze`) whenever
modules were imported since it last did, after one collection so that no garbage is frozen. Later collections then
walk only what the pages made since; the post-script collection stays on for them.

Reference counting frees frozen objects as usual; only a reference cycle that was alive at a freeze and became
garbage later is never collected. Freezes happen only when a run imports something new (the first visits to pages),
so that stays small. ``TARJAMA_GC_FREEZE=0`` turns it off.
"""

from __future__ import annotations

import gc
import os
import sys
import threading

ENV = "TARJAMA_GC_FREEZE"
"""Set to ``0`` to leave the collector as Streamlit has it (every full collection walks the libraries too)."""

_lock = threading.Lock()
_modules_at_last_freeze = 0


def enabled() -> bool:
    """Whether freezing is on (it is unless ``TARJAMA_GC_FREEZE=0``)."""
    return os.environ.get(ENV, "1").strip() != "0"


def freeze_after_imports() -> bool:
    """If modules were imported since the last freeze: collect the garbage once, then freeze every object left
    (:func:`gc.freeze`). Returns whether it froze. Cheap when nothing new was imported (a length comparison)."""
    global _modules_at_last_freeze
    if not enabled() or len(sys.modules) <= _modules_at_last_freeze:
        return False
    with _lock:  # sessions run their scripts in threads of their own
        modules = len(sys.modules)
        if modules <= _modules_at_last_freeze:
            return False
        gc.collect()
        gc.freeze()
        _modules_at_last_freeze = modules
        return True
