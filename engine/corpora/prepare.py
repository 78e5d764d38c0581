"""From uploaded bytes to a checked, de-duplicated, split corpus table — or a rejection.

The policy is strict by default: if any row is rejected, :func:`prepare_corpus` raises
:class:`CorpusRejected` with every error, so the caller ingests nothing. With
``skip_invalid_rows=True`` the valid rows are kept and the rejected ones are listed in ``errors``.
:func:`check_corpus` runs the same steps without raising (for a preview in the UI).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .formats import FORMATS, Column, check_columns, parse_rows
from .normalise import KEY_SEPARATOR, NormalisationOptions, normaliser, split_groups
from .splits import SPLIT_NAMES, Share, assign_split_codes, check_shares
from .validation import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_CHARS,
    FILE_LEVEL,
    NO_VALID_ROWS,
    SUPPORTED_PAIRS,
    RowError,
    check_file_size,
    check_pair,
    validate_rows,
)

TABLE_SCHEMA = pa.schema(
    [
        ("line", pa.int64()),
        ("source", pa.string()),
        ("target", pa.string()),
        ("pair", pa.string()),
        ("norm_key", pa.string()),
        ("split", pa.string()),
    ]
)
MAX_ERRORS_SHOWN = 20


@dataclass(frozen=True)
class PrepareOptions:
    """How to read, check, de-duplicate and split one upload."""

    format: str = field(default="tsv", metadata={"help": f"File format: one of {', '.join(FORMATS)}."})
    has_header: bool = field(
        default=False, metadata={"help": "The first non-blank line of a TSV/CSV file names the columns."}
    )
    source_column: Column = field(
        default=0,
        metadata={"help": "Source column: a 0-based index, a header name (with a header) or a JSONL key."},
    )
    target_column: Column = field(
        default=1,
        metadata={"help": "Target (Arabic) column: a 0-based index, a header name or a JSONL key."},
    )
    pair: str = field(default="en-ar", metadata={"help": f"Language pair: one of {', '.join(SUPPORTED_PAIRS)}."})
    normalisation: NormalisationOptions = field(
        default_factory=NormalisationOptions,
        metadata={"help": "Which differences duplicate detection ignores (the stored text is unchanged)."},
    )
    max_chars: int = field(
        default=DEFAULT_MAX_CHARS, metadata={"help": "Longest accepted source or target, in characters."}
    )
    max_bytes: int = field(
        default=DEFAULT_MAX_BYTES, metadata={"help": "Largest accepted file, in bytes (checked before parsing)."}
    )
    valid_fraction: Share = field(
        default=0.05, metadata={"help": "Validation split: a fraction of the rows (float) or a row count (int)."}
    )
    test_fraction: Share = field(
        default=0.05, metadata={"help": "Test split: a fraction of the rows (float) or a row count (int)."}
    )
    seed: int = field(default=0, metadata={"help": "Seed of the split assignment (same seed, same splits)."})
    skip_invalid_rows: bool = field(
        default=False,
        metadata={"help": "Keep the valid rows and list the rejected ones, instead of rejecting the whole file."},
    )
    swap_columns: bool = field(
        default=False, metadata={"help": "Read the source from the target column and vice versa."}
    )

    def __post_init__(self) -> None:
        check_pair(self.pair)
        check_columns(self.format, self.source_column, self.target_column, self.has_header)
        check_shares(self.valid_fraction, self.test_fraction)
        if self.max_chars < 1 or self.max_bytes < 1:
            raise ValueError("max_chars and max_bytes must be positive")

    @property
    def columns(self) -> tuple[Column, Column]:
        """The (source, target) columns to read, after ``swap_columns``."""
        if self.swap_columns:
            return self.target_column, self.source_column
        return self.source_column, self.target_column


@dataclass
class PreparedCorpus:
    """A checked corpus: the accepted rows as an Arrow table, plus what was rejected or removed.

    ``accepted`` says whether the table may be ingested: in strict mode only if no row was rejected,
    with ``skip_invalid_rows`` if at least one row is valid and the file as a whole was readable.
    A corpus that is not accepted has an empty table.
    """

    table: pa.Table
    errors: list[RowError]
    file_hints: list[str]
    n_rows_read: int
    n_exact_duplicates: int
    n_normalised_duplicates: int
    accepted: bool

    @property
    def n_rows(self) -> int:
        """Rows in the table (after removing rejected rows and duplicates)."""
        return self.table.num_rows

    def split_counts(self) -> dict[str, int]:
        """Rows per split name, every split present."""
        counts = dict.fromkeys(SPLIT_NAMES, 0)
        for name in self.table.column("split").to_pylist():
            counts[name] += 1
        return counts

    def report(self) -> dict[str, object]:
        """A JSON-ready summary for the corpus record."""
        return {
            "n_rows_read": self.n_rows_read,
            "n_rows": self.n_rows,
            "n_rejected_rows": len({e.line for e in self.errors if e.line != FILE_LEVEL}),
            "n_exact_duplicates": self.n_exact_duplicates,
            "n_normalised_duplicates": self.n_normalised_duplicates,
            "splits": self.split_counts(),
            "errors": [{"line": e.line, "reason": e.reason} for e in self.errors],
            "file_hints": list(self.file_hints),
        }


class CorpusRejected(Exception):
    """The upload was rejected: ``errors`` (sorted by line) says where and why; nothing was kept."""

    def __init__(self, errors: Sequence[RowError], hints: Sequence[str] = ()) -> None:
        self.errors: list[RowError] = sorted(errors, key=lambda e: e.line)
        self.hints: list[str] = list(hints)
        super().__init__(self.errors, self.hints)

    def __str__(self) -> str:
        n_lines = len({e.line for e in self.errors})
        head = f"corpus rejected: {len(self.errors)} problem(s) on {n_lines} line(s)"
        shown = [f"  {error}" for error in self.errors[:MAX_ERRORS_SHOWN]]
        more = len(self.errors) - MAX_ERRORS_SHOWN
        if more > 0:
            shown.append(f"  ... and {more} more")
        hints = [f"  hint: {hint}" for hint in self.hints]
        return "\n".join([head, *shown, *hints])


def _rejected(errors: list[RowError], hints: list[str], n_rows_read: int = 0) -> PreparedCorpus:
    empty = TABLE_SCHEMA.empty_table()
    return PreparedCorpus(empty, sorted(errors, key=lambda e: e.line), hints, n_rows_read, 0, 0, False)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: with millions of live row tuples its full passes would
    otherwise cost more than the parsing (nothing built here forms reference cycles)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def check_corpus(data: bytes, options: PrepareOptions | None = None) -> PreparedCorpus:
    """Run every step of :func:`prepare_corpus` but never raise for a bad file: see ``accepted``."""
    with _gc_paused():
        return _check_corpus(data, options or PrepareOptions())


def _check_corpus(data: bytes, options: PrepareOptions) -> PreparedCorpus:
    too_large = check_file_size(len(data), options.max_bytes)
    if too_large:
        return _rejected([too_large], [])
    source_column, target_column = options.columns
    parsed = parse_rows(
        data, options.format, source_column=source_column, target_column=target_column, has_header=options.has_header
    )
    if parsed.fatal:
        return _rejected(parsed.errors, parsed.hints, parsed.n_rows_read)
    checked = validate_rows(parsed.rows, pair=options.pair, max_chars=options.max_chars)
    errors = sorted(parsed.errors + checked.errors, key=lambda e: e.line)
    hints = parsed.hints + checked.hints
    if errors and not options.skip_invalid_rows:
        return _rejected(errors, hints, parsed.n_rows_read)
    if not checked.rows:
        return _rejected([*errors, RowError(FILE_LEVEL, NO_VALID_ROWS)], hints, parsed.n_rows_read)
    table, n_exact, n_normalised = _build_table(checked.rows, options)
    return PreparedCorpus(table, errors, hints, parsed.n_rows_read, n_exact, n_normalised, True)


def prepare_corpus(data: bytes, options: PrepareOptions | None = None) -> PreparedCorpus:
    """Parse, check, de-duplicate and split an upload.

    Raises :class:`CorpusRejected` when the file cannot be accepted under ``options`` (in strict mode:
    when any row is rejected), so that nothing is ever half-ingested. Raises ``ValueError`` for
    options that cannot work (e.g. an unsupported language pair) when they are built.
    """
    corpus = check_corpus(data, options)
    if not corpus.accepted:
        raise CorpusRejected(corpus.errors, corpus.file_hints)
    return corpus


def first_occurrences(keys: pa.Array) -> np.ndarray:
    """Indexes of the first occurrence of each distinct value of ``keys``, ascending."""
    encoded = pc.dictionary_encode(keys)
    codes = encoded.indices.to_numpy(zero_copy_only=False)
    if len(codes) == 0:
        return np.zeros(0, dtype=np.int64)
    # Arrow numbers distinct values in order of first appearance, so a first occurrence is exactly
    # where the running maximum of the codes grows. Checked, with a sort as the fallback.
    running_max = np.maximum.accumulate(codes)
    is_first = np.empty(len(codes), dtype=bool)
    is_first[0] = True
    np.greater(running_max[1:], running_max[:-1], out=is_first[1:])
    first = np.flatnonzero(is_first)
    if len(first) != len(encoded.dictionary):
        _, first = np.unique(codes, return_index=True)  # stable: the index of the first occurrence
        first = np.sort(first)
    return first


def _build_table(rows: list[tuple[int, str, str]], options: PrepareOptions) -> tuple[pa.Table, int, int]:
    """De-duplicate (first occurrence kept), assign splits and build the table; also the dup counts.

    Exact duplicates repeat an earlier row's stripped source and target; normalised duplicates are the
    remaining rows whose ``norm_key`` repeats an earlier one's.
    """
    lines, sources, targets = (list(column) for column in zip(*rows, strict=True))
    source_array, target_array = pa.array(sources, pa.string()), pa.array(targets, pa.string())
    # KEY_SEPARATOR cannot occur inside a valid field (it is a control character).
    exact_keys = pc.binary_join_element_wise(source_array, target_array, KEY_SEPARATOR)
    unique = first_occurrences(exact_keys).tolist()
    norm = normaliser(options.normalisation)
    source_keys = pa.array([norm.source(sources[i]) for i in unique], pa.string())
    target_keys = pa.array([norm.target(targets[i]) for i in unique], pa.string())
    norm_keys = pc.binary_join_element_wise(source_keys, target_keys, KEY_SEPARATOR)
    kept = first_occurrences(norm_keys)
    rows_kept = pa.array(np.asarray(unique, dtype=np.int64)[kept])
    split_codes = assign_split_codes(
        split_groups(source_keys.take(kept)), valid=options.valid_fraction, test=options.test_fraction,
        seed=options.seed,
    )
    columns = {
        "line": pa.array(lines, pa.int64()).take(rows_kept),
        "source": source_array.take(rows_kept),
        "target": target_array.take(rows_kept),
        "pair": pa.array([options.pair], pa.string()).take(np.zeros(len(kept), dtype=np.int64)),
        "norm_key": norm_keys.take(kept),
        "split": pa.array(SPLIT_NAMES, pa.string()).take(split_codes),
    }
    table = pa.Table.from_pydict(columns, schema=TABLE_SCHEMA)
    return table, len(rows) - len(unique), len(unique) - len(kept)
