"""Homophone typos of the service's own words, corrected by their sound (pypinyin).

People type Chinese with a pinyin keyboard and pick the wrong character of the right sound:
劳动仲才 (仲裁), 脱管 (托管), 人力资原 (资源), 能力测式 (测试), 公司主销了 (注销), 生产正长
(正常), 坑子街道 (坑梓). A fixed table (bot/language/typos.yml) only knows the pairs someone saw;
this module knows the words themselves — the domain dictionary (kb/jieba_dict/domain.txt, built
from the regulation) and 坪山区's 街道 (bot/language/places.yml) — and replaces a stretch of text
that sounds like one of them (toneless pinyin, every reading of a polyphone) when:

- the stretch starts and ends at jieba word boundaries (「是行业」 holds no 施行: 「是行」 ends
  inside 行业);
- the stretch is not itself a common word (jieba frequency below :data:`COMMON_WORD_FREQ`:
  精英 is not 经营, 实务 is not 事务);
- for a 街道 name only, the southern mergers of zh/z, ch/c, sh/s and -ng/-n count as the same
  sound (石进 → 石井), because people write the names as they say them.

Library: pypinyin (MIT, maintained, offline dictionary of every character's readings).
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from pathlib import Path

import yaml

from bot.language.tokens import token_boundaries, word_frequency

REPO = Path(__file__).resolve().parents[2]
DOMAIN_DICT = REPO / "kb" / "jieba_dict" / "domain.txt"
PLACES = Path(__file__).with_name("places.yml")
TYPOS = Path(__file__).with_name("typos.yml")
# jieba's frequency from which a stretch of text is a word in its own right (精英 781, 整场 62);
# rare words below it are more often a typo (主销 2).
COMMON_WORD_FREQ = 20
# The most readings combined for one stretch (polyphones multiply them); more are not tried.
MAX_READINGS = 32
_HAN = re.compile(r"^[\u4e00-\u9fff]+$")
_FUZZY = ((re.compile(r"^([zcs])h"), r"\1"), (re.compile(r"ng$"), "n"))


@lru_cache(maxsize=2048)
def _fuzzy(syllable: str) -> str:
    for pattern, repl in _FUZZY:
        syllable = pattern.sub(repl, syllable)
    return syllable


@lru_cache(maxsize=8192)
def _readings(char: str) -> tuple[str, ...]:
    """Every toneless reading of one character (长 → zhang, chang)."""
    from pypinyin import Style, pinyin

    return tuple(dict.fromkeys(pinyin(char, style=Style.NORMAL, heteronym=True)[0]))


def _term_key(term: str) -> tuple[str, ...]:
    """The reading of a whole word (pypinyin reads 正常 as zheng chang from its phrase table)."""
    from pypinyin import Style, lazy_pinyin

    return tuple(lazy_pinyin(term, style=Style.NORMAL))


@lru_cache(maxsize=1)
def service_words() -> tuple[str, ...]:
    """The service's own words: the domain dictionary built from the regulation
    (kb/jieba_dict/domain.txt) and typos.yml's ``sound_alike_words``."""
    words = [
        line.split()[0] for line in DOMAIN_DICT.read_text("utf-8").splitlines() if line.strip()
    ]
    words += yaml.safe_load(TYPOS.read_text("utf-8")).get("sound_alike_words") or []
    return tuple(words)


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[
    dict[tuple[str, ...], str], dict[tuple[str, ...], str], frozenset[str], list[int]
]:
    """Sound → word for the domain words, fuzzy sound → name for the 街道, every word, and
    the lengths to try (longest first)."""
    words = list(service_words())
    streets = list(yaml.safe_load(PLACES.read_text("utf-8"))["pingshan_streets"])
    exact: dict[tuple[str, ...], str] = {}
    for word in [*words, *streets]:
        if len(word) >= 2 and _HAN.match(word):
            exact.setdefault(_term_key(word), word)
    fuzzy = {tuple(_fuzzy(s) for s in _term_key(name)): name for name in streets}
    lengths = sorted({len(k) for k in exact} | {len(k) for k in fuzzy}, reverse=True)
    return exact, fuzzy, frozenset([*exact.values(), *fuzzy.values()]), lengths


@lru_cache(maxsize=1)
def _first_sounds() -> frozenset[str]:
    """The fuzzy first syllable of every word: a stretch starting otherwise is skipped."""
    exact, fuzzy, _, _ = _vocabulary()
    return frozenset(_fuzzy(key[0]) for key in [*exact, *fuzzy])


def _sounds_like(stretch: str, table: dict[tuple[str, ...], str], fuzzy: bool) -> str | None:
    options = [_readings(c) for c in stretch]
    if any(not o for o in options):
        return None
    combos = 1
    for o in options:
        combos *= len(o)
    if combos > MAX_READINGS:
        return None
    for key in itertools.product(*options):
        found = table.get(tuple(_fuzzy(s) for s in key) if fuzzy else key)
        if found is not None:
            return found
    return None


def _is_common_word(stretch: str) -> bool:
    return word_frequency(stretch) >= COMMON_WORD_FREQ


# 的, 地 and 得 all read de: a stretch that differs from a word only in them is grammar, not a
# typo (「注册的企业」 is no 注册地)
_PARTICLES = frozenset("的地得")


def _only_particles_differ(stretch: str, word: str) -> bool:
    return len(stretch) == len(word) and all(
        a == b or {a, b} <= _PARTICLES for a, b in zip(stretch, word, strict=True)
    )


def correct_homophones(text: str) -> str:
    """``text`` with every stretch that sounds like a domain word written as that word.

    「去年有劳动仲才」 → 「去年有劳动仲裁」; 「石进街道」 → 「石井街道」; text without such a
    stretch comes back unchanged (the same object)."""
    exact, fuzzy, known, lengths = _vocabulary()
    bounds = token_boundaries(text)
    out: list[str] = []
    i = 0
    changed = False
    first_sounds = _first_sounds()
    fuzzy_lengths = {len(key) for key in fuzzy}
    while i < len(text):
        replaced = False
        if i in bounds and any(_fuzzy(s) in first_sounds for s in _readings(text[i])):
            for n in lengths:
                stretch = text[i : i + n]
                if len(stretch) < n or (i + n) not in bounds or not _HAN.match(stretch):
                    continue
                if stretch in known:  # the word itself: nothing inside it is looked at again
                    word: str | None = stretch
                else:
                    word = _sounds_like(stretch, exact, fuzzy=False) or (
                        _sounds_like(stretch, fuzzy, fuzzy=True) if n in fuzzy_lengths else None
                    )
                    if word is not None and (
                        _is_common_word(stretch) or _only_particles_differ(stretch, word)
                    ):
                        word = None
                if word is not None:
                    out.append(word)
                    changed = changed or word != stretch
                    i += n
                    replaced = True
                    break
        if not replaced:
            out.append(text[i])
            i += 1
    return "".join(out) if changed else text
