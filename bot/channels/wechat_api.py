"""WeChat's customer-service message API: a late answer sent to the follower after the passive
reply has left (wechatpy's client; possible within 48 hours of the follower's message).

Used when ``WECHAT_APP_SECRET`` is set. The access token is fetched by wechatpy and kept in Redis
(``$REDIS_URL``) when several instances share it, in memory otherwise. ``WECHAT_API_BASE``
points the client at another host than ``https://api.weixin.qq.com/cgi-bin/`` (the tests run a
fake of WeChat's API on loopback).
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from wechatpy import WeChatClient
from wechatpy.session.memorystorage import MemoryStorage

logger = logging.getLogger(__name__)

API_BASE = "https://api.weixin.qq.com/cgi-bin/"


class _Client(WeChatClient):
    """wechatpy's client with its base URL also used for the access token."""

    def fetch_access_token(self) -> Any:
        return self._fetch_access_token(
            url=f"{self.API_BASE_URL}token",
            params={"grant_type": "client_credential", "appid": self.appid, "secret": self.secret},
        )


class CustomerService:
    """Sends text messages to followers through WeChat's customer-service API."""

    def __init__(
        self, app_id: str, secret: str, api_base: str | None = None, redis_url: str | None = None
    ) -> None:
        storage: Any = MemoryStorage()
        if redis_url:
            import redis
            from wechatpy.session.redisstorage import RedisStorage

            storage = RedisStorage(redis.Redis.from_url(redis_url), prefix="tuoguan:wechatpy")
        self._client = _Client(app_id, secret, session=storage)
        self._client.API_BASE_URL = (api_base or API_BASE).rstrip("/") + "/"

    async def send_text(self, openid: str, text: str) -> bool:
        """Send ``text`` to ``openid``; ``False`` (logged) when WeChat refuses or is unreachable."""
        try:
            await asyncio.to_thread(self._client.message.send_text, openid, text)
            return True
        except Exception:
            logger.exception("WeChat: the late answer to %s could not be sent", openid)
            return False
