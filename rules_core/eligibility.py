"""Who may receive the custody service: 《管理办法》第九条 (托管服务对象).

第九条：注册地、纳税地、经营地均在坪山区、从业人员100人以下、生产经营正常且符合以下条件之一的
小微企业（劳务派遣、人力资源服务机构除外）可作为小微企业劳动关系事务托管服务对象：
（一）上一年度发生劳动信访、劳动监察、劳动仲裁案件的企业；（二）上一年度已入库的科技型中小
企业；（三）其他符合产业导向的重点企业。

Three-valued: every condition is met, unmet or unknown. One unmet condition makes the answer
不符合 whatever else is unknown; otherwise any unknown makes it 尚需确认 with the list of what to
find out; otherwise 符合. 「100人以下」 includes 100 (《民法典》第一千二百五十九条).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rules_core.conditions import details_of, fact_condition, to_confirm_list
from rules_core.params_loader import load_eligibility
from rules_core.results import (
    CheckResult,
    Condition,
    FactsConflict,
    Status,
    Verdict,
    any_of,
    combine,
)
from rules_core.validity import dated_notes

ARTICLE = 9
LIST_ARTICLE = 10
OTHER_FIRM_TYPE = "other"


@dataclass(frozen=True)
class EnterpriseFacts:
    """What is known about an enterprise; ``None`` means not (yet) known.

    ``firm_type`` is ``"labour_dispatch"`` (劳务派遣), ``"hr_service"`` (人力资源服务机构) or
    ``"other"``.
    """

    registered_in_pingshan: bool | None = None
    tax_in_pingshan: bool | None = None
    operating_in_pingshan: bool | None = None
    headcount: int | None = None
    operating_normally: bool | None = None
    firm_type: str | None = None
    had_labour_cases_last_year: bool | None = None
    tech_sme_registered_last_year: bool | None = None
    key_industry_enterprise: bool | None = None
    # 「三地是否都在坪山区？」 answered as a whole: False says at least one is elsewhere without
    # saying which; the three facts above, when given, take precedence.
    all_places_in_pingshan: bool | None = None

    def __post_init__(self) -> None:
        if self.headcount is not None and self.headcount < 0:
            raise FactsConflict(f"从业人员人数不能为负数，收到{self.headcount}")
        allowed = {*load_eligibility().excluded_firm_types, OTHER_FIRM_TYPE}
        if self.firm_type is not None and self.firm_type not in allowed:
            raise ValueError(
                f"企业类型应为 {', '.join(sorted(allowed))} 之一，收到{self.firm_type!r}"
            )


def _location_conditions(facts: EnterpriseFacts) -> list[Condition]:
    """注册地、纳税地、经营地均在坪山区: one condition per place, or one for all three when the
    enterprise only said that they are not all there."""
    place = load_eligibility().location
    whole = facts.all_places_in_pingshan
    specs = (
        ("registered_in_pingshan", "注册地", facts.registered_in_pingshan),
        ("tax_in_pingshan", "纳税地", facts.tax_in_pingshan),
        ("operating_in_pingshan", "经营地", facts.operating_in_pingshan),
    )
    # a later statement of each place (「经营地也是坪山」) outweighs an earlier 「不都在」
    if (
        whole is False
        and not any(value is False for _, _, value in specs)
        and not all(value is True for _, _, value in specs)
    ):
        label = f"注册地、纳税地、经营地均在{place}"
        detail = f"注册地、纳税地、经营地不都在{place}（未说明是哪一处）"
        return [Condition("places_in_pingshan", label, Status.UNMET, detail, ARTICLE)]
    return [
        fact_condition(
            key=key,
            label=f"{what}在{place}",
            value=True if value is None and whole is True else value,
            article=ARTICLE,
            if_true=f"{what}在{place}",
            if_false=f"{what}不在{place}",
            to_confirm=f"企业{what}是否在{place}",
        )
        for key, what, value in specs
    ]


def _headcount_condition(headcount: int | None) -> Condition:
    limit = load_eligibility().max_headcount
    label = f"从业人员{limit}人以下（含{limit}人）"
    if headcount is None:
        to_confirm = f"企业从业人员人数（{limit}人以下，含{limit}人）"
        return Condition(
            "headcount", label, Status.UNKNOWN, f"未提供：{to_confirm}", ARTICLE, to_confirm
        )
    if headcount <= limit:
        detail = f"从业人员{headcount}人，不超过{limit}人（含本数）"
        return Condition("headcount", label, Status.MET, detail, ARTICLE)
    detail = f"从业人员{headcount}人，超过{limit}人"
    return Condition("headcount", label, Status.UNMET, detail, ARTICLE)


def _firm_type_condition(firm_type: str | None) -> Condition:
    excluded = load_eligibility().excluded_firm_types
    names = "、".join(excluded.values())
    label = f"不属于{names}（第九条除外情形）"
    if firm_type is None:
        to_confirm = f"企业是否属于{names}"
        return Condition(
            "firm_type", label, Status.UNKNOWN, f"未提供：{to_confirm}", ARTICLE, to_confirm
        )
    if firm_type in excluded:
        detail = f"企业属于{excluded[firm_type]}，第九条将其排除在托管服务对象之外"
        return Condition("firm_type", label, Status.UNMET, detail, ARTICLE)
    return Condition("firm_type", label, Status.MET, f"企业不属于{names}", ARTICLE)


def _previous_year_condition(facts: EnterpriseFacts, previous_year: int) -> Condition:
    """第九条（一）至（三）: at least one must hold; 上一年度 is the calendar year before as_of."""
    texts = load_eligibility().previous_year_conditions
    answers = {
        "had_labour_cases_last_year": facts.had_labour_cases_last_year,
        "tech_sme_registered_last_year": facts.tech_sme_registered_last_year,
        "key_industry_enterprise": facts.key_industry_enterprise,
    }
    statuses = [
        Status.UNKNOWN if v is None else (Status.MET if v else Status.UNMET)
        for v in answers.values()
    ]
    status = any_of(statuses)
    year_hint = f"（上一年度按{previous_year}年计）"
    parts = [
        f"{texts[key]}：{'是' if value else '否'}" if value is not None else f"{texts[key]}：未知"
        for key, value in answers.items()
    ]
    label = "符合第九条第（一）至（三）项条件之一"
    detail = "；".join(parts) + year_hint
    to_confirm = ""
    if status is Status.UNKNOWN:
        unknown = [texts[key] for key, value in answers.items() if value is None]
        to_confirm = "是否属于以下情形之一：" + "；".join(unknown) + year_hint
    return Condition("previous_year_condition", label, status, detail, ARTICLE, to_confirm)


def check_enterprise_eligibility(facts: EnterpriseFacts, as_of: dt.date) -> CheckResult:
    """第九条: may this enterprise be a 托管服务对象? 符合 / 不符合 / 尚需确认."""
    previous_year = as_of.year - 1
    conditions = (
        *_location_conditions(facts),
        _headcount_condition(facts.headcount),
        fact_condition(
            key="operating_normally",
            label="生产经营正常",
            value=facts.operating_normally,
            article=ARTICLE,
            if_true="生产经营正常",
            if_false="生产经营不正常",
            to_confirm="企业生产经营是否正常",
        ),
        _firm_type_condition(facts.firm_type),
        _previous_year_condition(facts, previous_year),
    )
    overall = combine([c.status for c in conditions])
    notes = list(dated_notes(as_of))
    list_note = (
        "最终名单以坪山区人力资源部门公布为准：托管服务机构和服务对象名单于每年第一季度"
        "在坪山区人民政府网站公布（第十条）。"
    )
    if overall is Status.MET:
        verdict = Verdict.ELIGIBLE
        conclusion = "符合：可以作为小微企业劳动关系事务托管服务对象。"
        notes.append(list_note)
    elif overall is Status.UNMET:
        verdict = Verdict.NOT_ELIGIBLE
        conclusion = (
            "不符合："
            + "；".join(details_of(conditions, Status.UNMET))
            + "，不能作为托管服务对象。"
        )
    else:
        verdict = Verdict.NEEDS_CONFIRMATION
        conclusion = (
            "尚需确认：已知情况未见不符合之处，还需确认："
            + "；".join(to_confirm_list(conditions))
            + "。"
        )
        notes.append(list_note)
    return CheckResult(
        check="enterprise_eligibility",
        verdict=verdict,
        conclusion=conclusion,
        conditions=conditions,
        citations=(ARTICLE, LIST_ARTICLE) if list_note in notes else (ARTICLE,),
        figures={
            "as_of": as_of.isoformat(),
            "previous_year": previous_year,
            "headcount": facts.headcount,
            "max_headcount": load_eligibility().max_headcount,
            "to_confirm": to_confirm_list(conditions),
        },
        notes=tuple(notes),
    )
