#!/usr/bin/env python3
"""Load on one instance and on the cluster, in one run (make bench-load).

    .venv/bin/python scripts/bench/load.py [--senders 20] [--conversations 2] [--max-seconds 300]

Against one instance (what `make run` starts: one Rasa and one action server, SQLite) and then
against the cluster (what `make cluster` starts: PostgreSQL, Redis, two action and two Rasa
servers behind HAProxy), each on free loopback ports: ``--senders`` concurrent senders, half over
REST and half over WeChat (plaintext mode, signed as WeChat signs), each holding
``--conversations`` multi-turn conversations in a row (a form answered turn by turn, a side
question, a correction), while one more client keeps sending messages of the longest length
accepted (1,000 characters). Bounded in count and in time.

Printed for each: throughput, p50/p95/p99 latency, 5xx and other errors, WeChat replies over
4.5 s, and lost or out-of-order turns (every conversation's tracker, read back through Rasa's
HTTP API, compared with what was sent). Then the targets of issue 10: 0 errors, 0 lost turns,
0 WeChat replies over 4.5 s, the cluster's throughput ≥ 1.5 × one instance's.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from scripts.cluster import Cluster, ClusterPorts  # noqa: E402
from tests.e2e.servers import running_assistant  # noqa: E402
from tests.e2e.test_wechat_channel import text_xml, wechat_signature  # noqa: E402

WECHAT_TOKEN = "bench-wechat-token"
WECHAT_LIMIT_SECONDS = 4.5
AS_OF = "2023-06-01"
CONVERSATION = [
    "我们公司能托管吗",
    "是",
    "45",
    "正常",
    "能帮我交社保吗",  # a side question in the middle of the form
    "都不是",
    "去年有一起劳动仲裁",
    "不对，我们其实有110人",  # a correction after the verdict
]
CLUSTER_RATIO_MIN = 1.5
_msg_ids = itertools.count(31_000_000_000_000_000 + int(time.time()))


# One more client sends messages of the longest length accepted, all the time: the others'
# latencies show whether a heavy message holds up other conversations.
HEAVY_MESSAGE = "我们公司的情况比较复杂，" * 83 + "能托管吗"  # 1,000 characters


@dataclass
class Result:
    heavy_latencies: list[float] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    wechat_latencies: list[float] = field(default_factory=list)
    server_errors: int = 0
    other_errors: int = 0
    sent: dict[str, list[str]] = field(default_factory=dict)
    seconds: float = 0.0
    lost: int = 0
    out_of_order: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, seconds: float, wechat: bool, status: int | None) -> None:
        with self.lock:
            self.latencies.append(seconds)
            if wechat:
                self.wechat_latencies.append(seconds)
            if status is None:
                self.other_errors += 1
            elif status >= 500:
                self.server_errors += 1
            elif status != 200:
                self.other_errors += 1


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))] if ordered else 0


def send_rest(url: str, sender: str, text: str) -> int | None:
    try:
        return requests.post(
            f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": text}, timeout=60
        ).status_code
    except requests.RequestException:
        return None


def send_wechat(url: str, sender: str, text: str) -> int | None:
    timestamp, nonce = str(int(time.time())), uuid.uuid4().hex[:10]
    params = {
        "signature": wechat_signature(WECHAT_TOKEN, timestamp, nonce),
        "timestamp": timestamp,
        "nonce": nonce,
        "openid": sender,
    }
    try:
        return requests.post(
            f"{url}/webhooks/wechat/webhook",
            params=params,
            data=text_xml(sender, text, next(_msg_ids)).encode("utf-8"),
            headers={"Content-Type": "text/xml"},
            timeout=60,
        ).status_code
    except requests.RequestException:
        return None


def run_load(url: str, senders: int, conversations: int, max_seconds: float) -> Result:
    result = Result()
    deadline = time.monotonic() + max_seconds

    def sender_loop(index: int) -> None:
        wechat = index % 2 == 1
        send: Callable[[str, str, str], int | None] = send_wechat if wechat else send_rest
        for _ in range(conversations):
            sender = f"load{'wx' if wechat else 'rest'}{uuid.uuid4().hex[:12]}"
            with result.lock:
                result.sent[sender] = []
            for text in CONVERSATION:
                if time.monotonic() > deadline:
                    return
                started = time.perf_counter()
                status = send(url, sender, text)
                result.record(time.perf_counter() - started, wechat, status)
                with result.lock:
                    result.sent[sender].append(text)

    done = threading.Event()

    def heavy_loop() -> None:
        sender = f"loadheavy{uuid.uuid4().hex[:12]}"
        while not done.is_set() and time.monotonic() < deadline:
            started = time.perf_counter()
            status = send_rest(url, sender, HEAVY_MESSAGE)
            with result.lock:
                result.heavy_latencies.append(time.perf_counter() - started)
                if status != 200:
                    result.other_errors += 1

    started = time.perf_counter()
    heavy = threading.Thread(target=heavy_loop)
    heavy.start()
    threads = [threading.Thread(target=sender_loop, args=(i,)) for i in range(senders)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.perf_counter() - started
    done.set()
    heavy.join()
    return result


def check_turns(api_url: str, token: str | None, result: Result) -> None:
    """Compare every conversation's stored user messages with what was sent, in order."""
    for sender, sent in result.sent.items():
        params = {"token": token} if token else {}
        tracker = requests.get(
            f"{api_url}/conversations/{sender}/tracker", params=params, timeout=60
        ).json()
        stored = [e["text"] for e in tracker.get("events") or [] if e.get("event") == "user"]
        # WeChat sends a typed button title (「是」) as its payload (/affirm): compare the count,
        # and the order of the messages stored as typed
        result.lost += max(0, len(sent) - len(stored))
        typed = [text for text in stored if not text.startswith("/")]
        if typed != [text for text in sent if text in typed]:
            result.out_of_order += 1


def report(name: str, result: Result) -> float:
    messages = len(result.latencies)
    throughput = messages / result.seconds if result.seconds else 0.0
    over = sum(1 for s in result.wechat_latencies if s > WECHAT_LIMIT_SECONDS)
    print(
        f"{name:<14} {messages:>5} msgs {throughput:6.1f} msg/s  "
        f"p50 {percentile(result.latencies, 0.5) * 1000:6.0f} ms  "
        f"p95 {percentile(result.latencies, 0.95) * 1000:6.0f} ms  "
        f"p99 {percentile(result.latencies, 0.99) * 1000:6.0f} ms  "
        f"5xx {result.server_errors}  other errors {result.other_errors}  "
        f"WeChat > {WECHAT_LIMIT_SECONDS} s: {over}  lost turns {result.lost}  "
        f"out of order {result.out_of_order}",
        flush=True,
    )
    print(
        f"{'':14} meanwhile {len(result.heavy_latencies)} messages of {len(HEAVY_MESSAGE)} "
        f"characters from one more client: p50 {percentile(result.heavy_latencies, 0.5) * 1000:.0f} ms",
        flush=True,
    )
    return throughput


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--senders", type=int, default=20)
    parser.add_argument("--conversations", type=int, default=2, help="per sender, in a row")
    parser.add_argument("--max-seconds", type=float, default=300, help="time bound per target")
    args = parser.parse_args()
    env = {"TUOGUAN_AS_OF": AS_OF, "WECHAT_TOKEN": WECHAT_TOKEN}
    print(
        f"{args.senders} senders × {args.conversations} conversations × {len(CONVERSATION)} turns"
    )

    with running_assistant(Path(tempfile.mkdtemp(prefix="load-single-")), env) as single:
        one = run_load(single.rasa_url, args.senders, args.conversations, args.max_seconds)
        check_turns(single.rasa_url, None, one)
    single_throughput = report("one instance", one)

    directory = Path(tempfile.mkdtemp(prefix="load-cluster-"))
    os.chmod(directory, 0o755)  # PostgreSQL runs as the postgres user
    try:
        with Cluster(directory, ClusterPorts.free(), env) as cluster:
            many = run_load(cluster.front_url, args.senders, args.conversations, args.max_seconds)
            check_turns(cluster.rasa_url(0), cluster.api_token, many)
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    cluster_throughput = report("cluster", many)

    ratio = cluster_throughput / single_throughput if single_throughput else 0.0
    checks = []
    for name, result in (("one instance", one), ("cluster", many)):
        over = sum(1 for s in result.wechat_latencies if s > WECHAT_LIMIT_SECONDS)
        checks += [
            (f"{name}: 0 errors", result.server_errors + result.other_errors == 0),
            (f"{name}: 0 lost or out-of-order turns", result.lost + result.out_of_order == 0),
            (f"{name}: 0 WeChat replies over {WECHAT_LIMIT_SECONDS} s", over == 0),
        ]
    checks.append(
        (
            f"cluster throughput ≥ {CLUSTER_RATIO_MIN} × one instance ({ratio:.2f}×)",
            ratio >= CLUSTER_RATIO_MIN,
        )
    )
    print("targets (issue 10)")
    for label, met in checks:
        print(f"  {'met    ' if met else 'NOT MET'} {label}")
    return 0 if all(met for _, met in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
