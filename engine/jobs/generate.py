"""The ``generate`` job: the SFT model samples several candidate translations per source.

Sources come from a corpus split (all, or a seeded sample of N) exported by ``prepare``. Candidates are
written in chunks (``outputs/candidates/chunk-*.parquet``, each written atomically); the chunks double as
checkpoints, so a resumed run skips the sources already done. At the end the studio loads every chunk
into its ``candidates`` table.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from engine.glossary.files import GLOSSARY_INPUT
from engine.jobs.chunks import chunk_files, missing_note, read_chunk, write_chunk
from engine.jobs.config import SEED_MAX, setting
from engine.jobs.context import JobContext
from engine.jobs.kinds import JobKind
from engine.jobs.precision import inference_model, precision_setting, resolve_precision
from engine.jobs.threads import use_job_threads
from engine.models.refs import ModelRef, resolve_model

DEFAULT_STRATEGIES = ["greedy", "beam:4", "temperature:0.7", "temperature:1.0", "top_k:20", "top_p:0.9"]
CANDIDATE_SCHEMA = pa.schema([
    ("cand_id", pa.int32()), ("corpus_id", pa.int32()), ("seg_id", pa.int32()), ("pair", pa.string()),
    ("split", pa.string()), ("source", pa.string()), ("reference", pa.string()), ("prompt", pa.string()),
    ("text", pa.string()), ("strategy", pa.string()), ("params", pa.string()), ("n_samples", pa.int32()),
    ("strategies", pa.string()),
])


@dataclass
class GenerateConfig:
    """Settings of a generate run."""

    model: str = setting("", "Registered policy model that samples the candidates (the SFT model for cold start).")
    corpus_ids: list[int] = setting([], "Corpora whose sources are translated.")
    split: str = setting("train", "Which split's sources to use.", choices=("train", "valid", "test", "all"))
    sample_size: int = setting(0, "Translate a seeded random sample of this many sources (0 = all).", min=0)
    strategies: list = setting(list(DEFAULT_STRATEGIES),
                               "Sampling strategies, each one candidate (xN for N): greedy, beam:4, temperature:0.8, "
                               "top_k:20, top_p:0.9x2. Between 3 and 8 candidates per source in all.")
    max_new_tokens: int = setting(64, "Longest candidate, in tokens.", min=4, max=1024)
    batch_size: int = setting(48, "Sources decoded together (each batch yields sources × samples candidates).",
                              min=1, max=512, advanced=True)
    chunk_sources: int = setting(256, "Sources per saved chunk (a chunk is also a checkpoint; on the CPU its batches "
                                      "are shared by one decoding process per core).", min=1, advanced=True)
    seed: int = setting(0, "Seed of the source sample and of the sampling.", min=0, max=SEED_MAX, advanced=True)
    precision: str = precision_setting()
    glossaries: list = setting([], "Glossaries whose terms an instruction-format model gets in its prompt (the "
                                   "studio's tag-format models ignore them; Data page → Glossaries).",
                               advanced=True, label="Glossaries")


def _candidate_count(strategies: list) -> int:
    from engine.decoding.candidates import parse_strategies

    return sum(s.samples for s in parse_strategies(strategies))


def check(config: GenerateConfig) -> None:
    """The strategies can be read and give 3–8 candidates per source."""
    n = _candidate_count(config.strategies)
    if not 3 <= n <= 8:
        raise ValueError(f"the strategies give {n} candidate{'' if n == 1 else 's'} per source; choose between 3 and 8")


def prepare(config: GenerateConfig, store, run_dir: Path) -> None:
    """Export the sources and the model reference into ``inputs/``."""
    ref = resolve_model(store, config.model)
    if ref.kind != "policy":
        raise ValueError(f"{config.model} is a {ref.kind} model; choose a policy model")
    ref.save(run_dir / "inputs" / "model.json")
    splits = ("train", "valid", "test") if config.split == "all" else (config.split,)
    n = store.corpora.export([int(i) for i in config.corpus_ids], splits, run_dir / "inputs" / "sources.parquet",
                             limit=config.sample_size or None, seed=config.seed)
    if n == 0:
        raise ValueError("the chosen corpora have no sources in that split")
    if config.glossaries:
        from engine.glossary.export import export_glossaries

        export_glossaries(store, config.glossaries, run_dir / "inputs" / GLOSSARY_INPUT)


def _prompt_terms(glossary_file: Path, prompt_format: str, ctx: JobContext):
    """``terms_of(source, pair)``: the glossary terms for an instruction prompt (none without a glossary file or
    for a tag-format model)."""
    from engine.glossary.prompt import prompt_accepts_terms, prompt_terms

    if not glossary_file.is_file():
        return lambda source, pair: []
    if not prompt_accepts_terms(prompt_format):
        ctx.log(f"glossary terms are not put in the prompt: a {prompt_format}-format model cannot read them")
        return lambda source, pair: []
    from engine.glossary.files import index_from_file

    indexes: dict[str, object] = {}

    def terms_of(source: str, pair: str) -> list[tuple[str, str]]:
        if pair not in indexes:
            indexes[pair] = index_from_file(glossary_file, pair)
        return prompt_terms(indexes[pair].applicable(source))

    return terms_of


def _done_sources(chunk_dir: Path) -> tuple[set[tuple[int, int]], int]:
    done, next_id = set(), 0
    for chunk in chunk_files(chunk_dir, "parquet"):
        table = read_chunk(chunk, lambda p: pq.read_table(p, columns=["cand_id", "corpus_id", "seg_id"]),
                           "outputs/candidates")
        done.update(zip(table["corpus_id"].to_pylist(), table["seg_id"].to_pylist(), strict=True))
        if table.num_rows:
            next_id = max(next_id, max(table["cand_id"].to_pylist()) + 1)
    return done, next_id


def _write_chunk(chunk_dir: Path, rows: list[dict]) -> None:
    write_chunk(chunk_dir, "parquet", lambda tmp: pq.write_table(pa.Table.from_pylist(rows, schema=CANDIDATE_SCHEMA),
                                                                 tmp))


def run(config: GenerateConfig, ctx: JobContext) -> None:
    """Sample candidates chunk by chunk; resumable; announce the candidates for ingestion at the end."""
    from engine.decoding.candidates import generate_candidates, parse_strategies
    from engine.decoding.processes import decoding_processes
    from engine.models.loading import load_tokenizer
    from engine.models.prompting import build_prompt

    use_job_threads()
    strategies = parse_strategies(config.strategies)
    ref = ModelRef.load(ctx.inputs_dir / "model.json")
    sources = pq.read_table(ctx.inputs_dir / "sources.parquet").to_pylist()
    chunk_dir = ctx.output_dir / "candidates"
    chunk_dir.mkdir(exist_ok=True)
    done, next_id = _done_sources(chunk_dir)
    todo = [s for s in sources if (s["corpus_id"], s["seg_id"]) not in done]
    if done:
        ctx.log(f"resumed: {len(done)} sources already done, {len(todo)} to go")
    ctx.log(f"loading {ref.name} from {ref.path}")
    tokenizer = load_tokenizer(ref.path, trust_remote_code=ref.trust_remote_code)
    precision = resolve_precision(config.precision)
    ctx.log(precision.describe())
    model = inference_model(ref.path, precision, trust_remote_code=ref.trust_remote_code)
    processes = decoding_processes(model, ctx.log)
    terms_of = _prompt_terms(ctx.inputs_dir / GLOSSARY_INPUT, ref.prompt_format, ctx)
    total, t0, tokens = len(sources), time.time(), 0
    ctx.progress(len(done), total, unit="sources", message=f"{len(strategies)} strategies, "
                 f"{sum(s.samples for s in strategies)} samples per source")
    for start in range(0, len(todo), config.chunk_sources):
        ctx.raise_if_cancelled()
        chunk = todo[start:start + config.chunk_sources]
        before = total - len(todo) + start
        batch_work = {"done": 0, "tokens": tokens}

        def on_batch(n_sources: int, new_tokens: int, chunk_size: int = len(chunk), before: int = before,
                     work: dict = batch_work) -> None:
            # every batch of every strategy moves the bar: a chunk (128 sources by default) took minutes
            work["done"] += n_sources
            work["tokens"] += new_tokens
            elapsed = max(time.time() - t0, 1e-6)
            finished = before + work["done"] / len(strategies)
            ctx.progress(finished, total, unit="sources", tokens_per_s=work["tokens"] / elapsed,
                         message=f"{work['done'] / len(strategies):.0f} of {chunk_size} sources of this chunk · "
                                 f"{work['tokens'] / elapsed:.0f} tokens/s")

        terms = [terms_of(s["source"], s["pair"]) for s in chunk]
        candidates = generate_candidates(
            model, tokenizer, [s["source"] for s in chunk], [s["pair"] for s in chunk], strategies,
            prompt_format=ref.prompt_format, batch_size=config.batch_size, max_new_tokens=config.max_new_tokens,
            # seeded by the chunk's place in the whole source list, not in what is left: a resumed run draws what
            # an uninterrupted one would
            seed=config.seed + before, on_batch=on_batch, terms=terms, processes=processes,
        )
        rows = []
        for src, cands, src_terms in zip(chunk, candidates, terms, strict=True):
            prompt = build_prompt(src["source"], src["pair"], ref.prompt_format, tokenizer, src_terms)
            for cand in cands:
                tokens += cand.new_tokens * cand.count
                rows.append({"cand_id": next_id, "corpus_id": src["corpus_id"], "seg_id": src["seg_id"],
                             "pair": src["pair"], "split": src["split"], "source": src["source"],
                             "reference": src["target"], "prompt": prompt, "text": cand.text,
                             "strategy": cand.strategy, "params": json.dumps(cand.params), "n_samples": cand.count,
                             "strategies": ",".join(cand.strategies)})
                next_id += 1
        _write_chunk(chunk_dir, rows)
        finished = total - len(todo) + start + len(chunk)
        elapsed = max(time.time() - t0, 1e-6)
        rate = (start + len(chunk)) / elapsed
        ctx.progress(finished, total, unit="sources", sources_per_s=rate, tokens_per_s=tokens / elapsed,
                     message=f"{rate:.1f} sources/s · {tokens / elapsed:.0f} tokens/s")
        ctx.metric(finished, sources_per_s=rate, tokens_per_s=tokens / elapsed,
                   distinct_per_source=len(rows) / len(chunk))
        if finished == total or (start // config.chunk_sources) % 5 == 0:
            sample = rows[0]
            ctx.log(f"sample: {sample['source']} → {sample['text']} ({sample['strategy']})")
    covered, _ = _done_sources(chunk_dir)
    missing = len({(s["corpus_id"], s["seg_id"]) for s in sources} - covered)
    if missing:
        raise RuntimeError(missing_note(missing, total, "outputs/candidates"))
    ctx.artifact("candidates", path=str(chunk_dir), chunks=len(chunk_files(chunk_dir, "parquet")), model=ref.name)
    ctx.log(f"{next_id} distinct candidates for {total} sources")


KIND = JobKind(
    name="generate", title="Generate candidates",
    description="The policy samples 3–8 candidate translations per source with varied decoding strategies.",
    config_cls=GenerateConfig, run=run, prepare=prepare, check=check,
    resumes_from_outputs=True,
)
