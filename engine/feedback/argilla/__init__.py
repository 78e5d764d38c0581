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
ones are counted and skipped), and the drafts the export itself wrote: Argilla accepts a submitted ranking only when
it orders every option of the question, so a ranking of the candidates shown is exported as a draft, marked
``partial_ranking`` in the metadata (:func:`export_files`). Users the annotators file does not name are called
``argilla-<first 8 hex of id>``.
"""

from engine.feedback.argilla.export import export_files, nothing_to_export, superseded_judgements
from engine.feedback.argilla.importing import ImportReport, import_feedback, plan_import, unsaved_answers
from engine.feedback.argilla.layout import (
    ANNOTATORS_FILE,
    DATASET_FILE,
    LAYOUT_FILES,
    RECORDS_FILE,
    SETTINGS_FILE,
    ArgillaImportError,
    from_zip,
    read_folder,
    settings,
    to_zip,
    user_id,
    write_folder,
)

__all__ = [
    "ANNOTATORS_FILE",
    "DATASET_FILE",
    "LAYOUT_FILES",
    "RECORDS_FILE",
    "SETTINGS_FILE",
    "ArgillaImportError",
    "ImportReport",
    "export_files",
    "from_zip",
    "import_feedback",
    "nothing_to_export",
    "plan_import",
    "read_folder",
    "settings",
    "superseded_judgements",
    "to_zip",
    "user_id",
    "write_folder",
    "unsaved_answers",
]
