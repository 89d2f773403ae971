"""The regulation's own words, for 「第十五条原文」: the full text of the articles asked for."""

from __future__ import annotations

from collections.abc import Sequence

from bot.assistant.context import AnswerContext
from bot.assistant.faq import validity_notes
from bot.language.article_requests import requested_articles
from rules_core.answer import Answer, compose


def requested_article_text(text: str, ctx: AnswerContext) -> Answer | None:
    """The articles a message asks for (「第八条和第十一条的全文」), or ``None`` if it names none."""
    numbers = requested_articles(text)
    return article_text_answer(numbers, ctx) if numbers else None


def article_text_answer(numbers: Sequence[int], ctx: AnswerContext) -> Answer:
    """Each article's full text (it opens with its label and title) from the knowledge base,
    cited in 依据."""
    body = [f"《管理办法》{ctx.kb.article(number).full_text}" for number in numbers]
    return compose(
        body=body,
        articles=numbers,
        notes=validity_notes(ctx.as_of),
        data={"articles": list(numbers)},
    )
