"""The regulation, its 政策解读 and the report passages as structured, searchable records.

``kb/sources/`` holds the texts copied from the seeds; :mod:`kb.parser` turns them into records,
:mod:`kb.build` stores them (SQLAlchemy, a SQLite file by default) together with the curated
answers of ``kb/faq.yml`` and the topics of ``kb/topics.yml``; :mod:`kb.repository` answers
queries (article by number, articles by topic, BM25 full-text search over jieba tokens, FAQ).

Nothing is read or connected at import time: use :meth:`kb.repository.KnowledgeBase.from_url`.
"""
