"""Whole words typed in pinyin, read as the Chinese they spell.

Some people type without choosing characters: 「women gongsi zai pingshan zhuce, yuangong 150 ren,
neng zuo tuoguan fuwu duixiang ma」. The words are written back in characters so that the rest of
the pipeline reads them like any other message: each run of pinyin syllables is cut into words
of the dictionary (the service's own words first, as bot/language/homophones.py's
``service_words`` lists them; then jieba's dictionary by frequency) with the
fewest words, the more frequent reading breaking ties. Only a message with at least
:data:`MIN_PINYIN_WORDS` Latin words that are all pinyin is rewritten (「HR」「app」 are English,
handled in bot/language/normalize.py); tones and ü (v) are not needed.

Libraries: pypinyin (every character's readings, offline) and jieba's dictionary with its
frequencies (offline); the trades of bot/language/industries.yml are the service's words too.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path

from bot.language.homophones import service_words
from bot.language.industries import trade_words

MIN_PINYIN_WORDS = 3
# jieba's words from this frequency on are candidates (rarer ones are names and jargon)
MIN_FREQUENCY = 200
MAX_WORD_SYLLABLES = 6
# the syllables people type for the particles and the commonest words; jieba's single characters
# by frequency would give 马 for ma, 呐 for ne
_CHOSEN = {
    "ma": "吗",
    "ne": "呢",
    "ba": "吧",
    "le": "了",
    "de": "的",
    "shi": "是",
    "zai": "在",
    "ye": "也",
    "dou": "都",
    "you": "有",
    "bu": "不",
    "ren": "人",
    "ge": "个",
    "neng": "能",
    "hui": "会",
    "jia": "家",
    "nian": "年",
    "yue": "月",
    "hao": "号",
    "wo": "我",
    "ni": "你",
    "zhe": "这",
    "na": "那",
    "ji": "几",
    "dao": "到",
    "zuo": "做",
    # 「canyin dian」「zhusu chang」: a shop and a factory, not 点 and 长
    "dian": "店",
    "chang": "厂",
}
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_DOMAIN_BONUS = 3.0


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    """Every toneless pinyin syllable (pypinyin's readings of every character)."""
    from pypinyin.contrib.tone_convert import to_normal
    from pypinyin.pinyin_dict import pinyin_dict

    return frozenset(
        to_normal(reading) for readings in pinyin_dict.values() for reading in readings.split(",")
    )


def split_syllables(word: str) -> list[str] | None:
    """「zhuce」 → [zhu, ce]; ``None`` when ``word`` is not pinyin (「app」). Fewest syllables."""
    word = word.lower().replace("v", "ü")
    known = _syllables()
    best: list[list[str] | None] = [[]] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 6), end):
            head = best[start]
            piece = word[start:end]
            if head is not None and piece in known:
                candidate = [*head, piece]
                current = best[end]
                if current is None or len(candidate) < len(current):
                    best[end] = candidate
    return best[len(word)]


@lru_cache(maxsize=1)
def _lexicon() -> dict[tuple[str, ...], tuple[str, float]]:
    """Syllables → (word, score): the service's words first, then jieba's by frequency."""
    import jieba
    from pypinyin import Style, lazy_pinyin

    lexicon: dict[tuple[str, ...], tuple[str, float]] = {}

    def add(word: str, score: float) -> None:
        key = tuple(lazy_pinyin(word, style=Style.NORMAL))
        if len(key) != len(word) or len(key) > MAX_WORD_SYLLABLES:
            return
        if key not in lexicon or lexicon[key][1] < score:
            lexicon[key] = (word, score)

    dictionary = Path(jieba.__file__).with_name("dict.txt")
    with dictionary.open(encoding="utf-8") as lines:
        for line in lines:
            parts = line.split()
            if len(parts) >= 2 and int(parts[1]) >= MIN_FREQUENCY:
                add(parts[0], math.log10(int(parts[1])))
    top = max((score for _, score in lexicon.values()), default=0.0)
    for word in [*service_words(), *trade_words()]:
        add(word, top + _DOMAIN_BONUS)
    for syllable, char in _CHOSEN.items():
        lexicon[(syllable,)] = (char, top + _DOMAIN_BONUS)
    return lexicon


def _words(syllables: list[str]) -> str:
    """The fewest dictionary words spelling these syllables (ties: the higher score)."""
    lexicon = _lexicon()
    # best[i]: (words used, -score, text) for syllables[:i]
    best: list[tuple[int, float, str] | None] = [(0, 0.0, "")] + [None] * len(syllables)
    for end in range(1, len(syllables) + 1):
        for start in range(max(0, end - MAX_WORD_SYLLABLES), end):
            head = best[start]
            entry = lexicon.get(tuple(syllables[start:end]))
            if head is None or entry is None:
                continue
            candidate = (head[0] + 1, head[1] - entry[1], head[2] + entry[0])
            current = best[end]
            if current is None or candidate[:2] < current[:2]:
                best[end] = candidate
    found = best[len(syllables)]
    return found[2] if found is not None else " ".join(syllables)


def pinyin_to_chinese(text: str) -> str:
    """``text`` with its runs of pinyin words written in characters, when it is typed in pinyin
    (at least :data:`MIN_PINYIN_WORDS` Latin words, all of them pinyin); otherwise unchanged."""
    latin = _LATIN_WORD.findall(text)
    if len(latin) < MIN_PINYIN_WORDS:
        return text
    split = [split_syllables(word) for word in latin]
    if any(s is None for s in split):
        return text
    # a run of pinyin words separated only by spaces is read as one phrase
    run = re.compile(r"[A-Za-z]+(?:[ \t]+[A-Za-z]+)*")

    def convert(m: re.Match[str]) -> str:
        syllables = [s for word in m.group(0).split() for s in split_syllables(word) or []]
        return _words(syllables)

    return run.sub(convert, text)
