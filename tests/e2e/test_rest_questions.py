"""Ten questions asked over the real REST webhook, as a user on the website would ask them.

Each policy answer must name its article in the text (依据：…) and in the custom payload.
"""

from __future__ import annotations

import uuid

import pytest
import requests

from tests.e2e.servers import RunningAssistant


def _texts(messages: list[dict]) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def _citations(messages: list[dict]) -> list[str]:
    cited: list[str] = []
    for m in messages:
        cited.extend((m.get("custom") or {}).get("citations", []))
    return cited


POLICY_QUESTIONS = [
    pytest.param(
        "补贴多少？",
        "第十九条",
        ["1/5", "1/6", "1/7"],
        id="补贴多少引用第十九条并给出五分之一到七分之一",
    ),
    pytest.param(
        "托管服务具体包括哪些内容？",
        "第十五条",
        ["入职管理", "员工培训"],
        id="服务内容引用第十五条并列出十项",
    ),
    pytest.param("公司注销了，托管还继续吗", "第十三条", ["注销"], id="公司注销引用第十三条"),
    pytest.param("什么样的企业可以申请托管", "第九条", ["100人"], id="企业条件引用第九条"),
    pytest.param(
        "我们机构想成为托管服务机构，需要什么条件", "第八条", ["80分"], id="机构资质引用第八条"
    ),
    pytest.param("签了服务协议多少天内要备案", "第十七条", ["15日"], id="备案期限引用第十七条"),
    pytest.param(
        "这个办法什么时候开始施行", "第二十七条", ["2021年3月31日"], id="施行时间引用第二十七条"
    ),
    pytest.param(
        "服务机构什么情况下会被取消托管资格", "第十一条", ["20%"], id="机构退出引用第十一条"
    ),
]


@pytest.mark.parametrize(("question", "article", "must_contain"), POLICY_QUESTIONS)
def test_policy_question_cites_its_article(
    assistant: RunningAssistant, question: str, article: str, must_contain: list[str]
) -> None:
    messages = assistant.ask(f"e2e-{uuid.uuid4().hex[:8]}", question)
    text = _texts(messages)
    assert article in _citations(messages), f"{question!r} → {messages}"
    assert "依据：《管理办法》" in text and article in text.split("依据：")[-1]
    for fragment in must_contain:
        assert fragment in text, f"{fragment!r} missing from the answer to {question!r}:\n{text}"


def test_greeting_offers_the_four_topics_as_buttons(assistant: RunningAssistant) -> None:
    messages = assistant.ask(f"e2e-{uuid.uuid4().hex[:8]}", "你好")
    titles = [b["title"] for m in messages for b in m.get("buttons", [])]
    assert titles == ["能否托管", "补贴多少", "何时退出", "服务内容"]


def test_out_of_scope_question_says_where_to_ask_and_cites_nothing(
    assistant: RunningAssistant,
) -> None:
    messages = assistant.ask(f"e2e-{uuid.uuid4().hex[:8]}", "明天深圳天气怎么样")
    text = _texts(messages)
    assert "12333" in text and "坪山区人力资源局" in text
    assert _citations(messages) == []


MALFORMED = [
    pytest.param(b'["x"]', 400, id="a JSON list gets 400"),
    pytest.param(b'"x"', 400, id="a bare string gets 400"),
    pytest.param(b'{"sender": "e2e-m1"}', 400, id="a missing message gets 400"),
    pytest.param(b'{"sender": "e2e-m1", "message": null}', 400, id="a null message gets 400"),
    pytest.param(b'{"sender": "e2e-m1", "message": 5}', 400, id="a numeric message gets 400"),
    pytest.param(b'{"sender": ["x"], "message": "hi"}', 400, id="a sender list gets 400"),
    pytest.param(
        ('{"sender": "e2e-m1", "message": "' + "问" * 5000 + '"}').encode(),
        413,
        id="a message over the limit gets 413",
    ),
]


@pytest.mark.parametrize(("body", "status"), MALFORMED)
def test_a_malformed_request_is_refused_and_nothing_is_stored(
    assistant: RunningAssistant, body: bytes, status: int
) -> None:
    reply = requests.post(
        f"{assistant.rasa_url}/webhooks/rest/webhook",
        data=body,
        headers={"Content-Type": "application/json"},
        timeout=30,
    )
    assert reply.status_code == status
    assert "error" in reply.json()
    for sender in ("['x']", "e2e-m1"):
        tracker = requests.get(
            f"{assistant.rasa_url}/conversations/{sender}/tracker", timeout=30
        ).json()
        assert not [e for e in tracker.get("events") or [] if e["event"] == "user"]


def test_a_lone_surrogate_is_dropped_and_the_question_answered(assistant: RunningAssistant) -> None:
    reply = requests.post(
        f"{assistant.rasa_url}/webhooks/rest/webhook",
        data=b'{"sender": "e2e-surrogate", "message": "\\ud800\\u8865\\u8d34\\u591a\\u5c11"}',
        headers={"Content-Type": "application/json"},
        timeout=30,
    )
    assert reply.status_code == 200
    assert "第十九条" in "\n".join(m.get("text", "") for m in reply.json())


def test_a_phone_number_typed_by_a_user_is_never_stored(assistant: RunningAssistant) -> None:
    assistant.ask("e2e-phone", "我的电话13812345678，转人工")
    tracker = requests.get(f"{assistant.rasa_url}/conversations/e2e-phone/tracker", timeout=30)
    stored = tracker.text
    assert "13812345678" not in stored and "138****5678" in stored
