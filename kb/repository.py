"""Query the knowledge base: articles, topics, 政策解读 sections, FAQ answers, full-text search.

    kb = KnowledgeBase.from_url()          # $KB_URL or var/kb.sqlite3, built if still empty
    kb.article(19).full_text               # 第十九条（补贴数额）坪山区人力资源部门…
    kb.articles_by_topic("subsidy")        # 第十九条 … 第二十三条
    kb.search("补贴多少钱")[0].citation     # 《管理办法》第十九条
    kb.faq_for_intent("ask_filing").answer

Every row is read once, when the object is made (the database is small), into the frozen
records of :mod:`kb.records`; the BM25 index and the jieba tokenizer are built on the first search.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import create_engine, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, selectinload

from kb import models
from kb.analyzer import TextAnalyzer, load_analyzer
from kb.bm25 import BM25Index, BM25Params
from kb.paths import KbFiles, resolve_url
from kb.records import (
    Article,
    ArticleItem,
    Chapter,
    DocumentInfo,
    FaqEntry,
    InterpretationSection,
    Paragraph,
    ReportPassage,
    SearchHit,
    SearchKind,
    Topic,
)
from kb.snippets import snippet

SOURCE_KINDS: tuple[SearchKind, ...] = ("article", "interpretation", "report")

# A unit restating an article in other words (the 政策解读) or mentioning the subject in passing
# (a report) should not outrank the article itself on the same words.
KIND_WEIGHT: dict[str, float] = {"article": 1.0, "interpretation": 0.8, "report": 0.7, "faq": 1.0}


class UnknownTopicError(KeyError):
    """No topic with that key or Chinese name in kb/topics.yml."""


class KnowledgeBaseNotBuiltError(RuntimeError):
    """The database holds no knowledge base: run ``python -m kb.build``."""


@dataclass(frozen=True)
class _Unit:
    """A search passage row as the search needs it."""

    kind: SearchKind
    ref: str
    citation: str
    title: str
    text: str
    tokens: tuple[str, ...]
    article: int | None
    item: int | None
    related_articles: tuple[int, ...]


class KnowledgeBase:
    """Read-only access to a built knowledge base."""

    def __init__(self, engine: Engine, files: KbFiles | None = None):
        self._files = files or KbFiles.default()
        self._index: BM25Index | None = None
        self._analyzer: TextAnalyzer | None = None
        self._lock = threading.Lock()
        with Session(engine, future=True) as session:
            self._load(session)

    @classmethod
    def from_url(
        cls, url: str | None = None, *, files: KbFiles | None = None, build_if_missing: bool = True
    ) -> KnowledgeBase:
        """Open the database at ``url`` ($KB_URL or var/kb.sqlite3); build it first if empty.

        ``files`` is the kb/ directory whose jieba dictionary, stop words and synonyms analyse
        the queries (and which is built from if the database is empty); default: ``kb/``.
        A database that exists but is out of date is used as it is: ``make`` rebuilds it.
        """
        url = resolve_url(url)
        if build_if_missing:
            from kb.build import build, stored_state

            if stored_state(url).source_hash is None:
                build(url, files=files)
        engine = create_engine(url, future=True)
        try:
            return cls(engine, files)
        finally:
            engine.dispose()

    # --- loading ------------------------------------------------------------------------------

    def _load(self, session: Session) -> None:
        if session.get(models.MetaRow, "source_hash") is None:
            raise KnowledgeBaseNotBuiltError(
                "the knowledge base is empty: run `python -m kb.build`"
            )
        self._articles = {
            row.number: _article(row)
            for row in session.scalars(
                select(models.ArticleRow)
                .options(
                    selectinload(models.ArticleRow.chapter),
                    selectinload(models.ArticleRow.paragraphs),
                    selectinload(models.ArticleRow.items),
                )
                .order_by(models.ArticleRow.number)
            )
        }
        self._sections = _sections(session.scalars(select(models.InterpretationSectionRow)).all())
        self._documents = {
            row.key: _document(row) for row in session.scalars(select(models.Document))
        }
        self._reports = tuple(
            ReportPassage(
                key=row.key,
                document=self._documents[row.document.key],
                text=row.text,
                section=row.section,
                topic=row.topic,
                seed_lines=row.seed_lines,
                notes=row.notes,
            )
            for row in session.scalars(
                select(models.ReportPassageRow).order_by(models.ReportPassageRow.id)
            )
        )
        self._topics = {
            row.key: Topic(
                key=row.key,
                name=row.name,
                articles=tuple(row.articles),
                interpretation=tuple(row.interpretation),
                description=row.description,
            )
            for row in session.scalars(select(models.TopicRow))
        }
        self._faq = {
            row.key: FaqEntry(
                key=row.key,
                intent=row.intent,
                topic=row.topic,
                question=row.question,
                answer=row.answer,
                articles=tuple(row.articles),
                interpretation=row.interpretation,
                reports=row.reports,
            )
            for row in session.scalars(select(models.FaqRow).order_by(models.FaqRow.position))
        }
        self._faq_by_intent = {entry.intent: entry for entry in self._faq.values()}
        self._units = tuple(
            _Unit(
                kind=row.kind,
                ref=row.ref,
                citation=row.citation,
                title=row.title,
                text=row.text,
                tokens=tuple(row.tokens.split()),
                article=row.article_number,
                item=row.item_number,
                related_articles=tuple(row.related_articles),
            )
            for row in session.scalars(
                select(models.SearchPassageRow).order_by(models.SearchPassageRow.position)
            )
        )

    # --- the regulation -----------------------------------------------------------------------

    @property
    def regulation(self) -> DocumentInfo:
        return self._documents["regulation"]

    @property
    def interpretation(self) -> DocumentInfo:
        return self._documents["interpretation"]

    def articles(self) -> list[Article]:
        """All 27 articles in order."""
        return list(self._articles.values())

    def article(self, number: int) -> Article:
        """Article ``number`` (1..27); KeyError for any other number."""
        try:
            return self._articles[number]
        except KeyError:
            raise KeyError(f"《管理办法》 has no article {number}") from None

    def item(self, article: int, number: int) -> ArticleItem:
        """Item （number） of an article, e.g. item(15, 3) is 第十五条第（三）项."""
        found = self.article(article).item(number)
        if found is None:
            raise KeyError(f"{self.article(article).label} has no item {number}")
        return found

    # --- topics -------------------------------------------------------------------------------

    def topics(self) -> list[Topic]:
        return list(self._topics.values())

    def topic(self, topic: str) -> Topic:
        """A topic by key (``subsidy``) or Chinese name (``服务补贴``)."""
        found = self._topics.get(topic) or next(
            (t for t in self._topics.values() if t.name == topic), None
        )
        if found is None:
            raise UnknownTopicError(f"unknown topic {topic!r}; known: {sorted(self._topics)}")
        return found

    def articles_by_topic(self, topic: str) -> list[Article]:
        """The articles of a topic, in article order."""
        return [self._articles[n] for n in sorted(self.topic(topic).articles)]

    def interpretation_by_topic(self, topic: str) -> list[InterpretationSection]:
        """The 政策解读 sections of a topic, in the order topics.yml lists them."""
        return [self._sections[label] for label in self.topic(topic).interpretation]

    # --- the 政策解读 and the reports -----------------------------------------------------------

    def interpretation_sections(self) -> list[InterpretationSection]:
        """The nine sections, each with its subsections."""
        return [s for s in self._sections.values() if s.sub_number is None]

    def interpretation_section(
        self, section: int | str, subsection: int | None = None
    ) -> InterpretationSection | None:
        """A section by number (5) or label (五, 五（七）); with ``subsection``, that subsection."""
        if isinstance(section, str):
            found = self._sections.get(section)
            if found is None or subsection is None:
                return found
            section = found.number
        return next(
            (
                s
                for s in self._sections.values()
                if s.number == section and s.sub_number == subsection
            ),
            None,
        )

    def report_passages(self) -> list[ReportPassage]:
        return list(self._reports)

    # --- curated answers ----------------------------------------------------------------------

    def faqs(self) -> list[FaqEntry]:
        """Every FAQ entry in faq.yml order."""
        return list(self._faq.values())

    def faq(self, key: str) -> FaqEntry | None:
        return self._faq.get(key)

    def faq_for_intent(self, intent: str) -> FaqEntry | None:
        """The entry for an NLU intent: ``ask_subsidy_amount`` → subsidy_amount."""
        return self._faq_by_intent.get(intent)

    # --- search -------------------------------------------------------------------------------

    @property
    def analyzer(self) -> TextAnalyzer:
        """The query analyzer (jieba + domain dictionary, stop words, synonyms), made on first use."""
        with self._lock:
            if self._analyzer is None:
                self._analyzer = load_analyzer(self._files)
            return self._analyzer

    def _bm25(self) -> BM25Index:
        with self._lock:
            if self._index is None:
                self._index = BM25Index([u.tokens for u in self._units], BM25Params(k1=1.5, b=0.75))
            return self._index

    def search(
        self,
        query: str,
        k: int = 5,
        *,
        kinds: Sequence[SearchKind] | None = None,
        one_per_article: bool = True,
    ) -> list[SearchHit]:
        """The ``k`` best units for a question, best first (BM25 over jieba tokens).

        ``kinds`` defaults to the sources (article, interpretation, report); pass ``("faq",)``
        to rank the curated answers instead. With ``one_per_article`` an article and its items
        count as one result: the best-scoring of them stands for the article.
        """
        wanted = set(kinds or SOURCE_KINDS)
        terms = self.analyzer.query_tokens(query)
        if not terms or k <= 0:
            return []
        scores = self._bm25().scores(terms)
        ranked = sorted(
            (
                (score * KIND_WEIGHT.get(unit.kind, 1.0), position)
                for position, (unit, score) in enumerate(zip(self._units, scores, strict=True))
                if score > 0 and unit.kind in wanted
            ),
            key=lambda pair: (-pair[0], pair[1]),
        )
        hits: list[SearchHit] = []
        seen_articles: set[int] = set()
        for score, position in ranked:
            unit = self._units[position]
            if one_per_article and unit.article is not None:
                if unit.article in seen_articles:
                    continue
                seen_articles.add(unit.article)
            hits.append(_hit(unit, score, terms))
            if len(hits) == k:
                break
        return hits


def _hit(unit: _Unit, score: float, terms: Sequence[str]) -> SearchHit:
    return SearchHit(
        score=round(score, 4),
        kind=unit.kind,
        ref=unit.ref,
        citation=unit.citation,
        title=unit.title,
        snippet=snippet(unit.text, terms),
        text=unit.text,
        article=unit.article,
        item=unit.item,
        related_articles=unit.related_articles,
    )


def _article(row: Any) -> Article:
    chapter = Chapter(row.chapter.number, row.chapter.title)
    return Article(
        number=row.number,
        title=row.title,
        chapter=chapter,
        paragraphs=tuple(Paragraph(p.number, p.text) for p in row.paragraphs),
        items=tuple(
            ArticleItem(
                article=row.number,
                number=i.number,
                text=i.text,
                heading=i.heading,
                paragraph=i.paragraph_number,
            )
            for i in row.items
        ),
    )


def _sections(rows: Sequence[Any]) -> dict[str, InterpretationSection]:
    """Sections and subsections by label (五, 五（七）), sections in order then subsections."""
    children: dict[int, list[InterpretationSection]] = {}
    for row in sorted(rows, key=lambda r: (r.number, r.sub_number or 0)):
        if row.parent_id is not None:
            children.setdefault(row.parent_id, []).append(_section(row, ()))
    by_label: dict[str, InterpretationSection] = {}
    for row in sorted((r for r in rows if r.parent_id is None), key=lambda r: r.number):
        subs = tuple(children.get(row.id, ()))
        by_label[row.label] = _section(row, subs)
        for sub in subs:
            by_label[sub.label] = sub
    return by_label


def _section(row: Any, subsections: tuple[InterpretationSection, ...]) -> InterpretationSection:
    return InterpretationSection(
        number=row.number,
        sub_number=row.sub_number,
        heading=row.heading,
        body=row.body,
        subsections=subsections,
        related_articles=tuple(row.related_articles),
    )


def _document(row: Any) -> DocumentInfo:
    return DocumentInfo(
        key=row.key,
        kind=row.kind,
        title=row.title,
        short_title=row.short_title,
        doc_number=row.doc_number,
        issuer=row.issuer,
        issued_on=row.issued_on,
        effective_from=row.effective_from,
        published_in=row.published_in,
        seed_file=row.seed_file,
        seed_lines=row.seed_lines,
        notes=row.notes,
    )
