"""From what the user said to slot values: pure functions, no Rasa import.

Slots hold plain strings so that they survive the tracker store unchanged:
yes/no questions hold ``yes`` / ``no`` / ``unknown`` (「不清楚」); counts hold digits or
``unknown``; the headcount may hold a range such as ``81-89`` (「八十多人」).

Entities (from bot/language/facts.py) fill slots wherever they appear in the conversation, so
a form asks only for what is still missing; a later message (「不对，是120人」) overwrites.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from bot.language.facts import NONE_AT_ALL
from bot.language.numbers import NUMBER, to_decimal

YES, NO, UNKNOWN = "yes", "no", "unknown"

ELIGIBILITY_SLOTS = (
    "in_pingshan",
    "headcount",
    "operating_normally",
    "firm_type",
    "qualifying_condition",
)
SUBSIDY_SLOTS = ("first_signing_date", "service_year", "months_served")
AGENCY_EXIT_SLOTS = (
    "clients_served",
    "clients_with_cases",
    "change_requests",
    "own_case_count",
    "own_case_rate",
    "other_violation",
)
QUALIFICATION_SLOTS = (
    "organisation_type",
    "business_scope",
    "premises_and_staff",
    "certified_staff",
    "test_scores",
)
ENTERPRISE_EXIT_SLOTS = ("service_started", "exit_event")
FILING_SLOTS = ("signed_on",)
OPTIONAL_FACT_SLOTS = ("client_case_percent", "change_percent", "years_served", "pingshan_places")

YES_NO_SLOTS = frozenset(
    {"in_pingshan", "operating_normally", "other_violation", "business_scope", "premises_and_staff"}
)
COUNT_SLOTS = frozenset(
    {
        "clients_served",
        "clients_with_cases",
        "change_requests",
        "own_case_count",
        "certified_staff",
        "service_year",
        "months_served",
    }
)
DATE_SLOTS = frozenset({"first_signing_date", "service_started", "signed_on"})
FACT_SLOTS = frozenset(
    ELIGIBILITY_SLOTS
    + SUBSIDY_SLOTS
    + AGENCY_EXIT_SLOTS
    + QUALIFICATION_SLOTS
    + ENTERPRISE_EXIT_SLOTS
    + FILING_SLOTS
    + OPTIONAL_FACT_SLOTS
)

# Which date slot a bare date fills, by the question being asked.
_DATE_SLOT_BY_INTENT = {
    "ask_subsidy_amount": "first_signing_date",
    "ask_subsidy_stop": "first_signing_date",
    "ask_filing": "signed_on",
    "ask_service_agreement": "signed_on",
    "ask_enterprise_exit": "service_started",
}
_AGENCY_INTENTS = frozenset({"ask_agency_exit", "ask_agency_conditions", "ask_service_transition"})
_AGENCY_FORMS = frozenset({"agency_exit_form", "qualification_form"})
_DATE_SLOT_BY_FORM = {"subsidy_form": "first_signing_date"}


def _entity_values(
    entities: Iterable[Mapping[str, Any]], name: str, role: str | None = "*"
) -> list[str]:
    return [
        str(e.get("value"))
        for e in entities
        if e.get("entity") == name and (role == "*" or e.get("role") == role)
    ]


def _places(entities: list[Mapping[str, Any]]) -> str | None:
    """Which of the three places were named, and whether in 坪山区: ``registered:no,operating:yes``."""
    roles = {
        "registered": ("registered",),
        "tax": ("tax",),
        "operating": ("operating",),
        "all": ("registered", "tax", "operating"),
    }
    found: dict[str, str] = {}
    for e in entities:
        if e.get("entity") == "district" and e.get("role") in roles:
            for place in roles[str(e["role"])]:
                found[place] = YES if str(e.get("value")) == "坪山区" else NO
    return ",".join(f"{k}:{v}" for k, v in sorted(found.items())) or None


def _location(entities: list[Mapping[str, Any]]) -> str | None:
    """第九条 needs 注册地、纳税地、经营地 all in 坪山区: any other district for one of them → no."""
    located = [e for e in entities if e.get("entity") == "district" and e.get("role")]
    if any(str(e.get("value")) != "坪山区" for e in located):
        return NO
    if any(e.get("role") == "all" for e in located):
        return YES
    roles = {e.get("role") for e in located}
    return YES if {"registered", "tax", "operating"} <= roles else None


def slots_from_entities(
    entities: list[Mapping[str, Any]],
    intent: str,
    active_form: str | None,
    requested_slot: str | None,
) -> dict[str, str]:
    """The slot values stated in one message, whatever is being asked."""
    slots: dict[str, str] = {}
    location = _location(entities)
    if location:
        slots["in_pingshan"] = location
    if places := _places(entities):
        slots["pingshan_places"] = places
    if values := _entity_values(entities, "headcount"):
        slots["headcount"] = values[-1]
    for status in _entity_values(entities, "operating_status"):
        if status == "normal":
            slots["operating_normally"] = YES
        elif status in ("abnormal", "suspended", "deregistered"):
            slots["operating_normally"] = NO
        # 搬迁 is about where the firm is (第九条 location, 第十三条 exit), not how it operates
        if status in ("suspended", "deregistered", "relocated"):
            slots["exit_event"] = status
    if values := _entity_values(entities, "firm_type"):
        excluded = [v for v in values if v != "other"]
        slots["firm_type"] = excluded[-1] if excluded else "other"
    positives = [
        v for v in _entity_values(entities, "qualifying_condition") if not v.startswith("no_")
    ]
    if positives:
        slots["qualifying_condition"] = positives[0]
    if values := _entity_values(entities, "service_year"):
        slots["service_year"] = values[-1]
    if values := _entity_values(entities, "months"):
        slots["months_served"] = values[-1]
    if values := _entity_values(entities, "years"):
        slots["years_served"] = values[-1]

    if values := _entity_values(entities, "date"):
        date_slot = _date_slot(intent, active_form, requested_slot)
        if date_slot:
            slots[date_slot] = values[0]

    agency_context = intent in _AGENCY_INTENTS or active_form in _AGENCY_FORMS
    for role, slot in (
        ("own_case_rate", "own_case_rate"),
        ("client_case_rate", "client_case_percent"),
        ("change_rate", "change_percent"),
    ):
        if values := _entity_values(entities, "percent", role):
            slots[slot] = values[-1]
    for role, slot in (
        ("clients", "clients_served"),
        ("clients_with_cases", "clients_with_cases"),
        ("change_requests", "change_requests"),
    ):
        if values := _entity_values(entities, "count", role):
            slots[slot] = values[-1]
    if agency_context and (values := _entity_values(entities, "count", "cases")):
        slots["own_case_count"] = values[-1]
    if (intent == "ask_agency_conditions" or active_form == "qualification_form") and (
        values := _entity_values(entities, "count", "staff")
    ):
        slots["certified_staff"] = values[-1]
    if values := _entity_values(entities, "organisation_type"):
        slots["organisation_type"] = values[-1]
    if scores := _entity_values(entities, "score"):
        slots["test_scores"] = ",".join(scores[:2])
    return slots


def _date_slot(intent: str, active_form: str | None, requested_slot: str | None) -> str | None:
    if requested_slot in DATE_SLOTS:
        return requested_slot
    if active_form in _DATE_SLOT_BY_FORM:
        return _DATE_SLOT_BY_FORM[active_form]
    return _DATE_SLOT_BY_INTENT.get(intent)


_ANSWER_BY_INTENT = {"affirm": YES, "deny": NO, "dont_know": UNKNOWN}
# Short typed answers to a yes/no question that the classifier may not read as affirm/deny.
_SHORT_NO = re.compile(
    r"^(不正常|不是|否|没有|没|不在|无|不符合|不包含|不具备|不太正常)[的吧呢啊哦。.!！]*$"
)
_SHORT_YES = re.compile(
    r"^(正常|都正常|挺正常|是|是的|对|对的|有|有的|都在|在|都有|符合|包含|具备|具有|嗯|好)[的吧呢啊哦。.!！]*$"
)


def short_yes_no(text: str) -> str | None:
    """「正常」「都在」 → yes; 「不正常」「没有」 → no; anything longer → None."""
    stripped = text.strip()
    if _SHORT_NO.match(stripped):
        return NO
    if _SHORT_YES.match(stripped):
        return YES
    return None


_FIRST_NUMBER = re.compile(NUMBER)


def answer_to_requested_slot(requested_slot: str | None, intent: str, text: str) -> str | None:
    """A short answer to the question just asked: 是/否/不清楚, or a bare number."""
    if not requested_slot:
        return None
    answer = _ANSWER_BY_INTENT.get(intent)
    if answer == UNKNOWN:
        return UNKNOWN
    if requested_slot in YES_NO_SLOTS:
        return answer or short_yes_no(text)
    if requested_slot == "firm_type" and answer == NO:
        return "other"  # 「不是」 to 「是否属于劳务派遣或人力资源服务机构？」
    if requested_slot == "qualifying_condition" and answer == NO:
        return "none"
    if requested_slot in COUNT_SLOTS and NONE_AT_ALL.search(text):
        return "0"  # 「一件都没有」
    if requested_slot in COUNT_SLOTS or requested_slot == "headcount":
        match = _FIRST_NUMBER.search(text)
        value = to_decimal(match.group(0)) if match else None
        if value is not None and value == value.to_integral_value() and value >= 0:
            return str(int(value))
    if requested_slot == "own_case_rate":  # a percentage such as 0.5 or 1.2
        match = _FIRST_NUMBER.search(text)
        rate = to_decimal(match.group(0)) if match else None
        if rate is not None and 0 <= rate <= 100:
            return format(rate.normalize(), "f")
    if requested_slot == "test_scores":
        scores = [to_decimal(m.group(0)) for m in _FIRST_NUMBER.finditer(text)]
        found = [format(s.normalize(), "f") for s in scores if s is not None and 0 <= s <= 100]
        if found:
            return ",".join(found[:2])
    return None
