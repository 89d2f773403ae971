#!/usr/bin/env python3
"""The production shape on one machine (make cluster): every server on loopback, Ctrl-C stops all.

    .venv/bin/python scripts/cluster.py        # what `make cluster` runs

Starts PostgreSQL 15 (the tracker store and the project's store share one database), Redis 7
(the lock store), two action servers behind HAProxy's internal front, two Rasa servers that
share both stores, and HAProxy's public front on 127.0.0.1:5005, round-robin with no
stickiness. The configuration is deploy/haproxy.cfg and deploy/endpoints.yml, the files a
deployment uses with real hosts. Data and logs live under var/cluster/ (a second start finds
the database again); passwords and the Rasa API token are made there on first start (mode 600).

The end-to-end tests (tests/cluster/) start the same cluster on free ports with :class:`Cluster`.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from scripts.services import (  # noqa: E402
    ServiceError,
    free_port,
    running_haproxy,
    running_postgres,
    running_redis,
    secret,
    stop,
    tail,
    wait_for_port,
)

RASA = Path(sys.executable).with_name("rasa")
MODEL = REPO / "models" / "tuoguan.tar.gz"
INSTANCES = 2


@dataclass(frozen=True)
class ClusterPorts:
    """Where each server listens on 127.0.0.1."""

    front: int = 5005
    rasa: tuple[int, ...] = (5006, 5007)
    actions_front: int = 5055
    actions: tuple[int, ...] = (5056, 5057)
    postgres: int = 5433
    redis: int = 6380

    @classmethod
    def free(cls) -> ClusterPorts:
        """Free ports for a test cluster beside a running `make run` or `make cluster`."""
        return cls(
            front=free_port(),
            rasa=tuple(free_port() for _ in range(INSTANCES)),
            actions_front=free_port(),
            actions=tuple(free_port() for _ in range(INSTANCES)),
            postgres=free_port(),
            redis=free_port(),
        )


@dataclass
class Cluster:
    """The servers of the production shape, started in order and stopped in reverse.

    ``env`` adds settings for the Rasa and action servers (channel tokens, the as-of date);
    ``edge`` adds settings for HAProxy (deploy/haproxy.cfg lists them). On loopback REST is
    public by default (``PUBLIC_REST``), as `make run` serves it.
    """

    directory: Path
    ports: ClusterPorts = field(default_factory=ClusterPorts)
    env: dict[str, str] = field(default_factory=dict)
    edge: dict[str, str] = field(default_factory=lambda: {"PUBLIC_REST": "1"})
    _stack: ExitStack = field(default_factory=ExitStack)
    _rasa: dict[int, subprocess.Popen] = field(default_factory=dict)
    _actions: dict[int, subprocess.Popen] = field(default_factory=dict)
    database_url: str = ""
    lock_store_url: str = ""

    @property
    def front_url(self) -> str:
        return f"http://127.0.0.1:{self.ports.front}"

    def rasa_url(self, index: int) -> str:
        return f"http://127.0.0.1:{self.ports.rasa[index]}"

    @property
    def api_token(self) -> str:
        return secret(self.directory / "secrets" / "rasa-api-token")

    @property
    def haproxy_log(self) -> Path:
        return self.directory / "haproxy" / "haproxy.log"

    def __enter__(self) -> Cluster:
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        if not MODEL.exists():
            raise ServiceError(f"{MODEL} is missing: run `make train` first")
        secrets_dir = self.directory / "secrets"
        self.database_url = self._stack.enter_context(
            running_postgres(
                self.directory / "postgres",
                self.ports.postgres,
                secret(secrets_dir / "postgres-password"),
            )
        )
        self.lock_store_url = self._stack.enter_context(
            running_redis(
                self.directory / "redis", self.ports.redis, secret(secrets_dir / "redis-password")
            )
        )
        subprocess.run(
            [sys.executable, "-m", "bot.storage.migrate", self.database_url],
            cwd=REPO,
            env=self._server_env(),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        for index in range(len(self.ports.actions)):
            self._start_actions(index)
        self._stack.enter_context(
            running_haproxy(
                REPO / "deploy" / "haproxy.cfg",
                self._haproxy_env(),
                self.directory / "haproxy",
                [self.ports.front, self.ports.actions_front],
            )
        )
        for index in range(len(self.ports.rasa)):
            self.start_rasa(index, wait=False)
        for index in range(len(self.ports.rasa)):
            self.wait_rasa(index)

    def stop(self) -> None:
        for process in [*self._rasa.values(), *self._actions.values()]:
            stop(process)
        self._rasa.clear()
        self._actions.clear()
        self._stack.close()

    def _server_env(self) -> dict[str, str]:
        return {
            **os.environ,
            "PYTHONPATH": str(REPO),
            "RASA_TELEMETRY_ENABLED": "false",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            "TF_CPP_MIN_LOG_LEVEL": "2",
            "SANIC_HOST": "127.0.0.1",
            "TRACKER_STORE_URL": self.database_url,
            "STORE_URL": self.database_url,
            "REDIS_URL": self.lock_store_url,
            "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{self.ports.actions_front}/webhook",
            **self.env,
        }

    def _haproxy_env(self) -> dict[str, str]:
        env = {
            "FRONT_BIND": f"127.0.0.1:{self.ports.front}",
            "ACTIONS_BIND": f"127.0.0.1:{self.ports.actions_front}",
        }
        for index, port in enumerate(self.ports.rasa, start=1):
            env[f"RASA_{index}"] = f"127.0.0.1:{port}"
        for index, port in enumerate(self.ports.actions, start=1):
            env[f"ACTION_{index}"] = f"127.0.0.1:{port}"
        return {**env, **self.edge}

    def _log(self, name: str) -> Path:
        (self.directory / "logs").mkdir(parents=True, exist_ok=True)
        return self.directory / "logs" / name

    def _start_actions(self, index: int) -> None:
        port = self.ports.actions[index]
        log = self._log(f"actions-{index + 1}.log")
        process = subprocess.Popen(
            [str(RASA), "run", "actions", "--actions", "actions", "--port", str(port)],
            cwd=REPO,
            env=self._server_env(),
            stdout=log.open("a"),
            stderr=subprocess.STDOUT,
        )
        self._actions[index] = process
        wait_for_port(port, process, log, 120)

    def start_rasa(self, index: int, wait: bool = True) -> None:
        """Start Rasa server ``index`` (0 or 1); ``wait`` until its model is loaded."""
        port = self.ports.rasa[index]
        log = self._log(f"rasa-{index + 1}.log")
        self._rasa[index] = subprocess.Popen(
            [
                str(RASA),
                "run",
                "--model",
                str(MODEL),
                "--enable-api",
                "--auth-token",
                self.api_token,
                "--interface",
                "127.0.0.1",
                "--port",
                str(port),
                "--endpoints",
                str(REPO / "deploy" / "endpoints.yml"),
                "--credentials",
                str(REPO / "bot" / "credentials.yml"),
            ],
            cwd=REPO,
            env=self._server_env(),
            stdout=log.open("a"),
            stderr=subprocess.STDOUT,
        )
        if wait:
            self.wait_rasa(index)

    def wait_rasa(self, index: int, seconds: float = 300) -> None:
        """Until Rasa server ``index`` has loaded its model and HAProxy sees it up."""
        process, log = self._rasa[index], self._log(f"rasa-{index + 1}.log")
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise ServiceError(f"Rasa {index + 1} exited; log {log}:\n{tail(log)}")
            try:
                status = requests.get(
                    f"{self.rasa_url(index)}/status", params={"token": self.api_token}, timeout=2
                )
                if status.status_code == 200 and status.json().get("model_file"):
                    time.sleep(2.5)  # two HAProxy health checks (inter 1s, rise 2)
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise ServiceError(
            f"Rasa {index + 1} not up after {seconds:.0f} s; log {log}:\n{tail(log)}"
        )

    def kill_rasa(self, index: int) -> None:
        """SIGKILL Rasa server ``index``, as a crash or an OOM kill would end it."""
        process = self._rasa.pop(index)
        process.send_signal(signal.SIGKILL)
        process.wait()

    def stop_rasa(self, index: int) -> None:
        stop(self._rasa.pop(index))


def main() -> int:
    directory = REPO / "var" / "cluster"
    with Cluster(directory) as cluster:
        print(
            f"""
>> cluster up (data and logs under {directory.relative_to(REPO)}/):
   public front (HAProxy)  {cluster.front_url}   /chat  /assist  /webhooks/wechat/webhook  /webhooks/rest/webhook
   Rasa servers            {cluster.rasa_url(0)}  {cluster.rasa_url(1)}
   action servers          127.0.0.1:{cluster.ports.actions[0]}  127.0.0.1:{cluster.ports.actions[1]} (behind 127.0.0.1:{cluster.ports.actions_front})
   PostgreSQL 15           127.0.0.1:{cluster.ports.postgres} (tracker store and project store)
   Redis 7                 127.0.0.1:{cluster.ports.redis} (lock store)
   Ctrl-C stops everything.""",
            flush=True,
        )
        stopped = False

        def request_stop(*_: object) -> None:
            nonlocal stopped
            stopped = True

        signal.signal(signal.SIGTERM, request_stop)
        try:
            while not stopped:
                time.sleep(0.5)
        except KeyboardInterrupt:
            pass
        print(">> stopping the cluster", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
