"""A new session (Rasa's ``action_session_start``): after a long silence, a fresh start with a
greeting; a first-time user's first message is answered without one.

How long the silence is: ``session_config.session_expiration_time`` in bot/domain.yml (minutes).
Facts given in the old session are not carried over (``carry_over_slots_to_new_session: false``):
a check started an hour ago is not silently continued with facts the user may have forgotten.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted
from rasa_sdk.executor import CollectingDispatcher

from bot.assistant.replies import NEW_SESSION_TEXT


class ActionSessionStart(Action):
    def name(self) -> str:
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        returning = any(event.get("event") == "user" for event in tracker.events)
        if returning:
            dispatcher.utter_message(text=NEW_SESSION_TEXT)
            dispatcher.utter_message(response="utter_greet")
        return [SessionStarted(), ActionExecuted("action_listen")]
