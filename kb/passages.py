"""The searchable units: one per article, item, 政策解读 (sub)section, report passage, FAQ entry.

A unit's index text is its title (counted twice: a title such as 补贴数额 names what the unit
is about), any context it needs to be understood alone, and its text. An item is read with the
lead-in of its paragraph (小微企业出现下列情形之一的，不再作为…托管服务对象：), since on its own
（二）在服务期限内停业、注销… does not say what it is about. An article with several paragraphs
(第二条, 第二十五条) also has a unit per paragraph, so 第二条第二款 can be found. A section of
the 政策解读 that has subsections is searched through its subsections only (its own text is
empty), so that no text is indexed twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kb.parser import ParsedSources
from kb.records import FaqEntry, SearchKind
from rules_core.citations import chinese_number

# How many times a unit's title is repeated in its index text. A FAQ entry's title is its typical
# question, worded the way users ask, so it counts more than a heading does.
TITLE_WEIGHT = 2
FAQ_QUESTION_WEIGHT = 4


@dataclass(frozen=True)
class SearchUnit:
    kind: SearchKind
    ref: str
    citation: str
    title: str
    text: str
    article: int | None = None
    item: int | None = None
    related_articles: tuple[int, ...] = ()
    context: str = ""

    @property
    def index_text(self) -> str:
        weight = FAQ_QUESTION_WEIGHT if self.kind == "faq" else TITLE_WEIGHT
        return "\n".join([self.title] * weight + [self.context, self.text])


def search_units(sources: ParsedSources, faq: tuple[FaqEntry, ...]) -> Iterator[SearchUnit]:
    """Every searchable unit, articles first (their order is the tie-breaker in ranking)."""
    for article in sources.regulation.articles:
        yield SearchUnit(
            kind="article",
            ref=f"article:{article.number}",
            citation=article.citation,
            title=article.title,
            text=article.full_text,
            article=article.number,
            related_articles=(article.number,),
        )
        if len(article.paragraphs) > 1:
            for paragraph in article.paragraphs:
                yield SearchUnit(
                    kind="article",
                    ref=f"paragraph:{article.number}:{paragraph.number}",
                    citation=f"{article.citation}第{chinese_number(paragraph.number)}款",
                    title=article.title,
                    text=paragraph.text,
                    article=article.number,
                    related_articles=(article.number,),
                )
        for item in article.items:
            lead_in = article.paragraph(item.paragraph)
            yield SearchUnit(
                kind="article",
                ref=f"item:{article.number}:{item.number}",
                citation=item.citation,
                title=f"{article.title}：{item.heading}" if item.heading else article.title,
                text=item.full_text,
                article=article.number,
                item=item.number,
                related_articles=(article.number,),
                context=lead_in.text.split("\n", 1)[0] if lead_in else "",
            )
    for section in sources.interpretation.sections:
        for unit in section.subsections or (section,):
            yield SearchUnit(
                kind="interpretation",
                ref=f"interpretation:{unit.label}",
                citation=unit.citation,
                title=unit.heading,
                text=unit.body,
                related_articles=unit.related_articles,
            )
    for passage in sources.reports:
        yield SearchUnit(
            kind="report",
            ref=f"report:{passage.key}",
            citation=passage.citation,
            title=passage.topic or passage.document.title,
            text=passage.text,
        )
    for entry in faq:
        yield SearchUnit(
            kind="faq",
            ref=f"faq:{entry.key}",
            citation=entry.basis.removeprefix("依据："),
            title=entry.question,
            text=entry.answer,
            related_articles=entry.articles,
        )
