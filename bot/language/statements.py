"""Whether a message only states facts, or asks or requests something.

「我们有45个员工」「公司停业了」「第三年」 state facts: in reply to a form question or after an
answer they are ``inform``, whatever the classifier's guess from the words (「停业」 alone looks like
the exit question). 「我们45人能托管吗」「帮我算一下，第二年」 ask; those stay with the classifier.
"""

from __future__ import annotations

import itertools
import re

from bot.language.numbers import to_int

# Question words and particles, and the ways people phrase a request on a phone.
_ASKS = re.compile(
    r"[?？]|吗|呢|么|啥|咋|怎|如何|为何|为什么|多少|多久|多长时间|何时|几|哪|谁|是否|能否|可否|是不是|有没有|"
    r"行不行|能不能|可不可以|会不会|要不要|需不需要|算不算|"
    r"帮|(?<!申)请|麻烦|算一下|算算|查一下|查查|看看|看一下|想知道|想问(?!的是)|(?<![要得去再需])(?:问一下|问下|问问)|咨询|"
    r"告诉|了解|介绍|说说|讲讲|(?:给|说)(?:我)?(?:个|一个)?(?:结论|结果)|"
    # a hypothetical or a rule asked about without 吗: 「如果我们公司停业了」「机构要有3名专职人员」
    r"如果|假如|假设|要是|万一|的话|情况下|条件|标准|规定|需要|必须|至少|不少于|要有|得有|"
    # 「45人的企业能托管」: a clause closing on 能/可以 and a verb
    r"(?:能|可以)[^,，。.!！\s]{0,4}(?=[,，。.!！\s]|$)|"
    # A还是B, 对吧, 够不够 / 包不包括, a clause closing on 不 (能托管不, 符合条件不; not 都不),
    # and 没有 / 嘛 / 哈 closing a clause after a verb (建好了没有, 能托管哈)
    r"还是|对吧|是吧|(.)不\1|[^都也并从还]不(?=[,，。.!！\s]|$)|"
    r"(?:能|可以|会|要|行|算|得|了).{0,12}(?:没有|没|嘛|哈)(?=[,，。.!！\s]|$)"
)


# 「之前有几个已经离职了」: 几 counting some people in a statement, not asking how many
_SOME_OF_THEM = re.compile(r"有几(?:个|名|位|家)[^,，。;；?？吗呢]*了(?=$|[,，。;；!！])")


def asks_something(text: str) -> bool:
    """「我们45人能托管吗」「帮我算下补贴」 → True; 「注册在坪山，45人」 → False."""
    return bool(_ASKS.search(_SOME_OF_THEM.sub("", text)))


# 「这样呢？」「那现在能申请吗？」「我们符合托管服务对象条件吗？」「会触发退出吗」: a question that
# asks only for the verdict on the facts given, not about a topic (no question word asks what,
# how much, when or how).
_CLAUSE = re.compile(r"[^,，。;；!！?？\n]+[?？]?")
_WHAT = re.compile(r"什么|哪|多少|几|怎|如何|为何|为什么|谁|啥|咋|多久|何时|多长|需要|材料|流程")
_VERDICT_WORDS = re.compile(
    r"^(?:那|那么|这样|这样的话|那样|现在|那现在|所以|请问|好的?|嗯|这|这个|这些)*(?:我们|我司|公司|企业|机构|我)?(?:这种|这样的?|这类)?"
    r"(?:还|现在|就|也)?"
    r"(?:能|可以|行|符合|满足|够|算|会|有资格|是不是|能不能|可不可以|行不行|会不会|够不够"
    r"|触发|达到|超过|超标|合格|通过|过关|要退出|被退出|来得及|赶得上|超期|逾期|过期)"
    # not 「我能去告他们吗」: a question of doing something else is no verdict
    # nor 「能帮我们招工吗」: what the agency does for the firm (第十五条) is no verdict either
    r"(?:(?!告|起诉|投诉|举报|报警|赔|讨|要回|辞职|离职|买|退钱|退款"
    r"|帮(?!我?们?(?:看|查|算|判断|核对|确认))|代办|代为|代缴|代交)[^,，。;；]){0,14}?"
    r"(?:吗|呢|么|不|没|没有)?[?？]?$"
    r"|^(?:那|那么|这样|这样的话|那样|现在|那现在|所以)+(?:呢|的话呢|如何|怎么样|怎样)?[?？]?$"
    # 「那就是不行？」「意思是可以托管咯」: the verdict said back to be confirmed
    r"|^(?:那|那么|所以)?(?:就是|也就是说|就是说|意思是|的意思是)(?:我们|我司)?"
    r"(?:不行|可以|不能|能|不符合|符合|没戏|没资格|有资格|行|不可以)[^,，。;；]{0,8}?"
    r"(?:吗|呢|咯|了|喽|啊|吧)?[?？]?$"
    # 「那结果呢」「结论呢」「结论是什么」「先给个结论」「直接说结论」
    r"|^(?:那|那么|这样|现在|所以)*(?:的)?(?:结果|结论)(?:呢|是|如何|怎么样|怎样)?[?？]?$"
    # 「那你直接说行不行」「你先告诉我行不行」
    r"|^(?:那|那么)?(?:你)?(?:就|先|直接)*(?:说|告诉我|讲)(?:一下)?"
    r"(?:能不能|行不行|可不可以|符不符合|够不够|行没行)(?:申请|托管|申请托管|做|当)?(?:吧|呢|啊)?[?？]?$"
    r"|^(?:那|你)?(?:先|就|直接)*(?:按|根据|就)?(?:现有|目前|现在|已有)?(?:这些|的)?(?:信息|情况|资料)?"
    r"(?:先|就|直接)*(?:给|说|告诉我|出)(?:我)?(?:个|一个)?(?:结论|结果)(?:吧|呢)?[?？]?$"
)
VERDICT_QUESTION_MAX_CHARS = 18


def is_verdict_question(clause: str) -> bool:
    """「这样还能申请吗？」「那现在呢」「我们符合托管服务对象条件吗」 → True; 「补贴多少」 → False."""
    clause = clause.strip()
    return (
        0 < len(clause) <= VERDICT_QUESTION_MAX_CHARS
        and asks_something(clause)
        and not _WHAT.search(clause)
        and bool(_VERDICT_WORDS.search(clause))
    )


# 「重点企业？」: a few words and a question mark, the bot's question said back before answering it
_ECHO = re.compile(r"^[^,，。;；?？吗呢么]{1,8}[?？]$")


def asks_only_for_the_verdict(text: str) -> bool:
    """Whether every clause that asks something asks only for the verdict (and one does):
    「是100人整，那现在呢？」 → True; 「是100人整，补贴多少？」 → False; 「重点企业？不清楚。你先
    按现在的情况给个结论」 → True (the echo of the question asked is no question of its own)."""
    asking = [
        c for c in _CLAUSE.findall(text) if asks_something(c) and not _UNKNOWN_TO_ME.search(c)
    ]
    verdicts = [c for c in asking if is_verdict_question(c)]
    others = [c for c in asking if c not in verdicts]
    return bool(verdicts) and all(_ECHO.match(c.strip()) and not _WHAT.search(c) for c in others)


# The words of one who does not know (「不太清楚」「一时问不到」), shared by the fact extractor,
# the reply classifier and this module, each adding what it reads besides
UNKNOWN_WORDS = (
    r"不清楚|不太清楚|不大清楚|不是很清楚|不知道|不确定|不晓得|说不准|搞不清|问不到|查不到"
)
# 「有没有入库不清楚」: a question the speaker cannot answer, not one put to the assistant
# 「公司具体做什么的先不说」: a clause that withholds a fact asks nothing either
# and 「别问那么多」 asks nothing but to be answered
_UNKNOWN_TO_ME = re.compile(
    UNKNOWN_WORDS + r"|先不说|不方便说|暂时不说|不想说|就不说了|别问|不用问|不要问|少问"
)


def without_verdict_questions(text: str) -> str:
    """The message with its verdict questions blanked out, offsets kept (「没有违规。触发了吗？」 →
    「没有违规。      」), so that what remains can be read as a statement."""
    return _CLAUSE.sub(
        lambda m: " " * len(m.group(0)) if is_verdict_question(m.group(0)) else m.group(0), text
    )


# 「…那能不能申请？还有托管对象名单是在哪里公布的」: where a second question starts
_SENTENCE = re.compile(r"[^。？?！!；;\n]+[。？?！!；;]?")
_SECOND_QUESTION_MARK = re.compile(r"(?:另外|还有|对了|顺便|再问|再请问|此外|以及|还想问)")
MIN_QUESTION_CHARS = 4


def question_segments(text: str) -> list[str]:
    """The questions of a message, one per sentence (a sentence is also cut where 「另外」
    「还有」「对了」 start another question): 「能申请吗？另外名单在哪看」 → 「能申请吗？」,
    「另外名单在哪看」. Only the parts that ask something; at least four characters."""
    parts: list[str] = []
    for sentence in _SENTENCE.findall(text):
        cut = [m.start() for m in _SECOND_QUESTION_MARK.finditer(sentence) if m.start() > 0]
        bounds = [0, *cut, len(sentence)]
        for a, b in itertools.pairwise(bounds):
            if sentence[a:b].strip():
                parts += _listed_questions(sentence[a:b])
    return [
        p.strip(" ,，")
        for p in parts
        if asks_something(p)
        and (len(p.strip(" ,，。？?")) >= MIN_QUESTION_CHARS or is_verdict_question(p))
    ]


_COMMA = re.compile(r"[,，、]")
# 「问两个」「想问三件事」「有几个问题」: what follows is a list of questions
_ANNOUNCES_QUESTIONS = re.compile(
    r"问(?:[两三四五几2-5]|一下|下)(?:个|件|点)?(?:问题|事情?)?[:：]?$"
    r"|[两三四五几2-5](?:个|件|点)(?:问题|事情?)[:：]?$"
)


_ANNOUNCED_COUNT = re.compile(r"([两三四五2-5])(?:个|件|点)?(?:问题|事情?)?[:：]?$")


def _listed_questions(sentence: str) -> list[str]:
    """「基数用哪个工资，每年上限怎么算，满三年以后怎么办」 (a numbered list, its numbers
    turned into commas): each part that asks something of its own is a question; a sentence
    whose parts do not all ask stays whole."""
    pieces = [p for p in _COMMA.split(sentence) if p.strip(" 。？?:：")]
    asking = [i for i, p in enumerate(pieces) if asks_something(p) and _WHAT.search(p)]
    announced = next((i for i, p in enumerate(pieces) if _ANNOUNCES_QUESTIONS.search(p)), None)
    # 「两个问题：1）我们是坪山的五金厂，60人，…能不能申请托管？2）…」: more pieces than the
    # questions announced are one question's facts, not a list of questions
    items = len(pieces) - announced - 1 if announced is not None else 0
    said = _ANNOUNCED_COUNT.search(pieces[announced]) if announced is not None else None
    too_many = said is not None and items > (to_int(said.group(1)) or items)
    if announced is not None and items >= 2 and not too_many:
        # 「问两个：1、签协议后备案期限 2、名单什么时候公布」: every item after the announcement
        # is one of the questions, whether or not it has a question word (so each is marked as one)
        lead = "，".join(pieces[: announced + 1]).rstrip(":：")
        return [f"{lead}，{p.rstrip('。？?')}？" for p in pieces[announced + 1 :]]
    if len(asking) < 2 or any(i not in asking for i in range(asking[0], len(pieces))):
        return [sentence]
    # what comes before the first question (「托管补贴的事，我有三个问题：」) is said of each
    lead = "，".join(pieces[: asking[0]]).rstrip(":：")
    return [f"{lead}，{pieces[i]}" if lead else pieces[i] for i in asking]


# 「考80那位其实是兼职的专职只有1个那还行吗」: a long question that closes on the verdict
_CLOSING_VERDICT = re.compile(
    r"(?:那|这样|现在)(?:我们)?(?:还|就)?(?:行|可以|能申请|能托管|符合|够格|能过|合格|算)"
    r"[^,，。；;？?]{0,4}(?:吗|呢|不|没)[?？]?$"
    r"|(?:结果|结论)(?:呢|如何|怎么样|怎样)[?？]?$"
)


def closes_on_the_verdict(question: str) -> bool:
    """A question that asks for the verdict, or closes on 「那还行吗」「结果怎样」 after facts."""
    last_clause = re.split(r"[,，。;；]", question.strip().rstrip("?？"))[-1]
    return (
        is_verdict_question(question)
        or bool(_CLOSING_VERDICT.search(question.strip()))
        or is_verdict_question(last_clause)
    )


FOLLOW_UP_MAX_CHARS = 14
_WHICH_ARTICLE = r"哪一?条|依据(?:是|在)?(?:什么|哪)|根据(?:什么|哪)|出自|出处"
_SAID_BACK = r"^(?:那|所以)?(?:也就是说|就是说|意思是|那就是说?)"
# 「係邊一條規定嘅？」「这是依据什么」: the whole question asks which article said it;
# 「即係話15日之內要搞掂？」: the answer said back, to be confirmed
_LEANS_ON_THE_ANSWER = re.compile(
    rf"^(?:那|这|这个|那个|这些|这条|刚才那个|以上)?(?:是|都是)?(?:{_WHICH_ARTICLE})"
    r"[^,，。;；]{0,6}?[?？吗呢的]*$"
    rf"|{_SAID_BACK}[^,，。;；]{{0,12}}[?？吗呢]+$"
)


def leans_on_the_answer(text: str) -> bool:
    """The reply asks only about the answer just given: which article said it (「係邊一條規定
    嘅？」「依据是什么」), or whether it was understood right (「也就是说15日之内要办完？」),
    naming no topic of its own."""
    return bool(_LEANS_ON_THE_ANSWER.match(text.strip()))


# 「多久更新一次」「在哪个网站能查」「那要多久」: a question with no topic word of its own
_FOLLOW_UP_WORDS = re.compile(
    r"多久|多长|哪里|哪儿|哪个|在哪|什么时候|几时|怎么|怎样|如何|谁|多少|几|^(?:那)?(?:之后|然后|以后|后面)呢"
    # 「是15天还是10天？」「即係15日定10日？」 (Cantonese 定, or): which of two figures
    r"|\d[^\d]{0,3}(?:还是|定係|定|或者)[^\d]{0,3}\d"
    # 「以前不是10天吗？」「原来不是要10天吗」: a figure remembered from before, doubted
    r"|^(?:那)?(?:以前|之前|原来|过去|试行的时候)(?:不是|是)[^,，。]{0,8}?\d"
    # 「係邊一條規定嘅？」「依据是什么」: which article says what was just answered
    rf"|{_WHICH_ARTICLE}"
    # 「即係話15日之內要搞掂？」「也就是说机构去备案？」: the answer said back, to be confirmed
    rf"|{_SAID_BACK}"
)


# 「先问下，」「请问，」: a lead-in before the question, no part of it
_LEAD_IN = re.compile(
    r"^(?:那|嗯|好的?|哦)?(?:先|再|顺便|我想|想)?(?:请问|问下|问一下|问问)(?:一下)?[,，:：\s]*"
)


# the words of this service's topics: a question with none of them has no topic of its own
_TOPIC_WORDS = re.compile(
    r"托管|补贴|备案|机构|企业|公司|对象|服务|协议|合同|档案|退出|资格|条件|名单|测试|证|案件|仲裁|监察"
    r"|信访|办法|条|社保|工资|考勤|招聘|培训|评估|申请|材料|平台|双选会|费|钱"
    r"|人数|上限|注册|纳税|经营|坪山|分|年"
)


def names_no_topic(text: str) -> bool:
    """「会怎样」「然后呢」「要多久」: no word of any of this service's topics."""
    return not _TOPIC_WORDS.search(text)


def is_follow_up(text: str) -> bool:
    """A short question that leans on the topic just asked about (「多久更新一次」「先问下，用的
    工资数据以谁公布的为准？」)."""
    text = _LEAD_IN.sub("", text.strip())
    return (
        0 < len(text) <= FOLLOW_UP_MAX_CHARS
        and asks_something(text)
        and bool(_FOLLOW_UP_WORDS.search(text))
    )


# 「5，展开说说」「③再说细一点」「那第1项具体包括什么」: an item of the list just given, by number
_CIRCLED_NUMBERS = "①②③④⑤⑥⑦⑧⑨⑩"
_CHINESE_DIGITS = "一二三四五六七八九十"
# 「A 备案期限 B 补贴申请材料」 then 「B」: items lettered A, B, C… too
_LETTERS = "ABCDEF"
# the number of an item named in a reply: 1–10, 一–十, ①–⑩
_ITEM_NUMBER = rf"(?:[1-9]|10|[{_CHINESE_DIGITS}]|[{_CIRCLED_NUMBERS}])"
_ITEM_REFERENCE = re.compile(
    rf"^(?:那|那么|再问下?|请问)?(?:先|再|选|接着|然后)?(?:回答|答|说|讲|聊)?(?:一下)?(?:第)?\s*[（(]?(?P<n>[1-9]|10|[{_CHINESE_DIGITS}]|[{_CIRCLED_NUMBERS}]|[{_LETTERS}](?![A-Za-z]))[)）]?"
    r"\s*(?:项|条|点|个|号)?(?:的)?(?=[,，、.。:：;；\s]|具体|展开|详细|再|说|讲|是|呢|$"
    # 「第2个我没看全，再详细说一下」
    r"|我?(?:没|没有)(?:看|听)(?:全|清|懂|明白))"
)
# the number of an item in a list: 「（五）」「5.」「5 」「①」, at the start, after a space or a break
_LIST_MARKER = re.compile(
    rf"(?:^|(?<=[\n\s:：;；。,，]))(?:[（(](?P<c>[{_CHINESE_DIGITS}]{{1,2}})[)）]|(?P<d>[1-9]|10)(?:[.、．)）]\s*|\s+)|(?P<o>[{_CIRCLED_NUMBERS}])\s*"
    rf"|(?P<l>[{_LETTERS}])(?:[.、．)）:：]\s*|\s+))"
)


def _item_number(token: str) -> int:
    if token in _LETTERS:
        return _LETTERS.index(token) + 1
    if token in _CIRCLED_NUMBERS:
        return _CIRCLED_NUMBERS.index(token) + 1
    if token in _CHINESE_DIGITS:
        return _CHINESE_DIGITS.index(token) + 1
    return int(token)


# 「好，再说2」: an acknowledgement of the item just answered, then the next item asked for
_ACKNOWLEDGED = re.compile(
    r"^(?:好的?|嗯+|行|ok|可以|明白了?|了解了?)[,，.。!！~\s]+", re.IGNORECASE
)
# 「好，再说2」「先说1」「接着讲第3个」: the reply asks for an item of a list by its number alone
_NEXT_ITEM = re.compile(
    rf"^(?:那|那么)?(?:再|先|接着|然后)(?:说|讲|回答|答|聊)(?:一下|下)?(?:第)?\s*"
    rf"{_ITEM_NUMBER}\s*(?:项|个|点|条|号)?(?:吧|呢|啊)?[。.!！~]?$"
)


# 「第3项社保那个具体能帮做什么」: an item named by 第N项, then its words
_NTH_ITEM = re.compile(
    rf"^(?:那|那么|请问)?第\s*(?P<n>[1-9]|10|[{_CHINESE_DIGITS}])\s*(?:项|点)(?![0-9一二三四五六七八九十])"
)


def item_reference(text: str) -> int | None:
    """The number of the list item a short reply points at (「5，展开说说」 → 5, 「B」 → 2,
    「好，再说2」 → 2, 「第3项社保那个具体能帮做什么」 → 3), or ``None``."""
    plain = _ACKNOWLEDGED.sub("", text.strip())
    m = _ITEM_REFERENCE.match(plain) or _NTH_ITEM.match(plain)
    return _item_number(m.group("n")) if m else None


# 「第三项和第九项具体包括啥？」「3和9展开说说」: two items of the list just given, by number
_TWO_ITEMS = re.compile(
    rf"^(?:那|那么|请问)?(?:第)?\s*(?P<a>{_ITEM_NUMBER})\s*(?:项|个|点|号)?"
    r"\s*(?:和|跟|与|、|及|还有|以及)\s*"
    rf"(?:第)?\s*(?P<b>{_ITEM_NUMBER})\s*(?:项|个|点|号)?"
    # asked about (「1和2都有」 answers a question, and is no such reply)
    r"[,，\s]*(?=具体|展开|详细|再说|再讲|说说|讲讲|说一下|讲一下|包括|指|是什么|是啥|呢|分别是|[?？])"
)


def item_references(text: str) -> list[int]:
    """The numbers of the list items a short reply points at: 「第三项和第九项具体包括啥」 →
    [3, 9], 「5，展开说说」 → [5]; ``[]`` when it points at none."""
    plain = _ACKNOWLEDGED.sub("", text.strip())
    two = _TWO_ITEMS.match(plain)
    if two:
        return [_item_number(two.group("a")), _item_number(two.group("b"))]
    one = item_reference(text)
    return [one] if one is not None else []


# 「我有三个问题：1.… 2.… 3.…。先回答第1个」: one of the questions just listed, the others later
_ITEM_FIRST = re.compile(
    rf"(?:先|请先|麻烦先)(?:回答|答|说|讲|聊|解答)(?:一下)?(?:第)?\s*"
    rf"(?P<n>[1-9]|[{_CHINESE_DIGITS}])\s*(?:个|项|点|条|题|个问题)?(?:吧|呢)?[。.!！~]?$"
)


def item_asked_first(text: str) -> int | None:
    """The number of the question of the message's own list it wants answered first
    (「…3.托管服务内容有哪些。先回答第1个」 → 1), or ``None``."""
    m = _ITEM_FIRST.search(text.strip())
    return _item_number(m.group("n")) if m else None


# 「1」「二」「③」「第2个」: a number and nothing else
_BARE_NUMBER = re.compile(rf"^(?:第)?\s*{_ITEM_NUMBER}\s*(?:项|个|点|条|号)?[。.!！~]?$")


def is_bare_number(text: str) -> bool:
    """The whole reply is one small number (「2」「第二个」「③」): an answer to a count asked, a
    button's or a list item's number, whichever the conversation asked for; never a topic."""
    return bool(_BARE_NUMBER.match(text.strip()))


def asks_for_an_item(text: str) -> bool:
    """「好，再说2」「先说1」: the whole reply asks for one item of a list by its number;
    「第三项和第九项具体包括啥」: for two."""
    plain = _ACKNOWLEDGED.sub("", text.strip())
    return bool(_NEXT_ITEM.match(plain) or _TWO_ITEMS.match(plain))


def refers_by_letter(text: str) -> bool:
    """Whether the reply points at an item by its letter (「B」「选C」), which only a lettered
    list has."""
    m = _ITEM_REFERENCE.match(text.strip())
    return m is not None and m.group("n") in _LETTERS


def list_items(text: str, lettered: bool | None = None) -> list[str]:
    """The items of the numbered list in a message, in order (「（一）入职管理…（二）…」);
    ``[]`` when it holds no list numbered 1, 2, 3… (with ``lettered``, only a list lettered
    A, B, C…, or only one that is not)."""
    markers = [
        m for m in _LIST_MARKER.finditer(text) if lettered is None or bool(m.group("l")) == lettered
    ]
    numbers = [
        _item_number(m.group("c") or m.group("d") or m.group("o") or m.group("l")) for m in markers
    ]
    if len(numbers) < 2 or numbers != list(range(1, len(numbers) + 1)):
        return []
    ends = [m.start() for m in markers[1:]] + [len(text)]
    return [
        re.split(r"[\n。]", text[m.end() : end])[0].strip(" ，,;；")
        for m, end in zip(markers, ends, strict=True)
    ]
