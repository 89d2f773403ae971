"""python -m kb.search prints the top hits with their citations."""

from __future__ import annotations

import pytest

from kb import search as search_cli


def test_search_command_prints_citations(
    built_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert search_cli.main(["--url", built_url, "-k", "3", "补贴多少"]) == 0
    out = capsys.readouterr().out
    first = out.splitlines()[0]
    assert first.startswith("1. 《管理办法》第十九条（补贴数额）")
    assert "\n3. " in out and "\n4. " not in out


def test_search_command_says_when_nothing_is_found(
    built_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert search_cli.main(["--url", built_url, "今天天气怎么样"]) == 1
    assert "没有找到" in capsys.readouterr().out
