"""Tarjama Studio's headless engine: storage, jobs, corpora, models and the RLHF steps.

Nothing in this package imports Streamlit; the studio's pages call into it.
"""
