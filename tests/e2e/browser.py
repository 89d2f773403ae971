"""Headless Chromium settings shared by the browser tests (Debian's chromium, never a download)."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.servers import REPO

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO / "tests" / "artifacts"
# Without the background-networking flags Chromium keeps trying to reach Google's hosts, which
# this machine's closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
TIMEOUT_MS = 60_000
