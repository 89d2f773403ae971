"""Small builders shared by the checks: a yes/no fact as a Condition, lists of what to confirm."""

from __future__ import annotations

from collections.abc import Iterable

from rules_core.results import Condition, Status


def status_of(value: bool | None) -> Status:
    """A fact the user told us (True/False) or did not (None) → met / unmet / unknown."""
    if value is None:
        return Status.UNKNOWN
    return Status.MET if value else Status.UNMET


def fact_condition(
    *,
    key: str,
    label: str,
    value: bool | None,
    article: int,
    if_true: str,
    if_false: str,
    to_confirm: str,
    true_means_met: bool = True,
) -> Condition:
    """A condition that rests on one yes/no fact.

    ``true_means_met=False`` is for facts whose presence defeats the condition (e.g. 停业 for
    「没有停业」); ``if_true``/``if_false`` describe the fact itself, not the condition.
    """
    if value is None:
        return Condition(key, label, Status.UNKNOWN, f"未提供：{to_confirm}", article, to_confirm)
    met = value if true_means_met else not value
    return Condition(
        key,
        label,
        Status.MET if met else Status.UNMET,
        if_true if value else if_false,
        article,
    )


def to_confirm_list(conditions: Iterable[Condition]) -> list[str]:
    """What the user still has to find out, in the order of the conditions."""
    return [c.to_confirm for c in conditions if c.status is Status.UNKNOWN and c.to_confirm]


def details_of(conditions: Iterable[Condition], status: Status) -> list[str]:
    return [c.detail for c in conditions if c.status is status]
