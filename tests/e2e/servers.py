"""Start the real action server and Rasa server on free loopback ports for end-to-end tests."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import requests

from bot.storage.migrate import upgrade
from scripts.services import free_port

REPO = Path(__file__).resolve().parents[2]
RASA = Path(sys.executable).with_name("rasa")
MODEL = REPO / "models" / "tuoguan.tar.gz"


@dataclass
class RunningAssistant:
    rasa_url: str
    actions_url: str
    log_dir: Path
    rasa_pid: int = 0
    actions_pid: int = 0
    env: dict[str, str] = field(default_factory=dict)

    def ask(self, sender: str, message: str) -> list[dict]:
        """Send one message over the REST channel and return the bot's messages."""
        response = requests.post(
            f"{self.rasa_url}/webhooks/rest/webhook",
            json={"sender": sender, "message": message},
            timeout=60,
        )
        response.raise_for_status()
        return list(response.json())


def _wait_until_up(url: str, process: subprocess.Popen, log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited early; log:\n{log.read_text()[-3000:]}")
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{url} not up after {timeout}s; log:\n{log.read_text()[-3000:]}")


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@dataclass(frozen=True)
class BotFiles:
    """What a Rasa bot is started from: its model, its actions package and its settings files."""

    model: Path = MODEL
    actions_package: str = "actions"
    endpoints: Path = REPO / "bot" / "endpoints.yml"
    credentials: Path = REPO / "bot" / "credentials.yml"


PROJECT_BOT = BotFiles()


@contextmanager
def running_assistant(
    log_dir: Path, extra_env: dict[str, str] | None = None, bot: BotFiles = PROJECT_BOT
) -> Iterator[RunningAssistant]:
    """Both servers, started from the trained model, stopped on exit."""
    if not bot.model.exists():
        raise FileNotFoundError(f"{bot.model} is missing: run `make train` first")
    actions_port, rasa_port = free_port(), free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{actions_port}/webhook",
        "RASA_TELEMETRY_ENABLED": "false",
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "SANIC_HOST": "127.0.0.1",  # the action server listens on loopback only
        **(extra_env or {}),
    }
    log_dir.mkdir(parents=True, exist_ok=True)
    # each run keeps its conversations and records beside its logs unless told otherwise
    env.setdefault("TRACKER_STORE_URL", f"sqlite:///{log_dir / 'tracker.sqlite3'}")
    env.setdefault("STORE_URL", f"sqlite:///{log_dir / 'conversations.sqlite3'}")
    upgrade(env["STORE_URL"])  # the store's schema, as `make migrate` brings it
    actions_log, rasa_log = log_dir / "actions.log", log_dir / "rasa.log"
    actions = subprocess.Popen(
        [
            str(RASA),
            "run",
            "actions",
            "--actions",
            bot.actions_package,
            "--port",
            str(actions_port),
        ],
        cwd=REPO,
        env=env,
        stdout=actions_log.open("w"),
        stderr=subprocess.STDOUT,
    )
    rasa = None
    try:
        _wait_until_up(f"http://127.0.0.1:{actions_port}/health", actions, actions_log, 120)
        rasa = subprocess.Popen(
            [
                str(RASA),
                "run",
                "--model",
                str(bot.model),
                "--enable-api",
                "--interface",
                "127.0.0.1",
                "--port",
                str(rasa_port),
                "--endpoints",
                str(bot.endpoints),
                "--credentials",
                str(bot.credentials),
            ],
            cwd=REPO,
            env=env,
            stdout=rasa_log.open("w"),
            stderr=subprocess.STDOUT,
        )
        _wait_until_up(f"http://127.0.0.1:{rasa_port}/status", rasa, rasa_log, 300)
        yield RunningAssistant(
            rasa_url=f"http://127.0.0.1:{rasa_port}",
            actions_url=f"http://127.0.0.1:{actions_port}",
            log_dir=log_dir,
            rasa_pid=rasa.pid,
            actions_pid=actions.pid,
            env=dict(extra_env or {}),
        )
    finally:
        if rasa is not None:
            _stop(rasa)
        _stop(actions)
