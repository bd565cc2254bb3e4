"""Disclosure pages: list (bounded queries), the nine tables with findings and chart, downloads,
import upload → preview → confirm, refusals."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jixiao_web.audit.models import AuditEvent, AuditEventType
from jixiao_web.disclosures.models import Disclosure, DisclosureImport

pytestmark = pytest.mark.django_db


def _client(client, user):
    client.force_login(user)
    return client


def test_disclosure_list_queries_bounded(client, world, stored_disclosure):
    """The list costs the same number of queries for one row as for five."""
    c = _client(client, world.finance)
    with CaptureQueriesContext(connection) as one:
        assert c.get(reverse("disclosures:list")).status_code == 200
    for year in range(2021, 2025):
        d = Disclosure.objects.get(pk=stored_disclosure.pk)
        d.pk, d.budget_year = None, year
        d.save()
    with CaptureQueriesContext(connection) as five:
        response = c.get(reverse("disclosures:list"))
    assert response.content.decode().count("示例县教育局</a>") == 5
    assert len(five) == len(one)


def test_disclosure_list_year_filter(client, world, stored_disclosure):
    """A year filter shows only that year; a malformed year shows nothing."""
    c = _client(client, world.dept_reviewer_a)
    assert "示例县教育局</a>" in c.get(reverse("disclosures:list") + "?year=2026").content.decode()
    assert "暂无部门预算公开表" in c.get(reverse("disclosures:list") + "?year=2025").content.decode()
    assert "暂无部门预算公开表" in c.get(reverse("disclosures:list") + "?year=abc").content.decode()


def test_disclosure_detail_nine_tables_findings_chart_downloads(client, world, stored_disclosure):
    """The page lists all nine tables (missing ones marked), the rows with codes, names and
    numbers, the JX605 finding under the row it concerns, the chart and both downloads."""
    html = _client(client, world.finance).get(reverse("disclosures:detail", args=[stored_disclosure.pk])).content.decode()
    titles = re.findall(r'<h2 id="h-(T\d)">(表\d) ', html)
    assert titles == [(f"T{i}", f"表{i}") for i in range(1, 10)]
    assert html.count("未提供此表") == 8
    assert '<td>2010102</td><td>一般行政管理事务</td><td class="num">90.00</td>' in html
    row = html.index("<td>20102</td><td>政协事务</td>")
    finding = html.index("JX605", row)
    assert finding < html.index("<td>2010201</td>", row)
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html and "201 一般公共服务支出" in html
    assert reverse("disclosures:export", args=[stored_disclosure.pk, "xlsx"]) in html
    assert reverse("disclosures:export", args=[stored_disclosure.pk, "pdf"]) in html


def test_disclosure_detail_other_department_404(client, world, stored_disclosure):
    """Another department's reviewer gets 404, not 403, and cannot download."""
    c = _client(client, world.dept_reviewer_b)
    assert c.get(reverse("disclosures:detail", args=[stored_disclosure.pk])).status_code == 404
    assert c.get(reverse("disclosures:export", args=[stored_disclosure.pk, "xlsx"])).status_code == 404
    assert not AuditEvent.objects.filter(event_type=AuditEventType.DISCLOSURE_EXPORTED).exists()


def test_disclosure_download_xlsx_attachment_audited(client, world, stored_disclosure):
    """The .xlsx download is an attachment with a UTF-8 file name and one audit event."""
    response = _client(client, world.dept_reviewer_a).get(reverse("disclosures:export", args=[stored_disclosure.pk, "xlsx"]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment; filename*=UTF-8''101-")
    assert response.content[:2] == b"PK"
    assert AuditEvent.objects.filter(event_type=AuditEventType.DISCLOSURE_EXPORTED).count() == 1


def test_disclosure_import_views_upload_preview_confirm(client, world, disclosure_text):
    """Upload shows the preview (tables and findings, nothing stored); confirm stores and redirects."""
    c = _client(client, world.dept_reviewer_a)
    response = c.post(reverse("disclosures:import_upload"), {
        "organisation": world.dept_a.pk, "budget_year": "2026",
        "files": SimpleUploadedFile("公开.txt", disclosure_text, content_type="text/plain"),
    })
    job = DisclosureImport.objects.get()
    assert response.url == reverse("disclosures:import_preview", args=[job.pk])
    preview = c.get(response.url).content.decode()
    assert "确认导入" in preview and "JX605" in preview and "<td>20102</td>" in preview
    assert Disclosure.objects.count() == 0
    confirmed = c.post(reverse("disclosures:import_confirm", args=[job.pk]))
    disclosure = Disclosure.objects.get()
    assert confirmed.url == reverse("disclosures:detail", args=[disclosure.pk])


def test_disclosure_import_view_other_department_forbidden(client, world, disclosure_text):
    """A department reviewer cannot import for another department (the organisation is not offered)."""
    response = _client(client, world.dept_reviewer_a).post(reverse("disclosures:import_upload"), {
        "organisation": world.dept_b.pk, "budget_year": "2026",
        "files": SimpleUploadedFile("公开.txt", disclosure_text),
    })
    assert response.status_code == 404
    assert DisclosureImport.objects.count() == 0


def test_disclosure_import_view_refused_upload_message(client, world):
    """A refused upload answers 400 with the reason and keeps nothing."""
    response = _client(client, world.dept_reviewer_a).post(reverse("disclosures:import_upload"), {
        "organisation": world.dept_a.pk, "budget_year": "2026",
        "files": SimpleUploadedFile("表.docx", b"PK\x03\x04"),
    })
    assert response.status_code == 400
    assert "部门预算公开表应为 .txt 或 .pdf 文件" in response.content.decode()
    assert DisclosureImport.objects.count() == 0


def test_disclosure_import_preview_of_other_user_404(client, world, disclosure_text):
    """An import job is only its uploader's."""
    from jixiao_web.disclosures.services import disclosure_import_create

    job = disclosure_import_create(actor=world.dept_reviewer_a, organisation=world.dept_a, budget_year=2026,
                                   files=[("a.txt", disclosure_text)])
    c = _client(client, world.finance)
    assert c.get(reverse("disclosures:import_preview", args=[job.pk])).status_code == 404
    assert c.post(reverse("disclosures:import_confirm", args=[job.pk])).status_code == 404


def test_disclosure_admin_changelist_lists_rows(client, world, stored_disclosure):
    """The admin shows disclosures (read-only) and import jobs."""
    world.admin.is_superuser = True
    world.admin.save()
    c = _client(client, world.admin)
    html = c.get(reverse("admin:disclosures_disclosure_changelist")).content.decode()
    assert "示例县教育局" in html and "示范局公开.txt" in html
    assert c.get(reverse("admin:disclosures_disclosureimport_changelist")).status_code == 200


def test_disclosure_by_org_year_redirects_or_404(client, world, stored_disclosure):
    """/disclosures/org/<code>/<year>/ leads to the disclosure; another year or an invisible one is 404."""
    c = _client(client, world.finance)
    assert c.get(reverse("disclosures:by_org_year", args=["101", 2026])).url == reverse(
        "disclosures:detail", args=[stored_disclosure.pk]
    )
    assert c.get(reverse("disclosures:by_org_year", args=["101", 2025])).status_code == 404
    c = _client(client, world.dept_reviewer_b)
    assert c.get(reverse("disclosures:by_org_year", args=["101", 2026])).status_code == 404


def test_disclosure_import_view_oversized_file_refused_while_streaming(client, world, settings):
    """The form import's streaming limit applies: an oversized file is dropped and named."""
    settings.JIXIAO_UPLOAD_MAX_BYTES = 1024
    response = _client(client, world.dept_reviewer_a).post(reverse("disclosures:import_upload"), {
        "organisation": world.dept_a.pk, "budget_year": "2026",
        "files": SimpleUploadedFile("大文件.pdf", b"%PDF" + b"x" * 200_000),
    })
    html = response.content.decode()
    assert response.status_code == 400 and "大文件.pdf" in html and "过大" in html
    assert DisclosureImport.objects.count() == 0


def test_disclosure_apis_list_and_detail_scoped(world, stored_disclosure):
    """The API lists visible disclosures and returns one with data and findings; others 404."""
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(world.finance)
    listed = client.get(reverse("api:disclosure_list") + "?year=2026").json()
    assert [(d["organisation_code"], d["budget_year"], d["table_count"], d["error_count"]) for d in listed["results"]] == [
        ("101", 2026, 1, 9)
    ]
    detail = client.get(reverse("api:disclosure_detail", args=[stored_disclosure.pk])).json()
    assert (list(detail["data"]["tables"]), detail["findings"]) == (["T3"], stored_disclosure.findings)
    client.force_authenticate(world.dept_reviewer_b)
    assert client.get(reverse("api:disclosure_list")).json()["count"] == 0
    assert client.get(reverse("api:disclosure_detail", args=[stored_disclosure.pk])).status_code == 404


def test_disclosure_dates_edit_gives_jx624_and_audits(client, world, stored_disclosure):
    """Dates entered on the page are stored as given by the user; 35 days apart they give the JX624
    warning on the page, recorded in the audit log with the dates before and after."""
    c = _client(client, world.dept_reviewer_a)
    url = reverse("disclosures:dates", args=[stored_disclosure.pk])
    response = c.post(url, {"approved_on": "2026-01-20", "published_on": "2026-02-24"})
    stored = Disclosure.objects.get(pk=stored_disclosure.pk)
    core = stored.core()
    assert (response.status_code, core.approved_on.value.isoformat(), core.published_on.value.isoformat(),
            core.published_on.evidence.endswith("在系统中填写")) == (302, "2026-01-20", "2026-02-24", True)
    assert [f["message"] for f in stored.findings if f["code"] == "JX624"] == [
        "2026年02月24日公开，距批复（2026年01月20日）35 天，超过 20 天"]
    html = c.get(reverse("disclosures:detail", args=[stored.pk])).content.decode()
    assert 'name="approved_on" value="2026-01-20"' in html and "JX624 2026年02月24日公开" in html
    event = AuditEvent.objects.filter(event_type=AuditEventType.DISCLOSURE_IMPORTED).order_by("-pk").first()
    assert event.extra["dates"] == {"before": {"approved_on": None, "published_on": None},
                                    "after": {"approved_on": "2026-01-20", "published_on": "2026-02-24"}}


def test_disclosure_dates_edit_cleared_date_silences_rule(client, world, stored_disclosure):
    """Clearing the publication date removes the JX624 finding (no finding while a date is unknown)."""
    c = _client(client, world.dept_reviewer_a)
    url = reverse("disclosures:dates", args=[stored_disclosure.pk])
    c.post(url, {"approved_on": "2026-01-20", "published_on": "2026-03-24"})
    c.post(url, {"approved_on": "2026-01-20", "published_on": ""})
    stored = Disclosure.objects.get(pk=stored_disclosure.pk)
    assert ([f for f in stored.findings if f["code"] == "JX624"], stored.core().published_on) == ([], None)


def test_disclosure_dates_edit_bad_date_and_finance_refused(client, world, stored_disclosure):
    """A malformed date is refused with a message and nothing stored; the finance reviewer, who may
    only view, cannot edit (403)."""
    c = _client(client, world.dept_reviewer_a)
    url = reverse("disclosures:dates", args=[stored_disclosure.pk])
    response = c.post(url, {"approved_on": "2026-13-40"}, follow=True)
    assert "批复日期“2026-13-40”不是有效日期" in response.content.decode()
    assert Disclosure.objects.get(pk=stored_disclosure.pk).core().approved_on is None
    finance = _client(client, world.finance).post(url, {"approved_on": "2026-01-20"})
    assert finance.status_code == 403


def test_disclosure_detail_jiangsu_layouts_shown(client, world):
    """A T2 listed by income source shows its groups, 小计 and items with the layout named; T1's
    支出用途 part is shown beside the function classes."""
    from decimal import Decimal

    from jixiao.disclosure.model import Disclosure as CoreDisclosure
    from jixiao.disclosure.model import (
        SourceLine,
        SourceTable,
        SummaryLine,
        SummaryTable,
        TableKind,
    )

    core = CoreDisclosure(file="js.pdf", year=2018, tables={
        TableKind.T1: SummaryTable(kind=TableKind.T1, title="收支预算总表", columns=["amount"], expenditure=[
            SummaryLine(key="current_total", label="当年支出小计", amount=Decimal("100"))], purposes=[
            SummaryLine(key="basic", label="一、基本支出", amount=Decimal("60"))]),
        TableKind.T2: SourceTable(kind=TableKind.T2, title="收入预算总表", rows=[
            SourceLine(key="total", label="收入总计", amount=Decimal("100")),
            SourceLine(key="subtotal", group="一般公共预算资金", label="一般公共预算资金 小计", amount=Decimal("100")),
            SourceLine(key="item", group="一般公共预算资金", label="公共财政拨款(补助)资金", amount=Decimal("100"))]),
    })
    stored = Disclosure.objects.create(organisation=world.dept_a, budget_year=2018,
                                       data=core.model_dump(mode="json"))
    html = _client(client, world.dept_reviewer_a).get(reverse("disclosures:detail", args=[stored.pk])).content.decode()
    assert "收入预算总表 <span class=\"muted\">单位：万元</span> <span class=\"muted\">（按收入来源）</span>" in html
    assert "<td>一般公共预算资金</td><td>小计</td>" in html and "<td></td><td>公共财政拨款(补助)资金</td>" in html
    assert "<th scope=\"col\">支出用途</th>" in html and "<td>一、基本支出</td>" in html
