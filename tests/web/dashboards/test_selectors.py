"""指标库 and the admin pages."""

from __future__ import annotations

import pytest
from django.urls import reverse

from jixiao_web.dashboards.selectors import indicator_library_for_user
from jixiao_web.targets.services import target_create
from web.factories import make_project

pytestmark = pytest.mark.django_db


def test_indicator_library_groups_names_with_units_and_values(world, project_form):
    """The library counts each level-3 name per level 2, with its usual unit and values."""
    target_create(organisation=world.unit_a, budget_year=2026, core_form=make_project("第二个项目"), actor=world.filer_a)
    entries = indicator_library_for_user(user=world.filer_a)
    equipment = next(e for e in entries if e.name == "购置教学设备")
    assert (equipment.level2, equipment.uses, equipment.common_units) == ("数量指标", 2, ["台"])
    assert equipment.common_values == [("≥120台", 2)]


def test_indicator_library_scoped_to_visible_forms(world, project_form):
    """Another organisation's indicators are not in the library."""
    assert indicator_library_for_user(user=world.filer_b) == []


def test_indicator_library_filter_by_level2(world, project_form):
    """Filtering by level 2 keeps only its indicators."""
    names = [e.name for e in indicator_library_for_user(user=world.finance, level2="质量指标")]
    assert names == ["设备验收合格率"]


def test_indicator_library_page_renders(client, world, project_form):
    """The 指标库 page lists the indicators."""
    client.force_login(world.filer_a)
    body = client.get(reverse("dashboards:library")).content.decode()
    assert "购置教学设备" in body and "≥120台" in body


@pytest.mark.parametrize("model", ["orgs/organisation", "orgs/budgetyear", "orgs/referenceentry", "accounts/user", "targets/targetform", "audit/auditevent", "workflow/review"])
def test_admin_changelist_renders_for_admin(client, world, project_form, model):
    """The admin manages organisations, users, budget years and reference data."""
    world.admin.is_superuser = True
    world.admin.save()
    client.force_login(world.admin)
    assert client.get(f"/admin/{model}/").status_code == 200


def test_status_by_organisation_counts_per_unit(world, project_form):
    """The progress table counts each organisation's forms by status, within the user's scope."""
    from jixiao_web.dashboards.selectors import target_status_by_organisation_for_user

    target_create(organisation=world.unit_b, budget_year=2026, core_form=make_project("医院项目"), actor=world.filer_b)
    rows = target_status_by_organisation_for_user(user=world.dept_reviewer_a)
    assert [(r["code"], r["total"], r["counts"]["draft"]) for r in rows] == [("101001", 1, 1)]
    assert len(target_status_by_organisation_for_user(user=world.finance)) == 2


def test_home_for_finance_shows_progress_table(client, world, project_form):
    """Finance sees the per-organisation progress table on the home page."""
    client.force_login(world.finance)
    body = client.get(reverse("dashboards:home")).content.decode()
    assert "各单位填报进度" in body and "示例县第一中学" in body


@pytest.mark.parametrize("username", ["filer_a", "dept_reviewer_a", "finance"])
def test_home_query_count_constant(client, world, project_form, username):
    """The home page runs a fixed number of queries whatever the number of forms."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(getattr(world, username))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("dashboards:home"))
    for i in range(6):
        target_create(organisation=world.unit_a, budget_year=2026, core_form=make_project(f"项目{i}"), actor=world.filer_a)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("dashboards:home"))
    assert len(many) == len(few) <= 10
