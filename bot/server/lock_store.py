"""One turn at a time per conversation, in arrival order, on one instance or across several.

Configured in the endpoints file as ``lock_store: type:
bot.server.lock_store.ConversationLockStore``, with ``url: redis://…`` when several Rasa servers
share the conversations (deploy/endpoints.yml) and without it on a single server.

Why not Rasa's own lock stores:

- ``RedisLockStore`` (Rasa 3.6.21) issues a ticket by reading the conversation's lock from Redis,
  adding a ticket and writing it back: two instances doing that at once get the same ticket
  number. Measured here with four clients issuing 50 tickets each at once: 200 tickets, 71
  distinct (``tests/server/test_lock_store.py`` keeps that comparison). Two turns of one
  conversation then run at the same time on two instances, and one of them is lost.
- Both Rasa lock stores poll a waiting turn every second, so five quick messages of one user
  take four seconds more than they need, close to WeChat's five-second limit.

Here a ticket is issued and checked by Lua scripts, which Redis runs atomically, with Redis's
own clock for the expiry (instances need not agree on the time); a waiting turn polls every
:data:`POLL_SECONDS`. Tickets are served in the order their messages reached the balancer
(bot/server/arrival.py) when it stamped them: a ticket is not served before :data:`SETTLE_SECONDS`
after its arrival, so that a message that arrived earlier but reached a busier instance can
still take its place in the queue. Without a stamp, tickets are served in the order they are
issued. Without Redis, an ``asyncio.Lock`` per conversation serves turns in arrival order and
wakes the next one at once.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager
from typing import Any

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, LockStore

from bot.secrets import read_secret
from bot.server.arrival import ARRIVAL

logger = logging.getLogger(__name__)

REDIS_URL_ENV = "REDIS_URL"
KEY_PREFIX = "tuoguan:lock:"
POLL_SECONDS = 0.02
SETTLE_SECONDS = 0.05

# KEYS: counter, queue (sorted set: ticket → arrival), expiries (hash: ticket → expiry);
# ARGV: lifetime in seconds, arrival (seconds since the epoch, or "" for now).
# The new ticket ("%012d", so equal arrivals sort by number), queued by its arrival and given
# its expiry in the same atomic step as its number is drawn.
_ISSUE = """
local now = redis.call('TIME')
local seconds = tonumber(now[1]) + tonumber(now[2]) / 1e6
local arrival = tonumber(ARGV[2]) or seconds
local ticket = string.format('%012d', redis.call('INCR', KEYS[1]))
redis.call('ZADD', KEYS[2], arrival, ticket)
redis.call('HSET', KEYS[3], ticket, seconds + tonumber(ARGV[1]))
local keep = math.ceil(tonumber(ARGV[1]) * 2)
for _, key in ipairs(KEYS) do redis.call('EXPIRE', key, keep) end
return ticket
"""
# KEYS: queue, expiries; ARGV: ticket. 1: this ticket is served now; 0: wait; -1: it expired.
_SERVED = """
local now = redis.call('TIME')
local seconds = tonumber(now[1]) + tonumber(now[2]) / 1e6
local expiries = redis.call('HGETALL', KEYS[2])
for i = 1, #expiries, 2 do
  if tonumber(expiries[i + 1]) < seconds then
    redis.call('ZREM', KEYS[1], expiries[i])
    redis.call('HDEL', KEYS[2], expiries[i])
  end
end
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return -1 end
local first = redis.call('ZRANGE', KEYS[1], 0, 0)
if first[1] == ARGV[1] then return 1 end
return 0
"""


class ConversationLockStore(LockStore):
    """Rasa's lock store interface (``lock(conversation_id)``) with atomic, ordered tickets.

    ``endpoint_config.url`` (or ``$REDIS_URL``) is a Redis URL such as
    ``redis://:password@127.0.0.1:6379/0``; without one the lock is this process's own.
    """

    def __init__(self, endpoint_config: Any = None, url: str | None = None) -> None:
        url = url or getattr(endpoint_config, "url", None) or read_secret(REDIS_URL_ENV)
        self._redis: Any = None
        self._local: dict[str, tuple[asyncio.Lock, int]] = {}
        if url:
            import redis.asyncio

            self._redis = redis.asyncio.Redis.from_url(url)
            self._issue = self._redis.register_script(_ISSUE)
            self._served = self._redis.register_script(_SERVED)
        super().__init__()

    @asynccontextmanager
    async def lock(
        self,
        conversation_id: str,
        lock_lifetime: float = LOCK_LIFETIME,
        wait_time_in_seconds: float = POLL_SECONDS,
    ) -> AsyncGenerator[TicketLock, None]:
        """Wait for this conversation's earlier turns, hold the lock for the block.

        Raises ``LockError`` when Redis cannot be reached or the ticket expired while waiting
        (an earlier turn held the lock longer than ``lock_lifetime`` seconds).
        """
        if self._redis is None:
            async with self._local_lock(conversation_id):
                yield TicketLock(conversation_id)
            return
        key = f"{KEY_PREFIX}{conversation_id}"
        queue, expiries = f"{key}:queue", f"{key}:expires"
        arrival = ARRIVAL.get()
        try:
            ticket = await self._issue(
                keys=[f"{key}:next", queue, expiries],
                args=[lock_lifetime, "" if arrival is None else repr(arrival)],
            )
            if arrival is not None:  # let a message that reached the edge earlier queue first
                await asyncio.sleep(max(0.0, arrival + SETTLE_SECONDS - time.time()))
            while (state := await self._served(keys=[queue, expiries], args=[ticket])) == 0:
                await asyncio.sleep(min(wait_time_in_seconds, POLL_SECONDS))
        except LockError:
            raise
        except Exception as error:  # redis.exceptions.RedisError and connection errors
            raise LockError(f"lock store unavailable for {conversation_id}: {error}") from error
        if state < 0:
            raise LockError(f"the lock of {conversation_id} expired while waiting for it")
        try:
            yield TicketLock(conversation_id)
        finally:
            try:
                await self._redis.zrem(queue, ticket)
                await self._redis.hdel(expiries, ticket)
            except Exception:  # the ticket expires on its own
                logger.warning("could not release the lock of %s", conversation_id)

    @asynccontextmanager
    async def _local_lock(self, conversation_id: str) -> AsyncGenerator[None, None]:
        """An asyncio.Lock per conversation (FIFO), dropped when no turn waits for it."""
        lock, users = self._local.get(conversation_id, (asyncio.Lock(), 0))
        self._local[conversation_id] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._local[conversation_id]
            if users <= 1:
                del self._local[conversation_id]
            else:
                self._local[conversation_id] = (lock, users - 1)

    # Rasa's LockStore keeps whole TicketLock objects; this store keeps tickets only.
    def get_lock(self, conversation_id: str) -> TicketLock | None:
        return None

    def delete_lock(self, conversation_id: str) -> None:
        return None

    def save_lock(self, lock: TicketLock) -> None:
        return None
