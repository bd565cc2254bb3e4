"""Web test setup: configures Django (only for tests/web) and builds the shared data set.

Setting DJANGO_SETTINGS_MODULE here, not in the pytest ini options, keeps the core suite free
of Django. ``DATABASE_URL`` switches the database (``postgres://postgres@127.0.0.1:5432/test``).
"""

from __future__ import annotations

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao_web.config.settings.test")

import django

django.setup()

import pytest  # noqa: E402

from web.factories import World, make_project  # noqa: E402

__all__ = ["World", "make_project"]


@pytest.fixture
def world(db) -> World:
    return World()


@pytest.fixture
def project_form(world):
    from jixiao_web.targets.services import target_create

    return target_create(organisation=world.unit_a, budget_year=2026, core_form=make_project(), actor=world.filer_a)
