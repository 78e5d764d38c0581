"""Linguists' feedback in Argilla's dataset layout, written and read without the ``argilla`` package.

The layout is the one the Argilla 2.x Python SDK's ``rg.Dataset.to_disk(path)`` writes and
``rg.Dataset.from_disk(path)`` reads (as read in argilla-io/argilla's ``argilla/src/argilla`` sources:
``datasets/_io/_disk.py``, ``settings/_resource.py`` ``Settings.serialize``, ``records/_io/_json.py`` and
``records/_resource.py`` ``Record.to_dict``, ``responses.py``)::

    .argilla/dataset.json    the dataset model: name, guidelines, allow_extra_metadata, distribution …
    .argilla/settings.json   fields, questions, metadata, vectors, guidelines, allow_extra_metadata
    records.json             a JSON list of records: {id, fields, metadata, suggestions, responses, vectors,
                             _server_id}; responses are {question: [{value, user_id, status}, …]}, one per user

One record is one set of candidates judged (a translation request; a review-queue item is one request that several
linguists judged). Its fields are ``source`` and ``candidate_1`` … ``candidate_N`` (the request's candidates in the
reward model's order); the reward model's order is the ``ranking`` suggestion. The questions:

``ranking``     RankingQuestion over ``candidate_1`` … ``candidate_N`` — a ranking judgement (best first);
``best``        LabelQuestion ``candidate_k`` or ``none`` — a best pick, or "none is acceptable";
``correction``  TextQuestion — a post-edit, or the translation typed with "none is acceptable";
``tags``        MultiLabelQuestion — the error tags; ``comment``: TextQuestion.

Each linguist's answers are responses under one ``user_id``: a UUID made from the name (uuid5), since Argilla keeps
user names on its server. ``tarjama_annotators.json`` (not part of Argilla's layout; Argilla ignores it) maps the
ids back to names. Record metadata ``tarjama`` (a JSON string) keeps, per user, the candidates shown and the
judgement's id, so a round trip restores them.

Import (:func:`import_feedback`) checks every record and response first and stores nothing if any is wrong, with
the record's number and the reason; judgements are stored through the same checks as the Translate page's
(:func:`engine.feedback.judgements.validate`), keyed by a submission id made from the record and user, so importing
the same folder twice stores everything once. Only ``submitted`` responses are imported (``draft`` and ``discarded``
ones are counted and skipped). Users the annotators file does not name are called ``argilla-<first 8 hex of id>``.
"""

from __future__ import annotations

import hashlib
import io
import json
import uuid
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from engine.feedback.judgements import (
    ERROR_TAG_HELP,
    ERROR_TAGS,
    Judgement,
    JudgementError,
    clean_linguist_name,
    validate,
)

DATASET_FILE = ".argilla/dataset.json"
SETTINGS_FILE = ".argilla/settings.json"
RECORDS_FILE = "records.json"
ANNOTATORS_FILE = "tarjama_annotators.json"
LAYOUT_FILES: tuple[str, ...] = (DATASET_FILE, SETTINGS_FILE, RECORDS_FILE, ANNOTATORS_FILE)
NONE_LABEL = "none"
USER_NAMESPACE = uuid.UUID("5b0e7c1e-2f7d-4d53-9a43-7461726a616d")
"""The namespace of the user ids made from linguists' names (uuid5)."""
MAX_IMPORT_BYTES = 50 * 1024 * 1024
IMPORTED_MODEL = "argilla-import"
"""The policy named on imported requests whose record does not say which model translated."""

GUIDELINES = (
    "Judge the Arabic translations of the source. Either rank every candidate (ranking, best first), or pick the "
    "best one (best), or answer 'none' if none is acceptable; you may type the corrected translation (correction). "
    "Error tags and a comment are optional."
)


class ArgillaImportError(ValueError):
    """An Argilla folder that cannot be imported; ``problems`` lists every reason (record number first)."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = problems[:20] + ([f"… and {len(problems) - 20} more"] if len(problems) > 20 else [])
        super().__init__("the Argilla dataset cannot be imported:\n" + "\n".join(shown))


@dataclass
class ImportReport:
    """What an import did."""

    records: int = 0
    responses: int = 0
    stored: int = 0
    repeated: int = 0
    requests_created: int = 0
    skipped_status: int = 0
    no_answer: int = 0
    linguists: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def user_id(linguist: str) -> str:
    """The Argilla user id of a linguist (a UUID made from the name, the same on every export)."""
    return str(uuid.uuid5(USER_NAMESPACE, linguist))


def _option(name: str, text: str) -> dict:
    return {"value": name, "text": text, "description": None}


def _question(name: str, title: str, description: str, settings: dict) -> dict:
    return {
        "id": None,
        "name": name,
        "title": title,
        "description": description,
        "required": False,
        "settings": settings,
        "inserted_at": None,
        "updated_at": None,
    }


def _field(name: str, title: str, required: bool) -> dict:
    return {
        "id": None,
        "name": name,
        "title": title,
        "required": required,
        "description": None,
        "settings": {"type": "text", "use_markdown": False},
        "dataset_id": None,
        "inserted_at": None,
        "updated_at": None,
    }


def settings(n_candidates: int) -> dict:
    """``.argilla/settings.json`` for records of up to ``n_candidates`` candidates."""
    names = [f"candidate_{k}" for k in range(1, n_candidates + 1)]
    options = [_option(n, f"Candidate {k}") for k, n in enumerate(names, 1)]
    return {
        "guidelines": GUIDELINES,
        "questions": [
            _question("ranking", "Rank the candidates", "Best first.", {"type": "ranking", "options": options}),
            _question(
                "best",
                "Pick the best",
                "Or 'none' if none is acceptable.",
                {
                    "type": "label_selection",
                    "options": [*options, _option(NONE_LABEL, "None is acceptable")],
                    "visible_options": None,
                },
            ),
            _question(
                "correction",
                "Corrected translation",
                "A post-edit, or the translation you would accept.",
                {"type": "text", "use_markdown": False},
            ),
            _question(
                "tags",
                "Error tags",
                "; ".join(f"{t}: {h}" for t, h in ERROR_TAG_HELP.items()),
                {
                    "type": "multi_label_selection",
                    "options": [_option(t, t) for t in ERROR_TAGS],
                    "visible_options": None,
                    "options_order": "natural",
                },
            ),
            _question("comment", "Comment", "", {"type": "text", "use_markdown": False}),
        ],
        "fields": [_field("source", "Source", True)]
        + [_field(n, f"Candidate {k}", False) for k, n in enumerate(names, 1)],
        "vectors": [],
        "metadata": [],
        "allow_extra_metadata": True,
        "distribution": {"strategy": "overlap", "min_submitted": 1},
    }


def _responses(j: dict, position_name: dict[int, str], uid: str) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}

    def add(question: str, value) -> None:
        out.setdefault(question, []).append({"value": value, "user_id": uid, "status": "submitted"})

    if j["kind"] == "ranking":
        add("ranking", [position_name[p] for p in j["ranking"]])
    elif j["kind"] == "best":
        add("best", position_name[j["best"]])
    elif j["kind"] == "none":
        add("best", NONE_LABEL)
    if j["correction"]:
        add("correction", j["correction"])
    if j["tags"]:
        add("tags", list(j["tags"]))
    if j["comment"]:
        add("comment", j["comment"])
    return out


def export_files(store, *, linguists: list[str] | None = None, name: str = "tarjama-feedback") -> dict[str, bytes]:
    """The judgements (of ``linguists``, or everyone's) as Argilla's layout: relative path → bytes."""
    rows = store.feedback.judgements(linguists=linguists)
    request_ids = list(dict.fromkeys(r["request_id"] for r in rows))
    candidates = store.feedback.candidates_of(request_ids)
    by_request: dict[str, list[dict]] = {}
    for r in rows:
        by_request.setdefault(r["request_id"], []).append(r)
    n_candidates = max([len(c) for c in candidates.values()] or [2])
    records, annotators = [], {}
    for request_id, judgements in by_request.items():
        cands = candidates.get(request_id, [])
        position_name = {c["position"]: f"candidate_{i}" for i, c in enumerate(cands, 1)}
        first = judgements[0]
        fields = {"source": first["source"], **{position_name[c["position"]]: c["text"] for c in cands}}
        responses: dict[str, list[dict]] = {}
        extra: dict[str, dict] = {}
        latest = {j["linguist"]: j for j in judgements}  # a linguist's latest judgement of the request counts
        for linguist, j in latest.items():
            uid = user_id(linguist)
            annotators[uid] = linguist
            for question, values in _responses(j, position_name, uid).items():
                responses.setdefault(question, []).extend(values)
            extra[uid] = {
                "shown": [position_name[p] for p in j["shown"] if p in position_name],
                "judgement_id": int(j["id"]),
                "time": j["created_at"].isoformat() + "Z",
            }
        metadata = {"pair": first["pair"], "model": first["model"], "tarjama": json.dumps(extra, ensure_ascii=False)}
        if first["rm"]:
            metadata["rm"] = first["rm"]
        if first["queue_id"] is not None:
            metadata.update(queue_id=int(first["queue_id"]), item_id=int(first["item_id"]))
        suggestions = (
            {"ranking": {"value": [position_name[c["position"]] for c in cands], "score": None, "agent": first["rm"]}}
            if first["rm"] and len(cands) > 1
            else {}
        )
        records.append(
            {
                "id": request_id,
                "fields": fields,
                "metadata": metadata,
                "suggestions": suggestions,
                "responses": responses,
                "vectors": {},
                "_server_id": None,
            }
        )
    dataset = {
        "id": str(uuid.uuid5(USER_NAMESPACE, f"dataset:{name}")),
        "name": name,
        "guidelines": GUIDELINES,
        "allow_extra_metadata": True,
        "status": "ready",
        "distribution": {"strategy": "overlap", "min_submitted": 1},
        "metadata": None,
        "workspace_id": None,
        "last_activity_at": None,
        "inserted_at": None,
        "updated_at": None,
    }

    def dump(obj) -> bytes:
        return json.dumps(obj, ensure_ascii=False, indent=1).encode("utf-8")

    return {
        DATASET_FILE: dump(dataset),
        SETTINGS_FILE: dump(settings(n_candidates)),
        RECORDS_FILE: dump(records),
        ANNOTATORS_FILE: dump(annotators),
    }


def write_folder(folder: Path, files: Mapping[str, bytes]) -> Path:
    """Write the layout's files under ``folder`` (created; files replaced); returns the folder."""
    for rel, data in files.items():
        if rel not in LAYOUT_FILES:
            raise ValueError(f"{rel} is not a file of the layout")
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return folder


def read_folder(folder: Path) -> dict[str, bytes]:
    """The layout's files found under ``folder`` (only the known names are read)."""
    return {rel: (folder / rel).read_bytes() for rel in LAYOUT_FILES if (folder / rel).is_file()}


def to_zip(files: Mapping[str, bytes]) -> bytes:
    """The layout as a zip (for a download); unzipped, it is a folder ``rg.Dataset.from_disk`` reads."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for rel, data in files.items():
            zf.writestr(rel, data)
    return buf.getvalue()


def from_zip(data: bytes) -> dict[str, bytes]:
    """The layout's files from a zip of an exported folder (the folder itself may be the zip's top level entry);
    member names are only compared with the layout's, never used as paths."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ArgillaImportError(["the upload is not a zip file"]) from None
    out: dict[str, bytes] = {}
    total = 0
    with zf:
        for info in zf.infolist():
            name = info.filename.replace("\\", "/")
            for rel in LAYOUT_FILES:
                if name == rel or name.endswith("/" + rel):
                    total += info.file_size
                    if total > MAX_IMPORT_BYTES:
                        raise ArgillaImportError([f"the dataset is larger than {MAX_IMPORT_BYTES // 2**20} MiB"])
                    out.setdefault(rel, zf.read(info))
    return out


# --- import ------------------------------------------------------------------------------------------
@dataclass
class _Planned:
    record_no: int
    record_id: str
    source: str
    pair: str
    model: str
    rm: str | None
    candidates: list[str]
    judgements: list[tuple[Judgement, str]]  # (judgement, user id)


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
    return None


def _submission_id(record_id: str, uid: str) -> str:
    return "argilla-" + hashlib.sha1(f"{record_id}\t{uid}".encode()).hexdigest()[:32]


def _names(annotators: dict, uid: str) -> str:
    return annotators.get(uid) or f"argilla-{uid.replace('-', '')[:8]}"


def _plan_record(
    no: int, record, annotators: dict, default_pair: str, report: ImportReport, problems: list[str]
) -> _Planned | None:
    where = f"{RECORDS_FILE} record {no}"
    if not isinstance(record, dict):
        problems.append(f"{where}: not a JSON object")
        return None
    fields = record.get("fields") or {}
    metadata = record.get("metadata") or {}
    source = fields.get("source")
    if not isinstance(source, str) or not source.strip():
        problems.append(f"{where}: the field 'source' is missing or empty")
        return None
    names = sorted((k for k in fields if k.startswith("candidate_") and k[10:].isdigit()), key=lambda k: int(k[10:]))
    candidates = [fields[k] for k in names if isinstance(fields[k], str) and fields[k].strip()]
    if len(candidates) != len(names) or not candidates:
        problems.append(f"{where}: the candidate fields must be non-empty texts (candidate_1, candidate_2, …)")
        return None
    name_position = {n: i for i, n in enumerate(names)}
    record_id = str(record.get("id") or "")
    if not record_id or len(record_id) > 200:
        problems.append(f"{where}: the record has no usable id")
        return None
    pair = metadata.get("pair") or default_pair
    if pair not in ("en-ar", "fr-ar"):
        problems.append(f"{where}: metadata 'pair' must be en-ar or fr-ar, not {pair!r}")
        return None
    try:
        extra = json.loads(metadata.get("tarjama") or "{}")
    except (TypeError, json.JSONDecodeError):
        problems.append(f"{where}: metadata 'tarjama' is not valid JSON")
        return None
    by_user: dict[str, dict[str, object]] = {}
    responses = record.get("responses") or {}
    if not isinstance(responses, dict):
        problems.append(f"{where}: 'responses' must map question names to lists of responses")
        return None
    for question, answers in responses.items():
        if question not in ("ranking", "best", "correction", "tags", "comment"):
            continue  # questions of other layouts are not ours to interpret
        for answer in answers if isinstance(answers, list) else [None]:
            if not isinstance(answer, dict) or "value" not in answer or not answer.get("user_id"):
                problems.append(f"{where}: a '{question}' response needs a value and a user_id")
                continue
            if (answer.get("status") or "submitted") != "submitted":
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
            if not isinstance(values, list) or any(v not in name_position for v in values):
                problems.append(f"{_who}: the ranking must list candidate names (candidate_1, …)")
                return None
            return [name_position[v] for v in values]

        ranking = positions(answers["ranking"]) if "ranking" in answers else None
        if "ranking" in answers and ranking is None:
            continue
        best_value = answers.get("best")
        correction = answers.get("correction")
        if ranking:
            kind, best = "ranking", None
        elif best_value == NONE_LABEL:
            kind, best = "none", None
        elif best_value is not None:
            if best_value not in name_position:
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
        shown_names = (extra.get(uid) or {}).get("shown") if isinstance(extra, dict) else None
        if shown_names:
            shown = positions(shown_names)
            if shown is None:
                continue
        else:
            shown = sorted(ranking) if ranking else list(range(len(candidates)))
        tags = answers.get("tags") or []
        try:
            linguist = clean_linguist_name(_names(annotators, uid))
            judgement = validate(
                Judgement(
                    submission_id=_submission_id(record_id, uid),
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
            )
        except JudgementError as exc:
            problems.append(f"{who}: {exc}")
            continue
        planned.judgements.append((judgement, uid))
    return planned


def plan_import(files: Mapping[str, bytes], *, default_pair: str = "en-ar") -> tuple[list[_Planned], ImportReport]:
    """Check an Argilla layout and plan the judgements to store; raises :class:`ArgillaImportError` listing every
    problem."""
    problems: list[str] = []
    report = ImportReport()
    settings_json = _load_json(files, SETTINGS_FILE, problems)
    records = _load_json(files, RECORDS_FILE, problems)
    annotators = {}
    if ANNOTATORS_FILE in files:
        annotators = _load_json(files, ANNOTATORS_FILE, problems) or {}
    if settings_json is not None:
        questions = {q.get("name") for q in settings_json.get("questions", []) if isinstance(q, dict)}
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
            no, record, annotators if isinstance(annotators, dict) else {}, default_pair, report, problems
        )
        if plan is not None:
            plans.append(plan)
    if problems:
        raise ArgillaImportError(problems)
    return plans, report


def import_feedback(store, files: Mapping[str, bytes], *, default_pair: str = "en-ar") -> ImportReport:
    """Import an Argilla layout's responses as judgements (every record checked first; nothing stored if any is
    wrong). A record whose id names a stored request with the same source and candidates adds to that request;
    otherwise a request is created for it."""
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
        for judgement, _uid in plan.judgements:
            existing = store.feedback.judgement(judgement.submission_id)
            if existing is not None and existing["request_id"] != target:
                problems.append(f"{RECORDS_FILE} record {plan.record_no}: already imported into another request")
    if problems:
        raise ArgillaImportError(problems)
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
        for judgement, _uid in plan.judgements:
            store.feedback.register_linguist(judgement.linguist)
            names.add(judgement.linguist)
            if _already_judged(store, target, judgement):
                report.repeated += 1
                continue
            result = store.feedback.add_judgement(
                Judgement(**{**judgement.__dict__, "request_id": target}), model=plan.model, rm=plan.rm
            )
            if result.stored:
                report.stored += 1
            else:
                report.repeated += 1
    report.linguists = sorted(names)
    return report


def _already_judged(store, request_id: str, judgement: Judgement) -> bool:
    """Whether the linguist already has this very judgement of the request (an export imported back into the
    store it came from: its judgements keep their own submission ids)."""
    for row in store.feedback.judgements(request_id=request_id, linguists=[judgement.linguist]):
        if (row["kind"], row["ranking"], row["best"], row["correction"] or None, row["tags"], row["comment"]) == (
            judgement.kind,
            judgement.ranking,
            judgement.best,
            judgement.correction,
            judgement.tags,
            judgement.comment,
        ):
            return True
    return False
