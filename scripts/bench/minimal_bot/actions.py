"""The minimal bot's one custom action: an answer with a custom payload, as the project's answers carry."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher


class ActionAnswer(Action):
    def name(self) -> str:
        return "action_answer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        text = str(tracker.latest_message.get("text") or "")
        dispatcher.utter_message(
            text=f"【结论】您问的是：{text[:40]}\n依据：《管理办法》第九条",
            json_message={"citations": ["第九条"], "verdict": None, "data": {}},
        )
        return []
