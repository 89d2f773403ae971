"""Real servers shared by the tests that need them, started on free loopback ports."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from scripts.services import free_port, running_redis


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Debian's redis-server on a free port (``make cluster-deps`` installs it)."""
    with running_redis(tmp_path_factory.mktemp("redis"), free_port(), "test-redis-pw") as url:
        yield url
