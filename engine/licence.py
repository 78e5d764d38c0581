"""The licence of an export. The studio cannot know the terms of a base model or of a user's corpora, so an export
says ``license: other`` — with the two keys the Hub asks for beside it, ``license_name`` and ``license_link``, the
link to a ``LICENSE.md`` in the export that says the terms are not set and which ones apply."""

from __future__ import annotations

from pathlib import Path

LICENCE_FILE = "LICENSE.md"
UNSET = "other"
"""The Hub's licence id for terms outside its list: what an export says until its user sets the terms."""


def licence_header(license: str) -> str:
    """The card's YAML licence lines: ``license: <id>``, and for ``other`` its ``license_name`` and ``license_link``
    (the Hub flags a card whose ``other`` licence has neither)."""
    if license != UNSET:
        return f"license: {license}\n"
    return f"license: other\nlicense_name: unset\nlicense_link: {LICENCE_FILE}\n"


def write_licence_file(folder: Path, license: str, applies: str) -> None:
    """Write ``LICENSE.md`` into an export ``folder`` whose licence is ``other``: the terms are not set, ``applies``
    (a sentence) says which apply, and how to set them before publishing. Nothing for a named licence."""
    if license != UNSET:
        return
    (folder / LICENCE_FILE).write_text(
        "# Licence not set\n\n"
        f"Tarjama Studio wrote this export and does not set its terms. {applies}\n\n"
        "Before publishing it, replace this file with the terms that apply and set them in the header of "
        "`README.md`: `license` (an id from https://huggingface.co/docs/hub/repositories-licenses), or `license: "
        "other` with `license_name` and `license_link`.\n", encoding="utf-8")
