"""The generated rule files match the registry of checks (bot/assistant/registry.py) and the domain."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_generated_rules_are_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, "scripts/generate_rules.py", "--check"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
