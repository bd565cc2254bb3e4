"""A whole year's open data: the approved forms of the year the user may see, as one zip of
forms.csv, indicators.csv, forms.json and README.txt; audited (503)."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest
from django.urls import reverse

from jixiao_web.audit.models import AuditEvent, AuditEventType
from jixiao_web.core.exceptions import ApplicationError
from jixiao_web.targets.models import Status, TargetForm
from jixiao_web.targets.services import target_create, target_open_data_year
from web.factories import make_project

pytestmark = pytest.mark.django_db


def _approved(world, org, name, year=2026, status=Status.APPROVED):
    form = target_create(organisation=org, budget_year=year, core_form=make_project(name), actor=world.admin)
    TargetForm.objects.filter(pk=form.pk).update(status=status)
    return form


def _zip(response) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(response.content))


def _csv_rows(archive, name):
    return list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8-sig"))))


def test_open_data_year_finance_gets_bureau_approved_forms(client, world):
    """Finance downloads every approved form of the year under its bureau; drafts and other
    years are left out; one audit event records the year and count."""
    a = _approved(world, world.unit_a, "甲项目")
    b = _approved(world, world.unit_b, "乙项目")
    _approved(world, world.unit_a, "草稿项目", status=Status.DRAFT)
    _approved(world, world.unit_a, "往年项目", year=2025)
    client.force_login(world.finance)
    response = client.get(reverse("targets:open_data_year", args=[2026]))
    assert (response.status_code, response["Content-Type"]) == (200, "application/zip")
    assert response["Content-Disposition"] == "attachment; filename*=UTF-8''2026%E5%B9%B4%E7%BB%A9%E6%95%88%E7%9B%AE%E6%A0%87%E5%BC%80%E6%94%BE%E6%95%B0%E6%8D%AE.zip"
    archive = _zip(response)
    assert sorted(archive.namelist()) == ["README.txt", "forms.csv", "forms.json", "indicators.csv"]
    forms = _csv_rows(archive, "forms.csv")
    assert sorted((r["source_file"], r["project_name"], r["budget_year"]) for r in forms) == [
        (f"jixiao-form-{a.pk}", "甲项目", "2026"), (f"jixiao-form-{b.pk}", "乙项目", "2026"),
    ]
    indicators = _csv_rows(archive, "indicators.csv")
    assert len(indicators) == 6 and {r["form_id"] for r in indicators} == {"1", "2"}
    batch = json.loads(archive.read("forms.json"))
    assert [d["file"] for d in batch["documents"]] == [r["source_file"] for r in forms]
    event = AuditEvent.objects.get(event_type=AuditEventType.OPEN_DATA_EXPORTED)
    assert (event.actor, event.extra) == (world.finance, {"year": 2026, "forms": 2, "format": "zip"})


def test_open_data_year_department_scoped_to_own(client, world):
    """A department reviewer's download holds its own department's and units' forms only."""
    _approved(world, world.unit_a, "甲项目")
    _approved(world, world.unit_b, "乙项目")
    client.force_login(world.dept_reviewer_a)
    forms = _csv_rows(_zip(client.get(reverse("targets:open_data_year", args=[2026]))), "forms.csv")
    assert [r["project_name"] for r in forms] == ["甲项目"]


def test_open_data_year_nothing_approved_redirects_with_message(client, world):
    """A year without approved forms answers with a message, not an empty zip, and no audit row."""
    _approved(world, world.unit_a, "草稿项目", status=Status.DRAFT)
    client.force_login(world.finance)
    response = client.get(reverse("targets:open_data_year", args=[2026]), follow=True)
    assert "2026 年没有可下载的已批复绩效目标表" in response.content.decode()
    assert not AuditEvent.objects.filter(event_type=AuditEventType.OPEN_DATA_EXPORTED).exists()


def test_open_data_year_anonymous_redirected_to_login(client, world):
    """Open data is for logged-in users (no publication flag yet)."""
    response = client.get(reverse("targets:open_data_year", args=[2026]))
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_target_open_data_year_too_many_refused(world, monkeypatch):
    """The service refuses more than the limit before rendering anything."""
    monkeypatch.setattr("jixiao_web.targets.services.OPEN_DATA_MAX_FORMS", 1)
    forms = [_approved(world, world.unit_a, "一"), _approved(world, world.unit_a, "二")]
    with pytest.raises(ApplicationError) as info:
        target_open_data_year(forms=forms, actor=world.finance, year=2026)
    assert info.value.code == "too_many_forms"


def test_form_list_offers_open_data_per_year(client, world):
    """The list page links the open data download of each budget year."""
    client.force_login(world.finance)
    html = client.get(reverse("targets:list")).content.decode()
    assert f'<a href="{reverse("targets:open_data_year", args=[2026])}">下载 2026 年</a>' in html
