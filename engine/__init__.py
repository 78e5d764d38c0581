"""Tarjama Studio's headless engine: storage, jobs, corpora, models and the RLHF steps.

Nothing in this package imports Streamlit; the studio's pages call into it.
"""

import logging as _logging

# bitsandbytes (imported by peft) warns at import on a CPU with AVX-512 BF16 that an optional kernel package is
# missing: a second line under every `error: …` of the command line and in job logs, about nothing the studio uses
# (QLoRA needs CUDA). Its real errors still show.
_logging.getLogger("bitsandbytes.backends.cpu.ops").setLevel(_logging.ERROR)
