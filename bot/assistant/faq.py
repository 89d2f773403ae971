"""Answers that come straight from the curated answers in ``kb/faq.yml``."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from bot.assistant.context import AnswerContext
from bot.language.statements import (
    is_follow_up,
    item_asked_first,
    item_reference,
    item_references,
    list_items,
    refers_by_letter,
)
from kb.records import FaqEntry
from rules_core.answer import Answer, compose
from rules_core.citations import PLAN_REPORT_NAME
from rules_core.periods import chinese_date
from rules_core.validity import validity_note


def validity_notes(as_of: date) -> list[str]:
    """The note every in-force-dependent answer carries once the validity period has ended (第二十七条)."""
    note = validity_note(as_of)
    return [note] if note else []


def _previous_year(as_of: date) -> str:
    """「上一年度」 on ``as_of`` (第九条): the calendar year before it."""
    return f"按今天（{chinese_date(as_of)}）计，“上一年度”是{as_of.year - 1}年。"


# curated answers that name a year depend on the day they are given: a line computed for it
_DATED_LINES = {"eligibility_terms": _previous_year}


def entry_answer(
    entry: FaqEntry,
    ctx: AnswerContext,
    lead: tuple[str, ...] = (),
    extra_body: tuple[str, ...] = (),
    data: dict[str, object] | None = None,
) -> Answer:
    """One curated answer by the answer contract: ``lead`` lines before it (「您还问到：…」),
    ``extra_body`` after it, its citations, the validity note, and ``data`` beside its key."""
    dated = _DATED_LINES.get(entry.key)
    return compose(
        body=[*lead, entry.answer, *([dated(ctx.as_of)] if dated else []), *extra_body],
        articles=entry.articles,
        interpretation=entry.interpretation,
        notes=validity_notes(ctx.as_of),
        data={"faq": entry.key, "topic": entry.topic, **(data or {})},
        other_sources=[PLAN_REPORT_NAME] if entry.reports else [],
    )


def faq_answer(intent: str, ctx: AnswerContext, extra_body: tuple[str, ...] = ()) -> Answer | None:
    """The curated answer for ``ask_<key>``, with its citations and the validity note; ``None``
    when the intent has no curated answer."""
    entry = ctx.kb.faq_for_intent(intent)
    return None if entry is None else entry_answer(entry, ctx, extra_body=extra_body)


ALSO_FOR = "also_for"  # answer data key: the second question of a message this answers


def second_question_answer(intent: str, ctx: AnswerContext) -> Answer | None:
    """The curated answer to a message's second question (「…能申请吗？另外名单在哪看」), led
    by the question it answers; ``None`` when the intent has no curated answer."""
    entry = ctx.kb.faq_for_intent(intent)
    if entry is None:
        return None
    return entry_answer(entry, ctx, lead=(f"您还问到：{entry.question}",), data={ALSO_FOR: intent})


def follow_up_answer(text: str, intent: str, ctx: AnswerContext) -> Answer | None:
    """The curated answer of the topic just asked about (``intent``), for a short follow-up
    ``text`` the classifier could not place on its own (「多久更新一次」「在哪个网站能查」 after
    the published lists), led by the question it takes up; ``None`` when the text is no such
    follow-up or the topic has no curated answer."""
    if not intent.startswith("ask_") or not is_follow_up(text):
        return None
    entry = ctx.kb.faq_for_intent(intent)
    if entry is None:
        return None
    lead = (f"接着上一个问题（{entry.question}）：",)
    return entry_answer(entry, ctx, lead=lead, data={"follow_up": intent})


def list_item_answers(
    text: str,
    earlier: list[str],
    ctx: AnswerContext,
    readings: Mapping[str, str] | None = None,
) -> list[Answer]:
    """The curated answers about the items the reply points at (「第三项和第九项具体包括啥」
    after the ten items of 第十五条: two answers), in the order asked; ``[]`` when it points at
    none of a list. ``readings``: as for ``list_item_answer``."""
    answers = [list_item_answer(text, earlier, ctx, n, readings) for n in item_references(text)]
    return [a for a in answers if a is not None]


def lists_in_turn(said_by_bot: list[str], said_by_user: list[str]) -> list[str]:
    """The messages a reply that points at an item may mean, in the order to try them:
    ``said_by_bot`` (the bot's messages since the user's previous one, latest first, then that
    one) then ``said_by_user`` (the user's messages before it, latest first); but a list of
    questions the user asked to have answered one by one (「1.…2.…3.…。先回答第1个」) comes
    first, so that 「2」 and 「好，再说3」 walk that list even when an answer on the way had a
    list of its own."""
    said = said_by_bot + said_by_user
    walked = [t for t in said if item_asked_first(t) is not None and list_items(t)][:1]
    rest = [t for t in said if t not in walked]
    return walked + rest


def list_item_answer(
    text: str,
    earlier: list[str],
    ctx: AnswerContext,
    number: int | None = None,
    readings: Mapping[str, str] | None = None,
) -> Answer | None:
    """The curated answer about item N of the list just given (「5，展开说说」 after the ten
    items of 第十五条; 「③再说细一点」 after the user's own ①②③): the topic the classifier read
    the item as, when ``readings`` ({item: intent}, bot/assistant/transcript.item_readings) has
    it, else the curated answer that a search of the item's words finds first; ``None`` when
    the reply points at no item of a list. ``number``: the item, when the reply names several
    (default: the one it names)."""
    number = item_reference(text) if number is None else number
    if number is None:
        return None
    lettered = refers_by_letter(text)  # 「B」 points into a list lettered A, B, C
    for said in earlier:
        items = list_items(said, lettered)
        if len(items) >= number:
            item = items[number - 1]
            break
    else:
        return None
    # 「托管服务内容有哪些」 shares more words with the answer on services beyond the ten (第十六
    # 条) than with the ten (第十五条): the classifier's reading of the question comes first
    read_as = (readings or {}).get(item)
    entry = ctx.kb.faq_for_intent(read_as) if read_as else None
    if entry is None:
        hits = ctx.kb.search(item, k=1, kinds=("faq",))
        entry = ctx.kb.faq(hits[0].ref.removeprefix("faq:")) if hits else None
    if entry is None:
        return None
    lead = (f"第{number}项（{item}）：",)
    return entry_answer(entry, ctx, lead=lead, data={"list_item": number, "intent": entry.intent})


# a clarification's own words must find a curated answer at least this well (BM25 score) to be
# answered when none of the topics just offered is what it names
CLARIFIED_MIN_SCORE = 3.0


def clarified_answer(text: str, offered: list[str], ctx: AnswerContext) -> Answer | None:
    """The curated answer a reply to 「我不太确定您想问的是哪一项」 clarifies (「我说的是三年满
    了」 after 「托管期满以后怎么办」): the best match of its words among the topics offered
    (``offered``: their intents), else its best match when it is a clear one; ``None``
    otherwise."""
    hits = ctx.kb.search(text, k=5, kinds=("faq",))
    entries = [(ctx.kb.faq(h.ref.removeprefix("faq:")), h.score) for h in hits]
    known = [(e, score) for e, score in entries if e is not None]
    chosen = next((e for e, _ in known if e.intent in offered), None)
    if chosen is None and known and known[0][1] >= CLARIFIED_MIN_SCORE:
        chosen = known[0][0]
    if chosen is None:
        return None
    lead = (f"好的，您问的是：{chosen.question}",)
    return entry_answer(chosen, ctx, lead=lead, data={"clarified": chosen.intent})
