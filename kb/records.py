"""The knowledge base's records: what the parser produces and what the repository returns.

Frozen dataclasses, so a record read from the database compares equal to the one parsed from
the sources. Labels and citations follow :mod:`rules_core.citations` (第十九条, 《管理办法》).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from rules_core.citations import (
    INTERPRETATION_NAME,
    REGULATION_SHORT_NAME,
    article_label,
    basis_line,
    chinese_number,
    citation_ids,
)

SearchKind = Literal["article", "interpretation", "report", "faq"]


@dataclass(frozen=True)
class DocumentInfo:
    """Where a source text came from: its header block in ``kb/sources/*.txt``."""

    key: str
    kind: str
    title: str
    short_title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    issued_on: date | None = None
    effective_from: date | None = None
    published_in: str | None = None
    seed_file: str | None = None
    seed_lines: str | None = None
    notes: str | None = None

    @property
    def citation(self) -> str:
        """How answers name the document: 《管理办法》 or the report's title in 《》."""
        return self.short_title or f"《{self.title}》"


@dataclass(frozen=True)
class Chapter:
    """A chapter of the regulation (第一章 总则 … 第六章 生效时间)."""

    number: int
    title: str

    @property
    def label(self) -> str:
        return f"第{chinese_number(self.number)}章"

    @property
    def name(self) -> str:
        return f"{self.label} {self.title}"

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class ArticleItem:
    """An enumerated item （一）… of an article; ``heading`` is the part before ``：`` if any."""

    article: int
    number: int
    text: str
    heading: str | None = None
    paragraph: int = 1

    @property
    def label(self) -> str:
        return f"（{chinese_number(self.number)}）"

    @property
    def full_text(self) -> str:
        return self.label + self.text

    @property
    def citation(self) -> str:
        """《管理办法》第十五条第（三）项."""
        return f"{REGULATION_SHORT_NAME}{article_label(self.article)}第{self.label}项"


@dataclass(frozen=True)
class Paragraph:
    """A paragraph (款) of an article, its items included in ``text`` one per line."""

    number: int
    text: str


@dataclass(frozen=True)
class Article:
    """One article of the regulation: 第十九条（补贴数额）…"""

    number: int
    title: str
    chapter: Chapter
    paragraphs: tuple[Paragraph, ...]
    items: tuple[ArticleItem, ...] = ()

    @property
    def label(self) -> str:
        """第十九条."""
        return article_label(self.number)

    @property
    def citation(self) -> str:
        """《管理办法》第十九条."""
        return REGULATION_SHORT_NAME + self.label

    @property
    def body(self) -> str:
        """The full text without the 第N条（…） prefix, paragraphs and items one per line."""
        return "\n".join(p.text for p in self.paragraphs)

    @property
    def full_text(self) -> str:
        """第十九条（补贴数额）坪山区人力资源部门…"""
        return f"{self.label}（{self.title}）{self.body}"

    def item(self, number: int) -> ArticleItem | None:
        return next((i for i in self.items if i.number == number), None)

    def paragraph(self, number: int) -> Paragraph | None:
        return next((p for p in self.paragraphs if p.number == number), None)


@dataclass(frozen=True)
class InterpretationSection:
    """A section 五、主要内容解读 or a subsection 五（七）服务补贴 of the 政策解读."""

    number: int
    heading: str
    body: str
    sub_number: int | None = None
    subsections: tuple[InterpretationSection, ...] = ()
    related_articles: tuple[int, ...] = ()

    @property
    def label(self) -> str:
        """五 for a section, 五（七） for a subsection."""
        top = chinese_number(self.number)
        return top if self.sub_number is None else f"{top}（{chinese_number(self.sub_number)}）"

    @property
    def citation(self) -> str:
        """《政策解读》二、起草过程 or 《政策解读》五（七）服务补贴."""
        if self.sub_number is None:
            return f"{INTERPRETATION_NAME}{self.label}、{self.heading}"
        return f"{INTERPRETATION_NAME}{self.label}{self.heading}"

    @property
    def full_text(self) -> str:
        """The heading line, the body and every subsection, as printed in the source."""
        if self.sub_number is None:
            lines = [f"{self.label}、{self.heading}"]
        else:
            lines = [f"（{chinese_number(self.sub_number)}）{self.heading}"]
        if self.body:
            lines.append(self.body)
        lines.extend(s.full_text for s in self.subsections)
        return "\n".join(lines)


@dataclass(frozen=True)
class ReportPassage:
    """A passage of a government report that mentions the 托管 pilot or its platform."""

    key: str
    document: DocumentInfo
    text: str
    section: str | None = None
    topic: str | None = None
    seed_lines: str | None = None
    notes: str | None = None

    @property
    def citation(self) -> str:
        return self.document.citation


@dataclass(frozen=True)
class Topic:
    """A topic of ``kb/topics.yml``: its articles and 政策解读 sections (labels like 五（七）)."""

    key: str
    name: str
    articles: tuple[int, ...]
    interpretation: tuple[str, ...] = ()
    description: str | None = None


@dataclass(frozen=True)
class FaqEntry:
    """A curated answer of ``kb/faq.yml``: the single text every channel renders."""

    key: str
    intent: str
    topic: str
    question: str
    answer: str
    articles: tuple[int, ...]
    interpretation: bool = False
    reports: bool = False

    @property
    def basis(self) -> str:
        """依据：《管理办法》第十七条；《政策解读》"""
        return basis_line(self.articles, interpretation=self.interpretation)

    @property
    def citations(self) -> list[str]:
        """["第十七条", "政策解读"] for the custom payload."""
        return citation_ids(self.articles, interpretation=self.interpretation)


@dataclass(frozen=True)
class SearchHit:
    """One ranked result of :meth:`kb.repository.KnowledgeBase.search`."""

    score: float
    kind: SearchKind
    ref: str
    citation: str
    title: str
    snippet: str
    text: str
    article: int | None = None
    item: int | None = None
    related_articles: tuple[int, ...] = field(default=())
