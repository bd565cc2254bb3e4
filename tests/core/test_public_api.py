"""The public surface of ``jixiao``: ``__all__`` is pinned, sorted and complete (style.md A6).

Adding to the public API is a decision: add the name to ``jixiao/__init__.py`` and to
:data:`PUBLIC_API` below in the same commit.
"""

from __future__ import annotations

import inspect

import jixiao

PUBLIC_API = [
    "DepartmentTargetForm",
    "ImportFailed",
    "ImportedDocument",
    "JixiaoError",
    "ProjectTargetForm",
    "RenderFailed",
    "UnreadableDocument",
    "UnsupportedDocument",
    "__version__",
    "load",
]


def test_public_api_all_is_pinned():
    """jixiao.__all__ is exactly the reviewed list."""
    assert jixiao.__all__ == PUBLIC_API


def test_public_api_all_is_sorted():
    """__all__ is kept sorted, so additions show up in review as one line."""
    assert jixiao.__all__ == sorted(jixiao.__all__)


def test_public_api_all_is_complete():
    """Every public non-module name in the package namespace is exported, and every export exists."""
    members = {
        name
        for name, value in vars(jixiao).items()
        if not name.startswith("_") and not inspect.ismodule(value)
    }
    exported = set(jixiao.__all__) - {"__version__"}
    assert (members, all(hasattr(jixiao, name) for name in jixiao.__all__)) == (exported, True)
