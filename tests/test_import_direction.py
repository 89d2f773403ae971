"""Imports point one way: channels and actions → assistant layer → rules_core / kb / storage.

Read from the source files (ast), so a forbidden import fails here even if nothing runs it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

# package (a folder under the repository) → top-level modules it must never import
FORBIDDEN = {
    "rules_core": ("rasa", "rasa_sdk", "actions", "bot", "kb", "sqlalchemy"),
    "kb": ("rasa", "rasa_sdk", "actions", "bot"),
    "bot/assistant": ("rasa", "rasa_sdk", "actions", "bot.channels", "bot.components"),
    "bot/storage": (
        "rasa",
        "rasa_sdk",
        "actions",
        "bot.channels",
        "bot.components",
        "bot.assistant",
    ),
    "bot/language": (
        "rasa",
        "rasa_sdk",
        "actions",
        "bot.channels",
        "bot.components",
        "bot.assistant",
    ),
    "bot/channels": ("actions", "rasa_sdk"),
    "bot/components": ("actions", "rasa_sdk", "bot.channels"),
    "bot/server": ("actions", "rasa_sdk", "bot.channels", "bot.components"),
    # the report reads stores: no web framework, no Rasa, no channel
    "bot/report": ("rasa", "rasa_sdk", "sanic", "actions", "bot.channels", "bot.components"),
    "actions": ("rasa.", "bot.channels", "bot.components", "bot.language"),
}


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports (``from a.b import c`` → ``a.b``), relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def _violates(module: str, forbidden: str) -> bool:
    if forbidden.endswith("."):  # a package's submodules, not the package itself (rasa_sdk ≠ rasa.)
        return module.startswith(forbidden)
    return module == forbidden or module.startswith(forbidden + ".")


CASES = [
    pytest.param(path, package, id=str(path.relative_to(REPO)))
    for package in FORBIDDEN
    for path in sorted((REPO / package).rglob("*.py"))
    if "migrations" not in path.parts
]


@pytest.mark.parametrize(("path", "package"), CASES)
def test_a_module_imports_only_the_layers_below_it(path: Path, package: str) -> None:
    wrong = sorted(
        module
        for module in imported_modules(path)
        for forbidden in FORBIDDEN[package]
        if _violates(module, forbidden)
    )
    assert not wrong, f"{path.relative_to(REPO)} imports {wrong}"


def test_the_rule_is_checked_on_real_files() -> None:
    # a sanity check that the table is read against files that exist
    assert len(CASES) > 60
    assert any("bot/assistant/registry.py" in str(c.values[0]) for c in CASES)
