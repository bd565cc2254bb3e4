"""Paths and helpers shared by test modules: ``from support import seed_path, GOLDEN_DIR``.

``tests/`` is on ``sys.path`` (``pythonpath`` in pyproject.toml); test modules import from
here, never from a ``conftest`` (several conftest modules would shadow each other).
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = REPO_ROOT.parent / "shared"
SEEDS_DIR = SHARED_DIR / "seeds"
CORPUS_DIR = SHARED_DIR / "corpus" / "disclosure-pdf"
FIXTURES_DIR = REPO_ROOT / "tests" / "fixtures"
GOLDEN_DIR = REPO_ROOT / "tests" / "golden"
SAMPLES_DIR = REPO_ROOT / "samples"


def seed_path(prefix: str) -> Path:
    """The seed file whose name starts with ``prefix`` ("000"), or skip the test."""
    if not SEEDS_DIR.is_dir():
        pytest.skip("../shared/seeds is absent")
    matches = sorted(SEEDS_DIR.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"seed {prefix} is absent from ../shared/seeds")
    return matches[0]
