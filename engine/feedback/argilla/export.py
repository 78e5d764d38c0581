"""The studio's judgements as Argilla records (see :mod:`engine.feedback.argilla`)."""

from __future__ import annotations

import json
import uuid

from engine.feedback.argilla.layout import (
    ANNOTATORS_FILE,
    DATASET_FILE,
    GUIDELINES,
    NONE_LABEL,
    PARTIAL_RANKING,
    RECORDS_FILE,
    SETTINGS_FILE,
    USER_NAMESPACE,
    settings,
    user_id,
)


def _responses(j: dict, position_name: dict[int, str], uid: str, status: str) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}

    def add(question: str, value) -> None:
        out.setdefault(question, []).append({"value": value, "user_id": uid, "status": status})

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


def nothing_to_export(files: dict[str, bytes], linguists: list[str] | None) -> str | None:
    """Why the files of :func:`export_files` are not worth writing — no record: no judgement (of ``linguists``) — or
    ``None``. Written, an empty ``records.json`` replaced a good export, and Argilla's ``from_disk`` refused it half
    way (the dataset made on its server, then "No records provided to ingest")."""
    if json.loads(files[RECORDS_FILE]):
        return None
    return "there are no judgements to export" + (f" by {', '.join(linguists)}" if linguists else "")


def export_files(store, *, linguists: list[str] | None = None, name: str = "tarjama-feedback") -> dict[str, bytes]:
    """The judgements (of ``linguists``, or everyone's) as Argilla's layout: relative path → bytes.

    Argilla keeps one response per user and record, so a linguist's latest judgement of a request is the one
    exported (:func:`superseded_judgements` counts the others). Argilla's server accepts a *submitted* ranking only
    when it ranks every option of the ranking question (``candidate_1`` … ``candidate_N``, N the most candidates of
    any record), and a linguist ranks the candidates shown (three of five to eight, by default): such a ranking is
    exported with its user's other answers as a ``draft`` — Argilla shows it to the linguist to complete — and
    marked ``partial_ranking`` in the record's ``tarjama`` metadata, so that :func:`import_feedback` takes it back
    as the judgement it was.
    """
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
            partial = j["kind"] == "ranking" and len(j["ranking"]) < n_candidates
            for question, values in _responses(j, position_name, uid, "draft" if partial else "submitted").items():
                responses.setdefault(question, []).extend(values)
            extra[uid] = {
                "shown": [position_name[p] for p in j["shown"] if p in position_name],
                "judgement_id": int(j["id"]),
                "time": j["created_at"].isoformat() + "Z",
                **({PARTIAL_RANKING: True} if partial else {}),
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


def superseded_judgements(store, *, linguists: list[str] | None = None) -> int:
    """How many judgements an export leaves out: a linguist's earlier judgements of a request they judged again
    (Argilla keeps one response per user and record; the latest is exported)."""
    rows = store.feedback.judgements(linguists=linguists)
    return len(rows) - len({(r["request_id"], r["linguist"]) for r in rows})
