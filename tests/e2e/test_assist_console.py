"""The hotline staff console at /assist, through its JSON API and in real headless Chromium.

A staff member logs in with the console token, pastes a caller's words and reads the three
interpretations, the suggested answer and the cited article; fills in the eligibility and
subsidy calculators with what the caller says on the phone; and works through the handoff queue
after a user asked the bot 「转人工」 over the REST webhook. Every API route refuses requests
without the token. Screenshots go to tests/artifacts/assist-*.png.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
import requests
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.e2e.browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, TIMEOUT_MS
from tests.e2e.conftest import E2E_ASSIST_TOKEN
from tests.e2e.servers import RunningAssistant

EXIT_QUESTION = "来电人说公司注销了，托管还继续吗"
ARTICLE_13_ITEM = "（二）在服务期限内停业、注销、搬迁出坪山区等情形。"
AUTH = {"Authorization": f"Bearer {E2E_ASSIST_TOKEN}"}


def _url(assistant: RunningAssistant, path: str) -> str:
    return f"{assistant.rasa_url}/assist{path}"


def _get(assistant: RunningAssistant, path: str, **kwargs: object) -> requests.Response:
    return requests.get(_url(assistant, path), timeout=60, **kwargs)  # type: ignore[arg-type]


def _post(assistant: RunningAssistant, path: str, **kwargs: object) -> requests.Response:
    return requests.post(_url(assistant, path), timeout=60, **kwargs)  # type: ignore[arg-type]


def _handoff_for(assistant: RunningAssistant, sender: str) -> dict | None:
    queue = _get(assistant, "/api/handoffs", headers=AUTH).json()["handoffs"]
    return next((h for h in queue if h["sender_id"] == sender), None)


# --- the API ----------------------------------------------------------------------------------

API_ROUTES = [
    pytest.param("GET", "/api/session", id="检查登录的接口要令牌"),
    pytest.param("GET", f"/api/suggest?q={EXIT_QUESTION}", id="建议答复接口要令牌"),
    pytest.param("POST", "/api/calculate/eligibility", id="计算器接口要令牌"),
    pytest.param("GET", "/api/handoffs", id="转人工队列接口要令牌"),
    pytest.param("POST", "/api/handoffs/1/handled", id="标记已处理接口要令牌"),
]
BAD_HEADERS = [
    pytest.param({}, id="没有令牌"),
    pytest.param({"Authorization": "Bearer wrong-token"}, id="令牌不对"),
    pytest.param({"Authorization": E2E_ASSIST_TOKEN}, id="缺少Bearer前缀"),
]


@pytest.mark.parametrize("headers", BAD_HEADERS)
@pytest.mark.parametrize(("method", "path"), API_ROUTES)
def test_every_api_route_refuses_requests_without_the_token(
    assistant: RunningAssistant, method: str, path: str, headers: dict[str, str]
) -> None:
    reply = requests.request(method, _url(assistant, path), headers=headers, json={}, timeout=60)
    assert reply.status_code == 401
    assert "令牌" in reply.json()["error"]
    assert reply.headers["WWW-Authenticate"].startswith("Bearer")


def test_the_page_shell_loads_without_the_token_and_only_from_its_own_server(
    assistant: RunningAssistant,
) -> None:
    reply = _get(assistant, "")
    assert reply.status_code == 200
    assert "坐席令牌" in reply.text
    assert _get(assistant, "/").status_code == 200
    assert "connect-src 'self'" in reply.headers["Content-Security-Policy"]
    for asset in ("/static/assist.css", "/static/assist.js"):
        assert _get(assistant, asset).status_code == 200
    assert "innerHTML" not in _get(assistant, "/static/assist.js").text
    assert _get(assistant, "/static/..%2F..%2Fassist.py").status_code == 404


def test_suggest_for_a_closed_company_cites_article_13_with_its_text(
    assistant: RunningAssistant,
) -> None:
    reply = _get(assistant, "/api/suggest", params={"q": EXIT_QUESTION}, headers=AUTH)
    assert reply.status_code == 200
    data = reply.json()
    interpretations = data["interpretations"]
    assert len(interpretations) == 3
    assert interpretations[0]["intent"] == "ask_enterprise_exit"
    assert interpretations[0]["title"] == "公司注销了，托管还继续吗？"
    confidences = [i["confidence"] for i in interpretations]
    assert confidences == sorted(confidences, reverse=True)
    assert "nlu_fallback" not in [i["intent"] for i in interpretations]
    answer = data["answer"]
    assert "第十三条" in answer["citations"]
    assert answer["text"].startswith("【结论】")
    assert "依据：《管理办法》第十三条" in answer["text"]
    article = next(a for a in data["articles"] if a["label"] == "第十三条")
    assert article["number"] == 13
    assert ARTICLE_13_ITEM in article["full_text"]
    assert data["facts"]["exit_event"] == "deregistered"


@pytest.mark.parametrize(
    "query", [{"q": ""}, {"q": "   "}, {}], ids=["空问题", "只有空格", "没有q"]
)
def test_suggest_without_words_says_what_is_missing(
    assistant: RunningAssistant, query: dict[str, str]
) -> None:
    reply = _get(assistant, "/api/suggest", params=query, headers=AUTH)
    assert reply.status_code == 400
    assert "来电人的原话" in reply.json()["error"]


CALCULATIONS = [
    pytest.param(
        "eligibility",
        {
            "in_pingshan": "yes",
            "headcount": "45",
            "operating_normally": "yes",
            "firm_type": "other",
            "qualifying_condition": "tech_sme",
        },
        "【结论】符合",
        "第九条",
        id="坪山45人科技型中小企业可以托管",
    ),
    pytest.param(
        "subsidy",
        {"first_signing_date": "2021-05-10", "service_year": "2", "months_served": "12"},
        "23,239.33元",
        "第十九条",
        id="2021年签约第二年补贴上限23239.33元",
    ),
    pytest.param(
        "enterprise-exit",
        {"service_started": "2020-05-10", "exit_event": "none"},
        "【结论】不再作为托管服务对象",
        "第十三条",
        id="服务满三年的企业退出托管",
    ),
    pytest.param(
        "agency-exit",
        {"clients_served": "50", "clients_with_cases": "10"},
        "【结论】触发退出情形",
        "第十一条",
        id="五十家里十家有案件的机构触发退出",
    ),
]


@pytest.mark.parametrize(("calculator", "fields", "says", "cites"), CALCULATIONS)
def test_calculators_answer_with_the_cited_articles(
    assistant: RunningAssistant, calculator: str, fields: dict[str, str], says: str, cites: str
) -> None:
    reply = _post(assistant, f"/api/calculate/{calculator}", json=fields, headers=AUTH)
    assert reply.status_code == 200, reply.text
    data = reply.json()
    assert says in data["answer"]["text"]
    assert cites in data["answer"]["citations"]
    assert data["answer"]["verdict"]
    assert any(a["label"] == cites and a["full_text"] for a in data["articles"])


def test_calculator_refuses_a_bad_field_and_an_unknown_calculator(
    assistant: RunningAssistant,
) -> None:
    bad = _post(assistant, "/api/calculate/eligibility", json={"headcount": "很多"}, headers=AUTH)
    assert bad.status_code == 400
    assert "从业人数" in bad.json()["error"]
    unknown = _post(assistant, "/api/calculate/lottery", json={}, headers=AUTH)
    assert unknown.status_code == 404


def test_a_handoff_over_rest_is_queued_then_handled(assistant: RunningAssistant) -> None:
    sender = f"e2e-assist-{uuid.uuid4().hex[:8]}"
    assistant.ask(sender, "托管能帮我交社保吗")
    assistant.ask(sender, "转人工")
    item = _handoff_for(assistant, sender)
    assert item is not None
    assert item["reason"] == "requested"
    said = [line["text"] for line in item["transcript"] if line["speaker"] == "user"]
    assert said == ["托管能帮我交社保吗", "转人工"]
    handled = _post(assistant, f"/api/handoffs/{item['id']}/handled", headers=AUTH)
    assert handled.status_code == 200
    assert _handoff_for(assistant, sender) is None
    everything = _get(assistant, "/api/handoffs", params={"all": "1"}, headers=AUTH).json()
    assert any(h["id"] == item["id"] and h["handled"] for h in everything["handoffs"])


def test_marking_an_unknown_handoff_is_not_found(assistant: RunningAssistant) -> None:
    reply = _post(assistant, "/api/handoffs/987654/handled", headers=AUTH)
    assert reply.status_code == 404
    assert "没有找到" in reply.json()["error"]


# --- in the browser ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, assistant: RunningAssistant) -> Iterator[Page]:
    """A fresh tab whose every request must go to the assistant's own server."""
    context = browser.new_context(viewport={"width": 1360, "height": 900}, locale="zh-CN")
    tab = context.new_page()
    tab.set_default_timeout(TIMEOUT_MS)
    origin = urlsplit(assistant.rasa_url).netloc
    foreign: list[str] = []
    tab.on(
        "request",
        lambda request: (
            foreign.append(request.url) if urlsplit(request.url).netloc != origin else None
        ),
    )
    yield tab
    context.close()
    assert foreign == [], f"the console contacted other hosts: {foreign}"


def _login(page: Page, assistant: RunningAssistant) -> None:
    page.goto(_url(assistant, ""))
    page.fill("#token", E2E_ASSIST_TOKEN)
    page.click("#login-form button[type=submit]")
    expect(page.locator("#console")).to_be_visible()


def _shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"assist-{name}.png"), full_page=True)


def test_staff_cannot_see_the_console_with_a_wrong_token(
    page: Page, assistant: RunningAssistant
) -> None:
    page.goto(_url(assistant, ""))
    expect(page.locator("#login")).to_be_visible()
    expect(page.locator("#console")).to_be_hidden()
    page.fill("#token", "guess")
    page.click("#login-form button[type=submit]")
    expect(page.locator("#login-error")).to_have_text("令牌不正确，请核对后重试。")
    expect(page.locator("#console")).to_be_hidden()
    assert page.evaluate("sessionStorage.getItem('assist-token')") is None
    _shot(page, "login")


def test_staff_pastes_the_callers_words_and_reads_answer_and_article(
    page: Page, assistant: RunningAssistant
) -> None:
    _login(page, assistant)
    page.fill("#question", EXIT_QUESTION)
    page.click("#analyse")
    items = page.locator("#interpretations li")
    expect(items).to_have_count(3)
    expect(items.first.locator(".interpretation-title")).to_have_text("公司注销了，托管还继续吗？")
    expect(items.first.locator(".confidence")).to_contain_text("%")
    expect(page.locator("#answer-text")).to_contain_text("【结论】")
    expect(page.locator("#answer-text")).to_contain_text("依据：《管理办法》第十三条")
    expect(page.locator("#answer-citations")).to_contain_text("第十三条")
    expect(page.locator("#article-13")).to_contain_text("《管理办法》第十三条（服务对象退出）")
    expect(page.locator("#article-13")).to_contain_text(ARTICLE_13_ITEM)
    # the detected 注销 pre-fills the enterprise-exit calculator
    expect(page.locator("#calc-enterprise-exit select[name=exit_event]")).to_have_value(
        "deregistered"
    )
    expect(page.locator("#facts")).to_contain_text("注销")
    _shot(page, "suggest")
    # after a reload in the same tab the token is still there: no second login
    page.reload()
    expect(page.locator("#console")).to_be_visible()
    page.click("#logout")
    expect(page.locator("#login")).to_be_visible()


def test_staff_checks_eligibility_with_the_callers_facts(
    page: Page, assistant: RunningAssistant
) -> None:
    _login(page, assistant)
    form = page.locator("#calc-eligibility")
    form.locator("select[name=in_pingshan]").select_option(label="是")
    form.locator("input[name=headcount]").fill("45")
    form.locator("select[name=operating_normally]").select_option(label="是")
    form.locator("select[name=firm_type]").select_option(label="都不是")
    form.locator("select[name=qualifying_condition]").select_option(label="科技型中小企业")
    form.locator("button[type=submit]").click()
    result = form.locator(".calc-result .answer-text")
    expect(result).to_contain_text("【结论】符合")
    expect(result).to_contain_text("依据：《管理办法》第九条")
    expect(form.locator(".verdict")).to_have_text("结论：符合")
    form.locator(".calc-articles summary").click()
    expect(form.locator(".calc-articles")).to_contain_text("《管理办法》第九条（托管服务对象）")
    form.scroll_into_view_if_needed()
    _shot(page, "eligibility")


def test_staff_calculates_the_subsidy_cap(page: Page, assistant: RunningAssistant) -> None:
    _login(page, assistant)
    form = page.locator("#calc-subsidy")
    form.locator("input[name=first_signing_date]").fill("2021-05-10")
    form.locator("select[name=service_year]").select_option(label="第二年")
    form.locator("input[name=months_served]").fill("12")
    form.locator("button[type=submit]").click()
    expect(form.locator(".calc-result .answer-text")).to_contain_text("23,239.33元")
    expect(form.locator(".calc-result .citations")).to_contain_text("第十九条")
    _shot(page, "subsidy")
    form.locator("input[name=first_signing_date]").fill("2021-02-30")
    form.locator("button[type=submit]").click()
    expect(form.locator(".calc-result .error")).to_have_text(
        "「首次签约日期」不是有效日期：请按 2021-05-10 的格式填写。"
    )
    expect(form.locator(".calc-result .answer-text")).to_be_hidden()


def test_staff_handles_a_handoff_from_the_queue(page: Page, assistant: RunningAssistant) -> None:
    sender = f"e2e-queue-{uuid.uuid4().hex[:8]}"
    assistant.ask(sender, "补贴多少？")
    assistant.ask(sender, "转人工")
    _login(page, assistant)
    item = page.locator("#queue li.handoff", has_text=sender)
    expect(item).to_have_count(1)
    expect(item.locator(".handoff-reason")).to_have_text("用户要求转人工")
    expect(item.locator(".transcript .user")).to_have_count(2)
    expect(item.locator(".transcript")).to_contain_text("用户：转人工")
    expect(item.locator(".transcript")).to_contain_text("助手：")
    item.scroll_into_view_if_needed()
    _shot(page, "queue")
    item.get_by_role("button", name="标记已处理").click()
    expect(page.locator("#queue li.handoff", has_text=sender)).to_have_count(0)
    assert _handoff_for(assistant, sender) is None


def test_markup_in_a_transcript_is_shown_as_text(page: Page, assistant: RunningAssistant) -> None:
    sender = f"e2e-markup-{uuid.uuid4().hex[:8]}"
    markup = '<img src=x onerror="window.__xss=1"><b>转人工</b>'
    assistant.ask(sender, markup)
    assistant.ask(sender, "转人工")
    _login(page, assistant)
    item = page.locator("#queue li.handoff", has_text=sender)
    expect(item.locator(".transcript .said").first).to_have_text(markup)
    assert item.locator("img, b").count() == 0
    assert page.evaluate("window.__xss") is None
