"""One pair of real servers for the whole end-to-end session (starting Rasa takes ~20 s)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.servers import RunningAssistant, running_assistant

# A fixed "as of" date inside the regulation's validity period, so answers are reproducible.
E2E_AS_OF = "2023-06-01"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningAssistant]:
    log_dir = Path(tmp_path_factory.mktemp("servers"))
    with running_assistant(log_dir, {"TUOGUAN_AS_OF": E2E_AS_OF}) as running:
        yield running
