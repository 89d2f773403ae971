"""The spaCy alternative to the regex fact extractor (bot/language/facts.py), for comparison.

A blank spaCy ``zh`` pipeline segments the text with jieba (the project's domain dictionary in
``kb/jieba_dict`` loaded, through the same private tokenizer the knowledge base uses) and an
EntityRuler marks spans with the token patterns in ``spacy_entity_patterns.yml``. This module
turns each span into the facts vocabulary of :mod:`bot.language.facts` (entity, value, role):

* the entity is the pattern's ``label`` (``ignore`` spans only block shorter matches);
* the pattern's ``id`` is ``VALUE`` or ``VALUE|ROLE``; ``*`` means "read it from the span":
  numbers through :mod:`bot.language.numbers` (45, 八十多 → ``81-89``, 百分之二十 → ``20``),
  dates to ISO (``2021-05`` / ``2021-05-10``), districts to their canonical name, and a
  district's role from the role words the pattern matched (注册 / 纳税 / 经营, or ``all``).

Nothing is built at import time: the pipeline is made on the first call and cached (loading
spaCy and jieba's main dictionary takes a few seconds).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from bot.language.facts import ABOUT, MORE_THAN, Fact, headcount_value, iso_date
from bot.language.gazetteer import bare_place_names, role_words
from bot.language.numbers import NUMBER, to_decimal, to_int

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Span

PATTERNS_FILE = Path(__file__).with_name("spacy_entity_patterns.yml")
IGNORE = "ignore"
READ_FROM_SPAN = "*"

# A token that carries the number, with what jieba glued to it: 45, 八十多, 两名, 第二年, 1%, 百分之二十
_NUMBER_TOKEN = re.compile(
    rf"^(?:第|百分之)?(?P<n>{NUMBER})(?P<rest>[多来余个名位号家件起宗分年度月日%人里中出]*)$"
)
_CN_YEAR = "零〇一二三四五六七八九"
_DATE_CN = re.compile(
    rf"^(?P<y>\d{{4}}|\d{{2}}|[{_CN_YEAR}]{{4}}|[{_CN_YEAR}]{{2}})年(?P<m>{NUMBER})月份?(?:(?P<d>{NUMBER})[日号])?$"
)
_DATE_ISO = re.compile(r"^(?P<y>\d{4})[-/.](?P<m>\d{1,2})(?:[-/.](?P<d>\d{1,2}))?$")
# Plausible ranges; a span whose number falls outside is not taken as that fact.
_RANGES: dict[str, tuple[int, int]] = {
    "headcount": (1, 100000),
    "service_year": (1, 20),
    "months": (0, 120),
    "years": (0, 50),
    "count": (0, 100000),
    "score": (0, 100),
    "percent": (0, 100),
}
_DECIMAL_ENTITIES = ("percent", "score")


@dataclass(frozen=True)
class PatternSet:
    """The contents of the pattern file, placeholders filled in."""

    patterns: list[dict[str, Any]]
    districts: dict[str, str]
    district_roles: dict[str, list[str]]


def _fill(value: Any, substitutions: dict[str, str]) -> Any:
    """Replace ``{NUMBER}`` / ``{DISTRICT}`` in every string of a (nested) pattern."""
    if isinstance(value, str):
        for placeholder, text in substitutions.items():
            value = value.replace(placeholder, text)
        return value
    if isinstance(value, list):
        return [_fill(item, substitutions) for item in value]
    if isinstance(value, dict):
        return {key: _fill(item, substitutions) for key, item in value.items()}
    return value


def load_patterns(path: Path = PATTERNS_FILE) -> PatternSet:
    """Read the pattern file; the ``tokens:`` section only holds YAML anchors and is skipped."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    districts = bare_place_names()  # the gazetteer's (bot/language/gazetteer.py)
    substitutions = {
        "{NUMBER}": NUMBER,
        "{DISTRICT}": "|".join(sorted(districts, key=len, reverse=True)),
    }
    patterns = [
        {
            "label": str(p["label"]),
            "id": str(p.get("id") or ""),
            "pattern": _fill(p["pattern"], substitutions),
        }
        for p in data["patterns"]
    ]
    return PatternSet(
        patterns=patterns,
        districts=districts,
        district_roles={role: list(words) for role, words in role_words().items()},
    )


def build_pipeline(pattern_set: PatternSet | None = None) -> Language:
    """A blank ``zh`` pipeline (jieba segmenter with the domain dictionary) plus the EntityRuler."""
    import spacy

    from kb.analyzer import new_tokenizer
    from kb.paths import KbFiles

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    # spaCy segments with the ``jieba`` module's global tokenizer; use the project's private one
    # (domain dictionary loaded, shared with the knowledge base) so the global one is untouched.
    tokenizer: Any = nlp.tokenizer
    tokenizer.jieba_seg = new_tokenizer(KbFiles.default().jieba_dicts())
    ruler: Any = nlp.add_pipe("entity_ruler", config={"validate": True})
    ruler.add_patterns((pattern_set or load_patterns()).patterns)
    return nlp


@lru_cache(maxsize=1)
def _pipeline_and_patterns() -> tuple[Language, PatternSet]:
    pattern_set = load_patterns()
    return build_pipeline(pattern_set), pattern_set


def pipeline() -> Language:
    """The cached pipeline (built on first use)."""
    return _pipeline_and_patterns()[0]


# ---------------------------------------------------------------- reading values from a span
def _number(span: Span) -> tuple[str, str] | None:
    """The number in the span and the text after it.

    The number starts at the first token that is a number (perhaps with a unit glued on) and may
    run on into the next tokens: 六 | 十分 → 六十, 三十 | 来个 | 工人 → 三十 (then 来个工人).
    """
    for token in span:
        if _NUMBER_TOKEN.match(token.text):
            rest = span.doc.text[token.idx : span.end_char]
            match = re.match(rf"(?:第|百分之)?(?P<n>{NUMBER})", rest)
            if match:
                return match.group("n"), rest[match.end() :]
    return None


def _approximation(after_number: str) -> str | None:
    """多/余 (more than) or 来/左右/上下/出头 (about) after the number: 八十多人, 一百人左右."""
    for marker in (*MORE_THAN, *ABOUT):
        if marker in after_number:
            return marker
    return None


def _date_value(span: Span) -> str | None:
    text = re.sub(r"\s+", "", span.text)
    match = _DATE_CN.match(text) or _DATE_ISO.match(text)
    if not match:
        return None
    day = to_int(match.group("d")) if match.group("d") else None
    if match.group("d") and day is None:
        return None  # a day that is not a number: not a date
    return iso_date(to_int(match.group("y")), to_int(match.group("m")), day)


def _number_value(entity: str, span: Span) -> str | None:
    found = _number(span)
    if found is None:
        return None
    text, glued = found
    low, high = _RANGES.get(entity, (0, 10**9))
    if entity in _DECIMAL_ENTITIES:
        decimal = to_decimal(text)
        if decimal is None or not low <= decimal <= high:
            return None
        return format(decimal.normalize(), "f")
    n = to_int(text)
    if n is None or not low <= n <= high:
        return None
    if entity == "headcount":
        return headcount_value(n, _approximation(glued))
    return str(n)


def _district_value(span: Span, pattern_set: PatternSet) -> str | None:
    for token in span:
        for name in sorted(pattern_set.districts, key=len, reverse=True):
            if token.text.startswith(name):
                return pattern_set.districts[name]
    return None


def _district_roles(span: Span, pattern_set: PatternSet) -> list[str | None]:
    """The roles named in the span: none → [None]; all three → ["all"] (「注册和经营都在坪山」
    names two: 纳税地 is still unknown)."""
    roles: list[str] = []
    for token in span:
        for role, words in pattern_set.district_roles.items():
            if token.text.startswith(tuple(words)) and role not in roles:
                roles.append(role)
    if len(roles) == 3:
        return ["all"]
    return list(roles) or [None]


def _span_facts(span: Span, pattern_set: PatternSet) -> list[Fact]:
    """The facts one ruler span stands for (none when its value cannot be read)."""
    entity = span.label_
    if entity == IGNORE:
        return []
    value_spec, _, role_spec = span.ent_id_.partition("|")
    if value_spec != READ_FROM_SPAN:
        value: str | None = value_spec
    elif entity == "date":
        value = _date_value(span)
    elif entity == "district":
        value = _district_value(span, pattern_set)
    else:
        value = _number_value(entity, span)
    if not value:
        return []
    roles: list[str | None]
    if role_spec == READ_FROM_SPAN:
        roles = _district_roles(span, pattern_set)
    else:
        roles = [role_spec or None]
    return [Fact(entity, value, span.start_char, span.end_char, role) for role in roles]


def spacy_facts(normalized_text: str) -> list[Fact]:
    """All facts the EntityRuler finds in one (normalised) message, in text order."""
    nlp, pattern_set = _pipeline_and_patterns()
    doc = nlp(normalized_text)
    facts = [fact for span in doc.ents for fact in _span_facts(span, pattern_set)]
    return sorted(facts, key=lambda f: (f.start, f.entity))


def extract_with_spacy(text: str) -> list[tuple[str, str, str | None]]:
    """(entity, value, role) for each fact in a message as typed (normalised here first)."""
    from bot.language.normalize import normalize_text

    return [(f.entity, f.value, f.role) for f in spacy_facts(normalize_text(text))]
