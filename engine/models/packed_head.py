"""A causal LM's vocabulary-wide logits only at the positions a caller reads.

A causal LM's forward runs its output layer (hidden size × vocabulary) on every position it is asked for, and what
comes after it — Gemma-2's soft-capping, a log-softmax — runs over all of them too: rows × positions × vocabulary
floats, padding included. Callers that read a few positions of each row (the completion tokens of a GRPO batch, the
response tokens of a scored pair) enter :class:`PackedHead`: a forward pre-hook on the model's output embeddings
hands them only the hidden states of those positions, as one row, so the model's own head and its own
post-processing run on those alone and the logits come back as ``(1, positions kept, vocabulary)``. It needs no
knowledge of the architecture; a model that does not call its output-embeddings module on the hidden states leaves
its logits whole, and :meth:`PackedHead.read` then takes the same positions from them.
"""

from __future__ import annotations

from typing import Any


class PackedHead:
    """While entered, a forward pre-hook on ``head`` (the model's output embeddings) that hands it only the hidden
    states where ``keep`` (rows × positions, bool) is true, as one row: ``(1, keep.sum(), hidden)``. ``fired`` says
    whether the model did call its head on hidden states of that shape (at most once per entry)."""

    def __init__(self, head: Any, keep: Any) -> None:
        self.head, self.keep, self.fired, self._handle = head, keep, False, None

    def __enter__(self) -> PackedHead:
        self._handle = self.head.register_forward_pre_hook(self._pack)
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.remove()

    def _pack(self, module: Any, args: tuple) -> tuple | None:
        if self.fired or not args or getattr(args[0], "ndim", 0) != 3 or args[0].shape[:2] != self.keep.shape:
            return None
        self.fired = True
        return (args[0][self.keep].unsqueeze(0), *args[1:])

    def read(self, logits: Any) -> Any:
        """The kept positions' logits (positions × vocabulary) from the model's output, packed or whole."""
        return logits[0] if self.fired else logits[self.keep]


def token_log_probs(logits: Any, targets: Any) -> Any:
    """``log p(target)`` at each position of ``logits`` (… × vocabulary): the target's logit less the log-sum-exp,
    without writing out the whole log-softmax."""
    return logits.gather(-1, targets.unsqueeze(-1)).squeeze(-1) - logits.logsumexp(dim=-1)
