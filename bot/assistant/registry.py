"""The registry of checks: each check's question, slots, form and answer, in one place.

Everything that routes a message to a check is derived from :data:`CHECKS`:

- the generated rules (``scripts/generate_rules.py`` → ``nlu_data/rules/``): which action answers
  each policy intent, which intent starts which form, what each form ends with, and what may
  interrupt a form;
- the fact context (:func:`bot.assistant.fact_context.context_intent`): facts stated without a
  question are read in the context of the check they belong to;
- the recheck (``actions/recheck.py``): 「不对，是120人」 re-runs the check in ``last_check``;
- the console's routing (:func:`answer_for`): the same answer the bot gives for an intent.

Adding a check means one entry here, its answer module under :mod:`bot.assistant.checks`, its
slots and form in ``bot/domain.yml`` (``tests/bot/test_registry.py`` checks they agree), and
``make validate`` to regenerate the rules.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.assistant.checks import (
    agency_exit,
    eligibility,
    enterprise_exit,
    filing,
    qualification,
    subsidy,
    validity,
)
from bot.assistant.context import AnswerContext
from bot.assistant.fact_builders import has_known
from bot.assistant.faq import faq_answer
from bot.assistant.replies import CONFLICT_TEXT
from bot.assistant.vocabulary import (
    AGENCY_EXIT_SLOTS,
    ELIGIBILITY_SLOTS,
    ENTERPRISE_EXIT_SLOTS,
    FILING_SLOTS,
    PLACE_SLOTS,
    QUALIFICATION_SLOTS,
    QUALIFYING_DENIED_SLOT,
    SUBSIDY_EXTRA_SLOTS,
    SUBSIDY_SLOTS,
)
from rules_core.answer import Answer
from rules_core.results import FactsConflict

SlotValues = Mapping[str, Any]
# The most facts still missing for which a check shows its verdict so far (【结论】尚需确认) and
# then asks them; with more, its form just asks (the verdict would be a list of unknowns).
ASKED_AFTER_VERDICT = 2
Button = dict[str, str]


@dataclass(frozen=True)
class Form:
    """A check asked question by question (a Rasa form of the same name)."""

    name: str
    start_intent: str  # the intent (often a button) that starts it
    result_action: str  # the action that answers once the form is complete
    is_decided: Callable[[SlotValues, date], bool]  # the facts so far decide, whatever the rest
    # said before the first question when nothing is known yet
    intro: Callable[[AnswerContext], Answer | None] | None = None

    @property
    def validation_action(self) -> str:
        return f"validate_{self.name}"


@dataclass(frozen=True)
class Check:
    """One rule of the regulation that the assistant computes from stated facts.

    ``answer`` renders the result for the slot values; ``general_answer`` is what a question about
    the check gets while none of its facts is known (the curated rule, the cap table).
    """

    name: str  # the value of the ``last_check`` slot
    question_intent: str  # the policy question it answers; stated facts are read in its context
    slots: tuple[str, ...]  # the facts it reads (its form asks them in this order)
    answer: Callable[[SlotValues, AnswerContext], Answer]
    general_answer: Callable[[AnswerContext], Answer | None]
    has_facts: Callable[[SlotValues], bool]
    question_action: str | None = None  # None: the question starts the form
    form: Form | None = None
    buttons: tuple[Button, ...] = ()  # offered with the general answer
    remembered: bool = True  # sets ``last_check`` so that a correction re-runs it
    extra_slots: tuple[str, ...] = ()  # facts it also reads that no question asks for
    # questions made needless by other facts (a share given makes its counts needless)
    covered: Callable[[SlotValues], frozenset[str]] = lambda slots: frozenset()

    def missing(self, slots: SlotValues) -> list[str]:
        """The questions still to ask, in order: not known and not made needless."""
        needless = self.covered(slots)
        return [s for s in self.slots if slots.get(s) is None and s not in needless]

    @property
    def reads(self) -> tuple[str, ...]:
        """Every slot the answer reads."""
        return self.slots + self.extra_slots

    @property
    def start_action(self) -> str:
        """What starts this check for facts given without a question: its form, or its answer."""
        if self.form is not None:
            return self.form.name
        assert self.question_action is not None, self.name
        return self.question_action

    @property
    def intents(self) -> tuple[str, ...]:
        """Every intent this check answers: its question and its form's start intent."""
        if self.form is None or self.form.start_intent == self.question_intent:
            return (self.question_intent,)
        return (self.question_intent, self.form.start_intent)


def _guarded(answer: Callable[[SlotValues, AnswerContext], Answer]) -> Callable[..., Answer]:
    """``answer``, except that facts which cannot all hold (「服务10家，其中12家有案件」) get a
    reply saying which figures disagree instead of an error: the user can correct one, and
    ``last_check`` then re-runs the check."""

    def guarded(slots: SlotValues, ctx: AnswerContext) -> Answer:
        try:
            return answer(slots, ctx)
        except FactsConflict as conflict:
            return Answer(text=CONFLICT_TEXT.format(problem=conflict), citations=())

    return guarded


def _decided_or_conflicting(
    decided: Callable[[SlotValues, date], bool],
) -> Callable[[SlotValues, date], bool]:
    """A form stops asking once its facts conflict: its answer then names the conflict."""

    def guarded(slots: SlotValues, as_of: date) -> bool:
        try:
            return decided(slots, as_of)
        except FactsConflict:
            return True

    return guarded


def _any_known(names: tuple[str, ...]) -> Callable[[SlotValues], bool]:
    return lambda slots: has_known(slots, names)


CHECKS: dict[str, Check] = {
    check.name: check
    for check in (
        Check(
            name="eligibility",
            question_intent=eligibility.QUESTION_INTENT,
            slots=ELIGIBILITY_SLOTS,
            answer=_guarded(eligibility.eligibility_answer),
            general_answer=eligibility.eligibility_conditions,
            has_facts=_any_known(ELIGIBILITY_SLOTS),
            # which of the three places is where; the trade a 「都不是」 was read from (第九条)
            extra_slots=(*PLACE_SLOTS, "business_line", QUALIFYING_DENIED_SLOT),
            covered=eligibility.needless_questions,
            form=Form(
                name="eligibility_form",
                start_intent=eligibility.QUESTION_INTENT,
                result_action="action_check_eligibility",
                is_decided=_decided_or_conflicting(eligibility.eligibility_decided),
                intro=eligibility.eligibility_intro,
            ),
        ),
        Check(
            name="subsidy",
            question_intent=subsidy.QUESTION_INTENT,
            slots=SUBSIDY_SLOTS,
            extra_slots=SUBSIDY_EXTRA_SLOTS,
            answer=_guarded(subsidy.subsidy_answer),
            general_answer=subsidy.general_subsidy_answer,
            has_facts=subsidy.has_signing_date,
            question_action="action_subsidy",
            form=Form(
                name="subsidy_form",
                start_intent="calculate_subsidy",
                result_action="action_subsidy_result",
                is_decided=_decided_or_conflicting(subsidy.subsidy_decided),
            ),
            buttons=({"title": "帮我算一算", "payload": "/calculate_subsidy"},),
        ),
        Check(
            name="agency_exit",
            question_intent=agency_exit.QUESTION_INTENT,
            slots=AGENCY_EXIT_SLOTS,
            answer=_guarded(agency_exit.agency_exit_answer),
            general_answer=agency_exit.agency_exit_situations,
            has_facts=_any_known(agency_exit.AGENCY_EXIT_FIGURE_SLOTS),
            extra_slots=agency_exit.AGENCY_EXIT_SHARE_SLOTS,
            covered=agency_exit.needless_questions,
            question_action="action_agency_exit",
            form=Form(
                name="agency_exit_form",
                start_intent="check_agency_exit",
                result_action="action_agency_exit_result",
                is_decided=_decided_or_conflicting(agency_exit.agency_exit_decided),
            ),
            buttons=({"title": "逐项核对我们机构", "payload": "/check_agency_exit"},),
        ),
        Check(
            name="qualification",
            question_intent=qualification.QUESTION_INTENT,
            slots=QUALIFICATION_SLOTS,
            answer=_guarded(qualification.qualification_answer),
            general_answer=qualification.qualification_conditions,
            has_facts=_any_known(QUALIFICATION_SLOTS),
            extra_slots=("firm_type",),  # a dispatch firm is told 第九条 does not bar agencies
            question_action="action_agency_qualification",
            form=Form(
                name="qualification_form",
                start_intent="check_agency_qualification",
                result_action="action_qualification_result",
                is_decided=_decided_or_conflicting(qualification.qualification_decided),
            ),
            buttons=(
                {"title": "逐项核对我们机构的条件", "payload": "/check_agency_qualification"},
            ),
        ),
        Check(
            name="enterprise_exit",
            question_intent=enterprise_exit.QUESTION_INTENT,
            slots=ENTERPRISE_EXIT_SLOTS,
            answer=_guarded(enterprise_exit.enterprise_exit_answer),
            general_answer=enterprise_exit.enterprise_exit_rule,
            # a first signing date (said for the subsidy) already starts the three years
            has_facts=_any_known((*ENTERPRISE_EXIT_SLOTS, "years_served", "first_signing_date")),
            # the first signing date, when no other start is said, starts the three years
            # and whether it still operates, in 坪山 (which rules out 停业、注销、搬出)
            extra_slots=(
                "years_served",
                "first_signing_date",
                "operating_normally",
                "operating_in_pingshan",
                "in_pingshan",  # 「惠州」 alone, after 「整个公司搬走了」
            ),
            question_action="action_enterprise_exit",
        ),
        Check(
            name="filing",
            question_intent=filing.QUESTION_INTENT,
            slots=FILING_SLOTS,
            answer=_guarded(filing.filing_answer),
            general_answer=filing.filing_rule,
            has_facts=filing.has_signing_day,
            question_action="action_filing",
            remembered=False,
        ),
        Check(
            name="validity",
            question_intent=validity.QUESTION_INTENT,
            slots=(),
            answer=validity.validity_check,
            general_answer=validity.validity_answer,
            has_facts=lambda slots: False,
            question_action="action_validity",
            remembered=False,
        ),
    )
}

# The action answering every other policy question from its curated answer in kb/faq.yml.
FAQ_ACTION = "action_answer_faq"
# What a curated answer offers next when the question carries a second need: 「可不可以申请托管」
# asks how to apply and whether one may at all, so the check is offered with the steps.
FAQ_OFFERS: dict[str, tuple[Button, ...]] = {
    "ask_how_to_apply": (
        {"title": "逐项核对我们能否托管", "payload": "/ask_enterprise_eligibility"},
    ),
    "ask_what_is_custody": (
        {"title": "逐项核对我们能否托管", "payload": "/ask_enterprise_eligibility"},
    ),
}
# 「那能申请吗」 right after the eligibility verdict asks for that verdict again, whatever topic
# the words also name (how to apply): the topic's check, by the topic's intent
VERDICT_OF_TOPIC: dict[str, str] = {
    "ask_how_to_apply": "eligibility",
    "ask_what_is_custody": "eligibility",
    # 「这会不会影响我们托管服务机构的资格？」 after the agency exit verdict (第十一条)
    "ask_agency_conditions": "agency_exit",
}
# 「首签2023年1月1日…4月30日搬出坪山了，服务了整4个月…按月折算最多能拿多少」: a topic's question
# that brings its check's facts is answered by the check on them (第十九条、第二十三条)
CHECK_OF_TOPIC: dict[str, str] = {"ask_subsidy_stop": "subsidy"}
# Conversation intents that may interrupt a form: answered, then the form goes on.
INTERRUPTING_RESPONSES: dict[str, str] = {
    "greet": "utter_greet",
    "thanks": "utter_you_are_welcome",
    "bot_challenge": "utter_iamabot",
    "out_of_scope": "action_out_of_scope",
    "request_human": "action_handoff",
    "request_article_text": "action_article_text",
}


def check_for_intent(intent: str) -> Check | None:
    """The check answering ``intent`` (its question or its form's start intent), if any."""
    return next((c for c in CHECKS.values() if intent in c.intents), None)


# Topics whose follow-up facts a check answers: 「企业中途注销了，补贴怎么折算？」 then
# 「首签2021年6月1日，2022年12月1日注销」 asks the pro-rated subsidy (第二十三条) of those dates
_TOPIC_CHECKS = {"ask_subsidy_stop": "subsidy", "ask_subsidy_payment": "subsidy"}


def check_for_topic(intent: str) -> Check | None:
    """The check whose facts a message states right after a question of ``intent``: the
    check answering it, or the one its topic leads to (``_TOPIC_CHECKS``)."""
    check = check_for_intent(intent)
    return check if check is not None else CHECKS.get(_TOPIC_CHECKS.get(intent, ""))


def forms() -> list[Form]:
    return [c.form for c in CHECKS.values() if c.form is not None]


def form_named(name: str | None) -> Form | None:
    return next((f for f in forms() if f.name == name), None)


def check_answer(check: Check, slots: SlotValues, ctx: AnswerContext) -> Answer | None:
    """The check's result when any of its facts is known, else its general answer."""
    return check.answer(slots, ctx) if check.has_facts(slots) else check.general_answer(ctx)


def answer_for(intent: str, slots: SlotValues, ctx: AnswerContext) -> Answer | None:
    """The answer the bot gives for ``intent`` with these facts (as its actions would), or
    ``None`` for an intent that is not a policy question (a greeting, 「转人工」)."""
    check = check_for_intent(intent)
    if check is not None:
        return check_answer(check, slots, ctx)
    if intent.startswith("ask_"):
        return faq_answer(intent, ctx)
    return None
