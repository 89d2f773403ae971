"""The report's figures from the rows a turn writes, counted exactly (SQLite, as embedded)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from bot.assistant.context import knowledge_base
from bot.assistant.replies import CLARIFY_TEXT, HANDOFF_TEXT
from bot.report.grouping import group_similar
from bot.report.message_log import ensure_table, local_day, message_log, message_rows, outcome_of
from bot.report.queries import Period, RangeError, build_report
from bot.report.review_export import nlu_yaml
from bot.report.tables import TABLES, to_csv
from bot.storage.migrate import upgrade
from bot.storage.store import ConversationStore
from kb.analyzer import load_analyzer

# The store stamps feedback, handoffs and labels with the present time: the messages are set
# just before it, and the report's range ends today.
NOW = dt.datetime.now(dt.timezone.utc)
DAY = NOW - dt.timedelta(hours=2)
TODAY = dt.date.fromisoformat(local_day(NOW.replace(tzinfo=None)))
RANGE = Period(TODAY - dt.timedelta(days=3), TODAY)


def user(text: str, intent: str, at: dt.datetime = DAY, channel: str = "rest") -> dict[str, Any]:
    return {
        "event": "user",
        "text": text,
        "timestamp": at.timestamp(),
        "input_channel": channel,
        "message_id": f"m-{text}",
        "parse_data": {"intent": {"name": intent, "confidence": 0.9}},
    }


def bot(text: str, custom: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"event": "bot", "text": text, "data": {"custom": custom} if custom else {}}


def action(name: str) -> dict[str, Any]:
    return {"event": "action", "name": name}


SESSION = {"event": "session_started"}
ANSWER = {"citations": ["第十九条"], "verdict": None, "data": {}}

OUTCOMES = [
    pytest.param(
        [action("action_subsidy"), bot("【结论】第一年补贴上限为…", ANSWER)],
        "check",
        id="a verdict is a check",
    ),
    pytest.param(
        [action("action_answer_faq"), bot("补贴发给托管服务机构。", ANSWER)],
        "curated",
        id="a cited answer without verdict is curated",
    ),
    pytest.param(
        [action("action_fallback_search"), bot(CLARIFY_TEXT)],
        "clarification",
        id="two topics offered is the clarification",
    ),
    pytest.param(
        [action("action_fallback_search"), bot("最接近的原文是…", ANSWER)],
        "search",
        id="a passage from the search is the search fallback",
    ),
    pytest.param(
        [
            action("action_fallback_search"),
            bot("最接近的原文是…", ANSWER),
            bot(HANDOFF_TEXT, {"citations": ["第六条"], "data": {"handoff_id": 3}}),
        ],
        "handoff",
        id="the second miss handed to a person is a handoff",
    ),
    pytest.param(
        [action("utter_out_of_scope"), bot("抱歉，这个问题不在我的解答范围内。")],
        "out_of_scope",
        id="out of scope",
    ),
    pytest.param(
        [action("eligibility_form"), bot("企业现有从业人员多少人？")],
        "other",
        id="a question without utter_ask metadata is other",
    ),
    pytest.param(
        [
            {
                "event": "bot",
                "text": "企业现有从业人员多少人？",
                "metadata": {"utter_action": "utter_ask_headcount"},
            }
        ],
        "form",
        id="a form's next question",
    ),
    pytest.param([action("utter_greet"), bot("您好！")], "other", id="a greeting is other"),
]


@pytest.mark.parametrize(("turn", "outcome"), OUTCOMES)
def test_what_became_of_a_message_is_read_from_the_turn(turn: list[dict], outcome: str) -> None:
    assert outcome_of(turn) == outcome


def test_a_turn_gives_one_row_per_user_message_with_its_channel_and_session() -> None:
    rows = message_rows(
        "s1",
        [
            SESSION,
            action("action_listen"),
            user("你好", "greet", channel="webchat"),
            action("utter_greet"),
            bot("您好！"),
            user("补贴多少", "ask_subsidy_amount"),
            action("action_subsidy"),
            bot("【结论】…", ANSWER),
        ],
    )
    assert [(r["channel"], r["new_session"], r["outcome"]) for r in rows] == [
        ("web", True, "other"),
        ("rest", False, "check"),
    ]


def test_days_are_shenzhen_days() -> None:
    assert local_day(dt.datetime(2023, 6, 1, 17, 0)) == "2023-06-02"


@pytest.fixture()
def stores(tmp_path: Path) -> tuple[sa.engine.Engine, ConversationStore]:
    tracker = sa.create_engine(f"sqlite:///{tmp_path / 'tracker.sqlite3'}", future=True)
    ensure_table(tracker)
    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    upgrade(url)
    return tracker, ConversationStore.from_url(url)


def _log(engine: sa.engine.Engine, sender: str, events: list[dict]) -> None:
    with engine.begin() as connection:
        connection.execute(sa.insert(message_log), message_rows(sender, events))


def test_the_report_counts_usage_topics_unanswered_feedback_and_handoffs_exactly(
    stores: tuple[sa.engine.Engine, ConversationStore],
) -> None:
    tracker, store = stores
    later = NOW - dt.timedelta(hours=1)
    _log(
        tracker,
        "a",
        [
            SESSION,
            user("补贴多少", "ask_subsidy_amount"),
            action("action_subsidy"),
            bot("【结论】…", ANSWER),
        ],
    )
    _log(
        tracker,
        "a",
        [
            user("试用期最长几个月", "nlu_fallback"),
            action("action_fallback_search"),
            bot(CLARIFY_TEXT),
        ],
    )
    _log(
        tracker,
        "b",
        [
            SESSION,
            user("试用期最多约定几个月", "nlu_fallback", later, "webchat"),
            action("action_fallback_search"),
            bot(CLARIFY_TEXT),
        ],
    )
    _log(
        tracker,
        "c",
        [
            SESSION,
            user("转人工", "request_human", later, "wechat"),
            action("action_handoff"),
            bot(HANDOFF_TEXT, {"citations": ["第六条"], "data": {"handoff_id": 1}}),
        ],
    )
    _log(
        tracker,
        "d",
        [
            SESSION,
            user("补贴多少", "ask_subsidy_amount", NOW - dt.timedelta(days=9)),
            action("action_subsidy"),
            bot("【结论】…", ANSWER),
        ],
    )  # before the range
    store.record_feedback("a", "补贴多少", "ask_subsidy_amount", ["第十九条"], True)
    store.record_feedback("b", "备案期限", "ask_filing", ["第十七条"], False)
    first = store.record_handoff("c", "requested")
    store.record_handoff("a", "repeated_fallback")
    store.mark_handled(first, "王小明", "staff")
    store.record_label(
        "b", "m-试用期最多约定几个月", "试用期最多约定几个月", "out_of_scope", "李运营"
    )

    report = build_report(
        tracker,
        store,
        RANGE,
        knowledge_base(),
        load_analyzer().tokens,
    )

    assert report["usage"]["totals"] == {"conversations": 3, "messages": 4, "users": 3}
    by_channel = {
        c["channel"]: (c["conversations"], c["messages"], c["users"])
        for c in report["usage"]["channels"]
    }
    assert by_channel == {"rest": (1, 2, 1), "web": (1, 1, 1), "wechat": (1, 1, 1)}
    topics = {t["intent"]: t for t in report["topics"]}
    assert topics["ask_subsidy_amount"]["questions"] == 1
    assert topics["ask_subsidy_amount"]["shares"]["check"] == 1.0
    assert topics["nlu_fallback"]["clarification"] == 2
    groups = report["unanswered"]["groups"]
    assert report["unanswered"]["messages"] == 3
    assert [g["count"] for g in groups] == [2, 1]  # the two 试用期 questions are one group
    assert {m["text"] for m in groups[0]["latest"]} == {"试用期最长几个月", "试用期最多约定几个月"}
    feedback = report["feedback"]
    assert (feedback["helpful"], feedback["unhelpful"], feedback["helpful_rate"]) == (1, 1, 0.5)
    assert {a["article"]: a["unhelpful"] for a in feedback["by_article"]} == {
        "第十九条": 0,
        "第十七条": 1,
    }
    assert [u["sender_id"] for u in feedback["unhelpful_conversations"]] == ["b"]
    handoffs = report["handoffs"]
    assert (handoffs["count"], handoffs["handled"], handoffs["open"]) == (2, 1, 1)
    assert [h["handled_by"] for h in handoffs["items"] if h["handled"]] == ["王小明"]
    assert [(a["actor"], a["action"]) for a in report["audit"]] == [
        ("李运营", "label"),
        ("王小明", "handoff_handled"),
    ]
    assert [x["intent"] for x in report["labels"]] == ["out_of_scope"]


def test_every_table_exports_as_csv_with_its_header(
    stores: tuple[sa.engine.Engine, ConversationStore],
) -> None:
    tracker, store = stores
    _log(
        tracker,
        "a",
        [
            SESSION,
            user("补贴多少，我电话138****5678", "ask_subsidy_amount"),
            action("action_fallback_search"),
            bot(CLARIFY_TEXT),
        ],
    )
    report = build_report(
        tracker,
        store,
        RANGE,
        knowledge_base(),
        load_analyzer().tokens,
    )
    for name, (header, _) in TABLES.items():
        text = to_csv(report, name)
        assert text.startswith("\ufeff" + ",".join(header)), name
    assert "138****5678" in to_csv(report, "unanswered")  # masked as stored, never unmasked


@pytest.mark.parametrize(
    ("first", "last", "message"),
    [
        ("2023-13-01", None, "YYYY-MM-DD"),
        ("2023-06-02", "2023-06-01", "不能晚于"),
        ("2021-01-01", "2023-06-01", "不超过"),
    ],
    ids=["a date that is no date", "a range backwards", "a range over a year"],
)
def test_a_range_the_report_cannot_take_is_refused_with_a_reason(
    first: str, last: str | None, message: str
) -> None:
    with pytest.raises(RangeError, match=message):
        Period.parse(first, last, dt.date(2023, 6, 1))


def test_similar_questions_are_one_group_and_different_ones_are_not() -> None:
    words = load_analyzer().tokens
    messages = [
        {"text": t, "outcome": "search"}
        for t in ["试用期最长几个月", "年休假有几天", "试用期最多约定几个月", "试用期最长几个月"]
    ]
    groups = group_similar(messages, words)
    assert [g.count for g in groups] == [3, 1]


def test_the_review_export_is_rasa_training_data_with_each_message_once(tmp_path: Path) -> None:
    from rasa.shared.nlu.training_data.loading import load_data

    labels = [
        {"text": "试用期多长[三个月]", "intent": "out_of_scope", "labelled_by": "王"},
        {"text": "托管要钱吗", "intent": "ask_cost_to_enterprise", "labelled_by": "李"},
        {"text": "托管要钱吗", "intent": "ask_cost_to_enterprise", "labelled_by": "王"},
    ]
    path = tmp_path / "nlu.yml"
    path.write_text(nlu_yaml(labels, dt.datetime(2023, 6, 1)), encoding="utf-8")
    examples = [(e.get("text"), e.get("intent")) for e in load_data(str(path)).training_examples]
    assert sorted(examples) == [
        ("托管要钱吗", "ask_cost_to_enterprise"),
        ("试用期多长［三个月］", "out_of_scope"),
    ]


def test_the_charts_are_svg_that_fetch_nothing(
    stores: tuple[sa.engine.Engine, ConversationStore],
) -> None:
    from bot.report.charts import CHARTS

    tracker, store = stores
    _log(
        tracker,
        "a",
        [
            SESSION,
            user("补贴多少", "ask_subsidy_amount"),
            action("action_subsidy"),
            bot("【结论】…", ANSWER),
        ],
    )
    report = build_report(
        tracker,
        store,
        RANGE,
        knowledge_base(),
        load_analyzer().tokens,
    )
    for name, draw in CHARTS.items():
        svg = draw(report)
        assert svg.lstrip().startswith("<svg"), name
        assert "<script" not in svg and 'xlink:href="http' not in svg, name
