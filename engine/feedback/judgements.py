"""A linguist's judgement of the candidates shown for one source: its formats, their checks, and storing it once.

Four formats (``kind``), each with optional error tags and a comment:

``ranking``
    a full ranking of the candidates shown (a permutation of their positions, best first);
``best``
    one candidate picked as the best — of one candidate shown, that translation approved as it is;
``none``
    "none is acceptable" (optionally with the translation the linguist would accept, as ``correction``);
``post_edit``
    a corrected translation, typed in a right-to-left editor pre-filled with the top candidate.

Candidates are named by their **position** in the request (0 = the reward model's best), so a ranking stays
meaningful whatever order they were displayed in. Each form carries a client-made ``submission_id``
(:func:`new_submission_id`): :func:`submit` stores a judgement with ``INSERT … ON CONFLICT DO NOTHING`` on it,
so a double click or a retry is stored exactly once and answers with the first judgement's number.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from dataclasses import dataclass, field, replace

from engine.characters import MAX_PERSON_NAME_CHARS, check_label, unsafe_character
from engine.corpora import arabic_share
from engine.corpora.validation import markup_in
from engine.kept_names import without_kept_names
from engine.store.feedback import SubmissionConflict, SubmitResult

KINDS: tuple[str, ...] = ("ranking", "best", "none", "post_edit")
KIND_LABELS: dict[str, str] = {
    "ranking": "Rank the candidates",
    "best": "Pick the best",
    "none": "None is acceptable",
    "post_edit": "Correct a translation (post-edit)",
}
ACCEPT_LABEL = "Acceptable as it is"
"""What *Pick the best* is called when one distinct candidate is shown: the pick approves it."""


def kind_label(kind: str, n_shown: int) -> str:
    """What a judgement's kind is called, for ``n_shown`` candidates shown: a pick of the only one is an approval."""
    return ACCEPT_LABEL if kind == "best" and n_shown == 1 else KIND_LABELS[kind]


ERROR_TAGS: tuple[str, ...] = ("accuracy", "fluency", "terminology", "omission", "addition", "style")
ERROR_TAG_HELP: dict[str, str] = {
    "accuracy": "the meaning differs from the source (mistranslation)",
    "fluency": "ungrammatical or unnatural Arabic",
    "terminology": "a wrong or inconsistent term for the domain",
    "omission": "part of the source is missing",
    "addition": "something not in the source was added",
    "style": "register, tone or punctuation does not fit",
}
MAX_TEXT_CHARS = 2000
MAX_COMMENT_CHARS = 2000
_SUBMISSION_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


class JudgementError(ValueError):
    """A judgement that cannot be stored; the message says what to fix."""


@dataclass
class Judgement:
    """What a linguist submits about one translation request."""

    submission_id: str
    request_id: str
    linguist: str
    kind: str
    shown: list[int]
    ranking: list[int] | None = None
    best: int | None = None
    correction: str | None = None
    tags: list[str] = field(default_factory=list)
    comment: str = ""
    queue_id: int | None = None
    item_id: int | None = None

    @property
    def none_acceptable(self) -> bool:
        return self.kind == "none"


def new_submission_id() -> str:
    """A fresh submission id (made once per feedback form; a retry of the same form reuses it)."""
    return uuid.uuid4().hex


def clean_linguist_name(name: str) -> str:
    """A linguist's name as stored: NFC, spaces collapsed, 1–60 characters, no control or bidi-override marks
    (:func:`~engine.characters.check_label`)."""
    try:
        return check_label(name, "linguist", max_chars=MAX_PERSON_NAME_CHARS, empty="enter your name")
    except ValueError as exc:
        raise JudgementError(str(exc)) from None


def _positions(values: list, what: str) -> list[int]:
    try:
        out = [int(v) for v in values]
    except (TypeError, ValueError):
        raise JudgementError(f"{what} must be candidate positions (whole numbers)") from None
    if any(isinstance(v, bool) for v in values):
        raise JudgementError(f"{what} must be candidate positions (whole numbers)")
    return out


def validate(judgement: Judgement, n_candidates: int, *, source: str = "") -> Judgement:
    """Check a judgement against a request of ``n_candidates`` candidates; return it normalised. A correction's
    words kept as written from the request's ``source`` (names, acronyms) do not count against its Arabic.

    Raises :class:`JudgementError` with a message a linguist can act on.
    """
    if not _SUBMISSION_ID.match(str(judgement.submission_id or "")):
        raise JudgementError("a submission id is 8–64 letters, digits, '-' or '_'")
    if judgement.kind not in KINDS:
        raise JudgementError(f"unknown feedback format {judgement.kind!r}; one of {', '.join(KINDS)}")
    linguist = clean_linguist_name(judgement.linguist)
    shown = _positions(list(judgement.shown or []), "the candidates shown")
    if not shown:
        raise JudgementError("no candidate was shown")
    if len(set(shown)) != len(shown) or any(not 0 <= p < n_candidates for p in shown):
        raise JudgementError(f"the candidates shown must be distinct positions between 0 and {n_candidates - 1}")
    ranking, best, correction = None, None, None
    if judgement.kind == "ranking":
        if len(shown) < 2:
            raise JudgementError("a ranking needs at least two candidates")
        ranking = _positions(list(judgement.ranking or []), "the ranking")
        if sorted(ranking) != sorted(shown):
            raise JudgementError("give every candidate shown a different rank (1 = best)")
        best = ranking[0]
    elif judgement.kind == "best":
        # one candidate picked is that translation approved as it is: no pair, but a good translation for KTO (with
        # "none acceptable" and a correction as the only choices, a linguist could not say a right one was right)
        if judgement.best is None:
            raise JudgementError("pick the best candidate")
        best = _positions([judgement.best], "the best candidate")[0]
        if best not in shown:
            raise JudgementError("the best candidate must be one of those shown")
    if judgement.kind in ("post_edit", "none"):
        correction = _clean_text(judgement.correction or "")
        if judgement.kind == "post_edit" and not correction:
            raise JudgementError("type the corrected translation")
        correction = correction or None
        if correction is not None:
            words = [w for w in without_kept_names(correction, source).split() if arabic_share(w) is not None]
            arabic = sum(1 for w in words if arabic_share(w) >= 0.5)
            # by words: "افتح ملف report.pdf على Windows 11" has more Latin letters than Arabic; no letter: refused;
            # a name kept from the source is no word against it ("أحب New York" for "I love New York")
            if not words or 2 * arabic < len(words):
                raise JudgementError(f"the corrected translation must be mostly Arabic: {arabic} of its "
                                     f"{len(words)} words are in Arabic script")
    elif judgement.correction:
        raise JudgementError(f"a correction goes with a post-edit, not with '{KIND_LABELS[judgement.kind]}'")
    tags = list(dict.fromkeys(str(t).strip().lower() for t in (judgement.tags or []) if str(t).strip()))
    unknown = [t for t in tags if t not in ERROR_TAGS]
    if unknown:
        raise JudgementError(f"unknown error tag(s) {', '.join(unknown)}; use {', '.join(ERROR_TAGS)}")
    comment = _clean_text(judgement.comment or "", MAX_COMMENT_CHARS, "comment")
    return replace(judgement, linguist=linguist, shown=shown, ranking=ranking, best=best, correction=correction,
                   tags=tags, comment=comment)


def _clean_text(text: str, limit: int = MAX_TEXT_CHARS, what: str = "correction") -> str:
    text = unicodedata.normalize("NFC", str(text)).replace("\r\n", "\n").strip()
    unsafe = unsafe_character(text, line_breaks=True)
    if unsafe:
        raise JudgementError(f"the {what} contains {unsafe}")
    if len(text) > limit:
        raise JudgementError(f"the {what} is longer than {limit} characters")
    return text


def check_correction(clean: Judgement, candidates: list[str], *, unchanged_edit: bool = False) -> Judgement:
    """A :func:`validate`-d judgement's correction against the candidates' texts (the forms and the Argilla import
    alike: an import took a "none acceptable" whose correction was a shown candidate); returns it unchanged.
    ``unchanged_edit`` lets a post-edit equal to the top candidate through (an annotation tool's pre-filled answer
    submitted as it was: no pair, but no contradiction either)."""
    if clean.correction is not None:  # compared as stored (NFC): a model's shadda before its fatha is no edit
        shown = {p: unicodedata.normalize("NFC", candidates[p]).strip() for p in clean.shown}
        if not unchanged_edit and clean.kind == "post_edit" and clean.correction == shown[min(clean.shown)]:
            raise JudgementError(f"the correction is the candidate unchanged: use "
                                 f"'{KIND_LABELS['best'] if len(clean.shown) > 1 else ACCEPT_LABEL}' instead, "
                                 "or edit the translation")
        same = [p for p, text in shown.items() if text == clean.correction]
        if clean.kind == "none" and same:  # it made that candidate the chosen one of "none is acceptable"
            raise JudgementError(f"the translation you would accept is candidate #{same[0] + 1}: pick it as the "
                                 "best instead, or edit it")
    return clean


def submit(store, judgement: Judgement) -> SubmitResult:
    """Check ``judgement`` against its stored request and store it once (keyed by its submission id).

    The model and reward model are copied from the request. Returns the judgement's number and whether
    this call stored it; a repeat of an already stored submission returns the first one's number.
    """
    request = store.feedback.request(judgement.request_id)
    if request is None:
        raise JudgementError("this translation is no longer known; translate the source again")
    clean = check_correction(validate(judgement, len(request["candidates"]), source=request["source"]),
                             [c["text"] for c in request["candidates"]])
    if clean.correction is not None and (markup := markup_in(clean.correction)):
        # typed in a form: no markup, as a corpus row (the chosen side of a pair the policy is trained towards kept
        # "<b>افتح</b>"). An import takes what it brings: the studio stored such corrections before this check, and
        # one of them made its own export refuse to import back whole
        raise JudgementError(f"the corrected translation contains markup ({markup}): write the text alone")
    try:
        return store.feedback.add_judgement(clean, model=request["model"], rm=request["rm"], once_per_linguist=True)
    except SubmissionConflict as exc:
        raise JudgementError(str(exc)) from exc
