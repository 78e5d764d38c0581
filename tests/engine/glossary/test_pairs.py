"""A run's glossary file holds every pair's glossaries: each source is matched against its own pair's terms."""

from __future__ import annotations

from engine.glossary.files import PairedTermIndex, index_from_file, write_entries
from engine.glossary.parsing import GlossaryEntry
from engine.rl.shaping import terminology_penalties


def _file(tmp_path):
    return write_entries(tmp_path / "glossary.jsonl", [
        ("en", "en-ar", GlossaryEntry("remote control", ("جهاز التحكم",))),
        ("fr", "fr-ar", GlossaryEntry("thé", ("شاي",))),
        ("fr", "fr-ar", GlossaryEntry("pain", ("خبز",))),
    ])


def test_an_english_source_is_not_matched_against_the_french_glossary(tmp_path):
    # score, PPO and GRPO read the file with every pair's entries: French "thé" was found in English "the" and
    # "pain" in "I have a pain": the demo's references kept 22 % of their terms instead of 97 %
    index = index_from_file(_file(tmp_path))
    assert isinstance(index, PairedTermIndex) and len(index) == 3
    scores = index.scores(["Where did you put the remote control?", "I have a pain in my back.", "Le pain est chaud."],
                          ["أين وضعت جهاز التحكم؟", "لدي ألم في ظهري.", "الخبز ساخن."])
    assert [s.score for s in scores] == [1.0, None, 1.0]
    # the pair when the caller knows it (GRPO's prompts carry it), not the language detected
    assert index.scores(["pain"], ["ألم"], ["en-ar"])[0].score is None
    assert index.scores(["pain"], ["ألم"], ["fr-ar"])[0].score == 0.0
    assert terminology_penalties(["I have a pain."], ["لدي ألم."], index, 1.0) == [0.0]
    assert index_from_file(_file(tmp_path), "fr-ar").applicable("Le thé et le pain.")  # one pair: a plain index
    # no function word to tell the language by: the one pair whose terms occur in it
    assert index.scores(["Remote control"], ["جهاز التحكم"])[0].score == 1.0


def test_the_terminology_metric_reads_each_sources_pair_when_given(tmp_path):
    # the score job knows each candidate's pair: a source read as the wrong language met the other pair's terms
    import math

    from engine.metrics import MetricSettings, get_metric

    metric = get_metric("terminology", MetricSettings(glossary_file=str(_file(tmp_path))))
    sources, texts = ["pain", "pain"], ["ألم", "ألم"]
    told = metric.score(sources, texts, pairs=["en-ar", "fr-ar"])
    assert math.isnan(told[0]) and told[1] == 0.0
