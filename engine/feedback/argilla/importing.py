"""Argilla records back into the studio's judgements, every record checked first (see
:mod:`engine.feedback.argilla`)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from engine.characters import MAX_SOURCE_CHARS, unsafe_character
from engine.corpora.validation import markup_in, unreadable_json
from engine.feedback.argilla.layout import (
    ANNOTATORS_FILE,
    IMPORTED_MODEL,
    NONE_LABEL,
    PARTIAL_RANKING,
    RECORDS_FILE,
    SETTINGS_FILE,
    ArgillaImportError,
)
from engine.feedback.judgements import (
    MAX_TEXT_CHARS,
    Judgement,
    JudgementError,
    check_correction,
    clean_linguist_name,
    validate,
)
from engine.feedback.language import detect_language
from engine.store.clock import utc_now


@dataclass
class ImportReport:
    """What an import did."""

    records: int = 0
    responses: int = 0
    stored: int = 0
    repeated: int = 0
    requests_created: int = 0
    skipped_status: int = 0
    other_questions: int = 0
    """Answers to questions outside the studio's layout (a question added in Argilla): not imported."""
    no_answer: int = 0
    pairs_detected: int = 0
    """Records whose metadata named no language pair, the pair read from the source."""
    pairs_unclear: int = 0
    """Records whose metadata named no language pair and whose source's language was unclear: taken as en-ar."""
    linguists: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return dict(self.__dict__)

    def summary(self) -> str:
        """What the import stored and left, in a sentence (the page's and the command line's)."""
        pairs = (f" The language pair of {self.pairs_detected} record(s) without one was read from the source."
                 if self.pairs_detected else "")
        if self.pairs_unclear:
            pairs += (f" {self.pairs_unclear} record(s) without one had a source of unclear language: taken as "
                      "en-ar (name the pair in the records' metadata, 'pair', or with --pair on the command line).")
        return (f"Imported {self.stored} judgement(s) from {self.records} record(s): {self.repeated} already stored, "
                f"{self.skipped_status} draft or discarded response(s) skipped.{pairs}")


@dataclass
class _Planned:
    record_no: int
    record_id: str
    source: str
    pair: str
    model: str
    rm: str | None
    candidates: list[str]
    judgements: list[tuple[Judgement, str, datetime | None]]  # (judgement, user id, when it was judged)


def _load_json(files: Mapping[str, bytes], rel: str, problems: list[str]):
    if rel not in files:
        problems.append(f"{rel} is missing (export the dataset with rg.Dataset.to_disk, then zip the folder)")
        return None
    try:
        return json.loads(files[rel].decode("utf-8"))
    except UnicodeDecodeError as exc:
        problems.append(f"{rel}: not UTF-8 (byte {exc.start})")
    except json.JSONDecodeError as exc:
        problems.append(f"{rel} line {exc.lineno} column {exc.colno}: not valid JSON ({exc.msg})")
    except (ValueError, RecursionError) as exc:  # valid JSON Python will not read (a huge number, deep nesting)
        problems.append(f"{rel}: {unreadable_json(exc)}")
    return None


def _text_problem(text: str, what: str, limit: int) -> str | None:
    """Why an imported source or candidate cannot be stored (the checks typed or generated texts pass), or None."""
    if len(text) > limit:
        return f"the {what} is longer than {limit} characters"
    unsafe = unsafe_character(text, line_breaks=True)  # tab and newlines are text; LRM and RLM stay
    return f"the {what} contains {unsafe}" if unsafe else None


def _pair_of(source: str, report: ImportReport) -> str:
    """The language pair of a record whose metadata names none, read from its source (counted in ``report``): a
    French dataset made in Argilla without the studio's metadata was stored as en-ar, its pairs then trained with
    English prompts."""
    language = detect_language(source).language
    if language in ("en", "fr"):
        report.pairs_detected += 1
        return f"{language}-ar"
    report.pairs_unclear += 1
    return "en-ar"


def _submission_id(record_id: str, uid: str, judgement: Judgement) -> str:
    """The id of one answer of one user to one record (``record_id``: the request it is stored on — the record's
    own id unless a stored request of that id has another source or candidates): a revision made in Argilla is a
    new judgement — keyed on the record and the user alone, a second revision was answered as "already stored" and
    lost. Two imports of one dataset at once give the same id, and the store keeps one."""
    answer = json.dumps([judgement.kind, judgement.shown, judgement.ranking, judgement.best, judgement.correction,
                         judgement.tags, judgement.comment], ensure_ascii=False)
    return "argilla-" + hashlib.sha1(f"{record_id}\t{uid}\t{answer}".encode()).hexdigest()[:32]


def _names(annotators: dict, uid: str) -> str:
    """The linguist an Argilla user id stands for: its name in the annotators file, else ``argilla-`` and the first
    8 hex digits of a UUID (as before), or of a digest of another id — its first 8 characters made ``annotator-1``
    and ``annotator-2`` one person."""
    if annotators.get(uid):
        return annotators[uid]
    compact = uid.replace("-", "").lower()
    if re.fullmatch(r"[0-9a-f]{32}", compact):
        return f"argilla-{compact[:8]}"
    return f"argilla-{hashlib.sha1(uid.encode()).hexdigest()[:8]}"


def _plan_record(
    no: int, record, annotators: dict, default_pair: str | None, report: ImportReport, problems: list[str],
    ranking_options: frozenset[str] = frozenset(),
) -> _Planned | None:
    where = f"{RECORDS_FILE} record {no}"
    if not isinstance(record, dict):
        problems.append(f"{where}: not a JSON object")
        return None
    fields = record.get("fields") or {}
    metadata = record.get("metadata") or {}
    if not isinstance(fields, dict) or not isinstance(metadata, dict):
        problems.append(f"{where}: 'fields' and 'metadata' must be JSON objects")
        return None
    source = fields.get("source")
    if not isinstance(source, str) or not source.strip():
        problems.append(f"{where}: the field 'source' is missing or empty")
        return None
    if problem := _text_problem(source.strip(), "source", MAX_SOURCE_CHARS):
        problems.append(f"{where}: {problem}")
        return None
    names = sorted((k for k in fields if k.startswith("candidate_") and k[10:].isdigit()), key=lambda k: int(k[10:]))
    # an empty candidate is one: a model's empty sample, which the studio's own export writes (it refused its own
    # export, every record of it) — at least one must hold text
    candidates = [fields[k] for k in names if isinstance(fields[k], str)]
    if len(candidates) != len(names) or not any(c.strip() for c in candidates):
        problems.append(f"{where}: the candidate fields must be texts, not all empty (candidate_1, candidate_2, …)")
        return None
    for name, text in zip(names, candidates, strict=True):
        if problem := _text_problem(text, name, MAX_TEXT_CHARS):
            problems.append(f"{where}: {problem}")
            return None
    name_position = {n: i for i, n in enumerate(names)}
    record_id = record.get("id")
    if isinstance(record_id, int) and not isinstance(record_id, bool) and record_id.bit_length() < 600:
        record_id = str(record_id)  # a hand-made dataset's numbered records (a longer number is no id)
    record_id = record_id if isinstance(record_id, str) else ""
    if not record_id or len(record_id) > 200:
        problems.append(f"{where}: the record has no usable id")
        return None
    pair = metadata.get("pair") or default_pair or _pair_of(source, report)
    if pair not in ("en-ar", "fr-ar"):
        problems.append(f"{where}: metadata 'pair' must be en-ar or fr-ar, not {pair!r}")
        return None
    try:
        extra = json.loads(metadata.get("tarjama") or "{}")
    except (TypeError, ValueError, RecursionError):
        problems.append(f"{where}: metadata 'tarjama' is not valid JSON")
        return None
    if not isinstance(extra, dict) or not all(isinstance(v, dict) for v in extra.values()):
        problems.append(f"{where}: metadata 'tarjama' must map user ids to objects")
        return None
    by_user: dict[str, dict[str, object]] = {}
    responses = record.get("responses") or {}
    if not isinstance(responses, dict):
        problems.append(f"{where}: 'responses' must map question names to lists of responses")
        return None
    for question, answers in responses.items():
        if question not in ("ranking", "best", "correction", "tags", "comment"):
            report.other_questions += len(answers) if isinstance(answers, list) else 1
            continue  # questions of other layouts are not ours to interpret
        for answer in answers if isinstance(answers, list) else [None]:
            if not isinstance(answer, dict) or "value" not in answer or not answer.get("user_id"):
                problems.append(f"{where}: a '{question}' response needs a value and a user_id")
                continue
            status = answer.get("status") or "submitted"
            partial = status == "draft" and (extra.get(str(answer["user_id"])) or {}).get(PARTIAL_RANKING) is True
            if status != "submitted" and not partial:  # the studio's own partial ranking comes back as it was
                report.skipped_status += 1
                continue
            by_user.setdefault(str(answer["user_id"]), {})[question] = answer["value"]
    planned = _Planned(
        no, record_id, source, pair, str(metadata.get("model") or IMPORTED_MODEL), metadata.get("rm"), candidates, []
    )
    for uid, answers in by_user.items():
        report.responses += 1
        who = f"{where}, user {_names(annotators, uid)}"

        def positions(values, _who=who) -> list[int] | None:
            if not isinstance(values, list) or any(not isinstance(v, str) or v not in name_position for v in values):
                problems.append(f"{_who}: the ranking must list candidate names (candidate_1, …)")
                return None
            return [name_position[v] for v in values]

        ranked = answers.get("ranking")
        if isinstance(ranked, list):  # a ranking completed in Argilla also orders the question's options this
            # record has no candidate for (the question has as many as the record with the most): dropped
            ranked = [v for v in ranked if not (isinstance(v, str) and v in ranking_options
                                                and v not in name_position)]
        ranking = positions(ranked) if "ranking" in answers else None
        if "ranking" in answers and ranking is None:
            continue
        best_value = answers.get("best")
        correction = answers.get("correction")
        if ranking:
            kind, best = "ranking", None
        elif best_value == NONE_LABEL:
            kind, best = "none", None
        elif best_value is not None:
            if not isinstance(best_value, str) or best_value not in name_position:
                problems.append(f"{who}: 'best' must be a candidate name or 'none', not {best_value!r}")
                continue
            kind, best = "best", name_position[best_value]
        elif correction:
            kind, best = "post_edit", None
        else:
            report.no_answer += 1
            continue
        if kind in ("ranking", "best") and correction:
            problems.append(f"{who}: a correction goes with a post-edit or 'none', not with a {kind}")
            continue
        shown_names = (extra.get(uid) or {}).get("shown")
        if shown_names:
            shown = positions(shown_names)
            if shown is None:
                continue
            if ranking and not set(ranking) <= set(shown):  # ranked in Argilla beyond what the studio showed
                shown = sorted(ranking)
        else:
            shown = sorted(ranking) if ranking else list(range(len(candidates)))
        tags = answers.get("tags") or []
        try:
            linguist = clean_linguist_name(_names(annotators, uid))
            judgement = check_correction(validate(
                Judgement(
                    submission_id="argilla-answer",  # made when it is stored (:func:`_submission_id`)
                    request_id=record_id,
                    linguist=linguist,
                    kind=kind,
                    shown=shown,
                    ranking=ranking,
                    best=best,
                    correction=correction if isinstance(correction, str) else None,
                    tags=tags if isinstance(tags, list) else [tags],
                    comment=str(answers.get("comment") or ""),
                ),
                len(candidates),
                source=source,
            ), candidates, unchanged_edit=True)
        except JudgementError as exc:
            problems.append(f"{who}: {exc}")
            continue
        planned.judgements.append((judgement, uid, _judged_at((extra.get(uid) or {}).get("time"))))
    by_linguist: dict[str, tuple[str, Judgement]] = {}
    kept = []
    for judgement, uid, when in planned.judgements:  # two users of one name with two answers: each re-import stored
        # both again, each a "revision" of the other; with one answer, it is kept once
        first = by_linguist.setdefault(judgement.linguist, (uid, judgement))
        if first[0] == uid:
            kept.append((judgement, uid, when))
        elif not _same_judgement(first[1], judgement):
            problems.append(f"{where}: users {first[0]} and {uid} are both {judgement.linguist} and answer "
                            f"differently: one answer per linguist and record — give them different names in "
                            f"{ANNOTATORS_FILE}")
    planned.judgements = kept
    return planned


def _judged_at(value: object) -> datetime | None:
    """When a judgement was made, from the ``time`` the studio's export keeps per user (ISO 8601, UTC), as naive
    UTC; ``None`` (the import's own time) for none, an unreadable one or one in the future. Imported judgements
    took the import's time, which moved a month of judgements onto one day of the Monitor's charts."""
    if not isinstance(value, str) or len(value) > 40:
        return None
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is not None:
        when = when.astimezone(UTC).replace(tzinfo=None)
    return when if when <= utc_now() else None


def _ranking_options(settings_json: dict) -> frozenset[str]:
    """The option values of the settings' ``ranking`` question (none when it has none, or an odd shape)."""
    for question in settings_json.get("questions", []):
        if not isinstance(question, dict) or question.get("name") != "ranking":
            continue
        options = question.get("settings", {}).get("options") if isinstance(question.get("settings"), dict) else None
        if isinstance(options, list):
            return frozenset(o["value"] for o in options if isinstance(o, dict) and isinstance(o.get("value"), str))
    return frozenset()


def plan_import(files: Mapping[str, bytes], *, default_pair: str | None = None,
                ) -> tuple[list[_Planned], ImportReport]:
    """Check an Argilla layout and plan the judgements to store; raises :class:`ArgillaImportError` listing every
    problem."""
    problems: list[str] = []
    report = ImportReport()
    ranking_options: frozenset[str] = frozenset()
    settings_json = _load_json(files, SETTINGS_FILE, problems)
    records = _load_json(files, RECORDS_FILE, problems)
    annotators = {}
    if ANNOTATORS_FILE in files:
        annotators = _load_json(files, ANNOTATORS_FILE, problems) or {}
    if settings_json is not None and (not isinstance(settings_json, dict)
                                      or not isinstance(settings_json.get("questions", []), list)):
        problems.append(f"{SETTINGS_FILE}: must be a JSON object whose 'questions' is a list")
    elif settings_json is not None:
        questions = {q.get("name") for q in settings_json.get("questions", []) if isinstance(q, dict)}
        ranking_options = _ranking_options(settings_json)
        if not questions & {"ranking", "best", "correction"}:
            problems.append(
                f"{SETTINGS_FILE}: no 'ranking', 'best' or 'correction' question — not a dataset of "
                "translation judgements in the studio's layout"
            )
    if records is not None and not isinstance(records, list):
        problems.append(f"{RECORDS_FILE}: must be a JSON list of records")
        records = None
    plans = []
    for no, record in enumerate(records or [], 1):
        report.records += 1
        plan = _plan_record(
            no, record, annotators if isinstance(annotators, dict) else {}, default_pair, report, problems,
            ranking_options,
        )
        if plan is not None:
            plans.append(plan)
    first: dict[str, _Planned] = {}
    for plan in plans:  # one request per record id: a second record of the id had its judgements put on the first's
        earlier = first.setdefault(plan.record_id, plan)
        if earlier is not plan and (earlier.source, earlier.candidates) != (plan.source, plan.candidates):
            problems.append(f"{RECORDS_FILE} record {plan.record_no}: its id {plan.record_id!r} is record "
                            f"{earlier.record_no}'s too, with another source or candidates (a record id names one "
                            "source and its candidates)")
    if problems:
        raise ArgillaImportError(problems)
    return plans, report


def import_feedback(store, files: Mapping[str, bytes], *, default_pair: str | None = None,
                    dry_run: bool = False) -> ImportReport:
    """Import an Argilla layout's responses as judgements (every record checked first; nothing stored if any is
    wrong). A record whose metadata names no language pair is ``default_pair``, or with none given the pair its
    source is written in (:func:`engine.feedback.language.detect_language`; English when unclear). A record whose
    id names a stored request with the same source and candidates adds to that request; otherwise a request is
    created for it. ``dry_run``: check it all and count what would be stored (``stored``), storing nothing."""
    plans, report = plan_import(files, default_pair=default_pair)
    problems: list[str] = []
    targets: list[str] = []
    for plan in plans:
        request = store.feedback.request(plan.record_id)
        target = plan.record_id
        if request is not None:
            same = request["source"] == plan.source and [c["text"] for c in request["candidates"]] == plan.candidates
            if not same:
                target = (
                    "argilla-"
                    + hashlib.sha1(json.dumps([plan.record_id, plan.source, plan.candidates]).encode()).hexdigest()[:24]
                )
                if store.feedback.request(target) is not None:
                    request = store.feedback.request(target)
                else:
                    request = None
        targets.append(target)
        for index, (judgement, uid, when) in enumerate(plan.judgements):
            # keyed on the request it goes to when that is not the record's own id: a second dataset numbering its
            # records 1, 2 … as the first did was refused as "already imported into another request"
            judgement = dataclasses.replace(judgement, request_id=target,
                                            submission_id=_submission_id(target, uid, judgement))
            plan.judgements[index] = (judgement, uid, when)
            existing = store.feedback.judgement(judgement.submission_id)
            if existing is not None and existing["request_id"] != target:
                problems.append(f"{RECORDS_FILE} record {plan.record_no}: already imported into another request")
            # a correction typed in Argilla is held to the forms' rule; one the store already has (the studio's own
            # export imported back: it stored such corrections before the rule) comes back as it is
            markup = markup_in(judgement.correction or "")
            if markup and not _on_record(store, target, judgement):
                problems.append(f"{RECORDS_FILE} record {plan.record_no}, {judgement.linguist}: the correction "
                                f"contains markup ({markup}): write the text alone")
    if problems:
        raise ArgillaImportError(problems)
    if dry_run:  # what an import would store, storing nothing
        report.stored = sum(1 for plan, target in zip(plans, targets, strict=True)
                            for judgement, _, _ in plan.judgements
                            if not _on_record(store, target, judgement)
                            and store.feedback.judgement(judgement.submission_id) is None)
        return report
    names = set()
    for plan, target in zip(plans, targets, strict=True):
        if store.feedback.request(target) is None:
            store.feedback.add_request(
                {
                    "id": target,
                    "source": plan.source,
                    "pair": plan.pair,
                    "model": plan.model,
                    "rm": plan.rm,
                    "settings": {"imported_from": "argilla", "record_id": plan.record_id},
                },
                [{"text": t, "strategy": "argilla"} for t in plan.candidates],
            )
            report.requests_created += 1
        for judgement, _uid, when in plan.judgements:
            store.feedback.register_linguist(judgement.linguist)
            names.add(judgement.linguist)
            if _on_record(store, target, judgement):
                report.repeated += 1
                continue
            result = store.feedback.add_judgement(judgement, model=plan.model, rm=plan.rm, created_at=when)
            if result.stored:
                report.stored += 1
            else:
                report.repeated += 1
    report.linguists = sorted(names)
    return report


def unsaved_answers(store, files: Mapping[str, bytes]) -> int:
    """The answers of an Argilla layout the store would lose if the files were replaced (an import's dry run): the
    ones an import would store, and those no import stores — drafts and discarded answers made in Argilla (the
    studio's own partial rankings import back), a comment or tags alone, answers to questions added in Argilla. A
    layout without its ``records.json`` has none."""
    if RECORDS_FILE not in files:
        return 0
    report = import_feedback(store, files, dry_run=True)
    return report.stored + report.skipped_status + report.no_answer + report.other_questions


def _on_record(store, request_id: str, judgement: Judgement) -> bool:
    """Whether the linguist already gave this answer to the request: the studio's own export imported back (its
    judgements keep their submission ids), or a dataset imported again — an older download too, whose answer was
    revised since, so it does not undo the revision. (A return to an earlier answer is therefore not recorded: the
    files carry no time of an answer made in Argilla to tell the two apart.)"""
    return any(_same_answer(row, judgement)
               for row in store.feedback.judgements(request_id=request_id, linguists=[judgement.linguist]))


def _same_judgement(a: Judgement, b: Judgement) -> bool:
    """Whether two planned judgements give the same answer."""
    return _same_answer({"kind": a.kind, "ranking": a.ranking, "best": a.best, "correction": a.correction,
                         "tags": a.tags, "comment": a.comment}, b)


def _same_answer(row: dict, judgement: Judgement) -> bool:
    """Whether a stored judgement says what ``judgement`` says (an export imported back into the store it came
    from keeps its answers: a repeat, not a revision)."""
    return (row["kind"], row["ranking"], row["best"], row["correction"] or None, row["tags"], row["comment"]) == (
        judgement.kind, judgement.ranking, judgement.best, judgement.correction, judgement.tags, judgement.comment)
