"""Factories for what the actions share: the knowledge base and the "as of" date.

Nothing is built at import time; the knowledge base is opened on first use and cached.
"""

from __future__ import annotations

import os
from datetime import date
from functools import lru_cache

from kb.repository import KnowledgeBase

AS_OF_ENV = "TUOGUAN_AS_OF"


def as_of_date() -> date:
    """The date every date rule is evaluated at: ``TUOGUAN_AS_OF`` (YYYY-MM-DD) or today.

    Injectable so that tests and demonstrations can ask "as of 2023-06-01".
    """
    value = os.environ.get(AS_OF_ENV, "").strip()
    return date.fromisoformat(value) if value else date.today()


@lru_cache(maxsize=1)
def knowledge_base() -> KnowledgeBase:
    """The knowledge base at ``KB_URL`` (default: the SQLite file built by ``make kb``)."""
    return KnowledgeBase.from_url(os.environ.get("KB_URL") or None)
