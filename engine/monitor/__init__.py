"""Continuous monitoring in production: the translation log, its review sampling, the local HTTP endpoint, and
quality aggregates with drift alerts.

``settings``  the monitor's settings (review sampling rate, QE model, baseline and alert rule)
``log``       record served translations (checks, QE, review sampling) — Translate page, batch jobs, endpoint
``serving``   translate texts with the production model and log them (what the endpoint calls)
``server``    the ``POST /translate`` HTTP server on 127.0.0.1 (a thread of the studio or of ``python -m engine serve``)
``quality``   per-model, per-day/week aggregates of the log and the judgements; baselines and alerts
"""
