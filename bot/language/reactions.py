"""Messages that react to an answer rather than ask: emoji alone, and doubts about a verdict.

- :func:`emoji_reaction`: a message of emoji only (「👍」「🙏🙏🙏」) is thanks, or 「👎」 an
  unhelpful answer; it is never "not understood" (which would count towards a handoff).
- :func:`is_doubt`: 「你确定吗？」「没算错吧」 doubts the last verdict: the answer is repeated with
  its reasons, or re-checked when the message brings a fact (「刚才那个是30人哦，你确定吗？」).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from bot.language.numbers import NUMBER, to_decimal

POSITIVE, NEGATIVE = "positive", "negative"
_NEGATIVE = set("👎😞😡😠😢😭🙁☹😤😒💢")
# joiners, variation selectors and skin tones that hold emoji sequences together
# joiners, variation selectors, skin tones and the keycap mark: 「2️⃣」 is the digit 2 with
# U+FE0F and U+20E3 (COMBINING ENCLOSING KEYCAP) after it, which go and leave the digit
_GLUE = {"\u200d", "\ufe0f", "\ufe0e", "\u20e3", *(chr(c) for c in range(0x1F3FB, 0x1F400))}
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


def _is_emoji(c: str) -> bool:
    return c in _GLUE or unicodedata.category(c) in ("So", "Sk")


def _is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def without_emoji(text: str) -> str:
    """「👌正常」 → 「正常」: emoji beside words go (they carry no fact and hide short replies);
    emoji between two words end a clause (「3家店都在坪山😊注册纳税也在坪山」 → 「…坪山，注册…」);
    a message of emoji only is kept whole for :func:`emoji_reaction`."""
    kept: list[str] = []
    k = 0
    while k < len(text):
        if not _is_emoji(text[k]):
            kept.append(text[k])
            k += 1
            continue
        end = k
        while end < len(text) and _is_emoji(text[end]):
            end += 1
        if kept and _is_han(kept[-1]) and end < len(text) and _is_han(text[end]):
            kept.append("，")  # the emoji stood where the clause ended
        k = end
    out = "".join(kept)
    return out if out.strip(" ".join(_PUNCTUATION)) else text


_CORRECTION = re.compile(
    r"^(?:[哦噢啊呃嗯哎唉诶欸呀]|哎呀|不好意思|抱歉|sorry|等一下|等等|刚才|之前|前面|[,，])*"
    r"(?:我)?(?:刚才|之前|前面)?(?:说错了?|看错了?|搞错了?|弄错了?|写错了?|打错了?|说反了?|搞反了?|弄反了?|"
    r"说混了?|搞混了?|弄混了?|表达错了?|说得不对|"
    r"记错了?|算错了?|不对|更正一下|更正|纠正一下|纠正|改一下|修改一下)"
)
# Anywhere in the message, in a clause that does not ask (「我们说错了吗」 asks):
# 「人事刚核对了花名册，是100人整，刚才多算了」「刚问了财务，之前说的不对」, and what it really
# is after what was said (「我刚看了营业执照，注册地址其实是龙岗」)
_CORRECTION_INSIDE = re.compile(
    r"(?:说|看|搞|弄|写|打|记|算|填|报)错了|(?:说|搞|弄|写)(?:反|混)了|(?:多|少|漏)算了|(?:刚才|之前|前面)(?:说|讲|报)的不对"
    # 「再核对了一下，…实际只有5家」「等一下，我核对了一下，是服务了整整8个月」
    r"|(?:再|又|重新)核对了?一下|核对了一下[,，]\s*(?:是|有|只有|应该是)"
    r"|我(?:要|想)?更正|需要更正|更正一下|纠正一下|其实(?:现在|目前)?(?:是|在|有)|实际上?(?:是|在)"
    # 「我刚打电话核实了，他们只是…」
    r"|核实(?:了|过)"
    # 「抱歉，我看的是隔壁公司的执照」: what was said was someone else's
    r"|(?:看|说|拿|填|查|念)的是(?:隔壁|别人|别的|另一家?|其他|旁边)"
    # 「派遣公司是我朋友的，我自己的是食品加工厂」
    r"|是(?:我)?(?:朋友|亲戚|老乡|同学|别人|隔壁)(?:的|开的|家的)[,，。]\s*(?:我|我们)(?:自己)?的?(?:是|做|开)"
    # 「刚刚让人事重新数了，现在在职的是98个人」
    r"|重新(?:数|算|核对|统计|确认|核实)(?:了|过)"
)
_ASKING_REST_OF_CLAUSE = re.compile(
    r"[^,，。;；!！]*?(?:吗|呢|么|[?？])"
)  # used with match(text, pos)


def is_correction(text: str) -> bool:
    """Whether the message corrects what was said: it opens as a correction (「不好意思我看错了，…」
    「更正一下，…」) or says so in a clause that does not ask (「…，刚才多算了」)."""
    text = text.strip()
    if _CORRECTION.search(text):
        return True
    return any(
        not _ASKING_REST_OF_CLAUSE.match(text, m.start()) for m in _CORRECTION_INSIDE.finditer(text)
    )


def is_doubt(text: str) -> bool:
    """Whether the message doubts an answer (「你确定吗？」「没算错吧」)."""
    return bool(_DOUBT.search(text))


# 「是6家不是8家」「不是8家，是6家」「8家改成6家」: a figure replaced by another, which says
# which fact is corrected whatever words the figure comes with
_UNIT = r"\s*(?:家|件|起|人|名|个月|个|位|%|分|月|年)?"
_REPLACED = (
    # 「是6家不是8家」「是服务了4个月，不是5个月」
    re.compile(
        rf"是[^0-9,，。;；]{{0,4}}?(?P<new>{NUMBER}){_UNIT}\s*[,，]?\s*(?:而)?不是\s*(?P<old>{NUMBER})"
    ),
    re.compile(rf"不是\s*(?P<old>{NUMBER}){_UNIT}\s*[,，]?\s*(?:而|应该)?是\s*(?P<new>{NUMBER})"),
    re.compile(rf"(?P<old>{NUMBER}){_UNIT}\s*(?:改成|改为|应为|应该是)\s*(?P<new>{NUMBER})"),
    # 「76分那个复核以后改成了80分」: the figure pointed at, then what it became
    re.compile(
        rf"(?P<old>{NUMBER}){_UNIT}\s*(?:的)?那(?:个|一个|位|家|件)[^。;；!！?？,，]{{0,12}}?"
        rf"(?:改成|改为|变成|调成|调整为|更正为)(?:了)?\s*(?P<new>{NUMBER})"
    ),
    # 「76是看错了，复核以后是78分」「6家是记错了，应该是5家」: the figure named as the mistake,
    # then what it is
    re.compile(
        rf"(?<![0-9.])(?P<old>{NUMBER}){_UNIT}\s*(?:是|那个是|这个)?(?:我)?(?:看|记|写|算|打|说|填)错(?:了)?"
        rf"[^。;；!！?？]{{0,12}}?(?:是|为|应该是|改成|改为)\s*(?P<new>{NUMBER})"
    ),
    # 「那6家里有1家的仲裁是2021年的，2022年实际只有5家」: the figure said before, pointed at
    # (那/这), then what it really is
    re.compile(
        rf"(?:那|这)(?P<old>{NUMBER})\s*(?:家|件|起|人|名|个)[^。;；!！?？]{{0,30}}?"
        rf"(?:实际上?|其实|真正)(?:上)?(?:只有|只是|就|才)?(?:是)?\s*(?P<new>{NUMBER})"
    ),
)


def replaced_figure(text: str) -> tuple[Decimal, Decimal] | None:
    """``(old, new)`` when the message replaces one figure by another (「是6家不是8家」)."""
    for pattern in _REPLACED:
        m = pattern.search(text)
        if m:
            old, new = to_decimal(m.group("old")), to_decimal(m.group("new"))
            if old is not None and new is not None and old != new:
                return old, new
    return None
