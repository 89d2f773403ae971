"""Start real servers on loopback for the cluster and the tests: Redis, PostgreSQL, HAProxy.

Each ``running_*`` context manager starts Debian's server as a child process on a port of
127.0.0.1, waits until it answers, yields how to reach it, and stops it on exit (the data stay
in the directory given, so a second start finds them). PostgreSQL refuses to run as root: when
this runs as root (CI does), ``initdb`` and ``postgres`` run as the ``postgres`` user that
Debian's package creates. ``make cluster-deps`` installs the packages when they are missing.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

PG_BIN = Path("/usr/lib/postgresql/15/bin")
PG_USER = "postgres"  # the system user Debian's postgresql package creates


class ServiceError(RuntimeError):
    """A server did not start; the message names its log."""


# Ports handed out by this process. A port asked of the kernel with bind(0) comes from its
# ephemeral range, the range it also uses for outgoing connections: while a Rasa server loads
# its model (a minute), a health check or a database connection may take the port it was
# promised, and the server then fails to bind. So ports are chosen below that range, and
# never twice in one process.
_GIVEN: set[int] = set()
_RANGE_FILE = Path("/proc/sys/net/ipv4/ip_local_port_range")


def _ephemeral_range() -> tuple[int, int]:
    try:
        low, high = _RANGE_FILE.read_text().split()
        return int(low), int(high)
    except (OSError, ValueError):
        return 32768, 60999  # Linux's default


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free now, outside the ephemeral range, not given before.

    Raises ``ServiceError`` when no such port is found in 200 tries.
    """
    low, high = _ephemeral_range()
    # below the ephemeral range when it leaves room there (Linux's default leaves 10000–32767)
    start, end = (10000, low - 1) if low > 12000 else (high + 1, 65535)
    for _ in range(200):
        port = secrets.randbelow(end - start + 1) + start
        if port in _GIVEN:
            continue
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
        _GIVEN.add(port)
        return port
    raise ServiceError(f"no free port found in {start}–{end}")


def port_open(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.5)
        return s.connect_ex((host, port)) == 0


def wait_for_port(port: int, process: subprocess.Popen | None, log: Path, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise ServiceError(f"exited early (code {process.returncode}); log {log}:\n{tail(log)}")
        if port_open(port):
            return
        time.sleep(0.2)
    raise ServiceError(f"port {port} not open after {seconds:.0f} s; log {log}:\n{tail(log)}")


def tail(log: Path, chars: int = 2000) -> str:
    """The last ``chars`` characters of ``log``, for an error message."""
    return log.read_text(errors="replace")[-chars:] if log.exists() else "(no log)"


def stop(process: subprocess.Popen, seconds: float = 20) -> None:
    """SIGTERM, then SIGKILL if it has not ended after ``seconds``."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def secret(path: Path) -> str:
    """A random secret kept in ``path`` (mode 600), made on first use."""
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(24)
    path.write_text(value + "\n")
    path.chmod(0o600)
    return value


def _as_postgres(command: list[str]) -> list[str]:
    """Run as the postgres user when we are root (PostgreSQL refuses root)."""
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", PG_USER, "--", *command]


def _owned_by_postgres(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(path, user=PG_USER, group=PG_USER)


def require(*programs: str) -> None:
    missing = [p for p in programs if shutil.which(p) is None and not Path(p).exists()]
    if missing:
        raise ServiceError(f"not installed: {', '.join(missing)} (run `make cluster-deps`)")


@contextmanager
def running_redis(directory: Path, port: int, password: str) -> Iterator[str]:
    """Redis 7 on 127.0.0.1:``port`` with ``password``; yields its URL (db 0). Nothing is saved
    to disk: the locks and de-duplication keys it holds are short-lived by design."""
    require("redis-server")
    directory.mkdir(parents=True, exist_ok=True)
    log = directory / "redis.log"
    process = subprocess.Popen(
        [
            "redis-server",
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            "--requirepass",
            password,
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(directory),
        ],
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for_port(port, process, log, 20)
        yield f"redis://:{password}@127.0.0.1:{port}/0"
    finally:
        stop(process)


@contextmanager
def running_postgres(
    directory: Path, port: int, password: str, user: str = "tuoguan", database: str = "tuoguan"
) -> Iterator[str]:
    """PostgreSQL 15 with its own data directory, on 127.0.0.1:``port``; yields the
    SQLAlchemy URL of ``database`` (created on first start, owned by ``user``)."""
    require(str(PG_BIN / "initdb"), str(PG_BIN / "pg_ctl"))
    data, run = directory / "data", directory / "run"
    _owned_by_postgres(directory)
    _owned_by_postgres(run)
    log = directory / "postgres.log"
    if not (data / "PG_VERSION").exists():
        pwfile = directory / "initdb.pw"
        pwfile.write_text(password + "\n")
        if os.geteuid() == 0:
            shutil.chown(pwfile, user=PG_USER, group=PG_USER)
        pwfile.chmod(0o600)
        try:
            subprocess.run(
                _as_postgres(
                    [
                        str(PG_BIN / "initdb"),
                        "-D",
                        str(data),
                        "-U",
                        user,
                        f"--pwfile={pwfile}",
                        "--auth=scram-sha-256",
                        "--encoding=UTF8",
                        "--locale=C.UTF-8",
                    ]
                ),
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
        finally:
            pwfile.unlink(missing_ok=True)
    subprocess.run(
        _as_postgres(
            [
                str(PG_BIN / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(log),
                "-w",
                "-o",
                f"-p {port} -k {run} -c listen_addresses=127.0.0.1",
                "start",
            ]
        ),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, None, log, 30)
        _create_database(port, user, password, database)
        yield f"postgresql://{user}:{password}@127.0.0.1:{port}/{database}"
    finally:
        subprocess.run(
            _as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )


def _create_database(port: int, user: str, password: str, database: str) -> None:
    import psycopg2

    connection = psycopg2.connect(
        host="127.0.0.1", port=port, user=user, password=password, dbname="postgres"
    )
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", (database,))
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{database}" OWNER "{user}"')
    connection.close()


# Settings of deploy/haproxy.cfg: only those passed to running_haproxy apply, never a stray one
# from the caller's environment (an exported PUBLIC_REST would open a door).
HAPROXY_SETTINGS = (
    "FRONT_BIND",
    "TLS_",
    "RASA_",
    "ACTIONS_BIND",
    "ACTION_",
    "PUBLIC_REST",
    "RATE_LIMIT",
    "CONSOLE_RATE_LIMIT",
    "WECHAT_ERROR_LIMIT",
    "MAX_BODY_BYTES",
)


@contextmanager
def running_haproxy(
    config: Path, env: Mapping[str, str], directory: Path, ports: list[int]
) -> Iterator[subprocess.Popen]:
    """HAProxy in the foreground with ``config``, whose ``"${VAR}"`` settings come from
    ``env``; waits until every port of ``ports`` listens."""
    require("haproxy")
    directory.mkdir(parents=True, exist_ok=True)
    log = directory / "haproxy.log"
    environ = {k: v for k, v in os.environ.items() if not k.startswith(HAPROXY_SETTINGS)}
    check = subprocess.run(
        ["haproxy", "-c", "-f", str(config)],
        env={**environ, **env},
        capture_output=True,
        text=True,
    )
    if check.returncode != 0:
        raise ServiceError(f"{config} is not valid:\n{check.stdout}{check.stderr}")
    process = subprocess.Popen(
        ["haproxy", "-db", "-f", str(config)],
        env={**environ, **env},
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    try:
        for port in ports:
            wait_for_port(port, process, log, 20)
        yield process
    finally:
        stop(process)
