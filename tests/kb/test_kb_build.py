"""python -m kb.build: idempotent, rebuilds when an input changes, honours KB_URL."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb import build as build_module
from kb.build import TABLES, build, stored_state
from kb.curated import CuratedDataError
from kb.paths import REPO_ROOT, KbFiles, default_url
from kb.repository import KnowledgeBase

EXPECTED_COUNTS = {
    "chapters": 6,
    "articles": 27,
    "article_items": 30,
    "interpretation_sections": 9 + 2 + 10 + 2,
    "report_passages": 3,
}


def url_in(tmp_path: Path, name: str = "kb.sqlite3") -> str:
    return f"sqlite:///{tmp_path / name}"


def test_first_build_fills_every_table(tmp_path: Path, kb_copy: KbFiles) -> None:
    report = build(url_in(tmp_path), files=kb_copy)
    assert report.changed
    assert set(report.counts) == set(TABLES)
    for table, count in EXPECTED_COUNTS.items():
        assert report.counts[table] == count, table
    assert report.counts["faq_entries"] >= 44
    assert "rebuilt" in report.summary()


def test_second_build_reports_unchanged_with_the_same_counts(
    tmp_path: Path, kb_copy: KbFiles
) -> None:
    url = url_in(tmp_path)
    first = build(url, files=kb_copy)
    second = build(url, files=kb_copy)
    assert not second.changed
    assert second.counts == first.counts
    assert second.source_hash == first.source_hash
    assert "unchanged" in second.summary()
    assert second.seconds < 1.0


def test_unchanged_check_does_not_parse_anything(
    tmp_path: Path, kb_copy: KbFiles, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = url_in(tmp_path)
    build(url, files=kb_copy)
    import kb.writer

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("an unchanged build must not rewrite the database")

    monkeypatch.setattr(kb.writer, "write_database", fail)
    assert not build(url, files=kb_copy).changed


def test_changed_regulation_text_is_rebuilt(tmp_path: Path, kb_copy: KbFiles) -> None:
    url = url_in(tmp_path)
    first = build(url, files=kb_copy)
    text = kb_copy.regulation.read_text(encoding="utf-8")
    kb_copy.regulation.write_text(text.replace("之日起15日内", "之日起20日内"), encoding="utf-8")
    second = build(url, files=kb_copy)
    assert second.changed
    assert second.source_hash != first.source_hash
    assert second.counts == first.counts
    article = KnowledgeBase.from_url(url, files=kb_copy).article(17)
    assert "之日起20日内" in article.body


def test_changed_faq_is_rebuilt(tmp_path: Path, kb_copy: KbFiles) -> None:
    url = url_in(tmp_path)
    build(url, files=kb_copy)
    text = kb_copy.faq.read_text(encoding="utf-8")
    kb_copy.faq.write_text(
        text.replace("question: 托管补贴有多少钱？", "question: 补贴给多少？"), encoding="utf-8"
    )
    assert build(url, files=kb_copy).changed
    entry = KnowledgeBase.from_url(url, files=kb_copy).faq("subsidy_amount")
    assert entry is not None and entry.question == "补贴给多少？"


def test_changed_jieba_dictionary_is_rebuilt(tmp_path: Path, kb_copy: KbFiles) -> None:
    url = url_in(tmp_path)
    build(url, files=kb_copy)
    with (kb_copy.jieba_dict_dir / "domain.txt").open("a", encoding="utf-8") as handle:
        handle.write("托管补贴 2000 n\n")
    assert build(url, files=kb_copy).changed


def test_force_rebuilds_unchanged_sources(tmp_path: Path, kb_copy: KbFiles) -> None:
    url = url_in(tmp_path)
    build(url, files=kb_copy)
    assert build(url, force=True, files=kb_copy).changed


def test_a_faq_citing_a_missing_article_fails_the_build(tmp_path: Path, kb_copy: KbFiles) -> None:
    text = kb_copy.faq.read_text(encoding="utf-8")
    kb_copy.faq.write_text(text.replace("articles: [24]", "articles: [28]"), encoding="utf-8")
    with pytest.raises(CuratedDataError, match="no such article"):
        build(url_in(tmp_path), files=kb_copy)
    assert stored_state(url_in(tmp_path)).source_hash is None


def test_topics_must_cover_every_article(tmp_path: Path, kb_copy: KbFiles) -> None:
    text = kb_copy.topics.read_text(encoding="utf-8")
    kb_copy.topics.write_text(
        text.replace("articles: [24, 25]", "articles: [25]"), encoding="utf-8"
    )
    with pytest.raises(CuratedDataError, match=r"articles \[24\] belong to no topic"):
        build(url_in(tmp_path), files=kb_copy)


def test_kb_url_selects_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kb_copy: KbFiles
) -> None:
    target = tmp_path / "elsewhere" / "chosen.sqlite3"
    monkeypatch.setenv("KB_URL", f"sqlite:///{target}")
    report = build(files=kb_copy)
    assert report.url == f"sqlite:///{target}"
    assert target.is_file()


def test_default_database_is_var_kb_sqlite3(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KB_URL", raising=False)
    assert default_url() == f"sqlite:///{REPO_ROOT / 'var' / 'kb.sqlite3'}"


def test_an_empty_database_is_built_on_first_open(tmp_path: Path, kb_copy: KbFiles) -> None:
    url = url_in(tmp_path)
    kb = KnowledgeBase.from_url(url, files=kb_copy)
    assert kb.article(1).title == "主要目的及依据"
    assert stored_state(url).source_hash is not None


def test_build_command_prints_what_it_did(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    kb_copy: KbFiles,
) -> None:
    monkeypatch.setattr(KbFiles, "default", classmethod(lambda cls: kb_copy))
    url = url_in(tmp_path)
    assert build_module.main(["--url", url]) == 0
    assert "rebuilt" in capsys.readouterr().out
    assert build_module.main(["--url", url]) == 0
    assert "unchanged" in capsys.readouterr().out
