"""One turn at a time per conversation, in arrival order, across instances (real Redis)."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest
from rasa.core.lock_store import LockError, RedisLockStore

from bot.server.lock_store import ConversationLockStore


def _turns(stores: list[ConversationLockStore], conversation: str, hold: float) -> list[tuple]:
    """Each store ("instance") runs one turn of the conversation; turns start 5 ms apart."""
    log: list[tuple] = []

    async def turn(store: ConversationLockStore, number: int) -> None:
        await asyncio.sleep(0.005 * number)
        async with store.lock(conversation):
            log.append(("start", number))
            await asyncio.sleep(hold)
            log.append(("end", number))

    async def main() -> None:
        await asyncio.gather(*(turn(s, i) for i, s in enumerate(stores)))

    asyncio.run(main())
    return log


def _serial_in_order(log: list[tuple], count: int) -> bool:
    return log == [step for n in range(count) for step in (("start", n), ("end", n))]


def test_turns_of_one_conversation_on_five_instances_run_one_at_a_time_in_arrival_order(
    redis_url: str,
) -> None:
    stores = [ConversationLockStore(url=redis_url) for _ in range(5)]
    assert _serial_in_order(_turns(stores, "c-order", hold=0.05), 5)


def test_without_redis_turns_of_one_conversation_run_one_at_a_time_in_order() -> None:
    store = ConversationLockStore()
    assert _serial_in_order(_turns([store] * 5, "c-local", hold=0.02), 5)


def test_different_conversations_do_not_wait_for_each_other(redis_url: str) -> None:
    store = ConversationLockStore(url=redis_url)

    async def main() -> float:
        async def turn(conversation: str) -> None:
            async with store.lock(conversation):
                await asyncio.sleep(0.2)

        started = time.monotonic()
        await asyncio.gather(*(turn(f"c-{i}") for i in range(5)))
        return time.monotonic() - started

    assert asyncio.run(main()) < 0.6  # five conversations side by side, not one after another


def test_a_turn_that_never_finishes_holds_the_conversation_only_for_its_lifetime(
    redis_url: str,
) -> None:
    crashed, next_one = ConversationLockStore(url=redis_url), ConversationLockStore(url=redis_url)

    async def main() -> float:
        held = crashed.lock("c-crash", lock_lifetime=1)
        await held.__aenter__()  # an instance killed mid-turn never releases its ticket
        started = time.monotonic()
        async with next_one.lock("c-crash"):
            return time.monotonic() - started

    assert 0.5 < asyncio.run(main()) < 3


def test_an_unreachable_redis_is_a_lock_error() -> None:
    store = ConversationLockStore(url="redis://127.0.0.1:1/0")

    async def main() -> None:
        async with store.lock("c-x"):
            pass

    with pytest.raises(LockError):
        asyncio.run(main())


def test_rasas_redis_lock_store_hands_out_one_ticket_number_twice_under_concurrency(
    redis_url: str,
) -> None:
    # Why the project has its own lock store: Rasa 3.6.21 reads, changes and writes the lock.
    host_port = redis_url.rsplit("@", 1)[1].split("/")[0]
    host, port = host_port.split(":")
    stores = [
        RedisLockStore(host=host, port=int(port), password="test-redis-pw", db=0) for _ in range(4)
    ]
    tickets: list[int] = []
    guard = threading.Lock()

    def issue(store: RedisLockStore) -> None:
        for _ in range(100):
            ticket = store.issue_ticket("c-rasa")
            with guard:
                tickets.append(ticket)

    threads = [threading.Thread(target=issue, args=(s,)) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(tickets)) < len(tickets)
