"""Checks of the demo corpus: per triple (script, characters, length ratio) and per corpus (duplicates, splits).

``python -m engine.demo.corpus.check DOMAIN`` runs one domain module and prints its size, every problem and a
seeded sample of its sentences; ``python -m engine.demo.corpus.check --files`` checks the written TSV files.
"""

from __future__ import annotations

import argparse
import importlib
import random
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from engine.demo.corpus.common import Triple

ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F]")
ALLOWED_AR = re.compile(r"^[\u0621-\u063A\u0640-\u0652\u0670\u0671\u067E\u06A4\u06AF0-9 .,!?:;%'\"()/+\-–،؛؟«»٪×]+$")
BIDI_CONTROLS = re.compile(r"[\u200E\u200F\u202A-\u202E\u2066-\u2069]")
MIN_RATIO, MAX_RATIO = 0.35, 2.6
"""Allowed range of len(Arabic) / len(source), in characters."""
MAX_CHARS = 220


def triple_problems(t: Triple) -> list[str]:
    """Every problem of one triple, in words (empty when it is fine)."""
    problems: list[str] = []
    sides = [("en", t.en), ("ar", t.ar)] + ([("fr", t.fr)] if t.fr is not None else [])
    for name, text in sides:
        if not text or text != text.strip():
            problems.append(f"{name}: empty or padded with spaces")
        if "  " in text or "\t" in text or "\n" in text:
            problems.append(f"{name}: double space, tab or newline")
        if BIDI_CONTROLS.search(text) or any(unicodedata.category(c) == "Cc" for c in text):
            problems.append(f"{name}: control character")
        if len(text) > MAX_CHARS:
            problems.append(f"{name}: longer than {MAX_CHARS} characters")
    if not ARABIC_LETTER.search(t.ar):
        problems.append("ar: no Arabic letter")
    if LATIN_LETTER.search(t.ar):
        problems.append("ar: Latin letters (transliterate names into Arabic script)")
    elif not ALLOWED_AR.match(t.ar):
        bad = sorted({c for c in t.ar if not ALLOWED_AR.match(c)})
        problems.append(f"ar: unexpected characters {bad!r}")
    for name, text in (("en", t.en), ("fr", t.fr)):
        if text is not None and ARABIC_LETTER.search(text):
            problems.append(f"{name}: Arabic letters in the source")
        if text is not None and not LATIN_LETTER.search(text):
            problems.append(f"{name}: no Latin letter")
    for name, text in (("en", t.en), ("fr", t.fr)):
        if text:
            ratio = len(t.ar) / len(text)
            if not MIN_RATIO <= ratio <= MAX_RATIO:
                problems.append(f"ar/{name} length ratio {ratio:.2f} outside [{MIN_RATIO}, {MAX_RATIO}]")
    return problems


def corpus_problems(rows: Iterable[tuple[str, str, str]]) -> list[str]:
    """Problems of written (source, target, split) rows of one language pair: duplicates and split leaks."""
    problems: list[str] = []
    by_source: dict[str, set[str]] = {}
    by_pair: dict[tuple[str, str], set[str]] = {}
    counts: Counter[str] = Counter()
    for source, target, split in rows:
        counts[source] += 1
        by_source.setdefault(source, set()).add(split)
        by_pair.setdefault((source, target), set()).add(split)
    problems += [f"duplicate source: {s!r} ({n}×)" for s, n in counts.items() if n > 1]
    problems += [f"pair in splits {sorted(v)}: {k[0]!r}" for k, v in by_pair.items() if len(v) > 1]
    return problems


def _check_domain(name: str, show: int) -> int:
    module = importlib.import_module(f"engine.demo.corpus.domains.{name}")
    triples: list[Triple] = module.generate()
    bad = 0
    for t in triples:
        for p in triple_problems(t):
            bad += 1
            print(f"PROBLEM {p}: {t.en!r} | {t.fr!r} | {t.ar!r}")
    en = Counter(t.en for t in triples)
    fr = Counter(t.fr for t in triples if t.fr)
    dup_en = sum(n - 1 for n in en.values() if n > 1)
    dup_fr = sum(n - 1 for n in fr.values() if n > 1)
    print(f"{name}: {len(triples)} triples, {len(en)} distinct EN, {len(fr)} distinct FR, "
          f"{dup_en} repeated EN, {dup_fr} repeated FR, {bad} problems")
    for t in random.Random(0).sample(triples, min(show, len(triples))):
        print(f"  {t.en}\n  {t.fr}\n  {t.ar}\n")
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(prog="python -m engine demo check", description=__doc__)
    parser.add_argument("domain", nargs="?", help="a module of engine.demo.corpus.domains")
    parser.add_argument("--show", type=int, choices=range(0, 1001), metavar="N", default=20,
                        help="sample sentences to print (0 to 1000)")
    parser.add_argument("--files", action="store_true", help="check the written data/demo/*.tsv files")
    args = parser.parse_args(argv)
    if args.files:
        from engine.demo.corpus.build import check_files

        problems = check_files(Path(__file__).resolve().parents[3] / "data" / "demo")
        for p in problems:
            print(p)
        print(f"{len(problems)} problem(s)")
        return 1 if problems else 0
    if not args.domain:
        parser.error("name a domain or pass --files")
    domains = sorted(p.stem for p in (Path(__file__).parent / "domains").glob("*.py") if p.stem != "__init__")
    if args.domain not in domains:
        parser.error(f"no domain {args.domain!r}: one of {', '.join(domains)}")
    return _check_domain(args.domain, args.show)


if __name__ == "__main__":
    sys.exit(main())
