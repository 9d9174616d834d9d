"""Benchmarks and the load harness; `python -m bench.run` rewrites BENCHMARKS.md."""
