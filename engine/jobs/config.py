"""Job configs are dataclasses; each field carries its help text (and optional bounds/choices).

The studio builds its config forms from these descriptions, and ``config.yaml`` in a run folder is
the resolved config written with :func:`config_to_dict`.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import MISSING, dataclass
from typing import Any


def setting(default: Any, help: str, *, choices: tuple | None = None, min: float | None = None,
            max: float | None = None, advanced: bool = False, label: str | None = None) -> Any:
    """A dataclass field for a job config, with the help text the form shows beside it."""
    metadata = {"help": help, "choices": choices, "min": min, "max": max, "advanced": advanced,
                "label": label}
    if isinstance(default, list | dict):
        return dataclasses.field(default_factory=lambda: type(default)(default), metadata=metadata)
    return dataclasses.field(default=default, metadata=metadata)


@dataclass(frozen=True)
class FieldSpec:
    """What a form needs to know about one config field."""

    name: str
    label: str
    type: type
    default: Any
    help: str
    choices: tuple | None
    min: float | None
    max: float | None
    advanced: bool
    optional: bool


def _resolve_type(annotation: Any) -> tuple[type, bool]:
    """The base type of a field annotation, and whether it admits None."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        base, _ = _resolve_type(args[0])
        return base, True
    if origin is not None:
        return origin, False
    return annotation, False


def config_fields(config_cls: type) -> list[FieldSpec]:
    """Describe every field of a config dataclass for a generated form."""
    hints = typing.get_type_hints(config_cls)
    specs = []
    for f in dataclasses.fields(config_cls):
        base, optional = _resolve_type(hints[f.name])
        if f.default is not MISSING:
            default = f.default
        elif f.default_factory is not MISSING:
            default = f.default_factory()
        else:
            default = None
        meta = f.metadata
        specs.append(FieldSpec(
            name=f.name, label=meta.get("label") or f.name.replace("_", " ").capitalize(), type=base,
            default=default, help=meta.get("help", ""), choices=meta.get("choices"), min=meta.get("min"),
            max=meta.get("max"), advanced=bool(meta.get("advanced")), optional=optional,
        ))
    return specs


class ConfigError(ValueError):
    """A config value of the wrong type, out of bounds, or unknown."""


def _coerce(spec: FieldSpec, value: Any) -> Any:
    if value is None:
        if spec.optional:
            return None
        raise ConfigError(f"{spec.name}: a value is required")
    if spec.type is int and isinstance(value, float) and not value.is_integer():
        raise ConfigError(f"{spec.name}: expected a whole number, got {value}")
    try:
        if spec.type is bool:
            if isinstance(value, str):
                value = value.strip().lower() in ("1", "true", "yes", "on")
            coerced = bool(value)
        elif spec.type is int:
            coerced = int(value)
        elif spec.type is float:
            coerced = float(value)
        elif spec.type is str:
            coerced = str(value)
        elif spec.type is list:
            coerced = list(value)
        elif spec.type is dict:
            coerced = dict(value)
        else:
            coerced = value
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{spec.name}: cannot read {value!r} as {spec.type.__name__}") from exc
    if spec.choices is not None and coerced not in spec.choices:
        raise ConfigError(f"{spec.name}: {coerced!r} is not one of {', '.join(map(str, spec.choices))}")
    if spec.min is not None and isinstance(coerced, int | float) and coerced < spec.min:
        raise ConfigError(f"{spec.name}: {coerced} is below the minimum {spec.min}")
    if spec.max is not None and isinstance(coerced, int | float) and coerced > spec.max:
        raise ConfigError(f"{spec.name}: {coerced} is above the maximum {spec.max}")
    return coerced


def config_from_dict(config_cls: type, values: dict[str, Any]) -> Any:
    """Build a config from plain values (a YAML file, a form), checking types and bounds."""
    specs = {s.name: s for s in config_fields(config_cls)}
    unknown = sorted(set(values) - set(specs))
    if unknown:
        raise ConfigError(f"unknown setting(s) for {config_cls.__name__}: {', '.join(unknown)}")
    kwargs = {name: _coerce(specs[name], value) for name, value in values.items()}
    return config_cls(**kwargs)


def config_to_dict(config: Any) -> dict[str, Any]:
    """The plain-value form of a config, as written to ``config.yaml``."""
    return dataclasses.asdict(config)
