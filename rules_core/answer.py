"""The answer contract (DESIGN.md) as one pure function every channel goes through.

1. checks and calculations open with ``【结论】…`` in the fixed verdict words;
2. then the reasons, one line per condition with the figures used;
3. then the basis ``依据：《管理办法》第九条`` (Chinese numerals, several joined by 、);
4. and a machine-readable payload ``{"citations": [...], "verdict": ..., "data": {...}}``.

Lines are separated by single newlines: Rasa's REST collector splits a message at blank lines.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rules_core.citations import basis_line, citation_ids
from rules_core.results import CheckResult


@dataclass(frozen=True)
class Answer:
    """A rendered policy answer: the text shown to the user and the payload for rich clients."""

    text: str
    citations: tuple[str, ...]
    verdict: str | None = None
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def payload(self) -> dict[str, Any]:
        return {"citations": list(self.citations), "verdict": self.verdict, "data": self.data}


def compose(
    *,
    body: Sequence[str],
    articles: Iterable[int],
    interpretation: bool = False,
    conclusion: str | None = None,
    verdict: str | None = None,
    notes: Sequence[str] = (),
    data: dict[str, Any] | None = None,
    other_sources: Sequence[str] = (),
) -> Answer:
    """Assemble an answer in contract order: 【结论】, body lines, notes, 依据."""
    article_list = list(articles)
    lines: list[str] = []
    if conclusion is not None:
        lines.append(f"【结论】{conclusion}")
    lines.extend(line for line in body if line)
    lines.extend(f"提示：{note}" for note in notes if note)
    lines.append(basis_line(article_list, interpretation, other_sources))
    return Answer(
        text="\n".join(lines),
        citations=tuple(citation_ids(article_list, interpretation, other_sources)),
        verdict=verdict,
        data=dict(data or {}),
    )


def render_check(result: CheckResult, extra_notes: Sequence[str] = ()) -> Answer:
    """Render a rules-core result: conclusion, one reason per condition, notes, basis."""
    body = [f"{c.status.mark}：{c.label}（{c.detail}）" for c in result.conditions]
    notes = [*result.notes, *(n for n in extra_notes if n not in result.notes)]
    data = {
        "check": result.check,
        "figures": result.figures,
        "conditions": [
            {"key": c.key, "status": c.status.value, "label": c.label, "detail": c.detail}
            for c in result.conditions
        ],
    }
    return compose(
        conclusion=result.conclusion,
        verdict=result.verdict.value,
        body=body,
        notes=notes,
        articles=result.citations,
        interpretation=result.cites_interpretation,
        data=data,
    )
