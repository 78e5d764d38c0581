"""Decoding: candidate generation by sampling strategy, greedy translation, per-row sampling and the fast
sampler and attention masks they use."""
