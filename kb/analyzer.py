"""Chinese text → index tokens: jieba with the domain dictionary, stop words, synonyms.

Documents and queries go through the same steps (NFKC, traditional → simplified when OpenCC is
installed, lower case, jieba ``cut_for_search`` without HMM so that the same text always gives
the same tokens, punctuation and stop words dropped). Queries are also expanded with the
regulation's own vocabulary for the colloquial words of ``kb/synonyms.yml`` (社保 → 社会保险,
发工资 → 薪酬 …), matched longest first so that 要钱 (the fee) wins over 钱 (the subsidy).

jieba runs as a private :class:`jieba.Tokenizer` built in :func:`load_analyzer`, never the
global one, so other users of jieba in the process (Rasa's tokenizer) are not affected.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from kb.paths import KbFiles

_WORDLIKE = re.compile(r"\w")


def _simplifier() -> Callable[[str], str]:
    """OpenCC's t2s converter when the package is installed, else the identity."""
    try:
        import opencc
    except ImportError:  # optional: the NLU pipeline may already have converted the text
        return lambda text: text
    converter = opencc.OpenCC("t2s")
    convert: Callable[[str], str] = converter.convert
    return convert


@lru_cache(maxsize=1)
def _cached_simplifier() -> Callable[[str], str]:
    return _simplifier()


def normalise(text: str) -> str:
    """NFKC (full-width digits and ％ become ASCII), simplified characters, lower case."""
    return _cached_simplifier()(unicodedata.normalize("NFKC", text)).lower()


def load_stopwords(path: Path) -> frozenset[str]:
    """One stop word per line; ``#`` starts a comment."""
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.add(normalise(word))
    return frozenset(words)


def load_synonyms(path: Path) -> dict[str, tuple[str, ...]]:
    """``colloquial: [regulation term, …]`` (a bare string counts as a one-element list)."""
    raw: Any = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(raw, dict):
        raise ValueError(f"{path}: expected a mapping of colloquial word → terms")
    table: dict[str, tuple[str, ...]] = {}
    for key, value in raw.items():
        terms = [value] if isinstance(value, str) else list(value)
        if not terms or not all(isinstance(t, str) and t for t in terms):
            raise ValueError(f"{path}: {key!r} needs one or more terms")
        table[normalise(str(key))] = tuple(terms)
    return table


@dataclass(frozen=True)
class TextAnalyzer:
    """Tokenises documents and queries the same way; expands queries with synonyms."""

    tokenizer: Any  # jieba.Tokenizer (jieba ships no type hints)
    stopwords: frozenset[str]
    synonyms: Mapping[str, tuple[str, ...]]

    def tokens(self, text: str) -> list[str]:
        """Index tokens of a text, in order, duplicates kept (BM25 counts them)."""
        words = self.tokenizer.cut_for_search(normalise(text), HMM=False)
        return [w for w in (w.strip() for w in words) if self._keep(w)]

    def _keep(self, word: str) -> bool:
        return bool(word) and bool(_WORDLIKE.search(word)) and word not in self.stopwords

    def synonym_terms(self, query: str) -> list[str]:
        """Regulation terms for the colloquial words in a query, longest match first."""
        text = normalise(query)
        longest = max((len(k) for k in self.synonyms), default=0)
        terms: list[str] = []
        i = 0
        while i < len(text):
            for size in range(min(longest, len(text) - i), 0, -1):
                found = self.synonyms.get(text[i : i + size])
                if found:
                    terms.extend(found)
                    i += size
                    break
            else:
                i += 1
        return terms

    def query_tokens(self, query: str) -> list[str]:
        """The query's own tokens followed by the tokens of its synonym terms, each once."""
        expanded = self.tokens(query)
        for term in self.synonym_terms(query):
            expanded.extend(self.tokens(term))
        return list(dict.fromkeys(expanded))


@lru_cache(maxsize=4)
def _tokenizer(user_dicts: tuple[str, ...]) -> Any:
    """A private jieba tokenizer with these dictionary texts loaded (cached by content)."""
    import jieba

    # jieba logs its dictionary loading at DEBUG level on its own logger.
    logging.getLogger("jieba").setLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for text in user_dicts:
        tokenizer.load_userdict(io.StringIO(text))
    return tokenizer


def new_tokenizer(user_dicts: list[Path]) -> Any:
    """A private jieba tokenizer with the domain dictionaries loaded.

    Loading jieba's main dictionary takes one to two seconds, so tokenizers are shared between
    callers whose user dictionaries have the same content (they are only read from).
    """
    return tokenizer_for_texts(dictionary_texts(user_dicts))


def dictionary_texts(user_dicts: list[Path]) -> tuple[str, ...]:
    """The contents of jieba user dictionaries, which identify a tokenizer (and are kept by a
    trained intent model)."""
    return tuple(path.read_text(encoding="utf-8") for path in user_dicts)


def tokenizer_for_texts(user_dict_texts: tuple[str, ...]) -> Any:
    """The same, from dictionary texts kept elsewhere (a trained model keeps its own copy)."""
    return _tokenizer(user_dict_texts)


def load_analyzer(files: KbFiles | None = None) -> TextAnalyzer:
    """The analyzer for a kb/ directory: reads its stop words and synonyms (small files) and
    takes a tokenizer for its jieba dictionaries from the shared cache."""
    files = files or KbFiles.default()
    return TextAnalyzer(
        tokenizer=new_tokenizer(files.jieba_dicts()),
        stopwords=load_stopwords(files.stopwords),
        synonyms=load_synonyms(files.synonyms),
    )
