"""Fixtures for the CLI tests: the fake importer in place of the real ones, files, a clean
environment for rich."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from cli_fake_importer import FakeImporter

from jixiao.importers import registry


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Wide, colourless rich output whatever the developer's terminal says."""
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "JUPYTER_COLUMNS", "JUPYTER_LINES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")


@pytest.fixture
def fake_registry(monkeypatch: pytest.MonkeyPatch) -> FakeImporter:
    """Make the registry ask only :class:`FakeImporter`."""
    importer = FakeImporter()
    monkeypatch.setattr(registry, "importers", lambda: (importer,))
    return importer


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[..., Path]:
    """``write_file("a.txt", "#FAKE\\n…")`` writes UTF-8 text under tmp_path and returns the path."""

    def write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write

