"""What every channel does to a user's message before the assistant sees it.

- :func:`clean_text`: characters no text may hold go (lone surrogates, which would crash any
  encoder; the control characters XML forbids, which WeChat passes through), the rest stays.
- :func:`mask_personal_data`: mobile and landline numbers and 身份证号 are masked before the
  message enters the assistant, so they are never stored in a tracker, a handoff, a feedback
  row or a log. The assistant needs none of them to answer a policy question.
- :data:`MAX_MESSAGE_CHARS`: the longest message any channel accepts. A policy question with its
  facts fits in a few hundred characters; a 50,000-character message took 8 s of the one event
  loop that every conversation shares.
"""

from __future__ import annotations

import re

MAX_MESSAGE_CHARS = 1000
TOO_LONG_TEXT = f"消息过长，请控制在 {MAX_MESSAGE_CHARS} 字以内，把问题写得简短一些再发一次。"

# XML 1.0 allows tab, line feed and carriage return among the C0 controls; nothing else below
# U+0020, and neither U+FFFE / U+FFFF. Surrogates (U+D800–U+DFFF) are not characters at all.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")

# A mobile number (11 digits from 1[3-9]), a landline (0 + area code + 7–8 digits) and a
# 身份证号 (17 digits + digit or X), not inside a longer run of digits.
_ID_CARD = re.compile(r"(?<!\d)(\d{6})\d{8}(\d{3}[\dXx])(?![\dXx])")
_MOBILE = re.compile(r"(?<!\d)(?:\+?86[- ]?)?(1[3-9]\d)[- ]?\d{4}[- ]?(\d{4})(?!\d)")
_LANDLINE = re.compile(r"(?<!\d)(0\d{2,3})[- ]?\d{3,4}[- ]?(\d{4})(?!\d)")


def clean_text(text: str) -> str:
    """``text`` without lone surrogates and the control characters XML forbids."""
    return _NOT_TEXT.sub("", text)


def mask_personal_data(text: str) -> str:
    """「13812345678」 → 「138****5678」, a 身份证号 keeps its first six and last four characters."""
    text = _ID_CARD.sub(lambda m: m.group(1) + "*" * 8 + m.group(2), text)
    text = _MOBILE.sub(lambda m: f"{m.group(1)}****{m.group(2)}", text)
    return _LANDLINE.sub(lambda m: f"{m.group(1)}-****{m.group(2)}", text)


def prepare(text: str) -> str:
    """What the assistant receives of a message: cleaned, masked, stripped."""
    return mask_personal_data(clean_text(text)).strip()
