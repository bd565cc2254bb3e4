"""The rule catalogue: bands of rules loaded lazily, selection by code, name or group.

Each band is a package under ``jixiao.review.rules`` whose ``__init__`` has a ``get_rules()``
hook returning its rule classes (style.md B4). A new band (the disclosure tables, JX6xx, or a
regional pack) plugs in by adding its package name to :data:`BANDS` or calling
:func:`register_band` before the first review.

Codes are never reused: :data:`RETIRED` keeps every removed code with a note, and a test
checks that no live rule carries one.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from fnmatch import fnmatchcase
from functools import cache

from jixiao.review.base import Rule

BANDS: list[str] = [
    "jixiao.review.rules.structure",
    "jixiao.review.rules.values",
    "jixiao.review.rules.money",
    "jixiao.review.rules.wording",
    "jixiao.review.rules.consistency",
    "jixiao.review.rules.disclosure",
    "jixiao.review.rules.engine",
]

#: Retired codes → why they were removed. Never reuse one of these.
RETIRED: dict[str, str] = {}


def register_band(module: str) -> None:
    """Add a band package (with a ``get_rules()`` hook) to the catalogue."""
    if module not in BANDS:
        BANDS.append(module)
        all_rules.cache_clear()


def load_band(package: str) -> list[type[Rule]]:
    """Import every ``JXnnn`` module of a band package and return its rule classes."""
    pkg = importlib.import_module(package)
    rules: list[type[Rule]] = []
    for info in pkgutil.iter_modules(pkg.__path__):
        if not info.name.startswith("JX"):
            continue
        module = importlib.import_module(f"{package}.{info.name}")
        cls = getattr(module, f"Rule_{info.name}", None)
        if isinstance(cls, type) and issubclass(cls, Rule):
            rules.append(cls)
    return rules


@cache
def all_rules() -> tuple[type[Rule], ...]:
    """Every rule class of every band, sorted by code."""
    found: list[type[Rule]] = []
    for band in BANDS:
        module = importlib.import_module(band)
        found.extend(module.get_rules())
    return tuple(sorted(found, key=lambda r: r.code))


def get_rule(code_or_name: str) -> type[Rule] | None:
    """A rule by code (``JX201``), alias or dotted name."""
    key = code_or_name.strip()
    for rule in all_rules():
        if key.upper() == rule.code or key == rule.name or key.upper() in rule.aliases:
            return rule
    return None


def matches(rule: type[Rule], pattern: str) -> bool:
    """True when ``pattern`` (a glob) matches the rule's code, an alias, its name or a group."""
    pattern = pattern.strip()
    upper = pattern.upper()
    if fnmatchcase(rule.code, upper) or any(fnmatchcase(a, upper) for a in rule.aliases):
        return True
    if fnmatchcase(rule.name, pattern):
        return True
    return any(fnmatchcase(group, pattern) for group in rule.groups)


def select_rules(
    select: Iterable[str] | None = None, ignore: Iterable[str] | None = None
) -> list[type[Rule]]:
    """Rules matching any ``select`` pattern (default: all) and no ``ignore`` pattern."""
    select = list(select or ["all"])
    ignore = list(ignore or [])
    chosen = []
    for rule in all_rules():
        if not any(matches(rule, p) for p in select):
            continue
        if any(matches(rule, p) for p in ignore):
            continue
        chosen.append(rule)
    return chosen
