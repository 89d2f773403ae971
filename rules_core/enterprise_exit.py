"""When an enterprise stops being a 托管服务对象: 《管理办法》第十三条 (with 第二十三条).

第十三条：小微企业出现下列情形之一的，不再作为小微企业劳动关系事务托管服务对象：
（一）接受劳动关系事务托管服务届满三年；（二）在服务期限内停业、注销、搬迁出坪山区等情形。
第二十三条：服务对象出现第十三条规定情形后，停止发放服务补贴，已提供服务时间段的补贴按实际
服务时间进行折算；满3年后不再给予服务补贴。

Reading of 「届满三年」: the day the service starts is the first day of service, so three full
years started on 2021-05-10 cover 2021-05-10 … 2024-05-09. 「届满」 includes that last day
(《民法典》第一千二百五十九条：「届满」包括本数), and a period ends at 24:00 of its last day
(《民法典》第二百零三条), so on 2024-05-09 the third year is still running and from 2024-05-10 the
three years have 届满: the enterprise is no longer a 托管服务对象 from that day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rules_core.conditions import details_of, to_confirm_list
from rules_core.params_loader import load_eligibility, load_subsidy
from rules_core.periods import add_years, chinese_date, last_day_of_years
from rules_core.results import CheckResult, Condition, Status, Verdict, any_of
from rules_core.validity import dated_notes

ARTICLE = 13
STOP_ARTICLE = 23


@dataclass(frozen=True)
class EnterpriseExitFacts:
    """What is known about an enterprise being served; ``None`` means not (yet) known.

    ``service_started`` is the first day it received the custody service; the three flags are
    the events of 第十三条第（二）项 during the service period.
    """

    service_started: dt.date | None = None
    closed_down: bool | None = None
    deregistered: bool | None = None
    moved_out_of_pingshan: bool | None = None
    # 「已经接受托管服务满三年了」: whole years of service the user says have passed, when the
    # start date is not given (a start date, when given, decides instead)
    years_served: int | None = None
    # 「签约也没满三年」: the user says the term is not complete, without a start date
    term_not_complete: bool = False
    # 「如果托管满三年了，还算服务对象吗」: years the user supposes have passed; the answer is
    # for that case, whatever the start date says of today
    supposed_years: int | None = None
    # 「下个月从马峦搬去龙田，会不会不再是托管服务对象？」: the user asks whether an event they
    # told ends the service; with no start date the answer is for that event, and the three
    # years of 第十三条第（一）项 are told as what still ends it
    asks_of_event: bool = False


def three_years_complete_on(service_started: dt.date) -> dt.date:
    """The last day of three years of service (届满之日): started 2021-05-10 → 2024-05-09."""
    return last_day_of_years(service_started, load_eligibility().exit_after_service_years)


def _full_term_condition(
    started: dt.date | None,
    as_of: dt.date,
    years_served: int | None = None,
    term_not_complete: bool = False,
    supposed_years: int | None = None,
) -> Condition:
    years = load_eligibility().exit_after_service_years
    label = f"接受托管服务届满{years}年（第十三条第（一）项）"
    if supposed_years is not None:
        said = f"按您的假设：已接受托管服务满{supposed_years}年"
        if started is not None:
            complete_day = chinese_date(three_years_complete_on(started))
            said += f"（自{chinese_date(started)}起算，于{complete_day}届满）"
        status = Status.MET if supposed_years >= years else Status.UNMET
        return Condition("full_term", label, status, said, ARTICLE)
    if started is None and term_not_complete:
        detail = f"您说接受托管服务尚未满{years}年"
        return Condition("full_term", label, Status.UNMET, detail, ARTICLE)
    if started is None and years_served is not None:
        said = f"您说已接受托管服务满{years_served}年"
        if years_served >= years:
            return Condition("full_term", label, Status.MET, f"{said}，已届满{years}年", ARTICLE)
        detail = f"{said}，尚未届满{years}年"
        return Condition("full_term", label, Status.UNMET, detail, ARTICLE)
    if started is None:
        to_confirm = "开始接受托管服务的日期"
        return Condition(
            "full_term", label, Status.UNKNOWN, f"未提供：{to_confirm}", ARTICLE, to_confirm
        )
    complete_on = three_years_complete_on(started)
    exit_from = add_years(started, years)
    since = f"自{chinese_date(started)}起接受托管服务"
    if as_of < started:
        detail = f"{since}，截至{chinese_date(as_of)}服务尚未开始"
        return Condition("full_term", label, Status.UNMET, detail, ARTICLE)
    if as_of >= exit_from:
        detail = (
            f"{since}，至{chinese_date(complete_on)}已届满{years}年"
            f"（{chinese_date(exit_from)}起适用第十三条第（一）项）"
        )
        return Condition("full_term", label, Status.MET, detail, ARTICLE)
    detail = (
        f"{since}，截至{chinese_date(as_of)}尚未届满{years}年，将于{chinese_date(complete_on)}届满"
    )
    return Condition("full_term", label, Status.UNMET, detail, ARTICLE)


def _events_condition(facts: EnterpriseExitFacts) -> Condition:
    names = load_eligibility().exit_events
    answers = {
        "closed_down": facts.closed_down,
        "deregistered": facts.deregistered,
        "moved_out_of_pingshan": facts.moved_out_of_pingshan,
    }
    label = f"服务期限内{'、'.join(names.values())}等情形（第十三条第（二）项）"
    statuses = [
        Status.UNKNOWN if v is None else (Status.MET if v else Status.UNMET)
        for v in answers.values()
    ]
    status = any_of(statuses)
    happened = [names[k] for k, v in answers.items() if v]
    unknown = [names[k] for k, v in answers.items() if v is None]
    if status is Status.MET:
        detail = f"服务期限内企业已{'、'.join(happened)}"
        return Condition("exit_event", label, status, detail, ARTICLE)
    if status is Status.UNMET:
        detail = f"企业没有{'、'.join(names.values())}"
        return Condition("exit_event", label, status, detail, ARTICLE)
    to_confirm = f"服务期限内企业是否{'、'.join(unknown)}"
    return Condition("exit_event", label, status, f"未提供：{to_confirm}", ARTICLE, to_confirm)


def check_enterprise_exit(facts: EnterpriseExitFacts, as_of: dt.date) -> CheckResult:
    """第十三条: is the enterprise no longer a 托管服务对象 on ``as_of``?"""
    conditions = (
        _full_term_condition(
            facts.service_started,
            as_of,
            facts.years_served,
            facts.term_not_complete,
            facts.supposed_years,
        ),
        _events_condition(facts),
    )
    overall = any_of([c.status for c in conditions])
    notes = list(
        dated_notes(
            as_of, [("服务开始日期", facts.service_started)] if facts.service_started else []
        )
    )
    full_term, event = conditions
    figures: dict[str, object] = {"as_of": as_of.isoformat()}
    if facts.service_started is not None:
        figures.update(
            service_started=facts.service_started.isoformat(),
            three_years_complete_on=three_years_complete_on(facts.service_started).isoformat(),
            no_longer_service_object_from=add_years(
                facts.service_started, load_eligibility().exit_after_service_years
            ).isoformat(),
        )
    if overall is Status.MET:
        verdict = Verdict.ENTERPRISE_EXIT
        conclusion = "不再作为托管服务对象：" + "；".join(details_of(conditions, Status.MET)) + "。"
        if event.status is Status.MET:
            notes.insert(
                0,
                "出现第十三条规定情形后停止发放服务补贴，已提供服务时间段的补贴按实际服务时间"
                "进行折算（第二十三条）。",
            )
        if full_term.status is Status.MET:
            notes.insert(
                0,
                f"托管服务满{load_subsidy().max_years}年后坪山区人力资源部门不再给予服务补贴，"
                "是否继续服务、服务方式和内容由双方自行协商（第二十三条）。",
            )
    elif (
        overall is Status.UNKNOWN
        and facts.asks_of_event
        and event.status is Status.UNMET
        and full_term.status is Status.UNKNOWN
        and facts.service_started is None
    ):
        verdict = Verdict.ENTERPRISE_STAYS
        conclusion = (
            f"未触发退出情形：{event.detail}，所说情况不属于第十三条第（二）项的情形，"
            "不会因此不再作为托管服务对象。"
        )
        years = load_eligibility().exit_after_service_years
        notes.insert(
            0,
            f"另外，接受托管服务届满{years}年也不再作为托管服务对象（第十三条第（一）项）；"
            f"您没有说开始接受托管服务的日期，届满{years}年的时间请按实际开始日期计算。",
        )
    elif overall is Status.UNKNOWN:
        verdict = Verdict.NEEDS_CONFIRMATION
        conclusion = (
            "尚需确认：已知情况未触发第十三条退出情形，还需确认："
            + "；".join(to_confirm_list(conditions))
            + "。"
        )
    else:
        verdict = Verdict.ENTERPRISE_STAYS
        conclusion = (
            "未触发退出情形：仍可作为托管服务对象（"
            + "；".join(details_of(conditions, Status.UNMET))
            + "）。"
        )
    started = facts.service_started
    subsidy_end_known = full_term.status is Status.UNMET and started is not None
    if started is not None and subsidy_end_known and as_of >= started:
        years = load_eligibility().exit_after_service_years
        notes.append(
            f"届满{years}年后（{chinese_date(add_years(started, years))}起）不再作为托管服务对象，"
            "坪山区人力资源部门也不再给予服务补贴；是否继续服务、服务方式和内容由双方自行协商（第二十三条）。"
        )
    figures["to_confirm"] = to_confirm_list(conditions)
    cites_stop = verdict is Verdict.ENTERPRISE_EXIT or subsidy_end_known
    return CheckResult(
        check="enterprise_exit",
        verdict=verdict,
        conclusion=conclusion,
        conditions=conditions,
        citations=(ARTICLE, STOP_ARTICLE) if cites_stop else (ARTICLE,),
        figures=figures,
        notes=tuple(notes),
    )
