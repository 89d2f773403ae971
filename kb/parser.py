"""Parse ``kb/sources/*.txt`` into records (:mod:`kb.records`).

Each source file is one or more blocks: a YAML header between ``---`` lines (where the text came
from: seed file, line range, title, 文号, issuing body, date) followed by the text copied from the
seed. The regulation is read as chapters (第一章 总则), articles (第一条（主要目的及依据）…),
paragraphs (款: a new line of plain text) and items (项: lines opening with （一）); the
政策解读 as sections (一、背景情况) and subsections (（一）有关研究情况); the reports as passages.

Bump :data:`kb.versions.PARSER_VERSION` whenever the output of this module changes for the same input:
the build hashes it with the sources to decide whether to rebuild.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from kb.records import (
    Article,
    ArticleItem,
    Chapter,
    DocumentInfo,
    InterpretationSection,
    Paragraph,
    ReportPassage,
)
from rules_core.citations import ARTICLE_COUNT, chinese_number

_NUMERAL = "[一二三四五六七八九十]+"
_CHAPTER = re.compile(rf"^第({_NUMERAL})章\s+(\S.*)$")
_ARTICLE = re.compile(rf"^第({_NUMERAL})条（([^）]+)）(.*)$")
_ITEM = re.compile(rf"^（({_NUMERAL})）(.*)$")
_SECTION = re.compile(rf"^({_NUMERAL})、(.+)$")
_ARTICLE_MENTION = re.compile(rf"第({_NUMERAL})条")
# An inline subsection heading is a short phrase closed by 。: （一）有关研究情况。2016年…
_INLINE_HEADING_MAX = 12


class SourceFormatError(ValueError):
    """A source file does not have the shape the parser expects."""


def from_chinese(numeral: str) -> int:
    """一 → 1, 十五 → 15, 二十七 → 27 (the inverse of :func:`chinese_number`, 1..99)."""
    for n in range(1, 100):
        if chinese_number(n) == numeral:
            return n
    raise SourceFormatError(f"not a Chinese numeral between 1 and 99: {numeral!r}")


@dataclass(frozen=True)
class SourceBlock:
    """A header (parsed YAML) and the text that follows it."""

    header: dict[str, Any]
    text: str


def split_blocks(content: str) -> list[SourceBlock]:
    """Split a source file into its ``---`` YAML header + text blocks."""
    lines = content.split("\n")
    blocks: list[SourceBlock] = []
    i = 0
    while i < len(lines):
        if lines[i].strip() != "---":
            if lines[i].strip():
                raise SourceFormatError(f"text outside a block at line {i + 1}: {lines[i]!r}")
            i += 1
            continue
        try:
            end = lines.index("---", i + 1)
        except ValueError as exc:
            raise SourceFormatError(f"unterminated header starting at line {i + 1}") from exc
        header = yaml.safe_load("\n".join(lines[i + 1 : end])) or {}
        j = end + 1
        while j < len(lines) and lines[j].strip() != "---":
            j += 1
        blocks.append(SourceBlock(header=header, text="\n".join(lines[end + 1 : j]).strip()))
        i = j
    return blocks


def document_info(key: str, header: dict[str, Any]) -> DocumentInfo:
    """The :class:`DocumentInfo` described by a block header."""

    def as_date(value: Any) -> date | None:
        if value is None or isinstance(value, date):
            return value
        return date.fromisoformat(str(value))

    def as_text(value: Any) -> str | None:
        return None if value is None else str(value)

    return DocumentInfo(
        key=key,
        kind=str(header["document"]),
        title=str(header["title"]),
        short_title=as_text(header.get("short_title")),
        doc_number=as_text(header.get("doc_number")),
        issuer=as_text(header.get("issuer")),
        issued_on=as_date(header.get("issued_on")),
        effective_from=as_date(header.get("effective_from")),
        published_in=as_text(header.get("published_in")),
        seed_file=as_text(header.get("seed")),
        seed_lines=as_text(header.get("lines")),
        notes=as_text(header.get("notes")),
    )


def _single_block(content: str, kind: str) -> SourceBlock:
    blocks = split_blocks(content)
    if len(blocks) != 1 or blocks[0].header.get("document") != kind:
        raise SourceFormatError(f"expected one {kind!r} block, found {len(blocks)}")
    return blocks[0]


def _text_lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


# --- the regulation ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ParsedRegulation:
    document: DocumentInfo
    chapters: tuple[Chapter, ...]
    articles: tuple[Article, ...]


def _item_heading(text: str) -> str | None:
    """入职管理 in （一）入职管理：提供入职登记表样式… (None when the item has no ``：``)."""
    head, sep, _ = text.partition("：")
    return head if sep else None


def _build_article(number: int, title: str, chapter: Chapter, lines: list[str]) -> Article:
    """Group an article's lines into paragraphs (款) and items (项)."""
    paragraphs: list[list[str]] = []
    items: list[ArticleItem] = []
    for line in lines:
        item = _ITEM.match(line)
        if item and paragraphs:
            text = item.group(2)
            items.append(
                ArticleItem(
                    article=number,
                    number=from_chinese(item.group(1)),
                    text=text,
                    heading=_item_heading(text),
                    paragraph=len(paragraphs),
                )
            )
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    expected = list(range(1, len(items) + 1))
    if [i.number for i in items] != expected:
        raise SourceFormatError(f"第{number}条: items out of order {[i.number for i in items]}")
    return Article(
        number=number,
        title=title,
        chapter=chapter,
        paragraphs=tuple(Paragraph(n, "\n".join(p)) for n, p in enumerate(paragraphs, start=1)),
        items=tuple(items),
    )


def parse_regulation(content: str) -> ParsedRegulation:
    """The regulation's chapters and 27 articles."""
    block = _single_block(content, "regulation")
    document = document_info("regulation", block.header)
    lines = _text_lines(block.text)
    if lines and lines[0] == document.title:
        lines = lines[1:]
    chapters: list[Chapter] = []
    articles: list[Article] = []
    current: tuple[int, str, list[str]] | None = None

    def flush() -> None:
        if current is not None:
            number, title, body = current
            articles.append(_build_article(number, title, chapters[-1], body))

    for line in lines:
        if chapter := _CHAPTER.match(line):
            flush()
            current = None
            chapters.append(Chapter(from_chinese(chapter.group(1)), chapter.group(2).strip()))
        elif article := _ARTICLE.match(line):
            flush()
            if not chapters:
                raise SourceFormatError(f"article before any chapter: {line[:20]}")
            first = article.group(3).strip()
            current = (from_chinese(article.group(1)), article.group(2), [first] if first else [])
        elif current is not None:
            current[2].append(line)
        else:
            raise SourceFormatError(f"text outside an article: {line[:30]!r}")
    flush()
    numbers = [a.number for a in articles]
    if numbers != list(range(1, ARTICLE_COUNT + 1)):
        raise SourceFormatError(f"expected articles 1..{ARTICLE_COUNT}, found {numbers}")
    return ParsedRegulation(document, tuple(chapters), tuple(articles))


# --- the 政策解读 -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ParsedInterpretation:
    document: DocumentInfo
    sections: tuple[InterpretationSection, ...]


def mentioned_articles(text: str) -> tuple[int, ...]:
    """Article numbers named as 第N条 in a text, in order of first mention (1..27 only)."""
    found: list[int] = []
    for match in _ARTICLE_MENTION.finditer(text):
        n = from_chinese(match.group(1))
        if 1 <= n <= ARTICLE_COUNT and n not in found:
            found.append(n)
    return tuple(found)


def _split_inline_heading(rest: str) -> tuple[str, str | None]:
    """（一）有关研究情况。2016年… → (有关研究情况, 2016年…); a bare heading → (heading, None)."""
    head, sep, tail = rest.partition("。")
    if sep and tail and len(head) <= _INLINE_HEADING_MAX:
        return head, tail
    return rest, None


def parse_interpretation(content: str) -> ParsedInterpretation:
    """The nine sections of the 政策解读 with their subsections （一）…"""
    block = _single_block(content, "interpretation")
    document = document_info("interpretation", block.header)
    lines = _text_lines(block.text)
    if lines and lines[0] == document.title:
        lines = lines[1:]

    # [number, heading, body lines, [[sub number, heading, body lines], ...]]
    sections: list[tuple[int, str, list[str], list[tuple[int, str, list[str]]]]] = []
    for line in lines:
        if section := _SECTION.match(line):
            sections.append((from_chinese(section.group(1)), section.group(2).strip(), [], []))
            continue
        if not sections:
            raise SourceFormatError(f"text before the first section: {line[:30]!r}")
        subs = sections[-1][3]
        if sub := _ITEM.match(line):
            heading, first = _split_inline_heading(sub.group(2).strip())
            subs.append((from_chinese(sub.group(1)), heading, [first] if first else []))
        elif subs:
            subs[-1][2].append(line)
        else:
            sections[-1][2].append(line)

    records: list[InterpretationSection] = []
    for number, heading, body, subs in sections:
        children = tuple(
            InterpretationSection(
                number=number,
                sub_number=sub_number,
                heading=sub_heading,
                body="\n".join(sub_body),
                related_articles=mentioned_articles("\n".join(sub_body)),
            )
            for sub_number, sub_heading, sub_body in subs
        )
        text = "\n".join(body)
        related = mentioned_articles(text + "\n" + "\n".join(c.body for c in children))
        records.append(
            InterpretationSection(
                number=number,
                heading=heading,
                body=text,
                subsections=children,
                related_articles=related,
            )
        )
    if [s.number for s in records] != list(range(1, len(records) + 1)):
        raise SourceFormatError(f"sections out of order: {[s.number for s in records]}")
    return ParsedInterpretation(document, tuple(records))


# --- the report passages ----------------------------------------------------------------------


def _report_key(title: str) -> str:
    return "report:" + title


def parse_reports(content: str) -> tuple[ReportPassage, ...]:
    """The report passages, each with the document it was taken from."""
    passages: list[ReportPassage] = []
    documents: dict[str, DocumentInfo] = {}
    for block in split_blocks(content):
        header = block.header
        if header.get("document") != "report":
            raise SourceFormatError(f"not a report block: {header.get('document')!r}")
        if not block.text:
            raise SourceFormatError(f"empty report passage {header.get('passage')!r}")
        title = str(header["title"])
        # Line range and notes describe the passage; the rest of the header, its report.
        document = document_info(_report_key(title), {**header, "lines": None, "notes": None})
        known = documents.setdefault(document.key, document)
        if known != document:
            raise SourceFormatError(f"passages of 《{title}》 disagree about the report")
        passages.append(
            ReportPassage(
                key=str(header["passage"]),
                document=document,
                text=block.text,
                section=header.get("section"),
                topic=header.get("topic"),
                seed_lines=None if header.get("lines") is None else str(header["lines"]),
                notes=header.get("notes"),
            )
        )
    keys = [p.key for p in passages]
    if len(set(keys)) != len(keys):
        raise SourceFormatError(f"duplicate report passage keys: {keys}")
    return tuple(passages)


# --- everything -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ParsedSources:
    regulation: ParsedRegulation
    interpretation: ParsedInterpretation
    reports: tuple[ReportPassage, ...]


def parse_sources(regulation: Path, interpretation: Path, reports: Path) -> ParsedSources:
    """Parse the three source files (UTF-8)."""
    return ParsedSources(
        regulation=parse_regulation(regulation.read_text(encoding="utf-8")),
        interpretation=parse_interpretation(interpretation.read_text(encoding="utf-8")),
        reports=parse_reports(reports.read_text(encoding="utf-8")),
    )
