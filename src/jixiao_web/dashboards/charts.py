"""Server-rendered SVG charts for the dashboards: no JavaScript, no chart library.

Each chart is an ``<svg role="img">`` with a ``<title>`` and ``<desc>`` (read by screen readers)
and prints every label and value as text next to its bar, so nothing depends on colour alone.
"""

from __future__ import annotations

from html import escape
from itertools import count

from django.utils.safestring import SafeString, mark_safe

PALETTE = ("#9aa5b1", "#f0b429", "#1d4e89", "#d64545", "#3ebd93", "#7b2e2e")
_ids = count(1)


def text_width(text: str, size: int = 12) -> float:
    """Roughly how wide ``text`` prints: a CJK character is one em, others about half."""
    return sum(size if ord(ch) > 0x2E7F else size * 0.6 for ch in text)


def fit(text: str, width: float, size: int = 12) -> str:
    """``text`` shortened with an ellipsis so that it prints within ``width``."""
    if text_width(text, size) <= width:
        return text
    while text and text_width(text + "…", size) > width:
        text = text[:-1]
    return text + "…"


def _label_width(labels: list[str], given: int | None) -> int:
    if given is not None:
        return given
    return int(min(max((text_width(label) for label in labels), default=60) + 14, 340))


def _open(title: str, desc: str, width: int, height: int) -> tuple[list[str], str]:
    ident = f"chart-{next(_ids)}"
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{ident}-t {ident}-d" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-size="12" class="chart">',
        f'<title id="{ident}-t">{escape(title)}</title><desc id="{ident}-d">{escape(desc)}</desc>',
    ], ident


def bar_chart(title: str, items: list[tuple[str, float]], *, unit: str = "", width: int = 640,
              label_width: int | None = None, value_format: str = "{:g}") -> SafeString:
    """Horizontal bars, one per ``(label, value)``, largest value full width. Labels are
    right-aligned before the bars (shortened with … when wider than the label column; the
    description keeps them whole)."""
    label_width = _label_width([label for label, _ in items], label_width)
    bar, gap, top = 18, 6, 8
    height = top + len(items) * (bar + gap) + 4
    desc = "；".join(f"{label}：{value_format.format(value)}{unit}" for label, value in items) or "无数据"
    out, _ = _open(title, desc, width, max(height, 24))
    biggest = max((v for _, v in items), default=0) or 1
    span = width - label_width - 70
    for i, (label, value) in enumerate(items):
        y = top + i * (bar + gap)
        length = max(0.0, value / biggest * span)
        out.append(f'<text x="{label_width - 6}" y="{y + 13}" text-anchor="end">{escape(fit(label, label_width - 10))}</text>')
        out.append(f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar}" fill="#1d4e89"/>')
        out.append(f'<text x="{label_width + length + 4:.1f}" y="{y + 13}">{escape(value_format.format(value))}{escape(unit)}</text>')
    if not items:
        out.append('<text x="8" y="16">暂无数据</text>')
    out.append("</svg>")
    return mark_safe("".join(out))  # every text above is escaped


def stacked_bar_chart(title: str, series: list[str], rows: list[tuple[str, list[int]]], *,
                      width: int = 640, label_width: int | None = None) -> SafeString:
    """One horizontal bar per row, split into ``series`` (e.g. form counts per status), with a
    legend and the row total printed after the bar."""
    label_width = _label_width([label for label, _ in rows], label_width)
    bar, gap, top = 18, 6, 30
    height = top + len(rows) * (bar + gap) + 4
    desc = "；".join(
        f"{label}：" + "，".join(f"{s} {n}" for s, n in zip(series, values, strict=True) if n) + f"，合计 {sum(values)}"
        for label, values in rows
    ) or "无数据"
    out, _ = _open(title, desc, width, max(height, 40))
    x = 4
    for i, name in enumerate(series):
        out.append(f'<rect x="{x}" y="6" width="10" height="10" fill="{PALETTE[i % len(PALETTE)]}"/>')
        out.append(f'<text x="{x + 14}" y="15">{escape(name)}</text>')
        x += 14 + text_width(name) + 12
    biggest = max((sum(v) for _, v in rows), default=0) or 1
    span = width - label_width - 50
    for r, (label, values) in enumerate(rows):
        y = top + r * (bar + gap)
        out.append(f'<text x="{label_width - 6}" y="{y + 13}" text-anchor="end">{escape(fit(label, label_width - 10))}</text>')
        x0 = float(label_width)
        for i, n in enumerate(values):
            if not n:
                continue
            length = n / biggest * span
            out.append(f'<rect x="{x0:.1f}" y="{y}" width="{length:.1f}" height="{bar}" fill="{PALETTE[i % len(PALETTE)]}">'
                       f'<title>{escape(label)} {escape(series[i])} {n}</title></rect>')
            x0 += length
        out.append(f'<text x="{x0 + 4:.1f}" y="{y + 13}">{sum(values)}</text>')
    if not rows:
        out.append(f'<text x="8" y="{top + 12}">暂无数据</text>')
    out.append("</svg>")
    return mark_safe("".join(out))  # every text above is escaped
