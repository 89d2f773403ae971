"""「第十五条原文」「第八条和第十一条的全文」「把第九条发给我」: a request for articles' own text.

:func:`requested_articles` gives the article numbers (1–27) such a message names, in the order
named, or ``[]`` when the message does not ask for their text.
"""

from __future__ import annotations

import re

from rules_core.citations import ARTICLE_COUNT, article_number_from_label

_LABEL = re.compile(r"第\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*条")
# what turns a mention of an article into a request for its words
_WANTS_TEXT = re.compile(
    r"原文|全文|条文|原话|原句|内容是什么|写的(?:是)?什么|怎么写|具体怎么规定|讲的(?:是)?什么|"
    r"发(?:给)?我|发一下|发来|给我看|看看|念一下|复制"
    # 「第十三条第（二）项是什么意思」: what an article says, read from its text
    r"|什么意思|啥意思|怎么理解|说的(?:是)?(?:什么|啥)|讲的(?:是)?啥|规定了(?:什么|啥)"
)


def requested_articles(text: str) -> list[int]:
    """The articles whose text the message asks for (「第八条和第十一条的全文」 → [8, 11])."""
    if not _WANTS_TEXT.search(text):
        return []
    numbers: list[int] = []
    for m in _LABEL.finditer(text):
        try:
            number = article_number_from_label(f"第{m.group(1)}条")
        except ValueError:
            continue
        if 1 <= number <= ARTICLE_COUNT and number not in numbers:
            numbers.append(number)
    return numbers
