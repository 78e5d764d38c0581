"""Gather every domain of the demo corpus, check it, fix its splits and write ``data/demo/*.tsv``.

``python -m engine.demo.corpus.build`` (re)writes, for each language pair, ``{pair}.train.tsv``,
``{pair}.valid.tsv``, ``{pair}.test.tsv`` and ``{pair}.prefs.tsv`` (two columns: source, Arabic target; no
header) and
``manifest.json`` (counts per pair, split and domain, and each file's SHA-256). The split of a triple is fixed
by a hash of its normalised Arabic side, so an English and a French sentence with the same Arabic
translation always fall in the same split (no test target is ever seen in training through the other pair),
and a rebuild after adding sentences moves no existing sentence to another split.

``prefs`` is held out of the demo SFT model's training like valid and test, but it is not for measuring: it is
the pool of fresh sources for the RLHF stages (synthetic preferences, simulated feedback), on which the SFT
model's outputs are not memorised references.

The hand-written pairs of the first demo corpus (``data/demo/handwritten/*.tsv``) are included too.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from engine.demo.corpus.check import corpus_problems, triple_problems
from engine.demo.corpus.common import Triple
from engine.demo.corpus.domains import DOMAINS
from engine.export_folders import check_replaceable

DEMO_DIR = Path(__file__).resolve().parents[3] / "data" / "demo"
SHARED_CORPORA = Path(__file__).resolve().parents[4] / "shared" / "corpora"
"""The openly licensed corpora beside the checkout: the demo corpus must not repeat any of their sentences."""
HANDWRITTEN_DIR = DEMO_DIR / "handwritten"
PAIRS: tuple[str, ...] = ("en-ar", "fr-ar")
SPLITS: tuple[str, ...] = ("train", "valid", "test", "prefs")
SPLIT_SHARES = {"test": 0.05, "valid": 0.04, "prefs": 0.15}
"""Share of Arabic targets in test, valid and prefs; the rest is train."""
SPLIT_SALT = "tarjama-demo-v1"


@dataclass(frozen=True)
class Row:
    """One written pair: source, Arabic target, language pair, domain."""

    source: str
    target: str
    pair: str
    domain: str


def arabic_key(text: str) -> str:
    """The Arabic side as the split sees it: NFKC, no diacritics or tatweel, no punctuation, single spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(c for c in text if not ("\u064B" <= c <= "\u0652" or c == "\u0640"))
    text = "".join(c if c.isalnum() or c.isspace() else " " for c in text)
    return " ".join(text.split())


def split_of(target: str) -> str:
    """The split of an Arabic target: a fixed function of its normalised text."""
    digest = hashlib.sha256(f"{SPLIT_SALT}\x1f{arabic_key(target)}".encode()).digest()
    u = int.from_bytes(digest[:8], "big") / 2**64
    if u < SPLIT_SHARES["test"]:
        return "test"
    if u < SPLIT_SHARES["test"] + SPLIT_SHARES["valid"]:
        return "valid"
    if u < SPLIT_SHARES["test"] + SPLIT_SHARES["valid"] + SPLIT_SHARES["prefs"]:
        return "prefs"
    return "train"


def generated_triples() -> tuple[list[Triple], list[str]]:
    """The triples of every domain module that pass :func:`triple_problems`, and the problems of the others."""
    triples: list[Triple] = []
    problems: list[str] = []
    for name in DOMAINS:
        module = importlib.import_module(f"engine.demo.corpus.domains.{name}")
        for t in module.generate():
            found = triple_problems(t)
            if found:
                problems += [f"{name}: {p}: {t.en!r}" for p in found]
            else:
                triples.append(t)
    return triples, problems


def handwritten_rows() -> list[Row]:
    """The hand-written pairs of ``data/demo/handwritten/{pair}.*.tsv``."""
    rows = []
    for pair in PAIRS:
        for path in sorted(HANDWRITTEN_DIR.glob(f"{pair}.*.tsv")):
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    source, target = line.split("\t")
                    rows.append(Row(source.strip(), target.strip(), pair, f"handwritten:{path.stem.split('.')[1]}"))
    return rows


def shared_sentences(root: Path = SHARED_CORPORA) -> set[str] | None:
    """Every sentence (either column) of the TSV files under ``root``; ``None`` when the folder is absent."""
    if not root.is_dir():
        return None
    found: set[str] = set()
    for path in sorted(root.rglob("*.tsv")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            found.update(" ".join(part.split()) for part in line.split("\t")[:2] if part.strip())
    return found


def repeats_shared(row: Row, shared: set[str]) -> bool:
    """Whether the row's source or target is a sentence of the shared corpora (independently written everyday
    phrases like "What time is it?" do coincide with Tatoeba's; the demo corpus leaves them out)."""
    return " ".join(row.source.split()) in shared or " ".join(row.target.split()) in shared


def all_rows() -> tuple[list[Row], list[str]]:
    """Every pair of both language pairs, de-duplicated by source (first kept), without any pair that repeats a
    sentence of the shared corpora (when they are beside the checkout), and the problems found."""
    triples, problems = generated_triples()
    rows = []
    for r in handwritten_rows():
        found = triple_problems(Triple(en=r.source, fr=None, ar=r.target, domain=r.domain))
        if found:
            problems += [f"{r.domain}: {p}: {r.source!r}" for p in found]
        else:
            rows.append(r)
    for t in triples:
        rows.append(Row(t.en, t.ar, "en-ar", t.domain))
        if t.fr:
            rows.append(Row(t.fr, t.ar, "fr-ar", t.domain))
    shared = shared_sentences()
    if shared is None:
        problems.append(f"{SHARED_CORPORA} is missing: the corpus was not checked against the shared corpora")
    seen: set[tuple[str, str]] = set()
    unique = []
    for r in rows:
        if shared and repeats_shared(r, shared):
            problems.append(f"{r.domain}: repeats a sentence of the shared corpora: {r.source!r}")
            continue
        if (r.pair, r.source) not in seen:
            seen.add((r.pair, r.source))
            unique.append(r)
    return unique, problems


def is_demo_corpus_folder(folder: Path) -> bool:
    """Whether ``folder`` is empty or holds a demo corpus this generator wrote — its ``manifest.json`` names the split
    salt, from the start of a build (a build stopped half way is one): the only folders :func:`write_corpus` replaces
    files in."""
    if not any(folder.iterdir()):
        return True
    try:
        return json.loads((folder / "manifest.json").read_text(encoding="utf-8")).get("split_salt") == SPLIT_SALT
    except (OSError, ValueError, AttributeError):
        return False


def write_corpus(out_dir: Path = DEMO_DIR) -> dict:
    """Write the split files and ``manifest.json`` into ``out_dir`` (made when missing); returns the manifest.
    A folder holding anything but an earlier demo corpus is refused (``NotAnEarlierExport``): the user's own
    ``manifest.json`` and ``en-ar.train.tsv`` were replaced without a word."""
    check_replaceable(out_dir, "the demo corpus", is_demo_corpus_folder)
    out_dir.mkdir(parents=True, exist_ok=True)  # "No such file or directory: /tmp/new/en-ar.train.tsv", exit 3
    manifest_path = out_dir / "manifest.json"
    if not manifest_path.is_file():  # marks the folder as the generator's before any file: a stopped build reruns
        manifest_path.write_text(json.dumps({"split_salt": SPLIT_SALT, "building": True}) + "\n", encoding="utf-8")
    rows, problems = all_rows()
    manifest: dict = {"pairs": {}, "rejected_triples": len(problems), "split_salt": SPLIT_SALT}
    for pair in PAIRS:
        per_split: dict[str, list[Row]] = {s: [] for s in SPLITS}
        for r in rows:
            if r.pair == pair:
                per_split[split_of(r.target)].append(r)
        entry: dict = {}
        for split, split_rows in per_split.items():
            path = out_dir / f"{pair}.{split}.tsv"
            text = "".join(f"{r.source}\t{r.target}\n" for r in split_rows)
            path.write_text(text, encoding="utf-8")
            entry[split] = {
                "rows": len(split_rows),
                "sha256": hashlib.sha256(text.encode()).hexdigest(),
                "domains": dict(sorted(Counter(r.domain.split(":")[0] for r in split_rows).items())),
            }
        manifest["pairs"][pair] = entry
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest


def read_split_files(demo_dir: Path = DEMO_DIR) -> dict[str, list[tuple[str, str, str]]]:
    """``{pair: [(source, target, split), ...]}`` from the written files."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for pair in PAIRS:
        rows = []
        for split in SPLITS:
            path = demo_dir / f"{pair}.{split}.tsv"
            for line in path.read_text(encoding="utf-8").splitlines():
                source, target = line.split("\t")
                rows.append((source, target, split))
        out[pair] = rows
    return out


def check_files(demo_dir: Path = DEMO_DIR) -> list[str]:
    """Every problem of the written corpus: per pair (script, characters, ratio), duplicates, split leaks.

    Also checks that no Arabic target sits in two splits across both language pairs, and that every file
    matches the manifest's hash (the files were written by :func:`write_corpus`, not edited by hand).
    """
    problems: list[str] = []
    files = read_split_files(demo_dir)
    split_of_target: dict[str, set[str]] = {}
    for pair, rows in files.items():
        problems += [f"{pair}: {p}" for p in corpus_problems(rows)]
        for source, target, split in rows:
            t = Triple(en=source, fr=None, ar=target, domain=pair)
            problems += [f"{pair} {split}: {p}: {source!r}" for p in triple_problems(t)]
            split_of_target.setdefault(arabic_key(target), set()).add(split)
    problems += [f"Arabic target in splits {sorted(s)}: {k!r}" for k, s in split_of_target.items() if len(s) > 1]
    shared = shared_sentences()
    if shared:
        problems += [f"{pair}: repeats a sentence of the shared corpora: {source!r}" for pair, rows in files.items()
                     for source, target, _ in rows if repeats_shared(Row(source, target, pair, ""), shared)]
    manifest = json.loads((demo_dir / "manifest.json").read_text(encoding="utf-8"))
    for pair in PAIRS:
        for split in SPLITS:
            text = (demo_dir / f"{pair}.{split}.tsv").read_text(encoding="utf-8")
            if hashlib.sha256(text.encode()).hexdigest() != manifest["pairs"][pair][split]["sha256"]:
                problems.append(f"{pair}.{split}.tsv differs from manifest.json (rebuild with the generator)")
    return problems


def main(argv: list[str] | None = None) -> int:
    """Command line entry point: write the corpus and print its counts."""
    parser = argparse.ArgumentParser(prog="python -m engine demo corpus", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEMO_DIR, help="folder to write the files into")
    args = parser.parse_args(argv)
    try:
        manifest = write_corpus(args.out)
    except ValueError as exc:  # not a folder of the demo corpus
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for pair, entry in manifest["pairs"].items():
        print(pair, {split: e["rows"] for split, e in entry.items()})
    print(f"{manifest['rejected_triples']} generated triple(s) rejected by the checks")
    problems = check_files(args.out)
    for p in problems[:50]:
        print(p)
    print(f"{len(problems)} problem(s) in the written files")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
