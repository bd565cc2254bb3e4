"""The JSON API: token auth, the same permissions and services as the pages, error format."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from jixiao_web.targets.models import Status
from jixiao_web.workflow import services
from web.factories import make_project

pytestmark = pytest.mark.django_db


def _client(user) -> APIClient:
    from rest_framework.authtoken.models import Token

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


def test_token_obtain_with_password(world):
    """A token is issued for a correct username and password."""
    response = APIClient().post(reverse("api:token"), {"username": "filer_a", "password": "pw-filer-a"})
    assert response.status_code == 200 and response.json()["token"]


def test_api_without_token_is_401(world):
    """Anonymous calls are refused."""
    assert APIClient().get(reverse("api:form_list")).status_code == 401


def test_form_list_api_scoped_to_user(world, project_form):
    """The list holds only what the caller may see."""
    assert _client(world.filer_a).get(reverse("api:form_list")).json()["count"] == 1
    assert _client(world.filer_b).get(reverse("api:form_list")).json()["count"] == 0
    assert _client(world.finance).get(reverse("api:form_list") + "?status=draft").json()["count"] == 1


def test_form_detail_api_other_org_404(world, project_form):
    """Another organisation's form is not found."""
    assert _client(world.filer_b).get(reverse("api:form_detail", args=[project_form.pk])).status_code == 404


def test_form_detail_api_has_data_and_findings(world, project_form):
    """The detail carries the core dump and the review findings."""
    body = _client(world.filer_a).get(reverse("api:form_detail", args=[project_form.pk])).json()
    assert body["data"]["project_name"] == "示例县义务教育学校设备购置项目"
    assert body["review_available"] is True and isinstance(body["findings"], list)


def test_form_create_api_for_own_unit(world):
    """A filer stores core-model JSON as a draft."""
    data = make_project("接口项目").model_dump(mode="json")
    response = _client(world.filer_a).post(reverse("api:form_create"), {"organisation": world.unit_a.pk, "budget_year": 2026, "data": data}, format="json")
    assert response.status_code == 201 and response.json()["name"] == "接口项目"


def test_form_create_api_invalid_data_400_with_code(world):
    """Invalid core data comes back as {code, message, extra}."""
    response = _client(world.filer_a).post(reverse("api:form_create"), {"organisation": world.unit_a.pk, "budget_year": 2026, "data": {"kind": "project", "indicators": 5}}, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_data" and "数据模型" in response.json()["message"]


def test_form_update_api_stale_409(world, project_form):
    """A stale version is refused with 409 and the other person's changes."""
    client = _client(world.filer_a)
    data = dict(project_form.data, annual_goal="改一")
    assert client.put(reverse("api:form_update", args=[project_form.pk]), {"version": 1, "data": data}, format="json").status_code == 200
    response = client.put(reverse("api:form_update", args=[project_form.pk]), {"version": 1, "data": dict(project_form.data, annual_goal="改二")}, format="json")
    assert response.status_code == 409 and response.json()["code"] == "stale"
    assert response.json()["extra"]["current_version"] == 2


def test_form_submit_api_then_forward_and_finance_review(world, project_form):
    """The workflow through the API, each step by its role."""
    assert _client(world.filer_a).post(reverse("api:form_submit", args=[project_form.pk])).json()["status"] == Status.SUBMITTED
    assert _client(world.filer_a).post(reverse("api:form_forward", args=[project_form.pk]), {}).status_code == 403
    assert _client(world.dept_reviewer_a).post(reverse("api:form_forward", args=[project_form.pk]), {"summary": "同意"}).json()["status"] == Status.CHECKED
    aspects = {"completeness": "a", "relevance": "b", "appropriateness": "c", "feasibility": "d"}
    response = _client(world.finance).post(reverse("api:form_finance_review", args=[project_form.pk]), {**aspects, "grade": "中", "decision": "approve"})
    assert response.status_code == 400 and response.json()["code"] == "decision_not_allowed"
    response = _client(world.finance).post(reverse("api:form_finance_review", args=[project_form.pk]), {**aspects, "grade": "优", "decision": "approve"})
    assert response.json()["status"] == Status.APPROVED


def test_comment_create_api_on_row(world, project_form):
    """A department reviewer comments on one row of a submitted form."""
    services.target_submit(form=project_form, actor=world.filer_a)
    response = _client(world.dept_reviewer_a).post(reverse("api:comment_create", args=[project_form.pk]), {"body": "请核实", "indicator_index": 1})
    assert response.status_code == 201 and response.json()["indicator_name"] == "设备验收合格率"


def test_schema_and_docs_render(client, world):
    """The OpenAPI schema and the docs page are served without any CDN."""
    assert client.get(reverse("api:schema")).status_code == 200
    body = client.get(reverse("api:docs")).content.decode()
    assert "/api/forms/" in body and "cdn" not in body.lower()


def test_import_api_upload_preview_confirm(world):
    """Upload the Guangdong sample through the API, read the preview, confirm: forms exist."""
    from pathlib import Path

    from django.core.files.uploadedfile import SimpleUploadedFile

    from jixiao_web.targets.models import TargetForm

    sample = Path(__file__).resolve().parents[2] / "browser" / "fixtures" / "gd-county-project.txt"
    client = _client(world.filer_a)
    upload = SimpleUploadedFile(sample.name, sample.read_bytes())
    response = client.post(reverse("api:import_create"), {"organisation": world.unit_a.pk, "budget_year": 2025, "files": [upload]}, format="multipart")
    assert response.status_code == 201, response.content
    job = response.json()
    assert job["status"] == "ready" and job["form_count"] == 1
    codes = {f["code"] for f in job["result"][0]["forms"][0]["findings"]}
    assert {"JX115", "JX201"} <= codes
    assert TargetForm.objects.count() == 0
    assert _client(world.filer_b).get(reverse("api:import_detail", args=[job["id"]])).status_code == 404
    response = client.post(reverse("api:import_confirm", args=[job["id"]]))
    assert response.status_code == 201 and response.json()[0]["name"] == "企业技术改造服务经费"


def test_import_api_zip_bomb_refused(world):
    """A hostile upload is refused through the API with {code, message}."""
    import io
    import zipfile

    from django.core.files.uploadedfile import SimpleUploadedFile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("zeros.txt", b"\0" * (3 * 1024 * 1024))
    response = _client(world.filer_a).post(
        reverse("api:import_create"),
        {"organisation": world.unit_a.pk, "budget_year": 2025, "files": [SimpleUploadedFile("b.zip", buffer.getvalue())]},
        format="multipart",
    )
    assert response.status_code == 400 and response.json()["code"] == "zip_bomb"


def test_token_obtain_after_repeated_failures_locked_out(world):
    """django-axes also guards the token endpoint."""
    client = APIClient()
    for _ in range(5):
        client.post(reverse("api:token"), {"username": "filer_a", "password": "wrong"})
    response = client.post(reverse("api:token"), {"username": "filer_a", "password": "pw-filer-a"})
    assert response.status_code in (400, 403, 429)
    assert "token" not in response.json()


def test_organisation_list_api_scoped(world):
    """Filers get their unit; department reviewers their department and its units."""
    codes = lambda user: sorted(o["code"] for o in _client(user).get(reverse("api:organisation_list")).json())  # noqa: E731
    assert codes(world.filer_a) == ["101001"]
    assert codes(world.dept_reviewer_a) == ["101", "101001"]


def test_waive_then_submit_through_api(world):
    """An error-level finding blocks the API submit until it is waived through the API."""
    from jixiao_web.targets.services import target_create

    core = make_project()
    core.project_code = "101001260001"
    form = target_create(organisation=world.unit_a, budget_year=2026, core_form=core, actor=world.filer_a)
    client = _client(world.filer_a)
    response = client.post(reverse("api:form_submit", args=[form.pk]))
    assert response.status_code == 400 and response.json()["code"] == "unwaived_errors"
    finding = response.json()["extra"]["findings"][0]
    response = client.post(reverse("api:finding_waive", args=[form.pk]), {"code": finding["code"], "loc": finding["loc_text"], "reason": "县级项目库编码12位"})
    assert response.status_code == 201
    assert client.post(reverse("api:form_submit", args=[form.pk])).json()["status"] == Status.SUBMITTED
    assert _client(world.filer_b).post(reverse("api:finding_waive", args=[form.pk]), {"code": "x", "loc": "", "reason": "y"}).status_code == 404
