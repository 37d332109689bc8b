"""Benchmarks (throughput, memory, extraction quality); never part of `make test`."""
