"""Normalise what users type before classification, without changing what they see.

Traditional → simplified (OpenCC t2s), full-width → half-width (Unicode NFKC), whitespace
removed between Chinese words (「100 人」 is 「100人」), Cantonese function words read as
Mandarin (唔係 → 不是), whole words typed in pinyin (bot/language/pinyin_input.py: zhuce → 注册),
a short table of common typos (bot/language/typos.yml), and homophone typos of the service's
own words (bot/language/homophones.py: 劳动仲才 → 劳动仲裁). Chinese numerals are *not* rewritten in the text (that
would turn 统一 into 统1); numbers are converted where a fact is extracted (bot/language/numbers).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.language.homophones import correct_homophones
from bot.language.pinyin_input import pinyin_to_chinese
from bot.language.reactions import without_emoji
from bot.language.tokens import remove_spaces

TYPOS_FILE = Path(__file__).with_name("typos.yml")


@lru_cache(maxsize=1)
def _t2s() -> Any:
    import opencc  # imported lazily: the converter loads its dictionaries when built

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _tables() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(TYPOS_FILE.read_text(encoding="utf-8")) or {}
    return data


def typo_table() -> dict[str, str]:
    return {str(k): str(v) for k, v in (_tables().get("typos") or {}).items()}


@lru_cache(maxsize=1)
def _cantonese() -> tuple[tuple[str, str], ...]:
    """Cantonese → Mandarin, longest first (唔系 before 唔)."""
    table = {str(k): str(v) for k, v in (_tables().get("cantonese") or {}).items()}
    return tuple(sorted(table.items(), key=lambda kv: len(kv[0]), reverse=True))


def cantonese_words(text: str) -> str:
    """「我哋公司喺坪山，唔系派遣」 → 「我们公司在坪山，不是派遣」 (after t2s: 係 is 系 there)."""
    for cantonese, mandarin in _cantonese():
        if cantonese in text:
            text = text.replace(cantonese, mandarin)
    return text


@lru_cache(maxsize=1)
def _english() -> tuple[re.Pattern[str], dict[str, str]] | None:
    table = {str(k).lower(): str(v) for k, v in (_tables().get("english") or {}).items()}
    if not table:
        return None
    words = "|".join(sorted(map(re.escape, table), key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z])({words})(?![A-Za-z])", re.IGNORECASE), table


def english_words(text: str) -> str:
    """「HR service 能帮我们做吗」 → 「人力资源服务能帮我们做吗」: English words among the Chinese."""
    found = _english()
    if found is None:
        return text
    pattern, table = found
    replaced = pattern.sub(lambda m: table[m.group(1).lower()], text)
    return re.sub(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])", "", replaced)


# 「1. 注册地：坪山 2. 纳税地：坪山」: the number of an item in a list separates clauses (a
# number followed by 、 or . and a space or a letter, at the start or after whitespace)
_LIST_MARKER = re.compile(
    r"(?:^|(?<=[\s:：]))\d{1,2}\s*[.、．)）]\s*(?=[^\d\s])"
    # (a figure ending its line is a value, 「员工人数：77」, not the number of the next item)
    r"|(?:^|(?<=\s))\d{1,2}[^\S\n]+(?=[\u4e00-\u9fff]{1,6}[:：])"
)


# 「1.都在坪山 2.28人 3.经营正常 4.2022年已入库」: items numbered 1, 2, 3… in a row are a list
# even where an item starts with a figure (2.28人 is item 2, 28人; 4.2022年 is item 4)
# (not 「员 工 1 2 0 人」: a digit followed by a digit is a figure typed digit by digit)
_NUMBERED_ITEM = re.compile(
    r"(?:^|(?<=[\s:：,，;；。]))([1-9])(?:\s*[.、．)）]\s*(?=\S)|\s+(?=[^\s\d]))"
)
_CIRCLED = re.compile(r"[\u2460-\u2473\u2776-\u277f]")  # ①…⑳ ❶…❿
# 「A 备案期限 B 补贴申请材料 C …」: items lettered A, B, C… in a row (not 「A企业」, a name)
_LETTERED_ITEM = re.compile(
    r"(?:^|(?<=[\s:：,，;；。]))([A-F])(?:\s*[.、．)）:：]\s*|\s+)(?=[^\sA-Za-z])"
)


def without_list_numbers(text: str) -> str:
    """The text with its list numbering turned into clause breaks."""
    text = _CIRCLED.sub("，", text)
    items = list(_NUMBERED_ITEM.finditer(text))
    numbers = [int(m.group(1)) for m in items]
    if len(numbers) >= 2 and numbers == list(range(numbers[0], numbers[0] + len(numbers))):
        for m in reversed(items):
            text = text[: m.start()] + "，" + text[m.end() :]
    letters = list(_LETTERED_ITEM.finditer(text))
    if len(letters) >= 2 and "".join(m.group(1) for m in letters) == "ABCDEF"[: len(letters)]:
        for m in reversed(letters):
            text = text[: m.start()] + "，" + text[m.end() :]
    return _LIST_MARKER.sub("，", text)


_COMMAS = re.compile(r",{2,}")
# 「注册, 纳税, 经营都在坪山」 (often typed in pinyin with commas): a list of the three place
# roles of 第九条, not three clauses
_COMMA_IN_ROLES = re.compile(
    r"(?<=注册|纳税|交税|经营|办公|生产|册地|税地|营地|公地|产地)[,，](?=注册|纳税|交税|经营|办公|生产)"
)
# 「一百二时人」「三时多家」: 十 typed as a homophone between numerals and a unit (pinyin input
# offers 时/石/实 for shi); only there, where no other reading makes sense
# Cantonese counts firms with 间 (「四十间企业」「八间出过仲裁」): 家 in Mandarin; not rooms
# (「三间办公室」)
_CANTONESE_JIAN = re.compile(
    r"(?<=[0-9零一二两三四五六七八九十百几])间(?=企业|公司|厂|工厂|客户|服务对象|(?:去年|今年|前年)?(?:出过|出了|有|发生)|要求|[,，。;；]|$)"
)
# 「12单劳动仲裁」: Cantonese counts cases with 单
_CANTONESE_DAN = re.compile(
    r"(?<=[0-9零一二两三四五六七八九十百几])单(?=劳动|仲裁|监察|信访|投诉|案)"
)
# 「20加企业」「有3加」: 加 typed for its near-homophone 家 after a number (jia)
_JIA_AFTER_NUMBER = re.compile(
    r"(?<=[0-9零一二两三四五六七八九十百几])加(?=企业|公司|客户|服务对象|[,，。;；]|$)"
)
# 「现在120ren」: 人 typed in pinyin right after a figure
_REN_AFTER_NUMBER = re.compile(r"(?<=[0-9])\s*ren(?![a-z])", re.IGNORECASE)
_SHI_IN_NUMBER = re.compile(
    r"(?<=[一二三四五六七八九两百])[时石实](?=[一二三四五六七八九]?多?(?:人|个|名|家|件|位))"
)
# 「一白二十个人」: 百 typed as its homophone 白 (bai) between numerals; 明白 has none before it
_BAI_IN_NUMBER = re.compile(r"(?<=[一二三四五六七八九两])[白摆拜](?=[零一二三四五六七八九十])")


# 「注册在坪 税也在坪山交」「去年有仲，今年没有」: a word cut short at the end of its clause (the
# last character not typed); read before the spaces go, which mark where the clause ended
_CLIPPED = {"坪": "坪山", "仲": "仲裁", "纳": "纳税", "正": "正常"}
_CLIPPED_WORD = re.compile(
    r"(?<=[在有])([坪仲])(?=[\s,，。;；!！?？]|$)"
    # 「坪山注册 坪山纳 坪山经营」: 纳 for 纳税 between the other two places
    r"|(?<=坪山)(纳)(?=[\s,，。;；!！?？]|$)"
    # 「生产正 能托吗」: 正 for 正常 after 生产/经营
    r"|(?<=生产|经营)(正)(?=[\s,，。;；!！?？]|$)"
)


# 「第十九调」: 调 typed for 条 (tiao) after an article's number
_ARTICLE_TYPO = re.compile(r"(第[一二三四五六七八九十\d]{1,3})调")


# 「一共十二建」: 建 typed for 件 (jian) right after a count, at the end of its clause
_COUNT_TYPO = re.compile(r"(?<=[0-9一二三四五六七八九十两几])建(?=[\s,，。;；!！?？]|$)")


def _unclipped(text: str) -> str:
    text = _COUNT_TYPO.sub("件", text)
    return _ARTICLE_TYPO.sub(
        r"\1条", _CLIPPED_WORD.sub(lambda m: _CLIPPED[next(g for g in m.groups() if g)], text)
    )


def normalize_text(text: str) -> str:
    """我們公司註冊在坪山區，１２０人 → 我们公司注册在坪山区,120人 (typos fixed too); 「坪山 的 公司
    100 人」 → 坪山的公司100人 (bot/language/tokens.py: spaces only stay between Latin words)."""
    text = _unclipped(without_list_numbers(without_emoji(text)))
    simplified = str(_t2s().convert(unicodedata.normalize("NFKC", remove_spaces(text))))
    typed_in_pinyin = pinyin_to_chinese(simplified)  # 「women gongsi zai pingshan zhuce」
    if typed_in_pinyin != simplified:
        simplified = remove_spaces(typed_in_pinyin)
    simplified = cantonese_words(simplified)
    for wrong, right in typo_table().items():
        simplified = simplified.replace(wrong, right)
    simplified = _SHI_IN_NUMBER.sub("十", simplified)
    simplified = _BAI_IN_NUMBER.sub("百", simplified)
    simplified = _REN_AFTER_NUMBER.sub("人", simplified)
    simplified = _CANTONESE_JIAN.sub("家", simplified)
    simplified = _JIA_AFTER_NUMBER.sub("家", simplified)
    simplified = _CANTONESE_DAN.sub("件", simplified)
    simplified = _COMMA_IN_ROLES.sub("、", simplified)
    text = correct_homophones(english_words(simplified))
    return _COMMAS.sub(",", text).lstrip(",") if "," in text else text


_CLAUSE = re.compile(r"[^,，。;；!！?？\s]+[,，。;；!！?？]*")
_QUESTION = re.compile(
    r"[?？]$|吗|呢|么|啥|咋|怎么|怎样|多少|几|哪|是否|能否|可否|行不行|能不能|可不可以|有没有|还.{0,4}不$"
)


def question_clause(text: str) -> str | None:
    """The closing question of a message with several clauses, if it ends with one.

    「…现在45名员工，正常经营，…，能托管吗？」 → 「能托管吗？」; failing that the last clause with a
    question mark (「…注销了，补贴咋算？2022年3月1号首签的」 → 「补贴咋算？」); a one-clause message
    → None.
    """
    clauses = [c for c in _CLAUSE.findall(text) if c.strip(",，。;；!！?？ ")]
    if len(clauses) < 2:
        return None
    last = clauses[-1].strip()
    if _QUESTION.search(last):
        return last
    # 「客户公司注销了，补贴咋算？2022年3月1号首签的，…」: the question asked before the facts
    asked = [c.strip() for c in clauses[:-1] if c.rstrip().endswith(("?", "？"))]
    return asked[-1] if asked else None


# 「嗯 那补贴呢」「好的，那第三年呢」: an acknowledgement, then the question
_ACKNOWLEDGED = re.compile(
    r"^(?:嗯+|哦+|噢+|喔|好的|好吧|好|行|ok|okay|明白了?|了解了?|知道了|收到)"
    r"(?:[,，。.!！~\s]+|(?=那|请问|我想问|还有|另外|可是|但是|不过))",
    re.IGNORECASE,
)


def classification_text(normalized: str) -> str:
    """What the intent classifier reads: the closing question first, then the whole message.

    People describe their situation and ask at the end; with bag-of-features classification a
    long list of facts would otherwise outweigh the few words of the actual question. A question
    after an acknowledgement (「嗯 那补贴呢」) is read without it: it is no yes.
    """
    acknowledged = _ACKNOWLEDGED.match(normalized)
    rest = normalized[acknowledged.end() :] if acknowledged else ""
    if len(rest) >= 2 and _QUESTION.search(rest):
        return classification_text(rest)
    question = question_clause(normalized)
    return f"{question} {normalized}" if question else normalized
