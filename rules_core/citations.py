"""How citations are written in answers: 《管理办法》第十九条, several joined by 、.

The answer contract (DESIGN.md) asks for ``依据：《管理办法》第九条`` with Chinese numerals and
several articles as ``第十一条、第二十三条``; the interpretation is cited as 《政策解读》.
"""

from __future__ import annotations

from collections.abc import Iterable

REGULATION_SHORT_NAME = "《管理办法》"
REGULATION_FULL_NAME = "《深圳市坪山区小微企业劳动关系事务托管服务管理办法》"
REGULATION_DOC_NUMBER = "深坪府办规〔2021〕1号"
INTERPRETATION_NAME = "《政策解读》"
# The report that mentions the 托管 pilot and the planned information platform (kb/sources/reports.txt).
PLAN_REPORT_NAME = "《关于深圳市坪山区2019年国民经济和社会发展计划执行情况与2020年计划草案的报告》"
ARTICLE_COUNT = 27

_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """Write 1..99 in Chinese numerals the way article numbers are written (十九, 二十七)."""
    if not 1 <= n <= 99:
        raise ValueError(f"article numbers run from 1 to 99, got {n}")
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    prefix = "" if tens == 1 else _DIGITS[tens]
    return prefix + "十" + (_DIGITS[ones] if ones else "")


def article_label(n: int) -> str:
    """第N条 in Chinese numerals: 19 → 第十九条."""
    if not 1 <= n <= ARTICLE_COUNT:
        raise ValueError(f"《管理办法》 has articles 1..{ARTICLE_COUNT}, got {n}")
    return f"第{chinese_number(n)}条"


def article_number_from_label(label: str) -> int:
    """Inverse of :func:`article_label`: 第十九条 → 19 (also accepts 第19条)."""
    core = label.removeprefix("第").removesuffix("条")
    if core.isdigit():
        return int(core)
    for n in range(1, ARTICLE_COUNT + 1):
        if chinese_number(n) == core:
            return n
    raise ValueError(f"not an article label: {label!r}")


def basis_line(
    articles: Iterable[int], interpretation: bool = False, others: Iterable[str] = ()
) -> str:
    """The closing 依据 line: ``依据：《管理办法》第十一条、第二十三条``.

    Articles are de-duplicated and sorted; ``interpretation=True`` appends 《政策解读》;
    ``others`` are further documents by name (e.g. :data:`PLAN_REPORT_NAME`).
    """
    numbers = sorted(set(articles))
    parts: list[str] = []
    if numbers:
        parts.append(REGULATION_SHORT_NAME + "、".join(article_label(n) for n in numbers))
    if interpretation:
        parts.append(INTERPRETATION_NAME)
    parts.extend(others)
    if not parts:
        raise ValueError("an answer must cite at least one article or the interpretation")
    return "依据：" + "；".join(parts)


def citation_ids(
    articles: Iterable[int], interpretation: bool = False, others: Iterable[str] = ()
) -> list[str]:
    """Machine-readable citations for the custom payload: ``["第九条", "政策解读"]``."""
    ids = [article_label(n) for n in sorted(set(articles))]
    if interpretation:
        ids.append("政策解读")
    ids.extend(name.strip("《》") for name in others)
    return ids
