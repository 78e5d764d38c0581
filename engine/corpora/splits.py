"""Seeded train / valid / test assignment, grouped by normalised source.

All rows that share a normalised source form one group, and a group never straddles two splits, so
no test source is ever seen in training. The groups (numbered in order of first appearance) are put in
a seeded random order and dealt out in that order: first to test, then to valid, until each holds its
share of rows; the rest is train. The same keys and seed always give the same assignment.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

TRAIN, VALID, TEST = "train", "valid", "test"
SPLIT_NAMES: tuple[str, ...] = (TRAIN, VALID, TEST)
"""Split names; :func:`assign_split_codes` returns indexes into this tuple."""

Share = float | int
"""A split size: a fraction in [0, 1) (a float) or an absolute number of rows (an int)."""


def split_size(share: Share, n_rows: int) -> int:
    """The number of rows a share asks for out of ``n_rows`` (a fraction is rounded half up)."""
    if isinstance(share, bool) or not isinstance(share, int | float):
        raise ValueError(f"a split size is a fraction or a row count, not {share!r}")
    if isinstance(share, int):
        if share < 0:
            raise ValueError(f"a split row count cannot be negative ({share})")
        return share
    if not 0.0 <= share < 1.0:
        raise ValueError(f"a split fraction must be in [0, 1), not {share}")
    return int(share * n_rows + 0.5)


def check_shares(valid: Share, test: Share) -> None:
    """Raise ``ValueError`` for a malformed size, or for fractions that leave nothing for training."""
    split_size(valid, 0)
    split_size(test, 0)
    if isinstance(valid, float) and isinstance(test, float) and valid + test >= 1.0:
        raise ValueError(f"valid ({valid}) and test ({test}) fractions leave nothing for training")


def group_codes(keys: Sequence[str] | pa.Array) -> np.ndarray:
    """A group number per row: equal keys share one, numbered in order of first appearance."""
    array = keys if isinstance(keys, pa.Array) else pa.array(keys, type=pa.string())
    encoded = pc.dictionary_encode(array)
    return encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64, copy=False)


def _groups_taken(cumulative: np.ndarray, start: int, wanted: int) -> int:
    """How many groups (in dealing order, from ``start``) a split takes to reach ``wanted`` rows."""
    if wanted <= 0 or start >= len(cumulative):
        return start
    already = cumulative[start - 1] if start else 0
    return min(int(np.searchsorted(cumulative, already + wanted, side="left")) + 1, len(cumulative))


def assign_split_codes(
    source_keys: Sequence[str] | pa.Array, *, valid: Share = 0.05, test: Share = 0.05, seed: int = 0
) -> np.ndarray:
    """Like :func:`assign_splits`, as ``int8`` indexes into :data:`SPLIT_NAMES` (fast for big corpora)."""
    check_shares(valid, test)
    n_rows = len(source_keys)
    if n_rows == 0:
        return np.zeros(0, dtype=np.int8)
    codes = group_codes(source_keys)
    n_groups = int(codes.max()) + 1
    order = np.random.default_rng(seed).permutation(n_groups)
    cumulative = np.cumsum(np.bincount(codes, minlength=n_groups)[order])
    # a fraction leaves training at least one group: rounded half up, 0.45 + 0.45 of 10 rows (or 0.25 + 0.25 of 2)
    # took every row, and the corpus was stored with an empty train split — one group too (a one-line corpus, or
    # one source with several translations, went wholly to valid or test); a row count takes what it asks for
    def limit(share: Share) -> int:
        return n_groups if isinstance(share, int) else n_groups - 1

    end_test = min(_groups_taken(cumulative, 0, split_size(test, n_rows)), limit(test))
    end_valid = max(end_test, min(_groups_taken(cumulative, end_test, split_size(valid, n_rows)), limit(valid)))
    split_of_group = np.zeros(n_groups, dtype=np.int8)
    split_of_group[order[:end_test]] = SPLIT_NAMES.index(TEST)
    split_of_group[order[end_test:end_valid]] = SPLIT_NAMES.index(VALID)
    return split_of_group[codes]


def assign_splits(
    source_keys: Sequence[str] | pa.Array, *, valid: Share = 0.05, test: Share = 0.05, seed: int = 0
) -> list[str]:
    """The split name ("train", "valid" or "test") of each row, grouped by its normalised source key.

    ``valid`` and ``test`` are fractions of the rows (floats in [0, 1)) or row counts (ints). Because
    groups are never cut, a split may overshoot its size by less than one group; a count larger than
    the rows available simply takes them all (test first, then valid). Fractions always leave training one
    group at least.
    """
    codes = assign_split_codes(source_keys, valid=valid, test=test, seed=seed)
    return [SPLIT_NAMES[code] for code in codes.tolist()]
