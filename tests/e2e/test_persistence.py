"""Conversations survive a restart of the servers, and a long silence starts a new session.

These tests start their own servers (not the session's shared pair), on a tracker store file
of their own, and restart them."""

from __future__ import annotations

import sqlite3
import time
import uuid
from pathlib import Path

import pytest

from tests.e2e.conftest import E2E_AS_OF
from tests.e2e.servers import running_assistant


def _text(messages: list[dict]) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        "TUOGUAN_AS_OF": E2E_AS_OF,
        "TRACKER_STORE_URL": f"sqlite:///{tmp_path / 'tracker.sqlite3'}",
        "STORE_URL": f"sqlite:///{tmp_path / 'conversations.sqlite3'}",
    }


@pytest.fixture(scope="module")
def restarted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict]]:
    """A form answered twice, the servers restarted, then the third answer and a new question."""
    tmp_path = tmp_path_factory.mktemp("restart")
    sender = f"e2e-restart-{uuid.uuid4().hex[:8]}"
    replies: dict[str, list[dict]] = {}
    with running_assistant(tmp_path / "first", _env(tmp_path)) as assistant:
        replies["start"] = assistant.ask(sender, "我们公司能托管吗")
        replies["first"] = assistant.ask(sender, "是")
        replies["second"] = assistant.ask(sender, "45")
    with running_assistant(tmp_path / "second", _env(tmp_path)) as assistant:
        replies["third"] = assistant.ask(sender, "正常")
        replies["fourth"] = assistant.ask(sender, "都不是")
        replies["fifth"] = assistant.ask(sender, "去年有一起劳动仲裁")
    return replies


def test_before_the_restart_the_form_asks_its_questions(restarted: dict) -> None:
    assert _text(restarted["second"]).startswith("企业目前生产经营是否正常")


def test_after_the_restart_the_form_goes_on_where_it_was(restarted: dict) -> None:
    assert _text(restarted["third"]).startswith("企业是否属于劳务派遣单位或人力资源服务机构")


def test_the_facts_given_before_the_restart_count_in_the_verdict(restarted: dict) -> None:
    verdict = _text(restarted["fifth"])
    assert verdict.startswith("【结论】符合"), verdict
    assert "从业人员45人" in verdict


def test_after_a_long_silence_a_new_session_starts_with_a_greeting(tmp_path: Path) -> None:
    sender = f"e2e-silence-{uuid.uuid4().hex[:8]}"
    with running_assistant(tmp_path / "servers", _env(tmp_path)) as assistant:
        first = assistant.ask(sender, "补贴多少？")
        assert "您好" not in _text(first)  # a first message is answered, not greeted
        assistant.ask(sender, "我们公司能托管吗")
        # two hours pass: move every stored event of this conversation back in time
        with sqlite3.connect(tmp_path / "tracker.sqlite3") as db:
            db.execute(
                "UPDATE events SET timestamp = timestamp - 7200, data = json_set(data, "
                "'$.timestamp', json_extract(data, '$.timestamp') - 7200) WHERE sender_id = ?",
                (sender,),
            )
        later = assistant.ask(sender, "能帮我交社保吗")
        text = _text(later)
        assert "我们重新开始" in text and "您好" in text
        assert "第十五条" in text  # and the question is still answered
        assert "企业的注册地" not in text  # the old form is not resumed


def test_within_a_session_the_conversation_continues(tmp_path: Path) -> None:
    sender = f"e2e-session-{uuid.uuid4().hex[:8]}"
    with running_assistant(tmp_path / "servers", _env(tmp_path)) as assistant:
        assistant.ask(sender, "我们公司能托管吗")
        time.sleep(1)
        reply = _text(assistant.ask(sender, "是"))
        assert "我们重新开始" not in reply
        assert reply.startswith("企业现有从业人员多少人")
