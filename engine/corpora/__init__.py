"""Parallel corpora: parsing uploads, validation, normalisation, de-duplication and splits.

Headless (no Streamlit). The entry point is :func:`prepare_corpus`::

    corpus = prepare_corpus(data, PrepareOptions(format="tsv", pair="en-ar"))   # or CorpusRejected
    corpus.table   # pyarrow.Table: line, source, target, pair, norm_key, split
"""

from .formats import FORMATS, ParsedRows, UnsafeFilename, detect_format, parse_rows, safe_display_name
from .normalise import NormalisationOptions, Normaliser, normalised_key, normalised_source, option_help
from .prepare import TABLE_SCHEMA, CorpusRejected, PreparedCorpus, PrepareOptions, check_corpus, prepare_corpus
from .splits import SPLIT_NAMES, assign_splits
from .validation import (
    FILE_LEVEL,
    SUPPORTED_PAIRS,
    RowError,
    arabic_share,
    is_arabic_script,
    row_problems,
    validate_rows,
)

__all__ = [
    "FILE_LEVEL",
    "FORMATS",
    "SPLIT_NAMES",
    "SUPPORTED_PAIRS",
    "TABLE_SCHEMA",
    "CorpusRejected",
    "NormalisationOptions",
    "Normaliser",
    "ParsedRows",
    "PrepareOptions",
    "PreparedCorpus",
    "RowError",
    "UnsafeFilename",
    "arabic_share",
    "assign_splits",
    "check_corpus",
    "detect_format",
    "is_arabic_script",
    "normalised_key",
    "normalised_source",
    "option_help",
    "parse_rows",
    "prepare_corpus",
    "row_problems",
    "safe_display_name",
    "validate_rows",
]
