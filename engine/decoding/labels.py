"""How a distinct candidate was sampled, in words for the people who judge it.

A strategy's spec carries the number of samples asked of it (``temperature:1.0x2``), and a merged candidate
counts the samples that gave its text, from any strategy: shown side by side they read "temperature:1.0x2 ×2",
or "greedy ×5" for a text that greedy gave once and four sampled rows repeated (seen on the Translate page).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from engine.decoding.candidates import SamplingStrategy


def decoding_name(spec: str) -> str:
    """A strategy spec without its sample count: ``temperature:1.0x2`` → ``temperature:1.0``; a spec that does not
    parse is returned as it is (labels never fail)."""
    try:
        return replace(SamplingStrategy.parse(spec), samples=1).name
    except ValueError:
        return spec


def candidate_origin(strategies: str | Iterable[str], n_samples: int) -> str:
    """Every strategy that wrote a candidate, once each and without sample counts, then how many samples gave it:
    ``greedy, temperature:0.7 · 5 samples`` (``strategies`` as a list or comma-joined, as the store keeps it)."""
    specs = strategies.split(",") if isinstance(strategies, str) else list(strategies)
    names = list(dict.fromkeys(decoding_name(s.strip()) for s in specs if s.strip()))
    samples = f" · {n_samples} samples" if n_samples > 1 else ""
    return (", ".join(names) or "unknown strategy") + samples
