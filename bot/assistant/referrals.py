"""Where to ask what this assistant does not answer (bot/assistant/referrals.yml).

「个人所得税年度汇算怎么办？」 is no question about custody; the reply says so and names the office
and hotline that answer it (税务部门, 12366), so that nobody leaves with nowhere to go.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

REFERRALS_FILE = Path(__file__).with_name("referrals.yml")


@dataclass(frozen=True)
class Referral:
    """One office: the ``words`` that name its matters, ``where`` to ask, and whether its matters
    are never a custody check's facts (``alone``)."""

    words: tuple[str, ...]
    where: str
    alone: bool


@lru_cache(maxsize=1)
def _referrals() -> tuple[Referral, ...]:
    data = yaml.safe_load(REFERRALS_FILE.read_text(encoding="utf-8"))
    return tuple(
        Referral(tuple(map(str, r["words"])), str(r["where"]), bool(r.get("alone")))
        for r in data["referrals"]
    )


def names_another_matter(text: str) -> bool:
    """Whether ``text`` names a matter that is never a custody check's fact (``alone: true`` in
    referrals.yml: 双倍工资, 个税, 稳岗补贴…), so that a question of it is out of scope."""
    return any(r.alone and any(word in text for word in r.words) for r in _referrals())


def referral(text: str) -> str | None:
    """「这类问题请咨询：税务部门（纳税服务热线12366）。」 for the first topic ``text`` names, or
    ``None`` when it names none of them."""
    for r in _referrals():
        if any(word in text for word in r.words):
            return f"这类问题请咨询：{r.where}。"
    return None
