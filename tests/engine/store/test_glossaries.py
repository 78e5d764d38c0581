"""The glossary repository: several glossaries per pair, on/off by default, entries back as written."""

from __future__ import annotations

import pytest

from engine.glossary import GlossaryEntry
from engine.glossary.export import export_glossaries
from engine.glossary.files import read_entries
from engine.store.glossaries import GlossaryExistsError


def test_add_list_switch_entries_delete(store, tmp_path):
    home = [
        GlossaryEntry("remote control", ("جهاز التحكم",), "n", "home"),
        GlossaryEntry("computer", ("حاسوب", "كمبيوتر")),
    ]
    store.glossaries.add("home EN", "en-ar", home, source_file="home.tsv")
    store.glossaries.add("health EN", "en-ar", [GlossaryEntry("nurse", ("ممرضة",))], enabled=False)
    store.glossaries.add("maison FR", "fr-ar", [GlossaryEntry("télécommande", ("جهاز التحكم",))])
    assert [(g["name"], g["entries"], g["enabled"]) for g in store.glossaries.list("en-ar")] == [
        ("health EN", 1, False),
        ("home EN", 2, True),
    ]
    assert store.glossaries.enabled_names("en-ar") == ["home EN"]
    store.glossaries.set_enabled("health EN", True)
    assert store.glossaries.enabled_names() == ["health EN", "home EN", "maison FR"]
    got = store.glossaries.entries(["home EN", "maison FR"], "en-ar")
    assert [(n, p, e) for n, p, e in got] == [("home EN", "en-ar", home[0]), ("home EN", "en-ar", home[1])]
    with pytest.raises(GlossaryExistsError):
        store.glossaries.add("home EN", "en-ar", home)
    n = export_glossaries(store, ["home EN", "maison FR"], tmp_path / "g.jsonl")
    assert n == 3 and len(read_entries(tmp_path / "g.jsonl", "fr-ar")) == 1
    with pytest.raises(ValueError, match="no glossary named 'nope'"):
        export_glossaries(store, ["nope"], tmp_path / "x.jsonl")
    store.glossaries.delete("home EN")
    assert store.glossaries.entries(["home EN"]) == []
    assert [g["name"] for g in store.glossaries.list()] == ["health EN", "maison FR"]
