"""The generate job with a glossary: an instruction-format model gets the applicable terms in its prompt (and the
candidates keep that prompt for the pairs); a tag-format model does not."""

from __future__ import annotations

import shutil

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from engine.glossary import GlossaryEntry, write_entries
from engine.glossary.files import GLOSSARY_INPUT
from engine.jobs.context import JobContext
from engine.jobs.generate import GenerateConfig, run
from engine.models.prompting import GLOSSARY_HEADING, write_model_card
from engine.models.refs import ModelRef

SOURCES = ["Where is the pharmacy?", "Good morning."]


@pytest.mark.parametrize("prompt_format", ["instruction", "tags"])
def test_terms_go_into_instruction_prompts_only(tmp_path, tiny_policy_dir, one_torch_thread, prompt_format):
    folder = tmp_path / "model"
    shutil.copytree(tiny_policy_dir, folder)
    write_model_card(folder, prompt_format, created_by="tests")
    run_dir = tmp_path / "run"
    (run_dir / "inputs").mkdir(parents=True)
    ModelRef("m", str(folder), "policy", prompt_format).save(run_dir / "inputs" / "model.json")
    rows = [
        {"corpus_id": 1, "seg_id": i, "pair": "en-ar", "split": "train", "source": s, "target": "صباح الخير"}
        for i, s in enumerate(SOURCES)
    ]
    pq.write_table(pa.Table.from_pylist(rows), run_dir / "inputs" / "sources.parquet")
    write_entries(run_dir / "inputs" / GLOSSARY_INPUT, [("g", "en-ar", GlossaryEntry("pharmacy", ("صيدلية",)))])
    ctx = JobContext(run_dir)
    run(
        GenerateConfig(
            model="m", corpus_ids=[1], strategies=["greedy", "temperature:1.0x2"], max_new_tokens=4, glossaries=["g"]
        ),
        ctx,
    )
    ctx.close()
    (chunk,) = sorted((run_dir / "outputs" / "candidates").glob("chunk-*.parquet"))
    prompts = {r["source"]: r["prompt"] for r in pq.read_table(chunk).to_pylist()}
    if prompt_format == "instruction":
        assert prompts[SOURCES[0]].endswith(f"{GLOSSARY_HEADING}\n- pharmacy: صيدلية\nArabic:")
        assert GLOSSARY_HEADING not in prompts[SOURCES[1]]
    else:
        assert prompts == {s: f"<en> {s} <ar>" for s in SOURCES}
        assert "cannot read them" in (run_dir / "events.jsonl").read_text(encoding="utf-8")
