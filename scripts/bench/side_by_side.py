#!/usr/bin/env python3
"""The project against a minimal Rasa 3.6 bot, side by side, over the REST webhook (make bench).

    .venv/bin/python scripts/bench/side_by_side.py [--rounds 4] [--units 48] [--max-seconds 120]

The minimal bot (``scripts/bench/minimal_bot/``: jieba + count vectors + DIET, RulePolicy +
Memoization + TED, one custom action on its own action server) is trained on the fly into
``var/bench/`` when its files change, never committed. Both assistants are started on free
loopback ports from the same venv, and the same workload is interleaved between them:

- single questions, each from a fresh sender (an "ordinary turn");
- multi-turn form conversations (the first message starts a form: the "form start" turn).

Two passes: one client sending one message at a time (the bots alternate every round), then
8 concurrent clients (the bots alternate every phase). Then one conversation of 300 turns from
one sender on this project (a turn must not get slower as the conversation grows). Printed: p50, p95, max, throughput,
errors and RSS of both, their ratios, and whether the targets of issue 9 are met. The machine is
shared and noisy, so the figures that matter are the ratios measured in this one run.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import defaultdict
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.e2e.servers import PROJECT_BOT, BotFiles, RunningAssistant, running_assistant  # noqa: E402

MINIMAL_DIR = Path(__file__).resolve().parent / "minimal_bot"
BENCH_DIR = REPO / "var" / "bench"
RASA = Path(sys.executable).with_name("rasa")

QUESTIONS = [
    "补贴多少？",
    "托管服务具体包括哪些内容？",
    "公司注销了，托管还继续吗",
    "能帮我交社保吗",
    "签了服务协议多少天内要备案",
    "这个办法什么时候开始施行",
    "我们机构想成为托管服务机构，需要什么条件",
    "托管要不要钱",
]
# Multi-turn conversations: the first message starts a form, the rest answer its questions.
CONVERSATIONS = [
    ["我们公司能托管吗", "是", "45", "是", "都不是", "上一年度已入库科技型中小企业"],
    ["我们公司能托管吗", "都在坪山", "30人", "正常", "不是", "去年有一起劳动仲裁"],
]
CLIENTS = 8
# One sender, many turns in one session: the cost of a turn must not grow with the conversation.
LONG_CONVERSATION_TURNS = 300
LONG_CONVERSATION_CYCLE = [
    "我们公司能托管吗",
    "是",
    "45",
    "正常",
    "都不是",
    "去年有一起劳动仲裁",
    "补贴多少？",
    "已解决",
    "能帮我交社保吗",
    "谢谢",
]

# Targets of issue 9, as ratios measured in the same run.
P50_RATIO_MAX = 1.2
THROUGHPUT_RATIO_MIN = 1.0
FORM_START_RATIO_MAX = 1.5
LONG_CONVERSATION_RATIO_MAX = 1.5  # issue 10: turns 291–300 p50 ≤ 1.5 × turns 1–10


@dataclass
class Figures:
    """Latencies (ms) by kind of turn, errors, and elapsed wall time of the concurrent passes."""

    by_kind: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: int = 0
    messages: int = 0
    busy_seconds: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, ms: float | None) -> None:
        with self.lock:
            self.messages += 1
            if ms is None:
                self.errors += 1
            else:
                self.by_kind[kind].append(ms)

    def all(self) -> list[float]:
        return sorted(itertools.chain.from_iterable(self.by_kind.values()))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def minimal_model() -> Path:
    """The minimal bot's model, trained when its files changed (keyed by their hash)."""
    digest = hashlib.sha256()
    for path in sorted(MINIMAL_DIR.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(MINIMAL_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    name = f"minimal-{digest.hexdigest()[:12]}"
    model = BENCH_DIR / f"{name}.tar.gz"
    if not model.exists():
        print(f">> training the minimal bot ({name})", flush=True)
        subprocess.run(
            [
                str(RASA),
                "train",
                "--config",
                str(MINIMAL_DIR / "config.yml"),
                "--domain",
                str(MINIMAL_DIR / "domain.yml"),
                "--data",
                str(MINIMAL_DIR / "data"),
                "--out",
                str(BENCH_DIR),
                "--fixed-model-name",
                name,
            ],
            cwd=REPO,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return model


def minimal_bot() -> BotFiles:
    return BotFiles(
        model=minimal_model(),
        actions_package="scripts.bench.minimal_bot.actions",
        endpoints=MINIMAL_DIR / "endpoints.yml",
        credentials=MINIMAL_DIR / "credentials.yml",
    )


def units() -> list[list[tuple[str, str]]]:
    """The workload: each unit is one sender's messages, each tagged with its kind of turn."""
    work = [[("question", q)] for q in QUESTIONS]
    for conversation in CONVERSATIONS:
        first, *rest = conversation
        work.append([("form_start", first), *[("form_turn", m) for m in rest]])
    return work


def run_unit(
    session: requests.Session, bot: RunningAssistant, unit: list[tuple[str, str]], out: Figures
) -> None:
    sender = f"bench-{uuid.uuid4().hex[:12]}"
    for kind, text in unit:
        started = time.perf_counter()
        try:
            response = session.post(
                f"{bot.rasa_url}/webhooks/rest/webhook",
                json={"sender": sender, "message": text},
                timeout=60,
            )
            ok = response.status_code == 200 and isinstance(response.json(), list)
        except (requests.RequestException, ValueError):
            ok = False
        out.add(kind, (time.perf_counter() - started) * 1000 if ok else None)


def sequential(bots: dict[str, RunningAssistant], rounds: int) -> dict[str, Figures]:
    figures = {name: Figures() for name in bots}
    sessions = {name: requests.Session() for name in bots}
    names = list(bots)
    for round_index in range(rounds):
        order = names if round_index % 2 == 0 else names[::-1]
        for unit in units():
            for name in order:  # the same unit to both, one right after the other
                run_unit(sessions[name], bots[name], unit, figures[name])
    return figures


class WorkQueue:
    """Units handed to the clients until none are left or the time is up."""

    def __init__(self, work: list[list[tuple[str, str]]], seconds: float) -> None:
        self._work = work
        self._deadline = time.monotonic() + seconds
        self._lock = threading.Lock()

    def take(self) -> list[tuple[str, str]] | None:
        with self._lock:
            if not self._work or time.monotonic() > self._deadline:
                return None
            return self._work.pop()


def client(queue: WorkQueue, bot: RunningAssistant, out: Figures) -> None:
    session = requests.Session()
    while (unit := queue.take()) is not None:
        run_unit(session, bot, unit, out)


def concurrent(
    bots: dict[str, RunningAssistant], total_units: int, max_seconds: float, phases: int = 2
) -> dict[str, Figures]:
    """``CLIENTS`` clients at once against one bot per phase; the bots alternate by phase."""
    figures = {name: Figures() for name in bots}
    names = list(bots)
    per_phase = max(1, total_units // phases)
    schedule = [n for phase in range(phases) for n in (names if phase % 2 == 0 else names[::-1])]
    for name in schedule:
        queue = WorkQueue(
            list(itertools.islice(itertools.cycle(units()), per_phase)), max_seconds / len(schedule)
        )
        started = time.perf_counter()
        threads = [
            threading.Thread(target=client, args=(queue, bots[name], figures[name]))
            for _ in range(CLIENTS)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        figures[name].busy_seconds += time.perf_counter() - started
    return figures


def long_conversation(bot: RunningAssistant, turns: int) -> list[float]:
    """Latency (ms) of each turn of one long conversation from one sender."""
    session = requests.Session()
    sender = f"bench-long-{uuid.uuid4().hex[:8]}"
    latencies = []
    for turn in range(turns):
        text = LONG_CONVERSATION_CYCLE[turn % len(LONG_CONVERSATION_CYCLE)]
        started = time.perf_counter()
        response = session.post(
            f"{bot.rasa_url}/webhooks/rest/webhook",
            json={"sender": sender, "message": text},
            timeout=60,
        )
        response.raise_for_status()
        latencies.append((time.perf_counter() - started) * 1000)
    return latencies


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def row(label: str, a: float, b: float, unit: str = "ms", ratio: bool = True) -> str:
    shown = f"{b / a:5.2f}×" if ratio and a else ""
    return f"  {label:<34} {a:9.0f} {unit:<5} {b:9.0f} {unit:<5} {shown}"


def report(
    seq: dict[str, Figures],
    conc: dict[str, Figures],
    rss: dict[str, tuple[float, float]],
    long: list[float],
) -> bool:
    minimal, project = seq["minimal"], seq["project"]
    print(f"\n{'':36} {'minimal bot':>15} {'this project':>15}  ratio")
    print("REST, 1 client, one message at a time")
    for label, share in (("p50", 0.5), ("p95", 0.95), ("max", 1.0)):
        print(row(label, percentile(minimal.all(), share), percentile(project.all(), share)))
    print(row("errors", minimal.errors, project.errors, "", ratio=False))
    for kind in ("question", "form_start", "form_turn"):
        print(
            row(
                f"p50 of {kind} turns",
                percentile(minimal.by_kind[kind], 0.5),
                percentile(project.by_kind[kind], 0.5),
            )
        )
    print(f"REST, {CLIENTS} concurrent clients")
    through = {
        name: (f.messages - f.errors) / f.busy_seconds if f.busy_seconds else 0.0
        for name, f in conc.items()
    }
    print(
        f"  {'throughput':<34} {through['minimal']:9.1f} msg/s {through['project']:9.1f} msg/s "
        f"{through['project'] / through['minimal']:5.2f}×"
    )
    for label, share in (("p50", 0.5), ("p95", 0.95), ("max", 1.0)):
        print(
            row(
                label,
                percentile(conc["minimal"].all(), share),
                percentile(conc["project"].all(), share),
            )
        )
    print(row("errors", conc["minimal"].errors, conc["project"].errors, "", ratio=False))
    print("memory (RSS after the run)")
    print(row("Rasa server", rss["minimal"][0], rss["project"][0], "MB"))
    print(row("action server", rss["minimal"][1], rss["project"][1], "MB"))

    p50_ratio = percentile(project.all(), 0.5) / percentile(minimal.all(), 0.5)
    throughput_ratio = through["project"] / through["minimal"]
    ordinary = percentile(project.by_kind["question"], 0.5)
    form_start_ratio = percentile(project.by_kind["form_start"], 0.5) / ordinary
    errors = project.errors + conc["project"].errors
    checks = [
        (
            f"project p50 ≤ {P50_RATIO_MAX} × minimal",
            p50_ratio <= P50_RATIO_MAX,
            f"{p50_ratio:.2f}×",
        ),
        (
            f"{CLIENTS}-client throughput ≥ {THROUGHPUT_RATIO_MIN} × minimal",
            throughput_ratio >= THROUGHPUT_RATIO_MIN,
            f"{throughput_ratio:.2f}×",
        ),
        ("project errors = 0", errors == 0, str(errors)),
        (
            f"form-start p50 ≤ {FORM_START_RATIO_MAX} × ordinary turn",
            form_start_ratio <= FORM_START_RATIO_MAX,
            f"{form_start_ratio:.2f}×",
        ),
    ]
    first, last = percentile(long[:10], 0.5), percentile(long[-10:], 0.5)
    long_ratio = last / first
    print(f"one conversation of {len(long)} turns from one sender (this project)")
    print(f"  {'p50 of turns 1–10':<34} {first:9.0f} ms")
    print(f"  {f'p50 of turns {len(long) - 9}–{len(long)}':<34} {last:9.0f} ms {long_ratio:5.2f}×")
    checks.append(
        (
            f"turns {len(long) - 9}–{len(long)} p50 ≤ {LONG_CONVERSATION_RATIO_MAX} × turns 1–10",
            long_ratio <= LONG_CONVERSATION_RATIO_MAX,
            f"{long_ratio:.2f}×",
        )
    )
    print("targets (issues 9 and 10)")
    for label, met, value in checks:
        print(f"  {'met    ' if met else 'NOT MET'} {label:<46} {value}")
    return all(met for _, met, _ in checks)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=4, help="sequential rounds of the workload")
    parser.add_argument(
        "--units", type=int, default=64, help="conversations in the concurrent pass, per bot"
    )
    parser.add_argument(
        "--max-seconds", type=float, default=240, help="time bound of the concurrent pass"
    )
    parser.add_argument(
        "--long-turns",
        type=int,
        default=LONG_CONVERSATION_TURNS,
        help="turns of the one long conversation",
    )
    args = parser.parse_args()
    minimal_files = minimal_bot()
    with ExitStack() as stack:
        t0 = time.monotonic()
        bots = {
            "minimal": stack.enter_context(
                running_assistant(
                    Path(tempfile.mkdtemp(prefix="bench-minimal-")), bot=minimal_files
                )
            ),
            "project": stack.enter_context(
                running_assistant(Path(tempfile.mkdtemp(prefix="bench-project-")), bot=PROJECT_BOT)
            ),
        }
        print(f"both assistants up in {time.monotonic() - t0:.1f} s", flush=True)
        warm = Figures()
        for bot in bots.values():
            for unit in units():
                run_unit(requests.Session(), bot, unit, warm)
        seq = sequential(bots, args.rounds)
        conc = concurrent(bots, args.units, args.max_seconds)
        long = long_conversation(bots["project"], args.long_turns)
        rss = {name: (rss_mb(b.rasa_pid), rss_mb(b.actions_pid)) for name, b in bots.items()}
        met = report(seq, conc, rss, long)
        print(
            f"seq messages per bot: {seq['project'].messages}; concurrent: {conc['project'].messages}"
        )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
