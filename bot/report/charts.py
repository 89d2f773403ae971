"""The report's charts, drawn on the server as SVG with pygal (a maintained charting library that
renders SVG in pure Python, so nothing is fetched by the browser: its tooltip script, which pygal
would load from a CDN, is switched off with ``js=[]``).

Each function takes the report dict of :func:`bot.report.queries.build_report` and returns an SVG
document as text (``GET /assist/api/report/chart/<name>.svg``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pygal
from pygal.style import Style

TOP_TOPICS = 10
_STYLE = Style(
    background="white",
    plot_background="white",
    font_family="'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif",
    colors=("#1f6fb2", "#2e9d5b", "#e0a100", "#c0392b", "#7d3c98", "#7f8c8d", "#16a085", "#95a5a6"),
)


def _chart(kind: Callable[..., Any], title: str, **options: Any) -> Any:
    return kind(
        js=[],  # no script from a CDN: the page makes no external request
        style=_STYLE,
        title=title,
        width=900,
        height=360,
        disable_xml_declaration=True,
        legend_at_bottom=True,
        print_values=False,
        **options,
    )


# pygal still writes an inline script that only stores its tooltip settings; without its
# tooltip library it does nothing, so it goes (the SVG holds no script at all).
_SCRIPT = re.compile(r"<script\b.*?</script>", re.S)


def _svg(chart: Any) -> str:
    return _SCRIPT.sub("", str(chart.render(is_unicode=True)))


def usage_chart(report: dict[str, Any]) -> str:
    """Messages per day, stacked by channel."""
    days: list[str] = report["days"]
    chart = _chart(pygal.StackedBar, "每日消息数（按渠道）", x_label_rotation=30)
    chart.x_labels = [d[5:] for d in days]
    by_channel: dict[str, dict[str, int]] = {}
    for row in report["usage"]["daily"]:
        by_channel.setdefault(row["channel_name"], {})[row["day"]] = row["messages"]
    for name, counts in sorted(by_channel.items()):
        chart.add(name, [counts.get(d, 0) for d in days])
    return _svg(chart)


def outcomes_chart(report: dict[str, Any]) -> str:
    """How the most asked topics were answered (shares of their questions)."""
    top = report["topics"][:TOP_TOPICS]
    chart = _chart(pygal.HorizontalStackedBar, f"问得最多的{TOP_TOPICS}个话题：如何答复（占比）")
    chart.x_labels = [f"{t['title'][:18]}（{t['questions']}）" for t in top]
    for outcome, name in report["outcome_names"].items():
        shares = [round(t["shares"][outcome] * 100, 1) for t in top]
        if any(shares):
            chart.add(name, shares)
    return _svg(chart)


def feedback_chart(report: dict[str, Any]) -> str:
    """The share of 已解决 per topic (topics with feedback)."""
    rows = report["feedback"]["by_topic"][:TOP_TOPICS]
    chart = _chart(pygal.HorizontalBar, "各话题「已解决」比例（%）", range=(0, 100))
    chart.x_labels = [f"{r['title'][:18]}（{r['helpful'] + r['unhelpful']}）" for r in rows]
    chart.add("已解决", [round(r["helpful_rate"] * 100, 1) for r in rows])
    return _svg(chart)


CHARTS: dict[str, Callable[[dict[str, Any]], str]] = {
    "usage": usage_chart,
    "outcomes": outcomes_chart,
    "feedback": feedback_chart,
}
