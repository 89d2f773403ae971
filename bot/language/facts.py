"""Extract the facts the checks need from one (normalised) message.

Deterministic patterns over the text, so that 「现在45名员工」 and 「八十多人」 always give the
same headcount. Each fact is a Rasa entity: ``entity``, ``value`` (a string), ``start``/``end``
into the text, and an optional ``role``. The values use the rules core's vocabulary:

==================  ==============================================================  =========
entity              value                                                           articles
==================  ==============================================================  =========
headcount           ``45``; a range ``81-89`` for 八十多人; ``100~`` for 一百来人     第九条
district            ``坪山区`` or another district; role registered/tax/operating/all 第九条
firm_type           ``labour_dispatch`` / ``hr_service`` / ``other`` (negated)        第九条
qualifying_condition ``labour_case`` ``tech_sme`` ``key_enterprise``, ``no_`` prefix   第九条
operating_status    ``normal`` ``abnormal`` ``suspended`` ``deregistered`` ``relocated``  第九、十三条
date                ISO ``2021-05-10`` or ``2021-05`` (month precision)               第十七、十九条
service_year        ``2`` for 第二年                                                  第十九条
months              ``8`` for 8个月 / 半年 → 6                                          第二十三条
years               ``3`` for 满三年                                                   第十三条
percent             ``0.99``; role own_case_rate / client_case_rate / change_rate     第十一条
count               ``10``; role cases / clients / clients_with_cases / change_requests / staff  第八、十一条
score               ``79.5`` (capability test score)                                  第八条
==================  ==============================================================  =========
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date

from bot.language.gazetteer import Place, find_places, is_whole_reply, names_only, role_words
from bot.language.industries import business_line
from bot.language.numbers import NUMBER, to_decimal, to_int
from bot.language.statements import UNKNOWN_WORDS, asks_something

N = NUMBER
NEGATION = re.compile(
    r"(不是|不属于|并非|非|没有|没|未|无|不做|不搞|不提供|不从事|不经营|不开展|从没|从未|不)$"
)
CLAUSE_BREAK = re.compile(r"[,，。;；!！?？\n]")
# 「…都没出过」「…也没有」 closing the clause: none happened (not 「也没赔钱」「都没输过」)
NOTHING_HAPPENED = (
    r"(?:都|也)(?:没有|没|无|未)(?:出|发生|有|遇到|碰到|闹)?过?(?:了|呢|啊|哦|的)?"
    r"\s*(?:$|[,，。;；!！?？])"
)


@dataclass(frozen=True)
class Fact:
    entity: str
    value: str
    start: int
    end: int
    role: str | None = None

    def as_entity(self, extractor: str) -> dict[str, object]:
        entity: dict[str, object] = {
            "entity": self.entity,
            "value": self.value,
            "start": self.start,
            "end": self.end,
            "confidence_entity": 1.0,
            "extractor": extractor,
        }
        if self.role:
            entity["role"] = self.role
        return entity


def _clause(text: str, start: int, end: int) -> str:
    """The clause around a span: from the previous to the next punctuation mark."""
    left = max((m.end() for m in CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    right_match = CLAUSE_BREAK.search(text, end)
    return text[left : right_match.start() if right_match else len(text)]


# Words that hold a negation character and negate nothing (「做无人机的」「非标自动化」「未来」)
_NOT_A_NEGATION = re.compile(
    r"无人机|无纺布?|无线|无锡|无菌|无尘|无缝|无损|无刷|无机|无糖|无铅|非标|非遗|非洲|未来|没药"
)


def unnegated(text: str) -> str:
    """``text`` with the words of :data:`_NOT_A_NEGATION` blanked out (same length: offsets hold)."""
    return _NOT_A_NEGATION.sub(lambda m: "△" * len(m.group(0)), text)


def _negated(text: str, start: int, window: int = 6) -> bool:
    before = unnegated(text[max(0, start - window - 2) : start])[-window:]
    before = CLAUSE_BREAK.split(before)[-1]
    before = re.sub(
        r"(也|都|还|就|可|是|属于|做|有|发生过|发生|过|曾|在|去年|上一年|上年度|上年|什么|任何)+$",
        "",
        before,
    )
    return bool(NEGATION.search(before)) or before.endswith(
        ("不是", "没有", "没", "未", "无", "非")
    )


# ---------------------------------------------------------------- headcount (第九条)
_HEADCOUNT_PATTERNS = [
    re.compile(
        rf"(?:员工|职工|从业人员|工人|人数|员工人数|员工数|规模)[:：]?(?:有|是|共|共有|约|大概|大约|才|只有|就|一共|总共|现在|目前|刚好|正好|恰好|应该|应为|其实|实际上?)*[ ]*(?P<n>{N})(?P<approx>多|来|余|几|左右)?(?:个|名|位|号)?(?:人|员工)?"
    ),
    re.compile(
        rf"(?P<n>{N})(?P<approx>多|来|余|几)?(?:个|名|位|号)(?:人|员工|职工|工人|左右|店员|伙计|师傅)"
    ),
    re.compile(rf"(?P<n>{N})(?P<approx>多|来|余|几)?(?:人|员工|职工|工人)(?!次|民|力|社|事|员)"),
    # 「厂坪山，人38，做家具」: 人 as a clause's label before its figure
    re.compile(
        r"(?:^|(?<=[,，。;；\s]))人[:：]?\s*(?P<n>\d{1,5})(?P<approx>多|来|余)?(?=[,，。;；\s]|$)"
    ),
    # 「人不多，42个」「人不算多，也就三十来个」: how many people, the figure in the next clause
    re.compile(
        rf"(?:^|(?<=[,，。;；\s]))人(?:不多|不算多|挺少|不少|挺多|很少)[,，]?\s*(?:也就|就|大概|大约|才|有)?"
        rf"(?P<n>{N})(?P<approx>多|来|余|几)?\s*个(?=[,，。;；\s]|$)"
    ),
]
_HEADCOUNT_NOUNS = ("员工", "职工", "从业人员", "工人", "人数", "规模")
# 「我们就一个人」「公司只有一人」 is a headcount of one
_ONLY_BEFORE = re.compile(r"(只有|就|共|总共|一共|公司|厂里?|我们)\s*$")
# 「一百人左右」「100人上下」: an approximate number, whichever pattern found it
_APPROX_AFTER = re.compile(r"^(?:左右|上下|出头|不到)")
_NOT_HEADCOUNT_AFTER = re.compile(
    r"^(专职|服务人员|持证|取得|有证|参加|参考|考试|考了|分别|去考|(?:都|也|均)?有.{0,8}证|(?:能力)?测试|测评|平均"
    # 「两个工人申请了仲裁」「三个人辞职」: people in a case or leaving, not how many work there
    r"|申请(?:了)?(?:劳动)?仲裁|提起|去仲裁|闹|投诉我|离职|辞职|告我|告公司)"
)
# 「派了两个人去考」: staff an agency sent, not a headcount
# 「第二个人」 is an ordinal; 「专职：3人」 in a list counts full-time staff
_NOT_HEADCOUNT_BEFORE = re.compile(r"(专职|服务人员|持证|派了?|派去|派出|第)[:：]?$")
# A number in Chinese characters must be followed by its unit: 「员工一直没签合同」 has no 1 in it
_CHINESE_NUMBER_UNIT = re.compile(
    r"(?:多|来|余|几)?(?:个|名|位|号|人|员工|职工|工人|左右|上下|出头|\s*$|\s*[,，。;；!！?？])"
)


MORE_THAN = ("多", "余", "几")
ABOUT = ("来", "左右", "上下", "出头")


def headcount_value(n: int, approx: str | None) -> str:
    """45 → ``45``; 八十多 → ``81-89``; 一百二十多 → ``121-``; 一百来 / 一百左右 → ``100~``."""
    if approx in MORE_THAN and n >= 10:
        magnitude = 10 ** (len(str(n)) - 1)
        if n % magnitude == 0:
            return f"{n + 1}-{n + magnitude - 1}"
        return f"{n + 1}-"
    if approx in ABOUT:
        return f"{n}~"
    return str(n)


# 「七八十个人」「70到80人」: a range, read as ``70-80`` (all of it ≤ 100 decides 第九条 alike)
_RANGE = re.compile(
    r"(?P<a>[一二两三四五六七八九])(?P<b>[二三四五六七八九])十(?P<more>多|来|几)?"
    r"|(?P<lo>\d+)\s*(?:到|至|-|~|～)\s*(?P<hi>\d+)"
)
_PERSON_UNIT = re.compile(r"\s*(?:个|名|位)?(?:人|员工|职工|工人)|\s*个?\s*$")


def headcount_range(text: str, start: int = 0) -> tuple[str, int, int] | None:
    """The first range of people from ``start``: (``"70-80"``, span start, span end), or None."""
    for m in _RANGE.finditer(text, start):
        unit = _PERSON_UNIT.match(text, m.end())
        if unit is None:
            continue
        if m.group("a"):
            low, high = to_int(m.group("a")), to_int(m.group("b"))
            if low is None or high is None or high != low + 1:
                continue
            low, high = low * 10, high * 10 + (9 if m.group("more") else 0)
        else:
            low, high = int(m.group("lo")), int(m.group("hi"))
            if not 0 < low < high:
                continue
        return f"{low}-{high}", m.start(), unit.end()
    return None


def headcounts(text: str) -> list[Fact]:
    facts: list[Fact] = []
    taken: list[range] = []
    position = 0
    while (found := headcount_range(text, position)) is not None:
        value, start, end = found
        if end > start and not text[start:end].rstrip().endswith(("个", *"0123456789十")):
            facts.append(Fact("headcount", value, start, end))
            taken.append(range(start, end))
        position = end if end > start else start + 1
    for pattern in _HEADCOUNT_PATTERNS:
        for m in pattern.finditer(text):
            span = range(m.start("n"), m.end("n"))
            if any(set(span) & set(t) for t in taken):
                continue
            if _NOT_HEADCOUNT_AFTER.search(text[m.end() : m.end() + 8]):
                continue
            if _NOT_HEADCOUNT_BEFORE.search(text[max(0, m.start() - 4) : m.start()]):
                continue
            if not m.group("n")[0].isdigit() and not _CHINESE_NUMBER_UNIT.match(text, m.end("n")):
                continue
            if (
                m.group("n") == "一"
                and m.group(0).endswith("人")
                and not m.group(0).startswith(_HEADCOUNT_NOUNS)
                and not _ONLY_BEFORE.search(text[: m.start()])
            ):
                continue  # 「老板娘一个人管账」 says who, not how many work there
            n = to_int(m.group("n"))
            if n is None or n <= 0 or n > 100000:
                continue
            taken.append(span)
            approx = m.group("approx")
            trailing = _APPROX_AFTER.match(text[m.end() :])
            end = m.end()
            if trailing and not approx:
                approx, end = "左右", m.end() + trailing.end()
            value = headcount_value(n, approx)
            if approx in MORE_THAN and m.group("n").endswith("零"):
                value = f"{n + 1}-{n + 9}"  # 一百零几 is 101 to 109
            facts.append(Fact("headcount", value, m.start(), end))
    return facts


# ---------------------------------------------------------------- district and its role (第九条)
_ROLE_WORDS = role_words()  # bot/language/places.yml


# 「在坪山开了六七年」: where it has been in business (not 开了个会 / 开了发票)
_OPEN_FOR_YEARS = re.compile(rf"开了\s*(?:{N})?\s*(?:多|几)?\s*年")
# 「我在龙田开了一家湘菜馆」: a shop opened at the place is where the firm operates
_OPENED_THERE = re.compile(
    r"(?:开了|开着|开的|开有)(?:一|两|几)?(?:家|间|个)[\u4e00-\u9fff]{0,4}?"
    r"(?:店|馆|厂|公司|餐厅|铺|坊|工作室|档口|超市|食堂)"  # not 「去坪山开了个会」
)


# A role word right before its place: 「注册在龙岗」「纳税地是坪山」「经营地为坪山」.
_ROLE_BEFORE_PLACE = re.compile(r"^(?:地|地址)?(?:都|均|也)?(?:在|是|为|于)")


# 「我们厂注册在坪山」: 厂 after 我们 is who speaks, not where it operates.
_SPEAKER_BEFORE = re.compile(r"(?:我们|咱们|我|咱|本)$")
_SPEAKER_NOUNS = frozenset({"厂"})


def _role_spans(clause: str) -> list[tuple[str, int, int]]:
    """Every role word in a clause: (role, start, end), longest words first where they overlap."""
    found: list[tuple[str, int, int]] = []
    for role, words in _ROLE_WORDS.items():
        for word in sorted(words, key=len, reverse=True):
            for m in re.finditer(word, clause):
                if word in _SPEAKER_NOUNS and _SPEAKER_BEFORE.search(clause[: m.start()]):
                    continue
                if not any(s <= m.start() < e for _, s, e in found):
                    found.append((role, m.start(), m.end()))
    return found


def _roles_per_place(clause: str, places: list[tuple[int, int]]) -> list[list[str]]:
    """The role words of a clause naming several places, each given to its own place.

    Two word orders: role before place (「注册在龙岗经营在坪山」: 注册 → 龙岗, 经营 → 坪山) and place
    before role (「在坪山注册在龙岗经营」: 注册 → 坪山, 经营 → 龙岗). The order that explains more
    of the clause's role words is the clause's; a role word neither explains goes to the nearest.
    """
    spans = _role_spans(clause)
    role_first: list[int | None] = []
    place_first: list[int | None] = []
    for _, start, end in spans:
        after = [i for i, (s, _) in enumerate(places) if s >= end]
        before = [i for i, (_, e) in enumerate(places) if e <= start]
        role_first.append(
            after[0]
            if after and _ROLE_BEFORE_PLACE.match(clause[end : places[after[0]][0]])
            else None
        )
        place_first.append(before[-1] if before and start - places[before[-1]][1] <= 1 else None)
    fits_role_first = sum(o is not None for o in role_first)
    fits_place_first = sum(o is not None for o in place_first)
    first, second = (
        (role_first, place_first)
        if fits_role_first >= fits_place_first
        else (place_first, role_first)
    )
    roles: list[list[str]] = [[] for _ in places]
    for k, (role, start, end) in enumerate(spans):
        owner = first[k] if first[k] is not None else second[k]
        if owner is None:
            owner = min(
                range(len(places)),
                key=lambda i: min(abs(places[i][0] - end), abs(start - places[i][1])),
            )
        if role not in roles[owner]:
            roles[owner].append(role)
    return roles


# 「我们厂在坑梓」「厂房设在龙田」「门店开在坪山」: a workplace said to be somewhere is where the
# enterprise operates (so is a 公司 said to be in 坪山: :data:`_THE_FIRM_IS_AT`)
_WORKS_AT = re.compile(
    r"(?:厂|工厂|厂房|车间|门店|店面|作坊)[,，]?(?:也|都|就|一直)?(?:在|设在|开在|位于)$"
)

# 「公司在坪山龙田」「我们是一家…的公司，在坪山石井」「五金加工厂，龙田街道」: the firm's own place
_THE_FIRM_IS_AT = re.compile(
    r"(?:(?:我们|我司|公司|企业|厂|店)[^。;；?？]{0,12}?[,，]?(?:在|位于|地址在?)"
    r"|(?:^|[,，。])[^,，。;；]{0,10}(?:厂|公司|企业|店)[,，]"
    # 「做服装加工的，在龙田街道」: the trade said, then where, in a clause of its own
    r"|^(?:我们|我们是|是)?(?:做|搞|开|干)[^,，。;；]{1,10}的[,，](?:在|位于))(?:坪山区?)?$"
)

# 「在坪山街道做五金加工」: the trade done at the place
_WORKS_THERE = re.compile(r"(?:街道|区|这边|那边)?(?:做|搞|从事)(?!托管|服务机构)")

# 「纳税地不在坪山」: the place named is where it is not
_NOT_IN = re.compile(r"(?:不在|不是在|没在|并不在|不属于|不是|并非)$")
NOT_PINGSHAN = "坪山区以外"
_PAST = re.compile(r"以前|之前|原来|过去|曾经|早先|旧厂|老厂|旧址")


# 「注册地也已经迁到坪山了」「执照迁到坪山了」: the registration moved to the place
_REGISTRATION_MOVED = re.compile(
    r"(?:注册地址?|注册|营业执照|执照|工商登记)[^,，。;；]{0,6}?(?:迁|搬|转|移)(?:到|入|回|来)"
)
# 「坪山这边不交税」「坪山不注册」: what the firm does not do at the place
_NOT_DONE_THERE = re.compile(
    r"(?:区)?(?:这边|那边|这里|那里)?(?:并)?(?:不|没|没有)(?:在)?(?:交税|纳税|报税|缴税|注册|经营|办公|生产)"
)
_NONE_THERE = re.compile(
    r"(?:这边|那边)?(?:并)?(?:没有|没|无)(?:任何|单独|另外|再)?(?:人|人员)?(?:在)?(?:办公|经营|生产|注册|纳税|厂|场地|门店|店)"
)
# 「三地都在坪山」「三个地方都在坑梓」: the three places of 第九条 at once
_ALL_THREE = re.compile(r"三地|三个地方|三个地址|三处|三者|三项地址")
# 「纳税地不是龙岗，是坪山」: the place denied, then the one meant, which takes its role words
_DENIED_PLACE = re.compile(r"(?:不是|不在|并非|不是在|没在|并不在|不属于)$")
_MEANT_PLACE = re.compile(r"^[,，]?\s*(?:而|其实|实际上?|应该)?(?:是在|是|在)$")


# 「1坪山 2坪山 3光明区」: three places numbered 1–3 answer 注册地、纳税地、经营地 in that order
_LIST_NUMBER_BEFORE = re.compile(r"(?:^|[^\d.])([1-3一二三])\s*[.、:：)）]?\s*$")
_NUMBER_VALUE = {"1": 0, "2": 1, "3": 2, "一": 0, "二": 1, "三": 2}


_LIST_MARK = re.compile(r"^[1-3一二三]?\s*[.、:：)）]?\s*$")


def _numbered_places(text: str, places: list[Place]) -> dict[int, str]:
    """A place's start → its role, when three places follow the list numbers 1, 2, 3, or are
    three clauses of nothing but a place (「坪山，龙岗，坪山」 once the numbers are read)."""
    numbered: dict[int, str] = {}
    for place in places:
        m = _LIST_NUMBER_BEFORE.search(text[max(0, place.start - 4) : place.start])
        if m is not None and _NUMBER_VALUE[m.group(1)] == len(numbered):
            numbered[place.start] = _PLACE_ROLES[len(numbered)]
    if len(numbered) == len(_PLACE_ROLES):
        return numbered
    alone = [
        p
        for p in places
        if _LIST_MARK.match(_clause(text, p.start, p.end).replace(text[p.start : p.end], "", 1))
    ]
    if len(alone) == len(_PLACE_ROLES) == len(places):
        return {p.start: role for p, role in zip(alone, _PLACE_ROLES, strict=True)}
    return {}


def districts(text: str) -> list[Fact]:
    """Where the enterprise is registered, pays tax and operates: every place the gazetteer
    finds (bot/language/gazetteer.py), with the role its clause gives it."""
    by_clause: dict[tuple[int, int], list[Place]] = {}
    carried: dict[int, list[str]] = {}  # a meant place's start → the denied place's role words
    places = find_places(text)
    numbered = _numbered_places(text, places)
    for k, place in enumerate(places):
        if re.search(r"(搬|迁)", text[max(0, place.start - 4) : place.start]) and not (
            _REGISTRATION_MOVED.search(_clause(text, place.start, place.end))
        ):
            # 搬到龙岗 is a relocation, reported as operating_status (「注册地也已经迁到坪山了」
            # says where it is registered now)
            continue
        if _PAST.search(_clause(text, place.start, place.end)):
            continue  # 「龙岗那是以前的旧厂」: where it was, not where it is
        if _NONE_THERE.match(text, place.end):
            continue  # 「坪山没有办公点」: where it is not
        if _DENIED_PLACE.search(text[max(0, place.start - 4) : place.start]):
            following = places[k + 1] if k + 1 < len(places) else None
            if following is not None and _MEANT_PLACE.match(text[place.end : following.start]):
                clause = _clause(text, place.start, place.end)
                carried[following.start] = [role for role, _, _ in _role_spans(clause)]
                continue  # 「纳税地不是龙岗，是坪山」: 龙岗 is denied, 坪山 is where it pays tax
            if not place.in_pingshan:
                continue  # 「纳税地不在龙岗」 says where it is not, not where it is
        if place.in_pingshan and _NOT_IN.search(text[max(0, place.start - 4) : place.start]):
            place = replace(place, value=NOT_PINGSHAN)  # 「纳税地不在坪山」
        if place.in_pingshan and _NOT_DONE_THERE.match(text, place.end):
            place = replace(place, value=NOT_PINGSHAN)  # 「坪山这边不交税」
        left = max((b.end() for b in CLAUSE_BREAK.finditer(text, 0, place.start)), default=0)
        right_match = CLAUSE_BREAK.search(text, place.end)
        right = right_match.start() if right_match else len(text)
        by_clause.setdefault((left, right), []).append(place)

    facts: list[Fact] = []
    for (left, right), in_clause in by_clause.items():
        # 「营业执照注册在坪山」 names the registration, not where the business operates
        clause = text[left:right].replace("营业执照", "执照△△")  # same length: offsets hold
        if len(in_clause) == 1:
            per_place = [list(dict.fromkeys(role for role, _, _ in _role_spans(clause)))]
        else:  # each place its own role words (「注册在龙岗经营在坪山」)
            spans = [(p.start - left, p.end - left) for p in in_clause]
            per_place = _roles_per_place(clause, spans)
        for place, roles in zip(in_clause, per_place, strict=True):
            if _ALL_IN_BRACKETED.search(text[left : place.start]):
                # 「1是（都在坪山） 2是（正常生产）」: the answer in brackets after its number is
                # all three places, whatever role words the unbroken line holds after it
                roles = list(_PLACE_ROLES)
            if place.start in numbered:
                roles = [numbered[place.start]]
            if not roles and place.start in carried:
                roles = list(dict.fromkeys(carried[place.start]))
            if not roles and _WORKS_AT.search(text[max(0, place.start - 6) : place.start]):
                roles = ["operating"]  # 「我们厂在坑梓」: a factory is where it works
            if not roles and _OPENED_THERE.match(text, place.end):
                roles = ["operating"]  # 「我在龙田开了一家湘菜馆」
            if not roles and _WORKS_THERE.match(text, place.end):
                roles = ["operating"]  # 「我们在坪山街道做五金加工」: where it does its trade
            if not roles and place.in_pingshan and _THE_FIRM_IS_AT.search(text[: place.start]):
                # 「我们是一家做智能锁的公司，在坪山石井」「五金加工厂，龙田街道」: where the firm
                # is; registration and tax are asked for (or said) on their own
                roles = ["operating"]
            if not roles and _ALL_IN.fullmatch(text[left : place.start]):
                # 「1 是，都在坪山」 answering where it is registered, pays tax and operates
                roles = list(_PLACE_ROLES)
            if "operating" not in roles and _OPEN_FOR_YEARS.search(clause):
                roles = [*roles, "operating"]
            if _ALL_THREE.search(clause):
                roles = list(_PLACE_ROLES)
            # 「注册地和经营地都在坪山」 is those two; 纳税地 is still to be asked
            role = "all" if len(roles) == 3 else (roles[0] if len(roles) == 1 else None)
            if role is None and len(roles) == 2:
                for r in roles:
                    facts.append(Fact("district", place.value, place.start, place.end, r))
                continue
            if role is None and not place.in_pingshan and not _enterprise_place(text, place):
                continue  # 「员工大多是湖南的」 says nothing about where the enterprise is
            facts.append(Fact("district", place.value, place.start, place.end, role))
    return _also_there(text, _here(text, _third_place(facts)))


# 「都在坪山」 as a clause of its own: all of what the firm is asked to be in the district for
_ALL_IN = re.compile(r"\s*(?:都|全|全部|均|也都)(?:是)?在\s*")
_ALL_IN_BRACKETED = re.compile(r"[(（]\s*(?:都|全|全部|均|也都)(?:是)?在\s*$")


# 「在评山注册，纳税也在评山，经营地也在」: a role said to be 「也在」 with no place of its own is
# at the place named just before it
_ALSO_THERE = re.compile(
    r"[^,，。;；!！\s]{1,6}?(?:也|都|同样|均)(?:是)?在(?:那|那里|那边)?(?=[,，。;；!！\s]|$)"
)


def _also_there(text: str, facts: list[Fact]) -> list[Fact]:
    """``facts`` with a district fact for each role said to be 「也在」 without a place: the
    place of the district fact just before it, in that role."""
    added: list[Fact] = []
    for m in _ALSO_THERE.finditer(text):
        before = [f for f in facts if f.entity == "district" and f.end <= m.start()]
        roles = [role for role, _, _ in _role_spans(m.group(0))]
        if not before or not roles or before[-1].value == NOT_PINGSHAN:
            continue
        place = before[-1]
        for role in dict.fromkeys(roles):
            added.append(Fact("district", place.value, m.start(), m.end(), role))
    return facts + added


# 「我们公司在坪山区石井街道，注册纳税经营都在这」: the roles said of 「这」 are the place's
_HERE = re.compile(r"(?:都|也|全|均)?在这(?:里|边|儿)?(?=[,，。;；!！]|$)")


def _here(text: str, facts: list[Fact]) -> list[Fact]:
    here = _HERE.search(text)
    places = [f for f in facts if f.entity == "district"]
    # one place, however many names it was given (「坪山区石井街道」)
    # 「我们奶茶店在坪山，注册纳税经营都在这边」: 店在 gave the place one role; 这边 gives the rest
    if here is None or len({f.value for f in places}) != 1:
        return facts
    if any(f.role not in (None, "operating") for f in places):
        return facts
    facts = [f for f in facts if f.entity != "district" or f is places[0]]
    roles = list(
        dict.fromkeys(role for role, _, _ in _role_spans(_clause(text, here.start(), here.end())))
    )
    if not roles:
        return facts
    place = places[0]
    if (here.group(0).startswith("也") or place.role == "operating") and "operating" not in roles:
        # 「做五金冲压的，在坪山碧岭，注册纳税也在这」「我们在坪山区坑梓街道，…注册纳税都在这边」:
        # the place the firm is at is where it operates, and registration and tax are there too
        roles.append("operating")
    role = "all" if len(roles) == 3 else roles[0] if len(roles) == 1 else None
    if role is not None:
        return [replace(f, role=role) if f is place else f for f in facts]
    return [f for f in facts if f is not place] + [replace(place, role=r) for r in roles]


_PLACE_ROLES = ("registered", "tax", "operating")


def _third_place(facts: list[Fact]) -> list[Fact]:
    """「我们公司在坪山碧岭，注册纳税也在坪山」: where 注册地 and 纳税地 are named, the enterprise's
    place said without a role is where it operates."""
    named = {f.role for f in facts if f.role in _PLACE_ROLES}
    # only where it operates: a firm said to be somewhere is there; where it is registered or
    # pays tax is not seen from the street (「公司在坑梓，注册地和经营地都在坪山」: 纳税地 unknown)
    if named != {"registered", "tax"} or any(f.role == "all" for f in facts):
        return facts
    return [replace(f, role="operating") if f.role is None else f for f in facts]


# 「我们是肇庆的企业」「公司在惠阳」「东莞的厂」: the place of the enterprise itself.
_ENTERPRISE_BEFORE = re.compile(r"(?:我们|我司|公司|企业|厂|单位|本公司)(?:是|在|位于|属于|设在)$")
_ENTERPRISE_AFTER = re.compile(r"^的?(?:企业|公司|厂|工厂|单位)")


def _enterprise_place(text: str, place: Place) -> bool:
    """「我们是肇庆的企业」「公司在惠阳」, or the place as the whole reply (「惠州」「惠州惠阳」 to
    where it moved)."""
    return (
        is_whole_reply(text, place.start, place.end)
        or names_only(text)
        or bool(
            _ENTERPRISE_BEFORE.search(text[: place.start])
            or _ENTERPRISE_AFTER.match(text[place.end :])
        )
    )


# ---------------------------------------------------------------- firm type (第九条 exclusions)
_FIRM_TYPES = [
    (
        "labour_dispatch",
        # 「不是派遣」「不做派遣」「搞派遣的」: 派遣 alone names the firm type only after a verb of
        # being or doing; 「有派遣员工」 is an enterprise that uses dispatched workers
        re.compile(
            r"劳务派遣(?:公司|单位|机构|企业)?(?!工|员工|人员|的员工|的工人|来的)|派遣公司|劳务公司"
            r"|(?<=是|做|搞|干|属)派遣(?!员工|工|人员|来|过来|的员工|的工人)"
        ),
    ),
    (
        "hr_service",
        re.compile(
            r"人力资源服务(?:机构|公司|企业)?|人力资源公司|人力资源机构|猎头公司|猎头"
            # 「主营是人力资源外包」: doing it for others (「把人事外包出去」 is a client's wish)
            r"|(?<=是|做|营|事|供|和|及|、)(?:人力资源|人事|人力)外包(?!出去|给)"
            # 「主要做招聘和人力资源外包服务的」: recruiting sold to others is an HR service
            r"|(?:主要|主营|专门|专业)(?:是|做|搞|从事|提供)?(?:招聘|猎头|职业中介|人才中介)"
            r"(?=服务|业务|的|和|及|、|[,，。;；]|$)"
            # 「做HR service的公司」 (HR → 人事): personnel services sold to others are HR services
            r"|(?:人事|人力)(?:服务|代理)(?:公司|机构|企业)"
            r"|(?<=是|做|营|事|搞|干)(?:人事|人力)(?:服务|代理)(?!的?(?:工作|需求|岗))"
        ),
    ),
]


# 「给人力资源公司开发软件」「为派遣公司做账」「帮劳务公司招人」: the firm type is whom it serves
_SERVED_FIRM = re.compile(
    r"(?:给|为|帮|替|向|服务于)(?:一些|一家|几家|各|多家)?$"
    # 「跟一家劳务派遣公司合作」「找人力资源公司招人」: a firm the enterprise deals with
    r"|(?:跟|找|通过|委托|请了?)(?:一些|一家|几家|了一家)?$|(?:和|与)(?:一家|几家|一些)$"
)

# 「托管机构是…」「给我们托管的是…」: the firm named is the agency serving the enterprise
_THE_AGENCY_IS = re.compile(
    r"^(?:我们的?|我们找的)?(?:托管|服务)机构(?:是|为|叫)|(?:给|帮)我们(?:做)?托管的(?:是|为)"
    # 「是我们的用工供应商是劳务派遣公司」: a firm the enterprise deals with
    r"|(?:供应商|合作方|合作的|外包商|外包方|劳务供应商)(?:是|为)"
)

_LIST_JOINER = re.compile(r"(?:[、/或和及与]|或者|以及|也不是|,|，)?(?:单位|公司|机构|企业)?")


_OTHERS_FIRM_AFTER = re.compile(
    r"(?:公司|机构|企业)?(?:的)?(?:是|都是|只是)(?:我们|我司)?的?"
    # 「劳务派遣是我们以前合作的供应商」
    r"(?:(?:以前|之前|原来|现在)?(?:合作|用|找|请)(?:过)?的)?"
    r"(?:客户|合作方|甲方|服务对象|供应商|合作伙伴|合作单位"
    # 「做劳务派遣的是我们关联公司」: a firm of the same group, not this one
    r"|关联公司|关联企业|母公司|子公司|兄弟公司|集团|总公司|分公司|另一家|别的公司|隔壁"
    # 「派遣公司是我朋友的」: someone else's
    r"|(?:我)?(?:朋友|亲戚|老乡|同学|熟人|别人|他人|老板朋友)(?:的|开的|家的))"
)


def firm_types(text: str) -> list[Fact]:
    facts: list[Fact] = []
    for value, pattern in _FIRM_TYPES:
        for m in pattern.finditer(text):
            if re.match(r"人力资源(管理|部|局|和社会|主管|专员|经理)", text[m.start() :]):
                continue
            if _SERVED_FIRM.search(text[max(0, m.start() - 3) : m.start()]):
                continue  # 「给人力资源公司开发软件」: a client of the enterprise, not the enterprise
            if _THE_AGENCY_IS.search(_clause(text, m.start(), m.end())[:16]):
                continue  # 「托管机构是坪山本地一家人力资源公司」: the agency, not the enterprise
            if _OTHERS_FIRM_AFTER.match(text, m.end()):
                continue  # 「人力资源公司是我们的客户」: someone else
            negated = _negated(text, m.start()) or bool(
                re.search(
                    r"也不是$|也不属于$|(没|没有|未)(写|列|包括|包含)$|不(含|包括|包含)$",
                    text[max(0, m.start() - 6) : m.start()],
                )
            )
            facts.append(Fact("firm_type", "other" if negated else value, m.start(), m.end()))
    # 「不是劳务派遣或人力资源机构」: the negation before a list covers each firm type in it
    ordered = sorted(facts, key=lambda f: f.start)
    for k in range(1, len(ordered)):
        previous, current = ordered[k - 1], ordered[k]
        joined = text[previous.end : current.start]
        if previous.value == "other" and _LIST_JOINER.fullmatch(joined):
            ordered[k] = replace(current, value="other")
    return ordered


# ---------------------------------------------------------------- qualifying conditions (第九条)
_QUALIFYING = [
    (
        "labour_case",
        re.compile(
            r"(?:劳动)?(?:信访|监察|仲裁)(?:案件|案子)?|劳动(?:纠纷|争议)?案件|劳动纠纷"
            # 「那次投诉是去年（2022年）11月的」: the case spoken of before, dated again
            r"|(?<=那次|这次|那个|这个|那起|这起)(?:投诉|案子|案件)(?=(?:其实)?是(?:在)?[(（]?(?:去年|上一?年|前年|今年|\d{4}年))"
            r"|(?:(?<=没)|(?<=无)|(?<=没有))纠纷"  # 「去年没纠纷」「没有纠纷」
            # 「没有案件，也不是科技型」 to the question of 第九条's three conditions: no case
            r"|(?:(?<=没有)|(?<=没)|(?<=无))(?:任何)?(?:案件|案子)"
        ),
    ),
    (
        "tech_sme",
        re.compile(
            r"科技型中小企业|科技型企业|科技型小微企业|科技型(?=不|没|也|都|了|啦|的|或|和|[,，。;；、]|$)"
            # 「也不是科技企业」: the library's name said short, denied (not 「做科技的企业」)
            r"|(?<=不是)科技企业"
            # 「22年入库了」: 入库 is said only of the 科技型中小企业 library
            r"|(?<![没未不科技型中小企业])(?:已经?|才|刚|就)?入(?:了)?库(?!的条件|条件|标准|要求)"
        ),
    ),
    ("key_enterprise", re.compile(r"重点企业|产业导向")),
]


# 第九条 counts cases that happened in the previous year: the clause must say one happened
# (发生过 / 有过 / 去年 / 一起 / 被…监察), not that one may (「员工要去仲裁我」).
_CASE_HAPPENED = re.compile(
    rf"过|了|去年|上一?年|今年|有|出|发生|被|正在|处理中|{N}\s*(?:起|件|宗|次)"
    r"|那次|那宗|那起|那件|是\d{4}年"  # 「那次仲裁是2022年3月的」: a case, dated
    r"|(?<![要会想备算])(?:投诉到|告到|闹到)"  # 「去年有个店员…，投诉到劳动监察那边」: taken there
)
# An agency speaking of its clients' or its own cases: those are 第十一条 figures.
_AGENCY_SPEAKING = re.compile(
    rf"(?:我们|我|本|咱们?)机构|机构(?:自己|自身|本身)|(?:托管|服务)了?\s*{N}\s*家"
    rf"|(?:我们|我|机构)(?:所)?(?:托管|服务)的\s*(?:{N}\s*家|企业|客户|服务对象)"
)
# 「一起仲裁都没出过」「一宗信访也没有」: the negation comes after the case
_NONE_HAPPENED_AFTER = re.compile(r"^[^,，。;；]{0,3}" + NOTHING_HAPPENED)


# The other kinds of labour case listed after one (「信访、监察和仲裁」).
_OTHER_CASE_KINDS = re.compile(r"^(?:[、,，和及与或/]*(?:劳动)?(?:信访|监察|仲裁)(?:案件|案子)?)+")


_NOT_IN_LIBRARY = re.compile(r"(?:没有?|未|没能|还没)(?:进|入)(?:了|过)?库")
_CASE_YEAR_CORRECTED = re.compile(
    r"(?:仲裁|监察|信访|投诉|案件|案子)(?:的时间|那次|那宗|那件|那起)?(?:其实|实际上?)?"
    r"(?:不是|并不是|不在)[^,，。;；]{1,10}?(?:的)?[,，]\s*(?:而|其实|实际上?)?(?:是|在)"
    r"(?P<now>[^,，。;；]{1,14})"
)


def qualifying_conditions(text: str) -> list[Fact]:
    facts: list[Fact] = []
    agency = bool(_AGENCY_SPEAKING.search(text))
    plain = unnegated(text)  # for the negations before a condition
    for value, pattern in _QUALIFYING:
        for m in pattern.finditer(text):
            before = plain[max(0, m.start() - 12) : m.start()]
            # 「没有发生劳动信访、监察、仲裁案件」: the negation before the list covers each kind
            listed = _CASE_LIST_BEFORE.search(text[: m.start()]) if value == "labour_case" else None
            head = listed.start() if listed else m.start()
            negated = (
                _negated(text, head, window=10)
                or bool(
                    re.search(
                        r"(没有|没|未|无|从没|从未)[^,，。;；]{0,8}$",
                        plain[max(0, head - 12) : head],
                    )
                )
                or bool(re.search(r"(没有|没|未|无|从没|从未)[^,，。;；]{0,8}$", before))
                # 「也不是区里的重点企业」: 不是 a few words before the condition
                # (「也不是区里说的产业导向重点企业」: up to ten words between)
                or bool(re.search(r"(?:不是|不属于|并非|不算)[^,，。;；是]{0,10}$", before))
                # 「也不是科技型或者什么重点企业」: the 不是 covers each item of the list
                or bool(
                    re.search(
                        r"(?:不是|不属于|并非|不算)[^,，。;；是]{0,12}?(?:或者?|和|及|、)[^,，。;；是]{0,6}$",
                        before,
                    )
                )
                # 「去年0投诉0仲裁」: none of that kind
                or bool(_ZERO_BEFORE.search(plain[max(0, head - 5) : head]))
                or value == "labour_case"
                and bool(re.search(rf"{N}\s*(?:起|件|宗|个)$", before))
                and bool(_NONE_HAPPENED_AFTER.match(text[m.end() :]))
                # 「劳动信访、监察、仲裁都没有」: the list ends in none having happened
                or value == "labour_case"
                and bool(_NONE_HAPPENED_AFTER.match(_OTHER_CASE_KINDS.sub("", text[m.end() :], 1)))
            )
            if value == "labour_case" and re.search(
                r"(协调|调解)$", text[max(0, m.start() - 2) : m.start()]
            ):
                continue
            if value == "labour_case" and (
                agency
                or not negated
                and not _CASE_HAPPENED.search(_clause(text, m.start(), m.end()))
            ):
                continue
            # 「不知道算不算重点企业」「科技型中小企业：申报了，有没有入库我不清楚」: neither
            # the kinds listed after this one (「信访、监察、仲裁案件：没有」), then what follows
            tail = (
                _OTHER_CASE_KINDS.sub("", text[m.end() :], 1)
                if value == "labour_case"
                else text[m.end() :]
            )
            unsure = bool(
                _UNSURE_BEFORE.search(before)
                or _UNSURE_BEFORE.search(text[max(0, head - 12) : head])
                or _UNSURE_AFTER.search(_rest_of_item(tail))
            )
            # 「案件：没有」 in a list of facts; 「科技型中小企业也不是」 denied after it
            negated = (
                negated
                or bool(_NO_AFTER_COLON.match(tail))
                or bool(_DENIED_AFTER.match(text, m.end()))
            )
            asked = re.match(r"[吗呢么]?[?？]+", tail)
            if asked and not unsure:
                # 「重点企业？我们不是」 answers its own question; 「是重点企业吗？」 only asks
                answer = _rest_of_item(tail[asked.end() :])
                if _DENIED_ANSWER.match(answer):
                    negated = True
                elif not _AFFIRMED_ANSWER.match(answer):
                    continue
            if m.group(0) in ("劳动纠纷", "纠纷") and not negated:
                continue  # a 纠纷 need not be a 信访、监察 or 仲裁 case; 「没有任何劳动纠纷」 is none
            prefix = "unknown_" if unsure else "no_" if negated else ""
            facts.append(Fact("qualifying_condition", prefix + value, m.start(), m.end()))
    # 「是今年才入库的，去年没入」: not an 上一年度已入库 科技型中小企业 (入库 is said only of it)
    late = _NOT_IN_LIBRARY_LAST_YEAR.search(text)
    if late:  # 「是科技型中小企业，前年入的库，去年没入」: not last year's entry
        facts = [replace(f, value="no_tech_sme") if f.value == "tech_sme" else f for f in facts]
    if late and not any(f.value.endswith("tech_sme") for f in facts):
        facts.append(Fact("qualifying_condition", "no_tech_sme", late.start(), late.end()))
    # 「去年没案子，没入库，不是重点企业」: 没入库 alone denies the library (科技型中小企业)
    unlisted = _NOT_IN_LIBRARY.search(text)
    if unlisted and not any(f.value.endswith("tech_sme") for f in facts):
        facts.append(Fact("qualifying_condition", "no_tech_sme", unlisted.start(), unlisted.end()))
    # 「仲裁不是前年，是去年10月份的」: the case, in the year the correction gives
    for moved in _CASE_YEAR_CORRECTED.finditer(text):
        facts = [f for f in facts if not moved.start() <= f.start < moved.end()]
        facts.append(Fact("qualifying_condition", "labour_case", moved.start("now"), moved.end()))
    # 「去年有劳动监察的案子。啊不对，是前年的，去年没有」: the word after the correction stands
    corrected = _CORRECTED_TO_NONE.search(text)
    if corrected:
        facts = [
            replace(f, value="no_labour_case")
            if f.value == "labour_case" and f.start < corrected.start()
            else f
            for f in facts
        ]
    none = _NO_CASE_AT_ALL.search(text)
    if none and _CASE_WORD.search(text) and not any(f.value.endswith("labour_case") for f in facts):
        facts.append(Fact("qualifying_condition", "no_labour_case", none.start(), none.end()))
    # 「今年3月有个员工投诉到劳动监察…，前年和去年都没有过这种事」: last year none of the case
    # just told of, which is of another year
    like = _NONE_OF_THAT_LAST_YEAR.search(text)
    if like and _CASE_WORD.search(text[: like.start()]):
        facts = [f for f in facts if f.value != "labour_case" or f.start > like.start()]
        facts.append(Fact("qualifying_condition", "no_labour_case", like.start(), like.end()))
    # 「也不是科技型中小企业和重点企业」: the negation before a list covers each condition in it
    ordered = sorted(facts, key=lambda f: f.start)
    for k in range(1, len(ordered)):
        previous, current = ordered[k - 1], ordered[k]
        joined = text[previous.end : current.start]
        if (
            previous.value.startswith("no_")
            and not current.value.startswith(("no_", "unknown_"))
            and re.fullmatch(r"[、和及与或]|或者|以及", joined)
        ):
            ordered[k] = replace(current, value="no_" + current.value)
    return ordered


# (a year given in figures is dated by dated_conditions, against the day of the conversation)
_NOT_IN_LIBRARY_LAST_YEAR = re.compile(
    r"(?:去年|上一?年|上年度)(?:还|都|也)?(?:没有?|未)(?:入库|入)|今年(?:才|先|刚)入库"
)
_CORRECTED_TO_NONE = re.compile(
    r"(?:不对|说错了?|搞错了?|记错了?|更正|纠正)[^。;；]{0,16}?(?:去年|上一?年|上年度|2022年)"
    r"(?:一整年|全年|整年|一年)?(?:都|也|一件都|一起都)?(?:没有|没)(?!入库)"
)
# The case kinds listed before one (「信访、监察、」 before 仲裁)
_CASE_LIST_BEFORE = re.compile(
    r"(?:(?:劳动)?(?:信访|监察|仲裁)(?:案件|案子)?\s*(?:[、,，和及与或/]\s*)?)+$"
)
# 「不知道算不算重点企业」「是不是科技型中小企业不清楚」 (before the condition)
_UNSURE_BEFORE = re.compile(
    r"(?:不知道|不清楚|不确定|不晓得|说不准|搞不清)[^,，。;；]{0,4}$"
    r"|(?:算不算|是不是|属不属于|是否|有没有|有无)$"
)
_CASE_WORD = re.compile(r"信访|监察|仲裁|案件|案子")
_UNSURE_AFTER = re.compile(
    UNKNOWN_WORDS
    # 「…我得问下人事」「要查一下」: the speaker does not know yet
    + r"|(?:得|要|需要|再)(?:去)?(?:问|查|核实|确认)"
)
_DENIED_AFTER = re.compile(
    r"(?:应该|可能|好像|估计|大概)?(?:也|都|并|还)?(?:不是|不算|不属于|没有?(?:进|入)(?:过|了)?库|未入库"
    # 「科技型没有，重点企业也没有」: none of that kind, the reply ending there
    r"|没有|没)"
    r"(?=$|[,，。;；!！?？的啊呢吧])"
)
_NO_AFTER_COLON = re.compile(
    r"[^,，。;；:：]{0,4}[:：]\s*(?:都)?(?:没有|无|否|没|不是|[0０零〇](?![0-9.])\s*(?:次|件|起|宗|个)?)"
)


_ZERO_BEFORE = re.compile(r"(?:^|[^\d.])(?:0|零)\s*(?:个|件|起|宗|次)?(?:劳动)?$")
_ANSWER_SUBJECT = r"(?:我们|我司|公司|企业|厂里?)?(?:应该|可能|好像|估计|大概)?(?:也|都|并|还)?"
_DENIED_ANSWER = re.compile(_ANSWER_SUBJECT + r"(?:不是|不算|不属于|没有|没|不)")
_AFFIRMED_ANSWER = re.compile(_ANSWER_SUBJECT + r"(?:是|算|属于|有)")


def _rest_of_item(tail: str) -> str:
    """What follows a fact in its own item: in a list (「科技型中小企业：申报了，有没有入库我
    不清楚」) up to the next 「X：」 or 。; after a question mark (「重点企业？不清楚，没听说过」)
    the clause that answers it; otherwise up to the end of its clause."""
    asked = re.match(r"[吗呢]?[?？]+", tail)
    if asked:
        return _rest_of_item(tail[asked.end() :])
    if re.match(r"[^,，。;；:：]{0,6}[:：]", tail):
        end = re.search(r"[。;；]|[,，][^,，。;；]{1,8}[:：]", tail)
    else:
        end = re.search(r"[,，。;；!！?？]", tail)
    return tail[: end.start()] if end else tail


# 「去年一件都没有」 after a case was named in the message (「那个仲裁是2021年的，去年一件都没有」)
_NONE_OF_THAT_LAST_YEAR = re.compile(
    r"(?:去年|上一?年|上年度|2022年)[^,，。;；]{0,6}?(?:都|也|倒)?(?:没有|没|未)(?:有|发生|出)?(?:过)?"
    r"(?:这种|这类|这样的?|类似的?|那种)(?:事|事情|情况|案子|问题)"
)
_NO_CASE_AT_ALL = re.compile(
    r"(?:去年|上一?年|上年度)[^,，。;；]{0,4}"
    r"[一1]\s*(?:件|起|宗)[^,，。;；]{0,6}" + NOTHING_HAPPENED
)


# ---------------------------------------------------------------- operating status (第九条、第十三条)
_STATUS = [
    ("abnormal_words", re.compile(r"(?:经营|生产|运营|营运)(?:不正常|不太正常|异常)")),
    (
        "normal",
        re.compile(
            r"正常(?:经营|生产|运营|营运|营业|开工)"
            r"|(?:经营|生产|运营|营运|运作|运转)(?:情况|状况)?[:：]?\s*(?:都|一直|还|也)?(?:很|挺|蛮|非常|十分|完全)?正常"
            # 「没停，正常开着」: open for business
            r"|正常开着|(?:一直|都|还)(?:正常)?开着|正常营业中|正常(?:运转|运作|运营中)"
            # 「…，40人，正常，不是派遣…」「4 40人5正常6…」: 正常 as a clause or a numbered
            # item of its own among the facts
            r"|(?:^|(?<=[,，])|(?<=[^\d.]\d)|(?<=^\d)|(?<=[,，][A-Ea-e])|(?<=^[A-Ea-e]))"
            r"(?:一切|都|也)?正常(?:的)?(?=[,，。;；\d]|$)"
            r"|(?:经营|生产|运营|营运)(?:一切|都|一直|还|也|是)+正常"
            r"|(?:开工|营业|运转|生意)(?:一切|都|一直|也|还)?(?:很|挺|蛮|非常|十分|完全)?正常"
            r"|照常(?:生产|经营|营业|开工|运营|运转|上班)"
            r"|(?:生意|一切|店里|厂里)(?:都|也)?照常"  # 「现在生意照常」
            r"|订单(?:一直|都|也)?正常|正常(?:在做|出货|接单)"
            # 「生意还行」「生意还可以」: trading as usual
            r"|生意(?:都|也|一直)?(?:还|挺|蛮|很|都)?(?:行|可以|不错|好|过得去)(?![吗么嘛])"
        ),
    ),
    (
        "stayed",
        re.compile(
            r"(?:没|没有|未|并没有?)(?:搬|迁|挪|动)(?:走|过|家|窝)?(?!到|去|出|迁|静)"
            r"|(?:还|仍|仍然|依然|一直)在坪山(?:区)?(?![外以])"  # 「企业正常经营，还在坪山」
        ),
    ),
    # 「停了，没开工」: not working is stopped (the negation is the word itself, not of it)
    (
        "suspended",
        re.compile(r"停业|停产|歇业|关门|停工|暂停营业|(?<![不])没(?:有)?开工(?!前|之前)"),
    ),
    ("deregistered", re.compile(r"注销|倒闭|黄了|破产|吊销")),
    (
        "relocated",
        re.compile(
            r"(?:搬迁|搬走|搬出|迁出|搬离|迁离|搬到|迁到|迁走|搬去|搬完|搬过去|搬家)(?:了)?(?:出)?(?:坪山区?)?"
            # 「坪山这边没经营了」: it no longer operates in 坪山区
            r"|坪山区?(?:这边|那边|这里)?(?:已经|现在)?(?:没有?|不再)(?:经营|生产|营业|办公)了?"
        ),
    ),
]


_OTHER_FIRMS_STATUS = re.compile(
    r"(?:了)?的(?:是|那家是)(?:我们)?(?:隔壁|旁边|对面|别人|别的|另一|人家|那家|客户)"
)


def _where_moved(text: str, start: int, said: str) -> str:
    """第十三条 counts moving *out of* 坪山区: ``relocated`` (搬出坪山, 搬到惠州), ``moved_within``
    (搬到坪山龙田), or ``moved`` when the message does not say where (「公司最近搬迁了」)."""
    if re.match(r"(?:搬迁|迁移|搬家)?(?:搬出|迁出|搬离|迁离|搬走|迁走|出|离开)", said) or re.search(
        r"没|不再|出坪山", said
    ):
        return "relocated"
    if re.match(r"\s*(?:出|离开|离)", text[start + len(said) :]):
        return "relocated"  # 「搬迁出坪山」: out of the place named after it
    near = [p for p in find_places(text) if start < p.start <= start + len(said) + 3]
    if not near:
        return "moved"
    return "moved_within" if near[0].in_pingshan else "relocated"


# 「没有停业注销」「没停业、注销」: a negated exit event just before another of the list
_NEGATED_EVENT_BEFORE = re.compile(
    r"(?:没有|没|未|无|不曾)(?:过)?"
    r"(?:(?:停业|停产|歇业|关门|注销|搬迁|搬走|迁走|搬家)(?:过)?(?:[、,，和或及/]|或者)?)+$"
)


def operating_statuses(text: str) -> list[Fact]:
    facts: list[Fact] = []
    for place in find_places(text):  # 「厂已经搬东莞了」: 搬 right before a place
        if (
            place.start
            and text[place.start - 1] in "搬迁"
            and not _STATUS[-1][1].match(text, max(0, place.start - 2))
        ):
            value = "moved_within" if place.in_pingshan else "relocated"
            facts.append(Fact("operating_status", value, place.start - 1, place.end))
    for value, pattern in _STATUS:
        for m in pattern.finditer(text):
            if value == "abnormal_words":
                # 从来没有经营异常 states normal operation (第九条), not the opposite
                negated = _negated(text, m.start(), window=4) or bool(
                    re.search(
                        r"(没有|没|未|从未|从没)(被)?(列入|列进|纳入|进)?(过)?$",
                        text[max(0, m.start() - 8) : m.start()],
                    )
                )
                status = "normal" if negated else "abnormal"
                facts.append(Fact("operating_status", status, m.start(), m.end()))
                continue
            if any(f.start <= m.start() < f.end for f in facts):
                continue
            if _OTHER_FIRMS_STATUS.match(text, m.end()):
                continue  # 「停产的是我们隔壁那家」: another firm's
            negated = _negated(text, m.start(), window=4) or bool(
                re.match(r"(不|不太)正常", text[m.start() - 2 : m.end()] if m.start() >= 2 else "")
            )
            if value == "normal" and re.search(
                r"不正常|不太正常", _clause(text, m.start(), m.end())
            ):
                negated = True
            if value in ("suspended", "deregistered") and _NEGATED_EVENT_BEFORE.search(
                text[max(0, m.start() - 16) : m.start()]
            ):
                negated = True  # 「没有停业注销」: the negation before the first covers the next
            if negated and value in ("suspended", "deregistered"):
                # 「没停业没注销」: still in business (第十三条 asks whether it stopped)
                facts.append(Fact("operating_status", "normal", m.start(), m.end()))
                continue
            if negated and value == "relocated":
                # 「没搬走」: it stays where it is
                facts.append(Fact("operating_status", "stayed", m.start(), m.end()))
                continue
            if negated and value != "normal":
                continue  # 没有关门 says nothing decisive
            status = value
            if value == "relocated":
                status = _where_moved(text, m.start(), m.group(0))
                if re.search(
                    r"注册(?:地址|地|的地址)?[^,，。;；]{0,6}$",
                    text[max(0, m.start() - 10) : m.start()],
                ):
                    # 「注册地址迁到龙岗」 moves the registration, not the business; 「注册地址从
                    # 坪山街道迁到坑梓街道」 says the firm stays in 坪山 (no 搬迁出坪山区)
                    if status != "moved_within":
                        continue
                    status = "stayed"
            facts.append(
                Fact("operating_status", "abnormal" if negated else status, m.start(), m.end())
            )
    if any(f.value in ("moved_within", "relocated") for f in facts):
        # 「是搬到坪山的石井街道…搬完以后还算吗」: the move said again without its place is the
        # one whose place was said
        facts = [f for f in facts if f.value != "moved"]
    return facts


# ---------------------------------------------------------------- dates (第十七条、第十九条)
_YEAR = r"(?P<y>\d{4}|[零〇一二三四五六七八九]{4})"
# 「9月底」「2023年9月末」: the month's last day
_DAY = rf"(?:\s*(?P<d>{N})\s*(?:日|号)|(?P<end>底|末))"
_DATE_PATTERNS = [
    re.compile(_YEAR + rf"\s*年\s*(?P<m>{N})\s*月{_DAY}?"),
    re.compile(rf"(?<![0-9])(?P<y>[12][0-9])\s*年\s*(?P<m>{N})\s*月{_DAY}?"),
    re.compile(r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})(?:[-/.](?P<d>\d{1,2}))?"),
]


def _day_of(m: re.Match[str], year: int | None) -> int | None:
    """The day a date match names: its day, the last day of its month for 「月底」, or None."""
    if m.group("d"):
        return to_int(m.group("d"))
    month = to_int(m.group("m"))
    if not m.groupdict().get("end") or year is None or month is None or not 1 <= month <= 12:
        return None
    year = year + 2000 if year < 100 else year
    return calendar.monthrange(year, month)[1] if 2000 <= year <= 2100 else None


def iso_date(year: int | None, month: int | None, day: int | None) -> str | None:
    """2021, 5, 10 → ``2021-05-10``; without a day ``2021-05``; 21 → 2021; None if impossible."""
    if year is not None and year < 100:
        year += 2000  # 「21年6月」
    if year is None or month is None or not 2000 <= year <= 2100 or not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


# 「今年5月份公司已经注销了」: the date of an event of 第十三条, not of a signing
# (「补贴从2022年4月1日起停发」: the day the subsidy stopped, the service's end for 第二十三条)
_EVENT_WORDS = re.compile(
    r"注销|停业|停产|歇业|倒闭|搬|迁|关门|破产|最后一天|停发|停止发放|停止服务|终止服务"
)
_SIGNING_WORDS = re.compile(r"签|托管|协议|合同|开始服务|首次")


# 「2022年4月1日起我们因为第十一条的情形不再是托管服务机构了」: the agency's exit (第十一条)
# ends the service too
_AGENCY_ENDED = re.compile(
    r"不再(?:是|作为|担任|当)(?:托管)?服务机构|取消(?:了)?(?:我们的?)?(?:托管)?(?:服务)?机构(?:的)?资格"
    r"|退出(?:了)?(?:托管)?服务机构"
)


def _event_date(text: str, start: int, end: int) -> bool:
    clause = _clause(text, start, end)
    if _AGENCY_ENDED.search(clause):
        return True
    return bool(_EVENT_WORDS.search(clause)) and not _SIGNING_WORDS.search(clause)


# the role of the day a 第十三条 event ended the service (「2021年12月1日注销」), against which the
# months served in its last year are counted (第二十三条)
SERVICE_ENDED = "service_ended"


# the role of a date said to be the first signing (「第一次签约是2021年11月」)
FIRST_SIGNING = "first_signing"

# the role of the dates bounding a period (「2022年7月到2023年6月」): a service year, no signing
PERIOD = "period"
_RANGE_AFTER = re.compile(r"\s*(?:到|至|~|～|-|—|－)\s*(?:\d{2,4}\s*年|\d{1,2}\s*月)")
_RANGE_BEFORE = re.compile(r"(?:到|至|~|～|-|—|－)\s*$")
_OF_A_PERIOD_BEFORE = re.compile(
    r"(?:第\s*[一二三四五1-5]\s*(?:个)?(?:服务)?年(?:度)?(?:的)?(?:服务期)?|现在|目前|今天|截至|截止到?"
    # 「第二年服务满9个月的时候（今年5月）」: when a point of the service was reached
    r"|的时候|满\s*\d{1,2}\s*个月时)"
    r"\s*[（(]\s*$"
)
_STARTS_A_YEAR_AFTER = re.compile(
    r"(?:份)?\s*(?:起|开始)?(?:就|将|会|即将|才)?(?:要)?(?:进入|开始|到|满|算)(?:了)?第\s*[一二三四1-4]\s*(?:个)?(?:服务)?年"
)
# the role of a renewal's date (「2022年8月续签了一次」): no first signing, no start of the service
RENEWAL = "renewal"
_RENEWED = re.compile(r"续签|续约|再签|重新签")


def _date_role(text: str, start: int, end: int) -> str | None:
    if _event_date(text, start, end):
        return SERVICE_ENDED
    if _RANGE_AFTER.match(text, end) or _RANGE_BEFORE.search(text[max(0, start - 3) : start]):
        return PERIOD  # 「现在是第二年的服务期（2022年7月到2023年6月）」
    if _STARTS_A_YEAR_AFTER.match(text, end):
        return PERIOD  # 「今年11月就进入第三年了」: when a service year begins, no signing
    if _OF_A_PERIOD_BEFORE.search(text[max(0, start - 12) : start]):
        return PERIOD  # 「第二年（2023年6月起）」「按现在（2023年6月）」: no signing
    return RENEWAL if _RENEWED.search(_clause(text, start, end)) else None


def dates(text: str) -> list[Fact]:
    facts: list[Fact] = []
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            year = to_int(m.group("y"))
            value = iso_date(year, to_int(m.group("m")), _day_of(m, year))
            if value is None or any(f.start <= m.start() < f.end for f in facts):
                continue
            role = _date_role(text, m.start(), m.end())
            facts.append(Fact("date", value, m.start(), m.end(), role))
    # 「2022年11月那份是续签的。我们第一次签约是2021年11月」: the first signing named as such
    for i, fact in enumerate(facts):
        # a date followed by 首签 is the first signing when it is the message's only date (of
        # several, a later one may correct it: 「2022年8月首签…哦不对，是2021年8月签的」)
        alone = len(facts) == 1 and _FIRST_SIGNING_AFTER.match(text, fact.end)
        if alone or _FIRST_SIGNING_BEFORE.search(text[max(0, fact.start - 8) : fact.start]):
            facts[i] = replace(fact, role=FIRST_SIGNING)
    # 「22年」 alone, in reply to when: the year of 20xx
    short = _SHORT_YEAR.match(text.strip())
    if short and not facts:
        facts.append(Fact("date", f"20{short.group('y')}", 0, len(text)))
    # 「首次签约是2021年」: a year alone, said of a signing (the subsidy base needs only the year)
    for m in _YEAR_ONLY.finditer(text):
        year = to_int(m.group("y") or m.group("y2"))
        if year is not None and year < 100:
            year += 2000
        signed = _SIGNED.search(_clause(text, m.start(), m.end()))
        if year is None or not signed or any(f.start <= m.start() < f.end for f in facts):
            continue
        facts.append(Fact("date", f"{year:04d}", m.start(), m.end()))
    return facts


# 「去年8月首次签的约」「今年3月签的」: a month in a year said relative to today
_RELATIVE_YEARS = {"前年": -2, "去年": -1, "上一年": -1, "上年": -1, "今年": 0, "本年": 0}
_RELATIVE_DATE = re.compile(
    rf"(?P<rel>前年|去年|上一年|上年|今年|本年)(?:的)?\s*(?P<m>{N})\s*(?:月份|月)"
    rf"(?:\s*(?P<d>{N})\s*(?:日|号))?"
)


def relative_dates(text: str, today: date, known: list[Fact]) -> list[Fact]:
    """「去年8月」 on 2023-06-01 → ``2022-08``: the dates whose year is said relative to ``today``,
    where no other date was read at the same place."""
    facts: list[Fact] = []
    for m in _RELATIVE_DATE.finditer(text):
        year = today.year + _RELATIVE_YEARS[m.group("rel")]
        day = to_int(m.group("d")) if m.group("d") else None
        value = iso_date(year, to_int(m.group("m")), day)
        if value is None or any(f.start <= m.start() < f.end for f in known):
            continue
        facts.append(Fact("date", value, m.start(), m.end(), _date_role(text, m.start(), m.end())))
    # 「5月3号签的」: a month and day with no year is this year's (the last such day up to today)
    for m in _MONTH_DAY.finditer(text):
        taken = any(f.start <= m.start() < f.end for f in [*known, *facts])
        if taken or _TODAY_BEFORE.search(text[max(0, m.start() - 3) : m.start()]):
            continue  # 「今天6月1号」 is today, said to count from
        month = to_int(m.group("m"))
        value = iso_date(today.year, month, _day_of(m, today.year))
        if value is None:
            continue
        if value > today.isoformat() and not _AHEAD.search(_clause(text, m.start(), m.end())):
            # a day not yet come this year is last year's, unless said of what is ahead
            # (「如果它7月1日搬去东莞」「下个月…7月1日注销」)
            value = iso_date(today.year - 1, month, _day_of(m, today.year - 1))
        role = _date_role(text, m.start(), m.end())
        signed = [f.value for f in known if f.entity == "date" and f.role in (None, FIRST_SIGNING)]
        if value is not None and role == SERVICE_ENDED and signed and value < min(signed):
            # 「1. 2023年1月首次签约 2. 9月底注销」: a service ends after it began, so the end's
            # year is the signing's (or the next, for a month before the signing's)
            year = int(min(signed)[:4])
            value = iso_date(year, month, _day_of(m, year))
            if value is not None and value < min(signed):
                value = iso_date(year + 1, month, _day_of(m, year + 1))
        if value is not None:
            facts.append(Fact("date", value, m.start(), m.end(), role))
    # 「去年签的托管」: a year alone, said relative to today, of a signing
    for m in _RELATIVE_YEAR_ONLY.finditer(text):
        taken = any(f.start <= m.start() < f.end for f in [*known, *facts])
        clause = _clause(text, m.start(), m.end())
        if taken or not _SIGNED.search(clause):
            continue
        if _AGENCY_ENDED.search(clause[clause.find(m.group("rel")) :]):
            # 「我们签的托管机构今年被取消托管服务机构资格了」: the year of the agency's exit
            continue
        year = today.year + _RELATIVE_YEARS[m.group("rel")]
        facts.append(Fact("date", f"{year:04d}", m.start(), m.end()))
    return facts


_FIRST_SIGNING_BEFORE = re.compile(
    r"(?:第一次|首次|最早|最初|头一次)(?:签约|签的|签|签订|签协议)(?:的)?(?:时间|日期)?(?:是|在|为|于)?$|首签(?:是|在|为|于)?$"
    # 「…不是托管。真正开始托管是2021年5月10日」: the start meant, against another date said
    r"|(?:真正|实际上?|其实)(?:开始)?(?:接受)?(?:托管|签约|签托管)(?:服务)?(?:的时间|日期)?(?:是|在|为|于|从)$"
)
# 「2022年2月首次签了一家企业」「2021年5月第一次签的」: the date of a first signing, said first
_FIRST_SIGNING_AFTER = re.compile(r"\s*(?:的时候|时)?(?:首次|第一次|头一次|首)签")
_SHORT_YEAR = re.compile(r"^(?:是|在)?(?:20)?(?P<y>[0-4]\d)\s*年(?:的|签的|签约的|首签)?[。.!！]?$")
_MONTH_DAY = re.compile(rf"(?<![0-9年])(?P<m>{N})\s*月{_DAY}")
_TODAY_BEFORE = re.compile(r"今天|今日|现在")
_AHEAD = re.compile(r"如果|假如|要是|万一|打算|准备|计划|将要|即将|下个月|下月|下周|到时候|预计")
_RELATIVE_YEAR_ONLY = re.compile(
    r"(?P<rel>前年|去年|上一年|上年|今年|本年)(?!度|\s*的?\s*[0-9零〇一二三四五六七八九十]+\s*月)"
)
_YEAR_ONLY = re.compile(
    # 「22年首次签的」: two figures are 20xx, unless they count years (「签了20年」「满20年」)
    r"(?P<y>(?:19|20)\d{2}|(?<![0-9第满近了签])2[0-9])"
    r"\s*年(?!\s*(?:度|多|[0-9零〇一二三四五六七八九十]+\s*月))"
    # 「2023签的」: a year typed without 年, right before the signing
    r"|(?<![0-9])(?P<y2>20[12][0-9])(?=\s*(?:首签|首次签|签的|签约|签了|年底签|开始托管))"
)
# a year said of the signing or of the start of the service (「2022年开始托管的」)
_SIGNED = re.compile(r"签|开始托管|托管的|接受托管")


# ---------------------------------------------------------------- periods (第十三条、十九条、二十三条)
CURRENT_YEAR = "current"
_CURRENT_YEAR = re.compile(
    r"(?:现在|目前|当前|眼下)(?:这个|这一|所在的?|的|是)?(?:服务)?(?:年度|第几年)"
    r"|(?:这个|这一|本)服务年度|今年(?:这个|这一)?服务年度"
)


# 「这一年和下一年」「今年和下一个服务年度」: the year the service is in and the one after
SEVERAL_YEARS = "all"  # the slot's value for several years (ALL_YEARS, bot/assistant/vocabulary.py)
_THIS_AND_NEXT = re.compile(
    r"(?:这一?年|这个服务年度|本服务年度|今年|本年|当前(?:这一?年)?|现在(?:这一?年)?)"
    r"(?:和|跟|与|及|、|以及)(?:下一|下个|下一个)(?:服务)?年(?!度)"
)


_OWED_BEFORE = re.compile(r"(?:拖欠|欠|拖|扣|压)(?:了)?(?:我|我们|员工|工人)?(?:的)?$")
_STOPPED_FOR = re.compile(r"(?:停业|停产|歇业|停工|关门|停了|没开工)(?:了|有|快|已经|都)*$")


def periods(text: str) -> list[Fact]:
    facts: list[Fact] = []
    for m in re.finditer(rf"第\s*(?P<n>{N})\s*(?:个)?\s*(?:服务)?年", text):
        n = to_int(m.group("n"))
        if n is not None and 1 <= n <= 20:
            facts.append(Fact("service_year", str(n), m.start(), m.end()))
    for m in re.finditer(r"(?:头一|首)年", text):
        facts.append(Fact("service_year", "1", m.start(), m.end()))
    for m in _CURRENT_YEAR.finditer(text):  # 「按现在这个服务年度算」: the year the service is in
        facts.append(Fact("service_year", CURRENT_YEAR, m.start(), m.end()))
    for m in _THIS_AND_NEXT.finditer(text):  # 「这一年和下一年的补贴上限各是多少」: several years
        facts.append(Fact("service_year", SEVERAL_YEARS, m.start(), m.end()))
    for m in re.finditer(rf"(?P<n>{N})\s*个\s*(?:多)?\s*月|(?P<half>半年)", text):
        if _OWED_BEFORE.search(text, max(0, m.start() - 6), m.start()):
            continue  # 「拖欠了我两个月工资」: wages owed, no months of service
        if _STOPPED_FOR.search(text, max(0, m.start() - 6), m.start()):
            continue  # 「已停业半年」「停产三个月了」: how long it has stood still, no service
        if m.group("half"):
            facts.append(Fact("months", "6", m.start(), m.end()))
            continue
        n = to_int(m.group("n"))
        if n is not None and 0 <= n <= 120:
            facts.append(Fact("months", str(n), m.start(), m.end()))
    for m in re.finditer(rf"(?:满|届满|托管了|服务了|做了|已经)\s*(?P<n>{N})\s*(?:整)?年", text):
        n = to_int(m.group("n"))
        if n is None or not 0 <= n <= 50:
            continue
        if _NOT_YET.search(text[max(0, m.start() - 3) : m.start() + 1]):
            # 「签约也没满三年」「还不到三年」: less than that, not that many
            facts.append(Fact("years", f"under:{n}", m.start(), m.end()))
            continue
        if _SUPPOSING.search(_clause(text, m.start(), m.end())[:12]) or re.match(
            r"(?:了)?(?:以后|之后|后)", text[m.end() :]
        ):
            # 「满三年以后还算托管对象吗」: asked of the time after three years, not said to be over
            # 「如果托管满三年了，还算服务对象吗」: asked of that case, not said to have happened
            facts.append(Fact("years", f"{SUPPOSED}{n}", m.start(), m.end()))
            continue
        facts.append(Fact("years", str(n), m.start(), m.end()))
    for m in _IN_CUSTODY_NOW.finditer(text):
        # 「我们公司正在接受托管」「託管緊」: the service is running, so its three years
        # (第十三条第（一）项) are not over yet
        if not any(f.entity == "years" for f in facts):
            facts.append(Fact("years", "under:3", m.start(), m.end()))
    for m in re.finditer(rf"(?:不到|没到|未到|还没到)\s*(?P<n>{N})\s*(?:整)?年", text):
        n = to_int(m.group("n"))
        if n is not None and 0 < n <= 50 and not any(f.start <= m.start() < f.end for f in facts):
            facts.append(Fact("years", f"under:{n}", m.start(), m.end()))
    return facts


# 「如果满三年了」「假如托管满三年」: a case supposed, asked about (the ``if:`` years value)
SUPPOSED = "if:"
_SUPPOSING = re.compile(r"如果|假如|假设|假使|要是|万一|一旦|等到|若")
_IN_CUSTODY_NOW = re.compile(
    # not 「托管中遇到的问题」 (during custody, said of anyone)
    r"正在(?:接受)?托管|(?:我们|我司|公司|企业|厂)(?:现在|目前|还|正|仍)?(?:在)?托管(?:中|着|紧)"
    r"|(?:还在|仍在|在|处于)(?:托管)?(?:服务)?(?:期|期间|期限)内"
    r"|^(?:我们)?(?:是)?(?:被)?托管(?:的)?企业(?=[^。;；]{0,10}?(?:搬|迁))"
    r"|托管(?:服务)?期间(?=我们|公司|企业|厂)"
    r"|(?:我们|机构)(?:正在)?托管的(?:一家|这家|那家)?(?:企业|公司|客户|厂)"  # 「托管期间我们把厂…搬到坑梓街道了」
    r"|(?:我们|我司|公司|企业)(?:现在|目前)?(?:是|属于)托管(?:服务)?对象"
)
_NOT_YET = re.compile(r"(?:没|未|不|没有|还没|尚未)(?:满|届满)$|(?:没|未|不)满")


# ---------------------------------------------------------------- agency figures (第八条、第十一条)
def _percent_role(clause: str) -> str | None:
    if re.search(r"更换|换机构|换服务机构|要求换", clause):
        return "change_rate"
    if re.search(
        r"(企业|客户|服务对象|家)[^,，。]*(案件|案子|信访|监察|仲裁|投诉)|(案件|案子|信访|监察|仲裁)[^,，。]*(企业|客户|服务对象)",
        clause,
    ):
        return "client_case_rate"
    if re.search(r"发生率|案件率|案件发生|案子|信访|监察|仲裁", clause):
        return "own_case_rate"
    return None


_BELOW_BEFORE = re.compile(r"(?:不到|低于|少于|没到|未到|不足|不超过|没超过|小于)$")


def percents(text: str) -> list[Fact]:
    facts: list[Fact] = []
    for m in re.finditer(rf"(?P<n>{N})\s*%|百分之\s*(?P<p>{N})", text):
        value = to_decimal(m.group("n") or m.group("p"))
        if value is None:
            continue
        role = _percent_role(_clause(text, m.start(), m.end()))
        if _BELOW_BEFORE.search(text[max(0, m.start() - 6) : m.start()]):
            # 「按我们算案件发生率不到1%」 says the agency's own rate is below it; in a question
            # (「发生率不到1%就不会退出吗」) it names the threshold
            if role == "own_case_rate" and not asks_something(_clause(text, m.start(), m.end())):
                below = format(value.normalize(), "f")
                facts.append(Fact("percent", f"<{below}", m.start(), m.end(), role))
            continue
        facts.append(Fact("percent", format(value.normalize(), "f"), m.start(), m.end(), role))
    return facts


# 「一件仲裁都没有」「一起也没有」: no cases at all
NONE_AT_ALL = re.compile(r"[一1]\s*(?:件|起|宗)[^,，。;；]{0,24}" + NOTHING_HAPPENED)


# The words before a number that say what it counts (「有案件的企业4家」「要求更换的3家」).
_CHANGE_LEAD = re.compile(
    r"(?:更换|换机构|换服务机构|要求换|申请换|提出换|换掉)[^,，。;；]{0,8}[:：]?$"
)
_CASES_LEAD = re.compile(
    r"(?:案件|案子|信访|监察|仲裁|投诉|出事|出过事)(?:的|了)?(?:企业|客户|服务对象)?(?:有|是|共)?[:：]?$"
    # 「去年总共发生劳动案件6件，涉及的企业有5家」: the firms the cases fell in
    r"|(?:涉及|牵涉|分布在?)(?:到)?(?:的)?(?:企业|客户|服务对象)(?:有|是|共)?[:：]?$"
)


def _lead(text: str, start: int) -> str:
    """The clause before ``start``, from its last punctuation mark or number."""
    left = max((m.end() for m in CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    return re.split(rf"{N}", text[left:start])[-1]


_NONE_OF = (
    (
        "change_requests",
        re.compile(
            r"(?:没有|无|没)(?:一家)?(?:企业|服务对象|客户)?(?:要求|申请|提出)(?:更换|换)"
            r"|(?:没有|没|无)(?:人|企业|客户|一家)(?:要|想)(?:求)?(?:更换|换)"
            # 「要求换机构的也没有」: a reply naming the figure asked
            r"|(?:要求|申请|提出)?(?:更换|换)(?:服务)?机构的(?:企业|客户|服务对象)?"
            r"(?:也|都)?(?:没有|没|无|零)"
        ),
    ),
    (
        "clients_with_cases",
        re.compile(
            r"(?:没有|无|没)(?:一家)?(?:企业|服务对象|客户)(?:发生|出现|出)(?:过)?"
            r"(?:劳动)?(?:信访|监察|仲裁|案件|案子)"
            # 「托管了25家企业，这些企业2022年都没有发生劳动信访、监察、仲裁案件」
            r"|(?:这些|托管的|服务的|托管|服务|所有|全部)(?:企业|客户|服务对象)[^,，。;；]{0,8}?"
            r"(?:都|也)?(?:没有|没|无|未)"
            r"(?:发生|出现|出)?(?:过)?(?:任何)?(?:劳动)?(?:信访|监察|仲裁|案件|案子)"
            # 「出过案子的企业也没有」「客户里没有出过案件的」: a reply naming the figure asked
            r"|(?:出|发生|有)(?:过|了)?(?:劳动)?(?:案件|案子|仲裁|信访|监察)的(?:企业|客户|服务对象)?"
            r"(?:也|都)?(?:没有|没|无|零)(?![^,，。;；]{0,2}(?:要求|换))"
            r"|(?:企业|客户|服务对象)(?:里|中|当中)(?:也|都)?(?:没有|没)(?:出|发生)(?:过)?"
            r"(?:劳动)?(?:案件|案子|仲裁|信访|监察)"
        ),
    ),
)
_STAFF_IN_PEOPLE = re.compile(
    rf"(?:专职|持证)(?:人员|律师|服务人员)?(?:[:：]|有|共|只有)?\s*(?P<n>{N})\s*人(?!员)"
)
# 「机构自身全年零案件」「机构自己2022年没有案件」: none of its own (an agency speaking)
_NO_OWN_CASES = re.compile(
    r"(?:(?:机构)?(?:自身|自己|本身)|机构(?=[^,，。;；]{0,8}?零)(?![^,，。;；]{0,8}?(?:托管|服务|企业|客户)))"
    r"[^,，。;；]{0,8}?(?:零|0|〇|没有|无|没)(?:个|件)?(?:任何|发生)?(?:过)?"
    r"(?:劳动)?(?:信访、?|监察、?|仲裁)*案件"
)


# 「我们和托管的企业都没有案件」「机构自己跟客户去年都没出过案子」: none of its own, none of its clients'
_NONE_ON_EITHER_SIDE = re.compile(
    r"(?:(?:我们|机构|我们机构)(?:自己|自身|本身)?(?:和|跟|与|及)(?:我们)?(?:托管|服务)?的?"
    # 「我们机构和这30家企业都没有任何…案件」
    rf"(?:这|这些|那)?\s*(?:{N}\s*家)?(?:企业|客户|服务对象)"
    # 「托管企业和我们机构自己去年都没有信访、监察、仲裁案件」
    r"|(?:托管|服务)?的?(?:企业|客户|服务对象)(?:和|跟|与|及)(?:我们)?(?:机构)?(?:自己|自身|本身)?)"
    r"[^,，。;；]{0,4}?(?:都|也|均)(?:没有|没|无|未)(?:出|发生)?(?:过)?(?:任何)?(?:劳动)?"
    r"(?:(?:劳动)?(?:信访|监察|仲裁)[、,，和及]?)*(?:案件|案子)"
)


# 第八条 counts full-time staff *with* a certificate (人力资源管理、劳动关系协调、劳动争议调解、
# 法律职业资格…); a lawyer holds 法律职业资格 by being one
_CERTIFIED = re.compile(r"证|资格|律师")


_ONE_CERTIFIED = re.compile(
    r"(?:一个|一位|一名|1个|1名|1位|1人|一人)(?:人)?(?:是[^。;；]{0,8}?[,，]?)?"
    r"(?:有|持有|取得了?|拿到了?|考了|考出了?)[^,，。;；]{0,10}(?:证|资格)"
)
# 「另一个还没考出任何证书」「另一个是兼职的实习生，还没证」: the other is no certified full-time
_OTHERS_NOT_CERTIFIED = re.compile(
    r"(?:另一个|另外一个|另一位|另一名|其他|其余|别的|剩下的?)"
    r"(?:[^,，。;；]{0,8}(?:没有|没|未|还没|不)[^,，。;；]{0,8}(?:证|资格)|(?:是|也是)?兼职"
    # 「另一个还在考」「另一个在备考」: no certificate yet
    r"|(?:还|正|正在|仍|还正)(?:在)?(?:考|备考|准备考|报考|学))"
)


# 「服务企业数：60」「出劳动案件企业数：12」「要求换机构：0」「机构自身案件：0」: an agency's
# figures (第十一条) as the labelled lines of a form, without a unit after the figure
_LABELLED_COUNTS = [
    (
        "clients_with_cases",
        # 「出过劳动仲裁/监察/信访的企业：9」
        r"(?:出|发生|有)(?:过|了)?(?:劳动)?(?:案件|案子|仲裁|信访|监察)(?:[/、和及]?(?:仲裁|信访|监察))*"
        r"(?:的)?(?:企业|客户|服务对象)(?:数|数量)?",
    ),
    (
        "change_requests",
        r"(?:要求|申请|提出)?(?:更换|换)(?:服务)?机构(?:的)?(?:企业|客户)?(?:数|数量)?",
    ),
    (
        "cases",
        r"(?:机构|我们)(?:自身|自己|本身)?(?:的)?(?:劳动)?(?:案件|案子)(?:数|量|数量|总量|总数)?",
    ),
    # 「客户数\t40」 in an agency's table too
    ("clients", r"(?:(?:服务|托管)(?:的)?)?(?:企业|客户|服务对象|对象)(?:数|数量|总数)"),
]
_LABELLED_COUNT = re.compile(
    "(?:" + "|".join(f"(?P<{role}>{label})" for role, label in _LABELLED_COUNTS) + ")"
    rf"\s*[:：]\s*(?P<n>{N})(?![0-9.]|\s*%)"
)


def _labelled_counts(text: str, found: list[Fact]) -> list[Fact]:
    facts = []
    for m in _LABELLED_COUNT.finditer(text):
        n = to_int(m.group("n"))
        if n is None or any(f.start <= m.start("n") < f.end for f in found):
            continue
        role = next(r for r, _ in _LABELLED_COUNTS if m.group(r))
        facts.append(Fact("count", str(n), m.start(), m.end(), role))
    return facts


# 「其中两个有劳动关系协调员证，另外两个有人力资源管理师证」: certified staff in two groups
_SPLIT_CERTIFIED = re.compile(
    rf"(?:其中)?\s*(?P<a>{N})\s*(?:个|名|位|人)[^。;；,，]{{0,3}}?(?:有|持有|取得|拿到)[^,，。;；]{{0,12}}?证"
    rf"[,，、]\s*(?:另外|其他|剩下的?)?\s*(?P<b>{N})\s*(?:个|名|位|人)[^。;；]{{0,3}}?(?:也)?(?:有|持有|取得|拿到)"
    r"[^,，。;；]{0,12}?证"
)


# 「服务人员全是兼职」「我们的人都是兼职的」「没有专职人员」: no full-time staff at all (第八条)
_ALL_PART_TIME = re.compile(
    r"(?:服务人员|工作人员|人员|员工|我们的人|人)?(?:全是|全部是|都是|全都是|全部都是)兼职(?!的?(?:会计|律师))"
    r"|(?:没有|没|无)(?:一个|任何)?专职(?:的)?(?:服务)?(?:人员|员工|的)?(?![^,，。;；]{0,4}(?:有|持|拿)[^,，。;；]{0,6}证)"
)


def counts(text: str) -> list[Fact]:
    """Counts with their role; staff are ``staff`` (certified, 第八条) only where the message
    speaks of certificates, ``full_time_staff`` otherwise (「2名专职服务人员」 says nothing of
    certificates: it is not read as 2 certified)."""
    found = _counts(text)
    found += _labelled_counts(text, found)
    split = _SPLIT_CERTIFIED.search(text)
    if split and not any(f.role == "staff" for f in found):
        a, b = to_int(split.group("a")), to_int(split.group("b"))
        if a is not None and b is not None:
            found.append(Fact("count", str(a + b), split.start(), split.end(), "staff"))
    part_time = _ALL_PART_TIME.search(text)
    if part_time:
        # 「服务人员全是兼职的，有2个人有调解员证」: none full-time, so none certified full-time
        found = [f for f in found if f.role not in ("staff", "full_time_staff")]
        return [*found, Fact("count", "0", part_time.start(), part_time.end(), "staff")]
    one = _ONE_CERTIFIED.search(text)
    if one and _OTHERS_NOT_CERTIFIED.search(text):
        # 「两个专职，一个有法律职业资格证，另一个还没考出任何证书」: one holds a certificate
        if not any(f.role == "staff" for f in found):
            found.append(Fact("count", "1", one.start(), one.end(), "staff"))
        return [replace(f, value="1") if f.role == "staff" else f for f in found]
    if _CERTIFIED.search(text):
        return found
    return [replace(f, role="full_time_staff") if f.role == "staff" else f for f in found]


# 「机构自己没发生过任何劳动信访、监察、仲裁案件」: none of its own
_OWN_NONE = re.compile(
    r"机构(?:自己|自身|本身)[^,，。;；]{0,4}(?:没|没有|未|无)(?:发生过?|有过?|出过?)?(?:任何)?"
    r"[^,，。;；]{0,16}?(?:案件|案子)"
)
# a clause about the clients (「客户里发生过案件的只有4家、一共…」), not about the agency itself
_OF_CLIENTS_BEFORE = re.compile(
    r"^(?!.*(?:机构|我们)(?:自己|自身|本身))(?=.*(?:客户|服务对象|(?:托管|服务)的(?:企业|公司)))"
    rf".*{N}\s*家"
)


def _clause_before(text: str, start: int) -> str:
    """The text of the clause ``start`` is in, up to ``start`` (:func:`_clause`'s left part)."""
    left = max((m.end() for m in CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    return text[left:start]


_CASES_OF_CLIENTS = re.compile(rf"[^。;；]*?(?:集中|分布|分散|出|发生)在\s*{N}\s*家")
# 「被员工告了12次劳动仲裁」: cases counted by 次
_CASES_BY_TIMES = re.compile(
    rf"(?:告了?|被告|投诉了?|申请了?|发生了?|有过?)\s*(?P<n>{N})\s*次(?:劳动)?(?:仲裁|监察|信访|投诉|案件)"
)


_THE_REST_BEFORE = re.compile(r"(?:另外|其余|剩下|剩余|其他)(?:的)?(?:还有)?$")


_NEWLY_SIGNED_AFTER = re.compile(r"(?:企业)?(?:都)?是(?:今年|本年|今年才|新|刚)[^,，。;；]{0,6}?签")


def _counts(text: str) -> list[Fact]:
    facts: list[Fact] = []
    for m in _OWN_NONE.finditer(text):
        facts.append(Fact("count", "0", m.start(), m.end(), "cases"))
    for m in _CASES_BY_TIMES.finditer(text):
        n = to_int(m.group("n"))
        if n is not None:
            facts.append(Fact("count", str(n), m.start("n"), m.end(), "cases"))
    for m in _NO_OWN_CASES.finditer(text):
        facts.append(Fact("count", "0", m.start(), m.end(), "cases"))
    for m in _NONE_ON_EITHER_SIDE.finditer(text):  # 「我们和托管的企业都没有案件」: both none
        facts.append(Fact("count", "0", m.start(), m.end(), "cases"))
        facts.append(Fact("count", "0", m.start(), m.end(), "clients_with_cases"))
    for role, pattern in _NONE_OF:  # 「没有企业要求换机构」: a count of none
        for m in pattern.finditer(text):
            facts.append(Fact("count", "0", m.start(), m.end(), role))
    for m in _STAFF_IN_PEOPLE.finditer(text):  # 「专职2人」: 人 counts staff after 专职
        n = to_int(m.group("n"))
        if n is not None:
            facts.append(Fact("count", str(n), m.start("n"), m.end(), "staff"))
    for m in re.finditer(
        rf"(?P<n>{N})\s*(?P<unit>件|起|宗|家|个|名|位)(?=(?P<what>[^,，。;；]{{0,12}}))", text
    ):
        n = to_int(m.group("n"))
        if n is None:
            continue
        if m.group("unit") == "家" and _NEWLY_SIGNED_AFTER.match(text, m.end()):
            continue  # 「7家是今年新签约的」: firms of this year, not of the year asked about
        if m.group("unit") == "家" and any(
            z.start() <= m.start() < z.end() for z in _NONE_ON_EITHER_SIDE.finditer(text)
        ):
            # 「我们机构和这30家企业都没有…案件」: the firms served, none of which had a case
            facts.append(Fact("count", str(n), m.start(), m.end(), "clients"))
            continue
        if NONE_AT_ALL.match(text, m.start()):
            n = 0  # 「一件都没有」 is none, not one
        # what follows this number, up to the next number (「30家里有4家要求换」: 30家 → 「里有」)
        unit, after = (
            m.group("unit"),
            re.split(r"[0-9零〇一二两三四五六七八九]", m.group("what"))[0],
        )
        if unit == "个" and re.match(r"(多)?(月|星期|小时|工作日)", after):
            continue  # 「服务了八个月客户就停业了」: 8 months, not 8 clients
        if re.match(r"(?:事|问题|小事)", after):
            continue  # 「想问三件事」「两个问题」: matters asked about, not cases or clients
        if _THE_REST_BEFORE.search(text, max(0, m.start() - 4), m.start()):
            continue  # 「只有1家，另外4家是咨询过但没换」: the rest of a group, no count of its own
        if unit in ("件", "起", "宗") and _CASES_OF_CLIENTS.match(text, m.end(), m.end() + 24):
            continue  # 「一共7件，但都集中在4家企业」: the clients' cases, not the agency's own
        if unit in ("件", "起", "宗") and re.search(
            r"家[^,，。;；]{0,2}各(?:自)?(?:出|发生|有)(?:过|了)?$",
            text[max(0, m.start() - 8) : m.start()],
        ):
            continue  # 「4家各出过1件」: each client's case, not the agency's own
        if unit in ("件", "起", "宗") and _OF_CLIENTS_BEFORE.search(
            _clause_before(text, m.start())
        ):
            continue  # 「客户里发生过案件的只有4家、一共4件」: the clients' cases
        if (
            unit == "家"
            and re.match(
                r"(?:的)?(?:[^,，。;；]{0,3}?)(?:门店|分店|店|分公司|子公司|工厂|厂|馆|餐厅|饭店|酒楼|超市|作坊|车间)",
                after,
            )
            and not re.search(r"(?:托管|服务)(?:了|过)?$", text[max(0, m.start() - 4) : m.start()])
        ):
            continue  # 「漏算了两家门店的」: the enterprise's own shops, not an agency's clients
        before = text[max(0, m.start() - 12) : m.start()]
        if re.search(r"(没到|不到|没超过|不超过|未到|未满|不够)$", before):
            continue  # 「没到十件吧」 names the threshold, not the count
        if re.search(r"(不是|并非|而不是)$", before):
            continue  # 「是4家，不是3家」: the figure corrected away
        sent = (
            unit in ("个", "名", "位")
            and re.search(r"派(了|去|出)?$", before)
            and re.search(r"考|测试|测评", before + text[m.end() : m.end() + 12])
        )
        staff_after = (
            sent
            or unit == "个"
            and re.match(r"(人)?(是)?(专职|持证)", after)
            # 「专职人员只有1个」「持证的就一个」「专职律师三个」
            or unit in ("个", "名", "位")
            and re.search(
                r"(?:专职|持证)(?:[^,，。;；]{0,10}(?:只有|就|仅|才|共|有|是|为)(?:我|我自己|自己|我们)?"
                r"|人员|律师|服务人员|的)?$",
                before,
            )
        )
        if unit == "个" and not staff_after and re.match(r"(工人|员工|职工|人)", after):
            continue  # 「三个工人申请了仲裁」 counts workers, not client enterprises
        lead = _lead(text, m.start())
        labelled = unit == "家" and bool(
            _CHANGE_LEAD.search(lead)
            or _CASES_LEAD.search(lead)
            or re.search(r"案件|案子|信访|监察|仲裁|投诉|更换|换机构", after)
        )
        if (
            n == 1
            and unit in ("家", "个")
            and m.group("n") in ("一", "1")
            and not staff_after
            and not labelled
        ):
            continue  # 「一家企业」「一个」 is an article; 「一个专职人员」「要求换机构的1家」 count
        clause = _clause(text, m.start(), m.end())
        if unit in ("件", "起", "宗"):
            role = "cases"
        elif unit in ("名", "位") or staff_after:
            if not sent and not re.search(r"专职|持.{0,8}证|证书|服务人员|人员", before + after):
                continue  # 45名员工 is a headcount, not a count
            role = "staff"
        elif (
            unit == "家"
            and re.match(r"(?:企业|客户|服务对象|公司)?(?:里面?|中|当中|之中)", after)
            and not re.search(r"(?:分布在|分散在|集中在|出在|发生在|涉及到?)$", before)
        ):
            role = "clients"  # 「托管的25家企业里出过案件的2家」: the firms the rest are of
        elif re.search(r"更换|换机构|换服务机构|要求换|换掉|提出换|要换", after):
            role = "change_requests"
        elif (
            re.search(r"案件|案子|信访|监察|仲裁|投诉|出事", after)
            or (
                unit == "家" and re.search(r"(?:分布在|分散在|集中在|出在|发生在|涉及到?)$", before)
            )
            # 「4家各出过1件劳动案件」: each of them had a case
            or (unit == "家" and re.match(r"各(?:自)?(?:出|发生|有|涉及)", after))
        ):
            role = "clients_with_cases"  # 「8件分布在7家企业里」: the firms the cases fell in
        elif unit == "家" and _CHANGE_LEAD.search(lead):
            role = "change_requests"  # 「要求换机构的3家」
        elif unit == "家" and _CASES_LEAD.search(lead):
            role = "clients_with_cases"  # 「有案件的企业4家」
        elif (
            unit == "家"
            and re.search(r"(里|中|其中)[^,，。]{0,3}$", before)
            and re.search(r"更换|换机构|要求换", clause)
        ):
            role = "change_requests"
        elif (
            unit == "家"
            and re.search(r"(其中|有)$", before)
            and re.search(r"案件|案子|信访|监察|仲裁", clause)
        ):
            role = "clients_with_cases"
        elif unit == "家" or re.search(r"企业|客户|服务对象", after):
            role = "clients"
        else:
            continue
        facts.append(Fact("count", str(n), m.start(), m.start() + len(m.group("n")) + 1, role))
    return facts


# 「分数分别是82和79.5」「成绩：85、78」: numbers listed after a word for the test result
_SCORE_LIST = re.compile(
    rf"(?:分数|得分|成绩|考了|考试结果|(?:能力)?(?:测试|测评|考试)(?:分数|成绩|得分)?"
    rf"|(?:专职|两名|两位|两个|两)(?:人员|人|律师)?(?:分别)?(?:是|考了|得了))"
    rf"(?:分别)?(?:是|为|:|：)?\s*"
    # the figures apart by a word, a mark or only a space (「测试成绩\t85\t77」)
    rf"(?P<list>{N}(?:(?:\s*(?:和|跟|与|、|,|，|及|/)\s*|\s+){N})*)"
    # not 「考了2次」「考了两门」, nor a number cut short (「考了12次」 read as 1)
    r"(?![0-9.零〇一二两三四五六七八九十百千万])(?!\s*(?:人|名|位|家|件|年|月|%|次|遍|门|科|个|天|周))"
)


# 「平均分83」; 「测试平均85」 without 分 where the clause speaks of the test
# 「一个82一个88」「一个考了76，另一个90」: one score each
_SCORE_EACH = re.compile(
    rf"一个(?:人)?(?:是|考了?|得了?)?\s*(?P<a>{N})\s*分?\s*[,，、]?\s*(?:另)?(?:外)?一个(?:人)?(?:是|考了?|得了?)?\s*(?P<b>{N})(?![0-9.])(?!\s*(?:人|名|位|家|件|年|月|%|个))"
)
_AVERAGE = re.compile(
    rf"平均(?:分|成绩|得分)(?:是|为|[:：])?\s*(?P<n>{N})(?![0-9.])"
    rf"|(?:(?<=测试|测评|考试|成绩)|(?<=两人|二人|俩人|他俩)|(?<=两个人))平均(?:是|为|[:：])?\s*"
    rf"(?P<m>{N})(?![0-9.])(?!\s*(?:元|块|万|人|个|家|%))"
)
# 「测试派了两人，82、79」「能力测试两个人考了85跟78」: two figures soon after the test is named
_PAIR_AFTER_TEST = re.compile(
    rf"(?:测试|测评|考试|考核)[^。；;？?!！]{{0,12}}?(?<![0-9.])(?P<a>{N})\s*分?\s*(?:和|跟|与|、|,|，|/)\s*"
    rf"(?P<b>{N})(?![0-9.])(?!\s*(?:人|名|位|家|件|年|月|%|个|次|遍|门))"
)
_OTHERS_AFTER = re.compile(r"(?:是|为)?(?:另一家|另外一家|别的|别家|其他|别人)")


# 「第二个是七十七」「第二个人是82不是90」「后一个考了78」: one of the two scores, corrected on its own
_SCORE_OF_ONE = re.compile(
    r"(?:第(?P<ord>[一二12])(?:个|位|名)(?:人|同事|专职(?:人员)?)?|(?P<side>前|后)一?(?:个|位)(?:人)?)"
    r"(?:的)?(?:分数|成绩|得分)?(?:其实|应该|实际)?(?:是|为|考了?|得了?|拿了?)\s*"
    rf"(?P<n>{N})(?![0-9.])(?!\s*(?:人|名|位|家|件|年|月|%|个|次))"
)
SCORE_ORDINALS = ("first", "second")


def scores(text: str) -> list[Fact]:
    facts: list[Fact] = []
    for m in _SCORE_OF_ONE.finditer(text):
        value = to_decimal(m.group("n"))
        if value is not None and 0 <= value <= 100:
            first = m.group("ord") in ("一", "1") or m.group("side") == "前"
            facts.append(
                Fact(
                    "score",
                    format(value.normalize(), "f"),
                    m.start("n"),
                    m.end("n"),
                    SCORE_ORDINALS[0 if first else 1],
                )
            )
    ordinal_spans = [(f.start, f.end) for f in facts]
    for m in re.finditer(rf"(?P<n>{N})\s*分(?!钟|之|别|公司|享)", text):
        value = to_decimal(m.group("n"))
        if value is None or not 0 <= value <= 100:
            continue
        if _OTHERS_AFTER.match(text, m.end()):
            continue  # 「78分是另一家机构的」
        if any(start <= m.start() < end for start, end in ordinal_spans):
            continue  # 「第二个是77分」: the second's score, read above
        facts.append(Fact("score", format(value.normalize(), "f"), m.start(), m.end()))
    for m in _AVERAGE.finditer(text):  # 「平均分83」: one figure, the average
        group = "n" if m.group("n") else "m"
        value = to_decimal(m.group(group))
        if (
            value is not None
            and 0 <= value <= 100
            and not any(f.start <= m.start(group) < f.end for f in facts)
        ):
            facts.append(
                Fact("score", format(value.normalize(), "f"), m.start(group), m.end(group))
            )
    for each in _SCORE_EACH.finditer(text):
        for group in ("a", "b"):
            value = to_decimal(each.group(group))
            taken = any(f.start <= each.start(group) < f.end for f in facts)
            if value is not None and 0 <= value <= 100 and not taken:
                start, end = each.start(group), each.end(group)
                facts.append(Fact("score", format(value.normalize(), "f"), start, end))
    for pair in _PAIR_AFTER_TEST.finditer(text):  # 「测试派了两人，82、79」
        for group in ("a", "b"):
            value = to_decimal(pair.group(group))
            start = pair.start(group)
            if value is None or not 0 <= value <= 100 or any(f.start == start for f in facts):
                continue
            facts.append(Fact("score", format(value.normalize(), "f"), start, pair.end(group)))
    for listed in _SCORE_LIST.finditer(text):
        for m in re.finditer(N, listed.group("list")):
            start = listed.start("list") + m.start()
            value = to_decimal(m.group(0))
            if value is None or not 0 <= value <= 100 or any(f.start == start for f in facts):
                continue
            facts.append(
                Fact("score", format(value.normalize(), "f"), start, start + len(m.group(0)))
            )
    return facts


_ORGANISATION_TYPES = [
    (
        "social_organisation",
        re.compile(r"民政(?:部门|局)?(?:登记|注册|批准)(?:成立)?的?(?:社会组织)?|社会组织"),
    ),
    (
        # 第二条第二款: 工商管理 or 行业主管部门 (a 律所 registers with 司法行政, its 行业主管部门)
        "enterprise_or_institution",
        re.compile(
            r"(?:工商|市场监(?:督)?管(?:理)?|司法行政|司法|行业主管)(?:管理)?(?:部门|局|所)?"
            r"(?:正常|依法|正式|合法)?(?:登记|注册)(?:成立)?的?"
            r"(?:[^,，。;；]{0,6}?(?:公司|企业|机构))?"
        ),
    ),
]


# 「我们是人力资源公司」「我们律所」: a company registers with 市场监管 (工商), a law firm with
# 司法行政, its 行业主管部门 — both 第二条第二款's 企业、机构
_SPEAKER_FIRM = re.compile(
    r"(?:我们|我司|本)(?:是|这家|这个)?(?:一家|一个)?[^,，。;；]{0,14}?"
    r"(?:公司|律师事务所|律所|法律服务所|事务所)"
)


_LICENCE = re.compile(r"营业执照")
_UNREGISTERED = re.compile(
    r"(?:还)?(?:没有|没|未)(?:注册|登记)(?:任何|成立)?(?:的)?(?:公司|机构|组织|企业)?|个人(?:名义|身份)"
)
# An enterprise says 「我们公司」 too: a company is an agency's only when it speaks as one
_WOULD_BE_AGENCY = re.compile(
    # not 「做托管服务对象」, nor the 「人力资源服务机构」 an enterprise says it is
    # (「申请托管」「接受托管服务」 are an enterprise's: it applies for and receives custody)
    r"托管(?:服务)?机构|(?<!资源)服务机构|(?:做|当|成为|申请做|申请当|申请成为)托管(?!的?(?:服务)?对象|补贴)"
    # 「想接坪山的托管业务」「承接托管服务」: taking on custody work is an agency's
    r"|(?:接(?!受)|承接|接手|开展)[^,，。;；]{0,6}托管(?:服务)?(?:业务|项目|工作|服务)"
)
# 「我们公司请的托管机构」「我们的托管机构」: the agency an enterprise hired, not the speaker
_HIRED_BEFORE = re.compile(
    r"(?:请|找|签|签约|委托|合作|用|选|换)(?:了)?(?:的)?(?:那家|这家|一家)?$|(?:我们|我司|公司|企业|厂)的$"
    # 「我们公司托管的服务机构听说被取消资格了」: the agency that serves the firm
    r"|(?:我们|我司|公司|企业|厂)[^,，。;；]{0,3}托管的$"
)


def would_be_agency(text: str) -> re.Match[str] | None:
    """Where the speaker says it is or would be an agency (「想做托管机构」「承接托管业务」),
    not where it names the agency it hired (「我们公司请的托管机构被退出了」)."""
    for m in _WOULD_BE_AGENCY.finditer(text):
        if not _HIRED_BEFORE.search(text[max(0, m.start() - 6) : m.start()]):
            return m
    return None


_LAW_FIRM = re.compile(r"律师事务所|律所|法律服务所")


# 第二条第二款: a company or firm registers with 市场监管 (工商) or its 行业主管部门 (a 律所 with
# 司法行政); an association or 民办非企业单位 with 民政
_FIRM_NAMED = re.compile(
    r"^(?:我们|我司)?(?:是|就是)?(?:一家|一个|个)?[^,，。;；]{0,8}?"
    r"(?:公司|企业|律所|律师事务所|事务所|法律服务所|工作室)(?:啊|呀|的)?[。.!！]?$"
)
_ASSOCIATION_NAMED = re.compile(r"社会组织|协会|商会|民非|民办非企业|社团|基金会|社工机构")
NAMED_MAX_CHARS = 20


def organisation_named(text: str) -> str | None:
    """The kind of 社会力量 a short reply names (「律所」 → ``enterprise_or_institution``,
    「行业协会」 → ``social_organisation``), or ``None``."""
    if len(text) > NAMED_MAX_CHARS:
        return None
    if _ASSOCIATION_NAMED.search(text):
        return "social_organisation"
    return "enterprise_or_institution" if _FIRM_NAMED.search(text) else None


def organisation_types(text: str) -> list[Fact]:
    """第二条第二款: who may be a 社会力量 (民政 social organisation, or 工商-registered body)."""
    facts: list[Fact] = []
    for value, pattern in _ORGANISATION_TYPES:
        for m in pattern.finditer(text):
            if re.search(
                r"(?:没有|没|未|不是)(?:在)?(?:登记|注册|成立)?(?:的)?$",
                text[max(0, m.start() - 6) : m.start()],
            ):
                continue  # 「也没有登记社会组织」
            if not any(f.start <= m.start() < f.end for f in facts):
                facts.append(Fact("organisation_type", value, m.start(), m.end()))
    scope = _SCOPE.search(text)
    if not facts and scope and "经营范围" in scope.group(0):
        # 「经营范围有人力资源服务」: a 经营范围 is a business licence's (市场监管 registration); a
        # social organisation has a 业务范围
        facts.append(
            Fact("organisation_type", "enterprise_or_institution", scope.start(), scope.end())
        )
    named = organisation_named(text.strip()) if _LAW_FIRM.search(text) else None
    if named is not None and not facts:  # 「律所」 alone, in reply to who is asking
        facts.append(Fact("organisation_type", named, 0, len(text)))
    unregistered = _UNREGISTERED.search(text)
    if unregistered and not facts:  # 「还没有注册任何公司或机构」: no 社会力量 yet (第二条第二款)
        facts.append(Fact("organisation_type", "other", unregistered.start(), unregistered.end()))
        return facts
    # 「营业执照经营范围有人力资源服务」: a business licence is issued on that registration
    licence = _LICENCE.search(text)
    if licence and asks_something(_clause(text, licence.start(), licence.end())):
        licence = None  # 「申请补贴需不需要营业执照复印件」 asks about a licence
    firm = _SPEAKER_FIRM.search(text) or licence
    # 「我们是…咨询有限公司，经营范围有人力资源服务」: a business scope is 第八条's, said by an agency
    agency = would_be_agency(text) or _SCOPE.search(text)
    if agency and agency.group(0).endswith("托管") and business_line(text) is not None:
        agency = None  # 「做广告设计的小公司，想做托管」: a firm of another trade wants custody
    if not facts and firm and (agency or _LAW_FIRM.search(firm.group(0))):
        facts.append(
            Fact("organisation_type", "enterprise_or_institution", firm.start(), firm.end())
        )
    return facts


# ---------------------------------------------------------------- agency conditions (第八条、第十一条)
# 「业务范围有人力资源服务」「经营范围包括法律服务」: 第八条第（一）项's business scope
_SCOPE = re.compile(
    # 「业务有人力资源服务」: 业务 with a verb of having is its scope too
    r"(?:(?:业务|经营|营业)范围[,，]?|业务(?=(?:上|里)?(?:有|包括|包含|含|涵盖|没有|不含))"
    # 「范围有人力资源服务」 to 「业务范围是否包含…？」: the scope asked about, named short
    r"|(?:^|(?<=[,，。]))范围(?=(?:里|上)?(?:也|都)?(?:有|包括|包含|含|涵盖|没有|不含))"
    # 「营业执照有人力资源服务」: what the licence lists is the scope
    r"|(?:营业)?执照(?=(?:上|里)?(?:也|都)?(?:有|写|写了|写着|包括|包含|含|涵盖|没有|不含)))"
    # 「经营范围只有物业管理和保洁服务，没有人力资源…」: the verb may come after a comma
    r"(?P<verb>[^,，。;；]{0,8}?|[^。;；]{0,20}?[,，](?:也|都|并|但)?(?:没有|没|不含|不包括|无))"
    r"(?P<what>劳动关系|人力资源|法律|劳动争议|劳动保障|劳务|咨询)"
    # 「营业执照上也有人力资源服务的经营范围」: the trade named before 经营范围
    r"|(?P<what2>劳动关系|人力资源|法律|劳动争议|劳动保障)(?:服务|咨询)?(?:的)(?:业务|经营)范围"
)
_SCOPE_IN_NAME = re.compile(
    r"(?:劳动关系|人力资源|法律|劳动争议)(?:服务|咨询|事务)(?:有限)?(?:公司|机构|中心|事务所)"
    # 「民政登记的法律服务类社会组织」: the kind of organisation names its services
    r"|(?:劳动关系|人力资源|法律|劳动争议)(?:服务|咨询|事务)(?:类|型)(?:的)?(?:社会组织|组织|机构|社团)"
)
# 「做劳动法律咨询和人力资源服务，想接坪山的托管业务」: the business it does, said by an agency
_SCOPE_DONE = re.compile(
    r"(?:做|从事|主营|主做|专做|提供|干)[^,，。;；]{0,8}?(?:劳动关系|人力资源|法律|劳动争议|人事)"
    r"(?:服务|咨询|事务|外包|代理)"
)
_SCOPE_NO = re.compile(r"没有|没|不含|不包括|不包含|无|未")
# 「经营范围只有物业管理和保洁服务」: a scope listed that names none of 第八条's services
_SCOPE_LISTED = re.compile(
    r"(?:业务|经营|营业)范围(?:只有|仅有|仅|只|就是|只是|主要是|是|为|[:：])(?P<what>[^,，。;；?？]{2,30})"
)
_SCOPE_WORDS = re.compile(r"劳动|人力|人事|法律|咨询|劳务|用工|社会工作|社工")
# 「有专门场所、工作人员和办公条件」「专门场所、工作人员、办公条件都有」
_PREMISES = re.compile(
    r"(?:服务)?场所|办公(?:场地|条件|地点|地方|室|设备|用房|点)|工作人员|办公室|(?:电脑|打印机)(?:等)?设备?"
    r"|(?:服务|专门)?场地|(?:服务|办事)大厅"
)
_WHERE_AFTER = re.compile(r"(?:地址)?(?:其实|也|都|均|一直|还|现在)*(?:在|是在|设在|位于)")
_PREMISES_NO = re.compile(r"(?:没有|没|无|不具备|缺)[^,，。;；、和]{0,4}$")
# 「没有违法违规」「无违规行为」 (第十一条第（四）项); 「如果有违规」 is a question, not a fact
_VIOLATION = re.compile(r"违法违规|违规|违法")
_VIOLATION_NO = re.compile(r"(?:没有|没|无|未|不存在|从未|从没)(?:任何|其他|出现|发生|过)*$")
_VIOLATION_YES = re.compile(r"(?:有|存在|出现了?|发生了?)(?:过)?$")
_HYPOTHETICAL = re.compile(r"如果|假如|要是|万一|若|是否|会不会|有没有")


def agency_conditions(text: str) -> list[Fact]:
    """An agency's yes/no facts: business scope (第八条第一项), premises, staff and office
    (第八条第一项), other violations (第十一条第四项). Role = the slot, value = yes/no."""
    facts: list[Fact] = []
    for m in _SCOPE.finditer(text):
        value = "no" if _SCOPE_NO.search(m.group("verb") or "") else "yes"
        facts.append(Fact("agency_condition", value, m.start(), m.end(), "business_scope"))
    listed = _SCOPE_LISTED.search(text)
    if listed and not facts and not _SCOPE_WORDS.search(listed.group("what")):
        facts.append(Fact("agency_condition", "no", listed.start(), listed.end(), "business_scope"))
    named = _SCOPE_IN_NAME.search(text) or _SCOPE_DONE.search(text)
    # (a 社会组织 is here only as a would-be agency: enterprises are the service's clients)
    if named and not facts and (would_be_agency(text) or "社会组织" in named.group(0)):
        # 「我们是一家劳动关系服务公司，想申请做托管机构」: its business is in its name
        facts.append(Fact("agency_condition", "yes", named.start(), named.end(), "business_scope"))
    firm = _LAW_FIRM.search(text)
    if firm and not facts:  # a law firm's business is legal services (法律服务, 第八条第一项)
        facts.append(Fact("agency_condition", "yes", firm.start(), firm.end(), "business_scope"))
    # 「办公地点也都在坪山」「办公室其实在龙岗」 say where, not that there are premises; an
    # agency's 「办公场所在坪山」 says it has one
    agency_speaking = bool(would_be_agency(text))
    premises = [
        m
        for m in _PREMISES.finditer(text)
        if agency_speaking or not _WHERE_AFTER.match(text, m.end())
    ]
    if premises:
        first, last = premises[0], premises[-1]
        clause = _clause(text, first.start(), last.end())
        denied = any(_PREMISES_NO.search(text[max(0, m.start() - 6) : m.start()]) for m in premises)
        after = text[last.end() : last.end() + 6]
        denied = denied or bool(re.match(r"(?:都|也|还)?(?:没有|没|不具备|不够|缺)", after))
        kinds = {m.group(0)[-2:] for m in premises}
        place = any(
            re.search(r"场所|办公室|场地|用房|办公点|办公地点|办公地方", m.group(0))
            for m in premises
        )
        if (len(kinds) >= 2 or place) and not _HYPOTHETICAL.search(clause):
            value = "no" if denied else "yes"
            facts.append(
                Fact("agency_condition", value, first.start(), last.end(), "premises_and_staff")
            )
    for m in _VIOLATION.finditer(text):
        if any(f.start <= m.start() < f.end for f in facts):
            continue
        before = _clause(text, m.start(), m.end())
        before = before[: before.find(m.group(0))]
        if _HYPOTHETICAL.search(before):
            continue
        if _VIOLATION_NO.search(before) or re.match(
            r"(?:行为)?(?:[:：]\s*|(?:的)?(?:也|都)?)(?:无|没有|否|0|没)(?!.{0,2}(?:查|处理))",
            text[m.end() :],
        ):
            value = "no"  # 「违法违规：无」 in a list of facts, 「违法违规也没有」 in a reply
        elif _VIOLATION_YES.search(before):
            value = "yes"
        else:
            continue
        facts.append(Fact("agency_condition", value, m.start(), m.end(), "other_violation"))
    violated = any(f.role == "other_violation" for f in facts)
    for m in _FRAUD.finditer(text):
        # 「我们有个员工伪造了一家企业的托管服务档案去申请补贴」: 弄虚作假 (第二十五条) by the
        # agency speaking is a violation (第十一条第（四）项); not said of others nor supposed
        clause = _clause(text, m.start(), m.end())
        # (the agency may be named in an earlier clause: 「我们机构去年因为没给自己员工足额缴
        # 社保，被行政处罚了」)
        ours = _OUR_SIDE.search(clause) or _AGENCY_SPEAKING.search(text)
        if violated or _HYPOTHETICAL.search(clause) or not ours:
            continue
        if _OTHERS_SAID.search(clause) or _negated(text, m.start()):
            continue
        facts.append(Fact("agency_condition", "yes", m.start(), m.end(), "other_violation"))
        break
    return facts


_FRAUD = re.compile(
    r"伪造|造假|做假|弄虚作假|虚报|骗取|骗补|恶意串通"
    # 「因为虚假宣传被市场监管局处罚了」: penalised by an authority for a breach of the law
    r"|被[^,，。;；?？]{0,10}(?:处罚|罚款|行政处罚|查处|吊销)"
)
_OUR_SIDE = re.compile(r"我们|我司|本机构|我们机构|我们的员工|我们有个|机构的员工|员工")
_OTHERS_SAID = re.compile(r"听说|据说|别的|其他机构|有的机构|有企业|有机构")


EXTRACTORS = (
    headcounts,
    districts,
    firm_types,
    qualifying_conditions,
    operating_statuses,
    dates,
    periods,
    percents,
    counts,
    scores,
    organisation_types,
    agency_conditions,
)


# A figure followed by 以下/以上/以内 is a threshold. It is a rule being quoted, not the user's
# own figure, when the clause says so (「听说300人以下就能托管」「80分以上才算」) — unless the
# user speaks of themselves (「我们公司100人以下」).
_THRESHOLD_AFTER = re.compile(r"(?:人|名|个|家|件|起|分|%)?(?:及|或)?(?:以下|以上|以内|之内)")
_RULE_CONSEQUENCE = re.compile(r"(?:就|才|的|都|算|即|也|可以|能|属于|符合)")
_RULE_WORDS = re.compile(r"听说|规定|要求|条件|标准|只要|必须|需要|政策|办法|是不是|是否")
_SPEAKER = re.compile(r"我们|我司|我们公司|本公司|我公司|咱们")
_QUOTABLE = frozenset({"headcount", "count", "percent", "score"})


# 「顺便问下正好100人的算不算」: a figure asked about, not the user's own
_ASKED_ABOUT = re.compile(
    r"^(?:顺便|另外|再)?(?:问下|问一下|请问)?(?:如果|假如|要是)?(?:正好|刚好|恰好)"
)
_ASKED_AFTER = re.compile(r"(?:的)?(?:算不算|算吗|行不行|可以吗|能不能)")


def _quoted_rule(text: str, fact: Fact) -> bool:
    """Whether this figure is a threshold quoted from a rule (「听说300人以下就能托管」), or
    one asked about (「顺便问下正好100人的算不算」)."""
    if fact.entity in _QUOTABLE:
        clause = _clause(text, fact.start, fact.end)
        at = clause.find(text[fact.start : fact.end])
        if _ASKED_ABOUT.search(clause[: max(at, 0)]) and _ASKED_AFTER.search(clause[at:]):
            return True
    threshold = _THRESHOLD_AFTER.match(text, fact.end)
    if fact.entity not in _QUOTABLE or threshold is None:
        return False
    clause = _clause(text, fact.start, fact.end)
    before = clause[: max(0, clause.find(text[fact.start : fact.end]))]
    if _RULE_WORDS.search(clause):
        return True
    return bool(_RULE_CONSEQUENCE.match(text, threshold.end())) and not _SPEAKER.search(before)


# The year a clause speaks of: 「2021年有过一次劳动监察」「前年的」「今年3月才入库」
# 「22年入库」: two figures before 年 are a year of this century where no count can be meant
_YEAR_SAID = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*年|(?<![\d.])(?P<s>1[5-9]|2\d)年(?![多来以间内了])"
    r"|(?P<w>前年|今年|去年|上一?年度?|上年)"
)
_ENTRY_INTO_LIBRARY = re.compile(r"入(?:了)?库")
# the next clause dating what was just said: 「，不过是2021年的事了」「，那是前年的」
_YEAR_AFTER = re.compile(
    r"[,，]\s*(?:不过|但|但是|可)?(?:那)?(?:是|都是|已经是)?(?:在)?"
    r"(?:(?:19|20)\d{2}年|前年|去年|今年)(?:的(?:事)?(?:了|情)?|发生的)?(?=[,，。;；!！]|$)"
)


def _clause_end(text: str, pos: int) -> int:
    m = CLAUSE_BREAK.search(text, pos)
    return m.start() if m else len(text)


_YEAR_WORDS = {
    "前年": -2,
    "今年": 0,
    "去年": -1,
    "上年": -1,
    "上一年": -1,
    "上年度": -1,
    "上一年度": -1,
}
# 「2022年一件都没有」「2022年其实没有」「去年一整年都没有」: no case in that year
_NONE_THAT_YEAR = re.compile(
    r"(?:一整年|全年|整年|一年)?(?:其实|实际上?|确实|倒是)?(?:一件|一起|一次|啥|什么|任何)?"
    r"(?:劳动)?(?:案件|案子|仲裁)?(?:都|也)?(?:没有|没)"
    r"(?:任何|过)?(?:劳动)?(?:案件|案子|仲裁|监察|信访|投诉)?"
    r"(?:出|发生|有)?过?(?:了|的)?(?=$|[,，。;；!！?？])"
)


def _years_in(clause: str, today: date) -> list[int]:
    years = []
    for m in _YEAR_SAID.finditer(clause):
        if m.group("y"):
            years.append(int(m.group("y")))
        elif m.group("s"):
            years.append(2000 + int(m.group("s")))
        else:
            years.append(today.year + _YEAR_WORDS[m.group("w")])
    return years


def dated_conditions(text: str, facts: list[Fact], today: date) -> list[Fact]:
    """第九条's conditions are about 上一年度 (the year before ``today``): a case or an entry
    into the 科技型中小企业 library said of another year (「2021年有过一次劳动监察」「今年3月才
    入库」) is not one, and a case only in earlier years (「前年有过一宗仲裁」) is none in 上一年度;
    「2022年一件都没有」 is none in that year."""
    last = today.year - 1
    kept: list[Fact] = []
    for fact in facts:
        if fact.entity == "qualifying_condition" and fact.value in ("labour_case", "tech_sme"):
            # 「前年有仲裁去年没有」: the year said before the case is its year; else any in the clause
            clause = _clause(text, fact.start, fact.end)
            head = clause[: clause.find(text[fact.start : fact.end]) + fact.end - fact.start]
            years = _years_in(head, today) or _years_in(clause, today)
            after = _YEAR_AFTER.match(text, _clause_end(text, fact.end))
            if not years and after:  # 「有过一起劳动仲裁，不过是2021年的事了」
                years = _years_in(after.group(0), today)
            if not years and fact.value == "tech_sme":
                # 「2023年刚入库，科技型中小企业」: the year is said where the entry is
                for entry in _ENTRY_INTO_LIBRARY.finditer(text):
                    years += _years_in(_clause(text, entry.start(), entry.end()), today)
            if years and last not in years:
                if fact.value == "tech_sme" and min(years) > last:
                    kept.append(replace(fact, value="no_tech_sme"))  # entered only after it
                if fact.value == "labour_case" and max(years) < last:
                    # 「前年有过一宗劳动仲裁」 told as the firm's case history: none in 上一年度
                    # (the reason line names the year, so the user can say otherwise)
                    kept.append(replace(fact, value="no_labour_case"))
                continue  # another year's: says nothing of 上一年度
        kept.append(fact)
    said = any(f.value.endswith("labour_case") for f in kept if f.entity == "qualifying_condition")
    if not said and _CASE_WORD.search(text):
        for m in _YEAR_SAID.finditer(text):
            if _years_in(m.group(0), today) == [last] and _NONE_THAT_YEAR.match(text, m.end()):
                kept.append(Fact("qualifying_condition", "no_labour_case", m.start(), m.end()))
                break
    return kept


# 「2022年8月首签，哦不对，是2021年8月」「50人，说错了，60人」: what follows the marker stands
_CORRECTED_HERE = re.compile(
    r"不对(?=[,，。!！;；\s]|是|应该|其实)|(?:说|搞|记|看|打|写|算|填)错了?|更正|纠正|我是说|应该是(?!多少|几|什么|哪|啥|怎)"
)


def _kind(fact: Fact) -> tuple[str, str | None, str]:
    """What a fact is about: its entity and role, and for 第九条's conditions which one (a
    denial of 科技型 does not replace what was said of a case)."""
    subject = ""
    if fact.entity == "qualifying_condition":
        subject = fact.value.removeprefix("no_").removeprefix("unknown_")
    if fact.entity == "operating_status":
        # whether it operates normally and where it is are two things: 「搬到了坪山碧岭，刚才说
        # 错了。公司没停业」 keeps the move
        subject = "where" if fact.value in ("relocated", "moved", "moved_within", "stayed") else ""
    return fact.entity, fact.role, subject


def _denied_here(text: str, fact: Fact) -> bool:
    return text[max(0, fact.start - 3) : fact.start].endswith(("不是", "不是在"))


def without_superseded(text: str, facts: list[Fact]) -> list[Fact]:
    """The facts less those a correction later in the same message replaces: a fact before a
    correction marker gives way to one of the same kind and role after it."""
    marks = [m.start() for m in _CORRECTED_HERE.finditer(text)]
    kept = []
    for fact in facts:
        later = [other for other in facts if _kind(other) == _kind(fact) and other.start > fact.end]
        corrected = any(fact.end <= mark <= other.start for mark in marks for other in later)
        # 「不是5月3号，是5月25号」「是4个月，不是5个月」: the figure denied gives way to the other
        # the other figure must be affirmed (「是5月25号」), not denied in a list as this one
        affirmed = [
            o
            for o in facts
            if o is not fact
            and _kind(o) == _kind(fact)
            and o.value != fact.value
            and not _denied_here(text, o)
        ]
        denied = bool(affirmed) and _denied_here(text, fact)
        if not (corrected or denied):
            kept.append(fact)
    return kept


def extract_facts(text: str, today: date | None = None) -> list[Fact]:
    """All facts in one message, in text order; thresholds quoted from a rule are not facts.

    ``today`` dates 「去年8月」「今年3月」 (without it only dates with their year are read)."""
    facts = [fact for extractor in EXTRACTORS for fact in extractor(text)]
    if today is not None:
        facts += relative_dates(text, today, [f for f in facts if f.entity == "date"])
        facts = dated_conditions(text, facts, today)
    facts = [fact for fact in facts if not _quoted_rule(text, fact)]
    return sorted(without_superseded(text, facts), key=lambda f: (f.start, f.entity))
