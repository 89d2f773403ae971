"""Short replies and plain statements of fact get their intent by rule, whatever the classifier guessed."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.components.normalizer import NORMALIZED_TEXT
from bot.components.reply_classifier import OTHERS_AT_MOST, ReplyClassifier
from bot.language.facts import extract_facts
from bot.language.normalize import normalize_text
from bot.language.short_replies import short_reply_intent
from bot.language.statements import asks_something

SHORT_REPLIES = [
    pytest.param("是的是的", "affirm", id="repeated 是的 is yes"),
    pytest.param("没错", "affirm", id="没错 is yes although it starts like 没有"),
    pytest.param("对，没错！", "affirm", id="two yes parts with punctuation are yes"),
    pytest.param("嗯嗯", "affirm", id="嗯嗯 is yes"),
    pytest.param("OK", "affirm", id="OK in capitals is yes"),
    pytest.param("yes", "affirm", id="yes is yes, not the YAML boolean true"),
    pytest.param("No", "deny", id="No is no, not the YAML boolean false"),
    pytest.param("不是这样的", "deny", id="不是这样的 is no although it ends like 是这样的"),
    pytest.param("都在", "affirm", id="都在 answers the three places question with yes"),
    pytest.param("没有啊", "deny", id="没有 with a particle is no"),
    pytest.param("不对头", "deny", id="regional 不对头 is no"),
    pytest.param("冇", "deny", id="Cantonese 冇 is no"),
    pytest.param("一件都没有", "deny", id="not a single case is no"),
    pytest.param("不清楚哦", "dont_know", id="不清楚 with a particle is don't know"),
    pytest.param("我不知道", "dont_know", id="I don't know is don't know"),
    pytest.param("还是不明白", "feedback_unhelpful", id="still not clear is unhelpful feedback"),
    pytest.param("没用", "feedback_unhelpful", id="没用 is unhelpful feedback, not no"),
    pytest.param("答非所问", "feedback_unhelpful", id="answered the wrong question is unhelpful"),
    pytest.param("懂了", "feedback_helpful", id="懂了 is helpful feedback"),
    pytest.param("算了算了", "stop_form", id="算了算了 stops the form"),
    pytest.param("那算了", "stop_form", id="那算了 stops the form"),
]

NOT_SHORT_REPLIES = [
    pytest.param("不对，是120人", id="a correction with a fact is not a bare no"),
    pytest.param("好吧，算了", id="yes and stop together are left to the classifier"),
    pytest.param("是不是要交钱", id="a question starting with 是 is not yes"),
    pytest.param("在吗", id="在吗 is a greeting, not yes"),
    pytest.param("没错，但是补贴怎么算", id="yes followed by a question is not a bare yes"),
    pytest.param("嗯 明白了", id="yes and helpful together are left to the classifier"),
    pytest.param("", id="an empty message is nothing"),
    pytest.param("是嘛？", id="a yes asked back is not yes"),
    pytest.param("确定？", id="确定 with a question mark is not yes"),
    pytest.param("对吧", id="对吧 asks for agreement, it does not give it"),
    pytest.param("不是吧", id="不是吧 is disbelief, not no"),
    pytest.param("退出？", id="退出 asked is not a request to stop"),
]


@pytest.mark.parametrize(("text", "intent"), SHORT_REPLIES)
def test_a_short_reply_is_read_by_the_lexicon(text: str, intent: str) -> None:
    assert short_reply_intent(normalize_text(text)) == intent


@pytest.mark.parametrize("text", NOT_SHORT_REPLIES)
def test_a_message_that_says_more_is_not_a_short_reply(text: str) -> None:
    assert short_reply_intent(normalize_text(text)) is None


ASKS = [
    pytest.param("我们45人能托管吗", True, id="吗 asks"),
    pytest.param("帮我算一下补贴，第二年", True, id="帮我算 requests"),
    pytest.param("俺们公司刚搬到坪山,能托管不", True, id="a closing 不 after a verb asks"),
    pytest.param("补贴是按年拨还是三年一起拨", True, id="A还是B asks"),
    pytest.param("只有一名专职,够不够", True, id="够不够 asks"),
    pytest.param("平台建好了没有", True, id="建好了没有 asks"),
    pytest.param("注册在坪山，45人", False, id="places and headcount state facts"),
    pytest.param("机构本身今年一件仲裁都没有", False, id="都没有 states a fact"),
    pytest.param("公司停业了", False, id="停业了 states a fact"),
    pytest.param(
        "我们不是劳务派遣也不是人力资源公司", False, id="不是 inside a statement does not ask"
    ),
]


@pytest.mark.parametrize(("text", "asks"), ASKS)
def test_questions_and_requests_are_told_from_statements(text: str, asks: bool) -> None:
    assert asks_something(normalize_text(text)) is asks


def _message(text: str, classified_as: str, classified_confidence: float = 0.9) -> Message:
    normalized = normalize_text(text)
    others = [name for name in ("affirm", "ask_filing", "greet") if name != classified_as][:2]
    ranking = [
        {"name": classified_as, "confidence": classified_confidence},
        {"name": others[0], "confidence": (1 - classified_confidence) * 0.6},
        {"name": others[1], "confidence": (1 - classified_confidence) * 0.4},
    ]
    entities = [f.as_entity("FactExtractor") for f in extract_facts(normalized)]
    return Message(
        data={
            TEXT: normalized,
            NORMALIZED_TEXT: normalized,
            INTENT: {"name": classified_as, "confidence": classified_confidence},
            INTENT_RANKING_KEY: ranking,
            ENTITIES: entities,
        }
    )


CLASSIFIED = [
    pytest.param(
        "没错", "deny", "affirm", id="the classifier reading 没错 as no is overridden to yes"
    ),
    pytest.param(
        "没用",
        "deny",
        "feedback_unhelpful",
        id="the classifier reading 没用 as no becomes feedback",
    ),
    pytest.param("公司停业了", "ask_enterprise_exit", "inform", id="停业了 stated is a fact"),
    pytest.param(
        "去年没有劳动仲裁",
        "deny",
        "deny",
        id="a no with a fact stays no, so a form question gets its 否",
    ),
    pytest.param(
        "不查了，我们公司在龙岗",
        "stop_form",
        "stop_form",
        id="stopping with a fact still stops the form",
    ),
    pytest.param(
        "如果我们公司停业了",
        "ask_enterprise_exit",
        "ask_enterprise_exit",
        id="a hypothetical stays the question the classifier read",
    ),
    pytest.param(
        "我们机构托管了40家，有5家出过仲裁",
        "ask_agency_exit",
        "inform",
        id="an agency's counts stated are facts",
    ),
    pytest.param(
        "我们公司45人，能托管吗",
        "ask_enterprise_eligibility",
        "ask_enterprise_eligibility",
        id="a question with facts keeps the classifier's intent",
    ),
    pytest.param(
        "转人工，我们公司45人",
        "request_human",
        "request_human",
        id="asking for a person with a fact still asks for a person",
    ),
    pytest.param(
        "我们律所在坪山，备案期限",
        "ask_filing",
        "ask_filing",
        id="a fact beside a topic stays a question about the topic",
    ),
    pytest.param(
        "托管协议要写什么",
        "ask_service_agreement",
        "ask_service_agreement",
        id="a question without facts keeps the classifier's intent",
    ),
    pytest.param(
        "所以我们够条件了吗",
        "ask_enterprise_eligibility",
        "doubt_verdict",
        id="a verdict question naming no check asks the last verdict again however sure",
    ),
    pytest.param(
        "这样符合机构条件吗？",
        "ask_enterprise_eligibility",
        "ask_agency_conditions",
        id="a verdict question naming the agency is the agency's check",
    ),
    pytest.param(
        "第2个没看明白，再说一下",
        "feedback_unhelpful",
        "nlu_fallback",
        id="pointing at an item of the list is no feedback",
    ),
    pytest.param(
        "那我们能托管吗",
        "ask_enterprise_eligibility",
        "ask_enterprise_eligibility",
        id="a verdict question naming custody stays the check's question",
    ),
]

UNSURE = [
    pytest.param(
        "那人力资源公司呢",
        "ask_agency_conditions",
        "inform",
        id="the same question of another firm type is a fact for the last check",
    ),
    pytest.param(
        "换厂址会影响托管吗",
        "nlu_fallback",
        "ask_enterprise_exit",
        id="whether a move affects custody is 第十三条's question",
    ),
    pytest.param(
        "我们托管中的企业有几个情况，想问会不会被退出托管",
        "ask_agency_exit",
        "ask_enterprise_exit",
        id="an enterprise under custody asking about being exited is 第十三条's question",
    ),
]


@pytest.mark.parametrize(("text", "classified_as", "expected"), UNSURE)
def test_an_unsure_guess_is_overridden_by_who_speaks_and_what_was_asked(
    text: str, classified_as: str, expected: str
) -> None:
    message = _message(text, classified_as, 0.4)
    ranking = message.get(INTENT_RANKING_KEY)
    # the other exit close behind, as the classifier ranks them
    ranking[1] = {"name": "ask_enterprise_exit", "confidence": 0.35}
    (message,) = ReplyClassifier().process([message])
    assert message.get(INTENT)["name"] == expected


@pytest.mark.parametrize(("text", "classified_as", "expected"), CLASSIFIED)
def test_the_component_overrides_only_what_the_rules_decide(
    text: str, classified_as: str, expected: str
) -> None:
    (message,) = ReplyClassifier().process([_message(text, classified_as)])
    assert message.get(INTENT)["name"] == expected
    assert message.get(INTENT_RANKING_KEY)[0]["name"] == expected


def test_an_override_keeps_the_classifiers_other_guesses_below_the_ambiguity_range() -> None:
    (message,) = ReplyClassifier().process([_message("没错", "deny", classified_confidence=0.94)])
    ranking = message.get(INTENT_RANKING_KEY)
    assert ranking[0] == {"name": "affirm", "confidence": 1.0}
    # The classifier's own first guess is still listed next (the staff console shows it), scaled down.
    assert [r["name"] for r in ranking[1:]] == ["deny", "ask_filing"]
    assert ranking[1]["confidence"] == pytest.approx(OTHERS_AT_MOST)


REACTIONS = [
    pytest.param("🙏🙏🙏", [], "thanks", id="praying hands alone are thanks"),
    pytest.param("👍", [], "thanks", id="a thumbs up alone is thanks"),
    pytest.param("👍🏻👍🏻", [], "thanks", id="thumbs up with a skin tone are thanks"),
    pytest.param("👎", [], "feedback_unhelpful", id="a thumbs down is an unhelpful answer"),
    pytest.param("你确定吗？", [], "doubt_verdict", id="a bare doubt repeats the verdict"),
    pytest.param("没算错吧", [], "doubt_verdict", id="没算错吧 is a doubt"),
    pytest.param(
        "刚才那个是30人哦，你确定吗？",
        [{"entity": "headcount", "value": "30"}],
        "inform",
        id="a doubt with a fact re-checks with it",
    ),
]


@pytest.mark.parametrize(("text", "entities", "intent"), REACTIONS)
def test_emoji_and_doubts_are_read_by_rule(text: str, entities: list, intent: str) -> None:
    from bot.components.reply_classifier import rule_intent

    message = Message({TEXT: text, NORMALIZED_TEXT: normalize_text(text), ENTITIES: entities})
    assert rule_intent(message) == intent


UNSURE = [
    pytest.param(
        "60人，正常生产，去年入库科技型中小企业，不是派遣也不是人力资源公司",
        "ask_published_lists",
        0.3,
        "inform",
        id="facts the classifier was unsure about are a statement of facts",
    ),
    pytest.param(
        "不好意思我看错了，社保名单上是109人",
        "ask_published_lists",
        0.9,
        "inform",
        id="a correction with a fact is a fact whatever its words look like",
    ),
    pytest.param(
        "抱歉我看错成绩单了，是78分和82分。这样呢？",
        "ask_agency_conditions",
        0.3,
        "inform",
        id="a correction that asks only for the verdict again is a statement of facts",
    ),
    pytest.param(
        "更正一下，其实从今年3月起我们已经停产了。这样还能申请吗？",
        "ask_enterprise_exit",
        0.4,
        "inform",
        id="a correction is not taken for the question its words look like",
    ),
    pytest.param(
        "没有其他违法违规。触发了吗？",
        "ask_agency_exit",
        0.25,
        "inform",
        id="a fact and 触发了吗 are a statement when the classifier is unsure",
    ),
    pytest.param(
        "员工120人，能申请吗？",
        "ask_enterprise_eligibility",
        0.9,
        "ask_enterprise_eligibility",
        id="a confident guess of the check's question stays",
    ),
    pytest.param(
        "不对，是120人，补贴多少？",
        "ask_subsidy_amount",
        0.9,
        "ask_subsidy_amount",
        id="a correction with a question of its own stays that question",
    ),
    pytest.param(
        "我们律所在坪山，备案期限",
        "ask_filing",
        0.3,
        "ask_filing",
        id="an unsure guess still stays when the message names no fact the checks read",
    ),
    pytest.param(
        "对，已经停业了，不打算再开。结论呢",
        "nlu_fallback",
        0.25,
        "inform",
        id="facts and only 结论呢 re-check, though one clause holds no fact",
    ),
    pytest.param(
        "测试还没参加。能定吗",
        "nlu_fallback",
        0.25,
        "doubt_verdict",
        id="no fact and only 能定吗 ask for the verdict again",
    ),
    pytest.param(
        "所以呢？",
        "nlu_fallback",
        0.25,
        "doubt_verdict",
        id="所以呢 asks for the verdict again",
    ),
    pytest.param(
        "哦不是2023年5月3号，是2023年5月25号签的。那现在还来得及吗？",
        "nlu_fallback",
        0.25,
        "inform",
        id="a corrected date and 还来得及吗 re-check the filing deadline",
    ),
    pytest.param(
        "我们公司是劳务派遣，能不能申请劳动关系托管服务？",
        "ask_what_is_custody",
        0.8,
        "inform",
        id="facts and a verdict question are no topic however sure of it",
    ),
    pytest.param(
        "那我们现在算符合吗？",
        "ask_enterprise_eligibility",
        0.3,
        "doubt_verdict",
        id="an unsure verdict question naming no check repeats the last check",
    ),
    pytest.param(
        "先给个结论",
        "nlu_fallback",
        0.25,
        "doubt_verdict",
        id="先给个结论 asks for the verdict",
    ),
    pytest.param(
        "明白。那我们是不是就不算托管对象了",
        "ask_enterprise_exit",
        0.3,
        "ask_enterprise_exit",
        id="an unsure guess of which check's verdict is asked stands",
    ),
    pytest.param(
        "回到我们公司，纳税地我确实不清楚，要问下老板。现在能判断吗？",
        "nlu_fallback",
        0.25,
        "dont_know",
        id="不清楚 and a request for the verdict answer the question with 不清楚",
    ),
]


def test_facts_the_classifier_cannot_tell_apart_from_a_question_are_a_statement() -> None:
    message = _message(
        "60人，正常生产，去年入库科技型中小企业，不是派遣也不是人力资源公司", "inform", 0.6
    )
    message.set(
        INTENT_RANKING_KEY,
        [
            {"name": "inform", "confidence": 0.6},
            {"name": "ask_enterprise_eligibility", "confidence": 0.59},
        ],
    )
    (message,) = ReplyClassifier().process([message])
    assert message.get(INTENT)["name"] == "inform" and message.get(INTENT)["confidence"] == 1.0


@pytest.mark.parametrize(("text", "classified_as", "confidence", "expected"), UNSURE)
def test_statements_of_fact_are_inform_when_the_classifier_is_unsure_or_they_correct(
    text: str, classified_as: str, confidence: float, expected: str
) -> None:
    (message,) = ReplyClassifier().process([_message(text, classified_as, confidence)])
    assert message.get(INTENT)["name"] == expected


@pytest.mark.parametrize(
    ("text", "flagged"),
    [("更正一下，要求换机构的是10家", True), ("要求换机构的是10家", False)],
    ids=["a message opening as a correction is flagged", "a plain statement is not"],
)
def test_a_correction_is_flagged_for_the_actions(text: str, flagged: bool) -> None:
    (message,) = ReplyClassifier().process([_message(text, "inform")])
    assert bool(message.get("correction")) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("去年有过一起劳动监察案件。我们符合托管服务对象条件吗？", True),
        ("是100人整，那现在呢？", True),
        ("这8件分布在7家企业里。会触发退出吗？", True),
        ("员工120人，做电子的，行吗", True),
        ("刚翻了记录，要求换机构的其实是4家。那结果呢", True),
        ("是45人，能托管哪些事？", False),
        ("更正，是8家，需要什么材料？", False),
        ("不对，是120人", False),
        ("税在哪交我不太清楚。你别追问了，就按现在这些信息直接告诉我结论", True),
        ("纳税地我一时问不到，你先按现有信息给个结论", True),
    ],
    ids=[
        "符合…条件吗 asks for the verdict",
        "那现在呢 asks for it again",
        "会触发退出吗 asks for the exit verdict",
        "行吗 after facts asks for the verdict",
        "那结果呢 asks for the verdict again",
        "哪些 asks about a topic",
        "什么材料 asks about a topic",
        "no question at all",
        "what the speaker does not know, then the verdict on what is known",
        "a verdict on the information so far",
    ],
)
def test_a_message_asking_only_for_the_verdict_is_flagged(text: str, flagged: bool) -> None:
    (message,) = ReplyClassifier().process([_message(text, "inform")])
    assert bool(message.get("asks_verdict")) is flagged


def _ranked(text: str, ranking: list[tuple[str, float]]) -> Message:
    message = _message(text, ranking[0][0], ranking[0][1])
    message.set(INTENT_RANKING_KEY, [{"name": n, "confidence": c} for n, c in ranking])
    return message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "正常营业，没注销没停业，2021年12月签的托管，会被退出吗",
            "ask_enterprise_exit",
            id="an enterprise asking about its exit is not taken for an agency",
        ),
        pytest.param(
            "我们机构去年案件有点多，会被退出吗",
            "ask_agency_exit",
            id="an agency speaking of itself keeps the agency's exit",
        ),
        pytest.param(
            "那按上面的数字，我们会被退出吗？",
            "ask_agency_exit",
            id="a question that says nothing of who asks stays the classifier's",
        ),
        pytest.param(
            "服务对象里有百分之二十的企业出过案件，会不会被取消资格",
            "ask_agency_exit",
            id="an agency speaking of its clients keeps the agency's exit",
        ),
        pytest.param(
            "已经在托管的企业，什么情况下会被移出？",
            "ask_enterprise_exit",
            id="an enterprise under custody is no agency's client",
        ),
        pytest.param(
            "我们托管的企业有3家出过案件，会被退出吗",
            "ask_agency_exit",
            id="the enterprises an agency serves are its clients",
        ),
    ],
)
def test_the_two_exits_are_told_apart_by_who_speaks(text: str, expected: str) -> None:
    ranking = [("ask_agency_exit", 0.51), ("ask_enterprise_exit", 0.32), ("inform", 0.02)]
    (message,) = ReplyClassifier().process([_ranked(text, ranking)])
    assert message.get(INTENT)["name"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("我们厂是托管服务对象", "ask_enterprise_exit", id="our factory is one"),
        pytest.param("我们公司现在是托管服务对象", "ask_enterprise_exit", id="our company is one"),
        pytest.param(
            "我们厂是托管服务对象吗", "ask_enterprise_eligibility", id="asking whether it is one"
        ),
    ],
)
def test_an_enterprise_saying_it_is_served_is_asking_what_ends_it(text: str, expected: str) -> None:
    ranking = [("ask_enterprise_eligibility", 0.39), ("ask_enterprise_exit", 0.3), ("inform", 0.1)]
    (message,) = ReplyClassifier().process([_ranked(text, ranking)])
    assert message.get(INTENT)["name"] == expected


def test_a_second_question_is_listed_for_the_actions() -> None:
    message = _message(
        "员工是108个。那能不能申请？还有托管对象名单在哪里公布", "ask_published_lists"
    )
    message.set(
        "segment_intents",
        [
            ("那能不能申请?", "ask_enterprise_eligibility", 0.8),
            ("还有托管对象名单在哪里公布", "ask_published_lists", 0.9),
        ],
    )
    (message,) = ReplyClassifier().process([message])
    # the facts and the verdict first (inform re-checks them), the list question after
    assert message.get(INTENT)["name"] == "inform"
    assert message.get("also_asked") == ["ask_published_lists"]


def test_whether_one_may_be_each_of_the_two_roles_is_two_questions() -> None:
    message = _message(
        "劳务派遣公司能不能做托管服务机构？能不能做托管服务对象？", "ask_enterprise_eligibility"
    )
    message.set(
        "segment_intents",
        [
            ("劳务派遣公司能不能做托管服务机构?", "ask_agency_conditions", 0.87),
            ("能不能做托管服务对象?", "ask_enterprise_eligibility", 0.8),
        ],
    )
    (message,) = ReplyClassifier().process([message])
    # the enterprise's verdict (第九条 excludes the dispatch firm) and the agency's conditions
    assert message.get(INTENT)["name"] in ("inform", "ask_enterprise_eligibility")
    assert message.get("also_asked") == ["ask_agency_conditions"]


@pytest.mark.parametrize(
    ("text", "classified_as", "segments", "also"),
    [
        pytest.param(
            "注册、纳税、经营都在坪山，生产正常。我们能托管吗？如果今年签约，机构第一年补贴最高多少？",
            "ask_subsidy_amount",
            [
                ("我们能托管吗?", "ask_enterprise_eligibility", 0.7),
                ("如果今年签约,机构第一年补贴最高多少?", "ask_subsidy_amount", 0.9),
            ],
            ["ask_enterprise_eligibility"],
            id="whether the firm may be served besides the subsidy is the eligibility check's",
        ),
        pytest.param(
            "我们机构去年会触发退出吗？托管企业第二年补贴多少？",
            "ask_agency_exit",
            [
                ("我们机构去年会触发退出吗?", "ask_agency_exit", 0.8),
                ("托管企业第二年补贴多少?", "ask_subsidy_amount", 0.8),
            ],
            ["ask_subsidy_amount"],
            id="the subsidy besides the agency's exit is the calculator's",
        ),
        pytest.param(
            "补贴多少？能托管吗",
            "ask_subsidy_amount",
            [
                ("补贴多少?", "ask_subsidy_amount", 0.9),
                ("能托管吗", "ask_enterprise_eligibility", 0.3),
            ],
            [],
            id="a check's question the classifier is unsure of is not answered besides",
        ),
    ],
)
def test_a_second_checks_question_of_its_own_is_answered_by_its_check(
    text: str, classified_as: str, segments: list[tuple[str, str, float]], also: list[str]
) -> None:
    message = _message(text, classified_as, 0.6)
    message.set("segment_intents", segments)
    (message,) = ReplyClassifier().process([message])
    assert message.get(INTENT)["name"] == classified_as
    assert (message.get("also_asked") or []) == also


def test_a_question_the_classifier_is_unsure_of_is_not_answered_besides() -> None:
    message = _message("补贴多少？另外那个怎么弄", "ask_subsidy_amount")
    message.set(
        "segment_intents",
        [("补贴多少?", "ask_subsidy_amount", 0.9), ("另外那个怎么弄", "ask_filing", 0.2)],
    )
    (message,) = ReplyClassifier().process([message])
    assert not message.get("also_asked")


def test_whether_a_firm_that_moved_away_is_still_served_is_the_exit_question() -> None:
    message = _ranked(
        "上个月成间厂搬咗去惠州，咁仲算唔算托管对象？",
        [("ask_enterprise_eligibility", 0.7), ("ask_enterprise_exit", 0.2)],
    )
    (message,) = ReplyClassifier().process([message])
    assert message.get(INTENT)["name"] == "ask_enterprise_exit"


def test_whether_a_firm_under_custody_stays_one_is_the_exit_question() -> None:
    text = "那我们公司自己还能继续当托管服务对象吗？我们去年9月签的约，一直在坪山正常经营，没停业没搬。"
    (message,) = ReplyClassifier().process([_message(text, "ask_enterprise_eligibility", 0.49)])
    assert message.get(INTENT)["name"] == "ask_enterprise_exit"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "行业\t玩具\n人数\t40\n状态\t已停业半年\n能否作为托管服务对象",
            "ask_enterprise_eligibility",
            id="whether a stopped firm may be one is eligibility",
        ),
        pytest.param(
            "厂已经停业半年了，能否再作为托管服务对象",
            "ask_enterprise_exit",
            id="whether it may be one again is the exit question",
        ),
    ],
)
def test_may_it_be_one_is_told_from_is_it_still_one(text: str, expected: str) -> None:
    message = _ranked(text, [("ask_enterprise_eligibility", 0.7), ("ask_enterprise_exit", 0.2)])
    (message,) = ReplyClassifier().process([message])
    assert message.get(INTENT)["name"] == expected


def test_whether_a_firm_that_stopped_may_still_apply_stays_the_eligibility_question() -> None:
    message = _ranked(
        "更正一下，其实从今年3月起我们已经停产了，一直没开工。这样还能申请吗？",
        [("ask_enterprise_eligibility", 0.7), ("ask_enterprise_exit", 0.2)],
    )
    (message,) = ReplyClassifier().process([message])
    assert message.get(INTENT)["name"] != "ask_enterprise_exit"


@pytest.mark.parametrize(
    ("question", "closes"),
    [
        ("员工130人,能托管吗?", True),
        ("诶等下,考80那位其实是兼职的,专职只有1个,那还行吗", True),
        ("结果怎样?", True),
        ("名单在哪里查", False),
        ("我们公司40人,想申请托管,第一步该干嘛", False),
    ],
    ids=[
        "facts then 能托管吗",
        "a long correction closing on 那还行吗",
        "结果怎样",
        "a topic question",
        "a how-to question after facts",
    ],
)
def test_a_question_closing_on_the_verdict_is_told_from_a_topic(
    question: str, closes: bool
) -> None:
    from bot.language.statements import closes_on_the_verdict

    assert closes_on_the_verdict(question) is closes


def test_a_checks_question_beside_a_topic_question_comes_first() -> None:
    message = _message(
        "顺便问一句，托管效果评估看哪些指标？还有我们这情况到底能不能托管", "ask_evaluation"
    )
    message.set(
        "segment_intents",
        [
            ("顺便问一句,托管效果评估看哪些指标?", "ask_evaluation", 0.8),
            ("还有我们这情况到底能不能托管", "ask_enterprise_eligibility", 0.7),
        ],
    )
    (message,) = ReplyClassifier().process([message])
    assert message.get(INTENT)["name"] == "ask_enterprise_eligibility"
    assert message.get("also_asked") == ["ask_evaluation"]


@pytest.mark.parametrize(
    ("text", "questions"),
    [
        pytest.param(
            "托管补贴的事，我有三个问题，基数用哪个工资，每年上限怎么算，满三年以后怎么办",
            3,
            id="questions listed in one sentence are each a question",
        ),
        pytest.param("公司在坪山,能托管吗", 1, id="a fact and one question stay one"),
        pytest.param(
            "问两个：\n1、签协议后备案期限\n2、服务机构和服务对象名单什么时候公布",
            2,
            id="items announced as questions are questions without a question word",
        ),
        pytest.param(
            "我们是做托管的机构，想问三件事：A 备案期限 B 补贴申请材料 C 机构被退出的情形。先说A",
            3,
            id="lettered items announced as three matters are three questions",
        ),
        pytest.param("A企业和B企业都在坪山", 0, id="letters naming firms are no list"),
    ],
)
def test_questions_listed_with_commas_are_told_apart(text: str, questions: int) -> None:
    from bot.language.statements import question_segments

    assert len(question_segments(normalize_text(text))) == questions


@pytest.mark.parametrize(
    ("reply", "said_before", "item"),
    [
        pytest.param(
            "B",
            ["我们是做托管的机构，想问三件事：A 备案期限 B 补贴申请材料 C 机构被退出的情形"],
            "补贴申请材料",
            id="a letter points into the user's lettered list",
        ),
        pytest.param(
            "C",
            ["（一）入职管理\n（二）协助签订劳动合同\n（三）社保", "A 备案期限 B 材料 C 退出情形"],
            "退出情形",
            id="a letter passes over a numbered list for the lettered one",
        ),
        pytest.param(
            "2",
            ["（一）入职管理\n（二）协助签订劳动合同\n（三）社保"],
            "协助签订劳动合同",
            id="a number points into a numbered list",
        ),
        pytest.param(
            "好，再说2",
            ["我想了解两件事：1 服务协议备案期限 2 申请补贴要交什么材料。先说1"],
            "申请补贴要交什么材料",
            id="the next item of the user's own list after 好",
        ),
    ],
)
def test_an_item_is_found_in_the_list_of_its_kind(
    reply: str, said_before: list[str], item: str
) -> None:
    from bot.language.statements import item_reference, list_items, refers_by_letter

    number = item_reference(reply)
    assert number is not None
    lists = [list_items(said, refers_by_letter(reply)) for said in said_before]
    found = next(items[number - 1] for items in lists if len(items) >= number)
    assert found == item


@pytest.mark.parametrize(
    ("text", "classified_as"),
    [
        pytest.param("1", "out_of_scope", id="a bare one is no matter of another office"),
        pytest.param("第二个", "nlu_fallback", id="the second is no unclear message"),
        pytest.param("二", "ask_validity", id="a numeral is a number"),
        pytest.param("2。", "ask_validity", id="a number with a full stop is no topic"),
    ],
)
def test_a_bare_number_is_an_answer_for_the_conversation_to_place(
    text: str, classified_as: str
) -> None:
    (message,) = ReplyClassifier().process([_message(text, classified_as, 0.4)])
    assert message.get(INTENT)["name"] == "inform"


@pytest.mark.parametrize(
    ("text", "classified_as", "expected"),
    [
        pytest.param("好，再说2", "inform", "nlu_fallback", id="好 then the next item asked"),
        pytest.param("先说1", "affirm", "nlu_fallback", id="the first item asked"),
        pytest.param(
            "好的，接着讲第3个", "thanks", "nlu_fallback", id="the third item asked after thanks"
        ),
        pytest.param("第2个是85分", "inform", "inform", id="a score of the second is a fact"),
        pytest.param(
            "第三项和第九项具体包括啥？",
            "ask_service_contents",
            "nlu_fallback",
            id="two items of the list just given",
        ),
        pytest.param("1和2都有", "inform", "inform", id="two numbers answering a question"),
    ],
)
def test_a_reply_asking_for_an_item_by_number_is_looked_up(
    text: str, classified_as: str, expected: str
) -> None:
    (message,) = ReplyClassifier().process([_message(text, classified_as)])
    assert message.get(INTENT)["name"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "税在哪里交我得问会计，你先直接告诉我能不能申请吧。",
            "ask_enterprise_eligibility",
            id="whether it may apply is the eligibility verdict",
        ),
        pytest.param(
            "能不能申请？怎么申请？", "ask_how_to_apply", id="how to apply stays how to apply"
        ),
        pytest.param(
            "可不可以申请托管",
            "ask_how_to_apply",
            id="with no fact and no verdict wanted now it is how to apply, the check offered",
        ),
    ],
)
def test_whether_one_may_apply_is_told_from_how_to(text: str, expected: str) -> None:
    (message,) = ReplyClassifier().process([_message(text, "ask_how_to_apply", 0.7)])
    assert message.get(INTENT)["name"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("其他都没有", "inform", id="the rest none is facts, not feedback"),
        pytest.param("其他几项也没有", "inform", id="the other items none too"),
        pytest.param("没有", "deny", id="a bare no stays a no"),
    ],
)
def test_the_rest_said_to_be_none_is_a_statement_of_facts(text: str, expected: str) -> None:
    (message,) = ReplyClassifier().process([_message(text, "deny")])
    assert message.get(INTENT)["name"] == expected


def test_the_question_of_a_list_asked_first_is_answered_alone() -> None:
    text = "我有三个问题：1.托管协议备案期限 2.补贴发给谁 3.托管服务内容有哪些。先回答第1个"
    message = _message(text, "ask_subsidy_payment")
    message.set(
        "segment_intents",
        [
            ("我有三个问题,托管协议备案期限?", "ask_filing", 0.8),
            ("我有三个问题,补贴发给谁?", "ask_subsidy_payment", 0.9),
            ("我有三个问题,托管服务内容有哪些?", "ask_service_contents", 0.9),
        ],
    )
    (message,) = ReplyClassifier().process([message])
    assert message.get(INTENT)["name"] == "ask_filing"
    assert not message.get("also_asked")


def test_the_item_asked_first_is_read_on_its_own_words_when_the_list_is_numbered() -> None:
    # one question segment holds the whole list: the items, each read on its own, say which
    text = "我有三个问题：1.托管要钱吗 2.怎么申请托管 3.托管服务内容有哪些。先回答第2个"
    message = _message(text, "ask_service_fee")
    message.set("segment_intents", [(text, "ask_service_fee", 0.6)])
    message.set(
        "item_intents",
        [
            ("托管要钱吗", "ask_service_fee", 0.8),
            ("怎么申请托管", "ask_how_to_apply", 0.9),
            ("托管服务内容有哪些", "ask_service_contents", 0.9),
        ],
    )
    (message,) = ReplyClassifier().process([message])
    assert message.get(INTENT)["name"] == "ask_how_to_apply"


@pytest.mark.parametrize(
    ("text", "questions"),
    [
        pytest.param(
            "两个问题：1）我们是坪山的五金厂，60人，注册纳税经营都在坪山，去年有一宗劳动仲裁，"
            "生产正常，能不能申请托管？2）托管要不要和机构签合同？",
            2,
            id="more pieces than the questions announced are one question's facts",
        ),
        pytest.param(
            "我有三个问题：1.托管协议备案期限 2.补贴发给谁 3.托管服务内容有哪些。",
            3,
            id="as many pieces as announced are the questions",
        ),
    ],
)
def test_an_announced_number_of_questions_bounds_the_list(text: str, questions: int) -> None:
    from bot.language.statements import question_segments

    assert len(question_segments(normalize_text(text))) == questions


def test_a_bare_letter_is_an_item_of_a_list_the_fallback_looks_up() -> None:
    (message,) = ReplyClassifier().process([_message("C", "out_of_scope")])
    assert message.get(INTENT)["name"] == "nlu_fallback"


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        pytest.param("想申请托管服务", False, id="申请 holds no 请 of a request"),
        pytest.param("请问补贴多少", True, id="请问 asks"),
    ],
)
def test_a_request_word_inside_another_word_asks_nothing(text: str, asks: bool) -> None:
    from bot.language.statements import asks_something

    assert asks_something(text) is asks


@pytest.mark.parametrize(
    ("text", "classified_as", "intent"),
    [
        pytest.param("先说结果吧", "stop_form", "doubt_verdict", id="先说结果 taken for stop_form"),
        pytest.param(
            "员工下班路上出了车祸，算不算工伤？",
            "out_of_scope",
            "out_of_scope",
            id="算不算工伤 stays out of scope",
        ),
        pytest.param(
            "好的，那第三年呢？", "affirm", "inform", id="那第三年呢 after 好的 asks again"
        ),
        pytest.param("为啥", "nlu_fallback", "doubt_verdict", id="为啥 alone asks for the reasons"),
        pytest.param(
            "为什么要备案", "ask_filing", "ask_filing", id="a why-question with a topic stays"
        ),
    ],
)
def test_a_verdict_asked_in_words_the_classifier_took_for_a_reply_is_the_verdict(
    text: str, classified_as: str, intent: str
) -> None:
    (message,) = ReplyClassifier().process([_message(text, classified_as, 0.6)])
    assert message.get(INTENT)["name"] == intent


ANOTHER_MATTER = [
    pytest.param(
        "那员工入职超过一个月没签劳动合同，是不是要付双倍工资？",
        "ask_subsidy_amount",
        "out_of_scope",
        id="double wages under labour law are no subsidy question",
    ),
    pytest.param(
        "员工试用期被辞退要不要给经济补偿",
        "ask_service_scope",
        "out_of_scope",
        id="severance pay is another office's matter",
    ),
    pytest.param(
        "稳岗补贴怎么申请",
        "ask_subsidy_amount",
        "out_of_scope",
        id="another scheme's subsidy is not this one's",
    ),
    pytest.param(
        "托管机构能帮我们算加班费吗",
        "ask_service_scope",
        "ask_service_scope",
        id="what the agency does about overtime pay stays a custody question",
    ),
    pytest.param(
        "第6项离职管理那块，能帮我们算离职员工的工资和经济补偿吗？",
        "ask_service_resignation",
        "ask_service_resignation",
        id="help with severance pay asked of an item of the service list stays a custody question",
    ),
    pytest.param(
        "去年有员工要双倍工资去仲裁了",
        "ask_enterprise_eligibility",
        "inform",
        id="a case over double wages stated is a fact of the eligibility check",
    ),
    pytest.param(
        "注册地址其实是龙岗区，只是工厂和报税在坪山。这样还行吗？",
        "ask_enterprise_eligibility",
        "inform",
        id="where the firm files its taxes is a fact of the eligibility check",
    ),
]


ANOTHER_MATTER += [
    pytest.param(
        "我们在东莞还有个工厂，东莞有没有这种劳动关系托管服务？",
        "ask_what_is_custody",
        "out_of_scope",
        id="whether another city has such a service is that city's to say",
    ),
    pytest.param(
        "龙岗那边有类似的托管政策吗",
        "ask_background_results",
        "out_of_scope",
        id="whether another district has such a policy is that district's to say",
    ),
    pytest.param(
        "在坪山注册一家新公司需要什么流程？",
        "ask_how_to_apply",
        "out_of_scope",
        id="starting a company is the market regulator's",
    ),
    pytest.param(
        "坪山区的人才房怎么申请？", "ask_how_to_apply", "out_of_scope", id="talent housing"
    ),
    pytest.param(
        "帮我写一份完整的劳动合同，岗位是仓管。",
        "ask_service_labour_contract",
        "out_of_scope",
        id="a contract to be drafted for the user",
    ),
    pytest.param(
        "🧐 托管机构能不能帮我们写员工手册、考勤制度这些规章制度？📝",
        "ask_service_workplace_rules",
        "ask_service_workplace_rules",
        id="whether the agency helps write rules stays the service question",
    ),
    pytest.param(
        "托管机构能帮我们签劳动合同吗",
        "ask_service_labour_contract",
        "ask_service_labour_contract",
        id="whether the agency helps with contracts stays the service question",
    ),
    pytest.param(
        "员工在外地看病，深圳医保怎么报销？",
        "ask_service_social_insurance",
        "out_of_scope",
        id="medical insurance claims are the medical security bureau's",
    ),
    pytest.param(
        "我们公司在龙岗区布吉，龙岗有没有类似的小微企业劳动关系托管服务？补贴多少？",
        "ask_subsidy_amount",
        "out_of_scope",
        id="a service named at length in another district is that district's too",
    ),
    pytest.param(
        "我们公司在东莞有没有托管服务",
        "ask_enterprise_eligibility",
        "ask_enterprise_eligibility",
        id="a firm saying it is elsewhere asks whether it may be served",
    ),
    pytest.param(
        "坑梓有没有托管机构",
        "ask_agency_conditions",
        "ask_agency_conditions",
        id="a street of Pingshan is no other place",
    ),
]


@pytest.mark.parametrize(("text", "classified_as", "expected"), ANOTHER_MATTER)
def test_a_question_of_another_offices_matter_with_no_word_of_custody_is_out_of_scope(
    text: str, classified_as: str, expected: str
) -> None:
    (message,) = ReplyClassifier().process([_message(text, classified_as)])
    assert message.get(INTENT)["name"] == expected


@pytest.mark.parametrize(
    ("text", "confirms"),
    [
        pytest.param("是的，都是专职", True, id="a yes and a fact confirms the facts"),
        pytest.param("对，下个月办完", True, id="a yes and when it happens confirms the facts"),
        pytest.param("对，谢谢", False, id="a yes and thanks is feedback"),
        pytest.param("是的，明白了", False, id="a yes and understood is feedback"),
        pytest.param("对对", False, id="a yes repeated is a bare yes"),
        pytest.param("对，那补贴呢？", False, id="a yes and a question asks something"),
    ],
)
def test_a_yes_followed_by_a_statement_is_flagged_as_confirming(text: str, confirms: bool) -> None:
    (message,) = ReplyClassifier().process([_message(text, "affirm")])
    assert bool(message.get("confirms")) is confirms


def test_a_yes_followed_by_a_statement_is_a_yes_whatever_the_classifier_made_of_it() -> None:
    (message,) = ReplyClassifier().process([_message("对，下个月办完", "nlu_fallback", 0.25)])
    assert message.get(INTENT)["name"] == "affirm"
    assert message.get("confirms")


@pytest.mark.parametrize(
    ("text", "classified_as", "expected"),
    [
        pytest.param(
            "托管服务补贴是谁领？企业自己能申请吗？",
            "ask_enterprise_eligibility",
            "ask_subsidy_amount",
            id="applying after the subsidy was named is applying for the subsidy",
        ),
        pytest.param(
            "我们企业能不能直接领托管补贴",
            "ask_enterprise_eligibility",
            "ask_subsidy_amount",
            id="taking the subsidy oneself is the subsidy question",
        ),
        pytest.param(
            "测了，87和83",
            "goodbye",
            "inform",
            id="figures taken for goodbye answer the question asked",
        ),
        pytest.param("好的，拜拜", "goodbye", "goodbye", id="a goodbye with no figures stays one"),
        pytest.param(
            "补贴发多少是怎么评估的？",
            "ask_subsidy_amount",
            "ask_evaluation",
            id="how the subsidy is assessed is the evaluation question",
        ),
        pytest.param(
            "第二年补贴是多少", "ask_subsidy_amount", "ask_subsidy_amount", id="how much stays"
        ),
    ],
)
def test_an_unsure_guess_is_read_by_what_the_message_is_about(
    text: str, classified_as: str, expected: str
) -> None:
    (message,) = ReplyClassifier().process([_message(text, classified_as, 0.45)])
    assert message.get(INTENT)["name"] == expected


@pytest.mark.parametrize(
    ("text", "classified_as", "expected"),
    [
        pytest.param(
            "我们是做服装加工的，不是劳务派遣，也不是人力资源机构。这样能申请托管吗？",
            "ask_agency_conditions",
            "ask_enterprise_eligibility",
            id="a firm of a trade applying for custody is an enterprise",
        ),
        pytest.param(
            "我们是人力资源公司，能做托管服务机构吗？",
            "ask_agency_conditions",
            "ask_agency_conditions",
            id="an HR firm asking to be an agency stays the agency's question",
        ),
    ],
)
def test_who_applies_for_custody_is_told_by_what_the_firm_does(
    text: str, classified_as: str, expected: str
) -> None:
    (message,) = ReplyClassifier().process([_message(text, classified_as)])
    assert message.get(INTENT)["name"] == expected


def test_two_questions_the_classifier_hesitates_between_are_both_answered() -> None:
    message = _message(
        "对了，顺便问下，托管服务都包括哪些内容？能帮我们招工吗？", "ask_service_contents", 0.5
    )
    message.get(INTENT_RANKING_KEY)[1] = {"name": "ask_service_recruitment", "confidence": 0.49}
    message.set(
        "segment_intents",
        [
            ("托管服务都包括哪些内容?", "ask_service_contents", 0.9),
            ("能帮我们招工吗?", "ask_service_recruitment", 0.8),
        ],
    )
    (message,) = ReplyClassifier().process([message])
    # sure, so the fallback classifier's ambiguity test passes it; the other after it
    assert message.get(INTENT) == {"name": "ask_service_contents", "confidence": 1.0}
    assert message.get("also_asked") == ["ask_service_recruitment"]


@pytest.mark.parametrize(
    ("ranking", "intent", "also"),
    [
        pytest.param(
            [("ask_changes_from_trial", 0.468), ("ask_filing", 0.452)],
            "ask_changes_from_trial",
            ["ask_filing"],
            id="two topics that share nearly all the belief are both answered",
        ),
        pytest.param(
            [("ask_matching_platform", 0.232), ("ask_service_support", 0.204)],
            "ask_matching_platform",
            None,
            id="two weak guesses are no answer",
        ),
        pytest.param(
            [("ask_enterprise_eligibility", 0.47), ("ask_filing", 0.45)],
            "ask_enterprise_eligibility",
            None,
            id="a check's question among the two is not answered on a guess",
        ),
    ],
)
def test_a_message_torn_between_two_topics(
    ranking: list[tuple[str, float]], intent: str, also: list[str] | None
) -> None:
    message = _ranked("以前试行办法是签协议10天内备案，现在还是10天吗？", ranking)
    (message,) = ReplyClassifier().process([message])
    assert message.get(INTENT)["name"] == intent
    assert message.get("also_asked") == also


def test_three_listed_questions_are_all_answered_when_the_first_is_the_intent() -> None:
    message = _message(
        "问三个问题：1. 备案期限 2. 名单什么时候公布 3. 办法有效期到哪年", "ask_filing"
    )
    message.set(
        "segment_intents",
        [
            ("问三个问题，备案期限？", "ask_filing", 0.9),
            ("问三个问题，名单什么时候公布？", "ask_published_lists", 0.9),
            ("问三个问题，办法有效期到哪年？", "ask_validity", 0.8),
        ],
    )
    (message,) = ReplyClassifier().process([message])
    assert message.get(INTENT)["name"] == "ask_filing"
    assert message.get("also_asked") == ["ask_published_lists", "ask_validity"]


@pytest.mark.parametrize(
    ("text", "classified_as", "confidence", "expected"),
    [
        pytest.param("测过了，88和91", "goodbye", 0.9, "inform", id="two scores are no goodbye"),
        pytest.param("88", "goodbye", 0.9, "goodbye", id="88 alone is goodbye in figures"),
        pytest.param(
            "谁去备", "ask_guiding_department", 0.32, "nlu_fallback", id="a few words on a guess"
        ),
        pytest.param(
            "😰 我们2022年10月开始托管，今年3月有个员工申请了劳动仲裁，公司会不会因此不能再当托管服务对象了？",
            "ask_enterprise_eligibility",
            0.31,
            "ask_enterprise_exit",
            id="an enterprise under custody asking whether it can no longer be served",
        ),
    ],
)
def test_set_x_readings(text: str, classified_as: str, confidence: float, expected: str) -> None:
    (message,) = ReplyClassifier().process([_message(text, classified_as, confidence)])
    assert message.get(INTENT)["name"] == expected


@pytest.mark.parametrize(
    ("text", "classified_as", "confidence", "expected"),
    [
        pytest.param(
            "係邊一條規定嘅？",
            "ask_conflict_rule",
            0.45,
            "nlu_fallback",
            id="which article said it is a follow-up however long",
        ),
        pytest.param(
            "依据是什么？", "ask_purpose_basis", 0.4, "nlu_fallback", id="what it rests on"
        ),
        pytest.param(
            "即係話15日之內要搞掂？",
            "ask_filing",
            0.3,
            "nlu_fallback",
            id="the answer said back to be confirmed",
        ),
        pytest.param(
            "会怎样",
            "ask_supervision_fraud",
            0.91,
            "nlu_fallback",
            id="words that name no topic follow the topic just asked however sure",
        ),
        pytest.param(
            "人数上限多少",
            "ask_enterprise_eligibility",
            0.8,
            "ask_enterprise_eligibility",
            id="a short question naming a condition keeps the classifier's sure topic",
        ),
        pytest.param(
            "补贴是哪一条规定的",
            "ask_subsidy_amount",
            0.45,
            "ask_subsidy_amount",
            id="a topic named with the article asked keeps its topic",
        ),
    ],
)
def test_a_question_leaning_on_the_answer_just_given_is_a_follow_up(
    text: str, classified_as: str, confidence: float, expected: str
) -> None:
    (message,) = ReplyClassifier().process([_message(text, classified_as, confidence)])
    assert message.get(INTENT)["name"] == expected


def test_two_questions_read_apart_are_answered_in_turn_when_the_whole_blends_them() -> None:
    text = "我们公司　下个月　要注销了　　托管服务还继续吗？\t机构的补贴怎么算？"
    message = _message(text, "ask_subsidy_stop", 0.56)
    message.set(
        "segment_intents",
        [
            ("我们公司,下个月要注销了,托管服务还继续吗?", "ask_enterprise_exit", 0.99),
            ("机构的补贴怎么算?", "ask_subsidy_amount", 0.88),
        ],
    )
    (message,) = ReplyClassifier().process([message])
    assert message.get(INTENT)["name"] == "ask_enterprise_exit"
    assert message.get("also_asked") == ["ask_subsidy_amount"]


def test_two_checks_questions_after_facts_are_both_checks_not_a_statement() -> None:
    text = (
        "注册、纳税、经营都在坪山，生产正常。我们能托管吗？如果今年签约，机构第一年补贴最高多少？"
    )
    message = _message(text, "ask_enterprise_eligibility", 0.45)
    message.set(
        "segment_intents",
        [
            ("我们能托管吗?", "ask_enterprise_eligibility", 0.94),
            ("如果今年签约,机构第一年补贴最高多少?", "ask_subsidy_amount", 0.97),
        ],
    )
    (message,) = ReplyClassifier().process([message])
    assert message.get(INTENT)["name"] == "ask_enterprise_eligibility"
    assert message.get("also_asked") == ["ask_subsidy_amount"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("做眼镜的", "inform", id="a trade said alone is a fact"),
        pytest.param("做眼镜的能托管吗", "ask_agency_conditions", id="a trade asked about is not"),
    ],
)
def test_a_trade_said_on_its_own_is_a_statement(text: str, expected: str) -> None:
    (message,) = ReplyClassifier().process([_message(text, "ask_agency_conditions", 0.34)])
    assert message.get(INTENT)["name"] == expected


def test_an_unsure_message_is_answered_by_its_questions_that_are_sure() -> None:
    message = _message("补贴金额最后是怎么定的？钱怎么拨下来？", "ask_subsidy_amount", 0.41)
    message.set(
        "segment_intents",
        [
            ("补贴金额最后是怎么定的?", "ask_subsidy_amount", 0.98),
            ("钱怎么拨下来?", "ask_subsidy_payment", 0.36),
        ],
    )
    (message,) = ReplyClassifier().process([message])
    assert message.get(INTENT)["name"] == "ask_subsidy_amount"


def test_a_message_read_whole_as_one_of_its_questions_keeps_that_reading() -> None:
    message = _message("能托管吗？补贴多少？", "ask_enterprise_eligibility", 0.9)
    message.set(
        "segment_intents",
        [
            ("能托管吗?", "ask_enterprise_eligibility", 0.9),
            ("补贴多少?", "ask_subsidy_amount", 0.8),
        ],
    )
    (message,) = ReplyClassifier().process([message])
    assert message.get(INTENT)["name"] == "ask_enterprise_eligibility"


@pytest.mark.parametrize(
    ("text", "correction"),
    [
        pytest.param(
            "等一下，我核对了一下，是服务了整整8个月才注销的。", True, id="checked again: is"
        ),
        pytest.param("我核对了一下，没问题", False, id="checked and fine is no correction"),
    ],
)
def test_a_fact_checked_again_corrects(text: str, correction: bool) -> None:
    from bot.language.reactions import is_correction

    assert is_correction(text) is correction


def test_give_me_a_verdict_first_asks_only_for_the_verdict() -> None:
    from bot.language.statements import asks_only_for_the_verdict

    assert asks_only_for_the_verdict("先给我个结论")


def test_say_straight_whether_it_can_asks_only_for_the_verdict() -> None:
    from bot.language.statements import asks_only_for_the_verdict

    assert asks_only_for_the_verdict("你直接说能不能吧")


def test_tiao_typed_as_diao_after_an_articles_number_is_the_article() -> None:
    assert normalize_text("托管办法第十九调讲的是啥") == "托管办法第十九条讲的是啥"
