"""The operators' report at /assist/report, over conversations held through the REST channel.

Servers of its own (their stores hold only this module's conversations, so every count is
exact): people ask through the REST webhook — a check, a curated answer, two questions the
assistant does not understand (the two-topic clarification, then the search fallback and a
handoff), a request for a person, both kinds of feedback — a hotline worker marks one handoff
handled in the staff console, and an operator reads the report, labels an unanswered question,
downloads a CSV and the review export. In headless Chromium too (screenshots:
tests/artifacts/report-*.png); the staff token cannot open the report.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
import requests
import yaml
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.e2e.browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, TIMEOUT_MS
from tests.e2e.conftest import E2E_AS_OF, E2E_ASSIST_TOKEN
from tests.e2e.servers import RunningAssistant, running_assistant

REPORT_TOKEN = "e2e-report-token"
OPERATOR = "李运营"
STAFF = "王坐席"
REPORT = {"Authorization": f"Bearer {REPORT_TOKEN}", "X-Operator": quote(OPERATOR)}
STAFF_AUTH = {"Authorization": f"Bearer {E2E_ASSIST_TOKEN}", "X-Operator": quote(STAFF)}
# Understood as no topic of this service: the first is a miss (out of scope, or the two-topic
# clarification, as the classifier reads it), the second a miss in a row, handed to a person.
UNCLEAR = "qwerty asdf"
UNCLEAR_AGAIN = "zxcv uiop"
CLARIFY = "我不太确定您想问的是哪一项"
OUT_OF_SCOPE = "不在我的解答范围内"


def handed_off(texts: str) -> bool:
    return "为您转人工" in texts


CHECK = "我们公司注册、纳税、经营都在坪山，45人，正常经营，不是劳务派遣，去年有劳动仲裁，能托管吗"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningAssistant]:
    log_dir = Path(tmp_path_factory.mktemp("report"))
    env = {
        "TUOGUAN_AS_OF": E2E_AS_OF,
        "ASSIST_TOKEN": E2E_ASSIST_TOKEN,
        "REPORT_TOKEN": REPORT_TOKEN,
    }
    with running_assistant(log_dir, env) as running:
        yield running


def _texts(replies: list[dict]) -> str:
    return "\n".join(str(r.get("text") or "") for r in replies)


@pytest.fixture(scope="module")
def held(assistant: RunningAssistant) -> dict[str, str]:
    """The conversations every test of this module reads, held once over the REST webhook."""
    senders = {name: f"report-{name}-{uuid.uuid4().hex[:8]}" for name in ("check", "lost", "human")}
    checked = assistant.ask(senders["check"], CHECK)
    assert "【结论】符合" in _texts(checked)
    assistant.ask(senders["check"], "/feedback_helpful")
    answered = assistant.ask(senders["check"], "备案期限是多久")
    assert "第十七条" in _texts(answered)
    assistant.ask(senders["check"], "/feedback_unhelpful")
    first = _texts(assistant.ask(senders["lost"], UNCLEAR))
    assert CLARIFY in first or OUT_OF_SCOPE in first
    second = _texts(assistant.ask(senders["lost"], UNCLEAR_AGAIN))
    assert handed_off(second)  # the second miss in a row goes to a person
    assistant.ask(senders["human"], "转人工")
    return senders


def _report(assistant: RunningAssistant, **params: str) -> dict:
    reply = requests.get(
        f"{assistant.rasa_url}/assist/api/report", params=params, headers=REPORT, timeout=60
    )
    assert reply.status_code == 200, reply.text
    return reply.json()


def test_the_report_counts_the_conversations_held_exactly(
    assistant: RunningAssistant, held: dict[str, str]
) -> None:
    report = _report(assistant)  # the last 30 days up to today
    totals = report["usage"]["totals"]
    # 3 conversations, 7 messages (4 + 2 + 1), 3 people, all through the REST channel
    assert totals == {"conversations": 3, "messages": 7, "users": 3}
    assert [(c["channel"], c["messages"]) for c in report["usage"]["channels"]] == [("rest", 7)]
    topics = {t["intent"]: t for t in report["topics"]}
    assert topics["ask_enterprise_eligibility"]["check"] == 1
    assert topics["ask_filing"]["curated"] == 1
    # unanswered: the second miss and 转人工 (handoffs), and the first miss unless the
    # classifier took it for out of scope (an answer: it says where to ask instead)
    found = {m["text"]: m["outcome"] for g in report["unanswered"]["groups"] for m in g["latest"]}
    assert found[UNCLEAR_AGAIN] == "handoff" and found["转人工"] == "handoff"
    first = found.get(UNCLEAR)
    assert first in ("clarification", "search", None)
    assert report["unanswered"]["messages"] == 2 + (first is not None)
    if first is None:
        assert topics["out_of_scope"]["out_of_scope"] == 1
    feedback = report["feedback"]
    assert (feedback["helpful"], feedback["unhelpful"]) == (1, 1)
    assert feedback["unhelpful_conversations"][0]["question"] == "备案期限是多久"
    assert report["handoffs"]["count"] == 2 and report["handoffs"]["open"] == 2


def test_a_handoff_marked_handled_shows_who_and_how_long(
    assistant: RunningAssistant, held: dict[str, str]
) -> None:
    queue = requests.get(
        f"{assistant.rasa_url}/assist/api/handoffs", headers=STAFF_AUTH, timeout=60
    ).json()["handoffs"]
    mine = next(h for h in queue if h["sender_id"] == held["human"])
    marked = requests.post(
        f"{assistant.rasa_url}/assist/api/handoffs/{mine['id']}/handled",
        headers=STAFF_AUTH,
        timeout=60,
    )
    assert marked.status_code == 200
    handoffs = _report(assistant)["handoffs"]
    assert (handoffs["handled"], handoffs["open"]) == (1, 1)
    item = next(h for h in handoffs["items"] if h["sender_id"] == held["human"])
    assert item["handled_by"] == STAFF and item["minutes_to_handled"] is not None
    audit = _report(assistant)["audit"]
    assert any(a["actor"] == STAFF and a["action"] == "handoff_handled" for a in audit)


def test_the_unhelpful_conversation_is_one_request_away(
    assistant: RunningAssistant, held: dict[str, str]
) -> None:
    sender = _report(assistant)["feedback"]["unhelpful_conversations"][0]["sender_id"]
    lines = requests.get(
        f"{assistant.rasa_url}/assist/api/report/transcript",
        params={"sender": sender},
        headers=REPORT,
        timeout=60,
    ).json()["transcript"]
    assert [line["text"] for line in lines if line["speaker"] == "user"][:1] == [CHECK]


ROLES = [
    pytest.param({}, 401, id="no token is unauthorised"),
    pytest.param({"Authorization": "Bearer wrong"}, 401, id="a wrong token is unauthorised"),
    pytest.param(STAFF_AUTH, 403, id="the hotline staff token is forbidden"),
]


@pytest.mark.parametrize(("headers", "status"), ROLES)
@pytest.mark.parametrize(
    "path", ["", "/csv/topics", "/chart/usage.svg", "/review-export", "/transcript?sender=x"]
)
def test_only_the_operator_token_opens_the_report(
    assistant: RunningAssistant, headers: dict, status: int, path: str
) -> None:
    reply = requests.get(
        f"{assistant.rasa_url}/assist/api/report{path}", headers=headers, timeout=60
    )
    assert reply.status_code == status
    assert "error" in reply.json()


def test_a_label_is_kept_audited_and_exported_for_review(
    assistant: RunningAssistant, held: dict[str, str]
) -> None:
    refused = requests.post(
        f"{assistant.rasa_url}/assist/api/report/labels",
        json={"sender_id": held["lost"], "text": UNCLEAR, "intent": "no_such_intent"},
        headers=REPORT,
        timeout=60,
    )
    assert refused.status_code == 400
    saved = requests.post(
        f"{assistant.rasa_url}/assist/api/report/labels",
        json={"sender_id": held["lost"], "text": UNCLEAR, "intent": "out_of_scope"},
        headers=REPORT,
        timeout=60,
    )
    assert saved.status_code == 200
    report = _report(assistant)
    assert [(x["text"], x["labelled_by"]) for x in report["labels"]] == [(UNCLEAR, OPERATOR)]
    assert any(a["actor"] == OPERATOR and a["action"] == "label" for a in report["audit"])
    exported = requests.get(
        f"{assistant.rasa_url}/assist/api/report/review-export", headers=REPORT, timeout=60
    )
    nlu = yaml.safe_load(exported.text)["nlu"]
    assert {"intent": "out_of_scope", "examples": f"- {UNCLEAR}\n"} in nlu


def test_a_range_without_the_conversations_counts_none(
    assistant: RunningAssistant, held: dict[str, str]
) -> None:
    report = _report(assistant, **{"from": "2020-01-01", "to": "2020-01-31"})
    assert report["usage"]["totals"] == {"conversations": 0, "messages": 0, "users": 0}
    bad = requests.get(
        f"{assistant.rasa_url}/assist/api/report",
        params={"from": "2020-02-01", "to": "2020-01-01"},
        headers=REPORT,
        timeout=60,
    )
    assert bad.status_code == 400 and "不能晚于" in bad.json()["error"]


# --- in the browser --------------------------------------------------------------------------


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
    context = browser.new_context(
        viewport={"width": 1360, "height": 900}, locale="zh-CN", accept_downloads=True
    )
    tab = context.new_page()
    tab.set_default_timeout(TIMEOUT_MS)
    origin = urlsplit(assistant.rasa_url).netloc
    foreign: list[str] = []

    def check(request: object) -> None:
        url = str(getattr(request, "url", ""))
        if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != origin:
            foreign.append(url)

    tab.on("request", check)
    yield tab
    context.close()
    assert foreign == [], f"the report contacted other hosts: {foreign}"


def _log_in(page: Page, assistant: RunningAssistant, token: str) -> None:
    page.goto(f"{assistant.rasa_url}/assist/report")
    page.fill("#operator", OPERATOR)
    page.fill("#token", token)
    page.click("#login-form button[type=submit]")


def test_the_hotline_staff_token_cannot_open_the_report_page(
    page: Page, assistant: RunningAssistant
) -> None:
    _log_in(page, assistant, E2E_ASSIST_TOKEN)
    expect(page.locator("#login-error")).to_contain_text("坐席令牌不能查看运营报表")
    expect(page.locator("#report")).to_be_hidden()
    page.screenshot(path=str(ARTIFACTS / "report-staff-refused.png"))


def test_an_operator_reads_the_report_labels_a_question_and_downloads(
    page: Page, assistant: RunningAssistant, held: dict[str, str], tmp_path: Path
) -> None:
    _log_in(page, assistant, REPORT_TOKEN)
    expect(page.locator("#report")).to_be_visible()
    week_ago = dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).date() - dt.timedelta(days=7)
    page.fill("#from", week_ago.isoformat())  # to: today, as the page starts
    page.click("#apply")
    expect(page.locator("#report-error")).to_be_hidden()
    unanswered = page.locator("#unanswered")
    expect(unanswered).to_contain_text(UNCLEAR, timeout=TIMEOUT_MS)
    expect(page.locator("#chart-usage")).to_have_attribute("src", re.compile("^data:image/svg"))
    page.screenshot(path=str(ARTIFACTS / "report-overview.png"), full_page=True)

    example = unanswered.locator(".example").filter(has_text=UNCLEAR_AGAIN).first
    example.locator("select").select_option("out_of_scope")
    example.get_by_role("button", name="保存标注").click()
    # the page reloads the report after a label: it lists it, and the audit names who
    expect(page.locator("#labels")).to_contain_text(UNCLEAR_AGAIN, timeout=TIMEOUT_MS)
    expect(page.locator("#audit")).to_contain_text(OPERATOR, timeout=TIMEOUT_MS)

    example = page.locator("#unhelpful .example").first
    example.get_by_role("button", name="查看对话").click()
    expect(page.locator("#transcript")).to_contain_text("备案期限是多久", timeout=TIMEOUT_MS)
    page.screenshot(path=str(ARTIFACTS / "report-transcript.png"))
    page.click("#transcript-close")

    with page.expect_download() as csv_download:
        page.locator("button.csv[data-table='unanswered']").click()
    csv_path = tmp_path / "unanswered.csv"
    csv_download.value.save_as(csv_path)
    assert UNCLEAR in csv_path.read_text(encoding="utf-8-sig")

    with page.expect_download() as review_download:
        page.click("#review-export")
    review_path = tmp_path / "labelled_nlu.yml"
    review_download.value.save_as(review_path)
    assert UNCLEAR_AGAIN in review_path.read_text(encoding="utf-8")
    page.screenshot(path=str(ARTIFACTS / "report-labelled.png"), full_page=True)
