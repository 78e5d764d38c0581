"""The text form of a settings mapping in a job form: ``name=value`` pairs separated by commas.

Values are numbers (``1e-4``), ``true``/``false``, words (``grpo``, a model path) or JSON (``"a, b"``,
``["greedy", "top_p:0.9x2"]``); commas inside brackets or quotes do not split pairs.
"""

from __future__ import annotations

import json
from typing import Any


class UnreadableSettings(list):
    """What a settings text box gives when part of it cannot be read: the errors. A form that gets one refuses to
    submit (the parts that could be read were started without the rest, e.g. without ``max_steps``)."""


def format_settings(values: dict[str, Any] | None) -> str:
    """``values`` as the text :func:`parse_settings` reads back to the same mapping."""
    return ", ".join(f"{name}={_format_value(value)}" for name, value in (values or {}).items())


def _format_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)  # reads back as a float: 2.0, 3e-05
    if isinstance(value, str) and value and not any(c in value for c in ',=[]{}"') \
            and value.strip() == value and _word_value(value) == value:
        return value
    return json.dumps(value, ensure_ascii=False)


def _split_top_level(text: str) -> list[str]:
    parts, depth, quoted, start = [], 0, False, 0
    for i, char in enumerate(text):
        if char == '"' and (i == 0 or text[i - 1] != "\\"):
            quoted = not quoted
        elif not quoted and char in "[{":
            depth += 1
        elif not quoted and char in "]}":
            depth -= 1
        elif not quoted and depth == 0 and char == ",":
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def _word_value(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        pass
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    try:
        return float(text)
    except ValueError:
        return text


def parse_settings(text: str, *, numeric: bool = False) -> tuple[dict[str, Any], list[str]]:
    """``(mapping, errors)`` read from ``name=value, …`` text; ``numeric``: every value must be a number (metric
    weights). A part that cannot be read is left out and named in ``errors``."""
    values: dict[str, Any] = {}
    errors: list[str] = []
    for part in _split_top_level(text):
        name, sep, raw = part.partition("=")
        name, raw = name.strip(), raw.strip()
        if not sep or not name or not raw:
            errors.append(f"“{part}” is not name={'weight' if numeric else 'value'}")
            continue
        value = _word_value(raw)
        if numeric and (isinstance(value, bool) or not isinstance(value, int | float)):
            errors.append(f"“{part}” is not name=weight (the weight must be a number)")
            continue
        values[name] = float(value) if numeric else value
    return values, errors
