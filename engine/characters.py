"""Which characters text from users may hold — one definition for every place that checks typed, uploaded or
imported text (corpus rows, sources to translate, the endpoint's texts, judgements, Argilla imports, file names).

Each checker words its own message; what counts as a control character, a line break or a bidirectional control is
decided here only, so a text one door accepts is not refused by another (a source logged by the Translate page
is exported to Argilla and must import back).
"""

from __future__ import annotations

import re

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""C0 and C1 control characters and DEL; tab, line feed and carriage return are whitespace, not controls."""

LINE_BREAK = re.compile(r"[\n\r\u2028\u2029]")
"""Line feed, carriage return and Unicode's line and paragraph separators: text where a text may span lines (a
post-edit, a source to translate), refused in a field that is one line (a corpus row's side, a name)."""

TAB_OR_LINE_BREAK = re.compile(r"[\t\n\r\u2028\u2029]")
"""Whitespace that must not sit inside a file name."""

BIDI_CONTROL = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
"""Embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069), which reorder how a text is shown; the
marks LRM, RLM and ALM are allowed (they are how Arabic writers mark direction)."""

NOT_A_CHARACTER = re.compile("[\ud800-\udfff\ufdd0-\ufdef" + "".join(
    f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17)) + "]")
"""Unpaired surrogates (only reachable through JSON escapes; no UTF-8 can hold them) and noncharacters (U+FDD0–FDEF
and the last two code points of every plane, U+FFFE … U+10FFFF)."""

SPACE = "".join(chr(c) for c in range(0x3001)
                if chr(c).isspace() and not CONTROL.match(chr(c)) and chr(c) not in "\u2028\u2029")
"""What stripping a text takes off its ends: whitespace, but not the controls Python also counts as whitespace
(U+000B, U+000C, U+001C–U+001F, U+0085) nor the line and paragraph separators, which a check must see —
``str.strip()`` dropped them from a field's ends while the same character inside the field was refused."""


def suspect_class(*patterns: re.Pattern, extra: str = "") -> re.Pattern:
    """One character class joining single-class ``patterns`` (and ``extra`` characters): a cheap pre-test that a
    text holds none of them, built from the definitions above so it cannot miss one. Characters past the Basic
    Multilingual Plane are matched as one range (the planes' noncharacters listed one by one made the search 5×
    slower on every row): a text with an emoji takes the full checks."""
    inner = "".join(ch for p in patterns for ch in p.pattern[1:-1] if ch <= "\uffff")
    return re.compile(f"[{inner}{re.escape(extra)}\U00010000-\U0010ffff]")


def unsafe_character(text: str, *, line_breaks: bool = False) -> str | None:
    """Why ``text`` cannot be stored as a sentence — a control character, a bidirectional control, a line break
    (unless ``line_breaks``) or a code point that is not a character, named with its code — or None."""
    control = CONTROL.search(text)
    if control:
        return f"a control character (U+{ord(control.group()):04X})"
    brk = None if line_breaks else LINE_BREAK.search(text)
    if brk:
        return f"a line break (U+{ord(brk.group()):04X})"
    bidi = BIDI_CONTROL.search(text)
    if bidi:
        return f"a bidirectional control character (U+{ord(bidi.group()):04X}), which can reorder how the text is shown"
    bad = NOT_A_CHARACTER.search(text)
    if bad:
        return f"U+{ord(bad.group()):04X}, which is not a character (an unpaired surrogate or a noncharacter)"
    return None


def printable(text: str) -> str:
    """``text`` without the characters no stored sentence may hold — controls, bidirectional controls and
    non-characters (:func:`unsafe_character`); line breaks and tabs kept. For what a model writes: a small or broken
    model can emit a NUL or an override, which a page showed as written (an override reordering what follows it)
    and which a linguist's correction, pre-filled with that candidate, was then refused for."""
    return NOT_A_CHARACTER.sub("", BIDI_CONTROL.sub("", CONTROL.sub("", text)))


BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u17b4\u17b5")
"""Characters that are letters or symbols by their category and show nothing (the Hangul fillers, the blank
Braille pattern, Khmer's inherent vowels): a name of them alone, or of format characters and combining marks alone,
is no name."""

MAX_LABEL_CHARS = 200
"""The longest name a user gives a corpus, a glossary or a test set."""

MAX_SOURCE_CHARS = 1000
"""The longest source the studio translates in one piece: typed on Translate, sent to the endpoint, a line of a
batch file, an item of a review queue."""

MAX_PERSON_NAME_CHARS = 60
"""The longest name a person gives themselves: a linguist, a lead."""


def check_label(name: str, what: str, *, max_chars: int = MAX_LABEL_CHARS, empty: str | None = None) -> str:
    """A name a user gives ``what`` (a corpus, a glossary, a test set, a linguist, a lead), as stored: NFC, runs of
    spaces one space, ends stripped. Raises ``ValueError`` when it shows nothing — empty, or only spaces and
    invisible format characters such as U+200B (``empty``: what to say then) —, is longer than ``max_chars``, or
    holds a character no name may (a control, a line break, a bidirectional control, a non-character): a NUL or an
    override stored as a name reordered or cut what every page shows beside it. The characters are checked before
    the spaces are collapsed: ``str.split`` also splits at controls such as U+001F, which became spaces unrefused."""
    import unicodedata

    label = unicodedata.normalize("NFC", str(name or ""))
    problem = unsafe_character(label)
    if problem:
        raise ValueError(f"the {what}'s name contains {problem}")
    label = " ".join(label.split())
    if all(ch == " " or ch in BLANK_LETTERS or unicodedata.category(ch) in ("Cf", "Mn", "Me") for ch in label):
        raise ValueError(empty or f"give the {what} a name")
    if len(label) > max_chars:
        raise ValueError(f"the {what}'s name is longer than {max_chars} characters")
    return label


def label_key(label: str) -> str:
    """What two names a user gave compare by: case, Unicode width and compatibility forms folded (NFKC, casefold),
    invisible format characters (U+200B, U+2060, a soft hyphen …) dropped, spaces collapsed. ``Clinic``, ``clinic``,
    ``ｃｌｉｎｉｃ`` and ``Clinic`` + U+200B are one name: stored side by side they were two corpora no picker told
    apart."""
    import unicodedata

    folded = unicodedata.normalize("NFKC", label).casefold()
    return " ".join("".join(ch for ch in folded if unicodedata.category(ch) != "Cf").split())


def shortened(label: str, limit: int = MAX_LABEL_CHARS) -> str:
    """A name the studio makes up itself (from corpus names, a file's name) kept within ``limit`` characters, cut
    with "…", without the characters :func:`check_label` refuses and with its spaces collapsed: it refused a longer
    one, or one made from a corpus named before names were checked, which its user could not have changed."""
    label = " ".join(printable(label).split())
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"
