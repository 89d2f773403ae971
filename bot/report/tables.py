"""The report's tables as CSV (``GET /assist/api/report/csv/<table>``): UTF-8 with a byte-order
mark so that Excel opens the Chinese text correctly, one header row in Chinese."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from typing import Any

Row = list[Any]
Table = tuple[list[str], Callable[[dict[str, Any]], Iterable[Row]]]


def _outcomes(report: dict[str, Any]) -> list[str]:
    return list(report["outcome_names"])


def _topic_rows(report: dict[str, Any]) -> Iterable[Row]:
    for t in report["topics"]:
        yield [t["intent"], t["title"], t["questions"], *(t[o] for o in _outcomes(report))]


def _unanswered_rows(report: dict[str, Any]) -> Iterable[Row]:
    for g in report["unanswered"]["groups"]:
        for example in g["latest"]:
            yield [
                g["text"],
                g["count"],
                example["at"],
                example["channel"],
                example["outcome"],
                example["sender_id"],
                example["text"],
            ]


TABLES: dict[str, Table] = {
    "daily": (
        ["日期", "渠道", "会话数", "消息数", "用户数"],
        lambda r: (
            [d["day"], d["channel_name"], d["conversations"], d["messages"], d["users"]]
            for d in r["usage"]["daily"]
        ),
    ),
    "channels": (
        ["渠道", "会话数", "消息数", "用户数"],
        lambda r: (
            [c["channel_name"], c["conversations"], c["messages"], c["users"]]
            for c in r["usage"]["channels"]
        ),
    ),
    "topics": (
        [
            "意图",
            "话题",
            "问题数",
            "核对结论",
            "政策答复",
            "请用户选择话题",
            "检索原文兜底",
            "转人工",
            "超出范围",
            "追问情况",
            "其他",
        ],
        _topic_rows,
    ),
    "unanswered": (
        ["相似问题（代表）", "该组次数", "时间（UTC）", "渠道", "结果", "会话", "原话"],
        _unanswered_rows,
    ),
    "feedback_topics": (
        ["意图", "话题", "已解决", "未解决", "已解决比例"],
        lambda r: (
            [f["intent"], f["title"], f["helpful"], f["unhelpful"], f["helpful_rate"]]
            for f in r["feedback"]["by_topic"]
        ),
    ),
    "feedback_articles": (
        ["引用条文", "已解决", "未解决", "已解决比例"],
        lambda r: (
            [f["article"], f["helpful"], f["unhelpful"], f["helpful_rate"]]
            for f in r["feedback"]["by_article"]
        ),
    ),
    "unhelpful": (
        ["时间（UTC）", "会话", "问题", "意图", "引用条文"],
        lambda r: (
            [u["at"], u["sender_id"], u["question"], u["intent"], "、".join(u["citations"])]
            for u in r["feedback"]["unhelpful_conversations"]
        ),
    ),
    "handoffs": (
        [
            "编号",
            "会话",
            "原因",
            "转人工时间（UTC）",
            "已处理",
            "处理时间（UTC）",
            "处理人",
            "等待分钟",
        ],
        lambda r: (
            [
                h["id"],
                h["sender_id"],
                h["reason"],
                h["created_at"],
                "是" if h["handled"] else "否",
                h["handled_at"] or "",
                h["handled_by"] or "",
                h["minutes_to_handled"] or "",
            ]
            for h in r["handoffs"]["items"]
        ),
    ),
    "labels": (
        ["标注时间（UTC）", "标注人", "会话", "原话", "应为意图", "话题"],
        lambda r: (
            [x["labelled_at"], x["labelled_by"], x["sender_id"], x["text"], x["intent"], x["title"]]
            for x in r["labels"]
        ),
    ),
    "audit": (
        ["时间（UTC）", "操作人", "角色", "操作", "对象", "内容"],
        lambda r: (
            [a["at"], a["actor"], a["role"], a["action"], a["target"], a["detail"] or ""]
            for a in r["audit"]
        ),
    ),
}


def to_csv(report: dict[str, Any], name: str) -> str:
    """Table ``name`` of the report as CSV text (with a BOM); KeyError for an unknown table."""
    header, rows = TABLES[name]
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows(report))
    return out.getvalue()
