"""What the web pages (chat, staff console, operators' report) share: security headers,
static assets, the page and asset routes, and their JSON API replies."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

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
# an API reply is never cached and never sniffed into another type
API_HEADERS = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}
ERROR_NO_FILE = "没有这个文件。"
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


def api_json(body: Any, status: int = 200) -> HTTPResponse:
    """A JSON API reply (Chinese kept as written) with :data:`API_HEADERS`."""
    return response.json(body, status=status, ensure_ascii=False, headers=API_HEADERS)


def api_error(status: int, message: str) -> HTTPResponse:
    """``{"error": message}`` with ``status``."""
    return api_json({"error": message}, status)


def add_page_routes(blueprint: Blueprint, directory: Path, page_uri: str, static_uri: str) -> None:
    """GET ``page_uri`` → ``directory/index.html``; GET ``static_uri/<filename>`` → a plain
    asset of ``directory`` (404 otherwise); both with :data:`PAGE_HEADERS`."""

    @blueprint.route(page_uri, methods=["GET"], strict_slashes=False)
    async def page(request: Request) -> HTTPResponse:
        html = (directory / "index.html").read_text(encoding="utf-8")
        return response.html(html, headers=PAGE_HEADERS)

    @blueprint.route(f"{static_uri}/<filename>", methods=["GET"])
    async def static(request: Request, filename: str) -> HTTPResponse:
        asset = static_asset(directory, filename)
        if asset is None:
            return api_error(404, ERROR_NO_FILE)
        path, mime_type = asset
        return response.text(
            path.read_text(encoding="utf-8"), content_type=mime_type, headers=PAGE_HEADERS
        )
