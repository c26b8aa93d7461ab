"""Graphs at scale: the synthetic graph of our exact shape for benchmarks and scale tests."""
