"""A job's torch threads: one per core, unless ``TARJAMA_JOB_THREADS`` says otherwise."""

from __future__ import annotations

import os

import pytest
import torch

from engine.jobs.threads import THREADS_ENV, job_threads, use_job_threads


def test_every_core_unless_the_variable_says_otherwise(monkeypatch):
    monkeypatch.delenv(THREADS_ENV, raising=False)
    assert job_threads() == max(1, os.cpu_count() or 1)
    monkeypatch.setenv(THREADS_ENV, " 3 ")
    assert job_threads() == 3


@pytest.mark.parametrize("value", ["0", "-1", "two", "1.5"])
def test_a_value_that_is_not_a_positive_whole_number_is_refused_by_name(monkeypatch, value):
    monkeypatch.setenv(THREADS_ENV, value)
    with pytest.raises(ValueError, match=THREADS_ENV):
        job_threads()


def test_use_job_threads_sets_torch(monkeypatch):
    before = torch.get_num_threads()
    monkeypatch.setenv(THREADS_ENV, "2")  # the suite's processes run on 1: a change to see
    try:
        assert use_job_threads() == 2 and torch.get_num_threads() == 2
    finally:
        torch.set_num_threads(before)
