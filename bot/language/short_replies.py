"""Whole-message short replies (是的 / 没有 / 不清楚 / 没用 / 算了) read by a lexicon.

The lexicon and the reasons for it are in bot/language/short_replies.yml. The text given here is
the normalised text (bot/language/normalize.py), so 「對」 and 「ＯＫ」 arrive as 对 and OK.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

LEXICON_FILE = Path(__file__).with_name("short_replies.yml")

# Parts of a message: 「对，没错」 → 对 / 没错; 「嗯 明白了」 → 嗯 / 明白了.
_PART_BREAK = re.compile(r"[\s,，。.、;；:：!！?？…~～]+")


@dataclass(frozen=True)
class ShortReplyLexicon:
    trailing_particles: str
    leading_fillers: tuple[str, ...]
    patterns: dict[str, re.Pattern[str]]

    def is_filler(self, part: str) -> bool:
        """Empty, or a bare interjection that says nothing: 「哦」「额」「啊」."""
        return not part.rstrip(self.trailing_particles) or part in self.leading_fillers

    def intent_of_part(self, part: str) -> str | None:
        """The intent one part is (a phrase, repeats allowed: 对对对), or None if not in the lexicon."""
        for candidate in self._variants(part):
            found = {
                intent for intent, pattern in self.patterns.items() if pattern.fullmatch(candidate)
            }
            if len(found) == 1:
                return found.pop()
        return None

    def _variants(self, part: str) -> list[str]:
        """The part as typed, then without trailing particles, then without a leading filler."""
        variants = [part]
        trimmed = part.rstrip(self.trailing_particles)
        if trimmed and trimmed != part:
            variants.append(trimmed)
        for filler in self.leading_fillers:
            for variant in list(variants):
                if variant.startswith(filler) and len(variant) > len(filler):
                    variants.append(variant[len(filler) :])
        return variants


@lru_cache(maxsize=1)
def lexicon() -> ShortReplyLexicon:
    data = yaml.safe_load(LEXICON_FILE.read_text(encoding="utf-8"))
    patterns = {}
    for intent, phrases in data["intents"].items():
        # YAML 1.1 reads a bare yes/no as a boolean; the file quotes them, and this keeps it so
        if not all(isinstance(p, str) for p in phrases):
            raise ValueError(f"{LEXICON_FILE.name}: quote every phrase of {intent}")
        # One phrase, possibly repeated (对对对, 没错没错); not a chain of different phrases,
        # which would let deny's 没 + 错 read 没错 as no.
        ordered = sorted({str(p).lower() for p in phrases}, key=len, reverse=True)
        patterns[str(intent)] = re.compile("|".join(f"(?:{re.escape(p)})+" for p in ordered))
    return ShortReplyLexicon(
        trailing_particles=str(data["trailing_particles"]),
        leading_fillers=tuple(str(f) for f in data["leading_fillers"]),
        patterns=patterns,
    )


def short_reply_intent(text: str) -> str | None:
    """「是的是的」 → affirm; 「没有啊」 → deny; 「还是不明白」 → feedback_unhelpful;
    「不对，是120人」 → None (not every part is a short reply); 「好吧，算了」 → None (two intents);
    「确定？」 → None (a question back).
    """
    if "?" in text or "？" in text:
        return None  # 「是嘛？」「确定？」 ask back; they are not answers
    table = lexicon()
    parts = [p for p in _PART_BREAK.split(text.strip().lower()) if not table.is_filler(p)]
    if not parts:
        return None
    intents = {table.intent_of_part(part) for part in parts}
    if len(intents) != 1:
        return None
    return intents.pop()


# words that thank, judge the answer or take leave: 「对，谢谢」「是的，明白了」「好，拜拜」 are
# feedback or goodbye, however long
_FEEDBACK_WORDS = re.compile(
    r"谢|明白|清楚|懂|解决|有用|帮助|知道了|收到|好的|了解|行了|可以了|拜|再见|bye|88"
)


def yes_and_more(text: str) -> bool:
    """「是的，都是专职」「对，下个月办完」: a yes followed by a statement of its own, which
    confirms what the answer said rather than judging it; not 「对，谢谢」「是的，明白了」
    (feedback) nor a yes followed by a question (「对，那补贴呢？」)."""
    if "?" in text or "？" in text:
        return False
    table = lexicon()
    parts = [p for p in _PART_BREAK.split(text.strip().lower()) if not table.is_filler(p)]
    if len(parts) < 2 or table.intent_of_part(parts[0]) != "affirm":
        return False
    rest = parts[1:]
    return any(table.intent_of_part(p) is None for p in rest) and not any(
        _FEEDBACK_WORDS.search(p) for p in rest
    )
