"""What every answer is computed with: the knowledge base and the "as of" date.

Answer functions take an :class:`AnswerContext` instead of reading the environment themselves, so
that one turn is computed at one date and tests pass the date they mean. The knowledge base is
read-only and the same on every instance: it is opened once per process, on first use.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from kb.paths import KB_URL_ENV
from kb.repository import KnowledgeBase

AS_OF_ENV = "TUOGUAN_AS_OF"


@dataclass(frozen=True)
class AnswerContext:
    """The knowledge base to quote and the date every date rule is evaluated at."""

    kb: KnowledgeBase
    as_of: date


def as_of_date(environ: Mapping[str, str] | None = None) -> date:
    """``TUOGUAN_AS_OF`` (YYYY-MM-DD) or today: the date the rules are evaluated at.

    Raises ``ValueError`` for a value that is not an ISO date.
    """
    value = (os.environ if environ is None else environ).get(AS_OF_ENV, "").strip()
    return date.fromisoformat(value) if value else date.today()


@lru_cache(maxsize=1)
def knowledge_base() -> KnowledgeBase:
    """The knowledge base at ``$KB_URL`` (default: the SQLite file built by ``make kb``)."""
    return KnowledgeBase.from_url(os.environ.get(KB_URL_ENV) or None)


def answer_context() -> AnswerContext:
    """The context for one turn: this process's knowledge base, the as-of date read now."""
    return AnswerContext(kb=knowledge_base(), as_of=as_of_date())
