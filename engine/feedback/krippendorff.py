"""Krippendorff's alpha: the agreement of any number of annotators over units, with missing judgements.

Computed through the coincidence matrix, as in Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability"
(University of Pennsylvania, ASC papers 43):

* every unit judged by two or more annotators contributes each ordered pair of its values (c, k), weighted
  ``1 / (m_u - 1)`` where ``m_u`` is how many values the unit has; units with one value are not pairable;
* ``alpha = 1 - (n - 1) * Σ o_ck δ²_ck / Σ n_c n_k δ²_ck``, with ``n_c`` the row sums of the coincidences and ``n``
  their total;
* the difference function ``δ²`` by level of measurement: nominal (0 if equal, else 1), ordinal
  (``(Σ_{g=c..k} n_g − (n_c + n_k)/2)²``, over the values in rank order) and interval (``(c − k)²``).

The ``krippendorff`` package is not a dependency here; the tests check this implementation against the
paper's worked example (4 observers, 12 units, missing values).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence

LEVELS: tuple[str, ...] = ("nominal", "ordinal", "interval")


def alpha(units: Iterable[Sequence[Hashable]], level: str = "ordinal") -> float | None:
    """Krippendorff's alpha over ``units``, each the values its annotators gave (missing ones left out).

    Values must be orderable for ``ordinal`` and numbers for ``interval``. ``None`` when no unit has two values
    or the pairable values do not vary (alpha is undefined then)."""
    if level not in LEVELS:
        raise ValueError(f"unknown level of measurement {level!r}; one of {', '.join(LEVELS)}")
    pairable = [list(u) for u in units if len(u) >= 2]
    if not pairable:
        return None
    values = sorted({v for u in pairable for v in u}) if level != "nominal" else list({v for u in pairable for v in u})
    index = {v: i for i, v in enumerate(values)}
    size = len(values)
    coincidences = [[0.0] * size for _ in range(size)]
    for unit in pairable:
        weight = 1.0 / (len(unit) - 1)
        for i, a in enumerate(unit):
            for j, b in enumerate(unit):
                if i != j:
                    coincidences[index[a]][index[b]] += weight
    totals = [sum(row) for row in coincidences]
    n = sum(totals)
    delta = _difference(level, values, totals)
    observed = sum(coincidences[c][k] * delta[c][k] for c in range(size) for k in range(size))
    expected = sum(totals[c] * totals[k] * delta[c][k] for c in range(size) for k in range(size))
    if expected == 0:
        return None
    return 1.0 - (n - 1) * observed / expected


def _difference(level: str, values: list, totals: list[float]) -> list[list[float]]:
    size = len(values)
    if level == "nominal":
        return [[0.0 if c == k else 1.0 for k in range(size)] for c in range(size)]
    if level == "interval":
        return [[float(values[c] - values[k]) ** 2 for k in range(size)] for c in range(size)]
    out = [[0.0] * size for _ in range(size)]
    for c in range(size):
        for k in range(size):
            lo, hi = min(c, k), max(c, k)
            out[c][k] = (sum(totals[lo : hi + 1]) - (totals[lo] + totals[hi]) / 2) ** 2
    return out
