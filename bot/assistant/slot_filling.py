"""From what the user said to slot values (vocabulary in :mod:`bot.assistant.vocabulary`).

Entities (from bot/language/facts.py) fill slots wherever they appear in the conversation, so
a form asks only for what is still missing; a later message (「不对，是120人」) overwrites.

Where this runs: the Rasa server's NLU pipeline computes :func:`message_slot_values` and
:func:`form_slot_values` for every message (``bot.components.fact_slots``), and the domain's
slot mappings set the slots from them, with no call to the action server. Only the answer to
the question a form just asked (「是」, 「45」, 「一件都没有」) is read by the form's validation
action (:func:`answer_to_requested_slot`), because it depends on which question was asked.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from bot.assistant.fact_context import context_intent
from bot.assistant.vocabulary import (
    ALL_YEARS,
    CORRECTION,
    COUNT_SLOTS,
    DATE_SLOTS,
    EXCLUDED_FIRM_TYPES,
    NO,
    QUALIFYING_DENIED_SLOT,
    UNKNOWN,
    YES,
    YES_NO_SLOTS,
)
from bot.language.facts import (
    NONE_AT_ALL,
    PERIOD,
    RENEWAL,
    SCORE_ORDINALS,
    SERVICE_ENDED,
    SUPPOSED,
    headcount_range,
    organisation_named,
)
from bot.language.industries import business_line
from bot.language.normalize import question_clause
from bot.language.numbers import NUMBER, to_decimal, to_int
from bot.language.reactions import replaced_figure
from bot.language.statements import asks_something
from rules_core.params_loader import load_subsidy

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
# The questions of a form whose answer in a message depends on that form being filled: a bare
# date in the subsidy calculator is the first signing date; 「有2起」 in the agency exit check
# are the agency's own cases; 「两个持证的」 in the qualification check are its certified staff.
# The domain maps these values only while that form is active (``conditions: active_loop``;
# Rasa allows such a condition only for the form's own questions).
FORM_CONTEXT_SLOTS: dict[str, tuple[str, ...]] = {
    "subsidy_form": ("first_signing_date",),
    "agency_exit_form": ("own_case_count", "own_case_rate"),
    "qualification_form": ("certified_staff",),
}


def _entity_values(
    entities: Iterable[Mapping[str, Any]], name: str, role: str | None = "*"
) -> list[str]:
    return [
        str(e.get("value"))
        for e in entities
        if e.get("entity") == name and (role == "*" or e.get("role") == role)
    ]


def _places(entities: list[Mapping[str, Any]]) -> dict[str, str]:
    """Each of the three places the message names, and whether it is in 坪山区:
    ``{"registered_in_pingshan": "no", "operating_in_pingshan": "yes"}``. One slot per place,
    so that a later message about one place (「经营地也是坪山」) keeps what was said of the others."""
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
                found[f"{place}_in_pingshan"] = YES if str(e.get("value")) == "坪山区" else NO
    unnamed = [e for e in entities if e.get("entity") == "district" and not e.get("role")]
    if (
        {"registered_in_pingshan", "tax_in_pingshan"} <= set(found)
        and "operating_in_pingshan" not in found
        and any(str(e.get("value")) == "坪山区" for e in unnamed)
    ):
        # 「做五金冲压的，在坪山碧岭，注册纳税也在这」: where the firm is, besides where it is
        # registered and pays tax, is where it operates
        found["operating_in_pingshan"] = YES
    return found


def _location(entities: list[Mapping[str, Any]]) -> str | None:
    """第九条 needs 注册地、纳税地、经营地 all in 坪山区: any other district for one of them → no.

    An enterprise said to be elsewhere without a role (「我们是肇庆的企业」: the extractor keeps
    such a place only when it is the enterprise's) is not all in 坪山区 either.
    """
    districts = [e for e in entities if e.get("entity") == "district"]
    if any(str(e.get("value")) != "坪山区" for e in districts):
        return NO
    located = [e for e in districts if e.get("role")]
    if any(e.get("role") == "all" for e in located):
        return YES
    roles = {e.get("role") for e in located}
    return YES if {"registered", "tax", "operating"} <= roles else None


QUALIFYING_KINDS = ("labour_case", "tech_sme", "key_enterprise")


def _qualifying(values: list[str]) -> str | None:
    """第九条第（一）至（三）项 from what a message says of each: the first that holds
    (``tech_sme``); ``none`` when all three are denied; ``not:labour_case,tech_sme`` when the
    rest are said to be unknown (「不知道算不算重点企业」); nothing when some are not mentioned
    (the question is asked as a whole)."""
    positives = [v for v in values if v in QUALIFYING_KINDS]
    if positives:
        return positives[0]
    denied = {v[3:] for v in values if v.startswith("no_")}
    unsure = {v[8:] for v in values if v.startswith("unknown_")} - denied
    if denied | unsure != set(QUALIFYING_KINDS):
        return None
    if not unsure:
        return "none"
    return "not:" + ",".join(k for k in QUALIFYING_KINDS if k in denied) if denied else UNKNOWN


def _denied(values: list[str]) -> str | None:
    """The kinds of 第九条第（一）至（三）项 a message denies, when it does not settle the
    question on its own (「去年劳动信访0次」 denies ``labour_case`` only)."""
    denied = [k for k in QUALIFYING_KINDS if f"no_{k}" in values]
    return ",".join(denied) if denied else None


_SLOT_RESETS = frozenset({"restart", "reset_slots", "session_started"})


def qualifying_so_far(events: Iterable[Mapping[str, Any]]) -> tuple[str | None, frozenset[str]]:
    """``qualifying_condition`` as the whole conversation settles it, and the kinds denied.

    Each message sets the slots from its own words only, so 「去年没有仲裁」 and then
    「科技型中小企业：否；重点企业：否」 deny the three kinds in two messages: together they are
    ``none``. A later denial of the kind the slot holds (「那个仲裁是2021年的」) takes it back.
    Returns ``(value, denied)``: ``value`` as the checks read it (``None`` while not settled).
    """
    value: Any = None
    denied: set[str] = set()
    for event in events:
        kind = event.get("event")
        if kind in _SLOT_RESETS:
            value, denied = None, set()
        elif kind == "slot" and event.get("name") == "qualifying_condition":
            value = event.get("value")
            if value is None:
                denied = set()
        elif kind == "slot" and event.get("name") == QUALIFYING_DENIED_SLOT:
            now = {k for k in str(event.get("value") or "").split(",") if k}
            denied |= now
            if value in now:
                value = None
    if value is None and denied >= set(QUALIFYING_KINDS):
        value = "none"
    return (str(value) if value is not None else None), frozenset(denied)


def firm_type_so_far(events: Iterable[Mapping[str, Any]]) -> str | None:
    """``firm_type`` as the conversation settles it: a 「都不是」 read from a line of business
    (「正常生产」「做注塑的」, the same message setting ``business_line``) does not overturn a
    labour-dispatch or HR-service firm type the user stated before; a stated one does."""
    value: str | None = None
    turn: list[tuple[str, Any]] = []
    correcting = False  # 「哎呀我说反了，我们是做软件开发的」: the reading is the correction

    def settle(current: str | None, changes: list[tuple[str, Any]]) -> str | None:
        said = dict(changes)
        if "firm_type" not in said:
            return current
        new = said["firm_type"]
        inferred = new == "other" and said.get("business_line") and not correcting
        return current if inferred and current in EXCLUDED_FIRM_TYPES else new

    for event in events:
        kind = event.get("event")
        if kind in _SLOT_RESETS:
            value, turn = None, []
        elif kind == "user":
            value, turn = settle(value, turn), []
            correcting = bool((event.get("parse_data") or {}).get(CORRECTION))
        elif kind == "slot" and event.get("name") in ("firm_type", "business_line"):
            turn.append((str(event.get("name")), event.get("value")))
    return settle(value, turn)


def scores_so_far(events: Iterable[Mapping[str, Any]]) -> str | None:
    """``test_scores`` as the whole conversation settles it: 「83和75」 then 「第二个是七十七」
    (the slot set to ``second:77``) is ``83,77``; a single score corrected so is left alone,
    and one of two said before any score is not known (``None``)."""
    value: str | None = None
    for event in events:
        if event.get("event") in _SLOT_RESETS:
            value = None
        elif event.get("event") == "slot" and event.get("name") == "test_scores":
            said = event.get("value")
            ordinal, _, score = str(said or "").partition(":")
            if said is None or ordinal not in SCORE_ORDINALS:
                value = None if said is None else str(said)
            elif value is not None and len(pair := value.split(",")) == 2:
                pair[SCORE_ORDINALS.index(ordinal)] = score
                value = ",".join(pair)
    return value


MIN_CERTIFIED_STAFF = 2  # 第八条第（一）项: 2名以上专职服务人员取得相关资格证书


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
    slots.update(_places(entities))
    if values := _entity_values(entities, "headcount"):
        slots["headcount"] = values[-1]
    for status in _entity_values(entities, "operating_status"):
        if status == "normal":
            slots["operating_normally"] = YES
        elif status in ("abnormal", "suspended", "deregistered"):
            slots["operating_normally"] = NO
        # 搬迁 is about where the firm is (第九条 location, 第十三条 exit), not how it operates;
        # of several said at once the most telling stands (「注销前一直在坪山经营」 is 注销,
        # 「从坪山街道搬到了龙田街道，还在坪山」 a move within 坪山)
        before = slots.get("exit_event")
        if status in _EXIT_RANK and _EXIT_RANK[status] >= _EXIT_RANK.get(str(before), -1):
            slots["exit_event"] = status
        if status == "relocated":  # 「工厂整体搬到惠州了」: it no longer operates in 坪山
            slots["operating_in_pingshan"] = NO
        elif status == "moved_within":  # 「从坪山街道搬到了龙田街道」: it still operates in 坪山
            slots["operating_in_pingshan"] = YES
    if values := _entity_values(entities, "firm_type"):
        excluded = [v for v in values if v != "other"]
        slots["firm_type"] = excluded[-1] if excluded else "other"
    said = _entity_values(entities, "qualifying_condition")
    if (qualifying := _qualifying(said)) is not None:
        slots["qualifying_condition"] = qualifying
    settled = qualifying == "none" or str(qualifying).startswith("not:")
    if not settled and (denied := _denied(said)) is not None:
        slots[QUALIFYING_DENIED_SLOT] = denied
    if values := _entity_values(entities, "service_year"):
        # 「第一年和第二年分别多少」: every year's cap (the schedule), not the last one named
        slots["service_year"] = ALL_YEARS if len(set(values)) > 1 else values[-1]
    if values := _entity_values(entities, "months"):
        slots["months_served"] = values[-1]
    if values := _entity_values(entities, "years"):
        slots["years_served"] = values[-1]

    agency_context = intent in _AGENCY_INTENTS or active_form in _AGENCY_FORMS
    ended = _entity_values(entities, "date", SERVICE_ENDED)
    if ended:  # 「2021年12月1日注销」: when the service ended (第二十三条 pro-rates by it)
        slots["service_ended"] = ended[0]
    # 「2022年8月续签」「（2022年7月到2023年6月）」: neither a signing nor the start
    renewed = _entity_values(entities, "date", RENEWAL) + _entity_values(entities, "date", PERIOD)
    if values := [v for v in _entity_values(entities, "date") if v not in ended + renewed]:
        date_slot = _date_slot(intent, active_form, requested_slot)
        first = _entity_values(entities, "date", "first_signing")
        if date_slot and first:  # 「第一次签约是2021年11月」「真正开始托管是2021年5月10日」
            slots[date_slot] = first[0]
        elif date_slot:
            slots[date_slot] = values[0]
        elif first and agency_context:
            # 「我们机构2022年2月首次签了一家企业，…被退出了」: a first signing said as such in
            # an agency's account is one (the client's subsidy asked next is counted from it);
            # in an enterprise's, the date its custody began is read in that context instead
            slots["first_signing_date"] = first[0]

    for role, slot in (
        ("own_case_rate", "own_case_rate"),
        ("client_case_rate", "client_case_percent"),
        ("change_rate", "change_percent"),
    ):
        if values := _entity_values(entities, "percent", role):
            slots[slot] = values[-1]
    # 「更正，是0.15%」 in the agency check: a rate without its name is the agency's own rate
    unnamed = _entity_values(entities, "percent", None)
    if agency_context and unnamed and "own_case_rate" not in slots:
        slots["own_case_rate"] = unnamed[-1]
    for role, slot in (
        ("clients", "clients_served"),
        ("clients_with_cases", "clients_with_cases"),
        ("change_requests", "change_requests"),
    ):
        if values := _entity_values(entities, "count", role):
            slots[slot] = values[-1]
    if agency_context and (values := _entity_values(entities, "count", "cases")):
        slots["own_case_count"] = values[-1]
        if values[-1] == "0":
            slots.setdefault("own_case_rate", "0")  # no case of its own: a rate of 0%
    if intent == "ask_agency_conditions" or active_form == "qualification_form":
        if values := _entity_values(entities, "count", "staff"):
            slots["certified_staff"] = values[-1]
        elif (values := _entity_values(entities, "count", "full_time_staff")) and int(
            values[-1]
        ) < MIN_CERTIFIED_STAFF:
            # 「专职只有1个」: whatever their certificates, fewer than 2 hold one (第八条)
            slots["certified_staff"] = values[-1]
    if values := _entity_values(entities, "organisation_type"):
        slots["organisation_type"] = values[-1]
    for slot in ("business_scope", "premises_and_staff", "other_violation"):
        if values := _entity_values(entities, "agency_condition", slot):
            slots[slot] = YES if values[-1] == "yes" else NO
    if scores := _entity_values(entities, "score", None):
        slots["test_scores"] = ",".join(scores[:2])
    else:
        for ordinal in SCORE_ORDINALS:  # 「第二个是七十七」: one of two scores said before
            if values := _entity_values(entities, "score", ordinal):
                slots["test_scores"] = f"{ordinal}:{values[-1]}"
    return slots


def message_slot_values(
    entities: list[Mapping[str, Any]], intent: str, text: str
) -> dict[str, str]:
    """The slot values one message states, read in the context of its intent.

    A plain statement of facts (``inform``) is read in the context of the check its facts
    belong to: 「2021年5月签的」 is the subsidy's first signing date, 「机构自己有2起」 the
    agency's own cases. A named line of business (「我们做注塑的」) is 「都不是」 to 第九条's
    exclusions unless the message names one (:func:`with_business_line`).
    """
    values = slots_from_entities(entities, context_intent(intent, entities, text), None, None)
    return with_text_facts(values, text)


def with_text_facts(values: dict[str, str], text: str) -> dict[str, str]:
    """``values`` plus what the message's words say beside its facts, whatever it is read as:
    the line of business (:func:`with_business_line`), a move out of 坪山 to new premises, and
    「其他几种情况都没有」 from an agency (第十一条's other situations none)."""
    values = with_business_line(values, text)
    staying = (
        values.get("exit_event") in ("moved_within", "stayed") and "years_served" not in values
    )
    if staying and _STILL_SERVED.search(text):
        # 「从碧岭街道搬到坑梓街道，还在坪山，托管要停吗」: asked of a custody that is running,
        # so its three years are not over (第十三条第（一）项)
        values["years_served"] = "under:3"
    moved_out = values.get("operating_in_pingshan") == NO and "exit_event" not in values
    if moved_out and _NEW_PREMISES.search(text):  # 「新厂是在坪地，坪地属于龙岗区」: moved out
        values["exit_event"] = "relocated"
    supposed = str(values.get("years_served") or "")
    if (
        supposed.startswith(SUPPOSED)
        and "service_year" not in values
        and _SUBSIDY_WORD.search(text)
    ):
        # 「满三年以后还有补贴吗？」: the subsidy of the year after those years (第二十三条)
        years = to_int(supposed.removeprefix(SUPPOSED))
        if years is not None and years >= load_subsidy().max_years:  # 第十九条: three years
            values["service_year"] = str(years + 1)
    if _AGENCY_FIGURES.search(text) and _OTHERS_NONE.search(text):
        # 「…有3家要求换机构，算不算？其他几种情况我们都没有」
        for slot, none in _AGENCY_NONE.items():
            values.setdefault(slot, none)
    return values


_SUBSIDY_WORD = re.compile(r"补贴|补助")
_AGENCY_FIGURES = re.compile(r"机构|托管\s*\d+\s*家|服务\s*\d+\s*家")
_OTHERS_NONE = re.compile(
    r"其他(?:几种|的|几个|各项|[一二两三几]种|[一二两三几]项|[一二两三几]条)?(?:情况|情形|几项|项)?"
    r"(?:我们)?(?:都|也|均)?(?:没有|没|不存在|无)"
)
_AGENCY_NONE = {
    "own_case_count": "0",
    "own_case_rate": "0",
    "clients_with_cases": "0",
    "change_requests": "0",
    "other_violation": NO,
}
REST_NONE_MAX_CHARS = 12


def says_the_rest_are_none(text: str) -> bool:
    """「其他都没有」「其他几项也没有」 as the whole reply: the facts not yet given are none."""
    return len(text.strip()) <= REST_NONE_MAX_CHARS and bool(_OTHERS_NONE.search(text))


def the_rest_none(text: str, known: Mapping[str, Any], names: Iterable[str]) -> dict[str, str]:
    """「其他都没有」 after the agency exit verdict (第十一条): each of ``names`` not yet known that
    can be none (no cases, no change requests, no violation) set to none; ``{}`` when the reply
    says no such thing."""
    if not says_the_rest_are_none(text):
        return {}
    return {n: _AGENCY_NONE[n] for n in names if n in _AGENCY_NONE and known.get(n) is None}


_STILL_SERVED = re.compile(
    r"托管(?:还)?(?:要|会)?停|还(?:能)?(?:继续)?(?:托管|算)|继续托管|要(?:不要)?退出"
)
# the premises a firm moved to (「新厂在…」「迁过去了」), whose place says where it now operates
_NEW_PREMISES = re.compile(r"新厂|新址|新地址|新厂房|新办公|迁过去|搬过去")


# 「生产正常」「正常生产」: a firm that produces is no labour-dispatch or HR-service agency; not
# 「生产经营正常」, 第九条's own words, which any firm says
_PRODUCING = re.compile(r"正常生产|生产正常|在生产|生产线|正常开工|开工正常")
PRODUCING_LINE = "生产"
TECH_LINE = "科技型中小企业"


def with_business_line(values: dict[str, str], text: str) -> dict[str, str]:
    """``values`` plus ``firm_type: other`` and ``business_line`` when the message names a line
    of business (bot/language/industries.yml), says the firm produces, or that it is a
    科技型中小企业 in the library, and names no firm type (the answer says how it was read)."""
    if "firm_type" in values:
        return values
    line = business_line(text)
    if line is None and _PRODUCING.search(text):
        line = PRODUCING_LINE
    if line is None and values.get("qualifying_condition") == "tech_sme":
        line = TECH_LINE
    if line is None:
        return values
    return {**values, "firm_type": "other", "business_line": line}


def form_slot_values(entities: list[Mapping[str, Any]], intent: str) -> dict[str, str]:
    """The values of :data:`FORM_CONTEXT_SLOTS` that the message gives while their form is active."""
    values: dict[str, str] = {}
    for form, names in FORM_CONTEXT_SLOTS.items():
        in_form = slots_from_entities(entities, intent, form, None)
        values.update({name: in_form[name] for name in names if name in in_form})
    return values


# The entities the NLU pipeline adds for the domain's slot mappings, each with the slot as its
# role and the slot value as its value:
# - ``fact_slot``: what the message states, read in the context of its intent (always mapped);
# - ``context_fact``: what a plain statement of facts adds when read in the context of the
#   check its facts belong to (「2021年5月签的」 → first_signing_date): mapped only while no form
#   is asking its questions, because inside a form a statement answers that form;
# - ``form_fact``: what a FORM_CONTEXT_SLOTS slot takes while its form is active.
FACT_SLOT_ENTITY = "fact_slot"
CONTEXT_FACT_ENTITY = "context_fact"
FORM_FACT_ENTITY = "form_fact"
# The slots whose value depends on the intent a message is read in (dates; an agency's cases
# and staff): the only ones a ``context_fact`` can carry.
INTENT_CONTEXT_SLOTS = DATE_SLOTS | {"own_case_count", "own_case_rate", "certified_staff"}


def slot_entities(
    entities: list[Mapping[str, Any]], intent: str, text: str
) -> list[dict[str, str]]:
    """The ``fact_slot``, ``context_fact`` and ``form_fact`` entities of one message:
    ``{"entity": …, "role": <slot>, "value": <slot value>}``."""
    plain = with_text_facts(slots_from_entities(entities, intent, None, None), text)
    in_context = message_slot_values(entities, intent, text)
    added = {slot: v for slot, v in in_context.items() if plain.get(slot) != v}
    if not set(added) <= INTENT_CONTEXT_SLOTS:  # the domain maps context_fact for these only
        raise ValueError(f"context changed slots no mapping reads: {sorted(added)}")
    return [
        *({"entity": FACT_SLOT_ENTITY, "role": s, "value": v} for s, v in plain.items()),
        *({"entity": CONTEXT_FACT_ENTITY, "role": s, "value": v} for s, v in added.items()),
        *(
            {"entity": FORM_FACT_ENTITY, "role": s, "value": v}
            for s, v in form_slot_values(entities, intent).items()
        ),
    ]


def mapped_slot_values(
    entities: list[Mapping[str, Any]], active_form: str | None
) -> dict[str, str]:
    """The slot values the domain's mappings take from one parsed message while ``active_form``
    (or no form) is active, in the mappings' order: ``form_fact``, ``context_fact``, ``fact_slot``."""
    in_form = set(FORM_CONTEXT_SLOTS.get(active_form or "", ()))
    ranked = {FORM_FACT_ENTITY: 0, CONTEXT_FACT_ENTITY: 1, FACT_SLOT_ENTITY: 2}
    applies = [
        e
        for e in entities
        if e.get("entity") == FACT_SLOT_ENTITY
        or (e.get("entity") == CONTEXT_FACT_ENTITY and active_form is None)
        or (e.get("entity") == FORM_FACT_ENTITY and e.get("role") in in_form)
    ]
    values: dict[str, str] = {}
    for e in sorted(applies, key=lambda e: ranked[str(e["entity"])]):
        values.setdefault(str(e.get("role")), str(e.get("value")))
    return values


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


# Yes and no words that answer one question only: 「挺正常的」 says how the firm operates, not
# where it is (「…是否都在坪山区？」); 「都在」 says where, not how it operates.
_ONLY_FOR = {
    "正常": "operating_normally",
    "都正常": "operating_normally",
    "挺正常": "operating_normally",
    "不正常": "operating_normally",
    "不太正常": "operating_normally",
    "都在": "in_pingshan",
    "在": "in_pingshan",
    "不在": "in_pingshan",
}


def short_yes_no(text: str, slot: str | None = None) -> str | None:
    """「正常」「都在」 → yes; 「不正常」「没有」 → no; a reply that opens with one and goes on to
    say why (「有的，去年因为虚开发票被处罚过」) → that; anything else → None. With ``slot`` (the
    question asked), a word that answers another question only (:data:`_ONLY_FOR`) is none."""
    stripped = text.strip()
    first, rest = (_FIRST_CLAUSE.split(stripped, maxsplit=1) + [""])[:2]
    if _SHORT_NO.match(stripped) or _SHORT_YES.match(stripped):
        said = stripped
    elif not rest or asks_something(rest) or first in _ACKNOWLEDGEMENTS:
        return None  # 「好，那补贴多少？」 acknowledges, then asks: no answer to the question
    else:
        said = first
    no = _SHORT_NO.match(said)
    matched = no or _SHORT_YES.match(said)
    if matched is None:
        return None
    if slot is not None and _ONLY_FOR.get(matched.group(1), slot) != slot:
        return None
    return NO if no else YES


_ALL_OF_THEM = re.compile(
    r"^(?:是的|对|嗯)?[,，]?(?:他们|两个人?|两位|两名|三个人?)?都(?:有|持|是|具备|拿了|考了)"
)


def says_all_of_them(text: str) -> bool:
    """「都有」「是的，都是专职」「两个都有证」: every one of those just named (→ True)."""
    return bool(_ALL_OF_THEM.match(text.strip())) or text.strip() in ("有", "有的", "是的", "对")


# 「其中一个其实是兼职的」「有一个没证」: some of the certified full-time staff said before are not
_FEWER_CERTIFIED = re.compile(
    r"(?:其中|里面|当中|这里面)?(?:有)?(?P<n>一|1|两|2)(?:个|名|位)(?:人|同事)?"
    r"(?:其实|实际上|实际|只|也)*(?:是|算)?"
    r"(?:兼职|非专职|不是专职|外聘|没(?:有)?(?:证|资格证|证书)|无证|还没(?:拿到|考到|取得)证)"
    r"(?=的|了|[,，。;；!！?？~]|$)"  # not 「有一个兼职会计」, someone else
)


# 「兼职那个上个月已经转专职，也有劳动争议调解员证」: one more certified full-time
_ONE_MORE_CERTIFIED = re.compile(r"(?:兼职|另外|另一)[^,，。;；]{0,8}?转(?:为|成|了)?专职")
# 「他俩上个月已经转成专职了」: two more, when both were said to be certified part-timers
_TWO_MORE_CERTIFIED = re.compile(
    r"(?:他俩|他们俩|他们两个|两个人|两个都|两位|俩人|两人)[^,，。;；]{0,8}?转(?:为|成|了)?专职"
)
_HAS_CERTIFICATE = re.compile(r"有[^,，。;；]{0,12}?证")


# 「另外一个是兼职的，有人力资源管理师证」 said earlier: the part-timer holds a certificate
_PART_TIMER_CERTIFIED = re.compile(
    r"兼职[^。;；]{0,10}?(?:有|持有|拿了|取得了?|考了)[^。;；]{0,12}?证"
    # 「两个人有劳动关系协调员证，不过都是兼职的」: the certificate said first
    r"|(?:有|持有|取得了?)[^。;；]{0,12}?证[,，]?(?:不过|但是?|可是|只是)?(?:他们|两个人|两人)?都是?兼职"
)


def fewer_certified(text: str, earlier: Iterable[str] = ()) -> int | None:
    """How many of the certified full-time staff (第八条第（一）项) a correction takes away:
    「不好意思，其中一个其实是兼职的」 → 1; 「兼职那个已经转专职，也有…证」 → -1 (one more), and
    so is 「那个兼职的已经转成专职了」 when an ``earlier`` message said the part-timer holds a
    certificate; 「他俩上个月已经转成专职了」 after 「两个人有…证，不过都是兼职的」 → -2;
    ``None`` when the message says no such thing."""
    m = _FEWER_CERTIFIED.search(text)
    if m is not None:
        return 1 if m.group("n") in ("一", "1") else 2
    for pattern, more in ((_TWO_MORE_CERTIFIED, 2), (_ONE_MORE_CERTIFIED, 1)):
        turned = pattern.search(text)
        if turned is not None:
            certified = _HAS_CERTIFICATE.search(text, turned.end()) or any(
                _PART_TIMER_CERTIFIED.search(said) for said in earlier
            )
            return -more if certified else None
    return None


# 「别问那么多，直接告诉我能不能申请托管」「先给个结论」: the verdict now, before any question
_VERDICT_NOW = re.compile(
    r"直接(?:告诉|说|讲|给|话)|先(?:告诉我|说|给个?)(?:结论|结果|能不能|行不行)|别问|不用问|不要问|少问"
    r"|就按(?:现在|目前|已有)|先给(?:我)?个?结论"
    # 「100人的企业算不算100人以下？」: whether a figure said meets a threshold is the verdict on
    # that condition, which the verdict so far shows before the next question
    r"|(?:算不算|算|属不属于|属于|是不是|符不符合|在不在|够不够)[^,，。?？]{0,6}\d+\s*(?:人|分|%|％|件|家)?"
    r"(?:以下|以上|以内)"
    # 「这个算不算第九条第一项…」: whether the facts said meet a named item of an article
    r"|(?:算不算|算是|属不属于|符不符合|是否属于|是否符合|够不够)[^,，。?？]{0,4}第[一二三四五六七八九十]+条"
)


def wants_the_verdict_now(text: str) -> bool:
    """Whether the message asks for the verdict before any question is asked (→ True)."""
    return bool(_VERDICT_NOW.search(text))


_FIRST_CLAUSE = re.compile(r"[,，。;；!！~]")
_ACKNOWLEDGEMENTS = frozenset({"嗯", "好", "好的", "嗯嗯", "哦"})


_NUMBER = re.compile(NUMBER)
# What a reply to 「…多少人？」 may hold besides the number: 「大概45个人吧」「一共5家」「82和79.5分」.
_BARE_ANSWER = re.compile(
    rf"^(?:大概|大约|约|差不多|有|共|一共|总共|就|只有|是)?(?:{NUMBER})"
    r"(?:[和、,，/]?(?:" + NUMBER + r"))?"
    r"\s*(?:个人|个|人|名|家|件|起|宗|分|%|％)?(?:左右|上下)?[的吧呢啊哦。.!！~]*$"
)
# Messages that answer a question; a number in a question or a request (「备案是15天吗」) is not
# the answer to the question the form asked.
# the intents of a reply to a form's question; 「…还没参加。能定吗」 (doubt_verdict: only the
# verdict is asked) too, which the form answers with the verdict so far
ANSWER_INTENTS = frozenset(
    {"inform", "affirm", "deny", "dont_know", "nlu_fallback", "doubt_verdict", ""}
)
# Entities whose numbers are something else than a count (「2021年5月10日」「第二年」「80分」).
_NOT_A_COUNT = frozenset({"date", "percent", "score", "service_year", "months", "years"})


def figure_count(text: str) -> int:
    """How many numbers the text holds (「82和78」 → 2)."""
    return len(_NUMBER.findall(text))


def is_bare_answer(text: str) -> bool:
    """Whether the whole message is a number, perhaps with a unit: 「45」「45个人」「5家吧」."""
    return bool(_BARE_ANSWER.match(text.strip()))


def _numbers(text: str, entities: Iterable[Mapping[str, Any]], skip: frozenset[str]) -> list[Any]:
    """The numbers in ``text`` outside the spans of entities of the ``skip`` kinds."""
    taken = [
        (int(e.get("start") or 0), int(e.get("end") or 0))
        for e in entities
        if e.get("entity") in skip
    ]
    return [
        to_decimal(m.group(0))
        for m in _NUMBER.finditer(text)
        if not any(start < m.end() and m.start() < end for start, end in taken)
        and not _DATE_UNIT.match(text, m.end())  # 「今年5月搬走了」: a month, not a count
    ]


def with_figure_replaced(
    text: str, known: Mapping[str, Any], names: Iterable[str]
) -> dict[str, str]:
    """When the message replaces one figure by another (「是6家不是8家」): ``{slot: value}`` for
    the one slot among ``names`` that held the old figure (one of the two test scores too), with
    the new one in its place; empty when the message replaces none, or none or several slots
    held it."""
    swap = replaced_figure(text)
    if swap is None:
        return {}
    old, new = swap
    found: dict[str, str] = {}
    shown = format(new.normalize(), "f")
    for name in names:
        value = known.get(name)
        if value is None:
            continue
        parts = str(value).split(",")
        hits = [i for i, part in enumerate(parts) if to_decimal(part) == old]
        if len(hits) == 1:
            parts[hits[0]] = shown
            found[name] = ",".join(parts)
    return found if len(found) == 1 else {}


# 「去年只有2家，另外3家是前年的事」: a figure said before split into this year's and another's
_SPLIT_FIGURE = re.compile(
    rf"(?P<n>{NUMBER})\s*(?P<u>家|件|起|个)[^。;；]{{0,12}}?另外(?:的)?\s*(?P<m>{NUMBER})\s*(?P=u)"
    r"[^。;；,，]{0,4}?(?:是|都是|属于|算)?(?:前年|上上年|大前年|更早|之前|以前|往年|别的年份)"
)


def with_split_figure(text: str, known: Mapping[str, Any], names: Iterable[str]) -> dict[str, str]:
    """When the message splits a figure said before into the year's part and another year's
    (「去年只有2家，另外3家是前年的事」 after 「去年有5家发生过劳动仲裁」): ``{slot: part}`` for the
    one slot among ``names`` that held the whole (5 → 2); empty when none or several did."""
    m = _SPLIT_FIGURE.search(text)
    if m is None:
        return {}
    kept, other = to_int(m.group("n")), to_int(m.group("m"))
    if kept is None or other is None:
        return {}
    whole = str(kept + other)
    held = [name for name in names if str(known.get(name) or "") == whole]
    return {held[0]: str(kept)} if len(held) == 1 else {}


_DATE_UNIT = re.compile(r"\s*(?:年|月|日|号)")
# the counts said to be a particular figure (a bare 「4家」 is read as clients)
_LABELLED_COUNT_ROLES = frozenset({"clients_with_cases", "change_requests", "cases"})
# the slot each role of a count fills (bot/language/facts.py)
_COUNT_ROLE_SLOTS = {
    "clients": "clients_served",
    "clients_with_cases": "clients_with_cases",
    "change_requests": "change_requests",
    "cases": "own_case_count",
}
_TWO_TAKERS = re.compile(r"(?:两|二|2)\s*(?:个|名|位)?\s*(?:人|专职人员|人员)|俩人?")
_BOTH = re.compile(r"都|均|一样|同样")
_COUNTED = re.compile(rf"(?:{NUMBER})\s*(?:个|名|位|人|家|件)")


# 「2」「选2」「第2个」「B」: a choice among the buttons just offered, by its number (WeChat
# users reply so; the buttons are not clickable there)
_CHOICE = re.compile(
    r"^(?:选|选择|我选|第)?\s*(?P<n>[1-9]|[一二三四五六七八九])\s*(?:个|项|条|号)?[。.!！]?$"
)
_LETTER = re.compile(r"^(?:选)?\s*(?P<l>[A-Ia-i])\s*[。.!！]?$")
_PAYLOAD = re.compile(r"^/\w+(?P<json>\{.*\})$")


def chosen_button(text: str, buttons: Sequence[Mapping[str, Any]], requested: str) -> str | None:
    """The value for ``requested`` of the button a reply chooses by number or letter (「2」 → the
    second button's ``/inform{"qualifying_condition":"tech_sme"}``), or ``None``."""
    text = text.strip()
    number = _CHOICE.match(text)
    letter = _LETTER.match(text)
    if number:
        index = (to_int(number.group("n")) or 0) - 1
    elif letter:
        index = ord(letter.group("l").upper()) - ord("A")
    else:
        return None
    if not 0 <= index < len(buttons):
        return None
    payload = _PAYLOAD.match(str(buttons[index].get("payload") or ""))
    if payload is None:
        return None
    try:
        values = json.loads(payload.group("json"))
    except ValueError:
        return None
    value = values.get(requested) if isinstance(values, dict) else None
    return str(value) if value is not None else None


# 第十三条's events before the words that only say where the firm still is
_EXIT_RANK = {
    "stayed": 0,
    "moved": 1,
    "moved_within": 2,
    "relocated": 3,
    "suspended": 3,
    "deregistered": 3,
}
# 「1是 2否 3是」「1.在 2.不在 3.在」: numbered answers to a question of several parts
_YES_NO_WORD = re.compile(r"不是|不在|没有|不对|是|否|对|在")
_NUMBERED_YES_NO = re.compile(
    r"(?:[1-3一二三]?\s*[.、:：)）]?\s*(?:不是|不在|没有|不对|是|否|对|在)[\s,，;；、。]*){2,3}"
)
_NO_WORD = re.compile(r"否|不|没")
_EVERY_YEAR = re.compile(r"都要|全部|都算|每年|每一年|三年的|三年都|都想知道|全都|都看看|都列")


_CASES_COUNTED = re.compile(rf"(?<!没)有\s*(?:{NUMBER})\s*(?:件|起|宗|次)(?!.{{0,4}}(?:没|不是))")


def answer_to_requested_slot(
    requested_slot: str | None,
    intent: str,
    text: str,
    entities: Iterable[Mapping[str, Any]] = (),
) -> str | None:
    """A short answer to the question just asked: 是/否/不清楚, 「都在坪山」, or a number.

    ``text`` is the normalised message and ``entities`` the fact extractor's (their offsets refer
    to that text). A number is read only from a message that answers (its intent, or the whole
    message is a number with its unit), never from inside a date, a percentage or a score.
    """
    if not requested_slot:
        return None
    entities = list(entities)
    answer = _ANSWER_BY_INTENT.get(intent)
    if answer == UNKNOWN:
        return UNKNOWN
    if requested_slot == "organisation_type" and (kind := organisation_named(text)) is not None:
        return kind  # 「律所」「有限公司」「协会」 to 「贵机构是哪类组织？」
    if requested_slot == "in_pingshan":
        districts = [e for e in entities if e.get("entity") == "district"]
        places = {str(e.get("value")) for e in districts}
        named_roles = {e.get("role") for e in districts} - {None, "all"}
        if places == {"坪山区"} and not named_roles:
            # 「都在坪山」 to 「…是否都在坪山区？」; not 「注册地址和办公地址都在坪山」, which
            # names two of the three places and leaves 纳税地 to be asked
            return YES
    if requested_slot == "in_pingshan" and _NUMBERED_YES_NO.fullmatch(text.strip()):
        # 「1是 2否 3是」 to 「注册地、纳税地、经营地是否都在坪山区？」: one answer per place
        words = _YES_NO_WORD.findall(text)
        return NO if any(_NO_WORD.match(word) for word in words) else YES
    if requested_slot in YES_NO_SLOTS:
        return answer or short_yes_no(text, requested_slot)
    if requested_slot == "service_year" and _EVERY_YEAR.search(text):
        return ALL_YEARS  # 「三年都要」 to 「要算第几年的补贴？」
    if requested_slot == "service_year" and not is_bare_answer(text):
        return None  # 「工厂一直正常生产」 has 一 in it, and no year: 第一年 is read as its fact
    if requested_slot == "firm_type" and answer == NO:
        return "other"  # 「不是」 to 「是否属于劳务派遣或人力资源服务机构？」
    if requested_slot == "qualifying_condition" and answer == NO:
        return "none"
    if (
        requested_slot == "qualifying_condition"
        and _CASES_COUNTED.search(text)
        and not re.search(r"今年|前年|本年|上上年", text)  # 第九条 counts the previous year's
    ):
        # 「问了，有一件」 to 第九条's question: a number of cases is of labour cases (the other
        # two conditions are no count)
        return "labour_case"
    if intent not in ANSWER_INTENTS and not is_bare_answer(text):
        return None
    if requested_slot == "headcount" and (people := headcount_range(text)) is not None:
        return people[0]  # 「七八十个」 to 「多少人？」
    if requested_slot in COUNT_SLOTS and (NONE_AT_ALL.search(text) or answer == NO):
        return "0"  # 「一件都没有」, or 「没有」 to 「有多少家…？」
    if requested_slot in COUNT_SLOTS or requested_slot == "headcount":
        # 「2022年有4家企业提出要更换服务机构」 to 「其中有多少家…发生了案件？」: a count said to be
        # another figure's (the change requests) answers that one, not the question asked
        counts = [e for e in entities if e.get("entity") == "count"]
        stated = [e for e in counts if _COUNT_ROLE_SLOTS.get(str(e.get("role"))) == requested_slot]
        if stated:  # 「2022年一共托管30家」 to 「托管了多少家？」: the count said to be that one
            return str(stated[0].get("value"))
        labelled = [e for e in counts if e.get("role") in _LABELLED_COUNT_ROLES]
        values = _numbers(
            text, [*entities, *labelled], _NOT_A_COUNT | ({"count"} if labelled else set())
        )
        value = values[0] if values else None
        if value is not None and value == value.to_integral_value() and value >= 0:
            return str(int(value))
    if requested_slot == "own_case_rate":  # a percentage such as 0.5 or 1.2
        values = _numbers(text, entities, _NOT_A_COUNT - {"percent"})
        rate = values[0] if values else None
        if rate is not None and 0 <= rate <= 100:
            return format(rate.normalize(), "f")
    if requested_slot == "test_scores":
        # 「两个人都是八十八」: the two takers are not a score, and 都 gives both the same
        said = _COUNTED.sub("", _TWO_TAKERS.sub("", text))  # 「专职的只有1个」 is no score
        scores = _numbers(said, [] if said != text else entities, _NOT_A_COUNT - {"score"})
        found = [format(s.normalize(), "f") for s in scores if s is not None and 0 <= s <= 100]
        if len(found) == 1 and _BOTH.search(said):
            found *= 2
        if found:
            return ",".join(found[:2])
    return None


_PLACE_SLOTS = ("in_pingshan", "registered_in_pingshan", "tax_in_pingshan", "operating_in_pingshan")


def with_place_replaced(
    entities: Iterable[Mapping[str, Any]], known: Mapping[str, Any]
) -> dict[str, str]:
    """「不好意思打错了，是坪山区碧岭街道，不是大鹏」: a correction that names one place and no
    role puts that place where the place said before was; ``{slot: yes/no}`` for each place slot
    known before (第九条's three places), or ``{}`` when the message names roles or several
    places, or no place was known."""
    places = [e for e in entities if e.get("entity") == "district"]
    # one place, however many names it was given (「坪山区碧岭街道」)
    if len({str(e.get("value")) for e in places}) != 1 or any(e.get("role") for e in places):
        return {}
    value = YES if str(places[0].get("value")) == "坪山区" else NO
    return {slot: value for slot in _PLACE_SLOTS if known.get(slot) is not None}


def statement_before_question(text: str) -> str:
    """What a message says before the question it closes on (「不好意思我记错了，是75和79。那
    我们还能当托管机构吗？」 → 「不好意思我记错了，是75和79。」); the whole text when it asks none."""
    question = question_clause(text)
    return text[: text.rfind(question)] if question else text
