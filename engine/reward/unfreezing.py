"""Layer-wise unfreezing: which parameters train in each phase (head only → top k layers → all).

A schedule is a list of phases ``SCOPE@START``: ``head@0, top2@1, all@2`` trains the head from epoch (or
step) 0, adds the top two transformer layers at 1 and everything at 2. The head is always trainable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_PHASE = re.compile(r"^(head|all|top(\d+))@(\d+)$")
_LAYER = re.compile(r"(?:^|\.)(?:layers|h|layer|blocks)\.(\d+)\.")


@dataclass(frozen=True)
class Phase:
    """From ``start`` on, train the head plus ``top`` layers (None = every parameter)."""

    start: int
    top: int | None  # 0 = head only, None = all

    @property
    def label(self) -> str:
        return "head" if self.top == 0 else "all" if self.top is None else f"top{self.top}"


def parse_schedule(specs: Iterable[str]) -> list[Phase]:
    """Read phases like ``head@0``, ``top2@1``, ``all@2`` (sorted by start; the first must start at 0)."""
    phases = []
    for spec in specs:
        match = _PHASE.match(str(spec).strip().lower())
        if not match:
            raise ValueError(f"not an unfreezing phase: {spec!r} (write head@0, top2@1, all@2)")
        scope, k, start = match.group(1), match.group(2), int(match.group(3))
        phases.append(Phase(start, None if scope == "all" else 0 if scope == "head" else int(k)))
    phases.sort(key=lambda p: p.start)
    if not phases:
        return [Phase(0, None)]
    if phases[0].start != 0:
        raise ValueError("the first unfreezing phase must start at 0")
    if len({p.start for p in phases}) != len(phases):
        raise ValueError("two unfreezing phases start at the same point")
    return phases


def phase_at(phases: list[Phase], position: int) -> Phase:
    """The phase in force at epoch/step ``position``."""
    current = phases[0]
    for phase in phases:
        if phase.start <= position:
            current = phase
    return current


def layer_index(name: str) -> int | None:
    """The transformer layer a parameter belongs to (``model.layers.3.mlp…`` → 3), or None."""
    match = _LAYER.search(name)
    return int(match.group(1)) if match else None


def is_head(name: str) -> bool:
    """Whether a parameter belongs to the trainable reward head (``score``), also under PEFT's wrappers
    (whose frozen ``original_module`` copy is not the head)."""
    return (name.startswith("score.") or ".score." in name) and "original_module" not in name


def trainable_names(names: Iterable[str], phase: Phase, num_layers: int, *, adapters_only: bool = False) -> set[str]:
    """The parameter names that train in ``phase``.

    With ``adapters_only`` (LoRA), only LoRA parameters and the head are ever candidates.
    """
    chosen = set()
    first_trainable = None if phase.top is None else num_layers - phase.top
    for name in names:
        if is_head(name):
            chosen.add(name)
            continue
        if adapters_only and "lora_" not in name:
            continue
        if phase.top is None:
            chosen.add(name)
            continue
        layer = layer_index(name)
        if layer is not None and phase.top > 0 and layer >= first_trainable:
            chosen.add(name)
    return chosen


def stored_values(param) -> int:
    """How many weights ``param`` holds: a bitsandbytes 4-bit weight packs two in a byte (its shape is the
    packed one; its quantisation state keeps the real one)."""
    state = getattr(param, "quant_state", None)
    return int(state.shape.numel()) if state is not None and hasattr(state, "shape") else param.numel()


def apply_phase(model, phase: Phase, num_layers: int, *, adapters_only: bool = False) -> tuple[int, int]:
    """Set ``requires_grad`` for ``phase``; returns (trainable parameters, all parameters).

    A quantised weight (QLoRA's 4-bit backbone: packed integers) never trains, whatever the phase: gradients
    need floating point, and its layers learn through their LoRA adapters."""
    names = [n for n, _ in model.named_parameters()]
    keep = trainable_names(names, phase, num_layers, adapters_only=adapters_only)
    trainable = total = 0
    for name, param in model.named_parameters():
        train = name in keep and param.is_floating_point()
        param.requires_grad_(train)
        total += stored_values(param)
        trainable += param.numel() if train else 0
    return trainable, total
