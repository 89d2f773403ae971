"""Facts stated outside a question: re-run the last check with them (「不对，是120人」), or, when
nothing has been checked yet (「我们公司在坪山，45人」 as a first message) or the facts belong to
another check (「公司停业了」 after an eligibility answer), start the check they belong to, which
then asks only what is still missing."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import latest_intent, send_policy_answer, send_policy_answers, slot_values
from actions.list_items import list_item_replies
from bot.assistant.checks.subsidy_several import chosen_client_signing
from bot.assistant.context import answer_context
from bot.assistant.fact_context import INFORM, SUBSIDY_WORDS, check_for_facts, under_custody
from bot.assistant.registry import CHECKS, Check, check_answer, check_for_topic
from bot.assistant.replies import RECHECK_LINE, REPEAT_LINE, SUPPLEMENT_LINE
from bot.assistant.slot_filling import (
    answer_to_requested_slot,
    fewer_certified,
    figure_count,
    is_bare_answer,
    message_slot_values,
    says_all_of_them,
    slots_from_entities,
    statement_before_question,
    the_rest_none,
    with_figure_replaced,
    with_place_replaced,
    with_split_figure,
)
from bot.assistant.transcript import (
    earlier_entity_value,
    messages_before_latest,
    previous_user_intent,
    slots_before_latest_message,
    slots_changed_by_latest_message,
    user_texts,
)
from bot.assistant.vocabulary import (
    CORRECTION,
    FACT_SLOTS,
    LAST_CHECK_SLOT,
    UNKNOWN,
    YES_NO_SLOTS,
)
from rules_core.answer import Answer

BUTTON_PREFIX = "/"  # a button's payload (/inform{…}) is sent as the message text
DOUBT_INTENT = "doubt_verdict"
FALLBACK_ACTION = "action_fallback_search"


class ActionRecheck(Action):
    """Re-run the last check when the message brought new facts; otherwise ask what is needed."""

    def name(self) -> str:
        return "action_recheck"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        return recheck(dispatcher, tracker)


def recheck(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """Re-run the last check with the facts of this message, start the check they belong to, or
    ask what the user needs."""
    message = tracker.latest_message
    entities = list(message.get("entities") or [])
    text = str(message.get("normalized_text") or message.get("text") or "")
    chosen = chosen_client_signing(
        text, messages_before_latest(tracker.events), answer_context().as_of
    )
    if chosen is not None:
        # 「选2号，再算下第二年」 after the caps of several enterprises: that one's first signing
        subsidy, chosen_slots = CHECKS["subsidy"], {"first_signing_date": chosen}
        dispatcher.utter_message(text=SUPPLEMENT_LINE)
        send_policy_answer(
            dispatcher,
            tracker,
            subsidy.answer({**slot_values(tracker, FACT_SLOTS), **chosen_slots}, answer_context()),
        )
        chosen_slots[LAST_CHECK_SLOT] = subsidy.name
        return [SlotSet(name, value) for name, value in chosen_slots.items()]
    last = CHECKS.get(tracker.get_slot(LAST_CHECK_SLOT) or "")
    belongs_to = CHECKS.get(check_for_facts(entities, text) or "")
    if belongs_to is CHECKS["eligibility"] and moved_while_served(tracker):
        # 「我们是托管企业，…会不会不能继续当托管对象了？」 then 「3.搬了，搬到坪山区石井街道」:
        # a firm that said it is served tells of a move: 第十三条's question, not an application
        belongs_to = CHECKS["enterprise_exit"]
    # 「去年我们共12件」 right after the general answer on agency exit (第十一条), 「2021年7月
    # 签的」 right after the one on an enterprise's exit (第十三条: when the service started):
    # the topic just asked about says which check the facts belong to, when it reads them
    topic = check_for_topic(previous_user_intent(tracker.events) or "")
    if topic is not None and last is None and read_for_check(topic, tracker, entities):
        belongs_to = topic
    changed = slots_changed_by_latest_message(tracker.events)
    # The message read in the context of the last check: 「更正，漏算了一件，全年是10件」 after the
    # agency exit verdict is the agency's own cases, though no 机构 is named in it
    in_last = read_for_check(last, tracker, entities)
    # 「更正下，其实今年3月起就停产了」 after the eligibility verdict corrects one of its facts
    # (生产经营正常): it is re-checked, not taken for the exit question the same words could ask;
    # without 更正 (「我们公司停业了」) it is news for the check it belongs to
    correcting = bool(message.get(CORRECTION)) or moved_before_custody(last, belongs_to, tracker)
    corrects_last = last is not None and correcting and bool((changed & set(last.reads)) or in_last)
    # 「我们2022年7月开始托管的，现在生产正常，没停业也没注销」 after the exit verdict: facts the
    # exit check reads are its news, not an application for custody (第九条's check reads them too)
    # 「2022年签的，没满三年」 after it too: when its custody began, not a subsidy question
    stays = (
        last is not None
        and last.name == "enterprise_exit"
        and belongs_to is not None
        and (
            belongs_to.name == "eligibility"
            or belongs_to.name == "subsidy"
            and not SUBSIDY_WORDS.search(text)
        )
        and bool((changed & set(last.reads)) or in_last)
    )
    if belongs_to is not None and belongs_to is not last and not corrects_last and not stays:
        if belongs_to.form is None:
            # answered here: a question action run as a follow-up has no rule for what comes
            # next, and Rasa's default fallback would then revert the whole turn (its facts and
            # ``last_check`` with it)
            answer, events = formless_check_answer(belongs_to, tracker, entities)
            if answer is not None:
                send_policy_answer(dispatcher, tracker, answer)
            return events
        return [FollowupAction(belongs_to.start_action)]
    doubted = latest_intent(tracker) == DOUBT_INTENT
    bare = not entities or is_bare_answer(text)
    # 「是6家不是8家」: the fact that held 8 becomes 6, whatever the extractor took 6家 for
    before = slots_before_latest_message(tracker.events)
    replied = (
        (certified_fewer(tracker, text) if last and "certified_staff" in last.reads else {})
        or (with_figure_replaced(text, before, last.reads) if last is not None else {})
        or (with_split_figure(text, before, last.reads) if last is not None else {})
        or (the_rest_none(text, slot_values(tracker, last.slots), last.slots) if last else {})
        or (with_place_replaced(entities, before) if message.get(CORRECTION) else {})
        or (reply_to_last_check(last, tracker, text, entities) if bare else {})
    )
    if replied and last is not None:  # 「85、74」 after a verdict that still needs the scores
        # 「9家」 alone, or the 3 of 「是3家不是8家」, was also read as a number of clients: only
        # the answer stands; the message's other facts (「…机构自己只有2件」) are kept
        undone = {
            name: before.get(name)
            for name in changed - set(replied)
            if name in FACT_SLOTS and (bare or tracker.get_slot(name) in replied.values())
        }
        slots = {**slot_values(tracker, FACT_SLOTS), **undone, **replied}
        dispatcher.utter_message(text=recheck_line(tracker, set(replied)))
        send_policy_answer(dispatcher, tracker, last.answer(slots, answer_context()))
        return [SlotSet(name, value) for name, value in {**undone, **replied}.items()]
    if last is None and doubted:  # 「结论呢」 with no check answered yet: what is meant?
        return [FollowupAction(FALLBACK_ACTION)]
    if last is None or not (entities or doubted):
        # 「2」 after 「…3.托管服务内容有哪些。先回答第1个」 and that answer: item 2 of the list
        items = [] if entities else list_item_replies(tracker)
        send_policy_answers(dispatcher, tracker, items)
        if not items:
            dispatcher.utter_message(response="utter_anything_else")
        return []
    if doubted and not entities:  # 「你确定吗？」: the same verdict, with its reasons
        repeat_verdict(dispatcher, tracker, last)
        return []
    # A button of an earlier question (/inform{"firm_type":"labour_dispatch"}) skips the NLU
    # pipeline, so the Rasa server set no slot from it: its facts are read here.
    pressed = str(message.get("text") or "").startswith(BUTTON_PREFIX)
    from_button = message_slot_values(entities, latest_intent(tracker), text) if pressed else {}
    from_button = {**in_last, **from_button}
    slots = {**slot_values(tracker, FACT_SLOTS), **from_button}
    dispatcher.utter_message(text=recheck_line(tracker, changed | set(from_button)))
    send_policy_answer(dispatcher, tracker, last.answer(slots, answer_context()))
    return [SlotSet(name, value) for name, value in from_button.items()]


def repeat_verdict(dispatcher: CollectingDispatcher, tracker: Tracker, last: Check) -> None:
    """The last check's verdict again on the facts known, with its reasons (「你确定吗？」, or a
    yes that confirms the facts: 「是的，都是专职」)."""
    dispatcher.utter_message(text=REPEAT_LINE)
    send_policy_answer(
        dispatcher, tracker, last.answer(slot_values(tracker, FACT_SLOTS), answer_context())
    )


def moved_before_custody(last: Check | None, belongs_to: Check | None, tracker: Tracker) -> bool:
    """「厂房去年底已经整体搬到东莞了」 after the eligibility verdict, from an enterprise that has
    not said it is under custody: where it operates changed (第九条), no 第十三条 exit."""
    if last is None or belongs_to is None:
        return False
    if (last.name, belongs_to.name) != ("eligibility", "enterprise_exit"):
        return False
    # 「我们2022年4月开始接受托管…」 said earlier in the conversation counts too
    said = user_texts(tracker.events)
    text = str(tracker.latest_message.get("normalized_text") or "")
    started = tracker.get_slot("service_started") or tracker.get_slot("first_signing_date")
    return started is None and not any(under_custody(t) for t in [text, *said])


def moved_while_served(tracker: Tracker) -> bool:
    """The latest message tells of a move or another of 第十三条's events, and the conversation
    said earlier that the enterprise is under custody."""
    exit_event = tracker.get_slot("exit_event")
    changed = slots_changed_by_latest_message(tracker.events)
    if "exit_event" not in changed or exit_event in (None, "stayed"):
        return False
    return any(under_custody(t) for t in user_texts(tracker.events)[:-1])


def recheck_line(tracker: Tracker, names: set[str]) -> str:
    """「已按您更正的情况重新核对」 when the message changed a fact said before, 「已按您补充的
    情况重新核对」 when it only added facts (「有专门场所和办公设备」 after the verdict)."""
    before = slots_before_latest_message(tracker.events)
    entities = list(tracker.latest_message.get("entities") or [])
    stated = set(slots_from_entities(entities, latest_intent(tracker), None, None))
    corrected = any(before.get(name) is not None for name in names | stated if name in FACT_SLOTS)
    return RECHECK_LINE if corrected or tracker.latest_message.get(CORRECTION) else SUPPLEMENT_LINE


def reply_to_last_check(
    last: Check | None,
    tracker: Tracker,
    text: str,
    entities: list[dict[str, Any]],
    intent: str | None = None,
) -> dict[str, str]:
    """A bare figure after a verdict (「85、74」「6」「两个人都是八十八」) answers the first of the
    check's facts it can answer: first those still missing (the verdict listed them under
    还需确认), then one already given (「看错了，是82和78」 corrects the scores). Only figures:
    a short 「有的」 after a verdict answers 「是否解决了您的问题？」."""
    if last is None:
        return {}
    known = slot_values(tracker, last.slots)
    if "certified_staff" in last.slots and known.get("certified_staff") is None:
        all_certified = certified_as_all_of_them(tracker, text)
        if all_certified is not None:
            return {"certified_staff": all_certified}
    figures = figure_count(text)
    candidates = [(s, True) for s in last.slots if known.get(s) is None] + [
        (s, False) for s in last.slots if known.get(s) is not None
    ]
    for slot, missing in candidates:
        if slot in YES_NO_SLOTS:
            continue
        value = answer_to_requested_slot(slot, intent or latest_intent(tracker), text, entities)
        if value is None or value == UNKNOWN:
            continue
        # a fact already given is corrected only by a reply of its shape (two scores, one count)
        if missing or len(value.split(",")) == figures:
            return {slot: value}
    return {}


def certified_as_all_of_them(tracker: Tracker, text: str) -> str | None:
    """「2名专职服务人员」 said earlier, then 「都有（证）」: the certified staff (第八条) are that
    many; ``None`` when the reply says no such thing or no full-time count was said."""
    if not says_all_of_them(text):
        return None
    return earlier_entity_value(tracker.events, "count", "full_time_staff")


def corrected_by(
    check: Check, tracker: Tracker, text: str, entities: list[dict[str, Any]]
) -> dict[str, str]:
    """The facts of ``check`` a correction asked as the check's question changes (「不好意思我记错
    了，是75和79。那我们还能当托管机构吗？」「其中一个其实是兼职的，这样还行吗」): fewer certified
    staff, a figure replaced (「是6家不是8家」), or a reply of a known fact's shape; ``{}`` when
    it changes none."""
    before = slots_before_latest_message(tracker.events)
    said = statement_before_question(text)  # the figures are read as a statement's
    return (
        (certified_fewer(tracker, text) if "certified_staff" in check.reads else {})
        or with_figure_replaced(text, before, check.reads)
        or (reply_to_last_check(check, tracker, said, entities, INFORM) if said else {})
    )


def certified_fewer(tracker: Tracker, text: str) -> dict[str, str]:
    """「其中一个其实是兼职的」 after 「2个专职人员都有证」: the certified full-time staff
    (第八条) said before, less those the message takes away (or plus the one it adds: 「兼职那个
    已经转专职，也有…证」); ``{}`` when it changes none or no count was said."""
    fewer = fewer_certified(text, user_texts(tracker.events)[:-1])
    known = tracker.get_slot("certified_staff")
    if fewer is None or known is None or not str(known).isdigit():
        return {}
    return {"certified_staff": str(max(int(known) - fewer, 0))}


def formless_check_answer(
    check: Check, tracker: Tracker, entities: list[Mapping[str, Any]]
) -> tuple[Answer | None, list[EventType]]:
    """The answer of a check without a form (第十三条's exit, filing) for the facts known and
    those this message gives in its context, and the events that keep them (and ``last_check``)."""
    read = read_for_check(check, tracker, entities)
    answer = check_answer(check, {**slot_values(tracker, check.reads), **read}, answer_context())
    remembered = [SlotSet(LAST_CHECK_SLOT, check.name)] if check.remembered else []
    return answer, [*(SlotSet(name, value) for name, value in read.items()), *remembered]


def read_for_check(
    check: Check | None, tracker: Tracker, entities: list[Mapping[str, Any]]
) -> dict[str, str]:
    """The facts of ``check`` this message gives when read in that check's context, where they
    differ from what is known (after the agency exit verdict, 「全年是10件」 → its own cases)."""
    if check is None:
        return {}
    read = slots_from_entities(entities, check.question_intent, None, None)
    return {
        name: value
        for name, value in read.items()
        if name in check.reads and tracker.get_slot(name) != value
    }
