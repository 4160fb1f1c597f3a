"""Benchmarks for issue 6 (scale): each module prints its figures; `python -m bench` runs them all.

Generated data goes under build/bench/ (or a folder given with --out), never into seeds/ or geodata/.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "build" / "bench"
