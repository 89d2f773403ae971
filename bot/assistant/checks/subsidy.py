"""How much subsidy may an agency receive? 《管理办法》第十九条、第二十三条.

「补贴多少」 without facts gets the rule and the caps by first-signing year; with a first-signing
date (and a service year, months served) the calculator answers for that case.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from bot.assistant.context import AnswerContext
from bot.assistant.fact_builders import parse_month_or_date, to_int
from bot.assistant.faq import faq_answer
from bot.assistant.vocabulary import ALL_YEARS
from bot.language.facts import CURRENT_YEAR
from rules_core.answer import Answer, compose, render_check
from rules_core.money import format_yuan
from rules_core.params_loader import load_dates, load_wage_table
from rules_core.periods import chinese_date, whole_months_into_year
from rules_core.results import CheckResult, Verdict
from rules_core.subsidy import (
    STATISTICS_CAVEAT,
    amount_notes,
    cap_schedule,
    prorated_subsidy_cap,
    service_year_on,
    subsidy_after_term,
    subsidy_cap,
)

QUESTION_INTENT = "ask_subsidy_amount"
FULL_YEAR_MONTHS = 12
LAST_SUBSIDISED_YEAR = 3  # 第二十三条: no subsidy after three years


def _signing_years_in_force() -> list[dt.date]:
    """One representative first-signing day per calendar year the regulation was in force."""
    dates = load_dates()
    start, end = dates.in_force_from, dates.valid_through
    return [
        max(start, dt.date(year, 12, 31) if year < end.year else end)
        for year in range(start.year, end.year + 1)
    ]


def cap_table_lines(as_of: dt.date) -> list[str]:
    """「2021年首次签约：第一年≤27,887.20元…」 for each year of the validity period, with the
    caveats the wage data carries (source; figure possibly unpublished at an early-year signing)."""
    lines = ["按首次签约年份计算的补贴上限（每家企业每年）："]
    early_years = []
    for signing in _signing_years_in_force():
        figures = cap_schedule(signing, as_of).figures
        years = figures.get("years") or []
        if not years:
            continue
        caps = "，".join(f"第{'一二三'[y['service_year'] - 1]}年≤{y['cap_display']}" for y in years)
        lines.append(
            f"· {signing.year}年首次签约（基数{figures['base_year']}年度{int(figures['base']):,}元）：{caps}"
        )
        earliest = max(load_dates().in_force_from, dt.date(signing.year, 1, 1))
        if cap_schedule(earliest, as_of).figures.get("caveat_possibly_unpublished"):
            early_years.append(f"{signing.year}年{earliest.month}月")
    lines.append(f"基数取自深圳市统计公报的转载，{STATISTICS_CAVEAT}。")
    if early_years:
        lines.append(
            "上年度数据约在每年6月公布：在公布之前首次签约的，签约时该数据可能尚未公布，"
            "实际采用的基数以坪山区人力资源部门核定为准。"
        )
    return lines


def general_subsidy_answer(ctx: AnswerContext) -> Answer | None:
    """The curated answer with the cap table by first-signing year."""
    base = faq_answer(QUESTION_INTENT, ctx)
    if base is None:
        return None
    table = cap_table_lines(ctx.as_of)
    lines = base.text.split("\n")
    # the table goes after the curated text and before the notes and the 依据 line
    cut = next(i for i, line in enumerate(lines) if line.startswith(("提示：", "依据：")))
    return Answer(
        text="\n".join(
            [*lines[:cut], *table, "如需按您的签约时间计算，请点“帮我算一算”。", *lines[cut:]]
        ),
        citations=base.citations,
        verdict=None,
        data={**base.data, "cap_table": table[1:]},
    )


def has_signing_date(slots: Mapping[str, Any]) -> bool:
    return bool(with_signing(slots).get("first_signing_date"))


def with_signing(slots: Mapping[str, Any]) -> dict[str, Any]:
    """The slots with the first signing date, or else the day the service started (the service
    begins with the first agreement, 第十七条: 「2021年4月1日开始托管…第三年的补贴」)."""
    return {
        **slots,
        "first_signing_date": slots.get("first_signing_date") or slots.get("service_started"),
    }


def served_until(slots: Mapping[str, Any]) -> dict[str, str]:
    """The service year and the months served in it when the service ended (``service_ended``)
    on a monthly anniversary of the first signing (「2023年2月1日首签，4月1日就注销了」 → year 1,
    2 months; 第二十三条 pro-rates by them); nothing when the days differ, the months served
    are said, or a year said disagrees."""
    signed, ended = (
        str(slots.get("first_signing_date") or ""),
        str(slots.get("service_ended") or ""),
    )
    if slots.get("months_served") or min(len(signed), len(ended)) < len("2021-06"):
        return {}  # a year alone says nothing of months
    start, end = parse_month_or_date(signed), parse_month_or_date(ended)
    if start is None or end is None or end < start:
        return {}
    if start.day == 1 and len(ended) == len("2021-06-30") and _last_day_of_month(end):
        # 「2023年1月首次签约，9月底注销」: served to the end of September, so until the first
        # of October, whole months (the signing month counted from its first day)
        end += dt.timedelta(days=1)
    elif (len(signed) == len("2021-06")) != (len(ended) == len("2021-06")):
        return {}  # a month against a day: the months served are not whole
    year, months = whole_months_into_year(start, end)
    said = str(slots.get("service_year") or year)
    if months is None or said != str(year) or year > LAST_SUBSIDISED_YEAR:
        return {}
    return {"service_year": str(year), "months_served": str(months)}


def _last_day_of_month(day: dt.date) -> bool:
    return (day + dt.timedelta(days=1)).day == 1


def subsidy_answer(slots: Mapping[str, Any], ctx: AnswerContext) -> Answer:
    """The calculator's answer from the subsidy slots."""
    slots = with_signing(slots)
    slots = {**slots, **served_until(slots)}
    as_of = ctx.as_of
    said = str(slots.get("first_signing_date") or "")
    signing = parse_month_or_date(said)
    month_only = signing is not None and len(said) == 7
    year_only = signing is not None and len(said) == 4
    dates = load_dates()
    boundary_years = {dates.in_force_from.year, dates.valid_through.year}
    asked = _asked_year(slots)
    # 「第四年呢」, 「2021年签约的企业，服务满3年后第四年补贴能拿多少？」: no subsidy, whenever the
    # signing was (and whatever its day, so the validity question below is not asked)
    beyond = subsidy_after_term(asked, as_of) if asked is not None else None
    if (signing is None or year_only) and beyond is not None:
        return render_check(beyond)
    if signing is not None and year_only and signing.year in boundary_years:
        # the caps that apply if the signing fell inside the validity period: the base depends
        # on the year alone, so they are known; whether they apply is not
        in_force = (
            f"{chinese_date(dates.in_force_from)}或之后"
            if signing.year == dates.in_force_from.year
            else f"{chinese_date(dates.valid_through)}或之前"
        )
        prefix = f"· {signing.year}年首次签约"  # the row of the caps table: 在岗职工 wage base
        row = next(
            (line[len(prefix) :] for line in cap_table_lines(as_of) if line.startswith(prefix)),
            None,
        )
        return compose(
            conclusion=f"尚需确认：{signing.year}年首次签约，需要签约日期才能判断是否在《管理办法》有效期内。",
            verdict="尚需确认",
            body=[
                f"《管理办法》自{chinese_date(dates.in_force_from)}起施行，有效期至{chinese_date(dates.valid_through)}；"
                "请提供首次签约的月份或具体日期。",
                *(
                    [
                        f"如果首次签约在{in_force}（办法有效期内），补贴上限{row}"
                        f"（基数为{load_wage_table().series}）。"
                    ]
                    if row
                    else []
                ),
                *_totals_if_in_force(signing.year, as_of),
                *_asked_if_in_force(signing.year, slots, as_of),
                *amount_notes(),
            ],
            articles=[19, 22, 23, 27] if slots.get("months_served") else [19, 22, 27],
        )
    if (
        month_only
        and signing is not None
        and (signing.year, signing.month)
        in {
            (dates.in_force_from.year, dates.in_force_from.month),
            (dates.valid_through.year, dates.valid_through.month),
        }
    ):
        return compose(
            conclusion=f"尚需确认：{signing.year}年{signing.month}月首次签约，需要具体日期才能判断是否在《管理办法》有效期内。",
            verdict="尚需确认",
            body=[
                f"《管理办法》自{chinese_date(dates.in_force_from)}起施行，有效期至{chinese_date(dates.valid_through)}；"
                "请提供首次签约的具体日期。"
            ],
            articles=[19, 27],
        )
    notes = (
        [
            f"您只提供了年月（{signing.year}年{signing.month}月），计算时按当月1日处理：补贴基数只取决于签约年份，"
            "不受具体日期影响；各服务年度的起止日期以实际签约日为准。"
        ]
        if month_only and signing is not None
        else [
            f"您只提供了年份（{signing.year}年），补贴基数只取决于首次签约的年份；"
            "各服务年度的起止日期以实际签约日为准。"
        ]
        if year_only and signing is not None
        else []
    )
    if signing is None:
        return compose(
            conclusion="尚需确认：需要首次签约时间才能确定补贴基数。",
            verdict="尚需确认",
            body=[
                *cap_table_lines(as_of),
                "补贴基数为首次签约时深圳市上年度城镇非私营单位在岗职工年平均工资，请查看托管服务协议上的首次签约日期。",
            ],
            articles=[19],
        )
    year = _asked_year(slots)
    if slots.get("service_year") == CURRENT_YEAR:  # 「按现在这个服务年度算」: the year it is in
        year = service_year_on(signing, as_of)
        notes = [*notes, f"按{chinese_date(as_of)}计，处于第{year}个服务年度（从首次签约日起算）。"]
    if year is None:  # not said, or several years asked at once (「第一年和第二年分别多少」)
        return render_check(cap_schedule(signing, as_of), notes)
    months = to_int(slots.get("months_served"))
    if months is None and year <= LAST_SUBSIDISED_YEAR:
        notes = [*notes, PRORATION_OFFER]
    return render_check(year_cap(signing, year, months, as_of), notes)


def _asked_year(slots: Mapping[str, Any]) -> int | None:
    """The service year asked about; the first when only months short of a year are said
    (「首次签约后服务了3个月企业就搬走了」: months counted from the first signing)."""
    year = to_int(slots.get("service_year"))
    months = to_int(slots.get("months_served"))
    if year is None and months is not None and 0 < months < FULL_YEAR_MONTHS:
        return 1
    return year


def year_cap(signing: dt.date, year: int, months: int | None, as_of: dt.date) -> CheckResult:
    """The cap of one service year (第十九条), pro-rated when it was cut short (第二十三条)."""
    if months is not None and 0 <= months < FULL_YEAR_MONTHS and year <= LAST_SUBSIDISED_YEAR:
        return prorated_subsidy_cap(signing, year, as_of, months_served=months)
    return subsidy_cap(signing, year, as_of)


def in_force_date(year: int) -> dt.date:
    """A first signing in ``year`` inside the validity period (the base depends on the year)."""
    dates = load_dates()
    if year == dates.in_force_from.year:
        return dates.in_force_from
    return dates.valid_through if year == dates.valid_through.year else dt.date(year, 1, 1)


def boundary_years() -> tuple[int, int]:
    """The years the validity period starts and ends in (2021, 2024), in which a year alone
    does not say whether a signing fell inside it."""
    dates = load_dates()
    return dates.in_force_from.year, dates.valid_through.year


def _asked_if_in_force(year: int, slots: Mapping[str, Any], as_of: dt.date) -> list[str]:
    """The cap of the service year asked about (pro-rated for the months served, 第二十三条) for
    a first signing in a boundary year, as it is if the signing fell inside the period."""
    service_year = _asked_year(slots)
    if service_year is None or not 1 <= service_year <= LAST_SUBSIDISED_YEAR:
        return []
    months = to_int(slots.get("months_served"))
    result = year_cap(in_force_date(year), service_year, months, as_of)
    if result.verdict is not Verdict.CALCULATED:
        return []
    return [f"同样在有效期内：{result.conclusion}"]


def _totals_if_in_force(year: int, as_of: dt.date) -> list[str]:
    """「前两年合计多少」 for a first signing in a year the validity period starts or ends in:
    the totals as they are if the signing fell inside the period (the base depends on the
    year alone)."""
    schedule = cap_schedule(in_force_date(year), as_of)
    if schedule.verdict is not Verdict.CALCULATED:
        return []
    first_two = Decimal(str(schedule.figures["first_two_years_cap"]))
    total = Decimal(str(schedule.figures["total_cap"]))
    return [
        f"同样在有效期内：前两年合计不超过{format_yuan(first_two)}，三年合计不超过{format_yuan(total)}。"
    ]


PRORATION_OFFER = (
    "以上是服务满一整年的上限；这一服务年度如中途停止服务，补贴按实际服务时间折算（第二十三条），"
    "告诉我实际服务了几个月，我可以算出折算后的上限。"
)


# 「补贴呢」「那补贴还发吗」: asked right after an exit, what becomes of the subsidy; not how much
_AMOUNT_WORDS = re.compile(r"多少|标准|怎么算|计算|金额|上限|基数|几年")
SHORT_QUESTION_CHARS = 10
STOP_INTENT = "ask_subsidy_stop"


def stopped_answer(
    slots: Mapping[str, Any], text: str, gives_facts: bool, ctx: AnswerContext
) -> Answer | None:
    """Right after an exit (第十一条、第十三条), a question about the subsidy that gives none of
    its facts (``gives_facts`` false, or a few words that ask no amount: 「补贴呢」) is about its
    stopping and pro-rating (第二十三条): that curated answer; ``None`` when the months served
    are known (the calculator pro-rates them) or the question is another."""
    short = len(text) <= SHORT_QUESTION_CHARS and not _AMOUNT_WORDS.search(text)
    slots = with_signing(slots)
    pro_rated = bool(slots.get("months_served") or served_until(slots))
    if (short or not gives_facts) and not pro_rated:
        return faq_answer(STOP_INTENT, ctx)
    return None


def subsidy_decided(slots: Mapping[str, Any], as_of: dt.date) -> bool:
    """No signing date at all (「不清楚」), or a fourth year (第二十三条), ends the questions."""
    slots = with_signing(slots)
    if served_until(slots):  # 「今年3月1日注销的」: the end of the service says which year
        return True
    if slots.get("first_signing_date") == "unknown" or slots.get("service_year") == ALL_YEARS:
        return True
    year = to_int(slots.get("service_year"))
    if year is None:  # months within the first year: that year's cap, pro-rated
        return _asked_year(slots) is not None and has_signing_date(slots)
    return year > LAST_SUBSIDISED_YEAR
