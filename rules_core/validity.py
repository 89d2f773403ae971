"""Which version of the rules governed a given day (第二十七条 and 《政策解读》一（二））.

第二十七条：本办法自2021年3月31日起施行，有效期3年 — in force 2021-03-31 through 2024-03-30
(the first day counts). The 试行 version it replaced was in force 2018-02-24 through 2021-02-23
(《政策解读》一（二））; between 2021-02-24 and 2021-03-30 neither was in force by these sources.
Every date-dependent check appends the notes built here, so that an answer dated after
2024-03-30 says the stated validity period has ended and where to confirm current practice, and
an answer about a fact dated before 2021-03-31 says the 试行 version applied then.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import Enum

from rules_core.citations import REGULATION_DOC_NUMBER, REGULATION_FULL_NAME
from rules_core.params_loader import load_dates
from rules_core.periods import chinese_date
from rules_core.results import CheckResult, Condition, Status, Verdict

CONFIRM_WITH = "坪山区人力资源局"


class Regime(str, Enum):
    """The rules in force on a day, as far as the sources here tell."""

    BEFORE_TRIAL = "before_trial"
    TRIAL = "trial"
    GAP = "gap"
    IN_FORCE = "in_force"
    AFTER_VALIDITY = "after_validity"


def regime_on(day: dt.date) -> Regime:
    dates = load_dates()
    if day < dates.trial_in_force_from:
        return Regime.BEFORE_TRIAL
    if day <= dates.trial_expired_on:
        return Regime.TRIAL
    if day < dates.in_force_from:
        return Regime.GAP
    if day <= dates.valid_through:
        return Regime.IN_FORCE
    return Regime.AFTER_VALIDITY


def validity_note(as_of: dt.date) -> str | None:
    """The caveat every date-dependent answer carries once ``as_of`` is past 2024-03-30."""
    dates = load_dates()
    if as_of <= dates.valid_through:
        return None
    return (
        f"《管理办法》规定的有效期已于{chinese_date(dates.valid_through)}届满，"
        f"现行做法请向{CONFIRM_WITH}确认。"
    )


def fact_date_note(label: str, day: dt.date) -> str | None:
    """A note when a fact's date (e.g. the first signing) lies outside the 《管理办法》's period."""
    dates = load_dates()
    when = f"{label}（{chinese_date(day)}）"
    trial = dates.trial_name
    regime = regime_on(day)
    if regime is Regime.BEFORE_TRIAL:
        return (
            f"{when}早于{trial}的施行日（{chinese_date(dates.trial_in_force_from)}），"
            f"当时的规定不在本助手掌握的资料中，请向{CONFIRM_WITH}确认。"
        )
    if regime is Regime.TRIAL:
        return (
            f"{when}在《管理办法》施行（{chinese_date(dates.in_force_from)}）之前，当时适用的是"
            f"{trial}（{chinese_date(dates.trial_in_force_from)}起施行，"
            f"{chinese_date(dates.trial_expired_on)}到期）；试行版本的服务补贴等具体规定"
            f"不在本助手掌握的资料中，请向{CONFIRM_WITH}确认。"
        )
    if regime is Regime.GAP:
        return (
            f"{when}在{trial}到期（{chinese_date(dates.trial_expired_on)}）之后、《管理办法》"
            f"施行（{chinese_date(dates.in_force_from)}）之前，按现有资料两者当日均不在施行期内，"
            f"请向{CONFIRM_WITH}确认当时的做法。"
        )
    if regime is Regime.AFTER_VALIDITY:
        return (
            f"{when}在《管理办法》规定的有效期（至{chinese_date(dates.valid_through)}）届满之后，"
            f"届时做法请向{CONFIRM_WITH}确认。"
        )
    return None


def dated_notes(as_of: dt.date, facts: Iterable[tuple[str, dt.date]] = ()) -> tuple[str, ...]:
    """The validity caveats for a check made on ``as_of`` about facts with these dates."""
    notes: list[str] = []
    note = validity_note(as_of)
    if note is None and regime_on(as_of) is not Regime.IN_FORCE:
        note = fact_date_note("查询日期", as_of)
    if note:
        notes.append(note)
    for label, day in facts:
        fact_note = fact_date_note(label, day)
        # After-validity fact dates are already covered when as_of is past the validity period.
        if fact_note and not (
            regime_on(day) is Regime.AFTER_VALIDITY and validity_note(as_of) is not None
        ):
            notes.append(fact_note)
    return tuple(dict.fromkeys(notes))


def validity_status(as_of: dt.date) -> CheckResult:
    """第二十七条: not yet in force / in force / validity period ended, on ``as_of``."""
    dates = load_dates()
    span = (
        f"{REGULATION_FULL_NAME}（{REGULATION_DOC_NUMBER}，简称《管理办法》）"
        f"{chinese_date(dates.issued_on)}印发，自{chinese_date(dates.in_force_from)}"
        f"起施行，有效期{dates.validity_years}年，即至{chinese_date(dates.valid_through)}"
    )
    if as_of < dates.in_force_from:
        status, conclusion, condition_status = (
            "not_yet_in_force",
            f"尚未施行：截至{chinese_date(as_of)}，{span}。",
            Status.UNMET,
        )
    elif as_of <= dates.valid_through:
        status, conclusion, condition_status = (
            "in_force",
            f"施行中：截至{chinese_date(as_of)}，{span}。",
            Status.MET,
        )
    else:
        status, conclusion, condition_status = (
            "validity_ended",
            f"有效期已届满：{span}；规定的有效期已于{chinese_date(dates.valid_through)}届满，"
            f"现行做法请向{CONFIRM_WITH}确认。",
            Status.UNMET,
        )
    condition = Condition(
        key="in_force",
        label="《管理办法》在有效期内",
        status=condition_status,
        detail=(
            f"查询日期{chinese_date(as_of)}；有效期{chinese_date(dates.in_force_from)}至"
            f"{chinese_date(dates.valid_through)}（施行首日计入）"
        ),
        article=27,
    )
    # what comes after the term is not in the sources: say so, and who knows
    notes: list[str] = [
        f"有效期届满后是否延续或出台新的办法，《管理办法》及其《政策解读》没有说明，请关注坪山区人民政府网站或咨询{CONFIRM_WITH}。"
    ]
    if status != "validity_ended":
        trial_note = fact_date_note("查询日期", as_of)
        if trial_note:
            notes.append(trial_note)
    if as_of > dates.trial_expired_on:
        # 「之前那个试行办法还有效吗」 is asked as often as the current one's validity
        notes.append(
            f"《管理办法》取代的{dates.trial_name}自{chinese_date(dates.trial_in_force_from)}起施行，"
            f"已于{chinese_date(dates.trial_expired_on)}到期，不再适用（《政策解读》一（二））。"
        )
    return CheckResult(
        check="validity_status",
        verdict=Verdict.CALCULATED,
        conclusion=conclusion,
        conditions=(condition,),
        citations=(27,),
        figures={
            "status": status,
            "as_of": as_of.isoformat(),
            "issued_on": dates.issued_on.isoformat(),
            "in_force_from": dates.in_force_from.isoformat(),
            "valid_through": dates.valid_through.isoformat(),
            "validity_years": dates.validity_years,
        },
        notes=tuple(notes),
        cites_interpretation=True,
    )
