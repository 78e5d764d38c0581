"""Benchmarks. Each prints ratios against a baseline measured in the same run and writes bench/results/."""
