"""Answers that come straight from the curated answers in ``kb/faq.yml``."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT

from actions.base import answered_by_a_check, latest_intent, send_policy_answer
from bot.assistant.articles import requested_article_text
from bot.assistant.context import answer_context
from bot.assistant.fact_context import check_for_facts
from bot.assistant.faq import faq_answer
from bot.assistant.registry import FAQ_OFFERS, check_for_intent
from bot.assistant.replies import ARTICLE_RANGE_TEXT


class ActionAnswerFaq(Action):
    """Any ``ask_<key>`` intent without a check: the curated answer for that key."""

    def name(self) -> str:
        return "action_answer_faq"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        intent = latest_intent(tracker)
        switched = switch_to_its_check(tracker, intent)
        if switched:
            return switched
        checked = answered_by_a_check(tracker, intent)
        if checked is not None:
            send_policy_answer(dispatcher, tracker, checked)
            return []
        answer = faq_answer(intent, answer_context())
        if answer is None:
            dispatcher.utter_message(response="utter_out_of_scope")
            return []
        offers = FAQ_OFFERS.get(intent, ())
        send_policy_answer(
            dispatcher, tracker, answer, **({"buttons": list(offers)} if offers else {})
        )
        return []


def switch_to_its_check(tracker: Tracker, intent: str) -> list[EventType]:
    """「抱歉，我看的是隔壁公司的执照。我们是做塑胶模具的，…46人…请重新判断我们能不能成为托管
    服务对象」 inside the agency qualification form: another check's question with that check's
    facts; the form ends and that check starts (its form, or its answer), the facts read. ``[]``
    when the message is no such switch (a question asked in passing is answered by the rules'
    curated answer and the form goes on)."""
    check = check_for_intent(intent)
    active = (tracker.active_loop or {}).get("name")
    if check is None or not active or (check.form is not None and check.form.name == active):
        return []
    message = tracker.latest_message
    text = str(message.get("normalized_text") or message.get("text") or "")
    if check_for_facts(list(message.get("entities") or []), text) != check.name:
        return []
    return [ActiveLoop(None), SlotSet(REQUESTED_SLOT, None), FollowupAction(check.start_action)]


class ActionArticleText(Action):
    """「第十五条原文」「第八条和第十一条的全文」: the articles' full text from the knowledge base."""

    def name(self) -> str:
        return "action_article_text"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        message = tracker.latest_message
        text = str(message.get("normalized_text") or message.get("text") or "")
        answer = requested_article_text(text, answer_context())
        if answer is None:
            dispatcher.utter_message(text=ARTICLE_RANGE_TEXT)
            return []
        send_policy_answer(dispatcher, tracker, answer)
        return []
