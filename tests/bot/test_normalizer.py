"""The normaliser keeps the user's words as the text and puts the normalised forms beside them."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.components.normalizer import CLASSIFICATION_TEXT, NORMALIZED_TEXT, ChineseTextNormalizer
from bot.language import normalize


def _normalized(text: str) -> Message:
    message = Message({TEXT: text})
    ChineseTextNormalizer().process([message])
    return message


def test_the_text_stays_what_the_user_typed() -> None:
    typed = "我們公司有 45 人，註冊在坪山，能托管嗎？"
    message = _normalized(typed)
    assert message.get(TEXT) == typed
    assert message.get(NORMALIZED_TEXT) == "我们公司有45人,注册在坪山,能托管吗?"
    assert message.get(CLASSIFICATION_TEXT).startswith("能托管吗?")


def test_the_normalised_text_is_part_of_the_parse_output() -> None:
    message = _normalized("補貼多少")
    assert message.as_dict(only_output_properties=True)[NORMALIZED_TEXT] == "补贴多少"


def test_a_change_to_the_normalising_tables_invalidates_the_training_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = ChineseTextNormalizer.fingerprint_addon({})
    changed = tmp_path / "typos.yml"
    changed.write_text("typos:\n  补帖: 补贴\n  托官: 托管\n", encoding="utf-8")
    monkeypatch.setattr(normalize, "TYPOS_FILE", changed)
    assert ChineseTextNormalizer.fingerprint_addon({}) != before
