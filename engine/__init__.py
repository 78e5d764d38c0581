"""Tarjama Studio's headless engine: storage, jobs, corpora, models and the RLHF steps.

Nothing in this package imports Streamlit; the studio's pages call into it.
"""

import logging as _logging
import os as _os

# `torch.load` only with `weights_only=True`: this variable turns torch's default off for every call that does not
# pass it — transformers' Trainer loads a resumed run's `rng_state.pth` so, and a crafted one ran code. Dropped in
# every process that imports the engine (the studio, each job, the command line) and so in their children.
_os.environ.pop("TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD", None)

# bitsandbytes (imported by peft) warns at import on a CPU with AVX-512 BF16 that an optional kernel package is
# missing: a second line under every `error: …` of the command line and in job logs, about a faster kernel QLoRA on
# the CPU does without. Its real errors still show.
_logging.getLogger("bitsandbytes.backends.cpu.ops").setLevel(_logging.ERROR)
