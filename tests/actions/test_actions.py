"""Actions, run on trackers built in code, answer the way the answer contract says."""

from __future__ import annotations

import datetime as dt

import pytest

from actions.checks import (
    ActionAgencyExit,
    ActionAgencyQualification,
    ActionEnterpriseExit,
    ActionSubsidy,
    ActionValidity,
)
from actions.fallback import ActionFallbackSearch
from actions.faq import ActionAnswerFaq
from actions.feedback import ActionRecordFeedback
from actions.forms import (
    ActionCheckEligibility,
    ActionSubsidyResult,
    ValidateAgencyExitForm,
    ValidateEligibilityForm,
)
from actions.handoff import ActionHandoff
from actions.yes_no import ActionYesOrNo
from bot.storage.store import conversation_store
from tests.actions.conftest import make_tracker, run_action, user_event

FULL_ELIGIBLE = {
    "in_pingshan": "yes",
    "headcount": "45",
    "operating_normally": "yes",
    "firm_type": "other",
    "qualifying_condition": "labour_case",
}

FAQ_CASES = [
    pytest.param(
        "能帮我交社保吗", "ask_service_social_insurance", "第十五条", id="社保问题引用第十五条"
    ),
    pytest.param(
        "服务协议要写什么", "ask_service_agreement", "第十七条", id="服务协议问题引用第十七条"
    ),
    pytest.param(
        "骗补会怎样", "ask_supervision_fraud", "第二十五条", id="弄虚作假问题引用第二十五条"
    ),
]


@pytest.mark.parametrize(("text", "intent", "article"), FAQ_CASES)
def test_a_curated_answer_cites_its_article_and_asks_for_feedback(text, intent, article) -> None:
    messages, _ = run_action(ActionAnswerFaq(), make_tracker(text, intent))
    answer, prompt = messages
    assert (
        answer["text"].splitlines()[-1].startswith("依据：《管理办法》")
        and article in answer["text"]
    )
    assert article in answer["custom"]["citations"]
    assert prompt["text"] == "是否解决了您的问题？" and [b["title"] for b in prompt["buttons"]] == [
        "已解决",
        "未解决",
    ]


ELIGIBILITY = [
    pytest.param(FULL_ELIGIBLE, "【结论】符合", id="全部条件满足则符合"),
    pytest.param({**FULL_ELIGIBLE, "headcount": "150"}, "【结论】不符合", id="150人则不符合"),
    pytest.param(
        {**FULL_ELIGIBLE, "qualifying_condition": "unknown"},
        "【结论】尚需确认",
        id="不清楚第九条三项情形则尚需确认",
    ),
    pytest.param(
        {**FULL_ELIGIBLE, "firm_type": "labour_dispatch"}, "【结论】不符合", id="劳务派遣单位不符合"
    ),
]


@pytest.mark.parametrize(("slots", "opening"), ELIGIBILITY)
def test_the_eligibility_result_opens_with_the_fixed_verdict(slots, opening) -> None:
    messages, events = run_action(
        ActionCheckEligibility(), make_tracker("好", "affirm", slots=slots)
    )
    assert messages[0]["text"].startswith(opening)
    assert "依据：《管理办法》第九条" in messages[0]["text"]
    assert {
        "event": "slot",
        "name": "last_check",
        "value": "eligibility",
        "timestamp": None,
    } in events


def _requested(events: list[dict]) -> object:
    return next(e["value"] for e in events if e["name"] == "requested_slot")


def test_a_decisive_fact_ends_the_eligibility_form_at_once() -> None:
    form = ValidateEligibilityForm()
    decided = make_tracker(
        "150人",
        "inform",
        slots={"in_pingshan": "yes", "headcount": "150", "requested_slot": "headcount"},
        active_loop="eligibility_form",
    )
    open_case = make_tracker(
        "45人",
        "inform",
        slots={"in_pingshan": "yes", "headcount": "45", "requested_slot": "headcount"},
        active_loop="eligibility_form",
    )
    assert _requested(run_action(form, decided)[1]) is None
    assert _requested(run_action(form, open_case)[1]) == "operating_normally"


def test_the_eligibility_form_opens_with_the_conditions_when_nothing_is_known() -> None:
    messages, events = run_action(
        ValidateEligibilityForm(), make_tracker("我们公司能托管吗", "ask_enterprise_eligibility")
    )
    assert "下面我逐项帮您核对" in messages[0]["text"] and "第九条" in messages[0]["text"]
    assert _requested(events) == "in_pingshan"


def test_the_eligibility_form_skips_its_intro_when_facts_are_known() -> None:
    messages, events = run_action(
        ValidateEligibilityForm(),
        make_tracker("45人能托管吗", "ask_enterprise_eligibility", slots={"headcount": "45"}),
    )
    assert messages == []
    assert _requested(events) == "in_pingshan"


def test_dont_know_answers_the_question_being_asked() -> None:
    tracker = make_tracker(
        "不清楚",
        "dont_know",
        slots={"requested_slot": "operating_normally"},
        active_loop="eligibility_form",
    )
    _, events = run_action(ValidateEligibilityForm(), tracker)
    assert [(e["name"], e["value"]) for e in events] == [
        ("operating_normally", "unknown"),
        ("unanswered", 0),
        ("reask", None),
        ("requested_slot", "in_pingshan"),
    ]


def test_a_button_answers_the_question_being_asked() -> None:
    tracker = make_tracker(
        '/inform{"firm_type":"other"}',
        "inform",
        entities=[{"entity": "firm_type", "value": "other"}],
        slots={"requested_slot": "firm_type"},
        active_loop="eligibility_form",
    )
    _, events = run_action(ValidateEligibilityForm(), tracker)
    assert ("firm_type", "other") in [(e["name"], e["value"]) for e in events]


def test_a_correction_is_not_read_as_a_no_to_the_question_asked() -> None:
    tracker = make_tracker(
        "不对，是120人",
        "deny",
        entities=[{"entity": "fact_slot", "role": "headcount", "value": "120"}],
        slots={"requested_slot": "operating_normally", "headcount": "120"},
        active_loop="eligibility_form",
    )
    _, events = run_action(ValidateEligibilityForm(), tracker)
    assert "operating_normally" not in [e["name"] for e in events]


def test_a_side_question_answered_first_is_not_read_as_the_answer() -> None:
    tracker = make_tracker(
        "备案是15天吗",
        "ask_filing",
        slots={"requested_slot": "headcount"},
        active_loop="eligibility_form",
    )
    tracker.events.append({"event": "action", "name": "action_filing"})
    _, events = run_action(ValidateEligibilityForm(), tracker)
    assert "headcount" not in [e["name"] for e in events]


def test_the_general_subsidy_answer_gives_the_rule_the_caps_and_a_calculator_button() -> None:
    messages, _ = run_action(ActionSubsidy(), make_tracker("补贴多少？", "ask_subsidy_amount"))
    answer = messages[0]
    for fragment in ("1/5", "1/6", "1/7", "27,887.20元", "第十九条"):
        assert fragment in answer["text"]
    assert answer["buttons"] == [{"title": "帮我算一算", "payload": "/calculate_subsidy"}]


SUBSIDY = [
    pytest.param(
        {"first_signing_date": "2021-05-10", "service_year": "2", "months_served": "12"},
        "第二年补贴上限为23,239.33元",
        id="2021年签约第二年上限",
    ),
    pytest.param(
        {"first_signing_date": "2022-08-01", "service_year": "2", "months_served": "8"},
        "17,284.78元",
        id="服务8个月按月折算",
    ),
    pytest.param(
        {"first_signing_date": "2021-05-10", "service_year": "4", "months_served": None},
        "不再给予服务补贴",
        id="第四年不再补贴",
    ),
    pytest.param(
        {"first_signing_date": "2021-05", "service_year": "1", "months_served": "12"},
        "只提供了年月",
        id="只给年月时说明按当月1日处理",
    ),
    pytest.param(
        {"first_signing_date": "2021-03", "service_year": "1", "months_served": "12"},
        "需要具体日期",
        id="施行当月只给年月时要具体日期",
    ),
    pytest.param(
        {"first_signing_date": "unknown", "service_year": None, "months_served": None},
        "【结论】尚需确认",
        id="不清楚签约时间则尚需确认",
    ),
]


@pytest.mark.parametrize(("slots", "fragment"), SUBSIDY)
def test_the_subsidy_calculator_answers_for_the_case(slots, fragment) -> None:
    messages, _ = run_action(ActionSubsidyResult(), make_tracker("满一年", "inform", slots=slots))
    assert fragment in messages[0]["text"], messages[0]["text"]


def test_after_2024_03_30_the_answer_says_the_validity_period_has_ended(monkeypatch) -> None:
    monkeypatch.setenv("TUOGUAN_AS_OF", "2026-11-22")
    messages, _ = run_action(
        ActionAnswerFaq(), make_tracker("能帮忙招人吗", "ask_service_recruitment")
    )
    assert "有效期已于2024年3月30日届满" in messages[0]["text"]
    messages, _ = run_action(ActionValidity(), make_tracker("现在还有效吗", "ask_validity"))
    assert messages[0]["text"].startswith("【结论】有效期已届满")


def test_asking_for_a_person_queues_the_conversation() -> None:
    history = [
        user_event("补贴多少", "ask_subsidy_amount"),
        {"event": "bot", "text": "补贴是发给机构的"},
    ]
    messages, _ = run_action(
        ActionHandoff(), make_tracker("转人工", "request_human", history=history, sender="u1")
    )
    assert "12333" in messages[0]["text"]
    (queued,) = conversation_store().handoffs()
    assert queued.sender_id == "u1" and queued.reason == "requested" and not queued.handled


def test_low_confidence_first_offers_two_topics_then_searches_and_hands_off() -> None:
    ranking = [
        {"name": "nlu_fallback", "confidence": 0.4},
        {"name": "ask_subsidy_amount", "confidence": 0.3},
        {"name": "ask_subsidy_stop", "confidence": 0.2},
        {"name": "greet", "confidence": 0.1},
    ]
    first = make_tracker("钱的事咋弄", "nlu_fallback", ranking=ranking)
    messages, _ = run_action(ActionFallbackSearch(), first)
    assert len(messages[0]["buttons"]) == 2
    assert [b["payload"] for b in messages[0]["buttons"]] == [
        "/ask_subsidy_amount",
        "/ask_subsidy_stop",
    ]
    assert conversation_store().handoffs() == []

    second = make_tracker(
        "服务补贴折算",
        "nlu_fallback",
        ranking=ranking,
        history=[user_event("钱的事咋弄", "nlu_fallback")],
    )
    messages, _ = run_action(ActionFallbackSearch(), second)
    assert any("依据：《管理办法》" in m.get("text", "") for m in messages)
    assert [h.reason for h in conversation_store().handoffs()] == ["repeated_fallback"]


def test_feedback_is_stored_with_the_question_it_answers() -> None:
    history = [
        user_event("能帮我们发工资吗", "ask_service_payroll"),
        {"event": "bot", "text": "……", "data": {"custom": {"citations": ["第十五条"]}}},
    ]
    messages, _ = run_action(
        ActionRecordFeedback(), make_tracker("未解决", "feedback_unhelpful", history=history)
    )
    assert "转人工" in messages[0]["text"]
    (stored,) = conversation_store().feedback()
    assert stored.pop("created_at") is not None
    assert stored == {
        "sender_id": "test-user",
        "question": "能帮我们发工资吗",
        "intent": "ask_service_payroll",
        "citations": ["第十五条"],
        "helpful": False,
    }


def test_an_answer_drawing_on_the_plan_report_cites_it() -> None:
    messages, _ = run_action(
        ActionAnswerFaq(), make_tracker("信息平台建了吗", "ask_matching_platform")
    )
    assert "2020年计划草案的报告》" in messages[0]["text"].splitlines()[-1]
    assert any("计划草案的报告" in c for c in messages[0]["custom"]["citations"])


def test_a_typed_yes_to_the_feedback_question_is_stored_as_feedback() -> None:
    history = [
        user_event("能帮我们发工资吗", "ask_service_payroll"),
        {"event": "bot", "text": "……", "data": {"custom": {"citations": ["第十五条"]}}},
        {"event": "bot", "text": "是否解决了您的问题？"},
    ]
    messages, _ = run_action(ActionYesOrNo(), make_tracker("是的", "affirm", history=history))
    assert messages[0]["text"].startswith("感谢您的反馈")
    assert [f["helpful"] for f in conversation_store().feedback()] == [True]


def test_a_yes_that_answers_nothing_gets_a_prompt_and_stores_nothing() -> None:
    history = [user_event("你好", "greet"), {"event": "bot", "text": "您好！"}]
    messages, _ = run_action(ActionYesOrNo(), make_tracker("是的", "affirm", history=history))
    assert [m["response"] for m in messages] == ["utter_anything_else"]
    assert conversation_store().feedback() == []


def test_eligibility_facts_given_earlier_do_not_run_the_agency_exit_check() -> None:
    slots = {
        "registered_in_pingshan": "yes",
        "tax_in_pingshan": "yes",
        "operating_in_pingshan": "yes",
        "in_pingshan": "yes",
    }
    messages, events = run_action(
        ActionAgencyExit(), make_tracker("机构什么情况会被取消资格", "ask_agency_exit", slots=slots)
    )
    assert not messages[0]["text"].startswith("【结论】")
    assert messages[0]["buttons"] == [
        {"title": "逐项核对我们机构", "payload": "/check_agency_exit"}
    ]
    assert events == []


def _form_turn(text: str, intent: str, slots: dict, entities: list | None = None, after=()):
    """A form turn as Rasa sends it: the form active before the message, the slots the server
    set from the message (``after``) following it."""
    tracker = make_tracker(
        text,
        intent,
        entities=entities,
        slots=slots,
        active_loop="eligibility_form",
        history=[{"event": "slot", "name": k, "value": v} for k, v in slots.items()],
    )
    tracker.events.extend({"event": "slot", "name": k, "value": v} for k, v in after)
    return tracker


def test_a_side_question_repeating_a_known_fact_lets_the_rules_answer_it() -> None:
    slots = {"in_pingshan": "yes", "headcount": "45", "requested_slot": "operating_normally"}
    tracker = _form_turn(
        "我们45人，托管要收费吗", "ask_cost_to_enterprise", slots, after=[("headcount", "45")]
    )
    _, events = run_action(ValidateEligibilityForm(), tracker)
    assert events == [
        {
            "event": "action_execution_rejected",
            "name": "eligibility_form",
            "policy": None,
            "confidence": None,
            "timestamp": None,
        }
    ]


def test_a_number_inside_a_side_question_is_not_the_answer() -> None:
    slots = {"in_pingshan": "yes", "requested_slot": "headcount"}
    _, events = run_action(
        ValidateEligibilityForm(), _form_turn("备案是15天吗", "ask_filing", slots)
    )
    assert "headcount" not in [e.get("name") for e in events]


def test_a_date_is_not_read_as_a_headcount() -> None:
    slots = {"in_pingshan": "yes", "requested_slot": "headcount"}
    text = "2021年5月10日签的协议"
    entities = [{"entity": "date", "value": "2021-05-10", "start": 0, "end": 10}]
    _, events = run_action(ValidateEligibilityForm(), _form_turn(text, "inform", slots, entities))
    assert "headcount" not in [e.get("name") for e in events]


def test_all_in_pingshan_answers_the_three_places_question() -> None:
    entities = [{"entity": "district", "value": "坪山区", "start": 2, "end": 4}]
    tracker = _form_turn("都在坪山", "inform", {"requested_slot": "in_pingshan"}, entities)
    _, events = run_action(ValidateEligibilityForm(), tracker)
    assert ("in_pingshan", "yes") in [(e.get("name"), e.get("value")) for e in events]


def test_a_bare_count_answers_the_question_asked_not_the_role_guessed() -> None:
    from actions.forms import ValidateAgencyExitForm

    slots = {"clients_served": "50", "requested_slot": "clients_with_cases"}
    tracker = make_tracker(
        "5家",
        "inform",
        entities=[{"entity": "fact_slot", "role": "clients_served", "value": "5"}],
        slots={**slots, "clients_served": "5"},
        active_loop="agency_exit_form",
        history=[{"event": "slot", "name": k, "value": v} for k, v in slots.items()],
    )
    tracker.events.append({"event": "slot", "name": "clients_served", "value": "5"})
    _, events = run_action(ValidateAgencyExitForm(), tracker)
    set_to = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert set_to["clients_with_cases"] == "5" and set_to["clients_served"] == "50"


def test_a_leftover_requested_slot_is_not_answered_when_the_form_starts() -> None:
    tracker = make_tracker(
        "我们公司开了3年，能托管吗",
        "ask_enterprise_eligibility",
        slots={"requested_slot": "headcount"},
    )
    messages, events = run_action(ValidateEligibilityForm(), tracker)
    assert "headcount" not in [e.get("name") for e in events]
    assert "下面我逐项帮您核对" in messages[0]["text"]


# the questions before 「是否属于劳务派遣…」, answered
EARLIER = {"in_pingshan": "yes", "headcount": "45", "operating_normally": "yes"}


def test_a_question_not_answered_twice_is_explained_the_third_time() -> None:
    def turn(unanswered: int) -> list[dict]:
        slots = {**EARLIER, "requested_slot": "firm_type", "unanswered": unanswered}
        return run_action(ValidateEligibilityForm(), _form_turn("嗯……", "inform", slots))[1]

    first, second = turn(0), turn(1)
    values = lambda events: {e["name"]: e["value"] for e in events}  # noqa: E731
    assert values(first) == {"unanswered": 1, "reask": None, "requested_slot": "firm_type"}
    assert values(second) == {"unanswered": 2, "reask": "firm_type", "requested_slot": "firm_type"}


def test_a_named_trade_answers_the_firm_type_question_as_neither() -> None:
    from bot.assistant.slot_filling import slot_entities

    text = "不是，我们做注塑的"
    entities = slot_entities([], "deny", text)
    tracker = _form_turn(
        text,
        "deny",
        {**EARLIER, "requested_slot": "firm_type"},
        entities,
        after=[("firm_type", "other"), ("business_line", "注塑")],
    )
    tracker.slots.update(firm_type="other", business_line="注塑")  # as the server set them
    _, events = run_action(ValidateEligibilityForm(), tracker)
    assert {e["name"]: e["value"] for e in events}["requested_slot"] == "qualifying_condition"


AFTER_AN_UNDECIDED_VERDICT = [
    pytest.param(
        {
            "clients_served": "60",
            "clients_with_cases": "4",
            "change_requests": "3",
            "own_case_count": "3",
            "own_case_rate": "0.2",
        },
        True,
        id="one fact left: the form shows the verdict so far, then asks it",
    ),
    pytest.param(
        {"clients_served": "60", "own_case_rate": "0.2"},
        False,
        id="many facts left: the verdict lists them and asks whether it helped",
    ),
]


@pytest.mark.parametrize(("slots", "asks"), AFTER_AN_UNDECIDED_VERDICT)
def test_an_undecided_verdict_asks_for_the_one_or_two_facts_it_still_needs(
    slots: dict, asks: bool
) -> None:
    tracker = make_tracker("会触发退出吗", "ask_agency_exit", slots=slots)
    messages, events = run_action(ActionAgencyExit(), tracker)
    followups = [e["name"] for e in events if e.get("event") == "followup"]
    if not asks:
        texts = [str(m.get("text") or "") for m in messages]
        assert texts[0].startswith("【结论】尚需确认") and "是否解决了您的问题？" in texts
        assert followups == []
        return
    assert messages == [] and followups == ["agency_exit_form"]
    shown, asked = run_action(ValidateAgencyExitForm(), tracker)
    assert str(shown[0].get("text") or "").startswith("【结论】尚需确认")
    assert {"event": "slot", "name": "requested_slot", "value": "other_violation"} in [
        {k: e.get(k) for k in ("event", "name", "value")} for e in asked
    ]


def test_another_checks_question_inside_a_form_is_answered_as_a_side_question() -> None:
    history = [
        user_event("我们公司在马峦街道", "inform"),
        {"event": "active_loop", "name": "eligibility_form"},
        {"event": "slot", "name": "requested_slot", "value": "in_pingshan"},
    ]
    tracker = make_tracker(
        "今年4月份公司已经办完注销了，那托管还能继续吗？",
        "ask_enterprise_exit",
        slots={"requested_slot": "in_pingshan", "exit_event": "deregistered"},
        history=history,
        active_loop="eligibility_form",
    )
    _, events = run_action(ValidateEligibilityForm(), tracker)
    assert [e.get("event") for e in events] == ["action_execution_rejected"]


def test_a_year_alone_gives_the_subsidy_caps_of_its_base() -> None:
    from bot.assistant.context import AnswerContext, knowledge_base
    from bot.assistant.registry import CHECKS

    ctx = AnswerContext(knowledge_base(), dt.date(2023, 6, 1))
    text = CHECKS["subsidy"].answer({"first_signing_date": "2022"}, ctx).text
    assert "31,112.60元" in text and "只提供了年份" in text
    boundary = CHECKS["subsidy"].answer({"first_signing_date": "2021"}, ctx).text
    assert boundary.startswith("【结论】尚需确认") and "签约日期" in boundary
    # what applies if the signing fell inside the validity period is said, as a condition
    assert "如果首次签约在2021年3月31日或之后" in boundary and "第一年≤27,887.20元" in boundary


LISTS = ("托管机构名单在哪里公布", "ask_published_lists")
FILING = ("签了协议多久要备案", "ask_filing")


@pytest.mark.parametrize(
    ("asked", "follow_up", "expected"),
    [
        pytest.param(LISTS, "多久更新一次", "第十条", id="how often, after the published lists"),
        pytest.param(LISTS, "在哪个网站能查", "政府网站", id="where, after the published lists"),
        pytest.param(
            FILING,
            "即係15日定10日？",
            "15日",
            id="which of two figures, in Cantonese, after filing",
        ),
        pytest.param(
            FILING, "是15天还是10天？", "第十七条", id="which of two figures, after filing"
        ),
        pytest.param(
            FILING, "以前不是10天吗？", "试行", id="a figure remembered from before, after filing"
        ),
    ],
)
def test_a_short_follow_up_the_classifier_cannot_place_takes_up_the_topic_just_asked(
    asked: tuple[str, str], follow_up: str, expected: str
) -> None:
    from actions.fallback import ActionFallbackSearch
    from tests.actions.conftest import user_event

    history = [user_event(*asked), {"event": "bot", "text": "……"}]
    messages, _ = run_action(
        ActionFallbackSearch(), make_tracker(follow_up, "nlu_fallback", history=history)
    )
    shown = "\n".join(str(m.get("text") or "") for m in messages)
    assert shown.startswith("接着上一个问题") and expected in shown


def test_another_offices_matter_after_a_topic_is_not_taken_for_a_follow_up() -> None:
    from actions.fallback import ActionOutOfScope
    from tests.actions.conftest import user_event

    history = [user_event("托管机构能帮我发工资吗", "ask_service_payroll")]
    text = "深圳现在最低工资标准是多少"
    messages, _ = run_action(
        ActionOutOfScope(), make_tracker(text, "out_of_scope", history=history)
    )
    shown = "\n".join(str(m.get("text") or "") for m in messages)
    assert not shown.startswith("接着上一个问题") and "12333" in shown


def test_a_long_unplaced_message_after_a_topic_is_not_taken_for_a_follow_up() -> None:
    from actions.fallback import ActionFallbackSearch
    from tests.actions.conftest import user_event

    history = [user_event("托管机构名单在哪里公布", "ask_published_lists")]
    text = "我们楼下那家奶茶店老板人很好但是奶茶有点甜"
    messages, _ = run_action(
        ActionFallbackSearch(), make_tracker(text, "nlu_fallback", history=history)
    )
    assert not any(str(m.get("text") or "").startswith("接着上一个问题") for m in messages)


@pytest.mark.parametrize(
    ("history_texts", "reply", "expected"),
    [
        pytest.param(
            [("user", "托管服务内容里面有没有这几项：1 招聘普通员工 2 员工培训 3 制定考勤制度")],
            "那第1项具体包括什么",
            "招聘",
            id="an item of the list the user gave",
        ),
        pytest.param(
            [
                ("user", "确认几个点：① 备案期限 ② 向谁备案 ③ 协议要写哪些内容"),
                ("bot", "由服务机构办理……"),
            ],
            "③再说细一点",
            "违约责任",
            id="a circled item number",
        ),
        pytest.param(
            [
                ("user", "服务内容有哪些"),
                (
                    "bot",
                    "第十五条列了十项服务内容：\n（一）入职管理\n（二）劳动合同管理\n（三）社会保险\n（四）考勤管理\n（五）薪酬管理",
                ),
            ],
            "5，展开说说",
            "第十五条",
            id="an item of the list the assistant gave",
        ),
    ],
)
def test_a_reply_by_item_number_answers_that_item_of_the_list_just_given(
    history_texts: list[tuple[str, str]], reply: str, expected: str
) -> None:
    from actions.fallback import ActionFallbackSearch
    from tests.actions.conftest import user_event

    history = [
        user_event(text, "nlu_fallback") if who == "user" else {"event": "bot", "text": text}
        for who, text in history_texts
    ]
    messages, _ = run_action(
        ActionFallbackSearch(), make_tracker(reply, "nlu_fallback", history=history)
    )
    shown = "\n".join(str(m.get("text") or "") for m in messages)
    assert shown.startswith("第") and "项（" in shown and expected in shown, shown


def test_then_what_after_a_topic_takes_up_that_topic() -> None:
    from actions.fallback import ActionFallbackSearch
    from tests.actions.conftest import user_event

    history = [user_event("补贴最长几年", "ask_subsidy_stop")]
    messages, _ = run_action(
        ActionFallbackSearch(), make_tracker("之后呢", "nlu_fallback", history=history)
    )
    shown = "\n".join(str(m.get("text") or "") for m in messages)
    assert shown.startswith("接着上一个问题") and "第二十三条" in shown


def _shown(messages: list[dict]) -> str:
    return "\n".join(str(m.get("text") or "") for m in messages)


@pytest.mark.parametrize(
    ("history", "text"),
    [
        pytest.param(
            [user_event("签完协议要备案吗", "ask_filing")],
            "几天内",
            id="a short question the classifier put out of scope takes up the topic just asked",
        ),
        pytest.param(
            [user_event("签完协议要备案吗", "ask_filing"), user_event("谁备", "nlu_fallback")],
            "几天内",
            id="and so it does after a follow-up the classifier could not place",
        ),
    ],
)
def test_an_out_of_scope_follow_up_takes_up_the_topic_just_asked(history, text) -> None:
    from actions.fallback import ActionOutOfScope

    messages, _ = run_action(
        ActionOutOfScope(), make_tracker(text, "out_of_scope", history=history)
    )
    shown = _shown(messages)
    assert shown.startswith("接着上一个问题") and "第十七条" in shown and "15日" in shown, shown


def test_a_question_out_of_scope_with_no_topic_before_says_what_is_covered() -> None:
    from actions.fallback import ActionOutOfScope

    messages, _ = run_action(ActionOutOfScope(), make_tracker("今天天气怎么样", "out_of_scope"))
    assert [m.get("response") for m in messages] == ["utter_out_of_scope"]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        pytest.param("个人所得税年度汇算怎么办？", "12366", id="taxes go to the tax office"),
        pytest.param("怎么在深圳注册一家公司？", "市场监督管理", id="registering a firm"),
        pytest.param("高新技术企业认定怎么申报", "科技", id="high-tech certification"),
        pytest.param("员工工伤认定去哪办", "12333", id="work injuries"),
    ],
)
def test_an_out_of_scope_question_is_told_where_to_ask(text: str, where: str) -> None:
    from actions.fallback import ActionOutOfScope

    messages, _ = run_action(ActionOutOfScope(), make_tracker(text, "out_of_scope"))
    assert messages[0].get("response") == "utter_out_of_scope"
    assert where in _shown(messages[1:]), messages


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "我哋公司喺坪山街道註冊同經營，45個人，去年有勞動信訪，生產正常。你直接講得唔得啦",
            id="an enterprise's facts with a question in words the classifier does not know",
        ),
        pytest.param("做嵌入式软件的", id="the firm's own trade after a vague opener"),
    ],
)
def test_facts_the_classifier_cannot_place_start_the_check_they_belong_to(text) -> None:
    from bot.assistant.registry import CHECKS
    from bot.language.facts import extract_facts
    from bot.language.normalize import normalize_text

    entities = [f.as_entity("test") for f in extract_facts(normalize_text(text))]
    history = [user_event("问个事", "nlu_fallback")]
    messages, events = run_action(
        ActionFallbackSearch(),
        make_tracker(text, "nlu_fallback", entities=entities, history=history),
    )
    followed = [e.get("name") for e in events if e.get("event") == "followup"]
    assert followed == [CHECKS["eligibility"].start_action], events
    assert not any("转人工" in str(m.get("text") or "") for m in messages)


@pytest.mark.parametrize(
    ("text", "stop"),
    [
        pytest.param("补贴呢", True, id="补贴呢 right after an exit is about the subsidy stopping"),
        pytest.param("那补贴还发吗", True, id="so is 补贴还发吗"),
        pytest.param(
            "那我们这个补贴怎么算？", True, id="so is how it is reckoned, with no facts given"
        ),
        pytest.param(
            "2022年6月首签的，第一年补贴多少", False, id="a first signing given asks for the caps"
        ),
    ],
)
def test_a_subsidy_question_after_an_exit_is_about_its_stopping(text, stop) -> None:
    from bot.language.facts import extract_facts
    from bot.language.normalize import normalize_text

    entities = [f.as_entity("test") for f in extract_facts(normalize_text(text))]
    messages, _ = run_action(
        ActionSubsidy(),
        make_tracker(
            text, "ask_subsidy_amount", entities=entities, slots={"last_check": "enterprise_exit"}
        ),
    )
    shown = _shown(messages)
    assert ("按实际服务时间折算" in shown and "第二十三条" in shown) is stop, shown


def test_several_enterprises_in_one_message_each_get_their_own_cap() -> None:
    text = (
        "我们机构服务三家企业：A企业2021年7月首签（现在第二年）；B企业2022年11月首签；"
        "C企业2023年2月首签。这三家当前服务年度的补贴上限分别多少？"
    )
    messages, _ = run_action(ActionSubsidy(), make_tracker(text, "ask_subsidy_amount"))
    shown = _shown(messages)
    for label, cap in (("A企业", "23,239.33"), ("B企业", "31,112.60"), ("C企业", "32,950.80")):
        line = next(x for x in shown.splitlines() if x.startswith(f"· {label}"))
        assert cap in line, shown
    assert "第十九条" in shown


def test_can_we_apply_right_after_the_eligibility_verdict_repeats_that_verdict() -> None:
    tracker = make_tracker(
        "那能申请吗",
        "ask_how_to_apply",
        slots={**FULL_ELIGIBLE, "headcount": "150", "last_check": "eligibility"},
    )
    tracker.latest_message["asks_verdict"] = True
    messages, _ = run_action(ActionAnswerFaq(), tracker)
    shown = _shown(messages)
    assert "【结论】不符合" in shown and "150人" in shown, shown


def test_can_we_apply_with_nothing_checked_gets_how_to_apply() -> None:
    tracker = make_tracker("可不可以申请托管", "ask_how_to_apply")
    tracker.latest_message["asks_verdict"] = True
    messages, _ = run_action(ActionAnswerFaq(), tracker)
    assert "【结论】" not in _shown(messages) and "第十七条" in _shown(messages)


def test_answer_item_two_first_answers_that_check_on_the_facts_known() -> None:
    history = [
        user_event(
            "两个事：1）我们厂能不能托管；2）机构那边第一年补贴上限多少。我们是去年10月首次签的约。",
            "ask_subsidy_amount",
        )
    ]
    tracker = make_tracker(
        "先回答2",
        "nlu_fallback",
        history=history,
        slots={"first_signing_date": "2022-10", "service_year": "1"},
    )
    messages, _ = run_action(ActionFallbackSearch(), tracker)
    assert "31,112.60" in _shown(messages), _shown(messages)


def test_whether_it_affects_the_agencys_standing_after_its_exit_verdict_is_that_verdict() -> None:
    tracker = make_tracker(
        "这会不会影响我们托管服务机构的资格？",
        "ask_agency_conditions",
        slots={"last_check": "agency_exit", "clients_served": "30", "clients_with_cases": "7"},
    )
    tracker.latest_message["asks_verdict"] = True
    messages, _ = run_action(ActionAgencyQualification(), tracker)
    shown = _shown(messages)
    assert "【结论】触发退出情形" in shown and "第十一条" in shown, shown


def test_a_question_on_when_the_subsidy_stops_with_its_facts_is_calculated() -> None:
    from bot.language.facts import extract_facts
    from bot.language.normalize import normalize_text

    text = "1. 首签2023年1月1日 2. 企业4月30日搬出坪山了，服务了整4个月 3. 第一年补贴按月折算最多能拿多少"
    entities = [f.as_entity("test") for f in extract_facts(normalize_text(text))]
    tracker = make_tracker(
        text,
        "ask_subsidy_stop",
        entities=entities,
        slots={"first_signing_date": "2023-01-01", "months_served": "4", "service_year": "1"},
    )
    messages, _ = run_action(ActionAnswerFaq(), tracker)
    assert "10,983.60" in _shown(messages), _shown(messages)


@pytest.mark.parametrize(
    ("text", "checked"),
    [
        pytest.param("搬去东莞", True, id="a terse fact after an exit question is checked"),
        pytest.param("在坪山注册一家公司要什么流程？", False, id="a question of another matter"),
        pytest.param("推荐一下坪山好吃的餐厅", False, id="a request of another matter"),
    ],
)
def test_a_terse_fact_taken_for_another_matter_is_checked(text: str, checked: bool) -> None:
    from actions.fallback import ActionOutOfScope
    from bot.language.facts import extract_facts
    from bot.language.normalize import normalize_text

    entities = [f.as_entity("test") for f in extract_facts(normalize_text(text))]
    history = [user_event("企业搬迁了", "ask_enterprise_exit")]
    messages, events = run_action(
        ActionOutOfScope(),
        make_tracker(
            text,
            "out_of_scope",
            entities=entities,
            history=history,
            slots={"last_check": "enterprise_exit"},
        ),
    )
    said_out_of_scope = any(m.get("response") == "utter_out_of_scope" for m in messages)
    assert said_out_of_scope is not checked, messages


@pytest.mark.parametrize(
    ("slots", "also_answered"),
    [
        pytest.param(
            {**FULL_ELIGIBLE, "first_signing_date": "2023", "service_year": "1"},
            True,
            id="with the firm's facts known whether it may be served is answered after the cap",
        ),
        pytest.param(
            {"first_signing_date": "2023", "service_year": "1"},
            False,
            id="with no fact of the firm known nothing is said of it",
        ),
    ],
)
def test_a_second_checks_question_is_answered_by_its_check(slots, also_answered) -> None:
    tracker = make_tracker("我们能托管吗？如果今年签约，第一年补贴最高多少？", "ask_subsidy_amount")
    tracker.slots.update(slots)
    tracker.latest_message["also_asked"] = ["ask_enterprise_eligibility"]
    messages, _ = run_action(ActionSubsidy(), tracker)
    texts = [m.get("text") or "" for m in messages]
    assert "32,950.80" in texts[0]
    eligibility = [t for t in texts[1:] if "第九条" in t and t.startswith("【结论】")]
    assert bool(eligibility) is also_answered, texts
    if also_answered:
        assert eligibility[0].startswith("【结论】符合")


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        pytest.param(
            "噢补充更正一下，其中一个其实是兼职的，一周来两天。这样还能当托管服务机构吗？",
            "【结论】不符合",
            id="one of two certified staff found part-time leaves too few",
        ),
        pytest.param(
            "这样还能当托管服务机构吗？", "【结论】符合", id="the question alone changes nothing"
        ),
        pytest.param(
            "不好意思我记错了，是75和79。那我们还能当托管机构吗？",
            "【结论】不符合",
            id="two scores corrected in the question replace the two said",
        ),
    ],
)
def test_a_correction_asked_as_the_qualification_question_is_applied(text, opening) -> None:
    slots = {
        "organisation_type": "enterprise_or_institution",
        "business_scope": "yes",
        "premises_and_staff": "yes",
        "certified_staff": "2",
        "test_scores": "88,90",
    }
    tracker = make_tracker(text, "ask_agency_conditions", slots=slots)
    tracker.latest_message["correction"] = "更正" in text or "记错" in text
    messages, events = run_action(ActionAgencyQualification(), tracker)
    assert messages[0]["text"].startswith(opening), messages[0]["text"]


def test_a_part_timer_named_beside_the_count_is_not_taken_off_it_again() -> None:
    # 「专职的只有一个人有证，另外一个是兼职的」: the 1 certified is already the count
    slots = {
        "organisation_type": "enterprise_or_institution",
        "business_scope": "yes",
        "premises_and_staff": "yes",
        "certified_staff": "1",
    }
    text = "不过专职的只有一个人有证，另外一个是兼职的。能做托管机构吗？"
    messages, _ = run_action(
        ActionAgencyQualification(), make_tracker(text, "ask_agency_conditions", slots=slots)
    )
    assert "持证专职服务人员1名" in messages[0]["text"], messages[0]["text"]


@pytest.mark.parametrize(
    ("slots", "said_before", "opening"),
    [
        pytest.param(
            {**FULL_ELIGIBLE, "last_check": "eligibility"},
            None,
            "【结论】不符合",
            id="a firm not yet served that moved away no longer operates in Pingshan",
        ),
        pytest.param(
            {**FULL_ELIGIBLE, "last_check": "eligibility", "service_started": "2022-03-01"},
            None,
            "【结论】不再作为托管服务对象",
            id="a firm served since a date said leaves the service",
        ),
        pytest.param(
            {**FULL_ELIGIBLE, "last_check": "eligibility"},
            "我们2022年4月开始接受托管，托管机构是坪山本地一家人力资源公司",
            "【结论】不再作为托管服务对象",
            id="a firm that said earlier it is served leaves the service",
        ),
    ],
)
def test_a_move_told_after_the_eligibility_verdict_is_read_by_who_asks(
    slots, said_before, opening
) -> None:
    text = "其实去年底工厂已经搬去惠州了，坪山只留了个注册地址。这样还能托管吗？"
    entities = [
        {"entity": "fact_slot", "role": "exit_event", "value": "relocated"},
        {"entity": "fact_slot", "role": "operating_in_pingshan", "value": "no"},
    ]
    tracker = make_tracker(
        text,
        "ask_enterprise_exit",
        entities=entities,
        slots={**slots, "exit_event": "relocated", "operating_in_pingshan": "no"},
        history=[user_event(said_before, "inform", [])] if said_before else None,
    )
    messages, _ = run_action(ActionEnterpriseExit(), tracker)
    texts = [m.get("text") or "" for m in messages]
    assert any(t.startswith(opening) for t in texts), texts


OFFERED = {
    "event": "bot",
    "text": "我不太确定您想问的是哪一项，您是想了解：",
    "data": {
        "buttons": [
            {"title": "企业什么情况下不再作为托管服务对象？", "payload": "/ask_enterprise_exit"},
            {"title": "补贴什么时候停发？", "payload": "/ask_subsidy_stop"},
        ]
    },
}


@pytest.mark.parametrize(
    ("history", "reply", "answered"),
    [
        pytest.param(
            [user_event("托管期满以后怎么办", "nlu_fallback"), OFFERED],
            "我说的是三年满了",
            "第十三条",
            id="a clarification after two topics offered answers the one it names",
        ),
        pytest.param(
            [user_event("托管期满以后怎么办", "nlu_fallback"), {"event": "bot", "text": "……"}],
            "我说的是三年满了",
            None,
            id="with no topics just offered it is no clarification",
        ),
    ],
)
def test_a_reply_to_the_topics_offered_is_answered_by_the_topic_it_names(
    history, reply, answered
) -> None:
    messages, _ = run_action(
        ActionFallbackSearch(), make_tracker(reply, "nlu_fallback", history=history)
    )
    clarified = [m for m in messages if (m.get("text") or "").startswith("好的，您问的是")]
    if answered is None:
        assert not clarified
    else:
        assert clarified and answered in clarified[0]["text"], messages


@pytest.mark.parametrize(
    ("text", "switches"),
    [
        pytest.param(
            "抱歉，我看的是隔壁公司的执照。我们是做塑胶模具的，坪山注册纳税经营，46人，正常生产，"
            "去年有个劳动监察案件。请重新判断一下我们能不能成为托管服务对象。",
            True,
            id="an enterprise's facts and question end the agency form and start its own",
        ),
        pytest.param(
            "企业要什么条件才能托管？",
            False,
            id="the question asked in passing is answered and the form goes on",
        ),
    ],
)
def test_another_checks_question_with_its_facts_switches_the_form(text, switches) -> None:
    from bot.language.facts import extract_facts
    from bot.language.normalize import normalize_text

    entities = [f.as_entity("FactExtractor") for f in extract_facts(normalize_text(text))]
    tracker = make_tracker(
        text, "ask_enterprise_eligibility", entities=entities, active_loop="qualification_form"
    )
    _, events = run_action(ActionAnswerFaq(), tracker)
    followed = [e.get("name") for e in events if e.get("event") == "followup"]
    assert (followed == ["eligibility_form"]) is switches, events


def test_the_rest_said_to_be_none_after_the_agency_exit_verdict_completes_it() -> None:
    from actions.recheck import ActionRecheck

    slots = {"last_check": "agency_exit", "clients_served": "50", "change_requests": "6"}
    tracker = make_tracker("其他都没有", "inform", slots=slots)
    messages, events = run_action(ActionRecheck(), tracker)
    verdicts = [m["text"] for m in messages if (m.get("text") or "").startswith("【结论】")]
    assert verdicts and verdicts[0].startswith("【结论】触发退出情形"), messages
    assert "未提供" not in verdicts[0]
    set_slots = {e.get("name"): e.get("value") for e in events if e.get("event") == "slot"}
    assert set_slots.get("other_violation") == "no" and set_slots.get("clients_with_cases") == "0"
