"""Shared fixtures: where the repository, the shared seeds and the PDF corpus are.

The seeds and the corpus live beside the clone (``../shared``), not in it; tests that read
them skip cleanly when they are absent.
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


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS_DIR.is_dir():
        pytest.skip("../shared/seeds is absent")
    return SEEDS_DIR


@pytest.fixture
def corpus_dir() -> Path:
    if not CORPUS_DIR.is_dir():
        pytest.skip("../shared/corpus/disclosure-pdf is absent")
    return CORPUS_DIR


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite golden/expected files from the current output (review the diff!).",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
