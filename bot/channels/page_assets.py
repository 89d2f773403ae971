"""What the web chat page and the staff console share: security headers and static assets."""

from __future__ import annotations

import re
from pathlib import Path

# A page loads only its own files and talks only to its own server.
PAGE_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}
MIME_TYPES = {
    "css": "text/css; charset=utf-8",
    "js": "text/javascript; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "svg": "image/svg+xml",
}
_ASSET_NAME = re.compile(r"[A-Za-z0-9_-]+\.(css|js|html|svg)")


def static_asset(directory: Path, filename: str) -> tuple[Path, str] | None:
    """The file and its MIME type when ``filename`` is a plain asset name present in ``directory``.

    Only bare names with a known extension are served, so no path can leave the folder.
    """
    match = _ASSET_NAME.fullmatch(filename)
    path = directory / filename
    if match is None or not path.is_file():
        return None
    return path, MIME_TYPES[match.group(1)]
