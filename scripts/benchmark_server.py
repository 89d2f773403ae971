#!/usr/bin/env python3
"""Start the real servers on loopback, ask a fixed set of questions, print latency and memory.

    .venv/bin/python scripts/benchmark_server.py [--rounds 5]

Figures, not assertions: the README quotes what this prints on the project's 2-core machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.e2e.servers import running_assistant  # noqa: E402

QUESTIONS = [
    "补贴多少？",
    "托管服务具体包括哪些内容？",
    "公司注销了，托管还继续吗",
    "能帮我交社保吗",
    "签了服务协议多少天内要备案",
    "这个办法什么时候开始施行",
    "我们机构想成为托管服务机构，需要什么条件",
    "我们公司注册、纳税和经营都在坪山区，现在45名员工，正常经营，不是劳务派遣，去年发生过一起劳动仲裁案件，能托管吗？",
]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    started = time.monotonic()
    with running_assistant(Path(tempfile.mkdtemp(prefix="bench-"))) as assistant:
        startup = time.monotonic() - started
        timings = []
        for _ in range(args.rounds):
            for question in QUESTIONS:
                t0 = time.perf_counter()
                assistant.ask(f"bench-{uuid.uuid4().hex[:8]}", question)
                timings.append((time.perf_counter() - t0) * 1000)
        timings.sort()
        p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
        print(f"servers up in {startup:.1f} s")
        print(
            f"REST webhook, {len(timings)} questions one at a time: p50 {statistics.median(timings):.0f} ms, "
            f"p95 {p95:.0f} ms, max {timings[-1]:.0f} ms"
        )
        print(
            f"memory (RSS): Rasa server {rss_mb(assistant.rasa_pid):.0f} MB, "
            f"action server {rss_mb(assistant.actions_pid):.0f} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
