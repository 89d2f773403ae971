"""The four calculator forms: the answer to the question just asked, the intro, and the result.

The Rasa server fills every fact slot it can from the message (domain slot mappings over the
NLU's ``fact_slot`` entities, no call here). A form's validation action, called once per form
turn, adds only what depends on the question asked: 「是」, 「45」, 「一件都没有」 or 「不清楚」
as the answer to the requested slot. It says which slot to ask next, or none once the facts
decide the answer (150人 → 不符合 at once); on the form's first step it sends the intro.
Which form is which: bot.assistant.registry.
"""

from __future__ import annotations

import abc
from collections.abc import Mapping
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecutionRejected, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT

from actions.base import (
    latest_intent,
    send_also_asked,
    send_answer,
    send_policy_answer,
    slot_values,
)
from actions.recheck import (
    certified_as_all_of_them,
    certified_fewer,
    formless_check_answer,
    read_for_check,
)
from bot.assistant.context import AnswerContext, answer_context
from bot.assistant.fact_context import check_for_facts
from bot.assistant.registry import (
    ASKED_AFTER_VERDICT,
    CHECKS,
    Check,
    Form,
    check_for_intent,
)
from bot.assistant.slot_filling import (
    ANSWER_INTENTS,
    answer_to_requested_slot,
    chosen_button,
    is_bare_answer,
    mapped_slot_values,
    slots_from_entities,
    wants_the_verdict_now,
)
from bot.assistant.transcript import (
    buttons_before_latest_message,
    loop_before_latest_message,
    slots_before_latest_message,
    slots_changed_by_latest_message,
)
from bot.assistant.vocabulary import (
    ASKS_VERDICT,
    COUNT_SLOTS,
    FACT_SLOTS,
    LAST_CHECK_SLOT,
    QUESTION_PARTS,
    REASK_SLOT,
    UNANSWERED_SLOT,
)


def _form(check: Check) -> Form:
    assert check.form is not None, check.name
    return check.form


def answers_the_question(tracker: Tracker, form: str) -> bool:
    """Whether the form runs right after the user's reply to its question.

    Not after an interruption (a side question answered first): that message was not an answer.
    """
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return True
        if event.get("event") == "action" and event.get("name") not in (form, "action_listen"):
            return False
    return False


class CheckFormValidation(Action, abc.ABC):
    """``validate_<form>`` for the form of :attr:`check` (abstract: rasa-sdk registers subclasses)."""

    @property
    @abc.abstractmethod
    def check(self) -> Check: ...

    def name(self) -> str:
        return _form(self.check).validation_action

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        form, ctx = _form(self.check), answer_context()
        # Rasa calls this once as the form starts, then after each reply and after a side
        # question the form comes back from
        activating = loop_before_latest_message(tracker.events) != form.name
        requested = None if activating else tracker.get_slot(REQUESTED_SLOT)
        slots = slot_values(tracker, self.check.reads)
        events: list[EventType] = []
        missed = False
        volunteered = False  # the reply stated facts beyond the answer to the question asked
        asked_about = check_for_intent(latest_intent(tracker))
        replying = answers_the_question(tracker, form.name)
        if requested and replying and asked_about is not None and asked_about is not self.check:
            # 「公司注销了，托管还能继续吗？」 during the eligibility questions asks the exit
            # check's question (第十三条): the rules answer it, then the form goes on
            return [ActionExecutionRejected(form.name)]
        message = tracker.latest_message
        fewer = certified_fewer(tracker, str(message.get("normalized_text") or ""))
        if "certified_staff" in self.check.reads and fewer and replying:
            # 「其中一个其实是兼职的」 (one fewer of the certified full-time staff said before),
            # 「兼职那个已经转专职，也有…证」 (one more)
            events += [SlotSet(name, value) for name, value in fewer.items()]
            slots.update(fewer)
        if requested in self.check.slots and replying:
            answer = self.requested_answer(tracker, str(requested))
            changed = slots_changed_by_latest_message(tracker.events) & set(self.check.reads)
            if "certified_staff" in self.check.reads:
                changed |= set(fewer)
            volunteered = bool(changed - {str(requested)})
            if answer is not None:
                events += self.answer_events(tracker, str(requested), answer)
                slots[str(requested)] = answer
            elif not changed and (
                (other := self.answer_other_check(dispatcher, tracker)) is not None
            ):
                # 「公司已经搬到龙岗了，还算托管对象吗」 during the subsidy questions: the facts
                # of a check without a form are answered here, then this form asks on
                events += other
            elif (
                not changed
                and latest_intent(tracker) not in ANSWER_INTENTS
                and asked_about is not self.check
            ):
                # a side question (even one that repeats a known fact): let the rules answer
                # it, then the form goes on. Not the check's own question (「…不清楚，能申请吗？」):
                # no rule answers that inside its form; the verdict so far does, below
                return [ActionExecutionRejected(form.name)]
            else:  # an answer that does not answer this question: ask again, or explain
                missed = not changed & QUESTION_PARTS.get(str(requested), frozenset())
        following = self.next_slot(slots, ctx)
        if activating:
            text = str(tracker.latest_message.get("normalized_text") or "")
            self.send_intro(dispatcher, slots, ctx, following, wants_the_verdict_now(text))
        elif (
            following is not None
            and replying
            and (
                asked_about is self.check
                or tracker.latest_message.get(ASKS_VERDICT)
                or volunteered
                and len(self.check.missing(slots)) <= ASKED_AFTER_VERDICT
            )
        ):
            # 「去年有过一起监察案件。我们符合条件吗？」 in the middle of the questions asks for the
            # verdict: it is given (尚需确认 with what is still missing), then the next question.
            # So it is when a reply told more than was asked and only one or two facts are
            # still missing, as when the form starts: the user sees where they stand.
            send_answer(dispatcher, self.check.answer(slots, ctx))
        if following is not None and replying:  # the message's other question, then ours
            send_also_asked(dispatcher, tracker)
        return events + self.asking_events(tracker, str(requested), following, missed)

    def answer_other_check(
        self, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> list[EventType] | None:
        """The answer of another check without a form (第十三条's exit, filing) whose facts
        the message gives and this form does not read: its slot events, ``None`` when there
        is no such check."""
        message = tracker.latest_message
        entities = list(message.get("entities") or [])
        text = str(message.get("normalized_text") or message.get("text") or "")
        other = CHECKS.get(check_for_facts(entities, text) or "")
        if other is None or other is self.check or other.form is not None:
            return None
        # the Rasa server may have set them already from the message (domain slot mappings)
        told = read_for_check(other, tracker, entities) or (
            slots_changed_by_latest_message(tracker.events) & set(other.reads)
        )
        answer, events = formless_check_answer(other, tracker, entities) if told else (None, [])
        if answer is None:
            return None
        send_answer(dispatcher, answer)
        return events

    @staticmethod
    def asking_events(
        tracker: Tracker, requested: str, following: str | None, missed: bool
    ) -> list[EventType]:
        """The next question, and whether it is asked a third time: after two replies that did
        not answer it, its ``utter_ask`` variation for ``reask`` explains what is needed and
        offers the buttons and a person instead of asking the same words again."""
        misses = int(tracker.get_slot(UNANSWERED_SLOT) or 0) + 1 if missed else 0
        again = missed and following == requested
        return [
            SlotSet(UNANSWERED_SLOT, misses if again else 0),
            SlotSet(REASK_SLOT, requested if again and misses >= 2 else None),
            SlotSet(REQUESTED_SLOT, following),
        ]

    def requested_answer(self, tracker: Tracker, requested: str) -> str | None:
        """The reply read as the answer to ``requested``, unless the message stated it already
        or corrects another fact (「不对，是120人」 is not a 「否」 to the question asked).

        A button (``/inform{"firm_type":"other"}``) skips the NLU pipeline, so its entity is
        read here, in the form's context, like every other answer to the question asked.
        """
        message = tracker.latest_message
        intent = latest_intent(tracker)
        entities = list(message.get("entities") or [])
        form = _form(self.check).name
        text = str(message.get("normalized_text") or message.get("text") or "")
        stated = set(mapped_slot_values(entities, form))
        if requested in stated and not (requested in COUNT_SLOTS and is_bare_answer(text)):
            return None
        if stated - {requested} and intent == "deny":
            return None
        from_button = slots_from_entities(entities, intent, form, requested).get(requested)
        if from_button is not None:
            return from_button
        offered = buttons_before_latest_message(tracker.events)
        if (chosen := chosen_button(text, offered, requested)) is not None:
            return chosen  # 「2」: the second of the buttons offered with the question
        if requested == "certified_staff" and (
            all_certified := certified_as_all_of_them(tracker, text)
        ):
            return all_certified  # 「都有」 to 「有几名…取得证书？」 after a full-time count
        return answer_to_requested_slot(requested, intent, text, entities)

    def answer_events(self, tracker: Tracker, requested: str, answer: str) -> list[EventType]:
        """The answer; and when the whole message was a number (「5家」 to 「其中有多少家…」), the
        other slots the extractor's guess at its role changed go back to what they were."""
        events: list[EventType] = [SlotSet(requested, answer)]
        text = str(tracker.latest_message.get("normalized_text") or "")
        if requested in COUNT_SLOTS and is_bare_answer(text):
            before = slots_before_latest_message(tracker.events)
            for name in sorted(slots_changed_by_latest_message(tracker.events) - {requested}):
                if name in FACT_SLOTS:
                    events.append(SlotSet(name, before.get(name)))
        return events

    def send_intro(
        self,
        dispatcher: CollectingDispatcher,
        slots: Mapping[str, Any],
        ctx: AnswerContext,
        following: str | None,
        verdict_now: bool = False,
    ) -> None:
        """Before the first question: the form's intro when none of its facts is known yet; the
        verdict so far (【结论】尚需确认 with what is met) when only one or two are missing, or
        when the message asked for it (「别问那么多，直接告诉我能不能申请托管」), so the user
        sees where they stand and why the question comes."""
        known = [s for s in self.check.slots if slots.get(s) is not None]
        if known and following is not None and verdict_now:
            send_answer(dispatcher, self.check.answer(slots, ctx))
            return
        if not known:
            intro = _form(self.check).intro
            answer = intro(ctx) if intro is not None else None
            if answer is not None:
                send_answer(dispatcher, answer)
            return
        if following is not None and len(self.check.missing(slots)) <= ASKED_AFTER_VERDICT:
            send_answer(dispatcher, self.check.answer(slots, ctx))

    def next_slot(self, slots: Mapping[str, Any], ctx: AnswerContext) -> str | None:
        """The first unanswered question, or ``None`` (the form ends) once the facts decide."""
        if _form(self.check).is_decided(slots, ctx.as_of):
            return None
        return next(iter(self.check.missing(slots)), None)


class CheckResultAction(Action, abc.ABC):
    """After the form: the check's answer for every fact gathered."""

    @property
    @abc.abstractmethod
    def check(self) -> Check: ...

    def name(self) -> str:
        return _form(self.check).result_action

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        slots = slot_values(tracker, self.check.reads)
        send_policy_answer(dispatcher, tracker, self.check.answer(slots, answer_context()))
        return [SlotSet(LAST_CHECK_SLOT, self.check.name)]


class ValidateEligibilityForm(CheckFormValidation):
    check = CHECKS["eligibility"]


class ValidateSubsidyForm(CheckFormValidation):
    check = CHECKS["subsidy"]


class ValidateAgencyExitForm(CheckFormValidation):
    check = CHECKS["agency_exit"]


class ValidateQualificationForm(CheckFormValidation):
    check = CHECKS["qualification"]


class ActionCheckEligibility(CheckResultAction):
    check = CHECKS["eligibility"]


class ActionSubsidyResult(CheckResultAction):
    check = CHECKS["subsidy"]


class ActionAgencyExitResult(CheckResultAction):
    check = CHECKS["agency_exit"]


class ActionQualificationResult(CheckResultAction):
    check = CHECKS["qualification"]
