"""Feedback in Argilla's dataset layout: export → import round trip, the layout as Argilla's SDK reads it, and
every bad input refused with its record and reason, nothing stored."""

from __future__ import annotations

import json
import uuid

import pytest

from engine.feedback.argilla import (
    ANNOTATORS_FILE,
    DATASET_FILE,
    RECORDS_FILE,
    SETTINGS_FILE,
    ArgillaImportError,
    export_files,
    from_zip,
    import_feedback,
    read_folder,
    settings,
    superseded_judgements,
    to_zip,
    unsaved_answers,
    user_id,
    write_folder,
)
from engine.feedback.argilla.layout import changed_since_written
from engine.feedback.judgements import Judgement, new_submission_id, submit, validate
from engine.store import Store
from tests.engine.feedback.helpers import stored_request


def _judge(store, request_id: str, linguist: str, kind: str, shown=(0, 1, 2, 3, 4), **answer) -> None:
    submit(
        store,
        Judgement(
            submission_id=new_submission_id(),
            request_id=request_id,
            linguist=linguist,
            kind=kind,
            shown=list(shown),
            **answer,
        ),
    )


def _seed(store) -> None:
    shared = stored_request(store, source="The cat is on the table.")
    _judge(store, shared, "Amina", "ranking", ranking=[2, 0, 1, 4, 3], tags=["fluency"], comment="close call")
    _judge(store, shared, "Karim", "ranking", ranking=[0, 2, 1, 3, 4])
    _judge(store, shared, "Lina", "best", best=2, shown=(0, 1, 2))
    other = stored_request(store, source="Good morning.", pair="en-ar")
    _judge(store, other, "Amina", "none", correction="صباح الخير.", tags=["accuracy", "omission"])
    _judge(store, other, "Karim", "none", shown=(0, 1, 2))
    third = stored_request(store, source="Bonjour à tous.", pair="fr-ar")
    _judge(store, third, "Lina", "post_edit", correction="مرحبا بالجميع.", comment="تصحيح")


def _content(store) -> set[tuple]:
    """Every judgement as texts (candidate texts instead of positions), so two stores can be compared."""
    out = set()
    for j in store.feedback.judgements():
        texts = {c["position"]: c["text"] for c in store.feedback.request(j["request_id"])["candidates"]}
        out.add(
            (
                j["source"],
                j["pair"],
                j["linguist"],
                j["kind"],
                tuple(texts[p] for p in j["shown"]),
                tuple(texts[p] for p in j["ranking"]) if j["ranking"] else None,
                texts[j["best"]] if j["best"] is not None else None,
                bool(j["none_acceptable"]),
                j["correction"],
                tuple(j["tags"]),
                j["comment"],
                j["model"],
                j["rm"],
            )
        )
    return out


def test_round_trip_keeps_rankings_corrections_and_each_annotators_responses(store, tmp_path):
    _seed(store)
    folder = write_folder(tmp_path / "argilla", export_files(store))
    other = Store(tmp_path / "other.duckdb")
    try:
        report = import_feedback(other, read_folder(folder))
        assert (report.records, report.responses, report.stored, report.repeated) == (3, 6, 6, 0)
        assert report.linguists == ["Amina", "Karim", "Lina"]
        assert _content(other) == _content(store)
        again = import_feedback(other, read_folder(folder))  # the same folder twice: stored once
        assert (again.stored, again.repeated, again.requests_created) == (0, 6, 0)
        assert other.feedback.count_judgements() == 6
    finally:
        other.close()
    # back into the store it came from: the requests and the judgements are recognised
    back = import_feedback(store, read_folder(folder))
    assert (back.stored, back.repeated, back.requests_created) == (0, 6, 0)
    assert store.feedback.count_judgements() == 6


def test_a_request_with_an_empty_candidate_round_trips(store, tmp_path):
    # the demo model's empty samples are candidates too: the studio's own export was refused whole on import
    # ("the candidate fields must be non-empty texts")
    from dataclasses import replace

    from engine.feedback.interactive import record
    from tests.engine.feedback.helpers import fake_translation

    translation = fake_translation(source="My brother works near the school.", n=4)
    empty = replace(translation.candidates[3], text="")
    rid = record(store, replace(translation, candidates=[*translation.candidates[:3], empty]), linguist="Amina",
                 detected="en")
    _judge(store, rid, "Amina", "ranking", shown=(0, 1, 2, 3), ranking=[0, 1, 2, 3])
    _judge(store, rid, "Karim", "best", shown=(0, 1, 2), best=1)
    other = Store(tmp_path / "other.duckdb")
    try:
        report = import_feedback(other, read_folder(write_folder(tmp_path / "argilla", export_files(store))))
        assert report.stored == 2 and _content(other) == _content(store)
    finally:
        other.close()


def test_the_layout_is_what_argillas_sdk_reads(store, tmp_path):
    _seed(store)
    files = export_files(store)
    assert set(files) == {DATASET_FILE, SETTINGS_FILE, RECORDS_FILE, ANNOTATORS_FILE}
    settings = json.loads(files[SETTINGS_FILE])
    questions = {q["name"]: q for q in settings["questions"]}
    assert {q["settings"]["type"] for q in questions.values()} == {
        "ranking",
        "label_selection",
        "text",
        "multi_label_selection",
    }
    options = [o["value"] for o in questions["ranking"]["settings"]["options"]]
    assert options == [f"candidate_{k}" for k in range(1, 6)]
    assert [f["name"] for f in settings["fields"]] == ["source", *options]
    assert json.loads(files[DATASET_FILE])["name"] == "tarjama-feedback"
    records = json.loads(files[RECORDS_FILE])
    assert [set(r) for r in records] == [
        {"id", "fields", "metadata", "suggestions", "responses", "vectors", "_server_id"}
    ] * 3
    annotators = json.loads(files[ANNOTATORS_FILE])
    for record in records:
        for question, answers in record["responses"].items():
            assert question in questions
            for answer in answers:  # Record.from_dict builds Response(question_name, **answer)
                assert set(answer) == {"value", "user_id", "status"} and answer["status"] == "submitted"
                assert str(uuid.UUID(answer["user_id"])) == answer["user_id"]
                assert annotators[answer["user_id"]] in ("Amina", "Karim", "Lina")
    cat = records[0]
    ranked = {annotators[a["user_id"]]: a["value"] for a in cat["responses"]["ranking"]}
    assert ranked == {
        "Amina": ["candidate_3", "candidate_1", "candidate_2", "candidate_5", "candidate_4"],
        "Karim": ["candidate_1", "candidate_3", "candidate_2", "candidate_4", "candidate_5"],
    }
    assert [a["value"] for a in cat["responses"]["best"]] == ["candidate_3"]  # Lina's pick
    assert cat["suggestions"]["ranking"]["value"] == options  # the reward model's order
    assert user_id("Amina") == user_id("Amina") != user_id("Karim")


def _ranking_question_options(files) -> list[str]:
    questions = {q["name"]: q for q in json.loads(files[SETTINGS_FILE])["questions"]}
    return [o["value"] for o in questions["ranking"]["settings"]["options"]]


def test_a_ranking_of_the_candidates_shown_is_a_draft_argilla_accepts_and_imports_back(store, tmp_path):
    # Argilla's server refuses a submitted ranking that does not order every option of the question
    # ("expects a list containing 5 values, found a list of 3"): the Translate page ranks the 3 shown
    shown = stored_request(store, source="Where is the station?")
    _judge(store, shown, "Amina", "ranking", shown=(0, 1, 2), ranking=[1, 0, 2], tags=["fluency"])
    _judge(store, shown, "Karim", "best", best=1, shown=(0, 1, 2))
    full = stored_request(store, source="Good night.")
    _judge(store, full, "Amina", "ranking", ranking=[4, 3, 2, 1, 0])
    files = export_files(store)
    options = _ranking_question_options(files)
    records = {r["fields"]["source"]: r for r in json.loads(files[RECORDS_FILE])}
    for record in records.values():
        for answer in record["responses"].get("ranking", []):
            assert answer["status"] == "draft" or len(answer["value"]) == len(options)
    partial = records["Where is the station?"]
    amina, karim = user_id("Amina"), user_id("Karim")
    statuses = {(q, a["user_id"]): a["status"] for q, answers in partial["responses"].items() for a in answers}
    # every answer of Amina's response is the draft (one status per user and record on Argilla's server)
    assert statuses == {("ranking", amina): "draft", ("tags", amina): "draft", ("best", karim): "submitted"}
    extra = json.loads(partial["metadata"]["tarjama"])
    assert extra[amina]["partial_ranking"] is True and "partial_ranking" not in extra[karim]
    assert [a["status"] for a in records["Good night."]["responses"]["ranking"]] == ["submitted"]

    other = Store(tmp_path / "other.duckdb")
    try:
        report = import_feedback(other, files)
        assert (report.stored, report.skipped_status) == (3, 0)
        assert _content(other) == _content(store)
    finally:
        other.close()


def test_a_ranking_completed_in_argilla_imports_without_the_options_the_record_has_no_candidate_for(store, tmp_path):
    request = stored_request(store, source="Where is the station?")  # 5 candidates
    _judge(store, request, "Amina", "ranking", shown=(0, 1, 2), ranking=[1, 0, 2])
    wide = stored_request(store, source="Good night.", n=7)  # the question has 7 options
    _judge(store, wide, "Karim", "best", best=6, shown=(4, 5, 6))
    files = export_files(store)
    assert _ranking_question_options(files) == [f"candidate_{k}" for k in range(1, 8)]
    records = json.loads(files[RECORDS_FILE])
    (answer,) = records[0]["responses"]["ranking"]
    # Amina completed the draft in Argilla: all 7 options ordered, 2 of them with no candidate in this record
    answer.update(status="submitted", value=["candidate_2", "candidate_1", "candidate_3", "candidate_7",
                                             "candidate_5", "candidate_4", "candidate_6"])
    files[RECORDS_FILE] = json.dumps(records).encode()
    other = Store(tmp_path / "other.duckdb")
    try:
        assert import_feedback(other, files).stored == 2
        judgement = next(j for j in other.feedback.judgements() if j["linguist"] == "Amina")
        assert judgement["kind"] == "ranking" and judgement["ranking"] == [1, 0, 2, 4, 3]
        assert sorted(judgement["shown"]) == [0, 1, 2, 3, 4]  # she ranked every candidate of the record
    finally:
        other.close()


def test_a_linguists_earlier_judgement_of_a_request_is_counted_as_left_out(store):
    request = stored_request(store, source="Where is the station?")
    _judge(store, request, "Amina", "ranking", ranking=[1, 0, 2, 3, 4])
    # a revised judgement of the same translation comes only by an import (the studio's forms take one per linguist)
    revised = validate(Judgement(new_submission_id(), request, "Amina", "post_edit", [0, 1, 2, 3, 4],
                                 correction="أين المحطة؟"), 5)
    store.feedback.add_judgement(revised, model="tiny-sft", rm="tiny-rm")
    _judge(store, request, "Karim", "best", best=0)
    assert superseded_judgements(store) == 1 and superseded_judgements(store, linguists=["Karim"]) == 0
    records = json.loads(export_files(store)[RECORDS_FILE])
    assert set(records[0]["responses"]) == {"correction", "best"}  # Amina's latest judgement, and Karim's


def test_a_dataset_annotated_in_argilla_imports_with_its_users(store, tmp_path):
    """No annotators file, no studio metadata, a draft response: what an export from an Argilla server holds."""
    uid_a, uid_b = str(uuid.uuid4()), str(uuid.uuid4())
    record = {
        "id": "rec-1",
        "fields": {"source": "I like tea.", "candidate_1": "أحب الشاي.", "candidate_2": "الشاي."},
        "metadata": {},
        "suggestions": {},
        "vectors": {},
        "_server_id": None,
        "responses": {
            "ranking": [
                {"value": ["candidate_1", "candidate_2"], "user_id": uid_a, "status": "submitted"},
                {"value": ["candidate_2", "candidate_1"], "user_id": uid_b, "status": "draft"},
            ],
            "best": [{"value": "none", "user_id": uid_b, "status": "submitted"}],
        },
    }
    files = export_files(store) | {RECORDS_FILE: json.dumps([record]).encode()}
    del files[ANNOTATORS_FILE]
    report = import_feedback(store, from_zip(to_zip({f"my-dataset/{k}": v for k, v in files.items()})))
    assert (report.stored, report.skipped_status, report.requests_created) == (2, 1, 1)
    rows = {r["linguist"]: r for r in store.feedback.judgements()}
    a, b = f"argilla-{uid_a.replace('-', '')[:8]}", f"argilla-{uid_b.replace('-', '')[:8]}"
    assert rows[a]["kind"] == "ranking" and rows[a]["ranking"] == [0, 1] and rows[a]["shown"] == [0, 1]
    assert rows[b]["kind"] == "none" and rows[b]["shown"] == [0, 1] and rows[b]["pair"] == "en-ar"


def _record(**over) -> dict:
    uid = user_id("Amina")
    base = {
        "id": "r1",
        "fields": {"source": "Good night.", "candidate_1": "تصبح على خير.", "candidate_2": "ليلة."},
        "metadata": {"pair": "en-ar"},
        "responses": {"best": [{"value": "candidate_1", "user_id": uid, "status": "submitted"}]},
    }
    return {**base, **over}


@pytest.mark.parametrize(
    ("records", "reason"),
    [
        (b'[{"id": "r1",', "records.json line 1 column 14: not valid JSON"),
        ([_record(fields={"candidate_1": "x"})], "record 1: the field 'source' is missing or empty"),
        ([_record(metadata={"pair": "de-ar"})], "record 1: metadata 'pair' must be en-ar or fr-ar"),
        (  # as the Translate page refuses it: it made that candidate the chosen one of "none is acceptable"
            [_record(responses={"best": [{"value": "none", "user_id": user_id("A")}],
                                "correction": [{"value": "ليلة.", "user_id": user_id("A")}]})],
            "the translation you would accept is candidate #2",
        ),
        (
            [_record(), _record(id="r2", responses={"best": [{"value": "candidate_9", "user_id": user_id("Amina")}]})],
            "record 2, user argilla-",
        ),
        (
            [_record(responses={"ranking": [{"value": ["candidate_1", "candidate_7"], "user_id": user_id("A")}]})],
            "the ranking must list candidate names",
        ),
        (
            [_record(responses={"correction": [{"value": "fixed", "user_id": user_id("A")}]})],
            "the corrected translation must be mostly Arabic",
        ),
        ([_record(responses={"best": [{"value": "candidate_1"}]})], "a 'best' response needs a value and a user_id"),
        (
            [
                _record(
                    responses={
                        "tags": [{"value": ["bogus"], "user_id": user_id("A")}],
                        "best": [{"value": "candidate_2", "user_id": user_id("A")}],
                    }
                )
            ],
            "unknown error tag(s) bogus",
        ),
        # shapes a hand-edited or hostile file may have: each a record number and a reason, never a traceback
        ([_record(fields=["x"])], "record 1: 'fields' and 'metadata' must be JSON objects"),
        ([_record(metadata="x")], "record 1: 'fields' and 'metadata' must be JSON objects"),
        (
            [_record(responses={"best": [{"value": ["candidate_1"], "user_id": user_id("A")}]})],
            "'best' must be a candidate name or 'none'",
        ),
        (
            [_record(responses={"ranking": [{"value": [["candidate_1"]], "user_id": user_id("A")}]})],
            "the ranking must list candidate names",
        ),
        ([_record(metadata={"pair": "en-ar", "tarjama": '{"u1": "x"}'})], "'tarjama' must map user ids to objects"),
        (b'[{"id": ' + b"1" * 5000 + b"}]", "records.json: JSON that cannot be read (Exceeds the limit"),
        (b"[" * 100_000, "records.json: JSON nested too deeply"),
        ([_record(id=int("1" * 400))], "record 1: the record has no usable id"),
        ([_record(fields={"source": "Good\x00night.", "candidate_1": "x"})], "the source contains a control"),
        ([_record(fields={"source": "Hi", "candidate_1": "x" * 2001})], "the candidate_1 is longer than 2000"),
        ([_record(fields={"source": "Hi\u202e", "candidate_1": "x"})], "the source contains a bidirectional"),
        ([_record(fields={"source": "Hi \ud800", "candidate_1": "x"})], "U+D800, which is not a character"),
    ],
)
def test_bad_records_are_refused_with_their_number_and_reason_and_nothing_is_stored(store, records, reason):
    files = export_files(store)
    files[RECORDS_FILE] = records if isinstance(records, bytes) else json.dumps(records).encode()
    with pytest.raises(ArgillaImportError) as caught:
        import_feedback(store, files)
    assert reason in str(caught.value), caught.value.problems
    assert store.feedback.count_judgements() == 0 and store.feedback.request("r1") is None


def test_a_correction_keeping_the_sources_names_in_latin_script_imports(store):
    files = export_files(store)
    record = _record(fields={"source": "I love New York.", "candidate_1": "أحب نيويورك.", "candidate_2": "أحب."},
                     responses={"best": [{"value": "none", "user_id": user_id("A")}],
                                "correction": [{"value": "أحب New York.", "user_id": user_id("A")}]})
    files[RECORDS_FILE] = json.dumps([record]).encode()
    assert import_feedback(store, files).stored == 1  # 1 of 3 words Arabic: it was "must be mostly Arabic"
    assert [j["correction"] for j in store.feedback.judgements()] == ["أحب New York."]


def _numbered(items) -> dict[str, bytes]:
    """A dataset made in Argilla itself: records numbered 1, 2 …, one user's pick of candidate 1 on each."""
    records = [{"id": i, "fields": {"source": s, "candidate_1": a, "candidate_2": b}, "metadata": {"pair": "en-ar"},
                "responses": {"best": [{"value": "candidate_1", "user_id": user_id("Amina"), "status": "submitted"}]}}
               for i, (s, a, b) in enumerate(items, 1)]
    return {SETTINGS_FILE: json.dumps(settings(2)).encode(), RECORDS_FILE: json.dumps(records).encode()}


def test_a_second_dataset_numbering_its_records_as_the_first_imports_into_requests_of_its_own(store):
    first = _numbered([("Good morning.", "صباح الخير.", "مساء الخير."), ("Thank you.", "شكرا.", "عفوا.")])
    second = _numbered([("Good night.", "تصبح على خير.", "صباح الخير."), ("See you.", "أراك.", "أراك أمس.")])
    assert import_feedback(store, first).stored == 2
    # it was refused whole: "record 1: already imported into another request"
    assert import_feedback(store, second).stored == 2
    assert import_feedback(store, second).stored == 0  # imported again: nothing twice
    sources = {store.feedback.request(j["request_id"])["source"] for j in store.feedback.judgements()}
    assert sources == {"Good morning.", "Thank you.", "Good night.", "See you."}


def test_a_record_naming_no_pair_gets_the_pair_its_source_is_written_in(store):
    files = _numbered([("Je vais à la pharmacie avec ma sœur.", "أذهب إلى الصيدلية مع أختي.", "أذهب."),
                       ("Where is the station?", "أين المحطة؟", "المحطة."), ("OK", "حسنا", "نعم")])
    records = json.loads(files[RECORDS_FILE])
    for record in records:
        del record["metadata"]["pair"]
    files[RECORDS_FILE] = json.dumps(records).encode()
    report = import_feedback(store, files)
    pairs = {store.feedback.request(j["request_id"])["source"]: j["pair"] for j in store.feedback.judgements()}
    # the French one was stored as en-ar, its pairs trained with English prompts
    assert pairs == {"Je vais à la pharmacie avec ma sœur.": "fr-ar", "Where is the station?": "en-ar", "OK": "en-ar"}
    assert (report.pairs_detected, report.pairs_unclear) == (2, 1)
    assert "The language pair of 2 record(s) without one was read from the source." in report.summary()
    assert "1 record(s) without one had a source of unclear language: taken as en-ar" in report.summary()


def test_a_pair_given_to_the_import_is_that_of_every_record_naming_none(store):
    files = _numbered([("Good night.", "تصبح على خير.", "صباح الخير.")])
    records = json.loads(files[RECORDS_FILE])
    del records[0]["metadata"]["pair"]
    files[RECORDS_FILE] = json.dumps(records).encode()
    report = import_feedback(store, files, default_pair="fr-ar")
    assert [j["pair"] for j in store.feedback.judgements()] == ["fr-ar"] and report.pairs_detected == 0


def test_two_records_of_one_id_are_refused(store):
    files = _numbered([("Good morning.", "صباح الخير.", "مساء الخير."), ("Thank you.", "شكرا.", "عفوا.")])
    records = json.loads(files[RECORDS_FILE])
    records[1]["id"] = records[0]["id"]  # the second's judgement was stored on the first's source
    files[RECORDS_FILE] = json.dumps(records).encode()
    with pytest.raises(ArgillaImportError, match="record 2: its id '1' is record 1's too, with another source"):
        import_feedback(store, files)
    assert store.feedback.count_judgements() == 0
    # the same record twice (two linguists' copies of one dataset put together): one request, both answers
    records[1] = {**records[0], "responses": {"best": [{"value": "candidate_2", "user_id": user_id("Bilal"),
                                                        "status": "submitted"}]}}
    files[RECORDS_FILE] = json.dumps(records).encode()
    assert import_feedback(store, files).stored == 2
    assert {j["request_id"] for j in store.feedback.judgements()} == {"1"}


def test_an_export_annotated_in_place_is_replaced_only_once_its_answers_are_imported(store, tmp_path):
    _seed(store)
    shown = stored_request(store, source="Where is the station?")  # a partial ranking: exported as a draft
    _judge(store, shown, "Amina", "ranking", shown=(0, 1, 2), ranking=[1, 0, 2])
    folder = tmp_path / "argilla"

    def unimported(found):
        return unsaved_answers(store, found)

    write_folder(folder, export_files(store), unimported=unimported)
    assert '"status": "draft"' in (folder / RECORDS_FILE).read_text(encoding="utf-8")
    write_folder(folder, export_files(store), unimported=unimported)  # its own output: replaced
    records = json.loads((folder / RECORDS_FILE).read_text(encoding="utf-8"))
    records[0]["responses"].setdefault("best", []).append(
        {"value": "candidate_1", "user_id": user_id("Nadia"), "status": "submitted"})
    (folder / RECORDS_FILE).write_text(json.dumps(records, indent=2), encoding="utf-8")  # reformatted too
    before = (folder / RECORDS_FILE).read_bytes()
    count = store.feedback.count_judgements()
    assert unsaved_answers(store, read_folder(folder)) == 1
    assert store.feedback.count_judgements() == count  # a dry run stores nothing
    # the annotations were overwritten without a word
    with pytest.raises(ValueError, match="records.json changed since it was written \\(annotated in place\\?\\)"):
        write_folder(folder, export_files(store), unimported=unimported)
    assert (folder / RECORDS_FILE).read_bytes() == before
    assert import_feedback(store, read_folder(folder)).stored == 1
    write_folder(folder, export_files(store), unimported=unimported)  # imported: replaced, the answer kept
    assert store.feedback.count_judgements() == count + 1
    # a draft saved in Argilla is never imported: it was overwritten, the dry run counting nothing to store
    records = json.loads((folder / RECORDS_FILE).read_text(encoding="utf-8"))
    records[1]["responses"].setdefault("best", []).append(
        {"value": "candidate_2", "user_id": user_id("Nadia"), "status": "draft"})
    (folder / RECORDS_FILE).write_text(json.dumps(records), encoding="utf-8")
    assert import_feedback(store, read_folder(folder), dry_run=True).stored == 0
    with pytest.raises(ValueError, match="drafts, discarded answers, a comment alone"):
        write_folder(folder, export_files(store), unimported=unimported)
    # so are a discarded answer, a comment alone and an answer to a question added in Argilla (overwritten)
    for added in ({"best": [{"value": "none", "user_id": user_id("Omar"), "status": "discarded"}]},
                  {"comment": [{"value": "the source has a typo", "user_id": user_id("Omar"), "status": "submitted"}]},
                  {"fluency": [{"value": 3, "user_id": user_id("Omar"), "status": "submitted"}]}):
        changed = json.loads(json.dumps(records))
        changed[1]["responses"]["best"].pop()  # Nadia's draft gone: only the answer added counts
        for question, answers in added.items():
            changed[1]["responses"].setdefault(question, []).extend(answers)
        assert unsaved_answers(store, {**read_folder(folder), RECORDS_FILE: json.dumps(changed).encode()}) == 1, added
    assert unsaved_answers(store, {k: v for k, v in read_folder(folder).items() if k != RECORDS_FILE}) == 0
    # changed (reformatted) with nothing new in it, the studio's own partial-ranking draft included: replaced
    fresh = write_folder(tmp_path / "fresh", export_files(store), unimported=unimported)
    (fresh / RECORDS_FILE).write_text(json.dumps(json.loads((fresh / RECORDS_FILE).read_text(encoding="utf-8")),
                                                 indent=2), encoding="utf-8")
    assert changed_since_written(fresh) == [RECORDS_FILE]
    write_folder(fresh, export_files(store), unimported=unimported)


def test_missing_files_and_non_zips_are_refused(store):
    with pytest.raises(ArgillaImportError, match=r"\.argilla/settings\.json is missing"):
        import_feedback(store, {RECORDS_FILE: b"[]"})
    with pytest.raises(ArgillaImportError, match="not a zip file"):
        from_zip(b"not a zip")
    with pytest.raises(ArgillaImportError, match="no 'ranking', 'best' or 'correction' question"):
        import_feedback(store, {SETTINGS_FILE: b'{"questions": [{"name": "label"}]}', RECORDS_FILE: b"[]"})
    for bad in (b"[1]", b'{"questions": 5}'):
        with pytest.raises(ArgillaImportError, match="must be a JSON object whose 'questions' is a list"):
            import_feedback(store, {SETTINGS_FILE: bad, RECORDS_FILE: b"[]"})


def test_a_damaged_or_encrypted_zip_member_is_refused_by_name():
    import io
    import zipfile

    zipped = to_zip({RECORDS_FILE: b"[]" * 200, SETTINGS_FILE: b"{}"})
    damaged = bytearray(zipped)
    with zipfile.ZipFile(io.BytesIO(zipped)) as zf:
        info = zf.getinfo(RECORDS_FILE)
    data_at = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(data_at, data_at + 8):  # the member's deflated bytes
        damaged[i] ^= 0xFF
    with pytest.raises(ArgillaImportError, match=r"records\.json cannot be read from the zip"):
        from_zip(bytes(damaged))
    encrypted = bytearray(zipped)
    for offset in (info.header_offset + 6, zipped.index(b"PK\x01\x02") + 8):  # the local and central flag bits
        encrypted[offset] |= 0x01
    with pytest.raises(ArgillaImportError, match=r"records\.json cannot be read from the zip"):
        from_zip(bytes(encrypted))


def test_imported_judgements_keep_when_they_were_made(store, tmp_path):
    # they took the import's time: a month of judgements landed on one day of the Monitor's charts
    from datetime import timedelta

    from engine.store.clock import utc_now

    _seed(store)
    month_ago = utc_now() - timedelta(days=30)
    with store.db.transaction() as cur:
        cur.execute("UPDATE judgements SET created_at = ?", [month_ago])
    files = export_files(store)
    records = json.loads(files[RECORDS_FILE])
    extra = json.loads(records[0]["metadata"]["tarjama"])
    extra[user_id("Amina")]["time"] = "2999-01-01T00:00:00Z"  # in the future: not believed
    records[0]["metadata"]["tarjama"] = json.dumps(extra)
    files[RECORDS_FILE] = json.dumps(records).encode()
    other = Store(tmp_path / "other.duckdb")
    try:
        import_feedback(other, files)
        times = {(j["linguist"], j["source"]): j["created_at"] for j in other.feedback.judgements()}
    finally:
        other.close()
    kept = [t for (who, source), t in times.items() if (who, source) != ("Amina", "The cat is on the table.")]
    assert kept and all(abs((t - month_ago).total_seconds()) < 1 for t in kept)
    assert times[("Amina", "The cat is on the table.")] > month_ago + timedelta(days=29)


def test_a_queue_items_record_answered_in_argilla_is_that_items_judgement(store):
    # imported without its queue and item, Karim's answer left him handed the same item on every visit (each submit
    # refused as a second judgement) and out of the queue's agreement
    from engine.feedback.interactive import record
    from engine.feedback.queue import next_item, queue_agreement
    from engine.monitor.log import log_served, served_from_translation
    from engine.monitor.settings import MonitorSettings
    from tests.engine.feedback.helpers import fake_translation

    translation = fake_translation()
    request_id = record(store, translation, linguist=None, detected="en")
    log_served(store, [served_from_translation(translation, request_id)],
               settings=MonitorSettings(review_rate=1.0, review_k=2))
    [queue] = store.feedback.queues()
    item = next_item(store, queue["id"], "Amina")
    _judge(store, item.request_id, "Amina", "best", shown=(0, 1, 2), best=1)
    files = export_files(store)
    records = json.loads(files[RECORDS_FILE])
    karim = user_id("Karim")
    records[0]["responses"]["best"] = [*records[0]["responses"].get("best", []),
                                       {"value": "candidate_2", "user_id": karim, "status": "submitted"}]
    annotators = {**json.loads(files[ANNOTATORS_FILE]), karim: "Karim"}
    import_feedback(store, {**files, RECORDS_FILE: json.dumps(records).encode(),
                            ANNOTATORS_FILE: json.dumps(annotators).encode()})
    imported = [j for j in store.feedback.judgements() if j["linguist"] == "Karim"]
    assert [(j["queue_id"], j["item_id"]) for j in imported] == [(queue["id"], item.item_id)]
    assert next_item(store, queue["id"], "Karim") is None
    assert store.feedback.progress(queue["id"], "Karim")["mine"] == 1
    assert queue_agreement(store, queue["id"]).shared_items == 1


def test_each_revision_made_in_argilla_is_imported_and_the_latest_counts(store):
    # keyed on the record and the user alone, a second revision (or a first one of a record made in Argilla) was
    # reported as "repeated" and lost: the pairs kept the linguist's old answer
    from engine.feedback.export import export_records, latest_per_linguist

    def dataset(*answers: tuple[str, str]) -> dict:
        responses = [{"value": best, "user_id": user_id(name), "status": "submitted"} for name, best in answers]
        return export_files(store) | {
            RECORDS_FILE: json.dumps([_record(responses={"best": responses})]).encode(),
            ANNOTATORS_FILE: json.dumps({user_id(name): name for name, _ in answers}).encode()}

    files = [dataset(("Amina", best)) for best in ("candidate_1", "candidate_2", "none")]
    # the first answer, two revisions, then the older downloads again: they change nothing
    reports = [import_feedback(store, f) for f in (*files, files[0], files[1])]
    assert [(r.stored, r.repeated) for r in reports] == [(1, 0), (1, 0), (1, 0), (0, 1), (0, 1)]
    assert [j["kind"] for j in sorted(store.feedback.judgements(), key=lambda j: j["id"])] == ["best", "best", "none"]
    [latest] = latest_per_linguist(export_records(store))
    assert latest["kind"] == "none"
    # two users of one name answering one record: each re-import stored both again, each a "revision" of the other
    twins = dataset(("Amina", "candidate_1"), ("Amina", "candidate_2"))
    twins[ANNOTATORS_FILE] = json.dumps({user_id("Amina"): "Amina", user_id("A2"): "Amina"}).encode()
    record = json.loads(twins[RECORDS_FILE])
    record[0]["responses"]["best"][1]["user_id"] = user_id("A2")
    twins[RECORDS_FILE] = json.dumps(record).encode()
    with pytest.raises(ArgillaImportError, match="are both Amina and answer differently: one answer per linguist"):
        import_feedback(store, twins)
    record[0]["responses"]["best"][1]["value"] = "candidate_1"  # the same answer twice: read once (given before)
    twins[RECORDS_FILE] = json.dumps(record).encode()
    report = import_feedback(store, twins)
    assert (report.stored, report.repeated, len(store.feedback.judgements())) == (0, 1, 3)


def test_users_without_a_name_are_told_apart_by_their_whole_id(store):
    # the first 8 characters of the id named them: annotator-1 and annotator-2 were one linguist, "argilla-annotato"
    record = _record(responses={"best": [{"value": v, "user_id": u, "status": "submitted"} for v, u in (
        ("candidate_1", "annotator-1"), ("candidate_2", "annotator-2"),
        ("candidate_2", "5f0c6a1e-0000-4000-8000-000000000001"))]})
    files = export_files(store) | {RECORDS_FILE: json.dumps([record]).encode()}
    del files[ANNOTATORS_FILE]
    report = import_feedback(store, files)
    assert report.stored == 3 and len(set(report.linguists)) == 3
    assert "argilla-5f0c6a1e" in report.linguists  # a UUID keeps the name it had
