"""Two Rasa servers behind HAProxy sharing PostgreSQL and Redis: any instance takes any turn."""

from __future__ import annotations

import re
import threading
import time
import uuid

import requests

from scripts.cluster import Cluster
from tests.cluster.conftest import CLUSTER_ASSIST_TOKEN, CLUSTER_REPORT_TOKEN

FORM = ["我们公司能托管吗", "是", "45", "正常", "都不是", "去年有一起劳动仲裁"]


def _ask(url: str, sender: str, message: str) -> str:
    response = requests.post(
        f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": message}, timeout=60
    )
    response.raise_for_status()
    return "\n".join(m.get("text", "") for m in response.json())


def _served_by(cluster: Cluster, count: int) -> list[str]:
    """The Rasa servers HAProxy sent the last ``count`` REST requests to (from its log)."""
    lines = cluster.haproxy_log.read_text().splitlines()
    served = [
        m.group(1)
        for line in lines
        if "POST /webhooks/rest/webhook" in line and (m := re.search(r" rasa/(rasa\d) ", line))
    ]
    return served[-count:]


def _user_texts(cluster: Cluster, sender: str) -> list[str]:
    tracker = requests.get(
        f"{cluster.rasa_url(0)}/conversations/{sender}/tracker",
        params={"token": cluster.api_token},
        timeout=30,
    ).json()
    return [e["text"] for e in tracker["events"] if e["event"] == "user"]


def test_a_form_alternating_between_the_instances_keeps_its_state(cluster: Cluster) -> None:
    sender = f"cl-form-{uuid.uuid4().hex[:8]}"
    replies = [_ask(cluster.front_url, sender, message) for message in FORM]
    served = _served_by(cluster, len(FORM))
    assert all(a != b for a, b in zip(served, served[1:], strict=False)), served
    assert replies[1].startswith("企业现有从业人员多少人")
    assert replies[3].startswith("企业是否属于劳务派遣单位或人力资源服务机构")
    assert replies[-1].startswith("【结论】符合") and "从业人员45人" in replies[-1]


def test_a_killed_instance_loses_no_turn_of_a_form(cluster: Cluster) -> None:
    sender = f"cl-kill-{uuid.uuid4().hex[:8]}"
    _ask(cluster.front_url, sender, FORM[0])
    _ask(cluster.front_url, sender, FORM[1])
    cluster.kill_rasa(0)
    try:
        reply = _ask(cluster.front_url, sender, FORM[2])  # whichever instance HAProxy picks
        assert reply.startswith("企业目前生产经营是否正常")
        reply = _ask(cluster.front_url, sender, FORM[3])
        assert reply.startswith("企业是否属于劳务派遣单位或人力资源服务机构")
    finally:
        cluster.start_rasa(0)
    assert _user_texts(cluster, sender) == FORM[:4]


def test_restarting_both_instances_keeps_every_conversation(cluster: Cluster) -> None:
    sender = f"cl-restart-{uuid.uuid4().hex[:8]}"
    for message in FORM[:3]:
        _ask(cluster.front_url, sender, message)
    for index in (0, 1):
        cluster.stop_rasa(index)
    for index in (0, 1):
        cluster.start_rasa(index, wait=False)
    for index in (0, 1):
        cluster.wait_rasa(index)
    assert _ask(cluster.front_url, sender, FORM[3]).startswith("企业是否属于劳务派遣单位")


def test_five_messages_sent_at_once_are_answered_one_at_a_time_in_order(cluster: Cluster) -> None:
    sender = f"cl-burst-{uuid.uuid4().hex[:8]}"
    questions = {
        "能帮我交社保吗": "第十五条",
        "签了服务协议多少天内要备案": "第十七条",
        "补贴多少？": "第十九条",
        "这个办法什么时候开始施行": "第二十七条",
        "我们机构想成为托管服务机构，需要什么条件": "第八条",
    }
    replies: dict[str, str] = {}

    def send(message: str, delay: float) -> None:
        time.sleep(delay)
        replies[message] = _ask(cluster.front_url, sender, message)

    threads = [
        threading.Thread(target=send, args=(message, 0.01 * i))
        for i, message in enumerate(questions)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert set(replies) == set(questions)  # none lost
    for message, article in questions.items():  # each answered with its own reply
        assert article in replies[message], (message, replies[message])
    assert _user_texts(cluster, sender) == list(questions)  # one at a time, in arrival order


def test_a_handoff_through_one_instance_is_in_the_console_of_the_other(cluster: Cluster) -> None:
    sender = f"cl-handoff-{uuid.uuid4().hex[:8]}"
    _ask(cluster.rasa_url(0), sender, "能帮我交社保吗")
    _ask(cluster.rasa_url(0), sender, "转人工")
    queue = requests.get(
        f"{cluster.rasa_url(1)}/assist/api/handoffs",
        headers={"Authorization": f"Bearer {CLUSTER_ASSIST_TOKEN}"},
        timeout=30,
    ).json()["handoffs"]
    (item,) = [h for h in queue if h["sender_id"] == sender]
    said = [line["text"] for line in item["transcript"] if line["speaker"] == "user"]
    assert said == ["能帮我交社保吗", "转人工"]


def test_behind_the_balancer_the_rasa_api_wants_its_token(cluster: Cluster) -> None:
    refused = requests.get(f"{cluster.rasa_url(0)}/conversations/x/tracker", timeout=30)
    assert refused.status_code == 401
    allowed = requests.get(
        f"{cluster.rasa_url(0)}/status", params={"token": cluster.api_token}, timeout=30
    )
    assert allowed.status_code == 200


def test_no_password_or_token_appears_in_the_logs(cluster: Cluster) -> None:
    secrets = [
        (cluster.directory / "secrets" / name).read_text().strip()
        for name in ("postgres-password", "redis-password", "rasa-api-token")
    ]
    logs = "".join(p.read_text(errors="replace") for p in (cluster.directory / "logs").glob("*"))
    logs += cluster.haproxy_log.read_text(errors="replace")
    assert logs and not [s for s in secrets if s in logs]


def test_the_report_reads_postgresql_through_either_instance(cluster: Cluster) -> None:
    """The operators' report runs its queries on PostgreSQL as on SQLite: a request for a person
    made through HAProxy is in the report of each instance, newest first, and in its handoffs."""
    sender = f"cl-report-{uuid.uuid4().hex[:8]}"
    assert "转人工" in _ask(cluster.front_url, sender, "转人工")
    auth = {"Authorization": f"Bearer {CLUSTER_REPORT_TOKEN}"}
    for instance in (0, 1):
        report = requests.get(
            f"{cluster.rasa_url(instance)}/assist/api/report", headers=auth, timeout=60
        ).json()
        newest = [g["latest"][0] for g in report["unanswered"]["groups"]]
        assert any(
            (m["sender_id"], m["outcome"], m["channel"]) == (sender, "handoff", "rest")
            for m in newest
        )
        assert sender in [h["sender_id"] for h in report["handoffs"]["items"]]
