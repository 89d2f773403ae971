"""Secrets come from the environment or from files only the service user can read; a server
beyond loopback refuses to start on development defaults."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from bot.secrets import SecretError, check_for_public_interface, read_secret

REPO = Path(__file__).resolve().parents[1]
ALL_SET = {
    "ASSIST_TOKEN": "a",
    "REPORT_TOKEN": "r",
    "WECHAT_TOKEN": "w",
    "RASA_API_TOKEN": "x",
}


def test_a_secret_comes_from_its_variable() -> None:
    assert read_secret("ASSIST_TOKEN", {"ASSIST_TOKEN": " s3cret "}) == "s3cret"


def test_a_secret_comes_from_a_file_only_its_owner_can_read(tmp_path: Path) -> None:
    path = tmp_path / "assist"
    path.write_text("from-file\n")
    path.chmod(0o600)
    assert read_secret("ASSIST_TOKEN", {"ASSIST_TOKEN_FILE": str(path)}) == "from-file"


def test_a_secret_file_others_can_read_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "assist"
    path.write_text("from-file\n")
    path.chmod(0o644)
    with pytest.raises(SecretError, match="chmod 600"):
        read_secret("ASSIST_TOKEN", {"ASSIST_TOKEN_FILE": str(path)})


def test_a_missing_secret_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SecretError):
        read_secret("ASSIST_TOKEN", {"ASSIST_TOKEN_FILE": str(tmp_path / "nope")})


INTERFACES = [
    pytest.param("127.0.0.1", {}, "", id="loopback with development defaults starts"),
    pytest.param("0.0.0.0", ALL_SET, "", id="every interface with every secret starts"),
    pytest.param(
        "0.0.0.0",
        {k: v for k, v in ALL_SET.items() if k != "ASSIST_TOKEN"},
        "ASSIST_TOKEN",
        id="every interface without the console token is refused",
    ),
    pytest.param("0.0.0.0", {}, "RASA_API_TOKEN", id="every interface with nothing set is refused"),
]


@pytest.mark.parametrize(("interface", "environ", "named"), INTERFACES)
def test_a_server_beyond_loopback_needs_every_secret(
    interface: str, environ: dict[str, str], named: str
) -> None:
    reason = check_for_public_interface(interface, environ)
    assert (reason == "") is (named == "")
    assert named in reason


def test_make_run_on_every_interface_with_development_tokens_fails_with_a_clear_message() -> None:
    environ = {"PATH": "/usr/bin:/bin", "RASA_INTERFACE": "0.0.0.0", "HOME": "/tmp"}
    result = subprocess.run(
        ["bash", "scripts/run.sh"],
        cwd=REPO,
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "refusing to listen on 0.0.0.0" in result.stderr
    assert "ASSIST_TOKEN" in result.stderr and "RASA_API_TOKEN" in result.stderr
