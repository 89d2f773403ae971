"""Low NLU confidence: answer with the best knowledge-base passage and its citation."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.base import send_answer
from actions.context import knowledge_base
from rules_core.answer import compose

MIN_SCORE = 1.0
SNIPPET_CHARS = 160


class ActionFallbackSearch(Action):
    """Search the regulation for the user's words; if nothing matches, say what is covered."""

    def name(self) -> str:
        return "action_fallback_search"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        text = str(tracker.latest_message.get("text") or "")
        hits = [h for h in knowledge_base().search(text, k=3) if h.score >= MIN_SCORE]
        if not hits:
            dispatcher.utter_message(response="utter_out_of_scope")
            return []
        best = hits[0]
        snippet = best.snippet if len(best.snippet) <= SNIPPET_CHARS else best.snippet[:SNIPPET_CHARS] + "…"
        answer = compose(
            body=[
                "我没有完全理解您的问题，以下条文可能与您的问题有关：",
                f"{best.citation}：{snippet}",
                "如果这不是您想问的，请换个说法，或输入“转人工”。",
            ],
            articles=[best.article] if best.article else [],
            interpretation=best.kind == "interpretation",
            verdict=None,
            data={"search": [{"citation": h.citation, "score": round(h.score, 3)} for h in hits]},
        )
        send_answer(dispatcher, answer)
        return []
