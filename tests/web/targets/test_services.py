"""Services of target forms: create, update with optimistic locking, 二上 from 一上."""

from __future__ import annotations

import copy

import pytest

from jixiao_web.audit.models import AuditEvent, AuditEventType
from jixiao_web.core.exceptions import ApplicationError
from jixiao_web.targets.models import Stage, Status, TargetForm
from jixiao_web.targets.services import target_create, target_start_second_stage, target_update
from web.factories import make_project

pytestmark = pytest.mark.django_db


def test_target_create_stores_core_dump_and_columns(world):
    """A created form keeps the core dump and derives its list columns from it."""
    form = target_create(organisation=world.unit_a, budget_year=2026, core_form=make_project(), actor=world.filer_a)
    form.refresh_from_db()
    assert form.kind == "project"
    assert form.name == "示例县义务教育学校设备购置项目"
    assert form.project_code == "44082326P00012345678N"
    assert str(form.annual_amount_wan_yuan.normalize()) == "120.5"
    assert form.indicator_count == 3
    assert form.version == 1 and form.status == Status.DRAFT
    assert form.filed_by is None
    assert form.core().indicators[0].annual_value.number == 120
    assert AuditEvent.objects.filter(form=form, event_type=AuditEventType.FORM_CREATED).count() == 1


def test_target_create_by_department_records_filed_by(world):
    """A department reviewer filing for its unit (代编) is recorded as filed_by."""
    form = target_create(organisation=world.unit_a, budget_year=2026, core_form=make_project(), actor=world.dept_reviewer_a)
    assert form.filed_by == world.dept_reviewer_a


def test_target_create_with_invalid_data_raises(world):
    """Data that does not validate against the core model is refused with a Chinese message."""
    with pytest.raises(ApplicationError) as info:
        target_create(organisation=world.unit_a, budget_year=2026, core_form={"kind": "project", "indicators": "x"}, actor=world.filer_a)
    assert info.value.code == "invalid_data"
    assert "数据模型" in info.value.message


def test_target_save_with_invalid_data_raises(world, project_form):
    """Even a raw save validates the JSON through the core model."""
    project_form.data = {"kind": "nonsense"}
    with pytest.raises(ValueError):
        project_form.save()


def test_target_update_bumps_version_and_audits(world, project_form):
    """An update increments the version and records old/new versions with the changes."""
    data = copy.deepcopy(project_form.data)
    data["project_name"] = "新名称"
    form = target_update(form=project_form, actor=world.filer_a, data=data, expected_version=1)
    assert form.version == 2 and form.name == "新名称"
    event = AuditEvent.objects.get(form=form, event_type=AuditEventType.FORM_UPDATED)
    assert event.extra["old"] == {"version": 1} and event.extra["new"] == {"version": 2}
    assert event.extra["changes"]["fields"][0]["label"] == "项目名称"


def test_target_update_when_stale_raises_with_other_changes(world, project_form):
    """The second of two concurrent saves is refused and shows the other person's changes."""
    first = copy.deepcopy(project_form.data)
    first["annual_goal"] = "对方改过的目标"
    target_update(form=project_form, actor=world.dept_reviewer_a, data=first, expected_version=1)
    mine = copy.deepcopy(project_form.data)
    mine["project_name"] = "我的修改"
    with pytest.raises(ApplicationError) as info:
        target_update(form=project_form, actor=world.filer_a, data=mine, expected_version=1)
    exc = info.value
    assert exc.code == "stale"
    assert "王主管" in exc.message
    assert [c["label"] for c in exc.extra["changes"]["fields"]] == ["当年度目标"]
    assert TargetForm.objects.get(pk=project_form.pk).name == "示例县义务教育学校设备购置项目"


def test_target_update_without_changes_keeps_version(world, project_form):
    """Saving unchanged data does not create a new version."""
    form = target_update(form=project_form, actor=world.filer_a, data=project_form.data, expected_version=1)
    assert form.version == 1


def test_target_update_when_submitted_raises(world, project_form):
    """A submitted form cannot be edited."""
    TargetForm.objects.filter(pk=project_form.pk).update(status=Status.SUBMITTED)
    with pytest.raises(ApplicationError) as info:
        target_update(form=project_form, actor=world.filer_a, data=project_form.data, expected_version=1)
    assert info.value.code == "not_editable"


def test_target_start_second_stage_copies_approved_first(world, project_form):
    """二上 starts as a draft copy of the approved 一上 version, linked to it."""
    TargetForm.objects.filter(pk=project_form.pk).update(status=Status.APPROVED)
    project_form.refresh_from_db()
    second = target_start_second_stage(form=project_form, actor=world.filer_a)
    assert second.stage == Stage.SECOND_SUBMISSION and second.status == Status.DRAFT
    assert second.previous == project_form and second.data == project_form.data
    with pytest.raises(ApplicationError) as info:
        target_start_second_stage(form=project_form, actor=world.filer_a)
    assert info.value.code == "second_stage_exists"


def test_target_start_second_stage_when_draft_raises(world, project_form):
    """Only an approved 一上 form can start 二上."""
    with pytest.raises(ApplicationError) as info:
        target_start_second_stage(form=project_form, actor=world.filer_a)
    assert info.value.code == "not_approved_first"


def test_diff_fields_ignores_key_order():
    """Dicts that differ only in key order (jsonb reorders keys) are not a change."""
    from jixiao_web.targets.diff import diff_fields

    old = {"spending_plan": {"header_unit": "%", "points": [{"label": "3月底", "month": 3}]}}
    new = {"spending_plan": {"points": [{"month": 3, "label": "3月底"}], "header_unit": "%"}}
    assert diff_fields(old, new) == []


def _approved(world, form):
    from jixiao_web.workflow import services

    services.target_submit(form=form, actor=world.filer_a)
    services.target_forward(form=form, actor=world.dept_reviewer_a)
    aspects = {"completeness": "a", "relevance": "b", "appropriateness": "c", "feasibility": "d"}
    return services.target_finance_review(form=form, actor=world.finance, aspects=aspects, grade="优", decision="approve")


def test_target_start_adjustment_copies_approved_and_keeps_it(world, project_form):
    """REV-03: an approved form changes only through an adjustment copy; the approved row stays."""
    from jixiao_web.targets.services import target_start_adjustment

    approved = _approved(world, project_form)
    copy = target_start_adjustment(form=approved, actor=world.filer_a, reason="预算调整：资金减少")
    assert copy.status == Status.DRAFT and copy.adjusts == approved and copy.data == approved.data
    data = copy.data | {"annual_goal": "调整后的目标"}
    target_update(form=copy, actor=world.filer_a, data=data, expected_version=1)
    assert TargetForm.objects.get(pk=approved.pk).data["annual_goal"] == "完成教学设备购置，改善办学条件。"
    assert AuditEvent.objects.filter(form=copy, event_type=AuditEventType.FORM_ADJUSTMENT_STARTED).exists()
    with pytest.raises(ApplicationError) as info:
        target_start_adjustment(form=approved, actor=world.filer_a, reason="再调一次")
    assert info.value.code == "adjustment_open"


@pytest.mark.parametrize(("status", "reason", "code"), [
    (Status.DRAFT, "理由", "not_approved"), (Status.APPROVED, " ", "reason_required"),
])
def test_target_start_adjustment_refusals(world, project_form, status, reason, code):
    """Only an approved form, and only with a reason."""
    from jixiao_web.targets.services import target_start_adjustment

    TargetForm.objects.filter(pk=project_form.pk).update(status=status)
    project_form.refresh_from_db()
    with pytest.raises(ApplicationError) as info:
        target_start_adjustment(form=project_form, actor=world.filer_a, reason=reason)
    assert info.value.code == code
