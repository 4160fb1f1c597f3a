"""Printing benchmark figures: aligned tables, units, and how a figure grows with size."""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable, Sequence
from typing import Any


def fmt_s(seconds: float) -> str:
    if seconds != seconds:  # NaN: not measured
        return "-"
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.1f} ms"
    return f"{seconds:.1f} s"


def fmt_bytes(n: float) -> str:
    if n != n:
        return "-"
    for unit, size in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if n >= size:
            return f"{n / size:.1f} {unit}" if unit != "KB" else f"{n / size:.0f} KB"
    return f"{n:.0f} B"


def print_table(title: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows, strict=False)]
    print(f"\n## {title}")
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=False)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=False)) + " |")


def growth(label: str, points: Sequence[tuple[float, float]]) -> None:
    """Print the factor between successive sizes and the exponent k in cost ~ size^k (1 = linear)."""
    pts = [(x, y) for x, y in points if y == y and y > 0]
    if len(pts) < 2:
        return
    parts = []
    for (x0, y0), (x1, y1) in zip(pts, pts[1:], strict=False):
        k = math.log(y1 / y0) / math.log(x1 / x0) if x1 != x0 else float("nan")
        parts.append(f"{x0:,.0f}->{x1:,.0f}: x{y1 / y0:.1f} (size x{x1 / x0:.0f}, exponent {k:.2f})")
    print(f"  growth of {label}: " + "; ".join(parts))


def timed(fn: Callable[[], Any], repeat: int = 3) -> tuple[float, Any]:
    """Median wall time of `repeat` calls, and the last result."""
    times = []
    result = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]
