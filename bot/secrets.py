"""Secrets from the environment or from files only the service user can read.

Every token, key and password (``ASSIST_TOKEN``, ``REPORT_TOKEN``, ``WECHAT_TOKEN``,
``WECHAT_ENCODING_AES_KEY``, ``WECHAT_APP_SECRET``, ``RASA_API_TOKEN`` and the URLs with
passwords ``TRACKER_STORE_URL``, ``STORE_URL``, ``REDIS_URL``) is read by :func:`read_secret`:
``NAME`` itself, or ``NAME_FILE`` naming a file (a container or systemd secret) that must not be
readable by group or others. :func:`check_for_public_interface` (``python -m bot.secrets
--interface 0.0.0.0``, run by scripts/run.sh) refuses to start a server that listens beyond
loopback while any of them is missing and its development default would be used.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
from collections.abc import Mapping
from pathlib import Path

# The secrets a server listening beyond loopback must have: without them a development default
# (or an open API) would be used.
REQUIRED_OFF_LOOPBACK = ("ASSIST_TOKEN", "REPORT_TOKEN", "WECHAT_TOKEN", "RASA_API_TOKEN")
LOOPBACK = ("127.0.0.1", "localhost", "::1")


class SecretError(ValueError):
    """A secret file that cannot be used: missing, or readable by others."""


def read_secret(name: str, environ: Mapping[str, str] | None = None) -> str | None:
    """``$NAME``, else the contents of the file ``$NAME_FILE`` (stripped), else ``None``.

    Raises :class:`SecretError` when ``NAME_FILE`` names a file that is missing or that group
    or others may read (``chmod 600`` it).
    """
    env = os.environ if environ is None else environ
    value = env.get(name, "").strip()
    if value:
        return value
    path_text = env.get(f"{name}_FILE", "").strip()
    if not path_text:
        return None
    path = Path(path_text)
    try:
        mode = path.stat().st_mode
    except OSError as error:
        raise SecretError(f"{name}_FILE={path}: {error.strerror}") from error
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise SecretError(f"{name}_FILE={path} may be read by others: chmod 600 it")
    return path.read_text(encoding="utf-8").strip() or None


def missing_off_loopback(environ: Mapping[str, str] | None = None) -> list[str]:
    """The secrets of :data:`REQUIRED_OFF_LOOPBACK` that are not set."""
    return [name for name in REQUIRED_OFF_LOOPBACK if not read_secret(name, environ)]


def check_for_public_interface(interface: str, environ: Mapping[str, str] | None = None) -> str:
    """``""`` when a server may listen on ``interface``, else why not (one line)."""
    if interface in LOOPBACK:
        return ""
    try:
        missing = missing_off_loopback(environ)
    except SecretError as error:
        return f"refusing to start: {error}"
    if not missing:
        return ""
    return (
        f"refusing to listen on {interface} with development defaults: set "
        + ", ".join(missing)
        + " (or NAME_FILE pointing at a file only the service user can read)"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="check the secrets before a server starts")
    parser.add_argument("--interface", required=True)
    reason = check_for_public_interface(parser.parse_args(argv[1:]).interface)
    if reason:
        print(reason, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
