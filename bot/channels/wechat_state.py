"""What the WeChat channel remembers between requests, shared by every instance when Redis is set.

WeChat retries a message it got no reply to within five seconds (same ``MsgId``), and a retry
may reach another instance than the first attempt. So the state lives in Redis
(``$REDIS_URL``) on several instances, in this process's memory on one:

- a message's reply, keyed on (FromUserName, MsgId) for messages and (FromUserName, CreateTime,
  Event) for events: only the first attempt is answered by the assistant, a retry waits for that
  answer (keyed on the sender too, because ``MsgId`` alone is not unique across users);
- the late answers: a reply still being computed when the passive reply had to leave, given
  when the user sends the same question again (or sent by the customer-service message API);
- the choices a reply offered (「回复 2」 picks the second button).

Every key expires (:data:`MESSAGE_TTL`, :data:`LATE_TTL`, :data:`CHOICES_TTL` seconds).
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from typing import Any, Protocol

MESSAGE_TTL = 300  # WeChat's three attempts span about fifteen seconds
LATE_TTL = 600
CHOICES_TTL = 86_400
PREFIX = "tuoguan:wechat:"
_PENDING = "\x00"  # a claimed message whose reply is not ready yet (no reply holds \x00)


class ReplyState(Protocol):
    """The shared state; every method may raise on a broken connection (the channel logs it)."""

    async def claim(self, key: str) -> bool: ...
    async def finish(self, key: str, text: str) -> None: ...
    async def reply(self, key: str) -> str | None: ...
    async def mark_late(self, key: str) -> None: ...
    async def is_late(self, key: str) -> bool: ...
    async def put_late(self, openid: str, question: str, text: str) -> None: ...
    async def take_late(self, openid: str, question: str) -> str | None: ...
    async def put_choices(self, openid: str, choices: Mapping[str, str]) -> None: ...
    async def choices(self, openid: str) -> dict[str, str] | None: ...


class MemoryReplyState:
    """One process's state, with the same expiry as the shared one."""

    def __init__(self) -> None:
        self._items: dict[str, tuple[float, Any]] = {}

    def _get(self, key: str) -> Any:
        found = self._items.get(key)
        if found is None or found[0] < time.monotonic():
            self._items.pop(key, None)
            return None
        return found[1]

    def _set(self, key: str, value: Any, ttl: float) -> None:
        if len(self._items) > 10_000:  # drop what has expired before growing further
            now = time.monotonic()
            self._items = {k: v for k, v in self._items.items() if v[0] >= now}
        self._items[key] = (time.monotonic() + ttl, value)

    async def claim(self, key: str) -> bool:
        if self._get(f"reply:{key}") is not None:
            return False
        self._set(f"reply:{key}", _PENDING, MESSAGE_TTL)
        return True

    async def finish(self, key: str, text: str) -> None:
        self._set(f"reply:{key}", text, MESSAGE_TTL)

    async def reply(self, key: str) -> str | None:
        value = self._get(f"reply:{key}")
        return None if value in (None, _PENDING) else str(value)

    async def mark_late(self, key: str) -> None:
        self._set(f"late:{key}", True, MESSAGE_TTL)

    async def is_late(self, key: str) -> bool:
        return bool(self._get(f"late:{key}"))

    async def put_late(self, openid: str, question: str, text: str) -> None:
        self._set(f"answer:{openid}:{question}", text, LATE_TTL)

    async def take_late(self, openid: str, question: str) -> str | None:
        value = self._get(f"answer:{openid}:{question}")
        self._items.pop(f"answer:{openid}:{question}", None)
        return None if value is None else str(value)

    async def put_choices(self, openid: str, choices: Mapping[str, str]) -> None:
        self._set(f"choices:{openid}", dict(choices), CHOICES_TTL)

    async def choices(self, openid: str) -> dict[str, str] | None:
        value = self._get(f"choices:{openid}")
        return dict(value) if value is not None else None


class RedisReplyState:
    """The state in Redis, shared by every instance (``redis://:password@host:port/db``)."""

    def __init__(self, url: str) -> None:
        import redis.asyncio

        self._redis = redis.asyncio.Redis.from_url(url, decode_responses=True)

    async def claim(self, key: str) -> bool:
        return bool(
            await self._redis.set(f"{PREFIX}reply:{key}", _PENDING, nx=True, ex=MESSAGE_TTL)
        )

    async def finish(self, key: str, text: str) -> None:
        await self._redis.set(f"{PREFIX}reply:{key}", text, ex=MESSAGE_TTL)

    async def reply(self, key: str) -> str | None:
        value = await self._redis.get(f"{PREFIX}reply:{key}")
        return None if value in (None, _PENDING) else str(value)

    async def mark_late(self, key: str) -> None:
        await self._redis.set(f"{PREFIX}late:{key}", "1", ex=MESSAGE_TTL)

    async def is_late(self, key: str) -> bool:
        return bool(await self._redis.exists(f"{PREFIX}late:{key}"))

    async def put_late(self, openid: str, question: str, text: str) -> None:
        await self._redis.set(f"{PREFIX}answer:{openid}:{question}", text, ex=LATE_TTL)

    async def take_late(self, openid: str, question: str) -> str | None:
        value = await self._redis.getdel(f"{PREFIX}answer:{openid}:{question}")
        return None if value is None else str(value)

    async def put_choices(self, openid: str, choices: Mapping[str, str]) -> None:
        await self._redis.set(
            f"{PREFIX}choices:{openid}",
            json.dumps(dict(choices), ensure_ascii=False),
            ex=CHOICES_TTL,
        )

    async def choices(self, openid: str) -> dict[str, str] | None:
        value = await self._redis.get(f"{PREFIX}choices:{openid}")
        return {str(k): str(v) for k, v in json.loads(value).items()} if value else None


def reply_state(url: str | None) -> ReplyState:
    """Redis at ``url`` when given (several instances), else this process's memory."""
    return RedisReplyState(url) if url else MemoryReplyState()
