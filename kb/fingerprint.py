"""The content hash that decides whether the database must be rebuilt.

It covers every build input (kb/sources/*, faq.yml, topics.yml, synonyms.yml, stopwords.txt, the
jieba user dictionaries), the parser, schema and index versions and the installed jieba version
(its main dictionary decides the tokens). Computing it reads a few small files and imports
neither jieba nor the parser, so an unchanged build returns at once.
"""

from __future__ import annotations

import hashlib
from importlib import metadata

from kb.paths import KbFiles


def jieba_version() -> str:
    try:
        return metadata.version("jieba")
    except metadata.PackageNotFoundError:
        return "missing"


def source_hash(files: KbFiles, versions: dict[str, str]) -> str:
    """sha256 over the versions and the relative path and bytes of every build input."""
    digest = hashlib.sha256()
    for name, value in sorted({**versions, "jieba": jieba_version()}.items()):
        digest.update(f"{name}={value}\n".encode())
    for path in files.build_inputs():
        digest.update(path.relative_to(files.root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()
