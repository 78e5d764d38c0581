"""Dropping the sources a policy already translates (engine.rl.solved), on the tiny policy for real."""

from __future__ import annotations

import pytest

from engine.decoding.greedy import greedy_translate
from engine.models.loading import load_causal_lm, load_tokenizer
from engine.rl.solved import drop_solved, greedy_chrf

SOURCES = ["Good morning.", "Where is the station?", "Bonjour à tous.", "The tea is hot.", "Il pleut.",
           "See you tomorrow."]
PAIRS = ["en-ar", "en-ar", "fr-ar", "en-ar", "fr-ar", "en-ar"]


@pytest.fixture(scope="module")
def tiny(tiny_policy_dir):
    return load_causal_lm(tiny_policy_dir), load_tokenizer(tiny_policy_dir)


def test_sources_translated_exactly_are_dropped_and_the_rest_kept(tiny):
    model, tokenizer = tiny
    greedy = greedy_translate(model, tokenizer, SOURCES, PAIRS, "tags", max_new_tokens=12)
    assert all(text.strip() for text in greedy), greedy
    # even rows: the reference is what the policy writes; odd rows: a reference it does not write
    rows = [{"source": s, "pair": p, "target": g if i % 2 == 0 else "مرحبا بكم في المحطة"}
            for i, (s, p, g) in enumerate(zip(SOURCES, PAIRS, greedy, strict=True))]
    rows.append({"source": "No reference here.", "pair": "en-ar", "target": ""})
    scores = greedy_chrf(model, tokenizer, rows[:-1], "tags", max_new_tokens=12)
    assert [s == pytest.approx(100.0) for s in scores] == [True, False] * 3, scores

    kept = drop_solved(model, tokenizer, rows, "tags", threshold=100.0, max_new_tokens=12)
    assert [r["source"] for r in kept.rows] == [SOURCES[1], SOURCES[3], SOURCES[5], "No reference here."]
    assert (kept.dropped, kept.total) == (3, 7)
    assert "dropped 3 of 7 sources" in kept.describe() and "4 left" in kept.describe()
    # a threshold no translation reaches keeps everything
    assert drop_solved(model, tokenizer, rows, "tags", threshold=100.5, max_new_tokens=12).dropped == 0


class _Log:
    """Where the job's helper writes its progress and log lines (a JobContext's two methods)."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def log(self, message: str) -> None:
        self.lines.append(message)

    def progress(self, *args, **kwargs) -> None:
        pass


def test_the_grpo_job_refuses_to_train_when_every_source_is_solved(tiny):
    from engine.jobs.grpo import GrpoJobConfig, _unsolved
    from engine.jobs.precision import resolve_precision

    model, tokenizer = tiny
    greedy = greedy_translate(model, tokenizer, SOURCES[:3], PAIRS[:3], "tags", max_new_tokens=12)
    rows = [{"source": s, "pair": p, "target": g} for s, p, g in zip(SOURCES[:3], PAIRS[:3], greedy, strict=True)]
    config = GrpoJobConfig(max_completion_length=12, drop_solved_at=100.0)
    log = _Log()
    with pytest.raises(ValueError, match="nothing left to learn"):
        _unsolved(config, log, model, tokenizer, rows, "tags", resolve_precision("fp32"))
    assert log.lines == ["dropped 3 of 3 sources the policy already translates at sentence chrF ≥ 100 (greedy, "
                         "against the reference); 0 left"]
    # off: every row kept, no pass
    assert _unsolved(GrpoJobConfig(drop_solved_at=0.0), log, model, tokenizer, rows, "tags",
                     resolve_precision("fp32")) == rows and len(log.lines) == 1
