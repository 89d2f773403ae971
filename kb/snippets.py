"""Cut a short snippet of a passage around the query's most telling match."""

from __future__ import annotations

from collections.abc import Sequence

SNIPPET_CHARS = 80


def snippet(text: str, terms: Sequence[str], width: int = SNIPPET_CHARS) -> str:
    """About ``width`` characters of ``text`` around the longest query term found in it.

    Longer terms are rarer and say more (托管服务对象 rather than 企业); with no term found the
    snippet is the passage's beginning. ``…`` marks where the text was cut.
    """
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    found = [(len(t), flat.find(t)) for t in terms if t and flat.find(t) >= 0]
    anchor = max(found)[1] if found else 0
    start = max(0, min(anchor - width // 3, len(flat) - width))
    end = start + width
    return ("…" if start > 0 else "") + flat[start:end] + ("…" if end < len(flat) else "")
