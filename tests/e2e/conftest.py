"""One pair of real servers for the whole end-to-end session (starting Rasa takes ~20 s)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.servers import RunningAssistant, running_assistant

# A fixed "as of" date inside the regulation's validity period, so answers are reproducible.
E2E_AS_OF = "2023-06-01"
# Channel settings the servers are started with (the tests sign requests with the same values).
E2E_ASSIST_TOKEN = "e2e-assist-token"
E2E_WECHAT_TOKEN = "e2e-wechat-token"
E2E_WECHAT_APP_ID = "wx0123456789abcdef"
E2E_WECHAT_AES_KEY = (
    "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"  # 43 characters, as WeChat issues
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningAssistant]:
    log_dir = Path(tmp_path_factory.mktemp("servers"))
    store_url = f"sqlite:///{log_dir / 'conversations.sqlite3'}"
    env = {
        "TUOGUAN_AS_OF": E2E_AS_OF,
        "STORE_URL": store_url,
        "ASSIST_TOKEN": E2E_ASSIST_TOKEN,
        "WECHAT_TOKEN": E2E_WECHAT_TOKEN,
        "WECHAT_APP_ID": E2E_WECHAT_APP_ID,
        "WECHAT_ENCODING_AES_KEY": E2E_WECHAT_AES_KEY,
    }
    with running_assistant(log_dir, env) as running:
        yield running
