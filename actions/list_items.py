"""Replies that point at an item of a list (「5，展开说说」「好，再说3」「2」): the answers to the
items they name, on the facts known."""

from __future__ import annotations

from rasa_sdk import Tracker

from actions.base import answer_on_facts_known
from bot.assistant.context import answer_context
from bot.assistant.faq import list_item_answers, lists_in_turn
from bot.assistant.transcript import earlier_user_texts, item_readings, messages_before_latest
from rules_core.answer import Answer


def list_item_replies(tracker: Tracker) -> list[Answer]:
    """The answers to the items of a list the latest message points at, in the order asked
    (``[]`` when it points at none): the list just given, or one the user gave a few turns ago
    (「A…B…C…」, 「B」, then 「C」). A check's question among them (「两个事：1）能不能托管；2）
    补贴上限多少…」 then 「先回答2」) gets that check's answer on the facts known, not its
    general rule; an item of the user's own list is the topic the classifier read it as."""
    raw = str(tracker.latest_message.get("text") or "")  # ③ and （五） as typed
    earlier = lists_in_turn(
        messages_before_latest(tracker.events), earlier_user_texts(tracker.events)
    )
    answers = list_item_answers(raw, earlier, answer_context(), item_readings(tracker.events))
    return [answer_on_facts_known(tracker, str(a.data.get("intent") or "")) or a for a in answers]
