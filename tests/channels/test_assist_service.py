"""The staff console's computations (bot/channels/assist_service.py) on a knowledge base built
into a temporary SQLite file, at a fixed "as of" date, with a temporary conversation store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.assistant.context import AnswerContext, knowledge_base
from bot.assistant.slot_filling import slot_entities
from bot.channels import assist_service as service
from bot.channels.assist import DEV_TOKEN, bearer_matches, configured_token
from bot.language.facts import extract_facts
from bot.language.normalize import normalize_text
from bot.storage.migrate import upgrade
from bot.storage.store import ConversationStore
from kb.build import build
from kb.repository import KnowledgeBase

AS_OF = "2023-06-01"
EXIT_QUESTION = "来电人说公司注销了，托管还继续吗"


@pytest.fixture(scope="module")
def kb_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('assist-kb') / 'kb.sqlite3'}"
    build(url)
    return url


@pytest.fixture(scope="module")
def kb(kb_url: str) -> KnowledgeBase:
    return KnowledgeBase.from_url(kb_url, build_if_missing=False)


@pytest.fixture(autouse=True)
def environment(kb_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The bot's answer code reads the same temporary knowledge base and the fixed date."""
    monkeypatch.setenv("KB_URL", kb_url)
    monkeypatch.setenv("TUOGUAN_AS_OF", AS_OF)
    knowledge_base.cache_clear()
    yield
    knowledge_base.cache_clear()


@pytest.fixture(scope="module")
def ctx(kb: KnowledgeBase) -> AnswerContext:
    return AnswerContext(kb=kb, as_of=dt.date.fromisoformat(AS_OF))


@pytest.fixture
def store(tmp_path: Path) -> ConversationStore:
    url = f"sqlite:///{tmp_path / 'conversations.sqlite3'}"
    upgrade(url)
    return ConversationStore.from_url(url)


def parse(*ranking: tuple[str, float], text: str = "") -> dict[str, Any]:
    """An NLU parse as ``agent.parse_message`` returns it, best first, with the entities the
    pipeline's fact extractor and slot mapper give ``text``."""
    items = [{"name": name, "confidence": confidence} for name, confidence in ranking]
    normalized = normalize_text(text)
    facts = [f.as_entity("FactExtractor") for f in extract_facts(normalized)]
    slots = slot_entities(facts, items[0]["name"], normalized)
    return {"intent": items[0], "intent_ranking": items, "entities": facts + slots}


# --- interpretations ---------------------------------------------------------------------------

INTERPRETATION_CASES = [
    pytest.param(
        parse(("ask_enterprise_exit", 0.81), ("ask_subsidy_stop", 0.1), ("request_human", 0.05)),
        [
            ("ask_enterprise_exit", "公司注销了，托管还继续吗？", 0.81),
            ("ask_subsidy_stop", "什么情况下补贴会停？", 0.1),
            ("request_human", "要求转人工", 0.05),
        ],
        id="三种理解按可信度排列，政策问题用常见问题的问法作标题",
    ),
    pytest.param(
        parse(
            ("nlu_fallback", 0.6),
            ("ask_subsidy_amount", 0.3),
            ("greet", 0.05),
            ("calculate_subsidy", 0.03),
            ("thanks", 0.01),
        ),
        [
            ("ask_subsidy_amount", "托管补贴有多少钱？", 0.3),
            ("greet", "打招呼", 0.05),
            ("calculate_subsidy", "帮我算一算托管补贴", 0.03),
        ],
        id="未能理解不算一种理解，只列三种",
    ),
]


@pytest.mark.parametrize(("parsed", "expected"), INTERPRETATION_CASES)
def test_interpretations(
    parsed: dict[str, Any], expected: list[tuple[str, str, float]], kb: KnowledgeBase
) -> None:
    found = service.interpretations(parsed, kb)
    assert [(i["intent"], i["title"], i["confidence"]) for i in found] == expected


# --- facts detected in the caller's words -----------------------------------------------------

FACT_CASES = [
    pytest.param(
        EXIT_QUESTION,
        "ask_enterprise_exit",
        {"exit_event": "deregistered", "operating_normally": "no"},
        id="公司注销了预填为注销",
    ),
    pytest.param(
        "公司在坪山区注册纳税经营，现在45名员工，经营正常",
        "ask_enterprise_eligibility",
        {"in_pingshan": "yes", "headcount": "45", "operating_normally": "yes"},
        id="坪山区45人经营正常预填能否托管的三项",
    ),
    pytest.param(
        "2021年5月10日首次签约，第二年补贴多少",
        "ask_subsidy_amount",
        {"first_signing_date": "2021-05-10", "service_year": "2"},
        id="首次签约日期和服务年度预填补贴计算器",
    ),
    pytest.param("你好", "greet", {}, id="寒暄里没有可预填的情况"),
    pytest.param(
        "我们机构托管了40家，自己有2起仲裁",
        "inform",
        {"clients_served": "40", "own_case_count": "2"},
        id="机构自己的案件和服务家数一起预填机构退出计算器",
    ),
    pytest.param(
        "我们2021年5月签的托管协议，现在第二年",
        "inform",
        {"first_signing_date": "2021-05", "service_year": "2"},
        id="只说了年月的签约时间也预填补贴计算器",
    ),
]


@pytest.mark.parametrize(("text", "intent", "expected"), FACT_CASES)
def test_detected_facts(text: str, intent: str, expected: dict[str, str]) -> None:
    facts = service.detected_facts(parse((intent, 0.9), text=text))
    assert {k: facts[k] for k in expected if k in facts} == expected
    if not expected:
        assert facts == {}


# --- the suggestion ---------------------------------------------------------------------------


def test_suggestion_for_a_closed_company_cites_article_13_with_its_full_text(
    ctx: AnswerContext,
) -> None:
    result = service.suggest(
        EXIT_QUESTION,
        parse(
            ("ask_enterprise_exit", 0.9),
            ("ask_subsidy_stop", 0.05),
            ("nlu_fallback", 0.03),
            text=EXIT_QUESTION,
        ),
        ctx,
    )
    answer = result["answer"]
    assert answer["intent"] == "ask_enterprise_exit"
    assert answer["text"].startswith("【结论】不再作为托管服务对象")
    assert answer["text"].splitlines()[-1] == "依据：《管理办法》第十三条、第二十三条"
    assert answer["verdict"] == "不再作为托管服务对象"
    assert "第十三条" in answer["citations"]
    article = next(a for a in result["articles"] if a["label"] == "第十三条")
    assert article["number"] == 13
    assert article["title"] == "服务对象退出"
    assert "（二）在服务期限内停业、注销、搬迁出坪山区等情形" in article["full_text"]
    assert result["facts"]["exit_event"] == "deregistered"


SUGGESTION_CASES = [
    pytest.param(
        "补贴有多少钱",
        parse(("ask_subsidy_amount", 0.9), ("ask_subsidy_payment", 0.05)),
        "ask_subsidy_amount",
        "第十九条",
        "2021年首次签约",
        id="问补贴多少给出规则和按签约年份的上限表",
    ),
    pytest.param(
        "能帮我交社保吗",
        parse(("ask_service_social_insurance", 0.9), ("ask_service_contents", 0.05)),
        "ask_service_social_insurance",
        "第十五条",
        "依据：《管理办法》第十五条",
        id="常见问题用整理好的答复和依据",
    ),
    pytest.param(
        "你好，我想问托管怎么申请",
        parse(("greet", 0.5), ("ask_how_to_apply", 0.4), ("thanks", 0.05)),
        "ask_how_to_apply",
        "第九条",
        "依据：",
        id="首位是寒暄时答复排在后面的政策问题",
    ),
]


@pytest.mark.parametrize(("text", "parsed", "intent", "cites", "says"), SUGGESTION_CASES)
def test_suggested_answer(
    text: str, parsed: dict[str, Any], intent: str, cites: str, says: str, ctx: AnswerContext
) -> None:
    result = service.suggest(text, parsed, ctx)
    answer = result["answer"]
    assert answer["intent"] == intent
    assert cites in answer["citations"]
    assert says in answer["text"]
    assert answer["text"].splitlines()[-1].startswith("依据：《管理办法》")
    assert cites in [a["label"] for a in result["articles"]]


def test_no_policy_interpretation_gives_no_answer(ctx: AnswerContext) -> None:
    result = service.suggest(
        "谢谢你", parse(("thanks", 0.9), ("greet", 0.05), ("goodbye", 0.01)), ctx
    )
    assert result["answer"] is None
    assert result["articles"] == []
    assert [i["title"] for i in result["interpretations"]] == ["表示感谢", "打招呼", "道别"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("", service.ERROR_EMPTY_QUESTION, id="空问题给出中文提示"),
        pytest.param("   ", service.ERROR_EMPTY_QUESTION, id="只有空格也算空问题"),
        pytest.param("托" * 1001, service.ERROR_LONG_QUESTION, id="超过一千字的原话被拒绝"),
    ],
)
def test_question_must_be_given(text: str, message: str) -> None:
    with pytest.raises(service.FieldError, match=message):
        service.clean_question(text)


# --- calculators ------------------------------------------------------------------------------

ELIGIBLE_FIRM = {
    "in_pingshan": "yes",
    "headcount": "45",
    "operating_normally": "yes",
    "firm_type": "other",
    "qualifying_condition": "tech_sme",
}

CALCULATOR_CASES = [
    pytest.param(
        "eligibility",
        ELIGIBLE_FIRM,
        "符合",
        "【结论】符合",
        "第九条",
        id="坪山45人科技型中小企业符合",
    ),
    pytest.param(
        "eligibility",
        {**ELIGIBLE_FIRM, "headcount": "120"},
        "不符合",
        "从业人员120人，超过100人",
        "第九条",
        id="120人的企业不符合",
    ),
    pytest.param(
        "eligibility",
        {**ELIGIBLE_FIRM, "firm_type": "labour_dispatch"},
        "不符合",
        "【结论】不符合",
        "第九条",
        id="劳务派遣企业不符合",
    ),
    pytest.param(
        "eligibility",
        {**ELIGIBLE_FIRM, "in_pingshan": "unknown"},
        "尚需确认",
        "注册地是否在坪山区",
        "第九条",
        id="不清楚是否在坪山时尚需确认并说明要问什么",
    ),
    pytest.param(
        "subsidy",
        {"first_signing_date": "2021-05-10", "service_year": "2", "months_served": "12"},
        "已计算",
        "23,239.33元",
        "第十九条",
        id="2021年签约第二年满12个月上限23239.33元",
    ),
    pytest.param(
        "subsidy",
        {"first_signing_date": "2021-05-10", "service_year": "2", "months_served": "6"},
        "已计算",
        "11,619.67元",
        "第二十三条",
        id="服务6个月按月折算",
    ),
    pytest.param(
        "subsidy",
        {"first_signing_date": "2021-05-10", "service_year": "4"},
        "不再给予服务补贴",
        "第四年已超过3年",
        "第二十三条",
        id="第四年不再给予补贴",
    ),
    pytest.param(
        "enterprise-exit",
        {"exit_event": "deregistered"},
        "不再作为托管服务对象",
        "服务期限内企业已注销",
        "第十三条",
        id="注销的企业不再作为托管服务对象",
    ),
    pytest.param(
        "enterprise-exit",
        {"service_started": "2022-01-01", "exit_event": "none"},
        "未触发退出情形",
        "将于2024年12月31日届满",
        "第十三条",
        id="服务未满三年且无停业注销搬迁的企业继续托管",
    ),
    pytest.param(
        "agency-exit",
        {
            "clients_served": "100",
            "clients_with_cases": "20",
            "change_requests": "0",
            "own_case_count": "0",
            "other_violation": "no",
        },
        "触发退出情形",
        "20%",
        "第十一条",
        id="两成服务企业有案件的机构触发退出情形",
    ),
    pytest.param(
        "agency-exit",
        {"clients_served": "100", "change_requests": "10"},
        "触发退出情形",
        "10%",
        "第十一条",
        id="一成企业要求更换的机构触发退出情形",
    ),
]


@pytest.mark.parametrize(("name", "fields", "verdict", "says", "cites"), CALCULATOR_CASES)
def test_calculators(
    name: str, fields: dict[str, str], verdict: str, says: str, cites: str, ctx: AnswerContext
) -> None:
    result = service.CALCULATORS[name](fields, ctx)
    answer = result["answer"]
    assert answer["verdict"] == verdict
    assert answer["text"].startswith("【结论】")
    assert says in answer["text"]
    assert answer["text"].splitlines()[-1].startswith("依据：《管理办法》")
    assert cites in answer["citations"]
    article = next(a for a in result["articles"] if a["label"] == cites)
    assert article["full_text"].startswith(f"{cites}（{article['title']}）")


FIELD_ERROR_CASES = [
    pytest.param("eligibility", {"headcount": "四十五"}, "从业人数", id="人数要写数字"),
    pytest.param("eligibility", {"firm_type": "外企"}, "企业类型", id="企业类型只能从选项中选"),
    pytest.param(
        "subsidy", {"first_signing_date": "2021-13-45"}, "首次签约日期", id="不存在的日期被拒绝"
    ),
    pytest.param("subsidy", {"months_served": "13"}, "实际服务月数", id="服务月数不超过12"),
    pytest.param(
        "enterprise-exit", {"service_started": "2021年5月"}, "开始接受托管服务", id="日期要按格式写"
    ),
    pytest.param("agency-exit", {"clients_served": "-3"}, "服务企业数", id="企业数不能为负"),
]


@pytest.mark.parametrize(("name", "fields", "label"), FIELD_ERROR_CASES)
def test_invalid_fields_are_refused_with_the_field_named(
    name: str, fields: dict[str, str], label: str, ctx: AnswerContext
) -> None:
    with pytest.raises(service.FieldError, match=label):
        service.CALCULATORS[name](fields, ctx)


def test_empty_fields_count_as_not_known(ctx: AnswerContext) -> None:
    result = service.calculate_eligibility({**ELIGIBLE_FIRM, "headcount": ""}, ctx)
    assert result["answer"]["verdict"] == "尚需确认"
    assert "从业人员人数" in result["answer"]["text"]


# --- the handoff queue ------------------------------------------------------------------------


def test_the_store_lists_the_queue_newest_first(store: ConversationStore) -> None:
    first = store.record_handoff("caller-1", "repeated_fallback")
    second = store.record_handoff("caller-2", "requested")
    assert [h.id for h in store.handoffs()] == [second, first]


def test_a_queued_conversation_shows_its_reason_time_and_transcript(
    store: ConversationStore,
) -> None:
    store.record_handoff("caller-2", "requested")
    (record,) = store.handoffs()
    said = [{"speaker": "user", "text": "转人工"}, {"speaker": "bot", "text": "好的"}]
    shown = service.handoff_json(record, said)
    assert shown["reason_title"] == "用户要求转人工"
    assert shown["transcript"] == said
    assert shown["created_at"].endswith("Z") and shown["sender_id"] == "caller-2"


def test_handled_conversations_leave_the_open_queue(store: ConversationStore) -> None:
    kept = store.record_handoff("caller-1", "requested")
    done = store.record_handoff("caller-2", "requested")
    assert store.mark_handled(done) is True
    assert [h.id for h in store.handoffs()] == [kept]
    everything = store.handoffs(include_handled=True)
    assert {h.id: h.handled for h in everything} == {kept: False, done: True}


def test_marking_an_unknown_handoff_says_so(store: ConversationStore) -> None:
    assert store.mark_handled(9999) is False


# --- the console token (bot/channels/assist.py) -----------------------------------------------

TOKEN_CASES = [
    pytest.param("Bearer s3cret", True, id="正确的令牌放行"),
    pytest.param("bearer s3cret", True, id="Bearer不区分大小写"),
    pytest.param("Bearer wrong", False, id="错误的令牌拒绝"),
    pytest.param("s3cret", False, id="没有Bearer前缀拒绝"),
    pytest.param("Bearer ", False, id="空令牌拒绝"),
    pytest.param(None, False, id="没有请求头拒绝"),
]


@pytest.mark.parametrize(("header", "accepted"), TOKEN_CASES)
def test_bearer_token(header: str | None, accepted: bool) -> None:
    assert bearer_matches(header, "s3cret") is accepted


def test_without_assist_token_the_development_token_is_used_with_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level("WARNING"):
        assert configured_token({}) == DEV_TOKEN == "pingshan-assist-dev"
    assert "ASSIST_TOKEN is not set" in caplog.text
    caplog.clear()
    with caplog.at_level("WARNING"):
        assert configured_token({"ASSIST_TOKEN": "from-env"}) == "from-env"
    assert caplog.text == ""


AGENCY_EXIT_CASES = [
    pytest.param(
        {
            "clients_served": "50",
            "clients_with_cases": "2",
            "change_requests": "1",
            "own_case_count": "3",
            "own_case_rate": "0.5",
            "other_violation": "no",
        },
        "【结论】未触发退出情形",
        id="各项都低于第十一条的比例和件数则未触发退出情形",
    ),
    pytest.param(
        {
            "clients_served": "50",
            "clients_with_cases": "2",
            "change_requests": "1",
            "own_case_count": "3",
            "own_case_rate": "1",
            "other_violation": "no",
        },
        "【结论】触发退出情形",
        id="案件发生率正好1%即触发退出情形",
    ),
]


@pytest.mark.parametrize(("fields", "opening"), AGENCY_EXIT_CASES)
def test_the_agency_exit_calculator_can_conclude_either_way(
    fields: dict[str, str], opening: str, ctx: AnswerContext
) -> None:
    result = service.calculate_agency_exit(fields, ctx)
    assert result["answer"]["text"].startswith(opening), result["answer"]["text"]


def test_the_exit_calculator_takes_a_month_and_says_when_three_years_end(
    ctx: AnswerContext,
) -> None:
    result = service.calculate_enterprise_exit({"service_started": "2021-05"}, ctx)
    text = result["answer"]["text"]
    assert "2024年4月30日至2024年5月30日之间届满" in text
    assert "第二十三条" in result["answer"]["citations"]
