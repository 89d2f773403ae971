"""What a WeChat user reads: one passive text within 2048 bytes, buttons turned into words to type.

Also the channel's settings (development token, safe mode) and its bounded retry cache.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest

from bot.channels.wechat_text import (
    ERROR_TEXT,
    MAX_REPLY_BYTES,
    PLEASE_WAIT_TEXT,
    TOPICS,
    render_buttons,
    render_reply,
    resolve_choice,
    shorten_answer,
    truncate_bytes,
    utf8_len,
    welcome_reply,
)

WECHAT_LIMIT = 2048
HINT = "（内容较长，以上为节选；完整答复请到网站上的网页版政策助手查看。）"
BASIS = "依据：《管理办法》第九条、第十条"
CONCLUSION = "【结论】尚需确认：还缺少部分情况，暂时不能确定是否可以作为托管服务对象。"
REASONS = [
    f"· 条件{n}：企业从业人员、经营状况和上一年度案件情况需要逐项核对（第{n}项）。"
    for n in range(60)
]
LONG_CHECK = "\n".join([CONCLUSION, *REASONS, BASIS])
LONG_FAQ = "\n".join([*REASONS, BASIS])
SHORT_FAQ = "补贴发给托管服务机构，第一年不超过基数的1/5。\n依据：《管理办法》第十九条"

YES_NO = [
    {"title": "是", "payload": "/affirm"},
    {"title": "否", "payload": "/deny"},
    {"title": "不清楚", "payload": "/dont_know"},
]
TOPIC_BUTTONS = [
    {"title": "能否托管", "payload": "/ask_enterprise_eligibility"},
    {"title": "补贴多少", "payload": "/ask_subsidy_amount"},
    {"title": "何时退出", "payload": "/ask_enterprise_exit"},
    {"title": "服务内容", "payload": "/ask_service_contents"},
]
FEEDBACK = [
    {"title": "已解决", "payload": "/feedback_helpful"},
    {"title": "未解决", "payload": "/feedback_unhelpful"},
]
CITATIONS = {"custom": {"citations": ["第九条"], "verdict": None, "data": {}}}


def test_a_chinese_character_counts_three_bytes() -> None:
    assert utf8_len("补贴1/5") == 3 * 2 + 3


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        pytest.param("补贴多少" * 100, 100, id="中文在字符边界截断"),
        pytest.param("ab补贴" * 100, 101, id="中英混排在字符边界截断"),
        pytest.param("短", 10, id="足够短的文字原样保留"),
    ],
)
def test_truncation_never_breaks_a_character_and_fits(text: str, limit: int) -> None:
    cut = truncate_bytes(text, limit)
    assert utf8_len(cut) <= limit
    assert "\ufffd" not in cut
    assert cut == text or cut.endswith("……")


@pytest.mark.parametrize(
    ("answer", "limit", "kept_first", "kept_last"),
    [
        pytest.param(
            LONG_CHECK, MAX_REPLY_BYTES, CONCLUSION, BASIS, id="长核对结果保留结论行和依据行"
        ),
        pytest.param(
            LONG_FAQ,
            MAX_REPLY_BYTES,
            REASONS[0],
            BASIS,
            id="无结论的长答案从正文开头保留并保留依据行",
        ),
        pytest.param(LONG_CHECK, 600, CONCLUSION, BASIS, id="很小的上限仍保留结论行和依据行"),
    ],
)
def test_a_long_answer_is_shortened_keeping_conclusion_and_basis(
    answer: str, limit: int, kept_first: str, kept_last: str
) -> None:
    short = shorten_answer(answer, limit, HINT)
    lines = short.split("\n")
    assert utf8_len(short) <= limit
    assert lines[0] == kept_first
    assert lines[-1] == kept_last
    assert lines[-2] == HINT
    assert set(lines[1:-2]) <= set(REASONS) | {line for line in lines if line.endswith("……")}


def test_a_validity_note_survives_the_shortening() -> None:
    note = "提示：《管理办法》规定的有效期已于2024年3月30日届满，现行做法请向坪山区人力资源局确认。"
    answer = "\n".join([CONCLUSION, *REASONS, note, BASIS])
    lines = shorten_answer(answer, MAX_REPLY_BYTES, HINT).split("\n")
    assert lines[0] == CONCLUSION and lines[-3:] == [note, HINT, BASIS]


def test_an_answer_without_basis_line_is_still_shortened_with_the_hint() -> None:
    short = shorten_answer("\n".join(REASONS), 500, HINT)
    assert utf8_len(short) <= 500 and short.endswith(HINT)


def test_a_short_answer_is_left_unchanged() -> None:
    assert shorten_answer(SHORT_FAQ, MAX_REPLY_BYTES, HINT) == SHORT_FAQ


@pytest.mark.parametrize(
    ("buttons", "expected"),
    [
        pytest.param(YES_NO, "请回复：“是” / “否” / “不清楚”", id="是否按钮变成一行可回复的字"),
        pytest.param(
            TOPIC_BUTTONS,
            "请回复序号或文字：\n1. 能否托管\n2. 补贴多少\n3. 何时退出\n4. 服务内容",
            id="话题按钮变成编号列表",
        ),
        pytest.param([], "", id="没有按钮就没有提示"),
    ],
)
def test_buttons_become_lines_the_user_can_type(buttons: list[dict], expected: str) -> None:
    assert render_buttons(buttons) == expected


def test_answer_and_feedback_question_are_one_text_without_the_custom_payload() -> None:
    reply = render_reply(
        [{"text": SHORT_FAQ}, CITATIONS, {"text": "是否解决了您的问题？", "buttons": FEEDBACK}]
    )
    assert reply.text == (f"{SHORT_FAQ}\n\n是否解决了您的问题？\n请回复：“已解决” / “未解决”")
    assert "citations" not in reply.text


def test_a_long_answer_with_a_follow_up_question_fits_and_keeps_the_question() -> None:
    reply = render_reply(
        [
            {"text": LONG_CHECK},
            CITATIONS,
            {"text": "企业目前生产经营是否正常？", "buttons": YES_NO},
        ],
        website_url="https://example.org/chat",
    )
    assert utf8_len(reply.text) < WECHAT_LIMIT
    assert reply.text.startswith(CONCLUSION)
    assert BASIS in reply.text and "https://example.org/chat" in reply.text
    assert reply.text.endswith("企业目前生产经营是否正常？\n请回复：“是” / “否” / “不清楚”")


def test_numbers_run_on_across_messages_with_numbered_buttons() -> None:
    reply = render_reply(
        [
            {"text": "补贴上限如下。", "buttons": [{"title": "帮我算一算", "payload": "/calc"}]},
            {"text": "您还想了解：", "buttons": TOPIC_BUTTONS[:2]},
        ]
    )
    assert "1. 帮我算一算" in reply.text and "2. 能否托管\n3. 补贴多少" in reply.text
    assert resolve_choice("3", reply.choices) == "/ask_subsidy_amount"


@pytest.mark.parametrize(
    ("offered", "typed", "payload"),
    [
        pytest.param(TOPIC_BUTTONS, "2", "/ask_subsidy_amount", id="回复序号2得到补贴多少"),
        pytest.param(TOPIC_BUTTONS, "２", "/ask_subsidy_amount", id="全角数字也算序号"),
        pytest.param(TOPIC_BUTTONS, "能否托管", "/ask_enterprise_eligibility", id="回复话题文字"),
        pytest.param(YES_NO, "是", "/affirm", id="回复是"),
        pytest.param(YES_NO, " 不清楚。", "/dont_know", id="带空格和句号的不清楚"),
        pytest.param(YES_NO, "1", None, id="是否问题没有给序号所以1不是选项"),
        pytest.param(
            [{"title": "不清楚", "payload": "/dont_know"}], "45", None, id="人数45照原样发送"
        ),
        pytest.param(TOPIC_BUTTONS, "5", None, id="超出范围的序号照原样发送"),
        pytest.param(TOPIC_BUTTONS, "补贴多少钱", None, id="不完全相同的文字照原样发送"),
        pytest.param([], "是", None, id="上一条回复没有按钮时照原样发送"),
    ],
)
def test_typed_reply_picks_the_offered_button(
    offered: list[dict], typed: str, payload: str | None
) -> None:
    choices = render_reply([{"text": "请选择", "buttons": offered}]).choices
    assert resolve_choice(typed, choices) == payload


def test_the_built_in_welcome_lists_the_four_topics_to_type() -> None:
    welcome = welcome_reply()
    for number, topic in enumerate(TOPICS, start=1):
        assert f"{number}. {topic}" in welcome.text
    assert resolve_choice("补贴多少", welcome.choices) == "补贴多少"


# --- the channel's settings and retry cache (bot/channels/wechat.py) ------------------------------

AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"


@pytest.mark.parametrize(
    ("environ", "token", "development", "safe_mode"),
    [
        pytest.param({}, "pingshan-dev-token", True, False, id="什么都没设置时用开发令牌"),
        pytest.param({"WECHAT_TOKEN": "t0k3n"}, "t0k3n", False, False, id="设置令牌后明文模式"),
        pytest.param(
            {"WECHAT_TOKEN": "t", "WECHAT_APP_ID": "wx1", "WECHAT_ENCODING_AES_KEY": AES_KEY},
            "t",
            False,
            True,
            id="设置密钥和AppID后可用安全模式",
        ),
    ],
)
def test_settings_come_from_the_environment(
    environ: dict[str, str], token: str, development: bool, safe_mode: bool
) -> None:
    from bot.channels.wechat import WeChatSettings

    settings = WeChatSettings.from_env(environ)
    assert settings.token == token
    assert settings.uses_development_token is development
    assert (settings.crypto() is not None) is safe_mode


@pytest.mark.parametrize(
    "environ",
    [
        pytest.param({"WECHAT_ENCODING_AES_KEY": "short"}, id="密钥不是43位时启动失败"),
        pytest.param({"WECHAT_ENCODING_AES_KEY": AES_KEY}, id="有密钥没有AppID时启动失败"),
    ],
)
def test_an_unusable_safe_mode_setting_stops_the_channel(environ: dict[str, str]) -> None:
    from bot.channels.wechat import WeChatSettings

    with pytest.raises(ValueError, match="WECHAT_"):
        WeChatSettings.from_env(environ).crypto()


# --- the reply deadline, WeChat's retries and typed choices, with a stand-in for the bot --------


class StandInBot:
    """Answers like Rasa's agent through the collector, after ``delay`` seconds."""

    def __init__(self, delay: float = 0.0, fail: bool = False) -> None:
        self.delay, self.fail = delay, fail
        self.heard: list[str] = []

    async def __call__(self, message: Any) -> None:
        self.heard.append(message.text)
        await asyncio.sleep(self.delay)
        if self.fail:
            raise RuntimeError("action server down")
        if message.text == "/greet":
            await message.output_channel.send_response(
                message.sender_id, {"text": "您好！", "buttons": [dict(b) for b in TOPIC_BUTTONS]}
            )
            return
        await message.output_channel.send_response(
            message.sender_id, {"text": f"答复：{message.text}\n依据：《管理办法》第十九条"}
        )


def _text_message(content: str, msg_id: int, openid: str = "oUser1") -> Any:
    from wechatpy import parse_message

    return parse_message(
        f"<xml><ToUserName>gh_1</ToUserName><FromUserName>{openid}</FromUserName>"
        f"<CreateTime>1700000000</CreateTime><MsgType>text</MsgType>"
        f"<Content><![CDATA[{content}]]></Content><MsgId>{msg_id}</MsgId></xml>"
    )


def _channel(deadline: float, **settings: Any) -> Any:
    from bot.channels.wechat import WeChatInput, WeChatSettings

    return WeChatInput(WeChatSettings(token="t", deadline=deadline, **settings))


async def _reply(channel: Any, message: Any, bot: Any) -> str:
    """What the channel answers to ``message`` arriving now."""
    return str(await channel.reply_text(message, bot, time.monotonic() + channel.deadline))


def test_a_slow_answer_asks_to_send_again_and_the_repeat_gets_it_without_asking_twice() -> None:
    async def scenario() -> tuple[str, str, list[str]]:
        channel, bot = _channel(deadline=0.05), StandInBot(delay=0.3)
        first = await _reply(channel, _text_message("补贴多少", 1), bot)
        await asyncio.sleep(0.4)
        again = await _reply(channel, _text_message("补贴多少", 2), bot)
        return first, again, bot.heard

    first, again, heard = asyncio.run(scenario())
    assert first == PLEASE_WAIT_TEXT
    assert again.startswith("答复：补贴多少")
    assert heard == ["补贴多少"]


def test_wechat_retries_of_one_msgid_reach_the_bot_once() -> None:
    async def scenario() -> tuple[list[str], list[str]]:
        channel, bot = _channel(deadline=2), StandInBot(delay=0.1)
        replies = await asyncio.gather(
            *(_reply(channel, _text_message("补贴多少", 7), bot) for _ in range(3))
        )
        return list(replies), bot.heard

    replies, heard = asyncio.run(scenario())
    assert len(set(replies)) == 1 and replies[0].startswith("答复：补贴多少")
    assert heard == ["补贴多少"]


def test_a_failing_bot_gets_an_apology_instead_of_silence() -> None:
    reply = asyncio.run(
        _reply(_channel(deadline=2), _text_message("补贴多少", 9), StandInBot(fail=True))
    )
    assert reply == ERROR_TEXT


def test_typing_a_number_after_the_welcome_sends_that_topic_to_the_bot() -> None:
    async def scenario() -> tuple[str, list[str]]:
        from wechatpy import parse_message

        channel, bot = _channel(deadline=2), StandInBot()
        subscribe = parse_message(
            "<xml><ToUserName>gh_1</ToUserName><FromUserName>oUser1</FromUserName>"
            "<CreateTime>1700000000</CreateTime><MsgType>event</MsgType>"
            "<Event>subscribe</Event></xml>"
        )
        welcome = await _reply(channel, subscribe, bot)
        await _reply(channel, _text_message("2", 11), bot)
        return welcome, bot.heard

    welcome, heard = asyncio.run(scenario())
    assert "2. 补贴多少" in welcome
    assert heard == ["/greet", "/ask_subsidy_amount"]


def test_running_with_the_development_token_is_logged_as_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    from bot.channels.wechat import DEV_TOKEN, WeChatInput, WeChatSettings

    with caplog.at_level("WARNING", logger="bot.channels.wechat"):
        WeChatInput(WeChatSettings.from_env({}))
    assert any(DEV_TOKEN in r.getMessage() and r.levelname == "WARNING" for r in caplog.records)


def test_two_followers_whose_messages_share_a_msgid_each_get_their_own_answer() -> None:
    async def scenario() -> tuple[str, str, list[str]]:
        channel, bot = _channel(deadline=2), StandInBot()
        first = await _reply(channel, _text_message("补贴多少", 42, openid="oAlice"), bot)
        second = await _reply(channel, _text_message("能帮我交社保吗", 42, openid="oBob"), bot)
        return first, second, bot.heard

    first, second, heard = asyncio.run(scenario())
    assert first.startswith("答复：补贴多少")
    assert second.startswith("答复：能帮我交社保吗")  # not Alice's answer
    assert heard == ["补贴多少", "能帮我交社保吗"]


def test_a_message_over_the_limit_gets_a_clear_reply_and_never_reaches_the_bot() -> None:
    from bot.channels.intake import TOO_LONG_TEXT

    bot = StandInBot()
    reply = asyncio.run(_reply(_channel(deadline=2), _text_message("问" * 1001, 5), bot))
    assert reply == TOO_LONG_TEXT and bot.heard == []


def test_a_phone_number_is_masked_before_the_bot_hears_it() -> None:
    bot = StandInBot()
    asyncio.run(_reply(_channel(deadline=2), _text_message("电话13812345678转人工", 6), bot))
    assert bot.heard == ["电话138****5678转人工"]


FRESHNESS = [
    pytest.param("1700000000", 1700000000.0, True, id="当前时间戳的消息被接受"),
    pytest.param("1700000000", 1700000300.0, True, id="相差五分钟的消息仍被接受"),
    pytest.param("1700000000", 1700000301.0, False, id="超过五分钟的重放被拒绝"),
    pytest.param("abc", 1700000000.0, False, id="不是数字的时间戳被拒绝"),
]


@pytest.mark.parametrize(("timestamp", "now", "accepted"), FRESHNESS)
def test_only_fresh_timestamps_are_accepted(timestamp: str, now: float, accepted: bool) -> None:
    from bot.channels.wechat import fresh

    assert fresh(timestamp, now) is accepted
