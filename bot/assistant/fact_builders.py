"""From slot values to the rules core's fact objects: pure functions, no Rasa import.

``unknown`` (「不清楚」) and missing slots both become ``None``: the rules core then answers
尚需确认 and says what to find out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from bot.assistant.vocabulary import NO, QUALIFYING_DENIED_SLOT, UNKNOWN, YES
from bot.language.facts import SUPPOSED
from rules_core.agency_exit import AgencyExitFacts
from rules_core.eligibility import EnterpriseFacts
from rules_core.enterprise_exit import EnterpriseExitFacts
from rules_core.qualification import AgencyFacts

HEADCOUNT_LIMIT = 100  # 第九条 「从业人员100人以下」; only used to pick the decisive end of a range


def has_known(slots: Mapping[str, Any], names: Iterable[str]) -> bool:
    """Whether any of these slots holds a fact (not missing, not 「不清楚」)."""
    return any(slots.get(name) not in (None, "", UNKNOWN) for name in names)


def yes_no(value: Any) -> bool | None:
    return True if value == YES else False if value == NO else None


def to_int(value: Any) -> int | None:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return None


def to_decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value)) if value not in (None, "", "unknown") else None
    except InvalidOperation:
        return None


@dataclass(frozen=True)
class Headcount:
    """A headcount as said: exact (45), a range (八十多人 → 81-89) or approximate (一百来人)."""

    value: int | None
    said: str | None

    @property
    def note(self) -> str | None:
        if self.said and self.value is not None and not self.said.isdigit():
            return f"您提供的人数为“{self.said}”，按{self.value}人判断人数条件（是否超过100人的结论不受影响）。"
        if self.said and self.value is None and self.said != "unknown":
            return f"您提供的人数为“{self.said}”，接近100人的界线，请确认具体从业人数。"
        return None


ABOUT_SPREAD = 9  # 「八十来人」「八十左右」: read as up to 89 (一百来人 stays unknown)


def parse_headcount(value: Any) -> Headcount:
    """``45`` → 45; ``81-89`` → 89 (all ≤100); ``101-109`` → 101; ``130~`` → 121 (over 100
    either way); ``91-109`` or ``100~`` → unknown."""
    if value is None or value == "unknown":
        return Headcount(None, None if value is None else "unknown")
    text = str(value)
    if text.isdigit():
        return Headcount(int(text), text)
    said = text.replace("~", "人左右").replace("-", "至") if "~" in text else text
    if "-" in text:
        low_text, _, high_text = text.partition("-")
        low, high = to_int(low_text), to_int(high_text)
        if low is not None and high is not None:
            said = f"{low}至{high}人"
            if high <= HEADCOUNT_LIMIT:
                return Headcount(high, said)
            if low > HEADCOUNT_LIMIT:
                return Headcount(low, said)
        elif low is not None and low > HEADCOUNT_LIMIT:
            return Headcount(low, f"{low}人以上")
    about = to_int(text[:-1]) if text.endswith("~") else None
    if about is not None and about + ABOUT_SPREAD <= HEADCOUNT_LIMIT:
        # 「八十来号人」: about 80 is at most 89, under the limit whatever the exact number
        return Headcount(about + ABOUT_SPREAD, said)
    if about is not None and about - ABOUT_SPREAD > HEADCOUNT_LIMIT:
        # 「130人左右」: at least 121, over the limit whatever the exact number
        return Headcount(about - ABOUT_SPREAD, said)
    return Headcount(None, said)


def enterprise_facts(slots: Mapping[str, Any]) -> tuple[EnterpriseFacts, list[str]]:
    """第九条 facts from the eligibility slots, plus notes about how a value was read."""
    in_pingshan = yes_no(slots.get("in_pingshan"))
    headcount = parse_headcount(slots.get("headcount"))
    firm_type = slots.get("firm_type")
    qualifying = slots.get("qualifying_condition")
    denied = str(slots.get(QUALIFYING_DENIED_SLOT) or "").split(",")

    def condition(name: str) -> bool | None:
        if qualifying is None:  # 「去年没有仲裁」: that one denied, the others not said yet
            return False if name in denied else None
        if qualifying == "unknown":
            return None
        if str(qualifying).startswith("not:"):  # these denied, the others not known
            return False if name in str(qualifying)[4:].split(",") else None
        return qualifying == name

    facts = EnterpriseFacts(
        registered_in_pingshan=yes_no(slots.get("registered_in_pingshan")),
        tax_in_pingshan=yes_no(slots.get("tax_in_pingshan")),
        operating_in_pingshan=yes_no(slots.get("operating_in_pingshan")),
        all_places_in_pingshan=in_pingshan,
        headcount=headcount.value,
        operating_normally=yes_no(slots.get("operating_normally")),
        firm_type=firm_type if firm_type in ("labour_dispatch", "hr_service", "other") else None,
        had_labour_cases_last_year=condition("labour_case"),
        tech_sme_registered_last_year=condition("tech_sme"),
        key_industry_enterprise=condition("key_enterprise"),
    )
    line = slots.get("business_line")
    said = {"生产": "在正常生产", "科技型中小企业": "是科技型中小企业"}.get(str(line), f"做{line}")
    trade = (
        f"您说企业{said}，按不属于劳务派遣单位、人力资源服务机构判断；如果不对，请告诉我。"
        if line and firm_type == "other"
        else None
    )
    return facts, [n for n in [headcount.note, trade] if n]


def agency_exit_facts(slots: Mapping[str, Any]) -> AgencyExitFacts:
    """第十一条 facts from the agency-exit slots. No case of its own is a rate of 0%, whatever the
    base the rate would be computed on (which the regulation does not define)."""
    count = to_int(slots.get("own_case_count"))
    said = str(slots.get("own_case_rate") or "")
    below = to_decimal(said[1:]) if said.startswith("<") else None  # 「发生率不到1%」
    rate = None if below is not None else to_decimal(said or None)
    return AgencyExitFacts(
        own_case_rate_percent=Decimal(0) if rate is None and count == 0 else rate,
        own_case_rate_below_percent=below,
        own_case_count=count,
        clients_served=to_int(slots.get("clients_served")),
        clients_with_cases=to_int(slots.get("clients_with_cases")),
        change_requests=to_int(slots.get("change_requests")),
        other_violation=yes_no(slots.get("other_violation")),
        clients_with_cases_percent=to_decimal(slots.get("client_case_percent")),
        change_request_percent=to_decimal(slots.get("change_percent")),
    )


_ORGANISATION_TYPES = {"social_organisation", "enterprise_or_institution", "other"}


def agency_facts(slots: Mapping[str, Any]) -> AgencyFacts:
    """第八条 facts from the qualification slots."""
    premises = yes_no(slots.get("premises_and_staff"))
    scores_text = slots.get("test_scores")
    scores: tuple[Decimal, ...] | None = None
    average: Decimal | None = None
    if scores_text and scores_text != "unknown":
        parsed = [d for d in (to_decimal(s) for s in str(scores_text).split(",")) if d is not None]
        if len(parsed) == 2:
            scores = (parsed[0], parsed[1])
        elif len(parsed) == 1:
            average = parsed[0]
    organisation = slots.get("organisation_type")
    return AgencyFacts(
        organisation_type=organisation if organisation in _ORGANISATION_TYPES else None,
        business_scope_relevant=yes_no(slots.get("business_scope")),
        has_service_premises=premises,
        has_staff=premises,
        has_office_conditions=premises,
        certified_fulltime_staff=to_int(slots.get("certified_staff")),
        test_scores=scores,
        test_average=average,
    )


def parse_date(value: Any) -> dt.date | None:
    """``2021-05-10`` → that day; ``2021-05`` (month only) → None: a day is needed."""
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def parse_month_or_date(value: Any) -> dt.date | None:
    """For the subsidy base only the year matters: ``2021-05`` → 2021-05-01, ``2021`` → 2021-01-01."""
    if not value:
        return None
    text = str(value)
    if len(text) == 4:  # a year alone: 「2022年首次签约」
        text += "-01"
    if len(text) == 7:
        text += "-01"
    return parse_date(text)


def month_only(value: Any) -> tuple[dt.date, dt.date] | None:
    """``2021-05`` → (2021-05-01, 2021-05-31): the first and last day of a month given alone."""
    text = str(value or "")
    if len(text) != 7:
        return None
    first = parse_month_or_date(text)
    if first is None:
        return None
    following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, following - dt.timedelta(days=1)


def year_only(value: Any) -> tuple[dt.date, dt.date] | None:
    """``2022`` → (2022-01-01, 2022-12-31): the first and last day of a year given alone."""
    text = str(value or "")
    if len(text) != 4 or not text.isdigit():
        return None
    return dt.date(int(text), 1, 1), dt.date(int(text), 12, 31)


def enterprise_exit_facts(slots: Mapping[str, Any]) -> EnterpriseExitFacts:
    """第十三条 facts: when the service started, and 停业 / 注销 / 搬迁出坪山区.

    ``exit_event`` names the event that happened, ``none`` for 「都没有」 (none of the three), or
    ``moved_within`` for a move inside 坪山区 (「搬到坪山龙田了」: not 搬迁出坪山区).
    """
    event = slots.get("exit_event")
    where = yes_no(slots.get("operating_in_pingshan"))
    if where is None:  # 「惠州」 alone, in reply to where it moved
        where = yes_no(slots.get("in_pingshan"))
    if event == "moved" and where is not None:
        # 「整体搬过去了」 with where it operates now (「新厂房在龙岗」): out of 坪山 or within it
        event = "moved_within" if where else "relocated"
    # still in business (「正常经营，没停业没注销」): neither 停业 nor 注销 happened; still in
    # 坪山 (「还在坪山正常经营」「没搬」「搬到坑梓」): it did not move out of 坪山区
    # a firm moving its premises within 坪山 (「下个月从碧岭搬到坪山街道」) is still in business
    operating = yes_no(slots.get("operating_normally")) is True or event == "moved_within"
    in_pingshan = yes_no(slots.get("operating_in_pingshan")) is True

    def happened(name: str, ruled_out: bool = False) -> bool | None:
        if event == name:
            return True
        return False if event == "none" or ruled_out else None

    years = str(slots.get("years_served") or "")
    return EnterpriseExitFacts(
        service_started=parse_date(service_start(slots)),
        closed_down=happened("suspended", operating),
        deregistered=happened("deregistered", operating),
        moved_out_of_pingshan=happened(
            "relocated", event in ("moved_within", "stayed") or in_pingshan
        ),
        years_served=None if years.startswith(("under:", SUPPOSED)) else to_int(years or None),
        term_not_complete=years.startswith("under:"),
        supposed_years=to_int(years.removeprefix(SUPPOSED)) if years.startswith(SUPPOSED) else None,
        # a move within 坪山 told is what the question is about (「搬到龙田，还算托管对象吗」)
        asks_of_event=event == "moved_within",
    )


def service_start(slots: Mapping[str, Any]) -> Any:
    """When the service started (第十三条's three years): as said, or else the first signing
    date the user gave (the service begins with the first agreement, 第十七条)."""
    return slots.get("service_started") or slots.get("first_signing_date")
