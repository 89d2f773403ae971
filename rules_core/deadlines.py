"""Dates of the regulation: the filing deadline (第十七条) and validity (第二十七条).

第十七条：服务机构自双方签订服务协议之日起15日内向坪山区人力资源部门备案。
Counting (《民法典》第二百零一条): the day of signing is not counted, the period starts the next
day, so an agreement signed on 2023-03-01 must be filed by 2023-03-16 (day 15 on time, day 16
late). 《民法典》第二百零三条 moves a last day that is a rest day (weekend or statutory holiday,
:mod:`rules_core.holidays`) to the day after the rest days; for a year the holiday calendar does
not cover, answers say so instead of guessing.
The 试行 version required filing within 10 days (《政策解读》七（二））; it is applied to agreements
signed while the 试行 version was in force.

第二十七条 (validity) lives in :mod:`rules_core.validity` and is re-exported here.
"""

from __future__ import annotations

import datetime as dt

from rules_core.holidays import CALENDAR_SOURCE, covered_years, first_working_day_from
from rules_core.params_loader import load_agency, load_dates
from rules_core.periods import chinese_date, last_day_within_days
from rules_core.results import CheckResult, Condition, Status, Verdict
from rules_core.validity import Regime, dated_notes, regime_on, validity_note, validity_status

__all__ = ["filing_deadline", "validity_note", "validity_status"]

ARTICLE = 17
FILE_WITH = "坪山区人力资源部门"


def _period_days(signed_on: dt.date) -> int | None:
    regime = regime_on(signed_on)
    filing = load_agency().filing
    if regime in (Regime.IN_FORCE, Regime.AFTER_VALIDITY):
        return filing.days
    if regime is Regime.TRIAL:
        return filing.trial_version_days
    return None


def _counting_notes(
    signed_on: dt.date, days: int, day_n: dt.date, last_day: dt.date | None
) -> list[str]:
    counting = (
        f"期间计算：签订当日不计入，自次日开始计算（《民法典》第二百零一条）；"
        f"{chinese_date(signed_on)}签订，第{days}日为{chinese_date(day_n)}。"
    )
    first, final = covered_years()
    if last_day is None:
        holiday = (
            "期间的最后一日是法定休假日的，以法定休假日结束的次日为最后一日（《民法典》第二百零三条）；"
            f"本助手的节假日日历只有{first}年至{final}年，{day_n.year}年的安排请向坪山区人力资源部门核实。"
        )
    elif last_day != day_n:
        holiday = (
            f"{chinese_date(day_n)}是法定休假日，以休假日结束的次日{chinese_date(last_day)}为最后一日"
            f"（《民法典》第二百零三条；节假日依据{CALENDAR_SOURCE}，覆盖{first}年至{final}年）。"
        )
    else:
        holiday = (
            f"{chinese_date(day_n)}不是法定休假日，无需顺延（《民法典》第二百零三条；节假日依据"
            f"{CALENDAR_SOURCE}，覆盖{first}年至{final}年）。"
        )
    return [counting, holiday]


def _version_note(signed_on: dt.date) -> str:
    filing = load_agency().filing
    trial = load_dates().trial_name
    if regime_on(signed_on) is Regime.TRIAL:
        return (
            f"签订时适用{trial}，其规定为自签订之日起{filing.trial_version_days}日内备案"
            f"（《政策解读》七（二））；现行《管理办法》延长为{filing.days}日。"
        )
    return (
        f"{trial}规定为{filing.trial_version_days}日内备案，《管理办法》延长为"
        f"{filing.days}日（《政策解读》七（二））。"
    )


def filing_deadline(
    signed_on: dt.date, as_of: dt.date, filed_on: dt.date | None = None
) -> CheckResult:
    """第十七条: the last day to file a signed agreement, and whether ``filed_on`` was on time."""
    if filed_on is not None and filed_on < signed_on:
        raise ValueError(
            f"备案日期（{chinese_date(filed_on)}）不能早于服务协议签订日期（{chinese_date(signed_on)}）"
        )
    days = _period_days(signed_on)
    notes = list(dated_notes(as_of, [("服务协议签订日期", signed_on)]))
    figures: dict[str, object] = {"signed_on": signed_on.isoformat(), "as_of": as_of.isoformat()}
    if days is None:
        return CheckResult(
            check="filing_deadline",
            verdict=Verdict.NEEDS_CONFIRMATION,
            conclusion=(
                f"尚需确认：服务协议签订于{chinese_date(signed_on)}，当日不在《管理办法》或其试行版本"
                "的施行期内，备案期限请向坪山区人力资源局确认。"
            ),
            conditions=(),
            citations=(ARTICLE, 27),
            figures={**figures, "last_day": None},
            notes=tuple(notes),
            cites_interpretation=True,
        )
    day_n = last_day_within_days(signed_on, days)
    moved = first_working_day_from(day_n)
    last_day = moved or day_n  # outside the calendar: day n, with a note to check it
    figures.update(
        period_days=days,
        day_n=day_n.isoformat(),
        last_day=last_day.isoformat(),
        holiday_calendar_covers=moved is not None,
    )
    notes = [*_counting_notes(signed_on, days, day_n, moved), _version_note(signed_on), *notes]
    rule = f"服务机构应自双方签订服务协议之日起{days}日内向{FILE_WITH}备案"
    conditions: tuple[Condition, ...] = ()
    if filed_on is None:
        conclusion = f"备案期限最后一日为{chinese_date(last_day)}：{rule}。"
        if as_of <= last_day:
            notes.insert(
                0,
                f"截至{chinese_date(as_of)}尚未超过备案期限，距最后一日还有{(last_day - as_of).days}日。",
            )
        else:
            notes.insert(
                0, f"截至{chinese_date(as_of)}已过备案期限最后一日；如尚未备案，即已逾期。"
            )
    else:
        day_number = (filed_on - signed_on).days
        on_time = filed_on <= last_day
        figures.update(filed_on=filed_on.isoformat(), filed_day_number=day_number, on_time=on_time)
        detail = (
            f"{chinese_date(filed_on)}备案，为签订后第{day_number}日；"
            f"期限最后一日为{chinese_date(last_day)}（第{days}日）"
        )
        conditions = (
            Condition(
                "filed_in_time",
                f"自签订之日起{days}日内备案",
                Status.MET if on_time else Status.UNMET,
                detail,
                ARTICLE,
            ),
        )
        if on_time:
            conclusion = f"按期备案：{detail}，在{days}日期限内。"
        else:
            conclusion = f"逾期备案：{detail}，超过{days}日期限。"
    return CheckResult(
        check="filing_deadline",
        verdict=Verdict.CALCULATED,
        conclusion=conclusion,
        conditions=conditions,
        citations=(ARTICLE,),
        figures=figures,
        notes=tuple(notes),
        cites_interpretation=True,
    )
