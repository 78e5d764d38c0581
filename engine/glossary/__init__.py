"""Glossaries: terminology per language pair, checked in sources and translations (headless, no Streamlit).

::

    from engine.glossary import TermIndex, parse_glossary

    parsed = parse_glossary(data, "tsv", "en-ar")          # entries, or every bad line with its reason
    index = TermIndex(("health", e) for e in parsed.entries)
    index.score("The nurses waited.", "انتظرت الممرضات.")  # TermScore(applicable=1, kept=..., checks=...)

Parsing: :mod:`.parsing`; source-side matching (case, accents, inflection, French elision):
:mod:`.source_match`; Arabic-side matching (normalisation, clitics): :mod:`.target_match`; applicable terms and
scores: :mod:`.terms`; the file that carries the switched-on entries into a job: :mod:`.files`; instruction
prompts with terms: :mod:`.prompt`.
"""

from engine.glossary.files import read_entries, write_entries
from engine.glossary.parsing import GlossaryEntry, ParsedGlossary, glossary_format, parse_glossary
from engine.glossary.terms import AppliedTerm, TermCheck, TermIndex, TermScore, corpus_share

__all__ = [
    "AppliedTerm",
    "GlossaryEntry",
    "ParsedGlossary",
    "TermCheck",
    "TermIndex",
    "TermScore",
    "corpus_share",
    "glossary_format",
    "parse_glossary",
    "read_entries",
    "write_entries",
]
