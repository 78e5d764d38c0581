"""Reward models: a causal-LM backbone with a linear or MLP head, trained with a Bradley–Terry loss.

:mod:`engine.reward.model` builds, saves and loads them (the shape TRL's PPO reads: a backbone behind
``base_model_prefix`` and a ``.score`` head); :mod:`engine.reward.unfreezing` decides which parameters
train when; :mod:`engine.reward.scoring` scores (source, candidate) batches for the pages and monitors.
"""
