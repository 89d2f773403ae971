"""Low NLU confidence: first offer the two likeliest topics; if still unclear, search the
regulation, answer with the best passage and its citation, and queue the conversation for staff."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.base import (
    answer_on_facts_known,
    send_answer,
    send_policy_answer,
    send_policy_answers,
)
from actions.handoff import hand_off
from actions.list_items import list_item_replies
from actions.recheck import recheck
from bot.assistant.context import answer_context, knowledge_base
from bot.assistant.fact_context import check_for_facts, terse_statement
from bot.assistant.faq import clarified_answer, follow_up_answer
from bot.assistant.referrals import names_another_matter, referral
from bot.assistant.registry import CHECKS
from bot.assistant.replies import CLARIFY_TEXT
from bot.assistant.transcript import (
    consecutive_fallbacks,
    last_policy_question,
    previous_user_intent,
    topics_just_offered,
)
from bot.assistant.vocabulary import LAST_CHECK_SLOT
from kb.repository import SearchKind
from rules_core.answer import Answer, compose

MIN_SCORE = 1.0
SNIPPET_CHARS = 160
SUGGESTIONS = 2
CITABLE_KINDS: tuple[SearchKind, ...] = ("article", "interpretation")


def likeliest_topics(
    ranking: list[dict[str, Any]], count: int = SUGGESTIONS
) -> list[dict[str, str]]:
    """Buttons for the likeliest policy intents that have a curated answer."""
    buttons = []
    for candidate in ranking:
        intent = str(candidate.get("name") or "")
        entry = knowledge_base().faq_for_intent(intent) if intent.startswith("ask_") else None
        if entry is not None:
            buttons.append({"title": entry.question, "payload": f"/{intent}"})
        if len(buttons) == count:
            break
    return buttons


def topic_just_asked(events: list[dict[str, Any]]) -> str:
    """The policy intent a short follow-up leans on: the previous message's, or, when that one
    was itself a follow-up the classifier could not place (「谁备」 then 「几天内」), the latest
    message understood as a policy question; ``""`` when there is none."""
    previous = previous_user_intent(events) or ""
    if previous.startswith("ask_"):
        return previous
    asked = last_policy_question(events)
    return asked[1] if asked else ""


def on_the_facts_known(intent: str, tracker: Tracker, answer: Answer) -> Answer:
    """A topic's general ``answer`` (「补贴多少钱」 after the subsidy was computed), or its check's
    answer when the conversation has given that check's facts (the amount for the case)."""
    return answer_on_facts_known(tracker, intent) or answer


def follow_up(text: str, tracker: Tracker) -> Answer | None:
    """A short follow-up (「多少钱」「几天内」) taken up as the topic just asked about, on the
    facts known; ``None`` when the text is no follow-up. After facts that a check answered
    (「2022年7月首签了一家企业，想算第一年补贴上限」 then 「用的工资数据以谁公布的为准？」) the
    topic is that check's."""
    if names_another_matter(text):
        return None  # 「深圳现在最低工资标准是多少」 after the payroll answer: another office's
    topic = topic_just_asked(tracker.events)
    last = CHECKS.get(tracker.get_slot(LAST_CHECK_SLOT) or "")
    if previous_user_intent(tracker.events) == "inform" and last is not None:
        topic = last.question_intent
    answer = follow_up_answer(text, topic, answer_context())
    return None if answer is None else on_the_facts_known(topic, tracker, answer)


class ActionFallbackSearch(Action):
    """Two likeliest topics first; on a second miss in a row, a search answer and a handoff."""

    def name(self) -> str:
        return "action_fallback_search"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        misses = consecutive_fallbacks(tracker.events)
        message = tracker.latest_message
        text = str(message.get("normalized_text") or message.get("text") or "")
        # 「5，展开说说」 after a numbered list: that item's answer, however many misses came
        # before; 「多久更新一次」 right after the published lists: that topic's answer again
        # 「两个事：1）能不能托管；2）补贴上限多少…」 then 「先回答2」, 「第三项和第九项具体包括啥」
        items = list_item_replies(tracker)
        if items:
            send_policy_answers(dispatcher, tracker, items)
            return []
        answer = follow_up(text, tracker) if misses < 2 else None
        if answer is not None:
            send_policy_answer(dispatcher, tracker, answer)
            return []
        if check_for_facts(list(message.get("entities") or []), text) is not None:
            # 「…45個人，去年有勞動信訪，生產正常…你直接講得唔得啦」: whatever the question's
            # words, the facts say which check is meant; they are checked, never dropped
            return recheck(dispatcher, tracker)
        if referral(text) is not None:
            # 「平台不给我买保险，我能去告他们吗？」: another office's matter, however unsure the
            # classifier is of the words: what this assistant covers, and where to ask
            send_out_of_scope(dispatcher, text)
            return []
        offered = topics_just_offered(tracker.events)
        clarified = clarified_answer(text, offered, answer_context()) if offered else None
        if clarified is not None:
            # 「我说的是三年满了」 right after the bot offered two topics: the one it names
            send_policy_answer(dispatcher, tracker, clarified)
            return []
        if misses < 2:
            buttons = likeliest_topics(list(tracker.latest_message.get("intent_ranking") or []))
            if buttons:
                dispatcher.utter_message(text=CLARIFY_TEXT, buttons=buttons)
                return []
        hits = [
            h
            for h in knowledge_base().search(text, k=3, kinds=CITABLE_KINDS)
            if h.score >= MIN_SCORE
        ]
        if hits:
            best = hits[0]
            snippet = (
                best.snippet
                if len(best.snippet) <= SNIPPET_CHARS
                else best.snippet[:SNIPPET_CHARS] + "…"
            )
            send_answer(
                dispatcher,
                compose(
                    body=[
                        "我没有完全理解您的问题，以下条文可能与您的问题有关：",
                        f"{best.citation}：{snippet}",
                    ],
                    articles=[best.article] if best.article else [],
                    interpretation=best.kind == "interpretation",
                    data={
                        "search": [
                            {"citation": h.citation, "score": round(h.score, 3)} for h in hits
                        ]
                    },
                ),
            )
        else:
            send_out_of_scope(dispatcher, text)  # no office named: referred above otherwise
        if misses >= 2:
            await hand_off(dispatcher, tracker, "repeated_fallback")
        return []


class ActionOutOfScope(Action):
    """Out of scope: what the assistant covers and where to ask (the office for the topic
    named, bot/assistant/referrals.yml); but a short question with no
    topic of its own right after an answer (「几天内」 after the filing answer) takes that topic up,
    whatever the classifier made of its few words."""

    def name(self) -> str:
        return "action_out_of_scope"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        message = tracker.latest_message
        text = str(message.get("normalized_text") or message.get("text") or "")
        answer = follow_up(text, tracker)
        if answer is not None:
            send_policy_answer(dispatcher, tracker, answer)
            return []
        entities = list(message.get("entities") or [])
        if terse_statement(text) and check_for_facts(entities, text) is not None:
            # 「搬去东莞」「五金」 taken for another matter: a statement of a check's facts
            return recheck(dispatcher, tracker)
        send_out_of_scope(dispatcher, text)
        return []


def send_out_of_scope(dispatcher: CollectingDispatcher, text: str) -> None:
    """What this assistant covers, and the office for the topic ``text`` names (「个税汇算怎么
    办」 → 12366), when it names one (bot/assistant/referrals.yml)."""
    dispatcher.utter_message(response="utter_out_of_scope")
    where = referral(text)
    if where is not None:
        dispatcher.utter_message(text=where)
