"""The fixed replies of the conversation that are not policy answers (feedback, handoff)."""

from __future__ import annotations

FEEDBACK_PROMPT = "是否解决了您的问题？"
FEEDBACK_BUTTONS = [
    {"title": "已解决", "payload": "/feedback_helpful"},
    {"title": "未解决", "payload": "/feedback_unhelpful"},
]
FEEDBACK_THANKS = "感谢您的反馈！还有其他问题可以继续问我。"
FEEDBACK_SORRY = "抱歉没能解决您的问题。您可以换个说法再问一次，或输入“转人工”联系工作人员。"
CLARIFY_TEXT = "我不太确定您想问的是哪一项，您是想了解："  # the two likeliest topics follow
RECHECK_LINE = "已按您更正的情况重新核对："
# the facts only add to what was known (nothing said before changed): no correction to thank for
SUPPLEMENT_LINE = "已按您补充的情况重新核对："
REPEAT_LINE = "我按您提供的情况又核对了一遍，结果和理由如下："
HANDOFF_TEXT = (
    "好的，为您转人工咨询：\n"
    "· 坪山区人力资源局（负责统筹指导托管服务工作，《管理办法》第六条）——请通过坪山区人民政府网站查询联系方式，或到区人力资源局窗口咨询；\n"
    "· 人力资源和社会保障服务热线 12333。\n"
    "您的对话已转给工作人员，您也可以继续在这里提问。"
)
HANDOFF_CITATIONS = ["第六条"]
NEW_SESSION_TEXT = "距离上次咨询已经有一段时间了，我们重新开始，之前提供的情况不再沿用。"
ARTICLE_RANGE_TEXT = (
    "《管理办法》共二十七条（第一条至第二十七条），请告诉我要看第几条，例如“第十五条原文”。"
)
CONFLICT_TEXT = (
    "您提供的数字前后对不上：{problem}。请核对后告诉我正确的数字（例如「服务对象共70家」），"
    "我会按更正后的情况重新核对。"
)
