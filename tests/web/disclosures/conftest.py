"""A fictional disclosure document (tests/web/fixtures/disclosure_fictional.txt, written for the
tests: one table, T3, whose 款 20102 is not the sum of its 项) and a stored disclosure of it."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "disclosure_fictional.txt"


@pytest.fixture
def disclosure_text() -> bytes:
    return FIXTURE.read_bytes()


@pytest.fixture
def stored_disclosure(world, disclosure_text):
    from jixiao_web.disclosures.services import disclosure_import_confirm, disclosure_import_create

    job = disclosure_import_create(
        actor=world.dept_reviewer_a, organisation=world.dept_a, budget_year=2026,
        files=[("示范局公开.txt", disclosure_text)],
    )
    return disclosure_import_confirm(job=job, actor=world.dept_reviewer_a)
