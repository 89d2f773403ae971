"""The token layer under the fact extractor: whitespace-free text and jieba word boundaries.

- :func:`remove_spaces`: whitespace inside a clause goes (any kind: ASCII, no-break U+00A0,
  full-width U+3000, tabs, zero-width), so 「坪山 的 公司 100 人」 reads as 「坪山的公司100人」 and
  「100\u00a0人」 as 「100人」; a line break or a space between clauses becomes 「，」; 「HR service」
  keeps its space. Called by the normaliser, so the classifier and the extractor see the same text.
- :func:`token_boundaries`: where jieba (with the domain dictionary kb/jieba_dict) puts word
  boundaries, so that a name is found only where it stands as a word (光明正大 is no 光明区).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

# Whitespace as Unicode counts it, plus the zero-width characters people paste by accident.
_SPACE = r"[\s\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+"
_SPACES = re.compile(_SPACE)
_LINE_BREAK = re.compile(r"[\r\n\u2028\u2029]")
# full-width too: spaces go before the text is made half-width (「从业人员　１０５　人」)
_LATIN = re.compile(r"[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]")
# A piece this short beside a space is a word someone spaced out (「坪山 的 公司 100 人」); longer
# pieces on both sides are clauses (「我们在坪山 45人 能托管吗」).
_WORD_CHARS = 2
_CLAUSE_END = re.compile(r"[,，。;；!！?？、:：]$")
# A message typed with a space after every word (「我们 公司 在 坪山 注册 … 不是 派遣 也不是
# 人力资源 公司」): with this many gaps and pieces this short on average, every space is
# between words, even beside a longer word.
_WORD_SPACED_GAPS = 4
_WORD_SPACED_MEAN = 3.0


_UNITS = "分人家件个名位年月日号岁元%％"

# 「注册地<TAB>坪山区」「从业人员  88人」: a line of a pasted table, a short label then its value;
# the gap between them is the label's colon, not a clause break
# (the label up to 12 characters: 「去年有劳动案件的企业\t2」)
_TABLE_LABEL = re.compile(r"^(?=.*[\u4e00-\u9fff])[\u4e00-\u9fff0-9]{2,12}$")
_TAB = re.compile(r"\t")
# 「没有\t搬迁、停业、注销」: a negation or a yes before its object is no label
_NOT_A_LABEL = re.compile(r"没有|没|无|不是|不|有|是|都没有|也没有|都有")
# 「注册纳税经营 都在坪山」「我们 也不是 派遣」: a piece that opens with an adverb continues the
# words before it (都/均/也 need a subject), so the space before it is no clause break
_CONTINUES = re.compile(r"^(?:都|均|也|全都|全部|亦)")
# 「也不是 重点企业」「没有 任何案件」: a piece ending in a verb or a negation still needs its object
_OBJECT_FOLLOWS = re.compile(
    r"(?:不是|没有|没|不属于|属于|是|有|在)$"
    r"|(?:注册地|纳税地|经营地|办公地|人数|员工|状况|行业)$"  # 「注册地　坪山」: a label and its value
    r"|(?:搬|迁|移|去|到|往)(?:到|去|往|至)?了?$"  # 「整体搬到了 惠州惠阳」: where to
)
# 「2023年 刚入库」「去年 有一起仲裁」: a time word alone modifies what follows it
_TIME_WORD = re.compile(
    r"^(?:\d{2,4}年(?:\d{1,2}月)?|去年|今年|前年|明年|上一?年度?"
    r"|下个?月|上个?月|这个月|本月|月底|年底|年初|现在|目前)$"  # 「我们公司　下个月　要注销了」
)


def _unit_follows(pieces: list[str], piece: str) -> bool:
    """Whether the run of single digits that ``piece`` continues ends in a unit (「8 0 分」)."""
    run = pieces[pieces.index(piece) :] if piece in pieces else []
    for later in run:
        if not (later.isdigit() and len(later) == 1):
            return later[:1] in _UNITS
    return False


def remove_spaces(text: str) -> str:
    """Whitespace between Chinese words goes; between clauses it becomes 「，」.

    - a line break, or a space between two pieces of three characters or more, separates
      clauses: 「注册在龙岗 经营在坪山」 → 「注册在龙岗，经营在坪山」, unless the whole message is
      typed word by word (many spaces, short pieces: 「不是 派遣 也不是 人力资源 公司」);
    - any other whitespace (ASCII, no-break, full-width, tabs, zero-width) goes:
      「坪山 的 公司 100 人」 → 「坪山的公司100人」, 「100\u00a0人」 → 「100人」;
    - a single space stays between two Latin words or numbers (「HR service」, 「82 79.5」); a
      space between a Latin word and Chinese goes (「app 上」).
    """
    text = _table_rows(text)
    pieces = [p for p in _SPACES.split(text) if p]
    gaps = [m.group(0) for m in _SPACES.finditer(text.strip())]
    if not pieces:
        return ""
    word_spaced = (
        len(gaps) >= _WORD_SPACED_GAPS
        and sum(len(p) for p in pieces) / len(pieces) <= _WORD_SPACED_MEAN
    )
    out = [pieces[0]]
    spelled = pieces[0].isdigit() and len(pieces[0]) == 1
    for gap, piece in zip(gaps, pieces[1:], strict=False):
        before = out[-1]
        latin_before, latin_after = _LATIN.search(before[-1]), _LATIN.match(piece[0])
        digit = piece.isdigit() and len(piece) == 1
        if spelled and digit and (word_spaced or _unit_follows(pieces, piece)):
            pass  # 「托管 企业 3 0 家」「平均 8 0 分」: a number typed digit by digit is one number
        elif latin_before and latin_after:
            out.append(" ")
        elif _CLAUSE_END.search(before):
            pass
        elif _LINE_BREAK.search(gap) or (
            not word_spaced
            and min(len(before), len(piece)) > _WORD_CHARS
            and not (latin_before or latin_after)
            and not _CONTINUES.match(piece)
            and not _TIME_WORD.match(before)
            and not _OBJECT_FOLLOWS.search(before)
        ):
            out.append("，")
        out.append(piece)
        spelled = digit  # the next single digit continues the number
    return "".join(out)


# 「注册地 坪山　纳税地 坪山　经营地 东莞\t人数 20」: several fields on one line, each its label
# then its value
_FIELD_LABEL = re.compile(
    r"^(?:注册地址?|纳税地|经营地址?|办公地址?|人数|员工数?|从业人员|经营状况|状况|行业"
    r"|成立时间|签约时间|首次签约)$"
)
_MIN_FIELDS = 2


def _field_pairs(line: str) -> str:
    """A line of two or more 「label value」 pairs as 「label：value，label：value」; any other
    line as it is."""
    pieces = [p for p in _SPACES.split(line) if p]
    out: list[str] = []
    pairs = 0
    k = 0
    while k < len(pieces):
        label = pieces[k]
        value = pieces[k + 1] if k + 1 < len(pieces) else ""
        if _FIELD_LABEL.match(label) and value and not _FIELD_LABEL.match(value):
            out.append(f"{label}：{value}")
            pairs += 1
            k += 2
        else:
            out.append(label)
            k += 1
    return "，".join(out) if pairs >= _MIN_FIELDS else line


def _table_rows(text: str) -> str:
    """Each line that is a label, a gap and a value (「注册地\t坪山区」, 「经营状况  正常」) as
    「label：value」; a tab between two pieces is a column break, so it is read the same way.
    A line of several such fields is read field by field."""
    text = "\n".join(_field_pairs(line) for line in _LINE_BREAK.split(text))
    lines = _LINE_BREAK.split(text)
    if len(lines) < 2 and not _TAB.search(text):
        return text
    rows = []
    for line in lines:
        pieces = [p for p in _SPACES.split(line) if p]
        value = pieces[1] if len(pieces) == 2 else ""
        if (
            _TABLE_LABEL.match(pieces[0] if value else "") and not _NOT_A_LABEL.fullmatch(pieces[0])
        ) and (len(value) >= 2 or value in "无有是否" or value.isdigit()):
            line = f"{pieces[0]}：{pieces[1]}"
        rows.append(line)
    return "\n".join(rows)


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    from kb.analyzer import new_tokenizer
    from kb.paths import KbFiles

    return new_tokenizer(KbFiles.default().jieba_dicts())


@lru_cache(maxsize=4096)
def token_boundaries(text: str) -> frozenset[int]:
    """Every offset where a jieba word starts or ends (0 and ``len(text)`` included)."""
    bounds = {0, len(text)}
    for _, start, end in _tokenizer().tokenize(text, HMM=False):
        bounds.update((start, end))
    return frozenset(bounds)


def word_frequency(word: str) -> int:
    """jieba's frequency of ``word`` (0 for a word it does not know)."""
    tokenizer = _tokenizer()
    tokenizer.check_initialized()
    return int(tokenizer.FREQ.get(word) or 0)
