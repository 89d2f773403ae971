"""「转人工」 and repeated failure: say how to reach a person and queue the conversation for staff."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.transcript import transcript
from bot.conversation_store import conversation_store

HANDOFF_TEXT = (
    "好的，为您转人工咨询：\n"
    "· 坪山区人力资源局（负责统筹指导托管服务工作，《管理办法》第六条）——请通过坪山区人民政府网站查询联系方式，或到区人力资源局窗口咨询；\n"
    "· 人力资源和社会保障服务热线 12333。\n"
    "您的对话已转给工作人员，您也可以继续在这里提问。"
)


def hand_off(dispatcher: CollectingDispatcher, tracker: Tracker, reason: str) -> int:
    """Queue this conversation with its transcript for the staff console and tell the user."""
    handoff_id = conversation_store().record_handoff(
        tracker.sender_id, reason, transcript(tracker.events)
    )
    dispatcher.utter_message(
        text=HANDOFF_TEXT,
        json_message={"citations": ["第六条"], "verdict": None, "data": {"handoff_id": handoff_id}},
    )
    return handoff_id


class ActionHandoff(Action):
    """Tell the user how to reach a person, and record the handoff."""

    def name(self) -> str:
        return "action_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        hand_off(dispatcher, tracker, "requested")
        return []
