"""Pipelines: jobs run in order, each step a normal run (see :mod:`engine.pipelines.runner`), and the studio's
ready-made ones, Phase 2 and Phase 3 (see :mod:`engine.pipelines.templates`)."""
