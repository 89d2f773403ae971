"""Whole conversations over the real REST webhook: forms, corrections, handoff, feedback."""

from __future__ import annotations

import uuid

from tests.e2e.servers import RunningAssistant


def _text(messages: list[dict]) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def _conversation() -> str:
    return f"e2e-{uuid.uuid4().hex[:8]}"


def test_an_enterprise_that_gives_every_fact_gets_a_conclusion_in_one_reply(
    assistant: RunningAssistant,
) -> None:
    messages = assistant.ask(
        _conversation(),
        "我们公司注册、纳税和经营都在坪山区，现在45名员工，正常经营，不是劳务派遣，去年发生过一起劳动仲裁案件，能托管吗？",
    )
    text = _text(messages)
    assert text.startswith("【结论】符合")
    assert any("第九条" in (m.get("custom") or {}).get("citations", []) for m in messages)
    assert "企业的注册地" not in text  # nothing left to ask


def test_the_eligibility_form_asks_one_question_at_a_time_and_stops_at_a_decisive_fact(
    assistant: RunningAssistant,
) -> None:
    sender = _conversation()
    first = assistant.ask(sender, "我们公司能托管吗")
    assert "第九条" in _text(first)
    assert first[-1]["text"].startswith("企业的注册地、纳税地、经营地是否都在坪山区")
    assert [b["title"] for b in first[-1]["buttons"]] == ["是", "否", "不清楚"]
    second = assistant.ask(sender, "/affirm")
    assert second[-1]["text"].startswith("企业现有从业人员多少人")
    third = assistant.ask(sender, "150人")
    assert _text(third).startswith("【结论】不符合")
    assert "150人" in _text(third)


def test_a_correction_after_the_conclusion_is_taken(assistant: RunningAssistant) -> None:
    sender = _conversation()
    assistant.ask(
        sender,
        "我们公司注册、纳税和经营都在坪山区，现在45名员工，正常经营，不是劳务派遣，去年发生过一起劳动仲裁案件，能托管吗？",
    )
    corrected = _text(assistant.ask(sender, "不对，是120人"))
    assert "【结论】不符合" in corrected and "120人" in corrected


def test_a_question_in_the_middle_of_a_form_is_answered_and_the_form_resumes(
    assistant: RunningAssistant,
) -> None:
    sender = _conversation()
    assistant.ask(sender, "我们公司能托管吗")
    side = assistant.ask(sender, "能帮我交社保吗")
    assert "第十五条" in _text(side)
    assert side[-1]["text"].startswith("企业的注册地、纳税地、经营地是否都在坪山区")


def test_the_subsidy_calculator_computes_the_cap_for_the_case(assistant: RunningAssistant) -> None:
    sender = _conversation()
    assistant.ask(sender, "/calculate_subsidy")
    assistant.ask(sender, "2021年5月10日")
    assistant.ask(sender, '/inform{"service_year":"2"}')
    result = _text(assistant.ask(sender, '/inform{"months":"12"}'))
    assert "【结论】第二年补贴上限为23,239.33元" in result
    assert "依据：《管理办法》第十九条" in result


def test_facts_stated_as_a_first_message_start_the_questions_they_belong_to(
    assistant: RunningAssistant,
) -> None:
    sender = _conversation()
    first = assistant.ask(sender, "我们公司注册、纳税、经营都在坪山，有45个员工")
    # The places and headcount are taken; the form asks the next missing fact, not 「还有什么」.
    assert first[-1]["text"].startswith("企业目前生产经营是否正常")
    assert "从业人员多少人" not in _text(first)
    answered = _text(assistant.ask(sender, "是的"))
    assert "劳务派遣" in answered


def test_short_replies_typed_in_a_form_are_read_as_yes_and_no(assistant: RunningAssistant) -> None:
    sender = _conversation()
    assistant.ask(sender, "我们公司能托管吗")
    second = assistant.ask(sender, "没错")
    assert second[-1]["text"].startswith("企业现有从业人员多少人")


def test_a_side_question_repeating_a_known_fact_is_answered_and_the_form_goes_on(
    assistant: RunningAssistant,
) -> None:
    sender = _conversation()
    assistant.ask(sender, "我们公司能托管吗")
    assistant.ask(sender, "是的")
    assistant.ask(sender, "45人")
    reply = _text(assistant.ask(sender, "我们45人，托管要收费吗"))
    assert "依据：《管理办法》" in reply  # the fee question is answered …
    assert reply.splitlines()[-1].startswith("企业目前生产经营是否正常")  # … and the form goes on


def test_a_full_shenzhen_address_in_pingshan_is_not_read_as_elsewhere(
    assistant: RunningAssistant,
) -> None:
    reply = _text(
        assistant.ask(_conversation(), "我们公司注册、纳税、经营都在深圳市坪山区，45人，能托管吗")
    )
    assert "不符合" not in reply
    assert "企业目前生产经营是否正常" in reply
