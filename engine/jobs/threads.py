"""How many torch threads a job's process computes with: every core unless ``TARJAMA_JOB_THREADS`` says otherwise.

A job on a machine of its own uses every core. Where jobs share the cores with other work — two jobs at once, a
browser and the studio beside a job, or a test suite running jobs from two workers on two cores — each process
that spins a thread per core makes the others wait at every operator (OpenMP's threads spin at their barriers):
on tiny models that costs ~10× (measured in this project's suite: a 100-sentence greedy translation 27 s with two
threads beside another busy worker, 2.2 s with one). ``TARJAMA_JOB_THREADS=1`` gives each job one.
"""

from __future__ import annotations

import os

THREADS_ENV = "TARJAMA_JOB_THREADS"
"""Torch intra-op threads of a job's process (a positive whole number); unset: one per core."""


def job_threads() -> int:
    """The torch threads a job uses: ``$TARJAMA_JOB_THREADS`` if set, else the machine's cores.

    Raises ``ValueError`` (naming the variable) for a value that is not a positive whole number."""
    raw = os.environ.get(THREADS_ENV, "").strip()
    if not raw:
        return max(1, os.cpu_count() or 1)
    if not raw.isdigit() or int(raw) < 1:
        raise ValueError(f"{THREADS_ENV} must be a positive whole number of threads, not {raw!r}")
    return int(raw)


def use_job_threads() -> int:
    """Set torch's intra-op threads to :func:`job_threads` (in a job's process); returns the count."""
    import torch

    threads = job_threads()
    torch.set_num_threads(threads)
    return threads
