"""Facts stated outside a question re-run the last check, or start the check they belong to."""

from __future__ import annotations

import pytest

from actions.recheck import ActionRecheck
from actions.yes_no import ActionYesOrNo
from bot.assistant.slot_filling import message_slot_values, slots_from_entities
from bot.language.facts import extract_facts
from bot.language.normalize import normalize_text
from tests.actions.conftest import make_tracker, run_action


def _entities(text: str) -> list[dict]:
    """The entities the NLU pipeline's fact extractor gives this message."""
    return [f.as_entity("FactExtractor") for f in extract_facts(normalize_text(text))]


def _followups(events: list[dict]) -> list[str]:
    return [e["name"] for e in events if e.get("event") == "followup"]


FIRST_FACTS = [
    pytest.param(
        "我们公司在坪山，45人",
        "eligibility_form",
        id="an enterprise's place and headcount start the eligibility questions",
    ),
    pytest.param(
        "我们公司注册、纳税和经营都在坪山区，现在45名员工，正常经营，不是劳务派遣，去年发生过一起劳动仲裁案件",
        "eligibility_form",
        id="an enterprise's one labour case does not make it an agency",
    ),
    pytest.param(
        "去年有2起劳动仲裁，我们公司45人",
        "eligibility_form",
        id="an enterprise's cases beside its headcount are eligibility facts",
    ),
    pytest.param(
        "公司开了半年，在坪山，20个人",
        "eligibility_form",
        id="a company's age in months beside place and headcount is not the subsidy",
    ),
    pytest.param(
        "外地员工占80%，一共45人",
        "eligibility_form",
        id="a percentage that is no agency rate does not start the agency check",
    ),
    pytest.param(
        "我们机构服务了40家，5家出过仲裁",
        "agency_exit_form",
        id="an agency's client counts start the agency exit check",
    ),
    pytest.param(
        "我们机构今年自己有12件案件",
        "agency_exit_form",
        id="an agency's own cases start the agency exit check",
    ),
    pytest.param(
        "两名专职，测试82分和79.5分",
        "qualification_form",
        id="staff and test scores start the qualification check",
    ),
    pytest.param(
        "2021年5月10日签的，第二年",
        "subsidy_form",
        id="a signing date and service year start the subsidy calculator",
    ),
    pytest.param(
        "公司注销了",
        "enterprise_exit",
        id="a deregistration is the exit question, answered at once",
    ),
]


@pytest.mark.parametrize(("text", "started"), FIRST_FACTS)
def test_facts_before_any_check_start_the_check_they_belong_to(text: str, started: str) -> None:
    messages, events = run_action(
        ActionRecheck(), make_tracker(text, "inform", entities=_entities(text))
    )
    if started.endswith("_form"):  # a form asks what is missing
        assert messages == [] and _followups(events) == [started]
    else:  # a check without a form answers in this turn and is remembered for corrections
        assert str(messages[0].get("text") or "").startswith("【结论】")
        assert _followups(events) == [] and _last_check(events) == started


def _last_check(events: list[dict]) -> str | None:
    return next((e["value"] for e in events if e.get("name") == "last_check"), None)


def test_facts_of_another_check_after_an_answer_start_that_check() -> None:
    slots = {"last_check": "eligibility", "in_pingshan": "yes", "headcount": "45"}
    text = "我们是托管服务对象，公司停业了"
    messages, events = run_action(
        ActionRecheck(), make_tracker(text, "inform", entities=_entities(text), slots=slots)
    )
    assert not any("重新核对" in (m.get("text") or "") for m in messages)
    assert str(messages[0].get("text") or "").startswith("【结论】不再作为托管服务对象")
    assert _last_check(events) == "enterprise_exit"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("我们公司停业了", id="a closure"),
        pytest.param("厂房去年底已经整体搬到东莞了，坪山这边只留了个注册地址", id="a move out"),
    ],
)
def test_an_exit_event_from_an_enterprise_not_yet_in_custody_rechecks_its_eligibility(
    text: str,
) -> None:
    slots = {"last_check": "eligibility", "in_pingshan": "yes", "headcount": "45"}
    entities = _entities(text)
    tracker = make_tracker(text, "inform", entities=entities, slots=slots)
    for name, value in slots_from_entities(entities, "inform", None, None).items():
        tracker.slots[name] = value  # the Rasa server's slot mappings
        tracker.events.append({"event": "slot", "name": name, "value": value})
    messages, events = run_action(ActionRecheck(), tracker)
    shown = "\n".join(str(m.get("text") or "") for m in messages)
    assert "【结论】不符合" in shown and "第九条" in shown
    assert _last_check(events) is None


def test_a_correction_after_an_eligibility_answer_rechecks_it() -> None:
    slots = {
        "last_check": "eligibility",
        "in_pingshan": "yes",
        "headcount": "120",
        "operating_normally": "yes",
        "firm_type": "other",
        "qualifying_condition": "labour_case",
    }
    text = "不对，是120人"
    said_before = [{"event": "slot", "name": "headcount", "value": "45"}]
    messages, events = run_action(
        ActionRecheck(),
        make_tracker(text, "inform", entities=_entities(text), slots=slots, history=said_before),
    )
    assert messages[0]["text"] == "已按您更正的情况重新核对："
    assert messages[1]["text"].startswith("【结论】不符合")
    assert events == []


def test_facts_that_only_add_to_a_verdict_are_not_called_a_correction() -> None:
    slots = {"last_check": "qualification", "organisation_type": "enterprise_or_institution"}
    text = "有专门场所和办公设备"
    messages, _ = run_action(
        ActionRecheck(), make_tracker(text, "inform", entities=_entities(text), slots=slots)
    )
    assert messages[0]["text"] == "已按您补充的情况重新核对："


def test_a_bare_no_with_a_fact_and_nothing_checked_starts_the_check() -> None:
    text = "不对，是120人"
    messages, events = run_action(
        ActionYesOrNo(), make_tracker(text, "deny", entities=_entities(text))
    )
    assert messages == [] and _followups(events) == ["eligibility_form"]


def test_a_statement_without_facts_gets_a_prompt() -> None:
    messages, events = run_action(ActionRecheck(), make_tracker("我们老板让我来问问", "inform"))
    assert [m["response"] for m in messages] == ["utter_anything_else"] and events == []


def test_a_firms_own_trade_starts_the_eligibility_check() -> None:
    # 「我们是做电子的」: neither excluded firm type (第九条), so a fact of that check
    _, events = run_action(ActionRecheck(), make_tracker("我们是做电子的", "inform"))
    assert [e.get("name") for e in events if e.get("event") == "followup"] == ["eligibility_form"]


STATED_FACTS = [
    pytest.param(
        "我们机构托管了40家，有5家出过仲裁，机构自己有2起案件",
        {"clients_served": "40", "clients_with_cases": "5", "own_case_count": "2"},
        id="an agency's own cases are kept when its figures are stated",
    ),
    pytest.param(
        "我们有3个持证的专职人员，测试82分和79.5分",
        {"certified_staff": "3", "test_scores": "82,79.5"},
        id="certified staff stated with scores are the qualification's staff",
    ),
    pytest.param(
        "我们只有1个专职人员，测试82分和79.5分",
        {"certified_staff": "1", "test_scores": "82,79.5"},
        id="one full-time staff member is fewer than two certified, whatever the certificates",
    ),
    pytest.param(
        "我们2023年3月1日签的托管协议，第一年",
        {"first_signing_date": "2023-03-01", "service_year": "1"},
        id="a stated signing date is the subsidy's first signing date",
    ),
]


@pytest.mark.parametrize(("text", "expected"), STATED_FACTS)
def test_facts_stated_outside_a_form_fill_the_slots_of_their_check(
    text: str, expected: dict[str, str]
) -> None:
    filled = message_slot_values(_entities(text), "inform", normalize_text(text))
    assert expected.items() <= filled.items(), filled


def test_an_earlier_questions_button_pressed_after_the_verdict_rechecks_with_it() -> None:
    slots = {
        "last_check": "eligibility",
        "in_pingshan": "yes",
        "headcount": "45",
        "operating_normally": "yes",
        "firm_type": "other",
        "qualifying_condition": "labour_case",
    }
    tracker = make_tracker(
        '/inform{"firm_type":"labour_dispatch"}',
        "inform",
        entities=[{"entity": "firm_type", "value": "labour_dispatch"}],
        slots=slots,
    )
    messages, events = run_action(ActionRecheck(), tracker)
    assert messages[1]["text"].startswith("【结论】不符合")
    assert [(e["name"], e["value"]) for e in events] == [("firm_type", "labour_dispatch")]


BARE_REPLIES_AFTER_A_VERDICT = [
    pytest.param(
        {
            "last_check": "qualification",
            "organisation_type": "enterprise_or_institution",
            "business_scope": "yes",
            "premises_and_staff": "yes",
            "certified_staff": "2",
        },
        "85、74",
        "test_scores",
        "85,74",
        "【结论】不符合",
        id="two bare scores answer the scores the verdict still needed",
    ),
    pytest.param(
        {
            "last_check": "qualification",
            "organisation_type": "enterprise_or_institution",
            "business_scope": "yes",
            "premises_and_staff": "yes",
            "certified_staff": "2",
            "test_scores": "82,76",
        },
        "是82和78",
        "test_scores",
        "82,78",
        "【结论】符合",
        id="a pair of scores corrects the scores given",
    ),
    pytest.param(
        {
            "last_check": "agency_exit",
            "clients_served": "60",
            "clients_with_cases": "5",
            "own_case_count": "4",
            "own_case_rate": "0.5",
            "other_violation": "no",
        },
        "6",
        "change_requests",
        "6",
        "【结论】触发退出情形",
        id="a bare count answers the one count still missing",
    ),
]


@pytest.mark.parametrize(
    ("slots", "text", "slot", "value", "verdict"), BARE_REPLIES_AFTER_A_VERDICT
)
def test_a_bare_figure_after_a_verdict_answers_what_it_still_needed(
    slots: dict, text: str, slot: str, value: str, verdict: str
) -> None:
    messages, events = run_action(ActionRecheck(), make_tracker(text, "inform", slots=slots))
    assert {"event": "slot", "name": slot, "value": value} in [
        {k: e.get(k) for k in ("event", "name", "value")} for e in events
    ]
    assert any(str(m.get("text") or "").startswith(verdict) for m in messages)


def test_facts_that_cannot_all_hold_get_a_reply_that_names_them() -> None:
    slots = {"last_check": "agency_exit", "clients_served": "3"}
    text = "更正一下，有案件的企业是10家"
    messages, _ = run_action(
        ActionRecheck(),
        make_tracker(
            text, "inform", entities=_entities(text), slots={**slots, "clients_with_cases": "10"}
        ),
    )
    shown = "\n".join(str(m.get("text") or "") for m in messages)
    assert "不能超过托管服务对象数量（3家）" in shown
    assert "【结论】" not in shown


def test_a_correction_is_read_in_the_context_of_the_last_check() -> None:
    slots = {
        "last_check": "agency_exit",
        "clients_served": "40",
        "clients_with_cases": "3",
        "change_requests": "1",
        "own_case_count": "9",
        "own_case_rate": "0.6",
        "other_violation": "no",
    }
    text = "更正，漏算了一件仲裁，全年是10件。"
    tracker = make_tracker(text, "inform", entities=_entities(text), slots=slots)
    tracker.latest_message["correction"] = True
    messages, events = run_action(ActionRecheck(), tracker)
    assert _followups(events) == []  # not the eligibility questions its 仲裁 could start
    shown = "\n".join(str(m.get("text") or "") for m in messages)
    assert "【结论】触发退出情形" in shown and "年度案件量10件" in shown


def test_the_same_event_without_a_correction_starts_its_own_check() -> None:
    slots = {"last_check": "eligibility", "in_pingshan": "yes", "headcount": "45"}
    text = "我们托管了两年，公司停业了"
    tracker = make_tracker(text, "inform", entities=_entities(text), slots=slots)
    _, events = run_action(ActionRecheck(), tracker)
    assert _last_check(events) == "enterprise_exit"
    tracker.latest_message["correction"] = True  # 「更正一下，我们公司停业了」
    messages, events = run_action(ActionRecheck(), tracker)
    assert _last_check(events) is None
    assert any(str(m.get("text") or "").startswith("已按您更正") for m in messages)


def test_facts_the_exit_check_reads_after_its_verdict_re_check_it_not_eligibility() -> None:
    from bot.language.facts import extract_facts
    from bot.language.normalize import normalize_text

    text = "问清楚了，是搬到坪山石井街道，不是东莞。厂还在正常生产，没停业也没注销"
    entities = [f.as_entity("test") for f in extract_facts(normalize_text(text))]
    tracker = make_tracker(
        text,
        "inform",
        entities=entities,
        slots={
            "last_check": "enterprise_exit",
            "exit_event": "relocated",
            "operating_in_pingshan": "no",
            "service_started": "2022-09",
        },
    )
    messages, events = run_action(ActionRecheck(), tracker)
    shown = "\n".join(str(m.get("text") or "") for m in messages)
    assert "【结论】未触发退出情形" in shown, shown
    assert not any(e.get("event") == "followup" for e in events)
