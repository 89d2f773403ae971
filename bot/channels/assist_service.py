"""What the hotline staff console computes, without any web framework.

The routes in :mod:`bot.channels.assist` call these functions:

- :func:`suggest` — from the caller's words and the NLU parse: the three likeliest
  interpretations (Chinese titles, confidence), the suggested answer for the top one (rendered by
  the same code the bot uses, so it follows the answer contract), the full text of every cited
  article, and the facts detected in the words (slot values that pre-fill the calculators);
- :data:`CALCULATORS` — the eligibility (第九条), subsidy (第十九条、第二十三条), enterprise exit
  (第十三条) and agency exit (第十一条) calculators over the facts given on the phone;
- :func:`handoff_json` — a conversation waiting for a person, as the queue shows it.

Field values use the slot vocabulary of :mod:`bot.assistant.vocabulary` (``yes`` / ``no`` /
``unknown``, digits, ISO dates), so detected facts can be put straight into the forms.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from bot.assistant.checks.agency_exit import agency_exit_answer
from bot.assistant.checks.eligibility import eligibility_answer
from bot.assistant.checks.enterprise_exit import enterprise_exit_answer
from bot.assistant.checks.subsidy import subsidy_answer
from bot.assistant.context import AnswerContext
from bot.assistant.fact_builders import parse_date
from bot.assistant.intent_titles import intent_title
from bot.assistant.registry import answer_for
from bot.assistant.slot_filling import mapped_slot_values
from bot.assistant.vocabulary import NO, UNKNOWN, YES
from bot.storage.store import HandoffRecord
from kb.repository import KnowledgeBase
from rules_core.answer import Answer
from rules_core.citations import article_number_from_label

TOP_INTERPRETATIONS = 3
MAX_QUESTION_CHARS = 1000
FALLBACK_INTENT = "nlu_fallback"

ERROR_EMPTY_QUESTION = "请输入或粘贴来电人的原话（q 不能为空）。"
ERROR_LONG_QUESTION = f"来电人的原话过长，请控制在 {MAX_QUESTION_CHARS} 字以内。"

HANDOFF_REASONS = {
    "requested": "用户要求转人工",
    "repeated_fallback": "连续两次未能理解",
}


class FieldError(ValueError):
    """A calculator field holds a value the form cannot take; the message is for staff."""


# --- interpretations and the suggested answer --------------------------------------------------


def interpretations(
    parsed: Mapping[str, Any], kb: KnowledgeBase, limit: int = TOP_INTERPRETATIONS
) -> list[dict[str, Any]]:
    """The likeliest intents of an NLU parse, best first, without ``nlu_fallback``."""
    ranking = parsed.get("intent_ranking") or []
    if not ranking and parsed.get("intent"):
        ranking = [parsed["intent"]]
    found: list[dict[str, Any]] = []
    for item in ranking:
        name = str(item.get("name") or "")
        if not name or name == FALLBACK_INTENT or any(f["intent"] == name for f in found):
            continue
        found.append(
            {
                "intent": name,
                "title": intent_title(name, kb),
                "confidence": round(float(item.get("confidence") or 0.0), 4),
            }
        )
        if len(found) == limit:
            break
    return found


def detected_facts(parsed: Mapping[str, Any]) -> dict[str, str]:
    """The slot values the bot would take from the caller's words outside a form: the slot
    entities of the NLU parse (bot/components/fact_slots.py), as the domain's mappings read them."""
    return mapped_slot_values(list(parsed.get("entities") or []), active_form=None)


def cited_articles(citations: Iterable[str], kb: KnowledgeBase) -> list[dict[str, Any]]:
    """The full text of every article among the citations (``政策解读`` has no article)."""
    articles: list[dict[str, Any]] = []
    for label in citations:
        try:
            number = article_number_from_label(label)
        except ValueError:
            continue
        article = kb.article(number)
        articles.append(
            {
                "number": article.number,
                "label": article.label,
                "title": article.title,
                "full_text": article.full_text,
            }
        )
    return articles


def answer_json(answer: Answer) -> dict[str, Any]:
    """The parts of an answer the console shows."""
    return {"text": answer.text, "verdict": answer.verdict, "citations": list(answer.citations)}


def clean_question(text: str | None) -> str:
    """The caller's words, stripped; :class:`FieldError` when empty or too long."""
    question = (text or "").strip()
    if not question:
        raise FieldError(ERROR_EMPTY_QUESTION)
    if len(question) > MAX_QUESTION_CHARS:
        raise FieldError(ERROR_LONG_QUESTION)
    return question


def suggest(text: str, parsed: Mapping[str, Any], ctx: AnswerContext) -> dict[str, Any]:
    """Everything the console shows for the caller's words, given the NLU parse of them.

    The answer is for the top interpretation; when that is not a policy question (a greeting,
    「转人工」) the first policy interpretation among the three is answered instead, and
    ``answer["intent"]`` says which. No policy interpretation → ``answer`` is ``None``.
    """
    found = interpretations(parsed, ctx.kb)
    facts = detected_facts(parsed)
    answer: dict[str, Any] | None = None
    articles: list[dict[str, Any]] = []
    for candidate in found:
        rendered = answer_for(candidate["intent"], facts, ctx)
        if rendered is not None:
            answer = {"intent": candidate["intent"], **answer_json(rendered)}
            articles = cited_articles(rendered.citations, ctx.kb)
            break
    return {
        "question": text,
        "interpretations": found,
        "answer": answer,
        "articles": articles,
        "facts": facts,
    }


# --- calculators ------------------------------------------------------------------------------

YES_NO_UNKNOWN = (YES, NO, UNKNOWN)
DATE_HINT = "请按 2021-05-10 的格式填写。"


@dataclass(frozen=True)
class Field:
    """One form field: its slot name, Chinese label, and what it accepts.

    ``choices`` lists the accepted values of a select; otherwise ``pattern`` must match the
    whole value, and ``is_date`` asks for a real calendar day (``2021-05`` allowed when the
    pattern allows it: the subsidy base needs only the year).
    """

    name: str
    label: str
    choices: tuple[str, ...] = ()
    pattern: re.Pattern[str] | None = None
    hint: str = ""
    is_date: bool = False

    def clean(self, raw: Any) -> str | None:
        """The value as a slot holds it; ``None`` when left empty; :class:`FieldError` if invalid."""
        value = "" if raw is None else str(raw).strip()
        if value == "":
            return None
        if self.choices and value not in self.choices:
            raise FieldError(f"「{self.label}」的取值无效，请从选项中选择。")
        if self.pattern is not None and not self.pattern.fullmatch(value):
            raise FieldError(f"「{self.label}」格式不对：{self.hint}")
        if self.is_date and parse_date(value if len(value) == 10 else f"{value}-01") is None:
            raise FieldError(f"「{self.label}」不是有效日期：{self.hint}")
        return value


def _count(name: str, label: str) -> Field:
    return Field(name, label, pattern=re.compile(r"\d{1,7}"), hint="请填写非负整数，如 12。")


ELIGIBILITY_FIELDS = (
    Field("in_pingshan", "注册地、纳税地、经营地是否都在坪山区", YES_NO_UNKNOWN),
    Field(
        "headcount",
        "从业人数",
        pattern=re.compile(r"\d{1,7}(-\d{1,7})?~?"),
        hint="请填写人数，如 45（范围写作 81-89）。",
    ),
    Field("operating_normally", "生产经营是否正常", YES_NO_UNKNOWN),
    Field("firm_type", "企业类型", ("labour_dispatch", "hr_service", "other", UNKNOWN)),
    Field(
        "qualifying_condition",
        "第九条三项情形",
        ("labour_case", "tech_sme", "key_enterprise", "none", UNKNOWN),
    ),
)
SUBSIDY_FIELDS = (
    Field(
        "first_signing_date",
        "首次签约日期",
        pattern=re.compile(r"\d{4}-\d{2}(-\d{2})?"),
        hint=DATE_HINT,
        is_date=True,
    ),
    Field("service_year", "服务年度", ("1", "2", "3", "4")),
    Field(
        "months_served",
        "本年度实际服务月数",
        pattern=re.compile(r"1[0-2]|\d"),
        hint="请填写 0 至 12 的整数。",
    ),
)
ENTERPRISE_EXIT_FIELDS = (
    Field(
        "service_started",
        "开始接受托管服务的日期",
        pattern=re.compile(r"\d{4}-\d{2}(-\d{2})?"),
        hint=DATE_HINT + "只记得年月也可以（2021-05）。",
        is_date=True,
    ),
    Field(
        "exit_event",
        "停业、注销或搬迁出坪山区",
        ("suspended", "deregistered", "relocated", "none", UNKNOWN),
    ),
)
AGENCY_EXIT_FIELDS = (
    _count("clients_served", "服务企业数"),
    _count("clients_with_cases", "发生劳动案件的服务企业数"),
    _count("change_requests", "要求更换机构的企业数"),
    _count("own_case_count", "机构自身发生的劳动案件数"),
    Field(
        "own_case_rate",
        "机构自身劳动案件发生率（%）",
        pattern=re.compile(r"\d{1,3}(\.\d{1,4})?"),
        hint="请填写百分比数值，如 0.8。",
    ),
    Field("other_violation", "是否有其他违法违规行为", YES_NO_UNKNOWN),
)


def clean_fields(fields: Iterable[Field], data: Mapping[str, Any]) -> dict[str, str]:
    """The submitted values of these fields, validated; empty fields are left out (unknown)."""
    slots: dict[str, str] = {}
    for field in fields:
        value = field.clean(data.get(field.name))
        if value is not None:
            slots[field.name] = value
    return slots


def calculator_result(answer: Answer, kb: KnowledgeBase) -> dict[str, Any]:
    """The rendered answer and the full text of the articles it cites."""
    return {"answer": answer_json(answer), "articles": cited_articles(answer.citations, kb)}


def calculate_eligibility(data: Mapping[str, Any], ctx: AnswerContext) -> dict[str, Any]:
    """第九条: 符合 / 不符合 / 尚需确认, one reason per condition."""
    return calculator_result(
        eligibility_answer(clean_fields(ELIGIBILITY_FIELDS, data), ctx), ctx.kb
    )


def calculate_subsidy(data: Mapping[str, Any], ctx: AnswerContext) -> dict[str, Any]:
    """第十九条、第二十三条: the cap for that service year, pro-rated by the months served."""
    return calculator_result(subsidy_answer(clean_fields(SUBSIDY_FIELDS, data), ctx), ctx.kb)


def calculate_enterprise_exit(data: Mapping[str, Any], ctx: AnswerContext) -> dict[str, Any]:
    """第十三条: whether the enterprise is no longer a 托管服务对象."""
    return calculator_result(
        enterprise_exit_answer(clean_fields(ENTERPRISE_EXIT_FIELDS, data), ctx), ctx.kb
    )


def calculate_agency_exit(data: Mapping[str, Any], ctx: AnswerContext) -> dict[str, Any]:
    """第十一条: whether the agency has met one of the exit situations."""
    return calculator_result(
        agency_exit_answer(clean_fields(AGENCY_EXIT_FIELDS, data), ctx), ctx.kb
    )


Calculator = Callable[[Mapping[str, Any], AnswerContext], dict[str, Any]]
CALCULATORS: dict[str, Calculator] = {
    "eligibility": calculate_eligibility,
    "subsidy": calculate_subsidy,
    "enterprise-exit": calculate_enterprise_exit,
    "agency-exit": calculate_agency_exit,
}


# --- the handoff queue ------------------------------------------------------------------------


def handoff_json(record: HandoffRecord, transcript: list[dict[str, str]]) -> dict[str, Any]:
    """One queued conversation as the console shows it (times in UTC, ISO 8601), with what was
    said up to the handoff (read from the tracker store by the caller)."""
    return {
        "id": record.id,
        "sender_id": record.sender_id,
        "reason": record.reason,
        "reason_title": HANDOFF_REASONS.get(record.reason, record.reason),
        "created_at": record.created_at.isoformat(timespec="seconds") + "Z",
        "handled": record.handled,
        "handled_by": record.handled_by,
        "transcript": transcript,
    }
