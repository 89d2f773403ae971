"""What each intent is called in Chinese, for staff and operators (the console's
interpretations, the report's topics)."""

from __future__ import annotations

from kb.repository import KnowledgeBase

# Titles for the intents that have no curated FAQ entry (an ask_* intent uses its question).
INTENT_TITLES: dict[str, str] = {
    "greet": "打招呼",
    "goodbye": "道别",
    "thanks": "表示感谢",
    "affirm": "肯定回答（是/对）",
    "deny": "否定回答（不是/没有）",
    "dont_know": "不清楚",
    "request_human": "要求转人工",
    "out_of_scope": "超出本政策范围的问题",
    "bot_challenge": "问是不是机器人",
    "inform": "提供情况（人数、地点、日期等）",
    "feedback_helpful": "反馈：问题已解决",
    "feedback_unhelpful": "反馈：问题未解决",
    "stop_form": "不想继续回答问题",
    "calculate_subsidy": "帮我算一算托管补贴",
    "check_agency_exit": "逐项核对机构是否触发退出情形",
    "check_agency_qualification": "逐项核对机构能否成为托管服务机构",
    "doubt_verdict": "对结论有疑问（你确定吗）",
    "request_article_text": "查看条文原文",
    "nlu_fallback": "未能识别的问题",
}

# The label an operator gives a message that is not about this service (「不在范围」)
OUT_OF_SCOPE = "out_of_scope"


def intent_title(intent: str, kb: KnowledgeBase) -> str:
    """``ask_enterprise_exit`` → 「公司注销了，托管还继续吗？」; others from :data:`INTENT_TITLES`."""
    entry = kb.faq_for_intent(intent) if intent.startswith("ask_") else None
    if entry is not None:
        return entry.question
    return INTENT_TITLES.get(intent, intent)
