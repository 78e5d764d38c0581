"""Config dataclasses: field descriptions for forms, and checked construction from plain values."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from engine.jobs.config import ConfigError, config_fields, config_from_dict, config_to_dict, setting


@dataclass
class ExampleConfig:
    steps: int = setting(10, "How many steps.", min=1, max=100)
    rate: float = setting(0.1, "Learning rate.")
    mode: str = setting("a", "Mode.", choices=("a", "b"))
    ids: list = setting([1], "Corpus ids.")
    note: str | None = setting(None, "Optional note.", advanced=True)


def test_fields_carry_help_and_bounds():
    specs = {s.name: s for s in config_fields(ExampleConfig)}
    assert specs["steps"].type is int and specs["steps"].min == 1 and specs["steps"].help == "How many steps."
    assert specs["mode"].choices == ("a", "b")
    assert specs["ids"].type is list and specs["ids"].default == [1]
    assert specs["note"].optional and specs["note"].advanced


def test_round_trip_and_coercion():
    cfg = config_from_dict(ExampleConfig, {"steps": "5", "rate": 1, "ids": (2, 3)})
    assert cfg == ExampleConfig(steps=5, rate=1.0, ids=[2, 3])
    assert config_from_dict(ExampleConfig, config_to_dict(cfg)) == cfg


@pytest.mark.parametrize("values, message", [
    ({"steps": 0}, "steps: 0 is below the minimum 1"),
    ({"steps": 101}, "steps: 101 is above the maximum 100"),
    ({"steps": 1.5}, "steps: expected a whole number, got 1.5"),
    ({"mode": "c"}, "mode: 'c' is not one of a, b"),
    ({"rate": "fast"}, "rate: cannot read 'fast' as float"),
    ({"bogus": 1}, "unknown setting(s) for ExampleConfig: bogus"),
    ({"steps": None}, "steps: a value is required"),
])
def test_bad_values_are_refused_with_a_reason(values, message):
    with pytest.raises(ConfigError) as err:
        config_from_dict(ExampleConfig, values)
    assert str(err.value) == message
