"""The simulator's chart: waits per group (median, p90, max) for one or more policies, drawn
offscreen like the statistics' printed charts (printing.stats_charts)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from desktop_app.services.simulate import GROUPS, Simulation

GROUP_LABELS = {"priority": "คิวพิเศษ", "ordinary": "คิวทั่วไป", "appointment": "นัดหมาย"}


def policy_label(s: Simulation) -> str:
    k = f"K={s.priority_run_max}" if s.priority_run_max else "K=–"
    m = f"M={s.ageing_minutes}" if s.ageing_minutes else "M=–"
    return f"{s.counters} ช่อง {k} {m}"


def plot_png(results: Sequence[Simulation]) -> bytes:
    from printing.stats_charts import BarChart, Series, render_bar_chart

    series = []
    for s in results:
        label = policy_label(s) if len(results) > 1 else ""
        for stat, name in (("wait_median_min", "มัธยฐาน"), ("wait_p90_min", "90%")):
            values = tuple(getattr(s.groups[g], stat) for g in GROUPS)
            series.append(Series(f"{label} {name}".strip(), values))
    chart = BarChart("เวลารอเรียกจากการจำลอง (นาที)",
                     tuple(GROUP_LABELS[g] for g in GROUPS), tuple(series), "นาที")  # fmt: skip
    return render_bar_chart(chart)


def write_plot(path: Path, results: Sequence[Simulation]) -> None:
    from desktop_app.services.tabular import write_bytes

    write_bytes(path, plot_png(results))
