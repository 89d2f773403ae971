"""Rasa component: short replies and plain statements of fact, read by rule after the intent classifier.

- A whole-message short reply (是的 / 没有 / 不清楚 / 没用 / 算了) is the intent the lexicon says
  (bot/language/short_replies.yml): these few characters mean one thing in Chinese, but the classifier's
  character n-grams confuse 没错 with 没有.
- A request for articles' own words (「第十五条原文」) is ``request_article_text``
  (bot/language/article_requests.py).
- A message of emoji only is thanks (「👍」「🙏」) or 「未解决」 (「👎」); a short doubt about the last
  verdict (「你确定吗？」) is ``doubt_verdict``, or ``inform`` when it brings a fact to re-check
  (bot/language/reactions.py).
- A message that states facts the checks need (the fact extractor found some) and neither asks
  nor requests anything (bot/language/statements.py) is ``inform``: 「公司停业了」 in reply to a
  question is a fact, not the exit question. Only the guesses a statement is mistaken for are
  overridden (``STATEMENT_MISREADS``): 「转人工，我们45人」 still reaches a person, and a fact
  beside a topic (「我们律所在坪山，备案期限」) stays a question about that topic.

- The two exits are told apart by who speaks: an enterprise asking whether it is still served
  (「没注销没停业，会被退出吗」「搬去惠州了，还算托管对象吗」) is 第十三条's question, not an
  agency's (第十一条).
- Parse data for the actions: ``correction`` (the message corrects a fact), ``asks_verdict``
  (its only question asks for the verdict again, 「这样呢？」), and ``also_asked`` (the policy
  questions it asks besides its intent, 「…能申请吗？另外名单在哪看」, from the intent
  classifier's reading of each question on its own); a message of facts whose question closes
  on the verdict and that asks another question is ``inform``, so the check comes first.
- Another office's matter asked with no word of custody (「是不是要付双倍工资」, 「东莞有没有这种
  托管服务」) is ``out_of_scope`` (bot/assistant/referrals.yml); two topics the classifier is torn
  between, together nearly all its belief, are both answered (the second under ``also_asked``);
  a yes followed by a statement (「对，下个月办完」) is ``affirm`` flagged ``confirms``.
Runs after the intent classifier and the fact extractor, before the fallback classifier.
"""

from __future__ import annotations

import re
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.assistant.referrals import names_another_matter
from bot.assistant.slot_filling import says_the_rest_are_none, wants_the_verdict_now
from bot.assistant.transcript import POLICY_INTENT_PREFIXES
from bot.assistant.vocabulary import (
    ALSO_ASKED,
    ASKS_VERDICT,
    CONFIRMS,
    CORRECTION,
    ITEM_INTENTS,
)
from bot.components.linear_intent_classifier import SEGMENT_INTENTS
from bot.components.normalizer import NORMALIZED_TEXT
from bot.language.article_requests import requested_articles
from bot.language.gazetteer import find_places
from bot.language.industries import business_line
from bot.language.reactions import POSITIVE, emoji_reaction, is_correction, is_doubt
from bot.language.short_replies import short_reply_intent, yes_and_more
from bot.language.statements import (
    UNKNOWN_WORDS,
    asks_for_an_item,
    asks_only_for_the_verdict,
    asks_something,
    closes_on_the_verdict,
    is_bare_number,
    is_follow_up,
    item_asked_first,
    item_reference,
    leans_on_the_answer,
    names_no_topic,
    refers_by_letter,
    without_verdict_questions,
)

INFORM = "inform"
AFFIRM = "affirm"
THANKS = "thanks"
UNHELPFUL = "feedback_unhelpful"
DOUBT = "doubt_verdict"
DONT_KNOW = "dont_know"
_NAMES_A_CHECK = re.compile(r"对象|机构|退出|补贴|申请|托管")
_NAMES_AN_AGENCY = re.compile(r"机构")
# a word of this service: a question with one is about custody, whatever other matter it names
# (「第6项离职管理那块，能帮我们算经济补偿吗」 asks what the service does: help, or an item of
# the service list)
_NAMES_CUSTODY = re.compile(
    r"托管|机构|服务对象|管理办法|办法|第[一二三四五六七八九十\d]{1,3}[条项]|帮|代办|代为|管理"
)
_NAMES_AN_ENTERPRISE = re.compile(r"对象|企业|公司")
AGENCY_CONDITIONS = "ask_agency_conditions"
_NOT_KNOWN = re.compile(UNKNOWN_WORDS + r"|要问|得问|问一?下")
ARTICLE_TEXT = "request_article_text"
OUT_OF_SCOPE = "out_of_scope"
# 「那第三年呢」「要是50人的话呢」: the last question asked again of another fact
_WHAT_ABOUT = re.compile(
    r"(?:^|[,，。])(?:那|那么|如果是?|要是|换成)?[^,，。?？]{1,10}?(?:的话)?呢[?？]?$"
)
# 「为啥」「为什么」 alone, after a verdict: its reasons again
_WHY = re.compile(
    r"^(?:那|这|可是|但是)?(?:为啥|为什么|为何|凭什么|咋回事|怎么回事|什么原因|啥原因)(?:呢|啊|呀|嘞)?[?？!！。]*$"
)
SHORT_FOLLOW_UP_CHARS = 6  # 「谁去备」「多久」: too few words to have a topic of their own
BARE_FOLLOW_UP_CHARS = 4  # 「会怎样」: no topic at all, whatever the classifier is sure of
DOUBT_MAX_CHARS = 25  # a doubt is short; a longer message with 确定吗 is a question of its own
# The classifier's guesses that a plain statement of facts overrides: the checks whose questions share
# their words with the facts (「停业」, 「出过仲裁」, 「专职人员」). Not the replies: 「不查了，我们在
# 龙岗」 still stops the form, and 「没有，注册在龙岗」 still answers 否 (actions/forms.py).
# A fact beside a topic (「我们律所在坪山，备案期限」) is still a question about that topic.
STATEMENT_MISREADS = frozenset(
    {
        "ask_enterprise_eligibility",
        "ask_enterprise_exit",
        "ask_agency_exit",
        "ask_agency_conditions",
        "ask_subsidy_amount",
    }
)
# The rule is certain; the classifier's other guesses stay in the ranking (for the staff console's
# interpretations) but below this, so the fallback classifier's ambiguity test does not fire.
OTHERS_AT_MOST = 0.5
# Below this confidence the classifier's guess for a plain statement of facts is not trusted.
UNSURE_BELOW = 0.5


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class ReplyClassifier(GraphComponent):
    """Overrides the classifier's intent for short replies and for plain statements of fact."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> ReplyClassifier:
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            intent = rule_intent(message)
            topics = other_questions(message)
            checks = _checks_asked(message)
            if intent is None and _unsure(message) and len(checks) >= 2:
                # 「…生产正常。我们能托管吗？如果今年签约，机构第一年补贴最高多少？」: two checks'
                # questions, each sure on its words: the first reads the facts, the other is
                # answered after it from the facts known (not a statement re-checking one)
                intent = checks[0]
            elif (
                intent is None
                and (topics or _unsure(message))
                and message.get(ENTITIES)
                and any(closes_on_the_verdict(q) for q, _, _ in message.get(SEGMENT_INTENTS) or [])
            ):
                # 「员工是108个。那能不能申请？还有名单在哪公布」: the facts and the verdict
                # first (inform re-checks them), the other question after
                intent = INFORM
            elif (
                intent is None
                and (topics or _unsure(message))
                and (check := _check_asked(message)) is not None
            ):
                # 「效果评估看哪些指标？还有我们这情况到底能不能托管」: a check's question and
                # a topic's: the check first (it reads the facts known), the topic after; so
                # too when the message as a whole was unsure (「那我们现在还算托管服务对象吗？
                # 机构那边的补贴还会发吗？」) and one question of it is a check's
                intent = check
            elif intent is None and _unsure(message) and len(topics) >= 2:
                # 「企业怎么找到托管服务机构？是分配的吗？」: two questions, each sure on its own
                # words, are no unclear message: the first is answered, the other after it;
                # 「托管服务都包括哪些内容？能帮我们招工吗？」 too, where the classifier's two
                # close guesses for the whole message are those two questions
                predicted = predicted_name(message)
                intent = predicted if predicted in topics else topics[0]
            if intent is None and (asked := _questions_read_apart(message)):
                # 「我们公司下个月要注销了，托管服务还继续吗？机构的补贴怎么算？」: read whole, a
                # blend of the two (when the subsidy stops); read apart, each sure of its own
                # topic: the first is answered, the others after it
                intent, topics = asked[0], [*asked[1:], *topics]
            if intent is None and (pair := _two_topics_at_once(message)) is not None:
                # 「以前试行办法是签协议10天内备案，现在还是10天吗？」: torn between two topics
                # that together are nearly all it thinks likely (the changes from the trial
                # version, the filing deadline): both are answered, not offered as buttons
                intent, topics = pair[0], [pair[1], *topics]
            if intent is not None:
                _set_intent(message, intent)
            first = _item_asked_first(message)
            if first is not None:
                # 「1.备案期限 2.补贴发给谁 3.服务内容。先回答第1个」: that one now; 「2」 asks the next
                _set_intent(message, first)
                topics = []
            final = predicted_name(message)
            also = [t for t in topics if t != final][:MAX_SECOND_QUESTIONS]
            # 「我们能托管吗？如果今年签约，机构第一年补贴最高多少？」: a second check's question
            # in a question of its own is that check's too, answered from the facts known
            also += [c for c in _other_checks(message, final) if c not in also]
            if also:
                message.set(ALSO_ASKED, also, add_to_output=True)
            text = message.get(NORMALIZED_TEXT) or message.get(TEXT) or ""
            if is_correction(text):  # the actions re-check the last check rather than switch
                message.set(CORRECTION, True, add_to_output=True)
            if asks_only_for_the_verdict(text):  # a form gives its verdict so far before asking on
                message.set(ASKS_VERDICT, True, add_to_output=True)
            if yes_and_more(text):  # 「对，下个月办完」: a yes that confirms, no feedback
                message.set(CONFIRMS, True, add_to_output=True)
        return messages


# a question of its own is answered besides the message's intent when the classifier is this
# sure of it on its own words
SECOND_QUESTION_CONFIDENCE = 0.5
MAX_SECOND_QUESTIONS = 2


# the FallbackClassifier's ambiguity_threshold (config.yml): two intents closer than this are a
# toss-up, however high both are
AMBIGUOUS_WITHIN = 0.03


def _unsure(message: Message) -> bool:
    """The classifier is unsure of the message: a low top score, or two intents about as likely."""
    ranking = [float(r.get("confidence") or 0.0) for r in message.get(INTENT_RANKING_KEY) or []]
    top = float((message.get(INTENT) or {}).get("confidence") or 0.0)
    close = len(ranking) >= 2 and ranking[0] - ranking[1] < AMBIGUOUS_WITHIN
    return top < UNSURE_BELOW or close


# two topics share at least this much of the classifier's belief when it is torn between them
TWO_TOPICS_TOGETHER = 0.8


def _two_topics_at_once(message: Message) -> tuple[str, str] | None:
    """The two policy topics the classifier is torn between (about as likely, and together
    nearly all its belief), when neither is a check's question; ``None`` otherwise."""
    ranking = message.get(INTENT_RANKING_KEY) or []
    if len(ranking) < 2:
        return None
    (first, p1), (second, p2) = (
        (str(r.get("name")), float(r.get("confidence") or 0.0)) for r in ranking[:2]
    )
    topics = all(n.startswith("ask_") and n not in STATEMENT_MISREADS for n in (first, second))
    if topics and p1 - p2 < AMBIGUOUS_WITHIN and p1 + p2 >= TWO_TOPICS_TOGETHER:
        return first, second
    return None


def _questions_read_apart(message: Message) -> list[str]:
    """The policy questions of a message of two or more questions, read one by one: all of
    them when each is sure on its own words and the classifier read the whole message as none
    of them; the sure ones when it was unsure of the whole (「补贴金额最后是怎么定的？钱怎么拨
    下来？」: the first is sure, the whole torn between two topics); ``[]`` otherwise."""
    segments = message.get(SEGMENT_INTENTS) or []
    if len(segments) < 2:
        return []
    sure = [
        str(intent)
        for _, intent, confidence in segments
        if float(confidence) >= SECOND_QUESTION_CONFIDENCE
    ]
    if not sure or not all(intent.startswith(POLICY_INTENT_PREFIXES) for intent in sure):
        return []
    every_one = len(sure) == len(segments) and predicted_name(message) not in sure
    return list(dict.fromkeys(sure)) if every_one or _unsure(message) else []


def _check_asked(message: Message) -> str | None:
    """The check's question that one of the message's questions asks, when the classifier is
    sure of it on that question's words and took the message as a whole for something else."""
    predicted = predicted_name(message)
    if predicted in STATEMENT_MISREADS:
        return None
    for _, intent, confidence in message.get(SEGMENT_INTENTS) or []:
        if intent in STATEMENT_MISREADS and confidence >= SECOND_QUESTION_CONFIDENCE:
            return str(intent)
    return None


def _item_asked_first(message: Message) -> str | None:
    """The intent of the question of the message's own list it wants answered first (its
    classifier's reading of that question, when sure of it), or ``None``."""
    text = str(message.get(NORMALIZED_TEXT) or message.get(TEXT) or "")
    number = item_asked_first(text)
    # each item of the message's numbered list read on its own, else each of its questions
    segments = message.get(ITEM_INTENTS) or message.get(SEGMENT_INTENTS) or []
    if number is None or len(segments) < number:
        return None
    _, intent, confidence = segments[number - 1]
    return str(intent) if confidence >= SECOND_QUESTION_CONFIDENCE else None


def _checks_asked(message: Message) -> list[str]:
    """The checks' questions (``STATEMENT_MISREADS``) the message asks, each in a question of
    its own and sure on its words, in the order asked."""
    checks: list[str] = []
    for _, intent, confidence in message.get(SEGMENT_INTENTS) or []:
        if confidence >= SECOND_QUESTION_CONFIDENCE and intent in STATEMENT_MISREADS:
            checks.append(str(intent))
    return list(dict.fromkeys(checks))


def _other_checks(message: Message, final: str | None) -> list[str]:
    """The check's question the message asks besides the check it is classified as
    (``final``), in a question of its own and sure on its words; ``[]`` when it is classified
    as no check's question (a statement re-checks the last check)."""
    if final not in STATEMENT_MISREADS:
        return []
    return [check for check in _checks_asked(message) if check != final][:1]


def other_questions(message: Message) -> list[str]:
    """The policy questions a message asks one by one (the intent classifier classified each
    question of the message on its own words): not the verdict questions, which the checks
    answer, nor the checks' own questions (``STATEMENT_MISREADS``)."""
    topics: list[str] = []
    asked = predicted_name(message)
    for question, intent, confidence in message.get(SEGMENT_INTENTS) or []:
        if (
            confidence >= SECOND_QUESTION_CONFIDENCE
            and str(intent).startswith("ask_")
            and (
                (intent not in STATEMENT_MISREADS and not closes_on_the_verdict(question))
                or _other_role(asked, str(intent))
            )
            and intent not in topics
        ):
            topics.append(str(intent))
    # one more than are answered besides: one of them may be the message's own intent
    return topics[: MAX_SECOND_QUESTIONS + 1]


# 「劳务派遣公司能不能做托管服务机构？能不能做托管服务对象？」: whether one can be each of the
# two roles is two verdicts, 第八条's and 第九条's, not one verdict asked twice
_ROLE_CHECKS = frozenset({"ask_agency_conditions", "ask_enterprise_eligibility"})


def _other_role(asked: str | None, intent: str) -> bool:
    return asked in _ROLE_CHECKS and intent in _ROLE_CHECKS and asked != intent


AGENCY_EXIT, ENTERPRISE_EXIT = "ask_agency_exit", "ask_enterprise_exit"
SUBSIDY = "ask_subsidy_amount"
EVALUATION = "ask_evaluation"
_SUBSIDY_TOPICS = frozenset({SUBSIDY, "ask_subsidy_payment", "calculate_subsidy"})
# 「补贴发多少是怎么评估的」「按什么考核」: how the amount is decided, not how much it is
_HOW_ASSESSED = re.compile(
    r"(?:怎么|如何|怎样|按什么|依据什么|根据什么|凭什么|靠什么|看什么)(?:来|去)?(?:评估|考核|评价|评定|衡量)"
    r"|(?:评估|考核|评价)(?:标准|指标|办法|方式|依据|怎么)"
)
# 「帮我写一份劳动合同」「替我起草个规章制度」: the user wants a document written for them
_DRAFT_FOR_ME = re.compile(
    r"(?:帮|替|给)我(?:们)?(?:写|起草|拟|草拟|拟定)(?:一)?(?:份|个|篇|下)?[^,，。?？]{0,10}?"
    r"(?:合同|协议|制度|文书|通知|方案|范本)"
)
# 「托管机构能不能帮我们写员工手册、考勤制度？」: whether the agency helps is a service question
_ASKS_OF_THE_AGENCY = re.compile(r"机构|托管|能不能|能否|可不可以|可以|会不会|吗|[?？]")
HOW_TO_APPLY = "ask_how_to_apply"
# 「能不能申请」「可不可以申请」「能申请吗」: whether the firm may apply (第九条's verdict)
_WHETHER_MAY_APPLY = re.compile(
    r"(?:能不能|能否|可不可以|可否|够不够格?)(?:申请|托管)|(?:能|可以)申请(?:托管)?(?:吗|么|不)"
)
_HOW = re.compile(r"怎么|如何|怎样|流程|步骤|程序|哪里|去哪|找谁|手续|材料|第一步")


def _asks_whether_it_may_apply(text: str) -> bool:
    """「…你先直接告诉我能不能申请吧」: a clause asks whether the firm may apply, and no clause
    asks how (「能不能申请？怎么申请？」)."""
    clauses = re.split(r"[,，。;；?？!！]", text)
    whether = [c for c in clauses if _WHETHER_MAY_APPLY.search(c)]
    how = [c for c in clauses if _HOW.search(c) and re.search(r"申请|托管|办", c)]
    return bool(whether) and not how


# 「补贴…企业自己能申请吗」「能不能领补贴」: applying for the subsidy, not for custody
_APPLIES_FOR_SUBSIDY = re.compile(
    r"补贴[^。]{0,20}?(?:能|可以|可不可以|能不能|可否)(?:自己|直接)?(?:去)?(?:申请|领|拿)"
    r"|(?:申请|领取?|拿)(?:托管)?(?:服务)?补贴"
)
# the entities of a time or a place, which a question of another office's matter has too
# (「入职超过一个月」「坪山区的人才房怎么申请」)
_TIMES = frozenset({"months", "date", "district"})
# 「东莞有没有这种托管服务」「龙岗那边有类似政策吗」: whether another place has such a service
_HAS_SUCH = re.compile(
    r"(?:那边|那里|当地|本地)?(?:有没有|有无|是否有|也有|有类似的?|有这种|有这个|有这样的?)"
    r"[^,，。?？]{0,14}?(?:托管|政策|服务)"  # 「有没有类似的小微企业劳动关系托管服务」
)


def _asks_of_elsewhere(text: str) -> bool:
    """Whether the message asks if a place outside 坪山 (named right before) has such a service."""
    for m in _HAS_SUCH.finditer(text):
        # the place right before the words, in their clause (「我们厂在东莞，有没有托管服务」
        # asks of itself); a place name alone there is a place (「东莞有没有…」)
        clause = re.split(r"[,，。;；!！?？\s]", text[: m.start()])[-1]
        places = find_places(clause)
        if (
            places
            and places[-1].end == len(clause)
            and not places[-1].in_pingshan
            # 「我们公司在东莞有没有托管服务」 says where the firm is: 第九条's question
            and not re.search(r"(?:在|位于|设在)$", clause[: places[-1].start])
        ):
            return True
    return False


# what only a would-be agency speaks of (第八条)
_AGENCY_WORDS = re.compile(
    r"(?<!不是)托管(?:服务)?机构|(?:做|当|成为)托管|业务范围|经营范围|专职|测试|资格证|社会组织|民政|承接"
)
_BYE_IN_FIGURES = re.compile(r"(?:拜拜|再见|谢谢)?\s*8{2,}6?\s*[!！~～。.]*")
# the intents that close a conversation or a form
_CLOSING = frozenset({"goodbye", "stop_form", "greet", "thanks"})
# an agency speaking of itself or its clients (「我们机构」「托管了40家」「客户」)
_AGENCY_SPEAKS = re.compile(
    # not 「机构补贴会唔会停」「机构那边」: an enterprise speaking of its agency
    # 「已经在托管的企业」 is an enterprise under custody, not an agency's client
    r"机构(?!的?补贴|那边)|客户|托管了|服务了\s*\d|(?<!在)(?:托管|服务)的(?:企业|公司)|发生率|案件量|换机构|更换|服务对象(?:里|中)"
)
# an enterprise speaking of its own state (「没注销没停业」「签的托管」「我们是托管对象」);
# 「那按上面的数字，我们会被退出吗」 says neither, and stays the classifier's
_ENTERPRISE_SPEAKS = re.compile(
    r"托管(?:服务)?对象|停业|停产|注销|搬|公司|厂|签的|签约|营业|经营"
    r"|(?:托管中|正在托管|在托管)的?(?:企业|公司)"  # 「我们托管中的企业…会不会被退出」
)
CLOSE_RANKS = 4
ELIGIBILITY = "ask_enterprise_eligibility"
_EXIT_EVENTS = frozenset({"relocated", "suspended", "deregistered"})
# whether it stays a 托管服务对象 (「还算不算托管对象」「还能继续托管吗」), not whether it may
# apply (「停产了，这样还能申请吗」 corrects the eligibility check)
_STILL = re.compile(
    r"(?:还|仍|继续)(?:算|是|在)|算不算|还能继续|继续托管|继续享受"
    # 「会不会因此不能再当托管服务对象了」
    r"|(?:不能|不可以|不会|还能|还可以)再?(?:当|做|作为|算|是)(?:托管)?(?:服务)?对象"
    # 「能否再作为托管服务对象」; not 「能否作为托管服务对象」, which asks whether it may be one
    r"|(?:能否|能不能|可不可以|可以)再(?:当|做|作为|算|是)(?:托管)?(?:服务)?对象"
)
# 「我们是托管服务对象」「我们已经在托管了」: the enterprise says it is one, asking nothing of applying
_ALREADY_SERVED = re.compile(
    r"(?:我们|我司|咱们|公司|企业|厂)(?:公司|企业|厂|工厂)?(?:已经|现在|目前)?是(?:托管)?服务对象(?![吗么?？])"
    r"|(?:已经|正在)(?:在)?(?:接受)?托管(?:了|中)"
)


# an enterprise under custody: it signed, or its custody began
_UNDER_CUSTODY = re.compile(
    r"签的?约|签了?(?:托管)?(?:服务)?协议|签的托管|开始托管|在托管|托管中|托管了"
)
_MOVING = re.compile(r"搬|迁|换(?:了)?(?:个)?(?:新的?)?(?:厂址|地址|厂房|场地|办公室|地方|厂)")
_AFFECTS_CUSTODY = re.compile(
    r"影响托管|影响.{0,4}托管|托管.{0,6}(?:影响|还算|取消|退出|继续)|还能继续托管"
)


def _exit_event(message: Message) -> bool:
    return any(
        e.get("entity") == "operating_status" and e.get("value") in _EXIT_EVENTS
        for e in message.get(ENTITIES) or []
    )


def _enterprise_exit_instead(message: Message, text: str) -> bool:
    """「正常营业，没注销没停业，会被退出吗」 is an enterprise asking about its own exit
    (第十三条): the classifier's words for both exits are alike, so the agency's exit
    (第十一条) is kept only when an agency speaks."""
    ranking = message.get(INTENT_RANKING_KEY) or []
    close = [r.get("name") for r in ranking[:CLOSE_RANKS]]
    return (
        ENTERPRISE_EXIT in close
        and bool(_ENTERPRISE_SPEAKS.search(text))
        and not _AGENCY_SPEAKS.search(text)
    )


FALLBACK = "nlu_fallback"
# more than a bare 「2」 (a button's number, read by the form that asked)
ITEM_REPLY_MIN_CHARS = 3
# the classifier's readings of a reply to 「是否解决了您的问题？」
_REPLIES_TO_A_PROMPT = frozenset(
    {"feedback_unhelpful", "feedback_helpful", "affirm", "deny", "thanks", "out_of_scope"}
)


def predicted_name(message: Message) -> str:
    """The intent the classifier (or an earlier rule) gave the message, ``""`` when none."""
    return str((message.get(INTENT) or {}).get("name") or "")


def rule_intent(message: Message) -> str | None:
    """The intent the rules give this message, or None to keep the classifier's."""
    text = message.get(NORMALIZED_TEXT) or message.get(TEXT) or ""
    if requested_articles(text):  # 「第十五条原文」: the text of the articles, not a topic
        return ARTICLE_TEXT
    reaction = emoji_reaction(text)
    if reaction is not None:  # 「👍」「🙏🙏🙏」 thank, 「👎」 says it did not help
        return THANKS if reaction == POSITIVE else UNHELPFUL
    if _WHY.match(text.strip()):
        return DOUBT
    if is_bare_number(text):
        # 「1」 is no topic (the classifier took it for out_of_scope): the form that asked reads
        # it, or the last check, or the list it points at (actions/recheck.py)
        return INFORM
    if asks_for_an_item(text):
        # 「好，再说2」 after 「1 备案期限 2 申请材料，先说1」: that item of the list, which the
        # fallback search answers in its context (not 「好」 with a figure, taken as a fact)
        return FALLBACK
    if (
        len(text.strip()) > ITEM_REPLY_MIN_CHARS
        and item_reference(text) is not None
        and predicted_name(message) in _REPLIES_TO_A_PROMPT
    ):
        # 「第2个没看明白，再说一下」 taken for 未解决: it points at an item of the list just
        # given, which the fallback search answers in its context (actions/fallback.py)
        return FALLBACK
    if len(text.strip()) <= ITEM_REPLY_MIN_CHARS and refers_by_letter(text):
        # 「B」「选C」 after the user's own 「A 备案期限 B 补贴申请材料 C …」: that item, which the
        # fallback search answers in its context; a letter is no form's answer
        return FALLBACK
    brief = len(text.strip()) <= SHORT_FOLLOW_UP_CHARS or leans_on_the_answer(text)
    bare = len(text.strip()) <= BARE_FOLLOW_UP_CHARS and names_no_topic(text)
    if brief and (_unsure(message) or bare) and is_follow_up(text):
        # 「谁去备」 right after the filing answer, taken on a guess for another topic: the
        # fallback takes it up as a question on the topic just asked (or offers buttons); so
        # too 「会怎样」, however sure the classifier is of words that name no topic
        return FALLBACK
    if len(text) <= DOUBT_MAX_CHARS and is_doubt(text):
        # 「你确定吗？」 repeats the last verdict; with a fact (「刚才是30人，你确定吗」) re-checks
        return INFORM if message.get(ENTITIES) else DOUBT
    if says_the_rest_are_none(text):
        # 「其他都没有」 after a verdict: the facts not yet given are none (not 「没有」 to
        # 「是否解决了您的问题？」)
        return INFORM
    short = short_reply_intent(text)
    if short is not None:
        return short
    predicted = predicted_name(message)
    if (
        yes_and_more(text)
        and not message.get(ENTITIES)
        and not predicted.startswith(POLICY_INTENT_PREFIXES)
        and predicted not in _CLOSING
    ):
        # 「对，下个月办完」 taken for nothing the classifier knows: a yes (that confirms, so the
        # actions repeat the verdict rather than store feedback)
        return AFFIRM
    if (
        all(e.get("entity") in _TIMES for e in message.get(ENTITIES) or [])
        and names_another_matter(text)
        and not _NAMES_CUSTODY.search(text)
    ):
        # 「员工入职超过一个月没签劳动合同，是不是要付双倍工资？」 taken for the subsidy (工资):
        # another office's matter with no word of custody and no fact but a time (「去年有员工
        # 要双倍工资去仲裁了」 states a case, a fact of 第九条, and stays)
        return OUT_OF_SCOPE
    if _DRAFT_FOR_ME.search(text) and not _ASKS_OF_THE_AGENCY.search(text):
        # 「帮我写一份完整的劳动合同，岗位是仓管」: a document to be drafted, not a question on
        # the service (the reply says who provides templates)
        return OUT_OF_SCOPE
    if _asks_of_elsewhere(text):
        # 「东莞有没有这种劳动关系托管服务？」: another place's services are that place's to say
        return OUT_OF_SCOPE
    if (
        predicted == AGENCY_CONDITIONS
        and any(e.get("entity") == "firm_type" for e in message.get(ENTITIES) or [])
        and "托管" in text
        and not _AGENCY_WORDS.search(text)
    ):
        # 「我们是做服装加工的，不是劳务派遣，也不是人力资源机构。这样能申请托管吗？」: a firm
        # of a trade applying for custody is an enterprise (第九条), not a would-be agency
        return ELIGIBILITY
    if (
        predicted == HOW_TO_APPLY
        and _asks_whether_it_may_apply(text)
        and (message.get(ENTITIES) or wants_the_verdict_now(text))
    ):
        # 「税在哪里交我得问会计，你先直接告诉我能不能申请吧」: the verdict on what was said, not
        # how to apply (「可不可以申请托管」 alone gets how to apply, with the check offered)
        return ELIGIBILITY
    if predicted in _SUBSIDY_TOPICS and _HOW_ASSESSED.search(text):
        # 「补贴发多少是怎么评估的？」: how the amount is assessed is 第二十一条's evaluation
        return EVALUATION
    if predicted == ELIGIBILITY and not message.get(ENTITIES) and _APPLIES_FOR_SUBSIDY.search(text):
        # 「托管服务补贴是谁领？企业自己能申请吗？」: what may be applied for is the subsidy (who
        # receives it, 第十九条), not custody
        return SUBSIDY
    if (
        predicted in _CLOSING
        and re.search(r"\d", text)
        and not _BYE_IN_FIGURES.fullmatch(text.strip())
        and not asks_something(text)
    ):
        # 「测过了，88和91」 to the scores question, taken for goodbye: figures answer what was
        # asked, however sure the classifier is (「88」「886」 alone are goodbye in figures)
        return INFORM
    if predicted == AGENCY_EXIT and _enterprise_exit_instead(message, text):
        return ENTERPRISE_EXIT
    if (
        predicted == ELIGIBILITY
        and _STILL.search(text)
        and _UNDER_CUSTODY.search(text)
        and re.search(r"托管(?:服务)?对象", text)
    ):
        # 「还能继续当托管服务对象吗？我们去年9月签的约，…没停业没搬」: whether an enterprise
        # under custody stays one is 第十三条's question
        return ENTERPRISE_EXIT
    if predicted == ELIGIBILITY and _exit_event(message) and _STILL.search(text):
        # 「厂搬去惠州了，还算不算托管对象？」: whether it stays one is 第十三条's question
        return ENTERPRISE_EXIT
    if (
        _MOVING.search(text)
        and _AFFECTS_CUSTODY.search(text)
        and (predicted not in STATEMENT_MISREADS or _unsure(message))
    ):
        # 「换厂址会影响托管吗」「搬厂了还能继续托管吗」: whether a move ends it, 第十三条's question
        return ENTERPRISE_EXIT
    if predicted == ELIGIBILITY and _ALREADY_SERVED.search(text) and not _exit_event(message):
        # 「我们是托管服务对象，想问个事」: already one; what may end it is 第十三条's question
        return ENTERPRISE_EXIT
    # 「看错了，社保名单上是109人」 corrects a fact whatever its words look like, and so does
    # 「是78和82分。这样呢？」: asking only for the verdict again is no question of its own
    if (
        is_correction(text)
        and message.get(ENTITIES)
        and (not asks_something(text) or asks_only_for_the_verdict(text))
    ):
        return INFORM
    # 「没有其他违法违规。触发了吗？」: facts and a request for the verdict on them are a statement
    # too, when the classifier is unsure of it (a confident guess of the check's question stays)
    verdict_only = asks_only_for_the_verdict(text)
    if verdict_only and _unsure(message):
        # 「已经停业了，不打算再开。结论呢」「测试还没参加。能定吗」: whatever else was said, the
        # only question asks for the verdict: the last check again, on the facts if any; 「纳税地
        # 我确实不清楚，要问下老板。现在能判断吗？」 answers a question with 不清楚 first
        if message.get(ENTITIES):
            return INFORM
        if _NOT_KNOWN.search(without_verdict_questions(text)):
            return DONT_KNOW
        # 「那我们是不是就不算托管对象了」: a question naming what it asks of stands as the
        # classifier's guess of which check (the check answers on the facts known), however
        # unsure; 「那我们现在算符合吗」 names nothing: the last check's verdict again
        if predicted in STATEMENT_MISREADS and _NAMES_A_CHECK.search(text):
            return str(predicted)
        return DOUBT
    if (
        verdict_only
        and not str(predicted).startswith(POLICY_INTENT_PREFIXES)
        and predicted != OUT_OF_SCOPE  # 「算不算工伤」 asks a verdict of another matter
    ):
        # 「先说结果吧」 taken for stop_form or goodbye: it asks for the verdict, and the
        # conversation goes on
        if message.get(ENTITIES):
            return INFORM
        return DONT_KNOW if _NOT_KNOWN.search(without_verdict_questions(text)) else DOUBT
    if verdict_only and message.get(ENTITIES) and predicted not in STATEMENT_MISREADS:
        # 「我们公司是劳务派遣，能不能申请劳动关系托管服务？」: facts and a request for the
        # verdict on them; a topic (what custody is) cannot answer that, however sure of it
        return INFORM
    if (
        verdict_only
        and predicted == ELIGIBILITY
        and _NAMES_AN_AGENCY.search(text)
        and not _NAMES_AN_ENTERPRISE.search(text)
    ):
        # 「这样符合机构条件吗？」: the agency's verdict (第八条), not the enterprise's
        return AGENCY_CONDITIONS
    if (
        verdict_only
        and not message.get(ENTITIES)
        and predicted in STATEMENT_MISREADS
        and not _NAMES_A_CHECK.search(text)
    ):
        # 「所以我们够条件了吗」 after the agency's verdict names no check: the last check's
        # verdict again, not the check whose words the classifier guessed
        return DOUBT
    if (
        message.get(ENTITIES)
        and _WHAT_ABOUT.search(text)
        and (
            not str(predicted).startswith(POLICY_INTENT_PREFIXES)
            or predicted in STATEMENT_MISREADS
            and _unsure(message)
        )
    ):
        # 「好的，那第三年呢？」 taken for a yes, 「那人力资源公司呢」 for the agency's question:
        # the same question for another fact
        return INFORM
    if not asks_something(text) and _unsure(message) and business_line(text) is not None:
        # 「做眼镜的」 to 「是否属于劳务派遣…？」 or after how to apply: the firm's trade (a fact
        # the slot mapper reads from the words; the extractor gives it no entity)
        return INFORM
    if not message.get(ENTITIES) or asks_something(text) and not verdict_only:
        return None
    # a plain statement of facts is inform when the classifier took it for a check's question,
    # or was unsure what it is (「60人，正常生产，去年入库科技型中小企业…」 after a verdict)
    if predicted in STATEMENT_MISREADS and not verdict_only:
        return INFORM
    stated = without_verdict_questions(text) if verdict_only else text
    unsure = _unsure(message) and every_clause_states_a_fact(stated, message.get(ENTITIES))
    return INFORM if unsure else None


_CLAUSES = re.compile(r"[^,，。;；!！?？\n]+")


def every_clause_states_a_fact(text: str, entities: list[dict[str, Any]]) -> bool:
    """「60人，正常生产，去年入库科技型中小企业」: most clauses hold a fact, and the last one does
    (「刚问了财务，现在纳税地也是坪山」 too); 「我们律所在坪山，备案期限」 does not (备案期限, the
    topic asked about, closes it)."""
    spans = [(int(e.get("start") or 0), int(e.get("end") or 0)) for e in entities]
    clauses = [m for m in _CLAUSES.finditer(text) if m.group(0).strip()]
    holding = [any(start < m.end() and m.start() < end for start, end in spans) for m in clauses]
    return bool(holding) and holding[-1] and 2 * sum(holding) >= len(holding)


def _set_intent(message: Message, name: str) -> None:
    ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != name]
    top_other = max((float(r.get("confidence", 0.0)) for r in ranking), default=0.0)
    scale = min(1.0, OTHERS_AT_MOST / top_other) if top_other else 1.0
    others = [{**r, "confidence": float(r.get("confidence", 0.0)) * scale} for r in ranking]
    message.set(INTENT, {"name": name, "confidence": 1.0}, add_to_output=True)
    message.set(
        INTENT_RANKING_KEY, [{"name": name, "confidence": 1.0}, *others], add_to_output=True
    )
