"""Decoding batches in forked single-thread processes: every item once, failures raised, children reaped."""

from __future__ import annotations

import os
import signal
import time
from contextlib import closing
from types import SimpleNamespace

import pytest
import torch

from engine.decoding.candidates import generate_candidates, parse_strategies
from engine.decoding.processes import decoding_processes, map_in_processes
from engine.models.loading import load_causal_lm, load_tokenizer


def _slow_pid(i: int) -> tuple[int, int, int]:
    time.sleep(0.3)
    return i, os.getpid(), torch.get_num_threads()


def test_every_item_is_done_once_and_the_work_is_shared():
    parent = os.getpid()
    threads = torch.get_num_threads()
    results = dict(map_in_processes(_slow_pid, 6, processes=2))
    assert sorted(results) == list(range(6))
    assert all(results[i][0] == i for i in results)
    pids = {pid for _, pid, _ in results.values()}
    assert parent in pids and len(pids) == 2  # the calling process decodes too, beside one child
    assert {n for _, _, n in results.values()} == {1}  # each on one thread
    assert torch.get_num_threads() == threads  # restored


def test_a_queue_longer_than_one_window_is_taken_window_by_window(monkeypatch):
    from engine.decoding import processes

    monkeypatch.setattr(processes, "_QUEUE_WINDOW", 3)
    results = list(map_in_processes(lambda i: i * i, 8, processes=2))
    assert sorted(results) == [(i, i * i) for i in range(8)]


def test_one_process_runs_in_order_here():
    assert [i for i, _ in map_in_processes(_slow_pid, 3, processes=1)] == [0, 1, 2]
    assert {pid for _, (_, pid, _) in map_in_processes(_slow_pid, 1, processes=4)} == {os.getpid()}


def test_a_failure_in_a_child_is_raised_with_its_traceback():
    parent = os.getpid()

    def work(i: int) -> int:
        if os.getpid() != parent:
            raise ValueError(f"bad batch {i}")
        time.sleep(0.5)
        return i

    with pytest.raises(RuntimeError, match=r"(?s)a decoding process failed:.*ValueError: bad batch"):
        list(map_in_processes(work, 4, processes=2))


def test_a_child_killed_midway_is_an_error_not_missing_results():
    parent = os.getpid()

    def work(i: int) -> int:
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        time.sleep(0.5)
        return i

    with pytest.raises(RuntimeError, match="ended without sending its results \\(killed by signal 9\\)"):
        list(map_in_processes(work, 4, processes=2))


def test_stopping_early_kills_and_reaps_the_children(tmp_path):
    parent = os.getpid()

    def work(i: int) -> int:
        if os.getpid() != parent:
            # written whole, then moved into place: the parent stopped on an empty file seen between its creation
            # and its write, and the pid read back was '' (a fresh-clone run, 2026-12-05)
            (tmp_path / f"child-{os.getpid()}").write_text(str(os.getpid()))
            os.replace(tmp_path / f"child-{os.getpid()}", tmp_path / "child")
            time.sleep(60)
        else:
            while not (tmp_path / "child").exists():  # the child has its item: stop while it works
                time.sleep(0.02)
        return i

    t0 = time.monotonic()
    with closing(map_in_processes(work, 4, processes=2)) as results:
        next(results)
    assert time.monotonic() - t0 < 30
    child = int((tmp_path / "child").read_text())
    with pytest.raises(ProcessLookupError):  # killed and reaped: no such process, not even a zombie
        os.kill(child, 0)


def test_processes_only_for_a_cpu_model():
    assert decoding_processes(SimpleNamespace(device=torch.device("cpu"))) == torch.get_num_threads()
    assert decoding_processes(SimpleNamespace(device=torch.device("cuda", 0))) == 1
    assert decoding_processes(SimpleNamespace(device=torch.device("meta"))) == 1


def test_candidates_in_two_processes_are_those_of_one(tiny_policy_dir):
    tokenizer, model = load_tokenizer(tiny_policy_dir), load_causal_lm(tiny_policy_dir)
    sources = ["Good morning.", "Where is the station?", "Bonjour à tous.", "I like tea very much.",
               "The train leaves at noon.", "Merci beaucoup.", "Open the window, please.", "Il fait beau."]
    pairs = ["en-ar", "en-ar", "fr-ar", "en-ar", "en-ar", "fr-ar", "en-ar", "fr-ar"]
    strategies = parse_strategies(["greedy", "temperature:1.0x2", "top_k:20", "top_p:0.9x2"])
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        one = generate_candidates(model, tokenizer, sources, pairs, strategies, batch_size=2, max_new_tokens=8,
                                  seed=5)
    finally:
        torch.set_num_threads(threads)
    calls = []
    two = generate_candidates(model, tokenizer, sources, pairs, strategies, batch_size=2, max_new_tokens=8, seed=5,
                              processes=2, on_batch=lambda n, t: calls.append((n, t)))
    assert [[(c.text, c.strategy, c.count, c.strategies) for c in cands] for cands in two] == \
        [[(c.text, c.strategy, c.count, c.strategies) for c in cands] for cands in one]
    assert len(calls) == 4 and sum(n for n, _ in calls) == len(sources) * len(strategies)
