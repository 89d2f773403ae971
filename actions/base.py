"""What every action shares: sending an answer by the answer contract, and reading the tracker.

Actions are thin translations between the Rasa tracker and the assistant layer (``bot.assistant``):
they read slots and the latest message, call the layer, and send what it returns.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.assistant.context import answer_context
from bot.assistant.faq import ALSO_FOR, second_question_answer
from bot.assistant.registry import (
    CHECK_OF_TOPIC,
    CHECKS,
    VERDICT_OF_TOPIC,
    Check,
    check_for_intent,
)
from bot.assistant.replies import FEEDBACK_BUTTONS, FEEDBACK_PROMPT
from bot.assistant.slot_filling import (
    firm_type_so_far,
    message_slot_values,
    qualifying_so_far,
    scores_so_far,
)
from bot.assistant.vocabulary import (
    ALSO_ASKED,
    ASKS_VERDICT,
    FACT_SLOTS,
    LAST_CHECK_SLOT,
    QUALIFYING_DENIED_SLOT,
)
from rules_core.answer import Answer


def send_policy_answer(
    dispatcher: CollectingDispatcher, tracker: Tracker, answer: Answer, **extra: Any
) -> None:
    """The answer, the message's other questions, then 「是否解决了您的问题？」 unless a form
    is still asking its questions."""
    send_answer(dispatcher, answer, **extra)
    send_also_asked(dispatcher, tracker)
    if not (tracker.active_loop or {}).get("name"):
        dispatcher.utter_message(text=FEEDBACK_PROMPT, buttons=FEEDBACK_BUTTONS)


def send_policy_answers(
    dispatcher: CollectingDispatcher, tracker: Tracker, answers: list[Answer]
) -> None:
    """Several answers in one turn (「第三项和第九项具体包括啥」): each in its own message, the
    last one followed by the message's other questions and the feedback prompt."""
    for answer in answers[:-1]:
        send_answer(dispatcher, answer)
    if answers:
        send_policy_answer(dispatcher, tracker, answers[-1])


def send_answer(dispatcher: CollectingDispatcher, answer: Answer, **extra: Any) -> None:
    """One message carrying the text and the ``custom`` payload of the answer contract."""
    dispatcher.utter_message(text=answer.text, json_message=answer.payload, **extra)


def send_also_asked(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """The curated answers to the other questions of the latest message (the NLU lists them
    under ``also_asked``), each once in the turn, whichever action of the turn comes first."""
    answered = answered_this_turn(tracker.events)
    for intent in tracker.latest_message.get(ALSO_ASKED) or []:
        if intent == latest_intent(tracker) or intent in answered:
            continue
        answer = second_check_answer(tracker, str(intent)) or second_question_answer(
            str(intent), answer_context()
        )
        if answer is not None:
            send_answer(dispatcher, answer)


def answer_on_facts_known(
    tracker: Tracker, intent: str, said: Mapping[str, str] | None = None
) -> Answer | None:
    """The answer of the check whose question ``intent`` is, on the facts the conversation has
    given (and ``said``: facts of the latest message the slots did not take); ``None`` when
    ``intent`` is no check's question or none of its facts is known."""
    check = check_for_intent(intent)
    if check is None:
        return None
    slots = {**slot_values(tracker, check.reads), **(said or {})}
    slots = {name: value for name, value in slots.items() if name in check.reads}
    return check.answer(slots, answer_context()) if check.has_facts(slots) else None


def second_check_answer(tracker: Tracker, intent: str) -> Answer | None:
    """The verdict of the check whose question ``intent`` is, asked besides the message's own
    (「我们能托管吗？第一年补贴最高多少？」), from the facts known so far, marked as the answer
    to that question; ``None`` when ``intent`` is no check's question or its facts are too few
    to say anything. The message's facts are read for that question too: 「如果今年签约」 is
    the subsidy's signing, though the eligibility form that was asking took only its own."""
    message = tracker.latest_message
    text = str(message.get("normalized_text") or message.get("text") or "")
    said = message_slot_values(list(message.get("entities") or []), intent, text)
    answer = answer_on_facts_known(tracker, intent, said)
    return None if answer is None else replace(answer, data={**answer.data, ALSO_FOR: intent})


def answered_this_turn(events: Iterable[dict[str, Any]]) -> set[str]:
    """The second questions the bot messages since the latest user message answered."""
    answered: set[str] = set()
    for event in reversed(list(events)):
        if event.get("event") == "user":
            break
        data = (((event.get("data") or {}).get("custom") or {}).get("data")) or {}
        if event.get("event") == "bot" and data.get(ALSO_FOR):
            answered.add(str(data[ALSO_FOR]))
    return answered


def answered_by_a_check(tracker: Tracker, intent: str) -> Answer | None:
    """The answer of the check a topic's question is really about, or ``None``:

    - the last check's verdict again when the message asks only for a verdict and the topic
      names that check's matter (「那能申请吗」 after the eligibility verdict, 「会不会影响我们
      的资格」 after the agency exit verdict);
    - the topic's own check when the message brings that check's facts (「…服务了整4个月，
      按月折算最多能拿多少」 is the subsidy calculation, not the rule on when it stops).
    """
    message = tracker.latest_message
    last = CHECKS.get(str(tracker.get_slot(LAST_CHECK_SLOT) or ""))
    if message.get(ASKS_VERDICT) and last is not None and VERDICT_OF_TOPIC.get(intent) == last.name:
        return last.answer(slot_values(tracker, FACT_SLOTS), answer_context())
    check: Check | None = CHECKS.get(CHECK_OF_TOPIC.get(intent, ""))
    if check is not None and message.get("entities"):
        slots = slot_values(tracker, check.reads)
        if check.has_facts(slots):
            return check.answer(slots, answer_context())
    return None


def latest_intent(tracker: Tracker) -> str:
    return str((tracker.latest_message.get("intent") or {}).get("name") or "")


def slot_values(tracker: Tracker, names: Iterable[str]) -> dict[str, Any]:
    """The current values of these slots (``None`` where unset); 第九条's qualifying condition
    and 第八条's test scores as the whole conversation settles them (denials said one message at
    a time add up; 「第二个是七十七」 corrects one score of two)."""
    values = {name: tracker.get_slot(name) for name in names}
    if "qualifying_condition" in values or QUALIFYING_DENIED_SLOT in values:
        value, denied = qualifying_so_far(tracker.events)
        if value is None and not denied:  # nothing to add up (a tracker built with its slots)
            value = tracker.get_slot("qualifying_condition")
        values["qualifying_condition"] = value
        values[QUALIFYING_DENIED_SLOT] = ",".join(sorted(denied)) or None
    if "firm_type" in values and (settled_type := firm_type_so_far(tracker.events)):
        values["firm_type"] = settled_type  # 「正常生产」 does not undo 「我们是派遣公司」
    if "test_scores" in values:  # 「第二个是七十七」 corrects one of the two
        raw = tracker.get_slot("test_scores")
        settled = scores_so_far(tracker.events)
        values["test_scores"] = settled if settled is not None or ":" in str(raw) else raw
    return values
