"""SQLAlchemy 1.4 models (2.0-style use: ``select()``, ``Session(future=True)``).

One table per kind of record; every column says what it holds (``comment=``). The build fills
all tables in one transaction; the repository only reads them. Bump :data:`kb.versions.SCHEMA_VERSION` when
a table changes so that an existing database is rebuilt.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, Column, Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import registry, relationship

mapper_registry = registry()
# SQLAlchemy 1.4 ships no type hints: typed as Any so mypy accepts the subclasses and their kwargs.
Base: Any = mapper_registry.generate_base()


class Document(Base):
    """A source document: the regulation, the 政策解读, or a report a passage was taken from."""

    __tablename__ = "documents"
    __table_args__ = {"comment": "Source documents and where their text was copied from"}

    id = Column(Integer, primary_key=True)
    key = Column(
        String(200),
        unique=True,
        nullable=False,
        comment="regulation | interpretation | report:<title>",
    )
    kind = Column(String(32), nullable=False, comment="regulation | interpretation | report")
    title = Column(Text, nullable=False, comment="Full title without 《》")
    short_title = Column(String(64), comment="How answers cite it, e.g. 《管理办法》")
    doc_number = Column(
        String(64), comment="文号, e.g. 深坪府办规〔2021〕1号 (null when the source gives none)"
    )
    issuer = Column(Text, comment="Issuing body as stated in the source")
    issued_on = Column(Date, comment="Date of issue (印发) or of the report")
    effective_from = Column(Date, comment="Date the document takes effect (施行), if stated")
    published_in = Column(Text, comment="Publication the seed text comes from")
    seed_file = Column(String(64), comment="File name under /work/shared/seeds/")
    seed_lines = Column(String(32), comment="Line range of the copied text in the seed file")
    notes = Column(Text, comment="What was copied and which extraction artefacts were fixed")


class ChapterRow(Base):
    """A chapter of the regulation: 第四章 服务补贴与效果评估."""

    __tablename__ = "chapters"
    __table_args__ = {"comment": "Chapters of the regulation"}

    number = Column(Integer, primary_key=True, comment="1..6")
    label = Column(String(16), nullable=False, comment="第四章")
    title = Column(Text, nullable=False, comment="服务补贴与效果评估")


class ArticleRow(Base):
    """An article of the regulation."""

    __tablename__ = "articles"
    __table_args__ = {"comment": "The 27 articles of the regulation"}

    number = Column(Integer, primary_key=True, comment="Article number 1..27")
    label = Column(String(16), nullable=False, comment="第十九条")
    title = Column(Text, nullable=False, comment="The parenthesised heading, e.g. 补贴数额")
    chapter_number = Column(
        Integer, ForeignKey("chapters.number"), nullable=False, comment="Chapter 1..6"
    )
    body = Column(
        Text,
        nullable=False,
        comment="Full text without the 第N条（…） prefix; paragraphs and items one per line",
    )
    full_text = Column(Text, nullable=False, comment="第十九条（补贴数额）… as printed")

    chapter = relationship("ChapterRow")
    paragraphs = relationship("ParagraphRow", order_by="ParagraphRow.number")
    items = relationship("ItemRow", order_by="ItemRow.number")


class ParagraphRow(Base):
    """A paragraph (款) of an article; 第二条第二款 is the definition of 社会力量."""

    __tablename__ = "article_paragraphs"
    __table_args__ = {"comment": "Paragraphs (款) of the articles"}

    id = Column(Integer, primary_key=True)
    article_number = Column(
        Integer, ForeignKey("articles.number"), nullable=False, comment="Article 1..27"
    )
    number = Column(Integer, nullable=False, comment="Paragraph number within the article, from 1")
    text = Column(Text, nullable=False, comment="Paragraph text, its items one per line")


class ItemRow(Base):
    """An enumerated item (项) of an article: 第十五条第（三）项."""

    __tablename__ = "article_items"
    __table_args__ = {"comment": "Enumerated items （一）… of the articles"}

    id = Column(Integer, primary_key=True)
    article_number = Column(
        Integer, ForeignKey("articles.number"), nullable=False, comment="Article 1..27"
    )
    paragraph_number = Column(
        Integer, nullable=False, comment="Paragraph of the article the item belongs to"
    )
    number = Column(Integer, nullable=False, comment="Item number: （三） is 3")
    label = Column(String(16), nullable=False, comment="（三）")
    heading = Column(Text, comment="Text before the first ：, e.g. 入职管理 (null if none)")
    text = Column(Text, nullable=False, comment="Item text without its （N） label")


class InterpretationSectionRow(Base):
    """A section 五、主要内容解读 or subsection 五（七）服务补贴 of the 政策解读."""

    __tablename__ = "interpretation_sections"
    __table_args__ = {"comment": "Sections and subsections of the 政策解读"}

    id = Column(Integer, primary_key=True)
    parent_id = Column(
        Integer,
        ForeignKey("interpretation_sections.id"),
        comment="Section of a subsection; null for a section",
    )
    number = Column(Integer, nullable=False, comment="Section number: 五 is 5")
    sub_number = Column(Integer, comment="Subsection number: （七） is 7; null for a section")
    label = Column(String(16), nullable=False, comment="五 or 五（七）")
    heading = Column(Text, nullable=False, comment="主要内容解读 / 服务补贴")
    body = Column(
        Text, nullable=False, comment="Own text (for a section: before its first subsection)"
    )
    full_text = Column(Text, nullable=False, comment="Heading, body and subsections as printed")
    citation = Column(Text, nullable=False, comment="《政策解读》五（七）服务补贴")
    related_articles = Column(
        JSON, nullable=False, comment="Articles the text names as 第N条 (list of ints)"
    )


class ReportPassageRow(Base):
    """A report passage about the 托管 pilot or its information platform."""

    __tablename__ = "report_passages"
    __table_args__ = {"comment": "Passages of government reports that mention the 托管 service"}

    id = Column(Integer, primary_key=True)
    key = Column(
        String(64), unique=True, nullable=False, comment="Passage key from kb/sources/reports.txt"
    )
    document_id = Column(Integer, ForeignKey("documents.id"), nullable=False, comment="The report")
    section = Column(Text, comment="Where in the report the passage stands")
    topic = Column(Text, comment="What the passage is about, in one line")
    seed_lines = Column(String(32), comment="Line(s) of the seed file")
    notes = Column(Text, comment="What was copied and which extraction artefacts were fixed")
    text = Column(Text, nullable=False, comment="The passage, copied verbatim")

    document = relationship("Document")


class TopicRow(Base):
    """A topic of kb/topics.yml."""

    __tablename__ = "topics"
    __table_args__ = {"comment": "Topics: groups of articles and 政策解读 sections"}

    key = Column(String(64), primary_key=True, comment="Topic key, e.g. subsidy")
    name = Column(Text, nullable=False, comment="Chinese name, e.g. 服务补贴")
    description = Column(Text, comment="What the topic covers")
    articles = Column(JSON, nullable=False, comment="Article numbers (list of ints)")
    interpretation = Column(JSON, nullable=False, comment='政策解读 labels, e.g. ["五（七）"]')


class FaqRow(Base):
    """A curated answer of kb/faq.yml."""

    __tablename__ = "faq_entries"
    __table_args__ = {"comment": "Curated answers every channel renders"}

    key = Column(String(64), primary_key=True, comment="FAQ key, e.g. subsidy_amount")
    intent = Column(String(80), unique=True, nullable=False, comment="NLU intent: ask_<key>")
    topic = Column(String(64), ForeignKey("topics.key"), nullable=False, comment="Topic key")
    question = Column(Text, nullable=False, comment="A typical question")
    answer = Column(Text, nullable=False, comment="The answer in Chinese")
    articles = Column(JSON, nullable=False, comment="Articles the answer rests on (list of ints)")
    interpretation = Column(
        Boolean, nullable=False, comment="True when the answer draws on the 政策解读"
    )
    reports = Column(
        Boolean, nullable=False, comment="True when the answer draws on the report passages"
    )
    position = Column(Integer, nullable=False, comment="Order in faq.yml")


class SearchPassageRow(Base):
    """One searchable unit with its jieba tokens (the BM25 index is built from these rows)."""

    __tablename__ = "search_passages"
    __table_args__ = {"comment": "Searchable units and their tokens"}

    id = Column(Integer, primary_key=True)
    kind = Column(String(16), nullable=False, comment="article | interpretation | report | faq")
    ref = Column(
        String(80),
        unique=True,
        nullable=False,
        comment="article:19, item:15:3, interpretation:五（七）, report:<key>, faq:<key>",
    )
    article_number = Column(Integer, comment="Article of an article or item unit; null otherwise")
    item_number = Column(Integer, comment="Item of an item unit; null otherwise")
    related_articles = Column(
        JSON, nullable=False, comment="Articles the unit is about (list of ints)"
    )
    citation = Column(
        Text,
        nullable=False,
        comment="《管理办法》第十九条 / 《政策解读》五（七）服务补贴 / report title",
    )
    title = Column(Text, nullable=False, comment="Short title shown with a hit")
    text = Column(Text, nullable=False, comment="The text shown (snippets are cut from it)")
    tokens = Column(
        Text,
        nullable=False,
        comment="Index tokens, space separated (jieba + domain dictionary, stop words dropped)",
    )
    length = Column(Float, nullable=False, comment="Number of tokens (BM25 document length)")
    position = Column(Integer, nullable=False, comment="Order of the unit in its source")


class MetaRow(Base):
    """Key/value facts about the build: the sources' content hash, versions, build time."""

    __tablename__ = "meta"
    __table_args__ = {"comment": "Build metadata (source_hash decides whether to rebuild)"}

    key = Column(
        String(64),
        primary_key=True,
        comment="source_hash | parser_version | schema_version | built_at",
    )
    value = Column(Text, nullable=False, comment="The value as text")
