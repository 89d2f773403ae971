"""Numbers as people type them: 45, 八十, 一百二十, 十二万, 零点九九, 两, 79.5."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

# One number: Arabic digits (after NFKC) or a run of Chinese numeral characters.
NUMBER = r"(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万点]+)"
_CN_DIGIT = {
    "零": "0",
    "〇": "0",
    "一": "1",
    "二": "2",
    "三": "3",
    "四": "4",
    "五": "5",
    "六": "6",
    "七": "7",
    "八": "8",
    "九": "9",
    "两": "2",
}
_ONLY_DIGIT_CHARS = re.compile(r"^[零〇一二三四五六七八九]+$")


def to_decimal(token: str) -> Decimal | None:
    """Convert one number token; ``None`` when it is not a number (e.g. a stray 点)."""
    token = token.strip()
    if not token:
        return None
    try:
        return Decimal(token)
    except InvalidOperation:
        pass
    if _ONLY_DIGIT_CHARS.match(token) and len(token) > 1:
        # 二零二一 is read digit by digit (years), not as a quantity
        return Decimal("".join(_CN_DIGIT[c] for c in token))
    import cn2an  # lazily: importing it is slow and prints warnings

    try:
        value = cn2an.cn2an(token.replace("两", "二") if token != "两" else "二", "smart")
    except (ValueError, KeyError, TypeError):
        return None
    return Decimal(str(value))


def to_int(token: str) -> int | None:
    value = to_decimal(token)
    if value is None or value != value.to_integral_value():
        return None
    return int(value)
