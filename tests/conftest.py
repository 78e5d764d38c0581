"""Shared fixtures: a temporary workspace and store, and a supervisor with a fast heartbeat."""

from __future__ import annotations

import contextlib
import os
import random
import time

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
# Jobs started by the tests compute on one torch thread each (engine/jobs/threads.py): two workers on two cores, each
# running jobs (and the browser tests' studio and Chromium) beside the other, made every job's threads wait for each
# other at every operator. A test that needs a job's threads sets the variable itself.
os.environ.setdefault("TARJAMA_JOB_THREADS", "1")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from engine.store import Store  # noqa: E402
from engine.workspace import Workspace  # noqa: E402

SHARED_CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    """An empty workspace under the test's tmp folder (also exported as $TARJAMA_HOME)."""
    ws = Workspace(tmp_path / "workspace").ensure()
    monkeypatch.setenv("TARJAMA_HOME", str(ws.root))
    return ws


@pytest.fixture(scope="session", autouse=True)
def torch_threads_of_a_job():
    """Each test process computes on ``TARJAMA_JOB_THREADS`` torch threads (1 in the suite, see above), as the jobs
    it starts do; a test that needs more sets them itself, and restores them."""
    import torch

    from engine.jobs.threads import job_threads

    torch.set_num_threads(job_threads())


@pytest.fixture
def one_torch_thread():
    """Torch on one thread for the test: tiny models gain nothing from threads, and on a busy 2-core machine two
    spinning OpenMP threads stall each other (~10× slower)."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.fixture
def store(workspace: Workspace) -> Store:
    """A migrated store in the temporary workspace."""
    s = Store(workspace.db_path)
    yield s
    s.close()


@pytest.fixture
def supervisor(store: Store, workspace: Workspace):
    """A supervisor whose jobs beat every 0.2 s and are declared dead after 6 s of silence (at 3 s a healthy reward
    job of a fresh-clone run was killed as hung: its machine paused ~3 s — a virtual-machine snapshot, in dmesg —
    shorter than the gap between two polls that restarts the watch)."""
    from engine.jobs.supervisor import Supervisor

    sup = Supervisor(store, workspace, kill_after_s=10, stale_after_s=6, heartbeat_s=0.2)
    yield sup
    for run in store.runs.active():  # never leave a job process behind a test
        with contextlib.suppress(Exception):
            sup.cancel_and_wait(run["id"], timeout_s=15)


DEMO_DIR = Path(__file__).resolve().parents[1] / "data" / "demo" / "handwritten"


def demo_pairs(limit: int = 200) -> list[tuple[str, str, str]]:
    """(source, target, pair) rows from the hand-written part of the demo corpus (EN and FR), ``limit`` of each
    file."""
    rows = []
    for path in sorted(DEMO_DIR.glob("*.tsv")):
        pair = path.name.split(".")[0]
        for line in path.read_text(encoding="utf-8").splitlines()[:limit]:
            src, tgt = line.split("\t")
            rows.append((src, tgt, pair))
    return rows


@pytest.fixture(scope="session")
def tiny_policy_dir(tmp_path_factory) -> Path:
    """A tiny Gemma-2 policy (random weights) with a BPE tokenizer trained on the demo corpus, saved as the
    bootstrap job saves its models (safetensors + tokenizer + tarjama.json)."""
    import torch

    from engine.models.demo import build_model, gemma2_config, train_bpe_tokenizer
    from engine.models.prompting import write_model_card

    folder = tmp_path_factory.mktemp("tiny-policy")
    rows = demo_pairs()
    tokenizer = train_bpe_tokenizer([t for s, a, _ in rows for t in (s, a)], vocab_size=600)
    torch.manual_seed(0)
    model = build_model(gemma2_config(len(tokenizer), "tiny"))
    model.save_pretrained(folder, safe_serialization=True)
    tokenizer.save_pretrained(folder)
    write_model_card(folder, "tags", created_by="tests")
    return folder


@pytest.fixture
def tiny_policy(store, tiny_policy_dir) -> str:
    """The tiny policy registered as the SFT model of the test's store; returns its name."""
    store.models.register("tiny-sft", "policy", str(tiny_policy_dir), stage="sft",
                          metadata={"prompt_format": "tags"})
    return "tiny-sft"


@pytest.fixture
def demo_corpus(store) -> int:
    """A small EN/FR→AR corpus from the demo files in the test's store; returns its id."""
    return add_demo_corpus(store)


def add_demo_corpus(store, name: str = "demo-small") -> int:
    """What :func:`demo_corpus` adds (under another ``name`` for a second one), for a helper that needs a corpus
    without the fixture."""
    import pyarrow as pa

    rows = [{"line": i + 1, "source": s, "target": t, "pair": p, "split": ("valid", "test", "train", "train")[i % 4],
             "norm_key": f"{s}\n{t}"} for i, (s, t, p) in enumerate(demo_pairs(60))]
    return store.corpora.add(name, "en-ar", pa.Table.from_pylist(rows))


def corrupted(text: str, rng: random.Random) -> str:
    """A worse translation: words dropped and shuffled, a Latin word mixed in."""
    words = text.split()
    rng.shuffle(words)
    return " ".join(words[: max(1, len(words) // 2)] + ["the"])


def learnable_pair_rows(n_sources: int = 40) -> list[dict]:
    """Pairs with a learnable signal: the reference translation chosen, a corrupted copy rejected."""
    from engine.models.prompting import build_prompt

    rng = random.Random(0)
    rows = []
    for i, (src, tgt, pair) in enumerate(demo_pairs(n_sources)):
        rows.append({"group_key": f"1:{i}", "pair": pair, "source": src, "prompt": build_prompt(src, pair, "tags"),
                     "chosen": tgt, "rejected": corrupted(tgt, rng), "margin": 0.5, "chosen_quality": 0.8,
                     "rejected_quality": 0.3, "chosen_cand": 2 * i, "rejected_cand": 2 * i + 1,
                     "split": "valid" if i % 5 == 0 else "train", "strategy": "best_vs_worst", "scores": "{}"})
    return rows


def store_pair_set(store, folder: Path, run_id: str = "score-fixture", n_sources: int = 40) -> str:
    """Load :func:`learnable_pair_rows` into ``store`` as the pairs of ``run_id``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = folder / f"{run_id}.parquet"
    pq.write_table(pa.Table.from_pylist(learnable_pair_rows(n_sources)), path)
    with store.db.transaction() as cur:
        store.preferences.load_pairs(cur, run_id, "synthetic", None, path)
    return run_id


@pytest.fixture
def pair_set(store, tmp_path) -> str:
    """~120 learnable pairs stored as the pairs of a score run id."""
    return store_pair_set(store, tmp_path)


@pytest.fixture
def tiny_rm(store, tiny_policy_dir, tmp_path) -> str:
    """A reward model (random head) on the tiny policy's backbone, registered as ``tiny-rm``."""
    from engine.models.loading import load_tokenizer
    from engine.reward.model import build_reward_model, save_reward_model

    tok = load_tokenizer(tiny_policy_dir)
    folder = save_reward_model(build_reward_model(tiny_policy_dir, pad_token_id=tok.pad_token_id), tok,
                               tmp_path / "rm", prompt_format="tags")
    store.models.register("tiny-rm", "reward", str(folder), metadata={"prompt_format": "tags"})
    return "tiny-rm"


def seed_feedback(store, n_sources: int = 40, linguists: tuple[str, ...] = ("Amina", "Karim"),
                  model: str = "tiny-sft", rm: str | None = "tiny-rm") -> int:
    """Judgements with a learnable signal, as linguists would give them on the Translate page: per demo source,
    three candidates (two corrupted copies of the reference ranked above it by the reward model, and the
    reference); the linguists rank the reference first, pick it as best, or post-edit the top candidate into the
    reference, in turn. Returns the number of judgements stored."""
    from engine.feedback.interactive import RankedCandidate, Translation, record
    from engine.feedback.judgements import Judgement, new_submission_id, submit

    rng = random.Random(1)
    n = 0
    for i, (src, tgt, pair) in enumerate(demo_pairs(n_sources)):
        texts = [corrupted(tgt, rng), corrupted(tgt, rng) + " x", tgt]
        if len(set(texts)) < 3:
            continue
        cands = [RankedCandidate(t, 1.0 - 0.2 * k, "temperature:1.0", ["temperature:1.0"], 1)
                 for k, t in enumerate(texts)]
        translation = Translation(source=src, pair=pair, model=model, rm=rm, strategies=["temperature:1.0"],
                                  settings={"max_new_tokens": 16}, candidates=cands, generate_s=0.1, score_s=0.01)
        request_id = record(store, translation, linguist=None)
        linguist = linguists[i % len(linguists)]
        kind = ("ranking", "best", "post_edit")[i % 3]
        judgement = Judgement(new_submission_id(), request_id, linguist, kind, shown=[0, 1, 2],
                              ranking=[2, 0, 1] if kind == "ranking" else None, best=2 if kind == "best" else None,
                              correction=tgt if kind == "post_edit" else None)
        submit(store, judgement)
        n += 1
    return n


def new_run(store, workspace, run_id: str = "r1", kind: str = "bootstrap", title: str = "t") -> Path:
    """A run's row and its empty folder, as ``Supervisor.create`` leaves them before a launch; returns the folder."""
    run_dir = workspace.run_dir(run_id)
    run_dir.mkdir(parents=True)
    store.runs.create(run_id, kind, title, {}, str(run_dir))
    return run_dir


def wait_for(predicate, timeout=120, what="condition"):
    """Poll ``predicate`` every 0.2 s until it holds; fail the test after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def progressed(supervisor, run_id, at_least=1):
    """A predicate for :func:`wait_for`: the run is running and has reported at least ``at_least`` units done."""
    def check():
        supervisor.poll()
        run = supervisor.store.runs.get(run_id)
        return (run["progress_done"] or 0) >= at_least and run["status"] == "running"
    return check
