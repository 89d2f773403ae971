"""Subsidy caps: 《管理办法》第十九条, with 第二十二条 and 第二十三条.

第十九条：坪山区人力资源部门根据社会力量服务小微企业从业人数、服务效果等因素综合确定服务补贴
金额，采取逐年递减方式支付补贴。……补贴最长年限为3年：第一年……不超过首次签约时深圳市上年度
城镇非私营单位在岗职工年平均工资的1/5；第二年……1/6；第三年……1/7。
第二十二条：坪山区人力资源部门根据考核评估结果确定服务补贴数额。
第二十三条：服务机构或服务对象出现第十一条、第十三条规定情形后，停止发放服务补贴，已提供服务
时间段的补贴按实际服务时间进行折算。……满3年后，坪山区人力资源部门不再给予服务补贴。

How this is read here:
* the subsidy is paid to the **service agency** (社会力量), not to the enterprise;
* the figures are upper bounds (「不超过」): the actual amount is set by the district;
* 「上年度」 is the calendar year before the first signing date, and the base is the 在岗职工
  series only (``params/shenzhen_average_wage.yaml``); a year missing from that table is
  reported as not known, never estimated;
* service year n is ``[first signing + (n-1) years, first signing + n years)``;
* caps are rounded half-up to the fen; a pro-rated cap is the exact cap (base × 1/5, 1/6, 1/7)
  × months/12 or × days served / days in that service year, rounded half-up once (a second
  rounding of the already rounded cap would move some results by a fen: 155,563 × 1/6 × 6/12 is
  12,963.58, not 25,927.17 × 6/12 = 12,963.59); it never exceeds the rounded cap.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any

from rules_core.citations import chinese_number
from rules_core.money import format_yuan, to_yuan
from rules_core.params_loader import Fraction, WageRow, load_dates, load_subsidy, load_wage_table
from rules_core.periods import chinese_date, year_bounds, year_index_on
from rules_core.results import CheckResult, Condition, FactsConflict, Status, Verdict
from rules_core.validity import Regime, dated_notes, regime_on

SUBSIDY_ARTICLE = 19
AWARD_ARTICLE = 22
STOP_ARTICLE = 23
PAID_TO = "托管服务机构"
STATISTICS_CAVEAT = "以深圳市统计局公布数据为准"


def service_year_on(first_signing: dt.date, on: dt.date) -> int:
    """Which service year ``on`` falls in, counted from the first signing (year 1 = first year).

    Year n runs from ``first_signing + (n-1) years`` to the day before ``first_signing + n
    years``: first signed 2021-05-10 → 2022-05-09 is year 1 and 2022-05-10 is year 2.
    """
    return year_index_on(first_signing, on)


def _year_label(n: int) -> str:
    return f"第{chinese_number(n)}年"


def _fraction(service_year: int) -> Fraction:
    return load_subsidy().fractions_by_service_year[service_year]


def _cap(base: Decimal, service_year: int) -> Decimal:
    return to_yuan(_fraction(service_year).of(base))


def _base_text(row: WageRow) -> str:
    return f"{row.data_year}年度{row.yuan:,}元"


def _check_service_year(service_year: int) -> None:
    if service_year < 1:
        raise FactsConflict(f"服务年度应从第1年开始，收到{service_year}")


def _period_text(first_signing: dt.date, service_year: int) -> str:
    start, end = year_bounds(first_signing, service_year)
    return f"{chinese_date(start)}至{chinese_date(end)}"


def _regime_condition(first_signing: dt.date) -> Condition:
    """第十九条 applies to a first signing within 第二十七条's period (2021-03-31 – 2024-03-30)."""
    label = "首次签约在《管理办法》有效期内（第十九条的补贴规则适用）"
    regime = regime_on(first_signing)
    if regime is Regime.IN_FORCE:
        detail = f"首次签约日期{chinese_date(first_signing)}"
        return Condition("signed_under_regulation", label, Status.MET, detail, SUBSIDY_ARTICLE)
    to_confirm = f"首次签约（{chinese_date(first_signing)}）当时适用的补贴规则"
    if regime is Regime.AFTER_VALIDITY:
        detail = (
            f"首次签约日期{chinese_date(first_signing)}在《管理办法》规定的有效期"
            f"（至{chinese_date(load_dates().valid_through)}）之后，"
            "届时适用的补贴规则不在本助手掌握的资料中"
        )
    else:
        detail = (
            f"首次签约日期{chinese_date(first_signing)}在《管理办法》施行之前，"
            "当时的补贴规则不在本助手掌握的资料中"
        )
    return Condition(
        "signed_under_regulation", label, Status.UNKNOWN, detail, SUBSIDY_ARTICLE, to_confirm
    )


def _base_condition(first_signing: dt.date) -> tuple[Condition, WageRow | None]:
    subsidy = load_subsidy()
    base_year = first_signing.year - 1
    row = load_wage_table().for_year(base_year)
    label = f"补贴基数（首次签约时上年度的{subsidy.base_series}）"
    if row is None:
        to_confirm = f"{base_year}年度{subsidy.base_series}（{STATISTICS_CAVEAT}）"
        detail = f"{base_year}年度{subsidy.base_series}本助手未掌握，无法给出金额"
        return (
            Condition("base", label, Status.UNKNOWN, detail, SUBSIDY_ARTICLE, to_confirm),
            None,
        )
    detail = (
        f"首次签约{chinese_date(first_signing)}，上年度为{_base_text(row)}（{STATISTICS_CAVEAT}）"
    )
    return Condition("base", label, Status.MET, detail, SUBSIDY_ARTICLE), row


def _base_notes(first_signing: dt.date, row: WageRow | None) -> list[str]:
    if row is None:
        return []
    notes = [
        f"计算基数为{row.data_year}年度{load_wage_table().series}，{STATISTICS_CAVEAT}"
        "（本助手的数据取自统计公报的转载）。"
    ]
    if not row.published.certainly_published_by(first_signing):
        notes.append(
            f"首次签约日（{chinese_date(first_signing)}）时，{row.data_year}年度数据"
            f"（约于{row.published.chinese()}公布）可能尚未公布；本助手按签约日期的上一个日历年度"
            f"（{row.data_year}年度）取数，实际采用的基数请以坪山区人力资源部门核定为准。"
        )
    return notes


def amount_notes() -> list[str]:
    """Who is paid the subsidy and what decides the amount under the cap (第十九条、第二十二条)."""
    determined_by = load_subsidy().determined_by
    return [
        f"补贴由{determined_by}发给{PAID_TO}，不是发给企业；以上是「不超过」的上限，实际金额由"
        f"{determined_by}根据服务小微企业从业人数、服务效果等因素综合确定（第十九条），"
        "并依据考核评估结果确定（第二十二条）。"
    ]


def _base_figures(first_signing: dt.date, row: WageRow | None) -> dict[str, object]:
    figures: dict[str, object] = {
        "first_signing": first_signing.isoformat(),
        "base_year": first_signing.year - 1,
        "base_series": load_wage_table().series,
        "paid_to": PAID_TO,
        "is_upper_bound": True,
        "data_note": STATISTICS_CAVEAT,
    }
    if row is not None:
        possibly_unpublished = not row.published.certainly_published_by(first_signing)
        figures.update(
            base=str(row.yuan),
            base_published=row.published.text,
            base_source=row.source,
            caveat_possibly_unpublished=possibly_unpublished,
        )
    else:
        figures.update(base=None, caveat_base_unknown=True)
    return figures


def _no_subsidy(first_signing: dt.date | None, service_year: int, as_of: dt.date) -> CheckResult:
    max_years = load_subsidy().max_years
    period = f"（{_period_text(first_signing, service_year)}）" if first_signing else ""
    condition = Condition(
        "service_year",
        f"补贴年限（同一家企业最长{max_years}年）",
        Status.UNMET,
        f"{_year_label(service_year)}{period}已超过{max_years}年补贴年限",
        STOP_ARTICLE,
    )
    return CheckResult(
        check="subsidy_cap",
        verdict=Verdict.NO_SUBSIDY,
        conclusion=(
            f"不再给予服务补贴：{_year_label(service_year)}已超过{max_years}年；社会力量为同一家"
            f"小微企业提供托管服务满{max_years}年后，坪山区人力资源部门不再给予服务补贴，"
            "双方主体自行协商服务方式、内容。"
        ),
        conditions=(condition,),
        citations=(SUBSIDY_ARTICLE, STOP_ARTICLE),
        figures={
            "first_signing": first_signing.isoformat() if first_signing else None,
            "service_year": service_year,
            "max_years": max_years,
            "cap": "0.00",
        },
        notes=dated_notes(as_of, [("首次签约日期", first_signing)] if first_signing else []),
    )


def subsidy_after_term(service_year: int, as_of: dt.date) -> CheckResult | None:
    """第二十三条: a service year after the last subsidised one gets no subsidy, whenever the
    first signing was (「第四年呢」 needs no date); ``None`` for a subsidised year."""
    if service_year <= load_subsidy().max_years:
        return None
    return _no_subsidy(None, service_year, as_of)


def subsidy_cap(first_signing: dt.date, service_year: int, as_of: dt.date) -> CheckResult:
    """第十九条: the upper bound of the subsidy the agency may get for year ``service_year``.

    Year 4 and later → 不再给予服务补贴 (第二十三条). A base year missing from the wage table, or
    a first signing before the 《管理办法》 took effect, → 尚需确认 without an amount.
    """
    _check_service_year(service_year)
    regime_condition = _regime_condition(first_signing)
    if service_year > load_subsidy().max_years and regime_condition.status is Status.MET:
        return _no_subsidy(first_signing, service_year, as_of)
    base_condition, row = _base_condition(first_signing)
    year_condition = Condition(
        "service_year",
        f"补贴年限（同一家企业最长{load_subsidy().max_years}年）",
        Status.MET if service_year <= load_subsidy().max_years else Status.UNKNOWN,
        f"{_year_label(service_year)}：{_period_text(first_signing, service_year)}",
        SUBSIDY_ARTICLE,
        # Only reachable for a signing before the 《管理办法》: its year limit is not known here.
        "" if service_year <= load_subsidy().max_years else "首次签约当时适用的补贴年限",
    )
    conditions: tuple[Condition, ...] = (regime_condition, year_condition, base_condition)
    notes = [*dated_notes(as_of, [("首次签约日期", first_signing)])]
    figures = _base_figures(first_signing, row)
    start, end = year_bounds(first_signing, service_year)
    figures.update(service_year=service_year, year_from=start.isoformat(), year_to=end.isoformat())
    label = _year_label(service_year)

    if regime_condition.status is not Status.MET:
        return CheckResult(
            check="subsidy_cap",
            verdict=Verdict.NEEDS_CONFIRMATION,
            conclusion=(
                f"尚需确认：首次签约日期{chinese_date(first_signing)}不在《管理办法》有效期内"
                f"（{chinese_date(load_dates().in_force_from)}至{chinese_date(load_dates().valid_through)}），"
                "不能按第十九条计算补贴上限，当时的补贴规则请向坪山区人力资源局确认。"
            ),
            # The base row is not shown: 第十九条 governs only signings within 第二十七条's period.
            conditions=(regime_condition, year_condition),
            citations=(SUBSIDY_ARTICLE, 27),
            figures={
                "first_signing": first_signing.isoformat(),
                "service_year": service_year,
                "regime": regime_on(first_signing).value,
                "cap": None,
            },
            notes=tuple(notes),
            cites_interpretation=True,
        )

    fraction = _fraction(service_year)
    figures["fraction"] = str(fraction)
    if row is None:
        return CheckResult(
            check="subsidy_cap",
            verdict=Verdict.NEEDS_CONFIRMATION,
            conclusion=(
                f"尚需确认：{label}补贴上限为{first_signing.year - 1}年度"
                f"{load_subsidy().base_series}的{fraction}，该年度数据本助手未掌握，"
                f"无法给出金额（{STATISTICS_CAVEAT}）。"
            ),
            conditions=conditions,
            citations=(SUBSIDY_ARTICLE,),
            figures={**figures, "cap": None},
            notes=(*notes, *amount_notes()),
        )

    cap = _cap(row.yuan, service_year)
    figures.update(cap=str(cap), cap_display=format_yuan(cap))
    notes = [*_base_notes(first_signing, row), *amount_notes(), *notes]
    if service_year > 1:
        # 「第三年是不是要按最新的平均工资算」: a later year keeps the first signing's base
        notes.insert(0, _FIXED_BASE_NOTE.format(label=label, year=row.data_year))
    return CheckResult(
        check="subsidy_cap",
        verdict=Verdict.CALCULATED,
        conclusion=(
            f"{label}补贴上限为{format_yuan(cap)}：不超过首次签约时上年度"
            f"（{row.data_year}年度）{load_wage_table().series}{row.yuan:,}元的{fraction}。"
            f"补贴发给{PAID_TO}，实际金额由坪山区人力资源部门核定。"
        ),
        conditions=conditions,
        citations=(SUBSIDY_ARTICLE, AWARD_ARTICLE),
        figures=figures,
        notes=tuple(notes),
        cites_interpretation=service_year > 1,
    )


# 《政策解读》五（七）: the base is fixed at the first signing
_FIXED_BASE_NOTE = (
    "{label}仍按首次签约时确定的{year}年度平均工资计算，不随之后各年度平均工资的公布或上调而变动："
    "平均工资每年上调、浮动较大，基数固定才能实现补贴逐年递减（《政策解读》五（七））。"
)


def cap_schedule(first_signing: dt.date, as_of: dt.date) -> CheckResult:
    """第十九条 for all three years at once (the answer to 「补贴多少」)."""
    max_years = load_subsidy().max_years
    results = [subsidy_cap(first_signing, n, as_of) for n in range(1, max_years + 1)]
    first = results[0]
    if first.verdict is not Verdict.CALCULATED:
        return dataclasses.replace(first, check="cap_schedule")
    years = [
        {
            "service_year": r.figures["service_year"],
            "year_from": r.figures["year_from"],
            "year_to": r.figures["year_to"],
            "fraction": r.figures["fraction"],
            "cap": r.figures["cap"],
            "cap_display": r.figures["cap_display"],
        }
        for r in results
    ]
    parts = [f"{_year_label(int(y['service_year']))}{y['cap_display']}" for y in years]
    figures = {k: v for k, v in first.figures.items() if k not in years[0]}
    # the sum of the caps as shown (each rounded to the cent), so the figures add up on paper
    total = sum((to_yuan(Decimal(str(y["cap"]))) for y in years), Decimal(0))
    first_two = sum((to_yuan(Decimal(str(y["cap"]))) for y in years[:2]), Decimal(0))
    figures.update(
        years=years,
        no_subsidy_from_year=max_years + 1,
        total_cap=str(total),
        first_two_years_cap=str(first_two),
    )
    base_text = f"{first.figures['base_year']}年度{Decimal(str(first.figures['base'])):,}元"
    return CheckResult(
        notes=(_decrease_note(years), *first.notes),
        check="cap_schedule",
        verdict=Verdict.CALCULATED,
        conclusion=(
            f"三年补贴上限分别为{'、'.join(parts)}：依次不超过首次签约时上年度"
            f"（{base_text}）{load_wage_table().series}的"
            f"{'、'.join(str(y['fraction']) for y in years)}，逐年递减；"
            f"前两年合计不超过{format_yuan(first_two)}，三年合计不超过{format_yuan(total)}；"
            f"第{chinese_number(max_years + 1)}年起不再给予服务补贴。补贴发给{PAID_TO}，"
            "实际金额由坪山区人力资源部门核定。"
        ),
        conditions=tuple(c for c in first.conditions if c.key != "service_year"),
        citations=(SUBSIDY_ARTICLE, AWARD_ARTICLE, STOP_ARTICLE),
        figures=figures,
    )


def _decrease_note(years: list[dict[str, Any]]) -> str:
    """「第二年比第一年少5,184.43元…」: how much each year's cap falls (the caps as shown)."""
    caps = [to_yuan(Decimal(str(y["cap"]))) for y in years]
    steps = [
        f"{_year_label(n + 2)}比{_year_label(n + 1)}少{format_yuan(caps[n] - caps[n + 1])}"
        for n in range(len(caps) - 1)
    ]
    whole = f"{_year_label(len(caps))}比{_year_label(1)}少{format_yuan(caps[0] - caps[-1])}"
    return f"逐年递减的幅度：{'，'.join(steps)}；{whole}。"


def _validate_proration(
    first_signing: dt.date,
    service_year: int,
    months_served: int | None,
    served_from: dt.date | None,
    served_to: dt.date | None,
) -> None:
    by_dates = served_from is not None or served_to is not None
    if months_served is not None and by_dates:
        raise ValueError("折算方式只能二选一：按服务月数，或按服务起止日期")
    if months_served is None and not by_dates:
        raise ValueError("请提供实际服务月数，或实际服务的起止日期")
    if months_served is not None:
        months = load_subsidy().months_per_year
        if not 0 <= months_served <= months:
            raise FactsConflict(f"实际服务月数应在0到{months}之间（含），收到{months_served}")
        return
    if served_from is None or served_to is None:
        raise ValueError("按日期折算需要同时提供服务开始日期和结束日期")
    if served_to < served_from:
        raise FactsConflict(
            f"服务结束日期（{chinese_date(served_to)}）不能早于开始日期（{chinese_date(served_from)}）"
        )
    start, end = year_bounds(first_signing, service_year)
    if served_from < start or served_to > end:
        raise FactsConflict(
            f"折算的服务时间段应在同一服务年度内：{_year_label(service_year)}为"
            f"{chinese_date(start)}至{chinese_date(end)}"
        )


def prorated_subsidy_cap(
    first_signing: dt.date,
    service_year: int,
    as_of: dt.date,
    months_served: int | None = None,
    served_from: dt.date | None = None,
    served_to: dt.date | None = None,
) -> CheckResult:
    """第二十三条: the cap for a partly served year, pro-rated by actual service time.

    Give either ``months_served`` (0..12; cap × months/12) or ``served_from``/``served_to``
    (both days counted, within one service year; cap × days served / days in that year).
    The result is still an upper bound.
    """
    _check_service_year(service_year)
    _validate_proration(first_signing, service_year, months_served, served_from, served_to)
    full = subsidy_cap(first_signing, service_year, as_of)
    if full.verdict is not Verdict.CALCULATED:
        return dataclasses.replace(full, check="prorated_subsidy_cap")
    cap = Decimal(str(full.figures["cap"]))
    fraction = _fraction(service_year)
    exact = Decimal(str(full.figures["base"])) * fraction.numerator / fraction.denominator
    label = _year_label(service_year)
    figures = dict(full.figures)
    if months_served is not None:
        months = load_subsidy().months_per_year
        prorated = min(cap, to_yuan(exact * months_served / months))
        how = (
            f"按实际服务{months_served}个月折算：{int(full.figures['base']):,}元 × {fraction} × "
            f"{months_served}/{months}（全年上限{format_yuan(cap)}）"
        )
        service_detail = f"实际服务{months_served}个月（全年{months}个月）"
        figures.update(method="months", months_served=months_served, months_in_year=months)
    else:
        assert served_from is not None and served_to is not None  # checked above
        start, end = year_bounds(first_signing, service_year)
        days_served = (served_to - served_from).days + 1
        days_in_year = (end - start).days + 1
        prorated = min(cap, to_yuan(exact * days_served / days_in_year))
        how = (
            f"按实际服务天数折算：{int(full.figures['base']):,}元 × {fraction} × {days_served}/{days_in_year}"
            f"（{chinese_date(served_from)}至{chinese_date(served_to)}，首尾两日均计入）"
        )
        service_detail = (
            f"{chinese_date(served_from)}至{chinese_date(served_to)}，共{days_served}天；"
            f"{label}共{days_in_year}天"
        )
        figures.update(
            method="days",
            served_from=served_from.isoformat(),
            served_to=served_to.isoformat(),
            days_served=days_served,
            days_in_year=days_in_year,
        )
    figures.update(
        full_cap=str(cap),
        full_cap_display=format_yuan(cap),
        cap=str(prorated),
        cap_display=format_yuan(prorated),
    )
    period = Condition(
        "service_time", "实际服务时间（第二十三条折算）", Status.MET, service_detail, STOP_ARTICLE
    )
    return CheckResult(
        check="prorated_subsidy_cap",
        verdict=Verdict.CALCULATED,
        conclusion=(
            f"{label}折算后补贴上限为{format_yuan(prorated)}：{how}；仍为上限，"
            f"补贴发给{PAID_TO}，实际金额由坪山区人力资源部门核定。"
        ),
        conditions=(*full.conditions, period),
        citations=(SUBSIDY_ARTICLE, AWARD_ARTICLE, STOP_ARTICLE),
        figures=figures,
        notes=(
            "出现第十一条、第十三条规定情形后停止发放服务补贴，已提供服务时间段的补贴"
            "按实际服务时间进行折算（第二十三条）。",
            *full.notes,
        ),
    )
