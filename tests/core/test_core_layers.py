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
    # The JX6xx band plugs the disclosure checks into the review engine (a lazy rule band).
    "review/rules/disclosure": {"errors", "model", "review", "disclosure"},
}


def layer_of(path: Path) -> str:
    """The most specific key of ALLOWED that contains ``path`` (a package or a sub-package)."""
    relative = path.relative_to(SRC).with_suffix("").as_posix()
    matches = [key for key in ALLOWED if relative == key or relative.startswith(key + "/")]
    return max(matches, key=len) if matches else relative.split("/")[0]


def own_package(layer: str) -> str:
    return layer.split("/")[0]


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
        for layer in imported_layers(path) - ALLOWED[layer_of(path)] - {own_package(layer_of(path))}
    )
    assert violations == []
