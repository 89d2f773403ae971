"""The token layer under the fact extractor: whitespace-free text and jieba word boundaries.

- :func:`remove_spaces`: any whitespace (ASCII, no-break U+00A0, full-width U+3000, tabs, line
  breaks, zero-width) between characters that are not both Latin letters or digits goes, so
  「坪山 的 公司 100 人」 reads as 「坪山的公司100人」 and 「100\u00a0人」 as 「100人」; 「HR service」 keeps
  its space. Called by the normaliser, so the classifier and the extractor see the same text.
- :func:`token_boundaries`: where jieba (with the domain dictionary kb/jieba_dict) puts word
  boundaries, so that a name is found only where it stands as a word (光明正大 is no 光明区).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

# Whitespace as Unicode counts it, plus the zero-width characters people paste by accident.
_SPACE = r"[\s\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+"
_LATIN = r"[A-Za-z0-9]"
_INNER_SPACE = re.compile(rf"(?<!{_LATIN}){_SPACE}|{_SPACE}(?!{_LATIN})")


def remove_spaces(text: str) -> str:
    """Text without whitespace, except a single space between two Latin words or numbers."""
    text = _INNER_SPACE.sub("", text.strip())
    return re.sub(_SPACE, " ", text)


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    from kb.analyzer import new_tokenizer
    from kb.paths import KbFiles

    return new_tokenizer(KbFiles.default().jieba_dicts())


@lru_cache(maxsize=4096)
def token_boundaries(text: str) -> frozenset[int]:
    """Every offset where a jieba word starts or ends (0 and ``len(text)`` included)."""
    bounds = {0, len(text)}
    for _, start, end in _tokenizer().tokenize(text, HMM=False):
        bounds.update((start, end))
    return frozenset(bounds)
