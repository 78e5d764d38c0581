"""The demo corpus generator: everyday EN/FR→AR sentences written for this project.

Each module in :mod:`engine.demo.corpus.domains` writes the sentences of one or a few everyday domains as
(English, French, Arabic) triples — templates over a small lexicon whose Arabic forms carry the right gender,
number (dual included), definiteness and verb agreement, plus hand-written sentences. Nothing is copied from
another corpus. :mod:`engine.demo.corpus.build` gathers every domain, checks every triple
(:mod:`engine.demo.corpus.check`), removes duplicates, fixes the train/valid/test split of each triple by a
hash of its Arabic side and writes ``data/demo/{en-ar,fr-ar}.{train,valid,test}.tsv``.

Run it with ``python -m engine.demo.corpus.build`` (deterministic: the same code writes the same files).
"""
