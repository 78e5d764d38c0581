"""Normalisation for duplicate detection: the key two segments share when they "say the same".

The original text is always kept; the normalised form is only used to build ``norm_key`` (duplicate
detection) and the per-source split groups. Steps, in order: invisible format characters removed; NFKC; the
Arabic character table (built from :mod:`pyarabic.araby` constants, see :func:`arabic_table`); whitespace;
lower-casing the source. The table is applied as one regex pass plus a few ``str.replace`` calls, which is
equivalent to ``str.translate`` (a test checks it) and keeps a million rows to a couple of seconds.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field, fields

import pyarrow as pa
from pyarabic import araby

KEY_SEPARATOR = "\n"
"""Joins the normalised source and target in a key (a newline can never occur inside a valid field)."""

ALEF_VARIANTS = (araby.ALEF_MADDA, araby.ALEF_HAMZA_ABOVE, araby.ALEF_HAMZA_BELOW, araby.ALEF_WASLA)
"""آ أ إ ٱ, unified to a bare alef ا."""

COMBINING_HAMZA_MADDA = ("\u0653", "\u0654", "\u0655")
"""Combining madda above, hamza above and hamza below. NFKC folds them into the letter they sit on
(ا + ٔ → أ); one still there after NFKC is an orphan. They are removed by unify_alef (else ا + ٓ, left
by unifying آ + ٓ, would turn back into آ on a second pass) and by strip_diacritics."""

ARABIC_DIACRITICS = tuple(c for c in araby.DIACRITICS if c not in COMBINING_HAMZA_MADDA)
"""pyarabic's DIACRITICS (harakat, tanwin, shadda, sukun, dagger alef, Quranic marks) minus the above."""


@dataclass(frozen=True)
class NormalisationOptions:
    """Which differences are ignored when looking for duplicates (the stored text never changes)."""

    nfkc: bool = field(
        default=True,
        metadata={"help": "Unicode NFKC: fold presentation forms and ligatures (ﻻ → لا, ﬁ → fi), full-width."},
    )
    remove_tatweel: bool = field(
        default=True, metadata={"help": "Remove the tatweel (kashida) stretching character ـ."}
    )
    unify_alef: bool = field(default=True, metadata={"help": "Write every alef variant (أ إ آ ٱ) as a bare ا."})
    unify_ya: bool = field(default=True, metadata={"help": "Write alef maqsura ى as ya ي."})
    unify_ta_marbuta: bool = field(
        default=False,
        metadata={"help": "Write ta marbuta ة as ha ه (off by default: it merges words that differ)."},
    )
    strip_diacritics: bool = field(
        default=True, metadata={"help": "Remove Arabic diacritics (harakat, tanwin, shadda, sukun, dagger alef)."}
    )
    collapse_whitespace: bool = field(
        default=True, metadata={"help": "Trim, and collapse every run of whitespace into one space."}
    )
    lowercase_source: bool = field(
        default=True, metadata={"help": "Ignore upper/lower case in the source (English or French)."}
    )


def option_help(options_class: type) -> dict[str, str]:
    """The help text of each field of an options dataclass, by field name (for the UI)."""
    return {f.name: f.metadata.get("help", "") for f in fields(options_class)}


def arabic_table(options: NormalisationOptions) -> dict[int, str | None]:
    """The ``str.translate`` table for the Arabic character options."""
    table: dict[int, str | None] = {}
    if options.remove_tatweel:
        table[ord(araby.TATWEEL)] = None
    if options.unify_alef:
        table.update({ord(c): araby.ALEF for c in ALEF_VARIANTS})
    if options.unify_ya:
        table[ord(araby.ALEF_MAKSURA)] = araby.YEH
    if options.unify_ta_marbuta:
        table[ord(araby.TEH_MARBUTA)] = araby.HEH
    if options.strip_diacritics:
        table.update({ord(c): None for c in ARABIC_DIACRITICS})
    if options.strip_diacritics or options.unify_alef:
        table.update({ord(c): None for c in COMBINING_HAMZA_MADDA})
    return table


class Normaliser:
    """Normalisation compiled from options; call :meth:`source`, :meth:`target` or :meth:`key`."""

    def __init__(self, options: NormalisationOptions) -> None:
        self.options = options
        table = arabic_table(options)
        # Same effect as ``text.translate(table)``, about a third faster on Arabic text: one regex pass
        # for the deletions, then a str.replace for each of the few one-to-one mappings present.
        deleted = "".join(chr(code) for code, value in table.items() if value is None)
        self._delete = re.compile(f"[{re.escape(deleted)}]+").sub if deleted else None
        self._replace = [(chr(code), value) for code, value in table.items() if value is not None]

    def arabic(self, text: str) -> str:
        """Apply the Arabic character options (tatweel, alef, ya, ta marbuta, diacritics)."""
        if self._delete is not None:
            text = self._delete("", text)
        for old, new in self._replace:
            if old in text:
                text = text.replace(old, new)
        return text

    def _common(self, text: str) -> str:
        """Steps shared by both sides: invisible format characters dropped, NFKC, the Arabic table, whitespace."""
        if not text.isascii():
            text = _FORMAT_CHARACTERS.sub("", text)
        if self.options.nfkc:
            text = unicodedata.normalize("NFKC", text)
        if not text.isascii():
            text = self.arabic(text)
        if self.options.collapse_whitespace and _needs_collapse(text):
            text = " ".join(text.split())
        return text

    def source(self, text: str) -> str:
        """The normalised source (also the group key for splits)."""
        text = self._common(text)
        return text.lower() if self.options.lowercase_source else text

    def target(self, text: str) -> str:
        """The normalised target."""
        return self._common(text)

    def key(self, source: str, target: str) -> str:
        """The duplicate-detection key of a pair."""
        return self.source(source) + KEY_SEPARATOR + self.target(target)


def _class_of_ranges(code_points: list[int]) -> str:
    """A regex character class of ``code_points`` written as ranges (a list of 163 single characters made the
    substitution ~7× slower, on every non-ASCII field of an upload)."""
    runs: list[list[int]] = []
    for cp in code_points:
        if runs and cp == runs[-1][1] + 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    return "[" + "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b != a else "") for a, b in runs) + "]"


_FORMAT_CHARACTERS = re.compile(_class_of_ranges(
    [c for c in (*range(0x30000), *range(0xE0000, 0xE1000)) if unicodedata.category(chr(c)) == "Cf"]) + "+")
"""Unicode's invisible format characters (category Cf: LRM/RLM/ALM, zero-width space and (non-)joiners, a BOM inside
a file, the soft hyphen…), which NFKC keeps: a source with a leading LRM was another source — a duplicate kept, and
the two copies put in different splits."""


def _needs_collapse(text: str) -> bool:
    """Whether ``" ".join(text.split())`` would change ``text`` (a cheap test for the common case).

    Every whitespace character but the ASCII space is non-printable, so a printable text without
    double, leading or trailing spaces is already collapsed.
    """
    return "  " in text or not text.isprintable() or text.startswith(" ") or text.endswith(" ")


@functools.lru_cache(maxsize=32)
def normaliser(options: NormalisationOptions) -> Normaliser:
    """A cached :class:`Normaliser` for ``options``."""
    return Normaliser(options)


def normalised_source(source: str, options: NormalisationOptions | None = None) -> str:
    """The normalised form of a source segment."""
    return normaliser(options or NormalisationOptions()).source(source)


def normalised_target(target: str, options: NormalisationOptions | None = None) -> str:
    """The normalised form of a target (Arabic) segment."""
    return normaliser(options or NormalisationOptions()).target(target)


def normalised_key(source: str, target: str, options: NormalisationOptions | None = None) -> str:
    """The key under which two pairs count as duplicates: normalised source + newline + target."""
    return normaliser(options or NormalisationOptions()).key(source, target)


def split_groups(source_keys: pa.Array) -> pa.Array:
    """The keys whose rows share a split, from :meth:`Normaliser.source` keys: their accents folded as well (NFD,
    nonspacing marks dropped, NFC), so ``Où est la gare ?`` and ``Ou est la gare ?`` — one sentence typed with and
    without its accents, common in French data — go to the same split even where their targets differ (a duplicate
    only where the targets are the same: the stored key keeps the accents). Arrow's kernels: ~0.4 µs a row."""
    import pyarrow.compute as pc

    folded = pc.replace_substring_regex(pc.utf8_normalize(source_keys, "NFD"), r"\p{Mn}", "")
    return pc.utf8_normalize(folded, "NFC")
