"""Where the data are: the project's store (``STORE_URL``) and Rasa's tracker store
(``TRACKER_STORE_URL``), any SQLAlchemy URL each (or ``NAME_FILE``, bot/secrets.py), default
a SQLite file under ``var/``."""

from __future__ import annotations

from pathlib import Path

from bot.secrets import read_secret

REPO = Path(__file__).resolve().parents[2]
STORE_URL_ENV = "STORE_URL"
DEFAULT_URL = f"sqlite:///{REPO / 'var' / 'conversations.sqlite3'}"
TRACKER_STORE_URL_ENV = "TRACKER_STORE_URL"
DEFAULT_TRACKER_URL = f"sqlite:///{REPO / 'var' / 'tracker.sqlite3'}"


def _with_folder(url: str) -> str:
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    return url


def store_url(url: str | None = None) -> str:
    """The URL given, else ``$STORE_URL``, else ``var/conversations.sqlite3``; the folder of a
    SQLite file is created."""
    return _with_folder(url or read_secret(STORE_URL_ENV) or DEFAULT_URL)


def tracker_store_url(url: str | None = None) -> str:
    """The URL given, else ``$TRACKER_STORE_URL``, else ``var/tracker.sqlite3`` (folder made)."""
    return _with_folder(url or read_secret(TRACKER_STORE_URL_ENV) or DEFAULT_TRACKER_URL)
