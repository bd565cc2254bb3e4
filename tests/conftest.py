"""Shared fixtures: where the repository, the shared seeds and the PDF corpus are.

The seeds and the corpus live beside the clone (``../shared``), not in it; tests that read
them skip cleanly when they are absent.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from support import (  # noqa: F401  (re-exported for fixtures)
    CORPUS_DIR,
    FIXTURES_DIR,
    GOLDEN_DIR,
    REPO_ROOT,
    SAMPLES_DIR,
    SEEDS_DIR,
    SHARED_DIR,
    seed_path,
)

# CI runs the property tests derandomized, so a run is reproducible and a landing never hangs
# on a new random example; locally they search freshly each run (HYPOTHESIS_PROFILE=ci to pin).
settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))


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
