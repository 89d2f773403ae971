"""When a message reached the public edge, for ordering the turns of one conversation.

HAProxy stamps every request it forwards with ``X-Request-Start: t=<microseconds since the
epoch>`` (deploy/haproxy.cfg, replacing any such header a client sent). A channel reads the
stamp with :func:`arrival_from_header` and sets :data:`ARRIVAL` before handing the message to
the assistant; the lock store (bot/server/lock_store.py) then serves the conversation's turns in
the order they reached the edge, not the order the instances got round to them.
"""

from __future__ import annotations

import contextvars

# Seconds since the epoch at which the message being handled reached the edge (None: unknown).
ARRIVAL: contextvars.ContextVar[float | None] = contextvars.ContextVar("arrival", default=None)
HEADER = "X-Request-Start"


def arrival_from_header(value: str | None) -> float | None:
    """``t=1701234567123456`` (microseconds) → 1701234567.123456; ``None`` when absent or bad."""
    if not value or not value.startswith("t="):
        return None
    try:
        return int(value[2:]) / 1_000_000
    except ValueError:
        return None
