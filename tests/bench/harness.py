"""What every benchmark module hands to `make bench`.

A benchmark module in tests/bench/ exposes ``benchmarks(smoke: bool) -> Iterable[Figure]``.
``smoke`` asks for the tiniest size that still runs every code path once (the smoke test in
``make test`` uses it); figures are then meaningless and nobody reports them.

Each figure keeps its raw runs, so the runner computes median and p90 the same way for all;
a figure measured against a baseline in the same run carries that baseline, and the runner
reports both sides and the ratio of medians.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Figure:
    name: str
    unit: str  # "ms", "s", "bytes", "rows/s" …
    runs: tuple[float, ...]
    baseline: Figure | None = None
    note: str = ""
    extra: dict[str, float] = field(default_factory=dict)

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def p90(self) -> float:
        if len(self.runs) < 2:
            return self.runs[0]
        return statistics.quantiles(self.runs, n=10, method="inclusive")[-1]

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline.median == 0:
            return None
        return self.median / self.baseline.median


def timed_ms(n: int, action: Callable[[], object], *, warmup: int = 1) -> tuple[float, ...]:
    """Run ``action`` ``warmup`` times unmeasured, then ``n`` times; milliseconds per run."""
    for _ in range(warmup):
        action()
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        action()
        out.append((time.perf_counter() - t0) * 1000)
    return tuple(out)
