"""The memory estimate's reading of a form's values: GRPO's generation batch is what TRL generates at once."""

from __future__ import annotations

import pytest

from studio.components.memory_estimate import PROMPT_TOKENS, _sizes


@pytest.mark.parametrize("accumulation", [1, 4])
def test_grpo_generation_batch_is_trls(tmp_path, accumulation):
    """TRL generates once per optimiser step for every accumulation step (steps_per_generation defaults to
    gradient_accumulation_steps); the estimate took one micro-batch, 4× too little KV cache at accumulation 4."""
    from trl import GRPOConfig

    values = {"batch_size": 2, "num_generations": 8, "max_completion_length": 64,
              "gradient_accumulation": accumulation}
    trained, seq_len, generated = _sizes("grpo", values)
    trl = GRPOConfig(output_dir=str(tmp_path), per_device_train_batch_size=2 * 8, num_generations=8,
                     gradient_accumulation_steps=accumulation, use_cpu=True, bf16=False, report_to=[])
    assert trl.steps_per_generation == accumulation
    assert (trained, seq_len, generated) == (16, PROMPT_TOKENS + 64, trl.generation_batch_size)  # one process
    assert generated == 16 * accumulation
