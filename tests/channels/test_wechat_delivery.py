"""Late answers reach the follower, and retries are answered once across instances (real Redis,
a fake of WeChat's customer-service API on loopback)."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from bot.channels.wechat import WeChatInput, WeChatSettings
from scripts.services import free_port
from tests.channels.test_wechat_text import StandInBot, _text_message


class FakeWeChatApi:
    """WeChat's token and customer-service endpoints, recording what is sent."""

    def __init__(self) -> None:
        self.sent: list[dict[str, Any]] = []
        self.tokens_issued = 0
        api = self

        class Handler(BaseHTTPRequestHandler):
            def _json(self, body: dict[str, Any]) -> None:
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                if self.path.startswith("/cgi-bin/token?") and "secret=the-secret" in self.path:
                    api.tokens_issued += 1
                    self._json({"access_token": "fake-token", "expires_in": 7200})
                else:
                    self._json({"errcode": 40001, "errmsg": "invalid credential"})

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                if self.path.startswith("/cgi-bin/message/custom/send?access_token=fake-token"):
                    api.sent.append(body)
                    self._json({"errcode": 0, "errmsg": "ok"})
                else:
                    self._json({"errcode": 40001, "errmsg": "invalid credential"})

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_port}/cgi-bin/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def wechat_api() -> Iterator[FakeWeChatApi]:
    api = FakeWeChatApi()
    yield api
    api.server.shutdown()


def _channel(deadline: float, **settings: Any) -> WeChatInput:
    return WeChatInput(WeChatSettings(token="t", deadline=deadline, **settings))


async def _reply(channel: WeChatInput, message: Any, bot: Any) -> str:
    return await channel.reply_text(message, bot, time.monotonic() + channel.deadline)


def test_with_an_appsecret_a_late_answer_is_sent_with_the_customer_service_api(
    wechat_api: FakeWeChatApi,
) -> None:
    channel = _channel(0.05, app_id="wx1", app_secret="the-secret", api_base=wechat_api.base)
    bot = StandInBot(delay=0.3)

    async def scenario() -> str:
        passive = await _reply(channel, _text_message("补贴多少", 1, openid="oLate"), bot)
        await asyncio.sleep(1.0)
        return passive

    started = time.monotonic()
    passive = asyncio.run(scenario())
    assert passive == ""  # the passive reply leaves in time, empty: WeChat shows nothing
    assert time.monotonic() - started < 1.5
    (sent,) = wechat_api.sent
    assert sent["touser"] == "oLate" and sent["msgtype"] == "text"
    assert sent["text"]["content"].startswith("答复：补贴多少")


def test_an_answer_in_time_is_not_sent_twice(wechat_api: FakeWeChatApi) -> None:
    channel = _channel(2, app_id="wx1", app_secret="the-secret", api_base=wechat_api.base)
    reply = asyncio.run(_reply(channel, _text_message("补贴多少", 2), StandInBot()))
    assert reply.startswith("答复：补贴多少") and wechat_api.sent == []


def test_a_retry_on_another_instance_gets_the_first_instances_answer(redis_url: str) -> None:
    first, second = _channel(2, redis_url=redis_url), _channel(2, redis_url=redis_url)
    bot = StandInBot(delay=0.3)

    async def scenario() -> tuple[str, str]:
        message = _text_message("补贴多少", 777, openid="oShared")
        one = asyncio.ensure_future(_reply(first, message, bot))
        await asyncio.sleep(0.05)
        two = await _reply(second, message, bot)  # WeChat's retry, balanced elsewhere
        return await one, two

    one, two = asyncio.run(scenario())
    assert one == two and one.startswith("答复：补贴多少")
    assert bot.heard == ["补贴多少"]


def test_a_late_answer_kept_on_one_instance_is_given_for_the_repeat_on_another(
    redis_url: str,
) -> None:
    first, second = _channel(0.05, redis_url=redis_url), _channel(0.05, redis_url=redis_url)
    bot = StandInBot(delay=0.2)

    async def scenario() -> tuple[str, str]:
        asked = await _reply(first, _text_message("能帮我交社保吗", 901, openid="oRepeat"), bot)
        await asyncio.sleep(0.5)
        again = await _reply(second, _text_message("能帮我交社保吗", 902, openid="oRepeat"), bot)
        return asked, again

    asked, again = asyncio.run(scenario())
    assert asked.startswith("正在查询")
    assert again.startswith("答复：能帮我交社保吗") and bot.heard == ["能帮我交社保吗"]
