"""Typed results shared by every check (the OpenFisca way: never a bare bool).

A :class:`CheckResult` carries the conclusion in the fixed words of the answer contract, one
:class:`Condition` per requirement (met / unmet / unknown, with the figures used), the articles
it rests on, and the figures a client may want to render.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class FactsConflict(ValueError):
    """Facts that cannot all hold (a part larger than its whole, a negative count, a date before
    the day it is counted from). The message is Chinese and says which figures disagree: it is
    shown to the user, who can correct one of them."""


class Status(str, Enum):
    """Whether one condition of a rule holds for the facts given."""

    MET = "met"
    UNMET = "unmet"
    UNKNOWN = "unknown"

    @property
    def mark(self) -> str:
        return {"met": "✔ 满足", "unmet": "✘ 不满足", "unknown": "？ 尚需确认"}[self.value]


class Verdict(str, Enum):
    """The fixed conclusion words of the answer contract (DESIGN.md)."""

    ELIGIBLE = "符合"
    NOT_ELIGIBLE = "不符合"
    NEEDS_CONFIRMATION = "尚需确认"
    AGENCY_EXIT = "触发退出情形"
    AGENCY_NO_EXIT = "未触发退出情形"
    ENTERPRISE_EXIT = "不再作为托管服务对象"
    ENTERPRISE_STAYS = "未触发退出情形"
    CALCULATED = "已计算"
    NO_SUBSIDY = "不再给予服务补贴"


def combine(statuses: list[Status]) -> Status:
    """All conditions must hold: any unmet → unmet; else any unknown → unknown; else met."""
    if any(s is Status.UNMET for s in statuses):
        return Status.UNMET
    if any(s is Status.UNKNOWN for s in statuses):
        return Status.UNKNOWN
    return Status.MET


def any_of(statuses: list[Status]) -> Status:
    """At least one must hold: any met → met; else any unknown → unknown; else unmet."""
    if any(s is Status.MET for s in statuses):
        return Status.MET
    if any(s is Status.UNKNOWN for s in statuses):
        return Status.UNKNOWN
    return Status.UNMET


@dataclass(frozen=True)
class Condition:
    """One requirement of an article, evaluated against the facts.

    ``key`` is a stable identifier (e.g. ``headcount``), ``label`` the Chinese wording shown to
    the user, ``detail`` the figures used (e.g. ``从业人员100人，不超过100人``), ``article`` the
    article the condition comes from, and ``to_confirm`` what to find out when unknown.
    """

    key: str
    label: str
    status: Status
    detail: str
    article: int
    to_confirm: str = ""


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check.

    ``conclusion`` is the text after 【结论】 (it starts with the verdict word, e.g.
    ``符合：可以作为托管服务对象``); ``citations`` are article numbers; ``figures`` are the numbers
    used or computed (Decimals and dates as strings so that the payload is JSON); ``notes`` are
    caveats such as the validity period having ended.
    """

    check: str
    verdict: Verdict
    conclusion: str
    conditions: tuple[Condition, ...]
    citations: tuple[int, ...]
    figures: dict[str, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    cites_interpretation: bool = False
