"""Where to ask what this assistant does not answer (bot/assistant/referrals.yml).

「个人所得税年度汇算怎么办？」 is no question about custody; the reply says so and names the office
and hotline that answer it (税务部门, 12366), so that nobody leaves with nowhere to go.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

REFERRALS_FILE = Path(__file__).with_name("referrals.yml")


@lru_cache(maxsize=1)
def _referrals() -> tuple[tuple[tuple[str, ...], str], ...]:
    data = yaml.safe_load(REFERRALS_FILE.read_text(encoding="utf-8"))
    return tuple((tuple(map(str, r["words"])), str(r["where"])) for r in data["referrals"])


def referral(text: str) -> str | None:
    """「这类问题请咨询：税务部门（纳税服务热线12366）。」 for the first topic ``text`` names, or
    ``None`` when it names none of them."""
    for words, where in _referrals():
        if any(word in text for word in words):
            return f"这类问题请咨询：{where}。"
    return None
