"""The website chat page at /chat, driven in real headless Chromium against the real servers.

An enterprise owner opens the page on a desktop and on a 375 px phone, asks by typing, answers
the eligibility questions with the buttons, reads the conclusion, expands the cited article,
reloads and finds the conversation still there. The page must show markup as text and must
never contact another host. Screenshots go to tests/artifacts/webchat-*.png.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
import requests
from playwright.sync_api import Browser, Locator, Page, expect, sync_playwright

from tests.e2e.browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, TIMEOUT_MS
from tests.e2e.servers import RunningAssistant

XSS_MESSAGE = "<script>window.__xss=1</script>"

# Records every time the typing indicator is shown, before any of the page's own scripts run.
WATCH_TYPING = """
window.__typingShown = 0;
new MutationObserver(() => {
  const typing = document.getElementById("typing");
  if (typing && !typing.hidden) window.__typingShown += 1;
}).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ["hidden"]});
"""


@dataclass(frozen=True)
class Screen:
    name: str
    width: int
    height: int
    is_mobile: bool


SCREENS = [
    pytest.param(
        Screen("desktop", 1280, 860, False), id="电脑上的企业主问完能否托管并看到依据原文"
    ),
    pytest.param(
        Screen("mobile", 375, 740, True), id="手机375像素宽的企业主问完能否托管并看到依据原文"
    ),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def _history(page: Page) -> Locator:
    return page.locator("#history")


def _latest_bot_bubble(page: Page) -> Locator:
    return _history(page).locator(".row.bot .bubble").last


def _wait_for_reply(page: Page, bot_rows_before: int) -> Locator:
    """Wait until the bot has answered (new bot bubble, typing indicator gone)."""
    page.wait_for_function(
        """n => document.querySelectorAll("#history .row.bot").length > n
              && document.getElementById("typing").hidden""",
        arg=bot_rows_before,
        timeout=TIMEOUT_MS,
    )
    return _latest_bot_bubble(page)


def _bot_rows(page: Page) -> int:
    return _history(page).locator(".row.bot").count()


def _type(page: Page, text: str) -> Locator:
    before = _bot_rows(page)
    page.fill("#input", text)
    page.press("#input", "Enter")
    return _wait_for_reply(page, before)


def _click_reply(page: Page, title: str) -> Locator:
    before = _bot_rows(page)
    enabled = _history(page).locator(".quick:not([disabled])")
    enabled.get_by_text(title, exact=True).last.click()
    return _wait_for_reply(page, before)


def _user_texts(page: Page) -> list[str]:
    return _history(page).locator(".row.user .bubble").all_inner_texts()


def _screenshot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"webchat-{name}.png"), full_page=False)


@pytest.mark.parametrize("screen", SCREENS)
def test_an_enterprise_owner_checks_eligibility_in_the_chat_page(
    assistant: RunningAssistant, browser: Browser, screen: Screen
) -> None:
    context = browser.new_context(
        viewport={"width": screen.width, "height": screen.height},
        is_mobile=screen.is_mobile,
        has_touch=screen.is_mobile,
        device_scale_factor=2 if screen.is_mobile else 1,
        locale="zh-CN",
    )
    context.set_default_timeout(TIMEOUT_MS)
    context.add_init_script(WATCH_TYPING)
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    try:
        page.goto(f"{assistant.rasa_url}/chat")

        # A new user sees the welcome and the four topics.
        welcome = page.locator("#welcome")
        expect(welcome).to_contain_text("托管服务政策助手")
        expect(welcome.locator(".quick")).to_have_text(
            ["能否托管", "补贴多少", "何时退出", "服务内容"]
        )
        expect(_history(page).locator(".row")).to_have_count(0)
        _screenshot(page, f"{screen.name}-welcome")

        # Asks by typing; the typing indicator shows while the bot thinks.
        reply = _type(page, "我们公司能托管吗")
        assert page.evaluate("window.__typingShown") >= 1
        expect(page.locator("#typing")).to_be_hidden()
        expect(reply).to_contain_text("企业的注册地、纳税地、经营地是否都在坪山区")
        expect(reply.locator(".quick")).to_have_text(["是", "否", "不清楚"])

        # Answers with the buttons: the title becomes the user's bubble.
        reply = _click_reply(page, "是")
        assert _user_texts(page)[-1] == "是"
        expect(reply).to_contain_text("从业人员多少人")
        reply = _type(page, "45")
        reply = _click_reply(page, "是")
        reply = _click_reply(page, "都不是")
        reply = _click_reply(page, "上一年度已入库科技型中小企业")

        answer = _history(page).locator(".bubble.answer").last
        conclusion = answer.locator(".conclusion")
        expect(conclusion).to_contain_text("【结论】符合")
        weight = conclusion.locator("strong").evaluate("e => getComputedStyle(e).fontWeight")
        assert int(weight) >= 700
        expect(conclusion).to_have_class(re.compile(r"\bpositive\b"))

        # The 依据 line shows 第九条 as a chip that expands to the article's text.
        chip = answer.locator(".basis .cite", has_text="第九条")
        expect(chip).to_be_visible()
        chip.click()
        article = answer.locator(".article")
        expect(article).to_contain_text("注册地、纳税地、经营地均在坪山区")
        expect(article).to_contain_text("第九条（托管服务对象）")
        expect(chip).to_have_attribute("aria-expanded", "true")
        article.scroll_into_view_if_needed()
        _screenshot(page, f"{screen.name}-conclusion")

        # Markup in a message is shown as text and never runs.
        reply = _type(page, XSS_MESSAGE)
        assert _user_texts(page)[-1] == XSS_MESSAGE
        assert page.evaluate("typeof window.__xss") == "undefined"
        assert page.locator("#history script").count() == 0

        # The conversation survives a reload; old buttons can no longer be clicked.
        asked = _user_texts(page)
        page.reload()
        expect(_history(page).locator(".row.user .bubble")).to_have_count(len(asked))
        assert _user_texts(page) == asked
        assert asked[:2] == ["我们公司能托管吗", "是"]
        expect(_history(page).locator(".conclusion").last).to_contain_text("【结论】符合")
        old_yes = _history(page).locator(".row.bot").nth(1).locator(".quick", has_text="是")
        expect(old_yes.first).to_be_disabled()
        assert page.evaluate("typeof window.__xss") == "undefined"
        _screenshot(page, f"{screen.name}-after-reload")

        # Nothing wider than the screen.
        assert page.evaluate("document.documentElement.scrollWidth") <= screen.width
    finally:
        context.close()

    server = urlsplit(assistant.rasa_url).netloc
    elsewhere = [
        url for url in requested if not url.startswith("data:") and urlsplit(url).netloc != server
    ]
    assert requested and not elsewhere, f"requests to other hosts: {elsewhere}"


# --- the channel's JSON API, over HTTP --------------------------------------------------------

BAD_MESSAGES = [
    pytest.param(
        {"sender": "web-api-test"}, "消息不能为空", 400, id="没有message字段得到400和中文提示"
    ),
    pytest.param(
        {"sender": "web-api-test", "message": ""}, "消息不能为空", 400, id="空消息得到400和中文提示"
    ),
    pytest.param(
        {"sender": "web-api-test", "message": "   "},
        "消息不能为空",
        400,
        id="只有空格的消息得到400和中文提示",
    ),
    pytest.param({"message": "补贴多少"}, "会话编号", 400, id="没有会话编号得到400和中文提示"),
    pytest.param(
        {"sender": "web-api-test", "message": "问" * 1001},
        "消息过长",
        413,
        id="超长消息得到413和中文提示",
    ),
]


@pytest.mark.parametrize(("body", "error", "status"), BAD_MESSAGES)
def test_a_bad_message_is_refused_with_a_chinese_error(
    assistant: RunningAssistant, body: dict, error: str, status: int
) -> None:
    response = requests.post(f"{assistant.rasa_url}/chat/api/message", json=body, timeout=30)
    assert response.status_code == status
    assert error in response.json()["error"]


def test_a_body_that_is_not_json_is_refused_with_a_chinese_error(
    assistant: RunningAssistant,
) -> None:
    response = requests.post(
        f"{assistant.rasa_url}/chat/api/message", data="message=补贴多少".encode(), timeout=30
    )
    assert response.status_code == 400
    assert "请求格式错误" in response.json()["error"]


ARTICLES = [
    pytest.param(9, 200, "第九条", id="第九条返回标题和全文"),
    pytest.param(27, 200, "第二十七条", id="第二十七条返回标题和全文"),
    pytest.param(99, 404, None, id="第九十九条不存在得到404"),
    pytest.param(0, 404, None, id="第零条不存在得到404"),
]


@pytest.mark.parametrize(("number", "status", "label"), ARTICLES)
def test_an_article_is_served_by_number(
    assistant: RunningAssistant, number: int, status: int, label: str | None
) -> None:
    response = requests.get(f"{assistant.rasa_url}/chat/api/articles/{number}", timeout=30)
    assert response.status_code == status
    data = response.json()
    if label is None:
        assert "没有找到该条文" in data["error"]
    else:
        assert data["label"] == label
        assert data["title"]
        assert data["full_text"].startswith(f"{label}（{data['title']}）")


def test_a_policy_answer_carries_its_citations_with_the_text(assistant: RunningAssistant) -> None:
    response = requests.post(
        f"{assistant.rasa_url}/chat/api/message",
        json={"sender": "web-api-subsidy", "message": "补贴多少？"},
        timeout=60,
    )
    assert response.status_code == 200
    messages = response.json()["messages"]
    cited = [m for m in messages if m.get("citations")]
    assert cited and "依据：《管理办法》第十九条" in cited[0]["text"]
    assert {"label": "第十九条", "article": 19} in cited[0]["citations"]


def test_only_the_page_files_are_served_as_static(assistant: RunningAssistant) -> None:
    base = f"{assistant.rasa_url}/chat"
    assert requests.get(f"{base}/static/chat.js", timeout=30).status_code == 200
    assert requests.get(f"{base}/static/webchat.py", timeout=30).status_code == 404
    assert requests.get(f"{base}/static/..%2Fwebchat.py", timeout=30).status_code == 404
    page = requests.get(base, timeout=30)
    assert page.status_code == 200 and "坪山托管政策助手" in page.text
    assert "default-src 'none'" in page.headers["Content-Security-Policy"]
