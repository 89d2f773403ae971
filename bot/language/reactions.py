"""Messages that react to an answer rather than ask: emoji alone, and doubts about a verdict.

- :func:`emoji_reaction`: a message of emoji only (「👍」「🙏🙏🙏」) is thanks, or 「👎」 an
  unhelpful answer; it is never "not understood" (which would count towards a handoff).
- :func:`is_doubt`: 「你确定吗？」「没算错吧」 doubts the last verdict: the answer is repeated with
  its reasons, or re-checked when the message brings a fact (「刚才那个是30人哦，你确定吗？」).
"""

from __future__ import annotations

import re
import unicodedata

POSITIVE, NEGATIVE = "positive", "negative"
_NEGATIVE = set("👎😞😡😠😢😭🙁☹😤😒💢")
# joiners, variation selectors and skin tones that hold emoji sequences together
_GLUE = {"\u200d", "\ufe0f", "\ufe0e", *(chr(c) for c in range(0x1F3FB, 0x1F400))}
_PUNCTUATION = set("!！。.~，,、 ")
_DOUBT = re.compile(
    r"(?:你|您)?(?:确定|肯定)(?:吗|么|嘛|不)|真的(?:吗|么|假的)|(?:没|不会)(?:搞|算|弄)错吧|"
    r"是不是(?:搞|算|弄)错|(?:搞|算|弄)错了吧|不对吧|有没有(?:搞|算)错|再(?:看|算|核对|确认)一下"
    # a figure on the line doubted: 「1%也算？」「不是超过1%才算吗」「正好80分也行吗」
    r"|也算(?:吗|么|嘛|[?？]|$)|也行(?:吗|么|嘛|[?？])|不是(?:超过|高于|大于|多于|低于|少于).{0,8}才"
)


def emoji_reaction(text: str) -> str | None:
    """:data:`POSITIVE` or :data:`NEGATIVE` for a message of emoji only, else ``None``."""
    symbols = [c for c in text if c not in _GLUE and c not in _PUNCTUATION]
    if not symbols or not all(unicodedata.category(c) in ("So", "Sk") for c in symbols):
        return None
    return NEGATIVE if any(c in _NEGATIVE for c in symbols) else POSITIVE


def without_emoji(text: str) -> str:
    """「👌正常」 → 「正常」: emoji beside words go (they carry no fact and hide short replies);
    a message of emoji only is kept whole for :func:`emoji_reaction`."""
    kept = "".join(
        c for c in text if c not in _GLUE and unicodedata.category(c) not in ("So", "Sk")
    )
    return kept if kept.strip(" ".join(_PUNCTUATION)) else text


_CORRECTION = re.compile(
    r"^(?:[哦噢啊呃嗯]|不好意思|抱歉|sorry)?[,，]?(?:我)?(?:说错了?|看错了?|搞错了?|弄错了?|写错了?|打错了?|"
    r"记错了?|算错了?|不对|更正一下|更正|纠正一下|纠正|改一下|修改一下)"
)


def is_correction(text: str) -> bool:
    """Whether the message opens as a correction (「不好意思我看错了，…」「更正一下，…」)."""
    return bool(_CORRECTION.search(text.strip()))


def is_doubt(text: str) -> bool:
    """Whether the message doubts an answer (「你确定吗？」「没算错吧」)."""
    return bool(_DOUBT.search(text))
