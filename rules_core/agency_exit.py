"""When an agency stops being a 托管服务机构: 《管理办法》第十一条 (with 第十二条、第二十三条).

第十一条：提供劳动关系事务托管服务的社会力量出现以下情形之一的，不再作为小微企业劳动关系事务
托管服务机构：（一）服务机构在自然年度内其劳动信访、劳动监察、劳动仲裁案件发生率1%以上或者
年度总案件量10件以上；（二）服务机构托管服务对象在自然年度内发生劳动信访、劳动监察、劳动仲裁
案件的企业数量比例20%以上；（三）服务对象在自然年度内要求更换服务机构比例10%以上；
（四）服务机构存在其他违法违规行为。
第十二条：服务机构出现第十一条规定情形的，服务对象可依据合同约定解除服务合同。
第二十三条：出现第十一条规定情形后，停止发放服务补贴，已提供服务时间段的补贴按实际服务时间
进行折算。

Reading: 「以上」 includes the number (《民法典》第一千二百五十九条), so 1%, 10 cases, 20% and 10%
all trigger. The regulation does not define the denominator of the agency's own 案件发生率, so the
rate is taken as the percentage the user gives, never computed here. Shares in (二) and (三) are
taken over the agency's 托管服务对象 in that natural year and compared exactly (Decimal/integers),
so that exactly 20% triggers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from rules_core.conditions import details_of, to_confirm_list
from rules_core.params_loader import load_agency
from rules_core.results import CheckResult, Condition, FactsConflict, Status, Verdict, any_of
from rules_core.validity import dated_notes

ARTICLE = 11
RESCIND_ARTICLE = 12
MATCHING_ARTICLE = 14
LIST_ARTICLE = 10
STOP_ARTICLE = 23
HUNDRED = Decimal(100)
SHOWN = Decimal("0.01")


@dataclass(frozen=True)
class AgencyExitFacts:
    """What is known about an agency in one natural year; ``None`` means not (yet) known.

    Shares may be given as counts (``clients_with_cases`` / ``change_requests`` over
    ``clients_served``) or directly as percentages; counts win when both are given.
    """

    own_case_rate_percent: Decimal | None = None
    # 「案件发生率不到1%」: the rate is only said to be below this figure
    own_case_rate_below_percent: Decimal | None = None
    own_case_count: int | None = None
    clients_served: int | None = None
    clients_with_cases: int | None = None
    change_requests: int | None = None
    other_violation: bool | None = None
    clients_with_cases_percent: Decimal | None = None
    change_request_percent: Decimal | None = None
    year: int | None = None

    def __post_init__(self) -> None:
        counts = {
            "年度案件量": self.own_case_count,
            "托管服务对象数量": self.clients_served,
            "发生案件的服务对象数量": self.clients_with_cases,
            "要求更换服务机构的服务对象数量": self.change_requests,
        }
        for name, count in counts.items():
            if count is not None and count < 0:
                raise FactsConflict(f"{name}不能为负数，收到{count}")
        percents = {
            "案件发生率": self.own_case_rate_percent,
            "发生案件的服务对象比例": self.clients_with_cases_percent,
            "要求更换服务机构的比例": self.change_request_percent,
        }
        for name, percent in percents.items():
            if percent is not None and not Decimal(0) <= percent <= HUNDRED:
                raise FactsConflict(f"{name}应在0%到100%之间，收到{percent}%")
        if self.clients_served is not None:
            for name, part in (
                ("发生案件的服务对象数量", self.clients_with_cases),
                ("要求更换服务机构的服务对象数量", self.change_requests),
            ):
                if part is not None and part > self.clients_served:
                    raise FactsConflict(
                        f"{name}（{part}家）不能超过托管服务对象数量（{self.clients_served}家）"
                    )


def _inclusive(value: Decimal | int | None, threshold: Decimal | int) -> str:
    """「（“以上”包括本数）」 for a figure exactly on the line (1%, 10件, 20%, 10%)."""
    return "（“以上”包括本数）" if value is not None and value == threshold else ""


def _pct(value: Decimal) -> str:
    """Show a percentage without ever rounding it up past a threshold (19.999 → 19.99%)."""
    shown = value.quantize(SHOWN, rounding=ROUND_DOWN).normalize()
    return f"{shown:f}%"


def _year_text(year: int | None) -> str:
    return f"{year}年度" if year is not None else "该自然年度"


def _threshold_status(value: Decimal | int | None, threshold: Decimal | int) -> Status:
    if value is None:
        return Status.UNKNOWN
    return Status.MET if value >= threshold else Status.UNMET


def _own_cases_condition(facts: AgencyExitFacts) -> Condition:
    """第十一条第（一）项: own case rate ≥ 1% OR own case count ≥ 10 in the natural year."""
    limits = load_agency().exit
    rate, count = facts.own_case_rate_percent, facts.own_case_count
    statuses = [
        _threshold_status(rate, limits.own_case_rate_percent),
        _threshold_status(count, limits.own_case_count),
    ]
    rate_limit = _pct(limits.own_case_rate_percent)
    below = facts.own_case_rate_below_percent
    if rate is None and below is not None and below <= limits.own_case_rate_percent:
        statuses[0] = Status.UNMET
        rate_text = f"案件发生率低于{_pct(below)}（按您所说）"
    elif rate is None:
        rate_text = "案件发生率未提供"
    elif statuses[0] is Status.MET:
        rate_text = f"案件发生率{_pct(rate)}，达到{rate_limit}以上{_inclusive(rate, limits.own_case_rate_percent)}"
    else:
        rate_text = f"案件发生率{_pct(rate)}，低于{rate_limit}"
    if count is None:
        count_text = "年度案件量未提供"
    elif statuses[1] is Status.MET:
        count_text = (
            f"年度案件量{count}件，达到{limits.own_case_count}件以上"
            f"{_inclusive(count, limits.own_case_count)}"
        )
    else:
        count_text = f"年度案件量{count}件，少于{limits.own_case_count}件"
    label = (
        f"（一）机构自身劳动信访、劳动监察、劳动仲裁案件发生率{rate_limit}以上"
        f"或年度总案件量{limits.own_case_count}件以上"
    )
    status = any_of(statuses)
    to_confirm = ""
    if status is Status.UNKNOWN:
        missing = []
        if rate is None:
            missing.append("案件发生率（《管理办法》未规定计算口径，以坪山区人力资源部门统计为准）")
        if count is None:
            missing.append("年度总案件量")
        to_confirm = f"服务机构{_year_text(facts.year)}劳动信访、劳动监察、劳动仲裁的" + "和".join(
            missing
        )
    return Condition("own_cases", label, status, f"{rate_text}；{count_text}", ARTICLE, to_confirm)


def _share_condition(
    *,
    key: str,
    label: str,
    what: str,
    part: int | None,
    whole: int | None,
    given_percent: Decimal | None,
    threshold: Decimal,
    to_confirm: str,
) -> Condition:
    """A share of the agency's 托管服务对象 compared with ``threshold`` percent, exactly."""
    if part is not None and whole is not None:
        if whole == 0:
            detail = f"没有托管服务对象，{what}为0家"
            return Condition(key, label, Status.UNMET, detail, ARTICLE)
        share = Decimal(part) * HUNDRED / Decimal(whole)
        met = Decimal(part) * HUNDRED >= threshold * Decimal(whole)
        figures = f"{what}{part}家 / 托管服务对象{whole}家 = {_pct(share)}"
    elif given_percent is not None:
        met = given_percent >= threshold
        share = given_percent
        figures = f"{what}比例{_pct(given_percent)}"
    else:
        return Condition(key, label, Status.UNKNOWN, f"未提供：{to_confirm}", ARTICLE, to_confirm)
    if met:
        detail = f"{figures}，达到{_pct(threshold)}以上{_inclusive(share, threshold)}"
        return Condition(key, label, Status.MET, detail, ARTICLE)
    return Condition(key, label, Status.UNMET, f"{figures}，低于{_pct(threshold)}", ARTICLE)


def _violation_condition(other_violation: bool | None) -> Condition:
    label = "（四）服务机构存在其他违法违规行为"
    if other_violation is None:
        to_confirm = "服务机构是否存在其他违法违规行为"
        return Condition(
            "other_violation", label, Status.UNKNOWN, f"未提供：{to_confirm}", ARTICLE, to_confirm
        )
    if other_violation:
        return Condition("other_violation", label, Status.MET, "存在其他违法违规行为", ARTICLE)
    return Condition("other_violation", label, Status.UNMET, "没有其他违法违规行为", ARTICLE)


def check_agency_exit(facts: AgencyExitFacts, as_of: dt.date) -> CheckResult:
    """第十一条: has the agency triggered an exit situation? 触发 / 未触发 / 尚需确认."""
    limits = load_agency().exit
    year = _year_text(facts.year)
    conditions = (
        _own_cases_condition(facts),
        _share_condition(
            key="clients_with_cases",
            label=(
                "（二）托管服务对象中发生劳动信访、劳动监察、劳动仲裁案件的企业比例"
                f"{_pct(limits.clients_with_cases_percent)}以上"
            ),
            what="发生案件的服务对象",
            part=facts.clients_with_cases,
            whole=facts.clients_served,
            given_percent=facts.clients_with_cases_percent,
            threshold=limits.clients_with_cases_percent,
            to_confirm=f"{year}托管服务对象总数及其中发生劳动信访、劳动监察、劳动仲裁案件的企业数",
        ),
        _share_condition(
            key="change_requests",
            label=f"（三）服务对象要求更换服务机构的比例{_pct(limits.change_request_percent)}以上",
            what="要求更换服务机构的服务对象",
            part=facts.change_requests,
            whole=facts.clients_served,
            given_percent=facts.change_request_percent,
            threshold=limits.change_request_percent,
            to_confirm=f"{year}托管服务对象总数及其中要求更换服务机构的企业数",
        ),
        _violation_condition(facts.other_violation),
    )
    overall = any_of([c.status for c in conditions])
    notes = list(dated_notes(as_of))
    if facts.own_case_rate_percent is not None:
        notes.append("《管理办法》未规定案件发生率的计算口径，此处按所提供的百分比判断。")
    interpretation = False
    if overall is Status.MET:
        verdict = Verdict.AGENCY_EXIT
        conclusion = (
            "触发退出情形："
            + "；".join(details_of(conditions, Status.MET))
            + "，不再作为小微企业劳动关系事务托管服务机构。"
        )
        notes[:0] = [
            "停止发放服务补贴，已提供服务时间段的补贴按实际服务时间进行折算（第二十三条）。",
            "服务对象可依据合同约定解除服务合同，随后可自行更换服务机构"
            "（第十二条、《政策解读》五（四））。",
        ]
        citations: tuple[int, ...] = (ARTICLE, RESCIND_ARTICLE, STOP_ARTICLE)
        interpretation = True
    elif overall is Status.UNKNOWN:
        verdict = Verdict.NEEDS_CONFIRMATION
        conclusion = (
            "尚需确认：已知情况未触发第十一条退出情形，还需确认："
            + "；".join(to_confirm_list(conditions))
            + "。"
        )
        citations = (ARTICLE,)
    else:
        verdict = Verdict.AGENCY_NO_EXIT
        conclusion = "未触发退出情形：" + "；".join(details_of(conditions, Status.UNMET)) + "。"
        citations = (ARTICLE,)
    return CheckResult(
        check="agency_exit",
        verdict=verdict,
        conclusion=conclusion,
        conditions=conditions,
        citations=citations,
        figures={
            "as_of": as_of.isoformat(),
            "year": facts.year,
            "triggered_items": [c.key for c in conditions if c.status is Status.MET],
            "to_confirm": to_confirm_list(conditions),
            "thresholds": {
                "own_case_rate_percent": str(limits.own_case_rate_percent),
                "own_case_count": limits.own_case_count,
                "clients_with_cases_percent": str(limits.clients_with_cases_percent),
                "change_request_percent": str(limits.change_request_percent),
            },
        },
        notes=tuple(notes),
        cites_interpretation=interpretation,
    )


def enterprise_options_after_agency_exit() -> CheckResult:
    """第十二条 and 《政策解读》五（四）: what an enterprise may do once its agency has to exit.

    The enterprise *may* (not must) terminate the service contract as the contract provides,
    then choose another agency; the agency's subsidy stops (第二十三条).
    """
    options = (
        "可以依据服务合同的约定解除服务合同：解除的条件和程序按合同条款办理（第十二条）。",
        "解除后可以自行更换服务机构（《政策解读》五（四））；小微企业根据需求自主选择服务机构，"
        "坪山区人力资源部门不定期举办双选会促进对接（第十四条）。",
        "服务机构名单每年第一季度在坪山区人民政府网站公布，可据此选择（第十条）。",
        "原服务机构的服务补贴停止发放，已提供服务时间段的补贴按实际服务时间折算（第二十三条）。",
    )
    return CheckResult(
        check="enterprise_options_after_agency_exit",
        verdict=Verdict.AGENCY_EXIT,
        conclusion=(
            "触发退出情形后，企业可以依据服务合同的约定解除服务合同，再自行选择其他托管服务机构；"
            "是否解除由企业决定。"
        ),
        conditions=(),
        citations=(LIST_ARTICLE, ARTICLE, RESCIND_ARTICLE, MATCHING_ARTICLE, STOP_ARTICLE),
        figures={"options": list(options)},
        notes=options,
        cites_interpretation=True,
    )
