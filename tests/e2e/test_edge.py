"""The public edge, tried as an attacker and as a user would: HAProxy with deploy/haproxy.cfg in
front of the real servers, on loopback, with a self-signed certificate made for the test."""

from __future__ import annotations

import datetime as dt
import http.client
import ipaddress
import json
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from scripts.services import free_port, running_haproxy
from tests.e2e.conftest import E2E_ASSIST_TOKEN, E2E_WECHAT_TOKEN
from tests.e2e.servers import REPO, RunningAssistant
from tests.e2e.test_wechat_channel import text_xml, wechat_signature

RATE_LIMIT = 40  # requests per 10 s for this test's edge (deploy default: 100)


@dataclass
class Edge:
    http: str
    https: str
    port: int
    certificate: Path


def self_signed(directory: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key, as one PEM for HAProxy and the certificate alone."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.timezone.utc)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_pem = certificate.public_bytes(serialization.Encoding.PEM)
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    combined, alone = directory / "edge.pem", directory / "edge.crt"
    combined.write_bytes(cert_pem + key_pem)
    combined.chmod(0o600)
    alone.write_bytes(cert_pem)
    return combined, alone


@pytest.fixture(scope="module")
def edge(assistant: RunningAssistant, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Edge]:
    directory = tmp_path_factory.mktemp("edge")
    pem, certificate = self_signed(directory)
    rasa, actions = assistant.rasa_url.rsplit(":", 1)[1], assistant.actions_url.rsplit(":", 1)[1]
    front, tls, actions_front = free_port(), free_port(), free_port()
    env = {
        "FRONT_BIND": f"127.0.0.1:{front}",
        "TLS_BIND": f"127.0.0.1:{tls}",
        "TLS_CERT": str(pem),
        "RASA_1": f"127.0.0.1:{rasa}",
        "RASA_2": f"127.0.0.1:{rasa}",
        "ACTIONS_BIND": f"127.0.0.1:{actions_front}",
        "ACTION_1": f"127.0.0.1:{actions}",
        "ACTION_2": f"127.0.0.1:{actions}",
        "RATE_LIMIT": str(RATE_LIMIT),
    }
    with running_haproxy(REPO / "deploy" / "haproxy.cfg", env, directory, [front, tls]):
        time.sleep(2.5)  # the health checks mark the servers up
        yield Edge(f"http://127.0.0.1:{front}", f"https://127.0.0.1:{tls}", front, certificate)


FORBIDDEN = [
    pytest.param("GET", "/conversations/someone/tracker", id="reading a conversation"),
    pytest.param("POST", "/conversations/someone/tracker/events", id="rewriting a conversation"),
    pytest.param("PUT", "/model", id="replacing the model"),
    pytest.param("GET", "/status", id="the server status"),
    pytest.param("GET", "/version", id="the version"),
    pytest.param("GET", "/", id="the server root"),
    pytest.param("POST", "/webhook", id="the action server"),
    pytest.param("POST", "/webhooks/rest/webhook", id="REST while it is not enabled"),
    pytest.param("GET", "/chatroom", id="a path that only starts like a door"),
]


@pytest.mark.parametrize(("method", "path"), FORBIDDEN)
def test_only_the_public_doors_pass_the_balancer(edge: Edge, method: str, path: str) -> None:
    reply = requests.request(method, f"{edge.http}{path}", json={}, timeout=30)
    assert reply.status_code in (403, 404)
    assert "没有这个页面" in reply.json()["error"]


def test_the_public_doors_work(edge: Edge) -> None:
    page = requests.get(f"{edge.http}/chat", timeout=30)
    assert page.status_code == 200 and "<html" in page.text.lower()
    sender = f"edge-{uuid.uuid4().hex[:8]}"
    chat = requests.post(
        f"{edge.http}/chat/api/message",
        json={"sender": sender, "message": "补贴多少？"},
        timeout=60,
    )
    assert chat.status_code == 200 and "第十九条" in json.dumps(chat.json(), ensure_ascii=False)
    console = requests.get(
        f"{edge.http}/assist/api/session",
        headers={"Authorization": f"Bearer {E2E_ASSIST_TOKEN}"},
        timeout=30,
    )
    assert console.status_code == 200
    assert requests.get(f"{edge.http}/assist", timeout=30).status_code == 200


def _get_from(source: str, port: int, path: str) -> int:
    """One request from ``source`` (another loopback address is another client)."""
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=30, source_address=(source, 0)
    )
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def _post_from(source: str, port: int, path: str, body: dict) -> tuple[int, float]:
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=60, source_address=(source, 0)
    )
    started = time.perf_counter()
    try:
        connection.request(
            "POST", path, json.dumps(body).encode(), {"Content-Type": "application/json"}
        )
        response = connection.getresponse()
        response.read()
        return response.status, time.perf_counter() - started
    finally:
        connection.close()


def test_a_flooding_client_is_limited_while_another_client_talks_on(edge: Edge) -> None:
    flood_statuses: list[int] = []
    stop = threading.Event()

    def flood() -> None:  # 50 requests a second from 127.0.0.2
        while not stop.is_set():
            flood_statuses.append(_get_from("127.0.0.2", edge.port, "/chat"))
            time.sleep(0.02)

    flooding = threading.Thread(target=flood)
    flooding.start()
    try:
        time.sleep(1.5)
        sender = f"edge-calm-{uuid.uuid4().hex[:8]}"
        calm = [
            _post_from(
                "127.0.0.3", edge.port, "/chat/api/message", {"sender": sender, "message": m}
            )
            for m in ("我们公司能托管吗", "是", "45")
        ]
    finally:
        stop.set()
        flooding.join()
    assert 429 in flood_statuses and flood_statuses[0] == 200
    assert all(status == 200 for status, _ in calm)
    assert max(seconds for _, seconds in calm) < 5


def test_a_signed_wechat_burst_with_retries_is_never_limited(edge: Edge) -> None:
    statuses: list[int] = []
    for user in range(20):
        openid = f"oEdge{user:02d}{uuid.uuid4().hex[:6]}"
        xml = text_xml(openid, "补贴多少", 40_000_000 + user)
        for _attempt in range(3):  # WeChat's first attempt and its two retries
            timestamp, nonce = str(int(time.time())), uuid.uuid4().hex[:10]
            reply = requests.post(
                f"{edge.http}/webhooks/wechat/webhook",
                params={
                    "signature": wechat_signature(E2E_WECHAT_TOKEN, timestamp, nonce),
                    "timestamp": timestamp,
                    "nonce": nonce,
                },
                data=xml.encode(),
                timeout=60,
            )
            statuses.append(reply.status_code)
    assert statuses == [200] * 60


def test_a_client_sending_bad_wechat_signatures_is_stopped(edge: Edge) -> None:
    statuses = [
        _post_from(
            "127.0.0.4", edge.port, "/webhooks/wechat/webhook?signature=x&timestamp=1&nonce=1", {}
        )[0]
        for _ in range(30)
    ]
    assert statuses[0] == 403 and statuses[-1] == 429


def test_a_two_megabyte_body_is_refused_at_the_edge(edge: Edge) -> None:
    body = {"sender": "edge-big", "message": "问" * (1024 * 1024)}
    reply = requests.post(f"{edge.http}/chat/api/message", json=body, timeout=30)
    assert reply.status_code == 413 and "请求过大" in reply.json()["error"]


def test_the_https_front_answers_with_its_certificate_and_hsts(edge: Edge) -> None:
    reply = requests.get(f"{edge.https}/chat", verify=str(edge.certificate), timeout=30)
    assert reply.status_code == 200
    assert reply.headers["Strict-Transport-Security"].startswith("max-age=")
    assert reply.headers["Content-Security-Policy"]  # the page's own security headers pass


class EchoHeaders(BaseHTTPRequestHandler):
    """A stand-in server behind the edge that answers with the headers it received."""

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        body = json.dumps({k.lower(): v for k, v in self.headers.items()}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_the_servers_see_the_real_client_whatever_it_claims(tmp_path: Path) -> None:
    echo = ThreadingHTTPServer(("127.0.0.1", free_port()), EchoHeaders)
    threading.Thread(target=echo.serve_forever, daemon=True).start()
    front = free_port()
    backend = f"127.0.0.1:{echo.server_port}"
    env = {"FRONT_BIND": f"127.0.0.1:{front}", "RASA_1": backend, "RASA_2": backend}
    env |= {"ACTIONS_BIND": f"127.0.0.1:{free_port()}", "ACTION_1": backend, "ACTION_2": backend}
    try:
        with running_haproxy(REPO / "deploy" / "haproxy.cfg", env, tmp_path, [front]):
            connection = http.client.HTTPConnection(
                "127.0.0.1", front, timeout=30, source_address=("127.0.0.5", 0)
            )
            connection.request("GET", "/chat", headers={"X-Forwarded-For": "6.6.6.6"})
            seen = json.loads(connection.getresponse().read())
    finally:
        echo.shutdown()
    assert seen["x-forwarded-for"] == "127.0.0.5"
    assert seen["x-request-start"].startswith("t=")


def test_no_token_or_key_appears_in_the_servers_logs(assistant: RunningAssistant) -> None:
    from tests.e2e.conftest import E2E_WECHAT_AES_KEY

    assistant.ask("edge-logs", "补贴多少？")
    logs = "".join(p.read_text(errors="replace") for p in assistant.log_dir.glob("*.log"))
    for secret in (E2E_ASSIST_TOKEN, E2E_WECHAT_TOKEN, E2E_WECHAT_AES_KEY):
        assert secret not in logs
