"""The slot vocabulary every part of the assistant speaks (bot, console, report).

Slots hold plain strings so that they survive the tracker store unchanged: yes/no questions hold
``yes`` / ``no`` / ``unknown`` (「不清楚」); counts hold digits or ``unknown``; dates are ISO
(``2021-05-10``, or ``2021-05`` when only the month was said); the headcount may hold a range
such as ``81-89`` (「八十多人」).
"""

from __future__ import annotations

YES, NO, UNKNOWN = "yes", "no", "unknown"

# Keys the NLU adds to a message's parse data (bot/components/reply_classifier.py), read by the
# actions: the message corrects a fact (「更正一下，…」「刚才多算了」), and its only question
# asks for the verdict again (「…，这样还能申请吗？」).
CORRECTION = "correction"
ASKS_VERDICT = "asks_verdict"
# parse data: the message is a yes followed by a statement (「是的，都是专职」), which confirms the
# facts of the last answer rather than judging it
CONFIRMS = "confirms"
# ... and the policy questions it asks besides the one its intent answers (「…能申请吗？另外
# 名单在哪看」 → ["ask_published_lists"]), answered after it
ALSO_ASKED = "also_asked"
# ... and, by bot/components/linear_intent_classifier.py, the classifier's reading of each
# question of a list the message numbers: [(item, intent, confidence)] (「1.托管要钱吗 2.怎么申请
# 3.服务内容有哪些。先回答第1个」), so that 「2」「再说3」 later is answered by that reading
ITEM_INTENTS = "item_intents"

# The questions of each form, in the order they are asked (bot/domain.yml lists the same).
ELIGIBILITY_SLOTS = (
    "in_pingshan",
    "headcount",
    "operating_normally",
    "firm_type",
    "qualifying_condition",
)
# asked by the subsidy form; the months served (for a year cut short, 第二十三条) are read when
# given and offered in the answer, not asked: most people want the cap of a whole year
SUBSIDY_SLOTS = ("first_signing_date", "service_year")
# the day a 第十三条 event ended the service (「今年3月1日注销的」): with the first signing it gives
# the service year and the months served in it
SUBSIDY_EXTRA_SLOTS = ("months_served", "service_ended", "service_started")
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
# the firm types 第九条 excludes from the service (劳务派遣单位、人力资源服务机构)
EXCLUDED_FIRM_TYPES = frozenset({"labour_dispatch", "hr_service"})
# 第九条第（一）至（三）项 denied one message at a time (「去年没有仲裁」, then 「也不是科技型」):
# the kinds one message denies, comma-separated; the actions add them up over the conversation
# (:func:`bot.assistant.slot_filling.qualifying_so_far`)
QUALIFYING_DENIED_SLOT = "qualifying_denied"
FILING_SLOTS = ("signed_on",)
ALL_YEARS = "all"  # the service_year of a question about several years at once
# Each of 第九条's three places on its own (「经营地也是坪山」 changes one, keeps the others);
# ``in_pingshan`` is the answer to the form's question about all three.
PLACE_SLOTS = ("registered_in_pingshan", "tax_in_pingshan", "operating_in_pingshan")
# A question's parts: a reply that states one of them (「注册经营坪山」 to the places question)
# answers part of it, and the question is asked again for the rest, not as a miss
QUESTION_PARTS = {"in_pingshan": frozenset(PLACE_SLOTS)}
# Facts a user may state that no form asks for.
OPTIONAL_FACT_SLOTS = (
    "client_case_percent",
    "change_percent",
    "years_served",
    *PLACE_SLOTS,
    "business_line",
    "qualifying_denied",
)

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
    + SUBSIDY_EXTRA_SLOTS
    + AGENCY_EXIT_SLOTS
    + QUALIFICATION_SLOTS
    + ENTERPRISE_EXIT_SLOTS
    + FILING_SLOTS
    + OPTIONAL_FACT_SLOTS
)
# The slot that remembers which check answered last (「不对，是120人」 re-runs it).
LAST_CHECK_SLOT = "last_check"
# A form's question asked again without an answer: how many times, and (after the second) the
# question whose asking explains it (bot/domain.yml's utter_ask_<slot> variations).
UNANSWERED_SLOT = "unanswered"
REASK_SLOT = "reask"
