"""Pages: access, list query counts, the editor (htmx rows, save, stale save), review pages."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jixiao_web.targets.models import Status, TargetForm
from jixiao_web.targets.services import target_create
from jixiao_web.workflow import services
from web.factories import make_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def filer_client(client, world):
    client.force_login(world.filer_a)
    return client


def test_login_page_renders_in_chinese(client, world):
    """The login page is Chinese and the session cookie is httponly."""
    response = client.get(reverse("accounts:login"))
    assert response.status_code == 200
    assert "登录" in response.content.decode()
    from django.conf import settings

    assert settings.SESSION_COOKIE_HTTPONLY and settings.CSRF_COOKIE_HTTPONLY


def test_login_after_repeated_failures_locks_out(client, world):
    """django-axes locks the account after five failed logins, even with the right password."""
    for _ in range(5):
        client.post(reverse("accounts:login"), {"username": "filer_a", "password": "wrong"})
    response = client.post(reverse("accounts:login"), {"username": "filer_a", "password": "pw-filer-a"})
    assert response.status_code == 429
    assert "锁定" in response.content.decode()


def test_pages_when_anonymous_redirect_to_login(client, world, project_form):
    """Every page needs a login."""
    for url in (reverse("dashboards:home"), reverse("targets:list"), reverse("targets:detail", args=[project_form.pk]), reverse("audit:log")):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_form_list_query_count_constant(filer_client, world):
    """The list page runs a fixed number of queries whatever the number of forms."""
    for i in range(3):
        target_create(organisation=world.unit_a, budget_year=2026, core_form=make_project(f"项目{i}"), actor=world.filer_a)
    with CaptureQueriesContext(connection) as few:
        assert filer_client.get(reverse("targets:list")).status_code == 200
    for i in range(10):
        target_create(organisation=world.unit_a, budget_year=2026, core_form=make_project(f"项目B{i}"), actor=world.filer_a)
    with CaptureQueriesContext(connection) as many:
        response = filer_client.get(reverse("targets:list"))
    assert response.status_code == 200
    assert len(many) == len(few) <= 8


def test_form_list_htmx_returns_table_only(filer_client, world, project_form):
    """An htmx filter request gets the table partial, not the page."""
    response = filer_client.get(reverse("targets:list") + "?q=设备", HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "<html" not in body and "示例县义务教育学校设备购置项目" in body


def test_form_list_filter_excludes_other_status(filer_client, world, project_form):
    """Filtering by status hides the others."""
    body = filer_client.get(reverse("targets:list") + "?status=approved").content.decode()
    assert "示例县义务教育学校设备购置项目" not in body


def test_form_detail_other_org_is_404(client, world, project_form):
    """A user of another organisation cannot even learn the form exists."""
    client.force_login(world.filer_b)
    assert client.get(reverse("targets:detail", args=[project_form.pk])).status_code == 404


def test_form_detail_shows_indicators_and_engine_note(filer_client, project_form):
    """The detail page lists the indicator rows and says whether the review engine ran."""
    body = filer_client.get(reverse("targets:detail", args=[project_form.pk])).content.decode()
    assert "购置教学设备" in body and "自动审核" in body
    assert "120.5万元" in body  # amounts are shown with their unit


def test_form_edit_post_saves_header_and_rows(filer_client, project_form):
    """Saving the editor updates header fields and indicator values (parsed by the core)."""
    url = reverse("targets:edit", args=[project_form.pk])
    page = filer_client.get(url)
    assert page.status_code == 200
    assert '<option value="购置教学设备">' in page.content.decode()  # 指标库 suggestions
    post = {
        "version": "1", "project_name": "改名项目", "annual_amount": "99.5", "row-count": "1",
        "row-0-orig": "0", "row-0-level1": "产出指标", "row-0-level2": "数量指标",
        "row-0-name": "购置教学设备", "row-0-period_value": "≥130台", "row-0-annual_value": "≥130台",
    }
    response = filer_client.post(url, post)
    assert response.status_code == 302
    form = TargetForm.objects.get(pk=project_form.pk)
    assert form.name == "改名项目" and form.version == 2 and form.indicator_count == 1
    value = form.core().indicators[0].annual_value
    assert value.number == 130 and value.unit == "台"
    assert form.history.latest().history_user.username == "filer_a"  # simple-history knows who
    assert str(form.annual_amount_wan_yuan.normalize()) == "99.5"


def test_form_edit_bad_amount_shows_error(filer_client, project_form):
    """A non-numeric amount is refused with a message and nothing is saved."""
    response = filer_client.post(reverse("targets:edit", args=[project_form.pk]), {"version": "1", "annual_amount": "很多"})
    assert response.status_code == 400 and "金额数字" in response.content.decode()
    assert TargetForm.objects.get(pk=project_form.pk).version == 1


def test_form_edit_stale_shows_other_changes(client, world, project_form):
    """The second concurrent save gets 409 and sees the other person's change."""
    client.force_login(world.dept_reviewer_a)
    client.post(reverse("targets:edit", args=[project_form.pk]), {"version": "1", "annual_goal": "主管部门改过"})
    client.force_login(world.filer_a)
    response = client.post(reverse("targets:edit", args=[project_form.pk]), {"version": "1", "project_name": "我的"})
    body = response.content.decode()
    assert response.status_code == 409
    assert "王主管" in body and "主管部门改过" in body
    assert 'value="我的"' in body  # what the user typed is kept on the page


def test_form_edit_other_org_forbidden(client, world, project_form):
    """The editor is closed to users who may not change the form."""
    client.force_login(world.finance)
    assert client.get(reverse("targets:edit", args=[project_form.pk])).status_code == 403


@pytest.mark.parametrize(("op", "index", "names"), [
    ("add", "0", ["a", "", "b"]), ("delete", "0", ["b"]), ("up", "1", ["b", "a"]), ("down", "0", ["b", "a"]),
])
def test_form_rows_op_rerenders_rows(filer_client, project_form, op, index, names):
    """The htmx row editor adds, deletes and moves rows without saving."""
    post = {"op": op, "index": index, "row-count": "2"}
    for i, name in enumerate(["a", "b"]):
        post.update({f"row-{i}-orig": "", f"row-{i}-level1": "产出指标", f"row-{i}-level2": "数量指标", f"row-{i}-name": name})
    response = filer_client.post(reverse("targets:rows", args=[project_form.pk]), post, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    import re

    assert re.findall(r'-name" value="([^"]*)"', body) == names
    assert TargetForm.objects.get(pk=project_form.pk).version == 1


def test_value_preview_shows_parsed_value(filer_client):
    """Typing a value shows how it is read, with its unit."""
    body = filer_client.get(reverse("targets:value_preview"), {"row-0-annual_value": "98%以上"}).content.decode()
    assert "≥98%" in body


def test_form_create_for_own_unit(filer_client, world):
    """A filer creates a project draft for the own unit and lands in the editor."""
    response = filer_client.post(reverse("targets:create"), {"organisation": world.unit_a.pk, "kind": "project", "budget_year": "2026", "name": "新项目"})
    form = TargetForm.objects.get(name="新项目")
    assert response.status_code == 302 and response["Location"] == reverse("targets:edit", args=[form.pk])


def test_form_create_for_other_unit_404(filer_client, world):
    """A filer cannot create for another unit (it is not among the choices)."""
    response = filer_client.post(reverse("targets:create"), {"organisation": world.unit_b.pk, "kind": "project", "budget_year": "2026"})
    assert response.status_code == 404


def test_submit_view_then_department_return_with_row_comment(client, world, project_form):
    """Pages: submit, comment a row, return; the filer then sees the comment."""
    client.force_login(world.filer_a)
    assert client.post(reverse("workflow:submit", args=[project_form.pk])).status_code == 302
    client.force_login(world.dept_reviewer_a)
    assert client.get(reverse("workflow:review", args=[project_form.pk])).status_code == 200
    client.post(reverse("workflow:comment", args=[project_form.pk]), {"body": "数量偏少，请核实", "indicator_index": "0"})
    client.post(reverse("workflow:department_return", args=[project_form.pk]), {"summary": "见行批注"})
    assert TargetForm.objects.get(pk=project_form.pk).status == Status.RETURNED
    client.force_login(world.filer_a)
    body = client.get(reverse("targets:detail", args=[project_form.pk])).content.decode()
    assert "数量偏少，请核实" in body and "见行批注" in body
    editor_page = client.get(reverse("targets:edit", args=[project_form.pk])).content.decode()
    assert "数量偏少，请核实" in editor_page  # the row comment sits next to the row being fixed


def test_finance_review_view_missing_aspects_shows_error(client, world, project_form):
    """A finance review without the four aspects is refused on the page."""
    services.target_submit(form=project_form, actor=world.filer_a)
    services.target_forward(form=project_form, actor=world.dept_reviewer_a)
    client.force_login(world.finance)
    response = client.post(reverse("workflow:finance_review", args=[project_form.pk]), {"grade": "优", "decision": "approve"})
    assert response.status_code == 400 and "四个方面" in response.content.decode()


def test_finance_review_view_by_filer_forbidden(filer_client, world, project_form):
    """A filer cannot post a finance review."""
    assert filer_client.post(reverse("workflow:finance_review", args=[project_form.pk]), {}).status_code == 403


def test_audit_log_scoped_to_user(client, world, project_form):
    """Filers see their own organisation's events only; finance sees all."""
    target_create(organisation=world.unit_b, budget_year=2026, core_form=make_project("医院项目"), actor=world.filer_b)
    client.force_login(world.filer_a)
    body = client.get(reverse("audit:log")).content.decode()
    assert "示例县义务教育学校设备购置项目" in body and "医院项目" not in body
    client.force_login(world.finance)
    body = client.get(reverse("audit:log")).content.decode()
    assert "医院项目" in body


def test_diff_page_shows_changed_row(filer_client, world, project_form):
    """The diff page shows a changed indicator value against version 1."""
    filer_client.post(reverse("targets:edit", args=[project_form.pk]), {
        "version": "1", "row-count": "1", "row-0-orig": "0", "row-0-level1": "产出指标",
        "row-0-level2": "数量指标", "row-0-name": "购置教学设备", "row-0-annual_value": "≥150台",
    })
    body = filer_client.get(reverse("targets:diff", args=[project_form.pk]) + "?v=1").content.decode()
    assert "≥150台" in body and "≥120台" in body and "（删除）" in body


def test_home_shows_counts(filer_client, project_form):
    """The home page counts forms by status."""
    body = filer_client.get(reverse("dashboards:home")).content.decode()
    assert "草稿 1" in body
    waiting = body[body.index("待我处理"):]
    assert "示例县义务教育学校设备购置项目" in waiting  # a draft is the filer's work


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "pdf", "html", "csv", "json"])
def test_form_export_returns_file_and_audits(filer_client, world, project_form, fmt):
    """A form exports in each format through the core renderers, and the export is audited."""
    from jixiao_web.audit.models import AuditEvent, AuditEventType

    response = filer_client.get(reverse("targets:export", args=[project_form.pk, fmt]))
    assert response.status_code == 200 and len(response.content) > 0
    assert "filename*=UTF-8''" in response["Content-Disposition"]
    assert AuditEvent.objects.filter(form=project_form, event_type=AuditEventType.FORM_EXPORTED).count() == 1


def test_form_export_unknown_format_shows_message(filer_client, project_form):
    """An unknown format is refused with a message."""
    response = filer_client.get(reverse("targets:export", args=[project_form.pk, "exe"]), follow=True)
    assert "不支持的导出格式" in response.content.decode()


def test_form_export_other_org_404(client, world, project_form):
    """Exports follow the view permission."""
    client.force_login(world.filer_b)
    assert client.get(reverse("targets:export", args=[project_form.pk, "pdf"])).status_code == 404


def test_login_writes_audit_event(client, world):
    """A successful login is in the audit log."""
    from jixiao_web.audit.models import AuditEvent, AuditEventType

    client.post(reverse("accounts:login"), {"username": "filer_a", "password": "pw-filer-a"})
    assert AuditEvent.objects.filter(event_type=AuditEventType.USER_LOGGED_IN, actor=world.filer_a).count() == 1


def test_form_list_filter_by_organisation(client, world, project_form):
    """A department reviewer narrows the list to one of its units."""
    target_create(organisation=world.dept_a, budget_year=2026, core_form=make_project("部门自己的项目"), actor=world.dept_reviewer_a)
    client.force_login(world.dept_reviewer_a)
    body = client.get(reverse("targets:list") + f"?organisation={world.unit_a.pk}").content.decode()
    assert "示例县义务教育学校设备购置项目" in body and "部门自己的项目" not in body


def test_second_stage_view_starts_draft_and_diff_against_first(client, world, project_form):
    """After approval the filer starts 二上 from the page; the diff compares it with 一上."""
    services.target_submit(form=project_form, actor=world.filer_a)
    services.target_forward(form=project_form, actor=world.dept_reviewer_a)
    aspects = {"completeness": "a", "relevance": "b", "appropriateness": "c", "feasibility": "d"}
    services.target_finance_review(form=project_form, actor=world.finance, aspects=aspects, grade="优", decision="approve")
    client.force_login(world.filer_a)
    response = client.post(reverse("targets:second_stage", args=[project_form.pk]))
    second = TargetForm.objects.get(previous=project_form)
    assert response["Location"] == reverse("targets:edit", args=[second.pk])
    client.post(reverse("targets:edit", args=[second.pk]), {"version": "1", "annual_goal": "二上调整后的目标"})
    body = client.get(reverse("targets:diff", args=[second.pk])).content.decode()
    assert "一上版本" in body and "二上调整后的目标" in body and "完成教学设备购置" in body


def test_audit_log_query_count_constant(client, world, project_form):
    """The audit log page runs a fixed number of queries."""
    client.force_login(world.finance)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("audit:log"))
    for i in range(5):
        target_create(organisation=world.unit_a, budget_year=2026, core_form=make_project(f"项目{i}"), actor=world.filer_a)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("audit:log"))
    assert len(many) == len(few)


def test_indicator_library_query_count_constant(client, world, project_form):
    """The 指标库 page reads the forms in one query whatever their number."""
    client.force_login(world.finance)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("dashboards:library"))
    for i in range(5):
        target_create(organisation=world.unit_a, budget_year=2026, core_form=make_project(f"项目{i}"), actor=world.filer_a)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("dashboards:library"))
    assert len(many) == len(few)


def test_form_recheck_reviews_unsaved_input(filer_client, project_form):
    """The editor's recheck reviews what is typed, without saving it."""
    url = reverse("targets:recheck", args=[project_form.pk])
    body = filer_client.post(url, {"version": "1", "end_year": "2099"}, HTTP_HX_REQUEST="true").content.decode()
    assert "JX115" in body
    assert TargetForm.objects.get(pk=project_form.pk).version == 1
    body = filer_client.post(url, {"version": "1", "end_year": "abc"}, HTTP_HX_REQUEST="true").content.decode()
    assert "整数" in body


def test_department_form_edit_tasks_measures_and_sub_goals(client, world):
    """The department editor saves key tasks, other tasks and 保障措施; sub-goal indicators stay."""
    from jixiao.model import DepartmentTargetForm, KeyTask, Money, SubGoal
    from jixiao.model.indicators import Indicator

    core = DepartmentTargetForm(
        budget_year=2026, department_name="示例县教育局", department_code="101",
        key_tasks=[KeyTask(name="任务一", planned_amount=Money(amount="10"))],
        sub_goals=[SubGoal(title="提升教学质量", goal="旧目标", indicators=[Indicator(name="合格率")])],
    )
    form = target_create(organisation=world.dept_a, budget_year=2026, core_form=core, actor=world.dept_reviewer_a)
    client.force_login(world.dept_reviewer_a)
    url = reverse("targets:edit", args=[form.pk])
    page = client.get(url).content.decode()
    assert "其他需完成的任务" in page and "合格率" in page
    client.post(url, {
        "version": "1", "task-count": "2", "task-0-orig": "0", "task-0-name": "任务一", "task-0-planned_amount": "12.5",
        "task-1-name": "任务二", "task-1-content": "新增", "othertask-count": "1", "othertask-0-name": "安全检查",
        "subgoal-count": "1", "subgoal-0-orig": "0", "subgoal-0-title": "提升教学质量", "subgoal-0-goal": "新目标",
        "guarantee_measures": "加强组织领导\n\n强化资金监管",
    })
    core = TargetForm.objects.get(pk=form.pk).core()
    assert [t.name for t in core.key_tasks] == ["任务一", "任务二"]
    assert str(core.key_tasks[0].planned_amount.amount) == "12.5"
    assert [t.name for t in core.other_tasks] == ["安全检查"]
    assert core.guarantee_measures == ["加强组织领导", "强化资金监管"]
    assert core.sub_goals[0].goal == "新目标" and core.sub_goals[0].indicators[0].name == "合格率"


def test_pages_stay_chinese_for_english_browsers(client, world):
    """Django's own strings stay Chinese whatever the browser asks for."""
    response = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert "用户名" in response.content.decode()


@pytest.mark.parametrize("fmt", ["pdf", "xlsx", "zip", "csv", "json"])
def test_form_list_export_package(client, world, project_form, fmt):
    """The filtered list exports as one package holding only the visible forms."""
    from jixiao_web.audit.models import AuditEvent, AuditEventType

    other = target_create(organisation=world.unit_b, budget_year=2026, core_form=make_project("医院项目"), actor=world.filer_b)
    client.force_login(world.filer_a)
    response = client.get(reverse("targets:list_export", args=[fmt]) + "?kind=project")
    assert response.status_code == 200 and len(response.content) > 100
    event = AuditEvent.objects.get(event_type=AuditEventType.FORM_EXPORTED)
    assert event.extra["forms"] == [project_form.pk] and other.pk not in event.extra["forms"]


def test_form_list_export_empty_shows_message(filer_client, project_form):
    """Nothing to export is said plainly."""
    response = filer_client.get(reverse("targets:list_export", args=["pdf"]) + "?status=approved", follow=True)
    assert "没有可导出的绩效目标表" in response.content.decode()


@pytest.mark.parametrize(("url_name", "post"), [
    ("targets:create", {"kind": "project", "budget_year": "二〇二六"}),
    ("targets:import_upload", {"budget_year": "99999"}),
    ("targets:import_upload", {"budget_year": "2026", "stage": "third"}),
])
def test_bad_form_input_answers_400_with_message(filer_client, world, url_name, post):
    """Malformed years or stages are refused with a message, never a server error."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = {"organisation": world.unit_a.pk, **post}
    if url_name == "targets:import_upload":
        data["files"] = [SimpleUploadedFile("a.txt", b"x")]
    response = filer_client.post(reverse(url_name), data)
    assert response.status_code == 400
    assert "无效" in response.content.decode()


def test_form_rows_with_garbage_counts_does_not_fail(filer_client, project_form):
    """Tampered row counts are read as zero rows."""
    response = filer_client.post(reverse("targets:rows", args=[project_form.pk]), {"op": "add", "index": "x", "row-count": "-5"})
    assert response.status_code == 200


@pytest.mark.parametrize("query", ["?year=abc", "?organisation=x", "?page=zz", "?status=nonsense"])
def test_form_list_malformed_filters_do_not_fail(filer_client, project_form, query):
    """Malformed filters give an answer, never a server error."""
    assert filer_client.get(reverse("targets:list") + query).status_code == 200


def test_form_edit_malformed_version_is_stale(filer_client, project_form):
    """A tampered version number is treated as outdated, not as a crash."""
    response = filer_client.post(reverse("targets:edit", args=[project_form.pk]), {"version": "abc", "project_name": "x"})
    assert response.status_code == 409


def test_row_comment_follows_moved_row_and_survives_deleted_row(client, world, project_form):
    """A row comment stays with its indicator when rows move; a deleted row's comment moves to
    the form-level list with the indicator's name."""
    services.target_submit(form=project_form, actor=world.filer_a)
    services.comment_add(form=project_form, actor=world.dept_reviewer_a, body="合格率写法不规范", indicator_index=1)
    services.comment_add(form=project_form, actor=world.dept_reviewer_a, body="满意度请细化", indicator_index=2)
    services.target_return(form=project_form, actor=world.dept_reviewer_a, reason="见批注")
    client.force_login(world.filer_a)
    # Move 设备验收合格率 to the top and drop 师生满意度.
    post = {"version": "1", "row-count": "2"}
    for i, (orig, l2, name, value) in enumerate([("1", "质量指标", "设备验收合格率", "=100%"), ("0", "数量指标", "购置教学设备", "≥120台")]):
        post.update({f"row-{i}-orig": orig, f"row-{i}-level1": "产出指标", f"row-{i}-level2": l2, f"row-{i}-name": name, f"row-{i}-annual_value": value})
    client.post(reverse("targets:edit", args=[project_form.pk]), post)
    body = client.get(reverse("targets:detail", args=[project_form.pk])).content.decode()
    row0 = body[body.index('id="row-0"'):body.index('id="row-1"')]
    assert "合格率写法不规范" in row0
    assert "指标“师生满意度”" in body and "满意度请细化" in body


def test_adjustment_view_from_approved_form(client, world, project_form):
    """The filer starts an adjustment from the approved form's page and lands in the editor."""
    services.target_submit(form=project_form, actor=world.filer_a)
    services.target_forward(form=project_form, actor=world.dept_reviewer_a)
    aspects = {"completeness": "a", "relevance": "b", "appropriateness": "c", "feasibility": "d"}
    services.target_finance_review(form=project_form, actor=world.finance, aspects=aspects, grade="优", decision="approve")
    client.force_login(world.filer_a)
    assert "申请调整" in client.get(reverse("targets:detail", args=[project_form.pk])).content.decode()
    response = client.post(reverse("targets:adjust", args=[project_form.pk]), {"reason": "资金调减"})
    copy = TargetForm.objects.get(adjusts=project_form)
    assert response["Location"] == reverse("targets:edit", args=[copy.pk])
    body = client.get(reverse("targets:detail", args=[copy.pk])).content.decode()
    assert "资金调减" in body
    client.force_login(world.finance)
    assert client.post(reverse("targets:adjust", args=[project_form.pk]), {"reason": "x"}).status_code == 403


def test_value_preview_takes_unit_from_name(filer_client):
    """A bare number is fine when the indicator name carries the unit."""
    url = reverse("targets:value_preview")
    assert "缺少单位" in filer_client.get(url, {"row-0-annual_value": "12"}).content.decode()
    body = filer_client.get(url, {"row-0-annual_value": "12", "row-0-name": "技术改造企业数（家）"}).content.decode()
    assert "单位取自名称：家" in body


def test_review_page_links_changes_since_return(client, world, project_form):
    """After a return and a fix, the reviewer gets a link to exactly what changed since."""
    services.target_submit(form=project_form, actor=world.filer_a)
    services.target_return(form=project_form, actor=world.dept_reviewer_a, reason="改")
    client.force_login(world.filer_a)
    client.post(reverse("targets:edit", args=[project_form.pk]), {"version": "1", "annual_goal": "改过的目标"})
    services.target_submit(form=TargetForm.objects.get(pk=project_form.pk), actor=world.filer_a)
    client.force_login(world.dept_reviewer_a)
    body = client.get(reverse("workflow:review", args=[project_form.pk])).content.decode()
    assert "查看退回后的修改（第1版 → 第2版）" in body


def test_filer_replies_on_returned_form_only(client, world, project_form):
    """The filer may answer the reviewers on a returned form, not before."""
    client.force_login(world.filer_a)
    assert client.post(reverse("workflow:comment", args=[project_form.pk]), {"body": "x"}).status_code == 403
    services.target_submit(form=project_form, actor=world.filer_a)
    services.target_return(form=project_form, actor=world.dept_reviewer_a, reason="请补充")
    response = client.post(reverse("workflow:comment", args=[project_form.pk]), {"body": "已补充成本指标"})
    assert response["Location"] == reverse("targets:detail", args=[project_form.pk])
    assert "已补充成本指标" in client.get(response["Location"]).content.decode()


def test_form_detail_query_count_independent_of_rows_and_comments(client, world):
    """The form page's queries do not grow with its indicator rows or row comments."""
    small = target_create(organisation=world.unit_a, budget_year=2026, core_form=make_project(indicators=1), actor=world.filer_a)
    big_core = make_project("大项目")
    big_core.indicators = big_core.indicators * 20
    big = target_create(organisation=world.unit_a, budget_year=2026, core_form=big_core, actor=world.filer_a)
    for index in range(5):
        services.comment_add(form=big, actor=world.dept_reviewer_a, body=f"第{index}条", indicator_index=index)
    client.force_login(world.dept_reviewer_a)
    counts = []
    for form in (small, big):
        client.get(reverse("targets:detail", args=[form.pk]))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("targets:detail", args=[form.pk])).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
