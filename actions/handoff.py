"""「转人工」: explain how to reach a person (the assistant has no live agents of its own)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

HANDOFF_TEXT = (
    "好的，为您转人工咨询：\n"
    "· 坪山区人力资源局（负责统筹指导托管服务工作，《管理办法》第六条）——请通过坪山区人民政府网站查询联系方式，或到区人力资源局窗口咨询；\n"
    "· 人力资源和社会保障服务热线 12333。\n"
    "您也可以继续在这里提问。"
)


class ActionHandoff(Action):
    """Tell the user how to reach a person."""

    def name(self) -> str:
        return "action_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        dispatcher.utter_message(text=HANDOFF_TEXT, json_message={"handoff": True, "citations": ["第六条"]})
        return []
