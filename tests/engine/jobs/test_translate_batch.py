"""Batch translation: uploads are checked and staged under a token; the job reranks by the RM and writes TSV/JSONL."""

from __future__ import annotations

import json

import pytest

from engine.feedback.batch import (
    MAX_SOURCES,
    MAX_UPLOAD_BYTES,
    BatchUploadError,
    assign_pairs,
    parse_sources,
    read_sources,
    stage_upload,
    staged_path,
    upload_format,
)
from engine.jobs.translate_batch import TSV_COLUMNS, TranslateBatchConfig
from engine.metrics.checks import run_checks
from tests.engine.feedback.helpers import build_tiny_rm


def test_each_upload_format_yields_sources_with_their_language():
    txt = parse_sources(b"\xef\xbb\xbfThe cat is on the table.\r\n\r\nLe chat est sur la table.\n", "txt")
    assert [(s.line, s.source, s.detected) for s in txt] == [(1, "The cat is on the table.", "en"),
                                                            (3, "Le chat est sur la table.", "fr")]
    tsv = parse_sources("Hello there\tignored\nOù est la gare ?\tx\n".encode(), "tsv")
    assert [s.source for s in tsv] == ["Hello there", "Où est la gare ?"]
    csv_rows = parse_sources(b'"A quoted, sentence with the comma",x\n"Paris",y\n', "csv")
    assert [s.source for s in csv_rows] == ["A quoted, sentence with the comma", "Paris"]
    jsonl = parse_sources(b'{"source": "Paris", "pair": "fr-ar"}\n{"source": "the end"}\n', "jsonl")
    assert [(s.given_pair, s.detected) for s in jsonl] == [("fr-ar", None), (None, "en")]
    assert [s.pair for s in assign_pairs(jsonl + txt, "auto")] == ["fr-ar", "en-ar", "en-ar", "fr-ar"]
    assert [s.pair for s in assign_pairs(jsonl + txt, "en-ar")] == ["fr-ar", "en-ar", "en-ar", "en-ar"]
    assert upload_format("C:\\Users\\me\\sources.JSONL") == "jsonl"
    # a header line is no source (it was translated as "source"); in a .txt file the same word is one
    headed = parse_sources(b"Source\tnote\nHello there\tx\n", "tsv")
    assert [(s.line, s.source) for s in headed] == [(2, "Hello there")]
    assert [s.source for s in parse_sources(b"text,note\nParis,y\n", "csv")] == ["Paris"]
    assert [s.source for s in parse_sources(b"source\n\"Paris, France\"\nLyon,,\n", "csv")] == ["Paris, France", "Lyon"]
    assert [s.source for s in parse_sources(b"source\nParis\n", "txt")] == ["source", "Paris"]
    # one column: "English" may be a source (a list of UI strings); "source" is no sentence
    assert [s.source for s in parse_sources(b"English\nFrench\n", "tsv")] == ["English", "French"]
    assert [s.source for s in parse_sources(b"source\nParis\n", "tsv")] == ["Paris"]


@pytest.mark.parametrize(("data", "fmt", "message"), [
    ("The cat.\nالقطة على الطاولة.\n".encode(), "txt", "line 2: the source is in Arabic script"),
    (b'{"source": 3}\n[1]\nnot json\n', "jsonl", "line 1: no \"source\" string; line 2: not a JSON object; line 3"),
    (b'{"source": "x", "pair": "de-ar"}\n', "jsonl", "pair 'de-ar' is not en-ar or fr-ar"),
    (b"ok line\nbad \x07 bell\n", "txt", "line 2: the source contains a control character (U+0007)"),
    (b'{"source": "Hi \\u202e there"}\n', "jsonl", "line 1: the source contains a bidirectional control"),
    (b"caf\xe9\n", "txt", "not UTF-8"),
    # Notepad's "Unicode": the corpus reader's hint of what the file is was dropped
    ("The cat.\nLe chat.\n".encode("utf-16"), "txt", "not UTF-8 (the file looks like UTF-16"),
    (b"\n \n", "txt", "holds no source"),
    (("x" * 1001 + "\n").encode(), "txt", "longer than 1000"),
    (b"a\n" * (MAX_SOURCES + 1), "txt", f"at most {MAX_SOURCES}"),
    (b"a" * (MAX_UPLOAD_BYTES + 1), "txt", "larger than 5 MiB"),
    (b'{"source": "Hi", "n": ' + b"1" * 5000 + b"}\n", "jsonl", "line 1: JSON that cannot be read (Exceeds the limit"),
    (b"[" * 100_000 + b"\n", "jsonl", "line 1: JSON nested too deeply"),
    (b'{"source": "Hi \\ud800 there"}\n', "jsonl", "line 1: the source contains U+D800, which is not a character"),
    # a sentence cut at its commas: "Bonjour" alone was translated, without a word
    (b'source\nBonjour, comment allez-vous ?\n"Good morning," she said.\n', "csv",
     "line 2: 2 cells where the first line has 1: a sentence with commas must be in double quotes"),
    # a quote never closed took the rest of the file into one source, translated as one
    (b'First line\n"Hello, world\nHow are you today\nGood morning to you\n', "csv",
     "line 2: a quote opened on this line is never closed: lines 2\u20134"),
    # past the csv module's field limit: a traceback (csv.Error), not the length reason
    (b"x" * 200_000 + b"\n", "csv", "line 1: the source is longer than 1000"),
    (b'{"source": "Hello", "source": "Bye"}\n', "jsonl", 'line 1: duplicate key "source"'),
    (b'"Cinderella" is a story.\n', "csv", "line 1: malformed CSV"),
    (b'"Cinderella" is a story.\n', "csv", '("""Cinderella"" is a story.") — or upload a .txt file'),
])
def test_bad_uploads_are_refused_whole_with_line_and_reason(data, fmt, message):
    import csv

    before = csv.field_size_limit(131_072)  # the module's own limit, process-wide: as if no CSV was read before
    try:
        with pytest.raises(BatchUploadError) as info:
            parse_sources(data, fmt)
    finally:
        csv.field_size_limit(max(before, csv.field_size_limit()))
    assert message in str(info.value)


def test_a_csv_counts_its_columns_from_the_first_record_not_its_first_line():
    # a first source over two lines, with a note column: its first line had one cell, and every row was refused
    data = b'"Good morning,\nall of you",note one\n"Goodbye, friends",note two\n'
    assert [s.source for s in parse_sources(data, "csv")] == ["Good morning,\nall of you", "Goodbye, friends"]
    assert [s.line for s in parse_sources(data, "csv")] == [1, 3]


def test_a_line_separator_inside_a_source_survives_staging(workspace):
    # U+2028 and U+2029 are text to JSON but line breaks to str.splitlines(): the staged JSON lines must
    # read back whole (they used to break at them: "Unterminated string")
    text = "Hello\u2028world, how are you?\nGood\u2029night, everyone.\n"
    staged = stage_upload(workspace.root, text.encode(), "a.txt")
    assert [s.source for s in read_sources(staged_path(workspace.root, staged.token))] == [
        "Hello\u2028world, how are you?", "Good\u2029night, everyone."]


def test_upload_names_never_become_paths(workspace):
    staged = stage_upload(workspace.root, b"The cat is on the table.\n", "C:\\tmp\\in.txt")
    assert staged.sources == 1 and staged.name == "in.txt" and len(staged.token) == 32
    assert staged_path(workspace.root, staged.token).parent == workspace.root / "uploads" / "staged"
    for bad in ("../../etc/passwd", staged.token.upper(), "", "0" * 32):
        with pytest.raises(ValueError):
            staged_path(workspace.root, bad)
    for name in ("../secret.txt", "a\x00b.txt", "sources.exe"):
        with pytest.raises(ValueError):
            stage_upload(workspace.root, b"Hello\n", name)


@pytest.fixture
def tiny_rm(store, tiny_policy_dir, tmp_path):
    store.models.register("tiny-rm", "reward", str(build_tiny_rm(tiny_policy_dir, tmp_path / "rm")),
                          metadata={"prompt_format": "tags"})
    return "tiny-rm"


@pytest.fixture
def tiny_qe(tmp_path):
    """A tiny reference-free COMET-QE model (random weights) on a tiny encoder."""
    from engine.metrics.tiny_models import build_tiny_bert_encoder, build_tiny_comet

    texts = ["The cat is on the table.", "القطة على الطاولة.", "Le chat est sur la table.", "أين المحطة؟"] * 3
    encoder = build_tiny_bert_encoder(tmp_path / "encoder", texts, vocab_size=200)
    return build_tiny_comet(tmp_path / "comet_qe", encoder, reference_free=True)


@pytest.mark.slow
def test_batch_job_translates_every_source_with_best_of_n(supervisor, store, workspace, tiny_policy, tiny_rm,
                                                          tiny_qe):
    lines = ["The cat is on the table.", "Le chat est sur la table.", "I like green tea.", "Où est la gare ?",
             "We will meet tomorrow.", "Il fait beau aujourd'hui."]
    upload = "".join(json.dumps({"source": s}) + "\n" for s in lines).encode()
    staged = stage_upload(workspace.root, upload, "batch.jsonl")
    config = TranslateBatchConfig(model=tiny_policy, reward_model=tiny_rm, upload=staged.token, upload_name=staged.name,
                                  max_new_tokens=8, chunk_sources=4, batch_size=4, qe_model=str(tiny_qe))
    run_id = supervisor.start("translate_batch", config)
    assert supervisor.wait(run_id, timeout_s=300) == "succeeded", store.runs.logs(run_id)
    with pytest.raises(ValueError, match="gone"):  # the staged sources moved into the run
        staged_path(workspace.root, staged.token)
    out = workspace.run_dir(run_id) / "outputs"
    rows = [json.loads(line) for line in (out / "translations.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["source"] for r in rows] == lines
    assert [r["pair"] for r in rows] == ["en-ar", "fr-ar", "en-ar", "fr-ar", "en-ar", "fr-ar"]
    for r in rows:
        assert all(a["score"] <= r["score"] for a in r["alternatives"])
        assert 1 + len(r["alternatives"]) <= 8 and r["model"] == tiny_policy and r["rm"] == tiny_rm
    tsv = (out / "translations.tsv").read_text(encoding="utf-8").splitlines()
    assert tsv[0].split("\t") == list(TSV_COLUMNS) and len(tsv) == 7
    assert all(len(line.split("\t")) == len(TSV_COLUMNS) for line in tsv)
    # max_new_tokens 8 on a random model: translations that stop at the limit say so, in both files and the log
    assert [line.split("\t")[-2] for line in tsv[1:]] == ["true" if r["cut"] else "false" for r in rows]
    # and the output checks the translation log runs (a random model writes word salad): named in both files
    assert [line.split("\t")[-1] for line in tsv[1:]] == [",".join(r["checks"]) for r in rows]
    assert [r["checks"] for r in rows] == [c.flags for c in run_checks(lines, [r["translation"] for r in rows])]
    flagged_logged = any("failed the output checks" in r["message"] for r in store.runs.logs(run_id))
    assert any(r["checks"] for r in rows) and flagged_logged
    cut_logged = any("stopped at the token limit (8)" in r["message"] for r in store.runs.logs(run_id))
    assert cut_logged == any(r["cut"] for r in rows)
    assert len(list((out / "chunks").glob("chunk-*.jsonl"))) == 2
    assert store.runs.get(run_id)["progress_done"] == 6
    # the studio logged what the job served when it ingested the run's events (the job never opened the store)
    logged = store.translation_log.entries(origins=["batch"])
    assert [(e["run_id"], e["line"], e["source"], e["output"]) for e in logged] == [
        (run_id, r["line"], r["source"], r["translation"]) for r in rows]
    assert [e["reward"] for e in logged] == pytest.approx([r["score"] for r in rows])
    assert [e["degenerate"] for e in logged] == [bool(r["checks"]) for r in rows]
    assert all(e["model"] == tiny_policy and e["rm"] == tiny_rm for e in logged)
    assert [e["qe"] for e in logged] == pytest.approx([r["qe"] for r in rows])  # scored by the job, not the studio
    assert all(e["qe_model"] == str(tiny_qe) for e in logged)


def test_without_a_reward_model_the_samples_consensus_picks(supervisor, store, workspace, tiny_policy):
    # batch translation needed a reward model, and right after the demo set-up there is none
    from engine.metrics.mbr import candidate_consensus

    lines = ["The cat is on the table.", "Où est la gare ?", "I like green tea."]
    staged = stage_upload(workspace.root, "".join(f"{line}\n" for line in lines).encode(), "in.txt")
    run_id = supervisor.start("translate_batch", TranslateBatchConfig(
        model=tiny_policy, upload=staged.token, max_new_tokens=8, batch_size=4))
    assert supervisor.wait(run_id, timeout_s=300) == "succeeded", store.runs.logs(run_id)
    out = workspace.run_dir(run_id) / "outputs"
    rows = [json.loads(line) for line in (out / "translations.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["source"] for r in rows] == lines and {(r["pick"], r["rm"]) for r in rows} == {("mbr", None)}
    for r in rows:  # the translation is the candidate of the highest consensus chrF, its score that chrF
        texts = [r["translation"], *(a["text"] for a in r["alternatives"])]
        counts = [r["n_samples"], *(a["n_samples"] for a in r["alternatives"])]
        assert sum(counts) == 8 and all(a["score"] <= r["score"] for a in r["alternatives"])
        assert [r["score"], *(a["score"] for a in r["alternatives"])] == pytest.approx(
            candidate_consensus(texts, counts))
    logged = store.translation_log.entries(origins=["batch"])
    assert len(logged) == 3 and all(e["reward"] is None and e["rm"] is None for e in logged)  # no reward to log


def test_an_empty_qe_model_takes_the_monitor_setting(supervisor, workspace, store, tiny_policy, tiny_rm):
    import yaml

    store.translation_log.save_settings({"qe_model": "/models/cometkiwi"})  # stored as it is (no COMET here)
    staged = stage_upload(workspace.root, b"The cat is on the table.\n", "in.txt")
    run_id = supervisor.create("translate_batch", TranslateBatchConfig(model=tiny_policy, reward_model=tiny_rm,
                                                                       upload=staged.token))
    config = yaml.safe_load((workspace.run_dir(run_id) / "config.yaml").read_text(encoding="utf-8"))["config"]
    assert config["qe_model"] == "/models/cometkiwi"


def test_prepare_refuses_a_made_up_token_and_wrong_models(supervisor, tiny_policy, tiny_rm):
    with pytest.raises(ValueError, match="not an upload token"):
        supervisor.create("translate_batch", TranslateBatchConfig(model=tiny_policy, reward_model=tiny_rm,
                                                                  upload="../../etc/passwd"))
    with pytest.raises(ValueError, match="choose a reward model"):
        supervisor.create("translate_batch", TranslateBatchConfig(model=tiny_policy, reward_model=tiny_policy,
                                                                  upload="0" * 32))
    with pytest.raises(ValueError, match="between 5 and 8"):
        supervisor.create("translate_batch", TranslateBatchConfig(model=tiny_policy, reward_model=tiny_rm,
                                                                  strategies=["greedy"], upload="0" * 32))


def test_the_tsv_reads_back_cell_for_cell_when_a_source_has_quotes(tmp_path):
    # a source starting with a double quote ran into the next columns in pandas, csv and spreadsheets
    import csv

    import pandas as pd

    from engine.jobs.translate_batch import _assemble

    chunks, out = tmp_path / "chunks", tmp_path / "out"
    chunks.mkdir()
    out.mkdir()
    sources = ['"Stop," he said.', "Where is the nearest pharmacy?", '"Where is it?', "Tab\there, two\nlines"]
    rows = [{"line": i + 1, "pair": "en-ar", "source": s, "translation": f'"ترجمة" {i}', "score": 0.5,
             "alternatives": [{"text": 'بديل "ب"', "score": 0.25}]} for i, s in enumerate(sources)]
    (chunks / "chunk-00000.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                              encoding="utf-8")
    assert _assemble(chunks, out) == 4
    with (out / "translations.tsv").open(encoding="utf-8", newline="") as f:
        read = list(csv.reader(f, dialect="excel-tab"))
    assert read[0] == list(TSV_COLUMNS) and all(len(r) == len(TSV_COLUMNS) for r in read)
    flat = ['"Stop," he said.', "Where is the nearest pharmacy?", '"Where is it?', "Tab here, two lines"]
    assert [r[2] for r in read[1:]] == flat and [r[3] for r in read[1:]] == [f'"ترجمة" {i}' for i in range(4)]
    frame = pd.read_csv(out / "translations.tsv", sep="\t")
    assert frame["source"].tolist() == flat and frame["score"].tolist() == [0.5] * 4
    assert json.loads(frame["alternatives"][2]) == [{"text": 'بديل "ب"', "score": 0.25}]


def test_tsv_text_cells_that_start_like_a_formula_are_marked_as_text(tmp_path):
    # an uploaded source "=HYPERLINK(…)" ran as a formula when the TSV was opened in a spreadsheet (the Compare
    # report's CSV marked such cells already); the JSONL keeps the text as it is
    import csv

    from engine.jobs.translate_batch import _assemble

    chunks = tmp_path / "chunks"
    chunks.mkdir()
    rows = [{"line": 1, "pair": "en-ar", "source": '=HYPERLINK("http://x","y")', "translation": "-ترجمة",
             "score": -0.5, "alternatives": [], "checks": []},
            {"line": 2, "pair": "en-ar", "source": "@home", "translation": "في البيت", "score": 0.5,
             "alternatives": [], "checks": []}]
    (chunks / "chunk-00000.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                              encoding="utf-8")
    assert _assemble(chunks, tmp_path) == 2
    with (tmp_path / "translations.tsv").open(encoding="utf-8", newline="") as f:
        read = list(csv.DictReader(f, dialect="excel-tab"))
    assert [r["source"] for r in read] == ['\'=HYPERLINK("http://x","y")', "'@home"]
    assert [r["translation"] for r in read] == ["'-ترجمة", "في البيت"]
    assert [r["score"] for r in read] == ["-0.5000", "0.5000"]  # numbers are left as they are
    jsonl = [json.loads(line) for line in (tmp_path / "translations.jsonl").read_text("utf-8").splitlines()]
    assert [r["source"] for r in jsonl] == ['=HYPERLINK("http://x","y")', "@home"]

def test_chunks_written_before_the_checks_column_get_their_checks_at_assembly(tmp_path):
    # a run resumed across the upgrade: its old chunks had no "checks", and their TSV cells read as "passes"
    from engine.jobs.translate_batch import _assemble

    chunks = tmp_path / "chunks"
    chunks.mkdir()
    old = {"line": 1, "pair": "en-ar", "source": "Good morning.", "translation": "Good morning.", "score": 0.5,
           "alternatives": [], "cut": False}
    new = {**old, "line": 2, "translation": "صباح الخير.", "checks": []}
    (chunks / "chunk-00000.jsonl").write_text(json.dumps(old) + "\n", encoding="utf-8")
    (chunks / "chunk-00001.jsonl").write_text(json.dumps(new, ensure_ascii=False) + "\n", encoding="utf-8")
    assert _assemble(chunks, tmp_path) == 2
    tsv = (tmp_path / "translations.tsv").read_text(encoding="utf-8").splitlines()
    assert [line.split("\t")[-1] for line in tsv[1:]] == ["low_arabic,copy_of_source", ""]
