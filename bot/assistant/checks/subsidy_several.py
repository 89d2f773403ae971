"""Subsidy caps for several enterprises named in one message (《管理办法》第十九条、第二十三条).

An agency clerk lists its clients: 「A企业2021年7月首签（现在第二年）；B企业2022年11月首签
（第一年）；C企业2023年2月首签。这三家当前服务年度的补贴上限分别多少？」. Each enterprise's
cap depends on its own first signing (the base) and service year, so each is calculated on its
own, with the total when one is asked for.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from bot.assistant.checks.subsidy import (
    LAST_SUBSIDISED_YEAR,
    boundary_years,
    in_force_date,
    year_cap,
)
from bot.assistant.fact_builders import parse_month_or_date
from bot.language.facts import (
    NUMBER,
    PERIOD,
    RENEWAL,
    SERVICE_ENDED,
    Fact,
    extract_facts,
)
from bot.language.normalize import question_clause
from bot.language.numbers import to_int
from bot.language.statements import item_reference
from rules_core.answer import Answer, compose
from rules_core.money import format_yuan
from rules_core.periods import chinese_date
from rules_core.results import CheckResult, Verdict
from rules_core.subsidy import amount_notes, service_year_on

# 「A企业」「B公司」「甲厂」「第二家」「另一家」: where one enterprise's facts begin
_LABEL = re.compile(
    r"(?<![A-Za-z])[A-Za-z](?:企业|公司|厂|客户)"
    r"|[甲乙丙丁](?:企业|公司|厂|客户)"
    r"|(?:第[一二三四五六七八九]|另一|还有一|再一)家"
    r"|(?<=[,，:：])一家"  # 「两家企业，一家…，另一家…」
)
_TOTAL = re.compile(r"合计|一共|总共|加起来|总额|总计")
_ASKS = re.compile(r"多少|几|分别|各")
_DIFFERENCE = re.compile(r"差多少|相差|差额|差了?几|多多少|少多少|差别")


@dataclass(frozen=True)
class Client:
    """One enterprise of the message: its label (「A企业」, or 「第2家」), its first signing
    (``2021-07`` or ``2021-07-01``), the service year asked (``None``: the one it is in) and
    the months served in it (``None``: a whole year)."""

    label: str
    signed: str
    service_year: int | None
    months: int | None


_CLAUSES = re.compile(r"[^,，;；。\n]+")
_DATED = re.compile(r"\d{2,4}\s*年\s*\d{1,2}\s*月")
# a first signing, not a renewal (「2022年11月续签」) nor another date of the same enterprise
_SIGNED = re.compile(r"首签|首次|第一次|签约|签的|签了|开始托管")
_RENEWED = re.compile(r"续签|续约|再签|重新签")


# a date of a list, a year with or without its month and day: 「2021年、2022年、2023年」
_LISTED_DATE = re.compile(r"\d{2,4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)?")
# (「2022年12月首签和2023年1月首签」: the signing word may come before each joiner)
_LIST_JOIN = re.compile(
    r"\s*(?:首签|首次签约|签约|签的|签)?\s*(?:、|,|，|和|与|及|跟|以及|或者?|还是)\s*"
)


def _enumerated(clause: str) -> list[str]:
    """One clause per date of a list of first signings in ``clause``, each with the words around
    the list (「首次签约分别是2021年、2022年、2023年」 → 「首次签约分别是2021年」, …); ``[]`` when
    the clause lists fewer than two dates, or joins them with anything but 、/和."""
    dates = list(_LISTED_DATE.finditer(clause))
    if len(dates) < 2 or _RENEWED.search(clause) or not _SIGNED.search(clause):
        return []
    if not all(
        _LIST_JOIN.fullmatch(clause[a.end() : b.start()])
        for a, b in zip(dates, dates[1:], strict=False)
    ):
        return []
    before, after = clause[: dates[0].start()], clause[dates[-1].end() :]
    return [before + d.group(0) + after for d in dates]


def _segments(text: str) -> list[tuple[str | None, str]]:
    labels = list(_LABEL.finditer(text))
    if len(labels) >= 2:
        ends = [m.start() for m in labels[1:]] + [len(text)]
        return [(m.group(0), text[m.start() : end]) for m, end in zip(labels, ends, strict=True)]
    # 「①2021年6月20日首次签约 ②2022年6月20日首次签约」 (the circled numbers are gone by now):
    # each clause with a date of its own starts the next enterprise's facts; so does each date
    # of a list (「三家分别在2022年3月、2022年8月和2023年1月首次签约」)
    segments: list[str] = []
    for whole in _CLAUSES.findall(text):
        listed = _enumerated(whole)
        for clause in listed or [whole]:
            signing = bool(listed) or (
                _DATED.search(clause) and _SIGNED.search(clause) and not _RENEWED.search(clause)
            )
            if signing or not segments:
                segments.append(clause)
            else:
                segments[-1] += "，" + clause
    return [(None, segment) for segment in segments]


def _one(facts: list[Fact], kind: str) -> str | None:
    values = {f.value for f in facts if f.entity == kind and f.role != SERVICE_ENDED}
    return values.pop() if len(values) == 1 else None


def _first_signing(facts: list[Fact]) -> str | None:
    """The first signing of one enterprise's facts: the date named as such, else the first
    (「A企业2021年7月首签（现在第二年，到今年7月）」: 今年7月 is when its year ends)."""
    dates = [
        f for f in facts if f.entity == "date" and f.role not in (SERVICE_ENDED, RENEWAL, PERIOD)
    ]
    named = [f for f in dates if f.role == "first_signing"]
    return (named or dates)[0].value if dates else None


def several_clients(text: str, today: dt.date) -> list[Client]:
    """The enterprises of ``text`` (normalised) each with its own first signing, when there are
    two or more; ``[]`` otherwise (one enterprise is the calculator's, with its questions)."""
    said = {f.value for f in extract_facts(text, today) if f.entity == "date"}
    if len(said) < 2:
        return []  # 「2022年8月首签…哦不对，是2021年8月签的」: one date corrected, one enterprise
    clients: list[Client] = []
    # 「…另一家2022年3月首签，第一年补贴合计多少？」: a year named in the closing question is
    # asked of every enterprise that names none of its own
    question = question_clause(text) or ""
    body = text[: text.rfind(question)] if question else text
    segments = _segments(body)
    # 「两家企业第一年补贴上限分别是多少：1. A企业…」: so is one named before the first enterprise
    lead = body[: body.find(segments[0][1])] if segments and segments[0][0] else ""
    # 「…2023年1月首签，第一年补贴上限分别是多少？差多少？」: so is one asked in a clause of no
    # date of its own before the closing question
    asking = "，".join(
        c for c in _CLAUSES.findall(body) if not _LISTED_DATE.search(c) and _ASKS.search(c)
    )
    asked = _one(extract_facts(question + "，" + lead + "，" + asking, today), "service_year")
    for label, segment in segments:
        facts = extract_facts(segment, today)
        signed = _first_signing(facts)
        year = _one(facts, "service_year") or asked
        # 「A公司2021年首签，现在第二年」: a year alone will do where the service year is said
        # (the base depends on the year only); without one, which year it is needs the month
        if signed is None or len(signed) < len("2021-07") and not str(year or "").isdigit():
            continue
        months = _one(facts, "months")
        clients.append(
            Client(
                label=label or f"第{len(clients) + 1}家",
                signed=signed,
                service_year=int(year) if year and year.isdigit() else None,
                months=int(months) if months else None,
            )
        )
    return clients if len(clients) >= 2 else []


def _cap(client: Client, as_of: dt.date) -> tuple[CheckResult, int]:
    signing = parse_month_or_date(client.signed)
    assert signing is not None  # several_clients keeps only dates it read
    if len(client.signed) == len("2021"):
        # a year alone: a day of it inside the validity period (「如在有效期内」, said below)
        signing = in_force_date(signing.year)
    year = client.service_year or service_year_on(signing, as_of)
    return year_cap(signing, year, client.months, as_of), year


def several_clients_answer(clients: list[Client], text: str, as_of: dt.date) -> Answer:
    """Each enterprise's cap for its service year (the one it is in on ``as_of`` unless one is
    named), and their sum when the message asks for a total; all are upper bounds."""
    lines, total, all_known, caps = [], Decimal(0), True, []
    for client in clients:
        result, year = _cap(client, as_of)
        signing = parse_month_or_date(client.signed)
        assert signing is not None
        said = (
            f"{signing.year}年{signing.month}月"
            if len(client.signed) == len("2021-07")
            else f"{signing.year}年"
            if len(client.signed) == len("2021")
            else chinese_date(signing)
        )
        caveat = (
            f"；只说了年份，按签约在《管理办法》有效期内"
            f"（{chinese_date(in_force_date(signing.year))}"
            f"{'或之后' if signing.year == boundary_years()[0] else '或之前'}）计算"
            if len(client.signed) == len("2021") and signing.year in boundary_years()
            else ""
        )
        outcome = result.conclusion.split("。")[0]  # the notes below say who pays and decides
        lines.append(f"· {client.label}（{said}首次签约{caveat}）：{outcome}。")
        if result.verdict is Verdict.CALCULATED and year <= LAST_SUBSIDISED_YEAR:
            caps.append(Decimal(str(result.figures["cap"])))
            total += caps[-1]
        else:
            all_known = False
    if _DIFFERENCE.search(text) and len(clients) == 2 and all_known:
        # 「2022年12月首签和2023年1月首签…差多少？」: the gap between the two caps
        lines.append(f"两者相差{format_yuan(abs(caps[0] - caps[1]))}。")
    asks_total = bool(_TOTAL.search(text))
    conclusion = f"{len(clients)}家企业的补贴上限各自按首次签约时间和服务年度计算，见下。"
    if asks_total and all_known:
        conclusion = (
            f"{len(clients)}家企业所问服务年度的补贴上限合计不超过{format_yuan(total)}，各家见下。"
        )
    return compose(
        conclusion=conclusion,
        verdict=Verdict.CALCULATED.value,
        body=[
            *lines,
            "每家企业的基数取其首次签约时深圳市上年度城镇非私营单位在岗职工年平均工资；"
            "未说明服务年度的，按今天所处的服务年度计算。",
        ],
        notes=[
            "只提供年月的，按当月1日计算；各服务年度的起止日期以实际签约日为准。",
            *amount_notes(),
        ],
        articles=[19, 22, 23],
        data={"clients": [c.label for c in clients]},
    )


# 「2022年一共首签了10家企业」「3家企业…每家」: how many enterprises share the one first signing
_HOW_MANY = re.compile(rf"(?P<n>{NUMBER})\s*家(?:企业|公司|客户|服务对象)?")
_EACH = re.compile(r"每家|各家|都按")


def same_signing_total(text: str, today: dt.date) -> Answer | None:
    """「我们机构2022年一共首签了10家企业，第一年补贴加起来最多能拿多少？」: the cap of the
    service year named, times the enterprises that share the one first signing (第十九条: each
    enterprise's cap is its own, on the same base); ``None`` unless the message names one first
    signing, a number of enterprises (two or more), a service year and asks for a total."""
    facts = extract_facts(text, today)
    signed = _first_signing(facts)
    year = _one(facts, "service_year")
    # 「一共新签了5家企业…5家加起来最多多少？」: the same number said twice is one number
    counts = {to_int(m.group("n")) for m in _HOW_MANY.finditer(text)}
    how_many = counts.pop() if len(counts) == 1 else None
    if signed is None or not str(year or "").isdigit() or how_many is None or how_many < 2:
        return None
    if not (_TOTAL.search(text) or _EACH.search(text)):
        return None
    signing = parse_month_or_date(signed)
    assert signing is not None  # a date the extractor read
    result = year_cap(signing, int(str(year)), None, today)
    if result.verdict is not Verdict.CALCULATED or int(str(year)) > LAST_SUBSIDISED_YEAR:
        return None
    cap = Decimal(str(result.figures["cap"]))
    label = result.conclusion.split("补贴上限")[0]  # 「第一年」
    return compose(
        conclusion=(
            f"{how_many}家企业{label}补贴上限合计不超过{format_yuan(cap * how_many)}："
            f"每家{format_yuan(cap)}（{signing.year}年首次签约，基数为{signing.year - 1}年度"
            f"深圳市城镇非私营单位在岗职工年平均工资{Decimal(str(result.figures['base'])):,}元的"
            f"{result.figures['fraction']}）× {how_many}家。"
        ),
        verdict=Verdict.CALCULATED.value,
        body=["每家企业的补贴各自计算、各自核定；这里是每家都按上限、服务满一整年时的合计。"],
        notes=[*amount_notes()],
        articles=[19, 22],
        data={"clients": how_many, "cap": str(cap)},
    )


# 「第1家呢」「选第2家」: an enterprise of the list by its place in it
_NTH_CLIENT = re.compile(rf"^(?:那|选|算)?第\s*(?P<n>{NUMBER})\s*家")
# 「· 第2家（2022年1月首次签约）：…」: one enterprise's line of :func:`several_clients_answer`
_CLIENT_LINE = re.compile(r"^· (?P<label>[^（\n]+)（(?P<said>[^）\n]+)首次签约）", re.MULTILINE)


def chosen_client_signing(reply: str, earlier: list[str], today: dt.date) -> str | None:
    """「选2号，再算下第二年」 after the caps of several enterprises: the first signing of the one
    chosen by its number (``2022-01``), so that its own base is used; ``None`` when the reply
    chooses none or no such list was given."""
    nth = _NTH_CLIENT.match(reply.strip())
    number = to_int(nth.group("n")) if nth else item_reference(reply)
    if number is None:
        return None
    for said in earlier:
        lines = _CLIENT_LINE.findall(said)
        if len(lines) >= number:
            dates = [f for f in extract_facts(lines[number - 1][1], today) if f.entity == "date"]
            return dates[0].value if dates else None
    return None


_THREE_YEAR_TOTAL = re.compile(
    r"(?:三年|3年)(?:的)?(?:补贴)?(?:加起来|合计|一共|总共|总计|总额|累计)"
)


def asks_three_year_total(text: str) -> bool:
    """「三年加起来最多多少？」: the question asks the total of the three subsidised years."""
    return bool(_THREE_YEAR_TOTAL.search(text))
