"""Who may be a 托管服务机构: 《管理办法》第八条 (with 第二条第二款).

第八条：（一）客观条件：符合本办法第二条第二款规定、业务范围包含劳动关系服务、人力资源服务或
法律服务等；具有专门服务场所、工作人员和必要办公条件；具有两名以上专职服务人员，且取得人力资源
管理、劳动关系协调、劳动争议调解、法律职业资格等相关资格证书之一。（二）服务能力测试：符合客观
条件的社会力量选派两名专职服务人员参加劳动关系事务托管服务能力测试，两名专职服务人员测试成绩
平均分需为80分以上。
第二条第二款：社会力量是指依法在民政部门登记成立的社会组织，以及依法在工商管理或行业主管部门
登记成立的企业、机构等各类主体组织。

Reading: 「两名以上专职服务人员，且取得……资格证书之一」 means at least two full-time staff who
each hold one of those certificates; 「以上」 includes the number (《民法典》第一千二百五十九条), so
2 staff suffice and an average of exactly 80 passes while 79.5 fails.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from rules_core.conditions import details_of, fact_condition, to_confirm_list
from rules_core.params_loader import load_agency
from rules_core.results import CheckResult, Condition, FactsConflict, Status, Verdict, combine
from rules_core.validity import dated_notes

ARTICLE = 8
OTHER_ORGANISATION = "other"


def _score_text(score: Decimal) -> str:
    return f"{score.normalize():f}分"


@dataclass(frozen=True)
class AgencyFacts:
    """What is known about a would-be agency; ``None`` means not (yet) known.

    ``organisation_type`` is ``"social_organisation"`` (民政部门登记的社会组织),
    ``"enterprise_or_institution"`` (工商管理或行业主管部门登记的企业、机构) or ``"other"``.
    ``test_scores`` are the two test-takers' scores; ``test_average`` may be given instead.
    """

    organisation_type: str | None = None
    business_scope_relevant: bool | None = None
    has_service_premises: bool | None = None
    has_staff: bool | None = None
    has_office_conditions: bool | None = None
    certified_fulltime_staff: int | None = None
    test_scores: tuple[Decimal, ...] | None = None
    test_average: Decimal | None = None

    def __post_init__(self) -> None:
        allowed = {*load_agency().qualification.organisation_types, OTHER_ORGANISATION}
        if self.organisation_type is not None and self.organisation_type not in allowed:
            raise ValueError(
                f"机构类型应为 {', '.join(sorted(allowed))} 之一，收到{self.organisation_type!r}"
            )
        if self.certified_fulltime_staff is not None and self.certified_fulltime_staff < 0:
            raise FactsConflict(
                f"持证专职服务人员人数不能为负数，收到{self.certified_fulltime_staff}"
            )
        takers = load_agency().qualification.test_takers
        if self.test_scores is not None:
            if len(self.test_scores) != takers:
                raise FactsConflict(
                    f"服务能力测试由{takers}名专职服务人员参加，"
                    f"应提供{takers}个成绩，收到{len(self.test_scores)}个"
                )
            if any(score < 0 for score in self.test_scores):
                raise FactsConflict("测试成绩不能为负数")
        if self.test_average is not None and self.test_average < 0:
            raise FactsConflict("测试平均分不能为负数")


def _organisation_condition(kind: str | None) -> Condition:
    types = load_agency().qualification.organisation_types
    label = "属于第二条第二款所称社会力量（" + "，或".join(types.values()) + "）"
    if kind is None:
        to_confirm = "机构是在民政部门登记的社会组织，还是在工商管理或行业主管部门登记的企业、机构"
        return Condition(
            "organisation_type", label, Status.UNKNOWN, f"未提供：{to_confirm}", ARTICLE, to_confirm
        )
    if kind in types:
        return Condition("organisation_type", label, Status.MET, f"属于{types[kind]}", ARTICLE)
    detail = "不属于依法在民政部门或工商管理、行业主管部门登记成立的主体组织"
    return Condition("organisation_type", label, Status.UNMET, detail, ARTICLE)


def _certified_staff_condition(count: int | None) -> Condition:
    params = load_agency().qualification
    minimum = params.min_certified_fulltime_staff
    certificates = "、".join(params.certificates)
    label = f"{minimum}名以上专职服务人员取得{certificates}等相关资格证书之一"
    if count is None:
        to_confirm = f"取得{certificates}等相关资格证书之一的专职服务人员人数"
        return Condition(
            "certified_staff", label, Status.UNKNOWN, f"未提供：{to_confirm}", ARTICLE, to_confirm
        )
    if count >= minimum:
        detail = f"持证专职服务人员{count}名，达到{minimum}名以上（含本数）"
        return Condition("certified_staff", label, Status.MET, detail, ARTICLE)
    detail = f"持证专职服务人员{count}名，少于{minimum}名"
    return Condition("certified_staff", label, Status.UNMET, detail, ARTICLE)


def _test_condition(scores: tuple[Decimal, ...] | None, average: Decimal | None) -> Condition:
    params = load_agency().qualification
    minimum = params.min_test_average
    label = (
        f"服务能力测试：选派的{params.test_takers}名专职服务人员平均分"
        f"{_score_text(minimum)}以上（含本数）"
    )
    if scores is not None:
        average = sum(scores, Decimal(0)) / Decimal(len(scores))
        shown = f"成绩{'、'.join(_score_text(s) for s in scores)}，平均{_score_text(average)}"
    elif average is not None:
        shown = f"平均{_score_text(average)}"
    else:
        to_confirm = f"{params.test_takers}名专职服务人员的服务能力测试成绩"
        return Condition(
            "capability_test", label, Status.UNKNOWN, f"未提供：{to_confirm}", ARTICLE, to_confirm
        )
    if average >= minimum:
        detail = f"{shown}，达到{_score_text(minimum)}以上"
        return Condition("capability_test", label, Status.MET, detail, ARTICLE)
    detail = f"{shown}，低于{_score_text(minimum)}"
    return Condition("capability_test", label, Status.UNMET, detail, ARTICLE)


def check_agency_qualification(facts: AgencyFacts, as_of: dt.date) -> CheckResult:
    """第八条: may this organisation be a 托管服务机构? 符合 / 不符合 / 尚需确认."""
    scopes = "、".join(load_agency().qualification.business_scopes)
    conditions = (
        _organisation_condition(facts.organisation_type),
        fact_condition(
            key="business_scope",
            label=f"业务范围包含{scopes}等",
            value=facts.business_scope_relevant,
            article=ARTICLE,
            if_true=f"业务范围包含{scopes}等",
            if_false=f"业务范围不包含{scopes}等",
            to_confirm=f"业务范围是否包含{scopes}等",
        ),
        fact_condition(
            key="service_premises",
            label="具有专门服务场所",
            value=facts.has_service_premises,
            article=ARTICLE,
            if_true="具有专门服务场所",
            if_false="没有专门服务场所",
            to_confirm="是否具有专门服务场所",
        ),
        fact_condition(
            key="staff",
            label="具有工作人员",
            value=facts.has_staff,
            article=ARTICLE,
            if_true="具有工作人员",
            if_false="没有工作人员",
            to_confirm="是否具有工作人员",
        ),
        fact_condition(
            key="office_conditions",
            label="具有必要办公条件",
            value=facts.has_office_conditions,
            article=ARTICLE,
            if_true="具有必要办公条件",
            if_false="不具有必要办公条件",
            to_confirm="是否具有必要办公条件",
        ),
        _certified_staff_condition(facts.certified_fulltime_staff),
        _test_condition(facts.test_scores, facts.test_average),
    )
    overall = combine([c.status for c in conditions])
    notes = list(dated_notes(as_of))
    if overall is Status.MET:
        verdict = Verdict.ELIGIBLE
        conclusion = "符合：可以作为小微企业劳动关系事务托管服务机构。"
        notes.append(
            "服务机构名单由坪山区人力资源部门于每年第一季度在坪山区人民政府网站公布（第十条）。"
        )
        citations: tuple[int, ...] = (2, ARTICLE, 10)
    elif overall is Status.UNMET:
        verdict = Verdict.NOT_ELIGIBLE
        conclusion = (
            "不符合："
            + "；".join(details_of(conditions, Status.UNMET))
            + "，不能作为托管服务机构。"
        )
        citations = (2, ARTICLE)
    else:
        verdict = Verdict.NEEDS_CONFIRMATION
        conclusion = (
            "尚需确认：已知情况未见不符合之处，还需确认："
            + "；".join(to_confirm_list(conditions))
            + "。"
        )
        citations = (2, ARTICLE)
    return CheckResult(
        check="agency_qualification",
        verdict=verdict,
        conclusion=conclusion,
        conditions=conditions,
        citations=citations,
        figures={
            "as_of": as_of.isoformat(),
            "min_certified_fulltime_staff": load_agency().qualification.min_certified_fulltime_staff,
            "min_test_average": str(load_agency().qualification.min_test_average),
            "to_confirm": to_confirm_list(conditions),
        },
        notes=tuple(notes),
    )
