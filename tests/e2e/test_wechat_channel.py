"""The WeChat official account channel, driven exactly as WeChat's servers drive it.

Requests are signed the way WeChat signs them (sha1 of the sorted token, timestamp and nonce),
message XML is what WeChat posts, safe-mode bodies are encrypted with wechatpy's WeChatCrypto
and the ``msg_signature`` WeChat computes; replies are parsed (and decrypted) with wechatpy and
checked for what the user sees in the WeChat conversation.
"""

from __future__ import annotations

import hashlib
import itertools
import time
import uuid
from dataclasses import dataclass

import pytest
import requests
import xmltodict
from wechatpy.crypto import WeChatCrypto
from wechatpy.replies import deserialize_reply

from tests.e2e.conftest import E2E_WECHAT_AES_KEY, E2E_WECHAT_APP_ID, E2E_WECHAT_TOKEN
from tests.e2e.servers import RunningAssistant

WEBHOOK = "/webhooks/wechat/webhook"
ACCOUNT = "gh_0123456789ab"  # the official account's original id (ToUserName)
WECHAT_TEXT_LIMIT = 2048  # bytes, UTF-8
_msg_ids = itertools.count(24_000_000_000_000_000 + int(time.time()))


def wechat_signature(token: str, timestamp: str, nonce: str) -> str:
    """What WeChat puts in ``signature``: sha1 of the sorted, concatenated strings."""
    return hashlib.sha1("".join(sorted([token, timestamp, nonce])).encode()).hexdigest()


def text_xml(openid: str, content: str, msg_id: int) -> str:
    return (
        f"<xml><ToUserName><![CDATA[{ACCOUNT}]]></ToUserName>"
        f"<FromUserName><![CDATA[{openid}]]></FromUserName>"
        f"<CreateTime>{int(time.time())}</CreateTime>"
        "<MsgType><![CDATA[text]]></MsgType>"
        f"<Content><![CDATA[{content}]]></Content>"
        f"<MsgId>{msg_id}</MsgId></xml>"
    )


def image_xml(openid: str, msg_id: int) -> str:
    return (
        f"<xml><ToUserName><![CDATA[{ACCOUNT}]]></ToUserName>"
        f"<FromUserName><![CDATA[{openid}]]></FromUserName>"
        f"<CreateTime>{int(time.time())}</CreateTime>"
        "<MsgType><![CDATA[image]]></MsgType>"
        "<PicUrl><![CDATA[http://mmbiz.qpic.cn/example.jpg]]></PicUrl>"
        "<MediaId><![CDATA[media_id_1]]></MediaId>"
        f"<MsgId>{msg_id}</MsgId></xml>"
    )


def voice_xml(openid: str, msg_id: int) -> str:
    return (
        f"<xml><ToUserName><![CDATA[{ACCOUNT}]]></ToUserName>"
        f"<FromUserName><![CDATA[{openid}]]></FromUserName>"
        f"<CreateTime>{int(time.time())}</CreateTime>"
        "<MsgType><![CDATA[voice]]></MsgType>"
        "<MediaId><![CDATA[media_id_2]]></MediaId>"
        "<Format><![CDATA[amr]]></Format>"
        f"<MsgId>{msg_id}</MsgId></xml>"
    )


def subscribe_xml(openid: str) -> str:
    return (
        f"<xml><ToUserName><![CDATA[{ACCOUNT}]]></ToUserName>"
        f"<FromUserName><![CDATA[{openid}]]></FromUserName>"
        f"<CreateTime>{int(time.time())}</CreateTime>"
        "<MsgType><![CDATA[event]]></MsgType>"
        "<Event><![CDATA[subscribe]]></Event></xml>"
    )


@dataclass
class WeChatServer:
    """Plays WeChat's side of the webhook: signs, encrypts in safe mode, reads the reply."""

    base_url: str
    safe_mode: bool
    token: str = E2E_WECHAT_TOKEN

    @property
    def crypto(self) -> WeChatCrypto:
        return WeChatCrypto(self.token, E2E_WECHAT_AES_KEY, E2E_WECHAT_APP_ID)

    def post(
        self, openid: str, xml: str, *, bad_signature: bool = False, bad_msg_signature: bool = False
    ) -> requests.Response:
        timestamp, nonce = str(int(time.time())), uuid.uuid4().hex[:10]
        signature = wechat_signature(self.token, timestamp, nonce)
        params = {"signature": signature, "timestamp": timestamp, "nonce": nonce, "openid": openid}
        if bad_signature:
            params["signature"] = wechat_signature("not-the-token", timestamp, nonce)
        body = xml
        if self.safe_mode:
            envelope = xmltodict.parse(self.crypto.encrypt_message(xml, nonce, timestamp))["xml"]
            body = (
                f"<xml><ToUserName><![CDATA[{ACCOUNT}]]></ToUserName>"
                f"<Encrypt><![CDATA[{envelope['Encrypt']}]]></Encrypt></xml>"
            )
            params["encrypt_type"] = "aes"
            params["msg_signature"] = envelope["MsgSignature"]
            if bad_msg_signature:
                params["msg_signature"] = "0" * 40
        return requests.post(
            f"{self.base_url}{WEBHOOK}",
            params=params,
            data=body.encode("utf-8"),
            headers={"Content-Type": "text/xml"},
            timeout=30,
        )

    def reply(self, response: requests.Response) -> dict[str, str]:
        """The passive reply as WeChat reads it (decrypted and signature-checked in safe mode)."""
        assert response.status_code == 200, response.text
        xml = response.text
        if self.safe_mode:
            envelope = xmltodict.parse(xml)["xml"]
            assert set(envelope) >= {"Encrypt", "MsgSignature", "TimeStamp", "Nonce"}, xml
            xml = self.crypto.decrypt_message(
                xml, envelope["MsgSignature"], envelope["TimeStamp"], envelope["Nonce"]
            )
        reply = deserialize_reply(xml)
        return {
            "type": reply.type,
            "to": reply.target,
            "from": reply.source,
            "content": reply.content,
        }

    def say(self, openid: str, content: str) -> str:
        """What the user reads after typing ``content``."""
        response = self.post(openid, text_xml(openid, content, next(_msg_ids)))
        return self.reply(response)["content"]


def _openid() -> str:
    return "oE2E" + uuid.uuid4().hex[:24]


def _user_events(assistant: RunningAssistant, openid: str) -> list[str]:
    tracker = requests.get(f"{assistant.rasa_url}/conversations/{openid}/tracker", timeout=30)
    tracker.raise_for_status()
    return [e.get("text") or "" for e in tracker.json()["events"] if e["event"] == "user"]


MODES = [
    pytest.param(False, id="明文模式"),
    pytest.param(True, id="安全模式"),
]


@pytest.fixture(params=MODES)
def wechat(request: pytest.FixtureRequest, assistant: RunningAssistant) -> WeChatServer:
    return WeChatServer(assistant.rasa_url, safe_mode=request.param)


@pytest.mark.parametrize(
    ("token", "status", "body"),
    [
        pytest.param(E2E_WECHAT_TOKEN, 200, "echo-5551212", id="签名正确时原样返回echostr"),
        pytest.param("not-the-token", 403, None, id="签名错误时返回403"),
    ],
)
def test_url_verification_echoes_only_for_the_right_token(
    assistant: RunningAssistant, token: str, status: int, body: str | None
) -> None:
    timestamp, nonce = str(int(time.time())), "1234567890"
    response = requests.get(
        f"{assistant.rasa_url}{WEBHOOK}",
        params={
            "signature": wechat_signature(token, timestamp, nonce),
            "timestamp": timestamp,
            "nonce": nonce,
            "echostr": "echo-5551212",
        },
        timeout=30,
    )
    assert response.status_code == status
    if body is not None:
        assert response.text == body


def test_asking_the_subsidy_gets_article_19_and_one_fifth(wechat: WeChatServer) -> None:
    openid = _openid()
    reply = wechat.reply(wechat.post(openid, text_xml(openid, "补贴多少", next(_msg_ids))))
    assert reply["type"] == "text"
    assert (reply["to"], reply["from"]) == (openid, ACCOUNT)
    assert "第十九条" in reply["content"] and "1/5" in reply["content"]
    assert "依据：《管理办法》第十九条" in reply["content"]
    assert "citations" not in reply["content"]  # the custom payload is not shown as text


@pytest.mark.parametrize(
    ("safe_mode", "bad_signature", "bad_msg_signature"),
    [
        pytest.param(False, True, False, id="明文模式签名错误"),
        pytest.param(True, True, False, id="安全模式signature错误"),
        pytest.param(True, False, True, id="安全模式msg_signature错误"),
    ],
)
def test_a_wrongly_signed_message_is_refused_and_never_reaches_the_bot(
    assistant: RunningAssistant, safe_mode: bool, bad_signature: bool, bad_msg_signature: bool
) -> None:
    server = WeChatServer(assistant.rasa_url, safe_mode=safe_mode)
    openid = _openid()
    response = server.post(
        openid,
        text_xml(openid, "补贴多少", next(_msg_ids)),
        bad_signature=bad_signature,
        bad_msg_signature=bad_msg_signature,
    )
    assert response.status_code == 403
    assert "第十九条" not in response.text
    assert _user_events(assistant, openid) == []


def test_wechat_retrying_a_message_gets_the_same_reply_and_the_bot_hears_it_once(
    wechat: WeChatServer, assistant: RunningAssistant
) -> None:
    openid = _openid()
    xml = text_xml(openid, "补贴多少", next(_msg_ids))
    replies = [wechat.reply(wechat.post(openid, xml))["content"] for _ in range(3)]
    assert "第十九条" in replies[0]
    assert replies[1:] == replies[:1] * 2
    assert _user_events(assistant, openid) == ["补贴多少"]


def test_a_new_follower_is_welcomed_with_the_topics_and_can_pick_one_by_number(
    wechat: WeChatServer,
) -> None:
    openid = _openid()
    welcome = wechat.reply(wechat.post(openid, subscribe_xml(openid)))["content"]
    for number, topic in enumerate(["能否托管", "补贴多少", "何时退出", "服务内容"], start=1):
        assert f"{number}. {topic}" in welcome, welcome
    picked = wechat.say(openid, "2")
    assert "第十九条" in picked and "1/5" in picked


@pytest.mark.parametrize(
    "build",
    [pytest.param(image_xml, id="图片消息"), pytest.param(voice_xml, id="语音消息")],
)
def test_a_picture_or_voice_message_gets_asked_for_a_typed_question(
    wechat: WeChatServer, assistant: RunningAssistant, build: object
) -> None:
    openid = _openid()
    xml = build(openid, next(_msg_ids))  # type: ignore[operator]
    content = wechat.reply(wechat.post(openid, xml))["content"]
    assert "文字" in content and "输入您的问题" in content
    assert _user_events(assistant, openid) == []


@pytest.mark.parametrize(
    ("question", "article", "fragment"),
    [
        pytest.param("托管服务具体包括哪些内容？", "第十五条", "员工培训", id="服务内容十项"),
        pytest.param("什么样的企业可以申请托管", "第九条", "100人", id="企业条件"),
        pytest.param("服务机构什么情况下会被取消托管资格", "第十一条", "20%", id="机构退出情形"),
    ],
)
def test_a_long_answer_fits_one_wechat_text_and_keeps_its_basis(
    wechat: WeChatServer, question: str, article: str, fragment: str
) -> None:
    content = wechat.say(_openid(), question)
    assert len(content.encode("utf-8")) < WECHAT_TEXT_LIMIT
    assert fragment in content
    basis = next(line for line in content.split("\n") if line.startswith("依据："))
    assert article in basis


def test_the_eligibility_check_is_answered_by_typing_the_offered_words_and_numbers(
    wechat: WeChatServer,
) -> None:
    openid = _openid()
    first = wechat.say(openid, "我们公司能托管吗")
    assert "企业的注册地、纳税地、经营地是否都在坪山区" in first
    assert "请回复：“是” / “否” / “不清楚”" in first
    assert "从业人员多少人" in wechat.say(openid, "是")
    assert "生产经营是否正常" in wechat.say(openid, "45")
    firm_type = wechat.say(openid, "是")
    assert "劳务派遣" in firm_type and "3. 都不是" in firm_type
    condition = wechat.say(openid, "3")
    assert "上一年度已入库科技型中小企业" in condition
    verdict = wechat.say(openid, "上一年度已入库科技型中小企业")
    assert verdict.startswith("【结论】符合"), verdict
    assert "依据：《管理办法》第九条" in verdict
    assert len(verdict.encode("utf-8")) < WECHAT_TEXT_LIMIT


def test_control_characters_inside_content_are_dropped_and_the_question_answered(
    wechat: WeChatServer,
) -> None:
    openid = _openid()
    response = wechat.post(openid, text_xml(openid, "补贴\x1d多少\x10", next(_msg_ids)))
    assert "第十九条" in wechat.reply(response)["content"]


def test_a_message_without_msgtype_is_answered_success_not_an_error(wechat: WeChatServer) -> None:
    openid = _openid()
    xml = (
        f"<xml><ToUserName><![CDATA[{ACCOUNT}]]></ToUserName>"
        f"<FromUserName><![CDATA[{openid}]]></FromUserName>"
        f"<CreateTime>{int(time.time())}</CreateTime>"
        f"<Content><![CDATA[补贴多少]]></Content><MsgId>{next(_msg_ids)}</MsgId></xml>"
    )
    response = wechat.post(openid, xml)
    assert response.status_code == 200 and response.text == "success"


def test_two_followers_sending_the_same_msgid_each_get_their_own_answer(
    wechat: WeChatServer,
) -> None:
    msg_id = next(_msg_ids)
    alice, bob = _openid(), _openid()
    first = wechat.reply(wechat.post(alice, text_xml(alice, "补贴多少", msg_id)))["content"]
    second = wechat.reply(wechat.post(bob, text_xml(bob, "能帮我交社保吗", msg_id)))["content"]
    assert "第十九条" in first and "第十五条" in second
