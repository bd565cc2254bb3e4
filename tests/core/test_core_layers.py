"""The layers of the core depend only downwards (docs/architecture.md).

Every ``import``/``from … import`` of a ``jixiao`` module anywhere in a package (including
imports inside functions) must name a layer that package may use.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "jixiao"

#: Layer → the jixiao layers it may import (itself always allowed).
ALLOWED: dict[str, set[str]] = {
    "errors": set(),
    "model": set(),
    "importers": {"errors", "model"},
    "review": {"errors", "model"},
    "renderers": {"errors", "model", "review"},
    "disclosure": {"errors", "model", "importers", "review"},
    "cli": {"errors", "model", "importers", "review", "renderers", "disclosure", "__init__"},
}


def layer_of(path: Path) -> str:
    relative = path.relative_to(SRC)
    return relative.parts[0].removesuffix(".py")


def imported_layers(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "jixiao":
                found.add(parts[1] if len(parts) > 1 else "__init__")
    return found


def test_core_layers_import_only_what_they_may():
    """No module imports a jixiao layer above its own."""
    violations = sorted(
        f"{path.relative_to(SRC)} imports jixiao.{layer}"
        for path in SRC.rglob("*.py")
        if layer_of(path) in ALLOWED
        for layer in imported_layers(path) - ALLOWED[layer_of(path)] - {layer_of(path)}
    )
    assert violations == []
