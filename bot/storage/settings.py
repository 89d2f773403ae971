"""Where the project's store is: ``STORE_URL`` (any SQLAlchemy URL), default a SQLite file."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
STORE_URL_ENV = "STORE_URL"
DEFAULT_URL = f"sqlite:///{REPO / 'var' / 'conversations.sqlite3'}"


def store_url(url: str | None = None) -> str:
    """The URL given, else ``$STORE_URL``, else ``var/conversations.sqlite3``; the folder of a
    SQLite file is created."""
    url = url or os.environ.get(STORE_URL_ENV) or DEFAULT_URL
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    return url
