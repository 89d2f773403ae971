"""Write the parsed sources, the curated data and the search units to the database.

Every table is dropped and recreated, then filled in one transaction, so a reader never sees a
half-built knowledge base (SQLite) and a rebuild after a schema change needs no migration.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from kb import models, versions
from kb.analyzer import load_analyzer
from kb.curated import load_faq, load_topics
from kb.parser import ParsedSources, parse_sources
from kb.passages import search_units
from kb.paths import KbFiles
from kb.records import DocumentInfo, FaqEntry, InterpretationSection, Topic


def write_database(url: str, files: KbFiles, digest: str) -> None:
    """Parse and check every input of ``files`` and store it at ``url`` with its hash."""
    sources = parse_sources(files.regulation, files.interpretation, files.reports)
    labels = {s.label for top in sources.interpretation.sections for s in (top, *top.subsections)}
    topics = load_topics(files.topics, labels)
    faq = load_faq(files.faq, {t.key for t in topics})
    engine = create_engine(url, future=True)
    try:
        _write(engine, files, sources, topics, faq, digest)
    finally:
        engine.dispose()


def _document_row(info: DocumentInfo) -> models.Document:
    return models.Document(
        key=info.key,
        kind=info.kind,
        title=info.title,
        short_title=info.short_title,
        doc_number=info.doc_number,
        issuer=info.issuer,
        issued_on=info.issued_on,
        effective_from=info.effective_from,
        published_in=info.published_in,
        seed_file=info.seed_file,
        seed_lines=info.seed_lines,
        notes=info.notes,
    )


def _write(
    engine: Engine,
    files: KbFiles,
    sources: ParsedSources,
    topics: tuple[Topic, ...],
    faq: tuple[FaqEntry, ...],
    digest: str,
) -> None:
    analyzer = load_analyzer(files)
    models.Base.metadata.drop_all(engine)
    models.Base.metadata.create_all(engine)
    with Session(engine, future=True) as session, session.begin():
        session.add(_document_row(sources.regulation.document))
        session.add(_document_row(sources.interpretation.document))
        for chapter in sources.regulation.chapters:
            session.add(
                models.ChapterRow(number=chapter.number, label=chapter.label, title=chapter.title)
            )
        for article in sources.regulation.articles:
            session.add(
                models.ArticleRow(
                    number=article.number,
                    label=article.label,
                    title=article.title,
                    chapter_number=article.chapter.number,
                    body=article.body,
                    full_text=article.full_text,
                )
            )
            for paragraph in article.paragraphs:
                session.add(
                    models.ParagraphRow(
                        article_number=article.number, number=paragraph.number, text=paragraph.text
                    )
                )
            for item in article.items:
                session.add(
                    models.ItemRow(
                        article_number=article.number,
                        paragraph_number=item.paragraph,
                        number=item.number,
                        label=item.label,
                        heading=item.heading,
                        text=item.text,
                    )
                )
        for section in sources.interpretation.sections:
            parent = _section_row(section, None)
            session.add(parent)
            session.flush()  # the subsections need the parent's id
            for sub in section.subsections:
                session.add(_section_row(sub, parent.id))
        documents: dict[str, models.Document] = {}
        for passage in sources.reports:
            document = documents.get(passage.document.key)
            if document is None:
                document = documents[passage.document.key] = _document_row(passage.document)
                session.add(document)
            session.add(
                models.ReportPassageRow(
                    key=passage.key,
                    document=document,
                    section=passage.section,
                    topic=passage.topic,
                    seed_lines=passage.seed_lines,
                    notes=passage.notes,
                    text=passage.text,
                )
            )
        for topic in topics:
            session.add(
                models.TopicRow(
                    key=topic.key,
                    name=topic.name,
                    description=topic.description,
                    articles=list(topic.articles),
                    interpretation=list(topic.interpretation),
                )
            )
        for position, entry in enumerate(faq):
            session.add(
                models.FaqRow(
                    key=entry.key,
                    intent=entry.intent,
                    topic=entry.topic,
                    question=entry.question,
                    answer=entry.answer,
                    articles=list(entry.articles),
                    interpretation=entry.interpretation,
                    reports=entry.reports,
                    position=position,
                )
            )
        for position, unit in enumerate(search_units(sources, faq)):
            tokens = analyzer.tokens(unit.index_text)
            session.add(
                models.SearchPassageRow(
                    kind=unit.kind,
                    ref=unit.ref,
                    article_number=unit.article,
                    item_number=unit.item,
                    related_articles=list(unit.related_articles),
                    citation=unit.citation,
                    title=unit.title,
                    text=unit.text,
                    tokens=" ".join(tokens),
                    length=float(len(tokens)),
                    position=position,
                )
            )
        meta = {
            "source_hash": digest,
            **{f"{name}_version": value for name, value in versions.ALL.items()},
            "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }
        for key, value in meta.items():
            session.add(models.MetaRow(key=key, value=value))


def _section_row(
    section: InterpretationSection, parent_id: int | None
) -> models.InterpretationSectionRow:
    return models.InterpretationSectionRow(
        parent_id=parent_id,
        number=section.number,
        sub_number=section.sub_number,
        label=section.label,
        heading=section.heading,
        body=section.body,
        full_text=section.full_text,
        citation=section.citation,
        related_articles=list(section.related_articles),
    )
