"""Bar charts for printed statistics, drawn with QPainter on a QImage (Qt shapes the Thai
labels; no widgets) and returned as PNG bytes for the PDF summary.

Takes plain values: a chart knows nothing of tickets or loans.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

from printing.fonts import load_sarabun
from printing.qt import ensure_gui_app

PALETTE = ("#1f5f99", "#e08a1e", "#3a9a5b", "#b8433f", "#7a5aa6", "#5b6b7a")


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]  # one per category; None: no value (no bar)


@dataclass(frozen=True)
class BarChart:
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str = ""  # the value axis, e.g. "นาที" or "คิว"


def nice_step(top: float, ticks: int = 5) -> float:
    """A round step (1, 2 or 5 × 10ⁿ) giving about ``ticks`` gridlines up to ``top``."""
    if top <= 0:
        return 1.0
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if raw <= m * power:
            return float(m * power)
    return float(10 * power)


def _number(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() or abs(v) >= 100 else f"{v:,.1f}"


def render_bar_chart(chart: BarChart, width: int = 1800, height: int = 760) -> bytes:
    """The chart as a PNG (white background), grouped bars per category with a legend."""
    ensure_gui_app()
    family = load_sarabun()
    img = QImage(width, height, QImage.Format.Format_RGB32)
    img.fill(QColor("white"))
    p = QPainter(img)
    try:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        scale = height / 760
        title_font = QFont(family)
        title_font.setPixelSize(round(50 * scale))
        title_font.setWeight(QFont.Weight.Bold)
        label_font = QFont(family)
        label_font.setPixelSize(round(40 * scale))
        small_font = QFont(family)
        small_font.setPixelSize(round(34 * scale))

        # Title, legend.
        p.setFont(title_font)
        p.setPen(QColor("#222222"))
        title_h = 76 * scale
        p.drawText(QRectF(0, 0, width, title_h), Qt.AlignmentFlag.AlignCenter, chart.title)
        legend_h = 60 * scale if len(chart.series) > 1 else 0
        if legend_h:
            p.setFont(label_font)
            x = 120 * scale
            for i, s in enumerate(chart.series):
                colour = QColor(PALETTE[i % len(PALETTE)])
                p.fillRect(QRectF(x, title_h + 14 * scale, 32 * scale, 32 * scale), colour)
                x += 44 * scale
                text_w = p.fontMetrics().horizontalAdvance(s.name)
                p.setPen(QColor("#222222"))
                p.drawText(
                    QRectF(x, title_h, text_w + 10, legend_h), Qt.AlignmentFlag.AlignVCenter, s.name
                )
                x += text_w + 50 * scale

        # Plot area.
        left, right = 170 * scale, 30 * scale
        top = title_h + legend_h + 20 * scale
        bottom = 70 * scale
        plot = QRectF(left, top, width - left - right, height - top - bottom)
        values = [v for s in chart.series for v in s.values if v is not None]
        peak = max(values, default=0.0)
        step = nice_step(peak)
        axis_top = max(step, math.ceil(peak / step) * step) if peak > 0 else step * 5
        p.setFont(small_font)
        grid = QPen(QColor("#d9d9d9"))
        grid.setWidthF(2 * scale)
        n_ticks = round(axis_top / step)
        for t in range(n_ticks + 1):
            value = t * step
            y = plot.bottom() - plot.height() * value / axis_top
            p.setPen(grid)
            p.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            p.setPen(QColor("#555555"))
            p.drawText(
                QRectF(0, y - 20 * scale, left - 12 * scale, 40 * scale),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                _number(value),
            )
        if chart.unit:
            p.drawText(
                QRectF(0, top - 46 * scale, left + 200 * scale, 40 * scale),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                chart.unit,
            )

        # Bars.
        n_cat = max(len(chart.categories), 1)
        group_w = plot.width() / n_cat
        n_ser = max(len(chart.series), 1)
        bar_w = group_w * 0.75 / n_ser
        p.setFont(label_font if n_cat <= 16 else small_font)
        for c, cat in enumerate(chart.categories):
            gx = plot.left() + c * group_w + group_w * 0.125
            for si, s in enumerate(chart.series):
                v = s.values[c] if c < len(s.values) else None
                if v is None or v <= 0:
                    continue
                h = plot.height() * v / axis_top
                p.fillRect(
                    QRectF(gx + si * bar_w, plot.bottom() - h, bar_w * 0.92, h),
                    QColor(PALETTE[si % len(PALETTE)]),
                )
            p.setPen(QColor("#222222"))
            every = max(1, math.ceil(n_cat / 24))  # at most ~24 labels side by side
            if c % every == 0:
                p.drawText(
                    QRectF(
                        plot.left() + c * group_w - group_w * (every - 1) / 2,
                        plot.bottom() + 8 * scale,
                        group_w * every,
                        bottom - 12 * scale,
                    ),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                    cat,
                )
        axis = QPen(QColor("#333333"))
        axis.setWidthF(3 * scale)
        p.setPen(axis)
        p.drawLine(int(plot.left()), int(plot.bottom()), int(plot.right()), int(plot.bottom()))
    finally:
        p.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; Qt wants str
    buf.close()
    return bytes(data.data())


def render_charts(charts: Sequence[BarChart]) -> list[bytes]:
    return [render_bar_chart(c) for c in charts]
