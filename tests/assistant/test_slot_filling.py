"""What users say becomes slot values the way a person would read it."""

from __future__ import annotations

import pytest

from bot.assistant.fact_builders import enterprise_exit_facts, enterprise_facts, parse_headcount
from bot.assistant.slot_filling import (
    answer_to_requested_slot,
    chosen_button,
    firm_type_so_far,
    qualifying_so_far,
    scores_so_far,
    slots_from_entities,
    with_figure_replaced,
)
from bot.language.facts import extract_facts
from bot.language.normalize import normalize_text


def entities(text: str) -> list[dict]:
    return [f.as_entity("FactExtractor") for f in extract_facts(normalize_text(text))]


FROM_MESSAGES = [
    pytest.param(
        "我们准备从坪山搬走，30人",
        "ask_enterprise_eligibility",
        None,
        None,
        {"exit_event": "relocated", "headcount": "30"},
        id="搬迁不等于经营不正常",
    ),
    pytest.param(
        "我们公司注册、纳税和经营都在坪山区，现在45名员工，正常经营，不是劳务派遣，去年发生过一起劳动仲裁案件，能托管吗？",
        "ask_enterprise_eligibility",
        None,
        None,
        {
            "in_pingshan": "yes",
            "headcount": "45",
            "operating_normally": "yes",
            "firm_type": "other",
            "qualifying_condition": "labour_case",
        },
        id="一条消息给出第九条的全部事实",
    ),
    pytest.param(
        "我们注册在宝安，经营在坪山",
        "inform",
        None,
        None,
        {"in_pingshan": "no"},
        id="注册地不在坪山则三地条件为否",
    ),
    pytest.param(
        "不对，是120人",
        "deny",
        "eligibility_form",
        "operating_normally",
        {"headcount": "120"},
        id="更正人数覆盖原来的人数",
    ),
    pytest.param(
        "2021年5月10日首次签约，第二年补贴多少",
        "ask_subsidy_amount",
        None,
        None,
        {"first_signing_date": "2021-05-10", "service_year": "2"},
        id="补贴问题里的日期是首次签约时间",
    ),
    pytest.param(
        "2023年3月1日签的协议，什么时候前要备案",
        "ask_filing",
        None,
        None,
        {"signed_on": "2023-03-01"},
        id="备案问题里的日期是签订日期",
    ),
    pytest.param(
        "公司注销了，托管还继续吗",
        "ask_enterprise_exit",
        None,
        None,
        {"exit_event": "deregistered", "operating_normally": "no"},
        id="注销是退出事件",
    ),
    pytest.param(
        "我们服务了50家企业，其中10家发生了劳动仲裁，机构自己案件12件",
        "ask_agency_exit",
        None,
        None,
        {"clients_served": "50", "clients_with_cases": "10", "own_case_count": "12"},
        id="机构退出问题里的家数和件数各归其位",
    ),
]


@pytest.mark.parametrize(("text", "intent", "form", "requested", "expected"), FROM_MESSAGES)
def test_facts_in_a_message_fill_their_slots(text, intent, form, requested, expected) -> None:
    slots = slots_from_entities(entities(text), intent, form, requested)
    assert expected.items() <= slots.items(), slots
    if "搬" in text:
        assert "operating_normally" not in slots


ANSWERS = [
    pytest.param("in_pingshan", "affirm", "是的", "yes", id="是回答三地问题"),
    pytest.param("in_pingshan", "dont_know", "不清楚", "unknown", id="不清楚记为未知"),
    pytest.param("firm_type", "deny", "不是", "other", id="不是劳务派遣或人力资源即其他类型"),
    pytest.param("qualifying_condition", "deny", "都不是", "none", id="三种情形都不是"),
    pytest.param("headcount", "inform", "45", "45", id="直接输入数字就是人数"),
    pytest.param("headcount", "inform", "大概六十个", "60", id="中文数字的人数"),
    pytest.param("clients_served", "inform", "五十", "50", id="中文数字的家数"),
    pytest.param("test_scores", "inform", "82和79.5", "82,79.5", id="两个分数"),
    pytest.param("headcount", "affirm", "是", None, id="是不能回答人数问题"),
    pytest.param("operating_normally", "nlu_fallback", "正常", "yes", id="正常回答经营是否正常"),
    pytest.param("operating_normally", "nlu_fallback", "不正常", "no", id="不正常回答经营是否正常"),
    pytest.param("in_pingshan", "inform", "都在", "yes", id="都在回答三地问题"),
]


@pytest.mark.parametrize(("requested", "intent", "text", "expected"), ANSWERS)
def test_short_answers_fill_the_question_asked(requested, intent, text, expected) -> None:
    assert answer_to_requested_slot(requested, intent, text) == expected


HEADCOUNTS = [
    pytest.param("45", 45, id="确切人数照用"),
    pytest.param("81-89", 89, id="八十多人按上限判断仍不超过100人"),
    pytest.param("101-109", 101, id="一百多人按下限判断已超过100人"),
    pytest.param("91-109", None, id="跨过100人的范围需要确认"),
    pytest.param("100~", None, id="一百来人需要确认"),
    pytest.param("130~", 121, id="一百三十人左右按下限判断也已超过100人"),
    pytest.param("unknown", None, id="不清楚的人数未知"),
]


@pytest.mark.parametrize(("said", "value"), HEADCOUNTS)
def test_headcount_ranges_are_read_on_the_decisive_side(said, value) -> None:
    assert parse_headcount(said).value == value


def test_unknown_answers_stay_unknown_for_the_rules_core() -> None:
    facts, _ = enterprise_facts(
        {"in_pingshan": "unknown", "headcount": "45", "qualifying_condition": "unknown"}
    )
    assert facts.registered_in_pingshan is None and facts.had_labour_cases_last_year is None
    assert facts.headcount == 45


EXIT_EVENTS = [
    pytest.param("deregistered", (None, True, None), id="注销只确定注销一项"),
    pytest.param("none", (False, False, False), id="都没有则三项都否"),
    pytest.param(None, (None, None, None), id="未提供则三项都未知"),
]


@pytest.mark.parametrize(("event", "expected"), EXIT_EVENTS)
def test_exit_events_become_facts_of_article_13(event, expected) -> None:
    facts = enterprise_exit_facts({"exit_event": event})
    assert (facts.closed_down, facts.deregistered, facts.moved_out_of_pingshan) == expected


def test_none_at_all_answers_a_count_question_with_zero() -> None:
    assert answer_to_requested_slot("own_case_count", "deny", "一件都没有") == "0"


def test_a_registration_elsewhere_is_named_in_the_eligibility_reasons() -> None:
    import datetime as dt

    from bot.assistant.context import AnswerContext, knowledge_base
    from bot.assistant.registry import CHECKS
    from bot.assistant.slot_filling import message_slot_values

    text = "注册在龙岗经营在坪山，45人"
    slots = message_slot_values(entities(text), "inform", normalize_text(text))
    assert slots["in_pingshan"] == "no"
    assert (slots["registered_in_pingshan"], slots["operating_in_pingshan"]) == ("no", "yes")
    assert "tax_in_pingshan" not in slots
    answer = CHECKS["eligibility"].answer(
        slots, AnswerContext(knowledge_base(), dt.date(2023, 6, 1))
    )
    assert answer.text.startswith("【结论】不符合：注册地不在坪山区")
    assert "未说明是哪一处" not in answer.text
    assert "✔ 满足：经营地在坪山区" in answer.text


def test_a_start_month_is_enough_to_say_when_three_years_end_and_that_the_subsidy_stops() -> None:
    import datetime as dt

    from bot.assistant.checks.enterprise_exit import enterprise_exit_answer
    from bot.assistant.context import AnswerContext, knowledge_base

    answer = enterprise_exit_answer(
        {"service_started": "2021-05"}, AnswerContext(knowledge_base(), dt.date(2023, 6, 1))
    )
    assert "将于2024年4月30日届满" in answer.text and "不再给予服务补贴" in answer.text
    assert "第二十三条" in answer.citations and "未提供：开始接受托管服务的日期" not in answer.text


def _slot(name: str, value: str | None) -> dict:
    return {"event": "slot", "name": name, "value": value}


QUALIFYING_OVER_MESSAGES = [
    pytest.param(
        [
            _slot("qualifying_denied", "labour_case"),
            _slot("qualifying_denied", "tech_sme,key_enterprise"),
        ],
        "none",
        id="three kinds denied over two messages are none of them",
    ),
    pytest.param(
        [_slot("qualifying_condition", "labour_case"), _slot("qualifying_denied", "labour_case")],
        None,
        id="a later denial takes back the case said before",
    ),
    pytest.param(
        [_slot("qualifying_condition", "labour_case"), _slot("qualifying_denied", "tech_sme")],
        "labour_case",
        id="denying another kind keeps the case",
    ),
    pytest.param(
        [
            _slot("qualifying_denied", "labour_case"),
            {"event": "restart"},
            _slot("qualifying_denied", "tech_sme,key_enterprise"),
        ],
        None,
        id="a restart forgets the denials before it",
    ),
]


@pytest.mark.parametrize(("events", "value"), QUALIFYING_OVER_MESSAGES)
def test_the_qualifying_condition_is_what_the_whole_conversation_says(events, value) -> None:
    assert qualifying_so_far(events)[0] == value


SCORES_OVER_MESSAGES = [
    pytest.param(
        [_slot("test_scores", "83,75"), _slot("test_scores", "second:77")],
        "83,77",
        id="the second of two scores corrected",
    ),
    pytest.param(
        [_slot("test_scores", "83,75"), _slot("test_scores", "first:80")],
        "80,75",
        id="the first of two scores corrected",
    ),
    pytest.param(
        [_slot("test_scores", "second:77")], None, id="one of two scores before any is not known"
    ),
    pytest.param(
        [_slot("test_scores", "83,75"), _slot("test_scores", "90,88")],
        "90,88",
        id="two new scores replace both",
    ),
]


@pytest.mark.parametrize(("events", "value"), SCORES_OVER_MESSAGES)
def test_the_test_scores_are_what_the_whole_conversation_says(events, value) -> None:
    assert scores_so_far(events) == value


REPLACED = [
    pytest.param(
        "抱歉数据核错了，是6家不是8家。",
        {"clients_with_cases": "8", "clients_served": "40"},
        {"clients_with_cases": "6"},
        id="是6家不是8家 corrects the fact that held 8",
    ),
    pytest.param(
        "不是8家，是6家",
        {"clients_with_cases": "8", "clients_served": "40"},
        {"clients_with_cases": "6"},
        id="不是8家，是6家 too",
    ),
    pytest.param(
        "第二个人是82不是90",
        {"test_scores": "76,90"},
        {"test_scores": "76,82"},
        id="one of the two scores",
    ),
    pytest.param(
        "是6家不是8家",
        {"clients_with_cases": "8", "change_requests": "8"},
        {},
        id="two facts held the figure: neither is guessed",
    ),
    pytest.param("是6家", {"clients_with_cases": "8"}, {}, id="no figure replaced"),
    pytest.param(
        "不好意思，76是看错了，复核以后是78分。",
        {"test_scores": "82,76"},
        {"test_scores": "82,78"},
        id="the figure named as misread, then what it is",
    ),
]


@pytest.mark.parametrize(("text", "known", "expected"), REPLACED)
def test_a_figure_replaced_by_another_corrects_the_fact_that_held_it(text, known, expected) -> None:
    names = ("clients_served", "clients_with_cases", "change_requests", "test_scores")
    assert with_figure_replaced(text, known, names) == expected


def test_a_rate_said_to_be_under_the_threshold_does_not_trigger_the_exit() -> None:
    from bot.assistant.fact_builders import agency_exit_facts
    from rules_core.agency_exit import check_agency_exit

    facts = agency_exit_facts(
        {
            "own_case_rate": "<1",
            "own_case_count": "2",
            "clients_served": "30",
            "clients_with_cases": "1",
            "change_requests": "0",
            "other_violation": "no",
        }
    )
    assert facts.own_case_rate_below_percent == 1
    result = check_agency_exit(facts, __import__("datetime").date(2023, 6, 1))
    assert result.conclusion.startswith("未触发退出情形")


BUTTONS = [
    {"title": "劳动信访/监察/仲裁案件", "payload": '/inform{"qualifying_condition":"labour_case"}'},
    {"title": "科技型中小企业", "payload": '/inform{"qualifying_condition":"tech_sme"}'},
    {"title": "重点企业", "payload": '/inform{"qualifying_condition":"key_enterprise"}'},
]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("2", "tech_sme", id="a number chooses that button"),
        pytest.param("选1", "labour_case", id="选 and a number"),
        pytest.param("第三个", "key_enterprise", id="an ordinal in characters"),
        pytest.param("B", "tech_sme", id="a letter"),
        pytest.param("4", None, id="a number past the buttons chooses none"),
        pytest.param("2家", None, id="a count is no choice"),
    ],
)
def test_a_reply_by_number_chooses_among_the_buttons_offered(text, value) -> None:
    assert chosen_button(text, BUTTONS, "qualifying_condition") == value


FIRM_TYPE_OVER_MESSAGES = [
    pytest.param(
        [
            {"event": "user"},
            _slot("firm_type", "labour_dispatch"),
            {"event": "user"},
            _slot("firm_type", "other"),
            _slot("business_line", "生产"),
        ],
        "labour_dispatch",
        id="a trade read from 正常生产 does not undo a dispatch firm said before",
    ),
    pytest.param(
        [
            {"event": "user"},
            _slot("firm_type", "labour_dispatch"),
            {"event": "user"},
            _slot("firm_type", "other"),
        ],
        "other",
        id="a stated 不是派遣 corrects it",
    ),
    pytest.param(
        [{"event": "user"}, _slot("firm_type", "other"), _slot("business_line", "注塑")],
        "other",
        id="a trade alone is read as neither",
    ),
]


@pytest.mark.parametrize(("events", "value"), FIRM_TYPE_OVER_MESSAGES)
def test_the_firm_type_is_what_the_whole_conversation_says(events, value) -> None:
    assert firm_type_so_far(events) == value


def test_a_trade_given_as_a_correction_does_undo_the_firm_type() -> None:
    events = [
        {"event": "user"},
        _slot("firm_type", "hr_service"),
        {"event": "user", "parse_data": {"correction": True}},
        _slot("firm_type", "other"),
        _slot("business_line", "软件"),
    ]
    assert firm_type_so_far(events) == "other"


@pytest.mark.parametrize(
    ("slot", "text", "value"),
    [
        pytest.param(
            "in_pingshan",
            "挺正常的，订单一直有",
            None,
            id="how it operates is no answer to where it is",
        ),
        pytest.param(
            "operating_normally", "挺正常的，订单一直有", "yes", id="but answers how it operates"
        ),
        pytest.param(
            "operating_normally", "都在", None, id="where it is is no answer to how it operates"
        ),
        pytest.param("in_pingshan", "都在", "yes", id="but answers where it is"),
        pytest.param(
            "other_violation", "没有", "no", id="a plain no answers any yes-or-no question"
        ),
    ],
)
def test_a_short_yes_or_no_word_answers_only_the_question_it_fits(slot, text, value) -> None:
    assert answer_to_requested_slot(slot, "inform", text) == value


@pytest.mark.parametrize(
    ("entities", "known", "replaced"),
    [
        pytest.param(
            [{"entity": "district", "value": "坪山区", "role": None}],
            {"in_pingshan": "no"},
            {"in_pingshan": "yes"},
            id="the place corrected to Pingshan takes the place said before",
        ),
        pytest.param(
            [{"entity": "district", "value": "坪山区", "role": "tax"}],
            {"in_pingshan": "no"},
            {},
            id="a place with its role is read as that role, not as a replacement",
        ),
        pytest.param(
            [{"entity": "district", "value": "东莞市", "role": None}],
            {"registered_in_pingshan": "yes", "operating_in_pingshan": "yes"},
            {"registered_in_pingshan": "no", "operating_in_pingshan": "no"},
            id="a place corrected to another city takes each place said before",
        ),
        pytest.param([], {"in_pingshan": "no"}, {}, id="no place, nothing replaced"),
        pytest.param(
            [
                {"entity": "district", "value": "坪山区", "role": None},
                {"entity": "district", "value": "坪山区", "role": None},
            ],
            {"in_pingshan": "no"},
            {"in_pingshan": "yes"},
            id="one place by two names (坪山区碧岭街道) is one place",
        ),
    ],
)
def test_a_place_corrected_without_its_role_replaces_the_place_said_before(
    entities: list[dict[str, object]], known: dict[str, str], replaced: dict[str, str]
) -> None:
    from bot.assistant.slot_filling import with_place_replaced

    assert with_place_replaced(entities, known) == replaced


@pytest.mark.parametrize(
    ("text", "known", "expected"),
    [
        pytest.param(
            "不对，去年只有2家，另外3家是前年的事。",
            {"clients_served": "20", "clients_with_cases": "5"},
            {"clients_with_cases": "2"},
            id="five split into two last year and three the year before",
        ),
        pytest.param(
            "去年只有2家，另外3家是前年的",
            {"clients_with_cases": "5", "change_requests": "5"},
            {},
            id="two facts held the whole: neither is guessed",
        ),
        pytest.param(
            "去年2家，另外3家也出了案子", {"clients_with_cases": "5"}, {}, id="no other year named"
        ),
    ],
)
def test_a_figure_split_by_year_keeps_the_years_part(text, known, expected) -> None:
    from bot.assistant.slot_filling import with_split_figure

    names = ("clients_served", "clients_with_cases", "change_requests")
    assert with_split_figure(normalize_text(text), known, names) == expected


@pytest.mark.parametrize(
    ("text", "earlier", "change"),
    [
        pytest.param(
            "更正一下，那个兼职的上个月已经转成专职了。",
            ["专职人员1个，有劳动关系协调员证，另外一个是兼职的，有人力资源管理师证。"],
            -1,
            id="a part-timer said to hold a certificate turned full-time is one more",
        ),
        pytest.param(
            "更正一下，那个兼职的上个月已经转成专职了。",
            ["专职人员1个，有劳动关系协调员证，另外一个是兼职的。"],
            None,
            id="one without a certificate adds none",
        ),
        pytest.param(
            "更正下，他俩上个月已经转成专职了，劳动合同都改了。现在呢？",
            ["两个人有劳动关系协调员证，不过都是兼职的，考试考了88和84。"],
            -2,
            id="both certified part-timers turned full-time are two more",
        ),
        pytest.param(
            "他俩上个月已经转成专职了",
            ["专职人员1个，有劳动关系协调员证，另外一个是兼职的。"],
            None,
            id="two turned full-time without certificates add none",
        ),
    ],
)
def test_a_part_timer_turned_full_time_counts_by_what_was_said_of_them(
    text: str, earlier: list[str], change: int | None
) -> None:
    from bot.assistant.slot_filling import fewer_certified

    assert fewer_certified(normalize_text(text), [normalize_text(t) for t in earlier]) == change
