"""Every workflow transition and every refusal, through the services."""

from __future__ import annotations

import pytest

from jixiao_web.audit.models import AuditEvent, AuditEventType
from jixiao_web.core.exceptions import ApplicationError
from jixiao_web.review.adapter import ReviewOutcome
from jixiao_web.targets.models import Status, TargetForm
from jixiao_web.targets.services import target_create
from jixiao_web.workflow import services
from jixiao_web.workflow.models import Comment, Review
from web.factories import make_project

pytestmark = pytest.mark.django_db

ASPECTS = {"completeness": "齐全", "relevance": "相关", "appropriateness": "匹配", "feasibility": "可行"}


def _events(form) -> list[int]:
    return list(AuditEvent.objects.filter(form=form).order_by("id").values_list("event_type", flat=True))


def _checked(world, form):
    services.target_submit(form=form, actor=world.filer_a)
    return services.target_forward(form=form, actor=world.dept_reviewer_a, summary="同意")


def test_target_submit_unit_form_goes_to_department(world, project_form):
    """A unit's form goes to its competent department first."""
    form = services.target_submit(form=project_form, actor=world.filer_a)
    assert form.status == Status.SUBMITTED
    assert _events(form)[-1] == AuditEventType.FORM_SUBMITTED


def test_target_submit_department_form_goes_to_finance(world):
    """A department's own form goes straight to finance."""
    form = target_create(organisation=world.dept_a, budget_year=2026, core_form=make_project(), actor=world.dept_reviewer_a)
    assert services.target_submit(form=form, actor=world.dept_reviewer_a).status == Status.CHECKED


def test_target_submit_when_submitted_raises(world, project_form):
    """A submitted form cannot be submitted again."""
    services.target_submit(form=project_form, actor=world.filer_a)
    with pytest.raises(ApplicationError) as info:
        services.target_submit(form=project_form, actor=world.filer_a)
    assert info.value.code == "not_submittable"


def _engine_with_error(monkeypatch):
    finding = {"code": "JX201", "severity": "error", "message": "指标值缺少计量单位", "hint": None,
               "loc": ["indicators", 0, "annual_value"], "loc_text": "indicators[0].annual_value",
               "indicator_index": 0, "fix": None}
    monkeypatch.setattr(services, "review_core_form", lambda core: ReviewOutcome(available=True, findings=[finding]))


def test_target_submit_with_unwaived_error_raises(world, project_form, monkeypatch):
    """An error-level finding blocks submission until it is waived with a reason."""
    _engine_with_error(monkeypatch)
    with pytest.raises(ApplicationError) as info:
        services.target_submit(form=project_form, actor=world.filer_a)
    assert info.value.code == "unwaived_errors"
    assert info.value.extra["findings"][0]["code"] == "JX201"
    assert TargetForm.objects.get(pk=project_form.pk).status == Status.DRAFT


def test_target_submit_with_waived_error_succeeds(world, project_form, monkeypatch):
    """Once each error-level finding has a reason, the form can be submitted."""
    _engine_with_error(monkeypatch)
    services.target_waive(form=project_form, actor=world.filer_a, code="JX201", loc="indicators[0].annual_value", message="", reason="台为行业惯用单位，已在名称中说明")
    assert services.target_submit(form=project_form, actor=world.filer_a).status == Status.SUBMITTED
    assert AuditEventType.FINDING_WAIVED in _events(project_form)


def test_target_waive_without_reason_raises(world, project_form):
    """A waiver needs a reason."""
    with pytest.raises(ApplicationError) as info:
        services.target_waive(form=project_form, actor=world.filer_a, code="JX201", loc="x", message="", reason="  ")
    assert info.value.code == "reason_required"


def test_target_forward_moves_to_checked(world, project_form):
    """The department passes a submitted unit form to finance and a review row is kept."""
    form = _checked(world, project_form)
    assert form.status == Status.CHECKED
    assert Review.objects.get(form=form).decision == "forward"
    assert _events(form)[-1] == AuditEventType.FORM_FORWARDED


def test_target_forward_when_draft_raises(world, project_form):
    """A draft cannot be forwarded."""
    with pytest.raises(ApplicationError) as info:
        services.target_forward(form=project_form, actor=world.dept_reviewer_a)
    assert info.value.code == "transition_not_allowed"


def test_target_return_by_department_needs_reason(world, project_form):
    """Returning needs a reason; with one, the form is returned and the reason audited."""
    services.target_submit(form=project_form, actor=world.filer_a)
    with pytest.raises(ApplicationError):
        services.target_return(form=project_form, actor=world.dept_reviewer_a, reason="")
    form = services.target_return(form=project_form, actor=world.dept_reviewer_a, reason="请补充成本指标")
    assert form.status == Status.RETURNED
    event = AuditEvent.objects.filter(form=form).latest("id")
    assert event.event_type == AuditEventType.FORM_RETURNED and event.extra["reason"] == "请补充成本指标"


def test_target_return_when_draft_raises(world, project_form):
    """A draft cannot be returned."""
    with pytest.raises(ApplicationError) as info:
        services.target_return(form=project_form, actor=world.finance, reason="x")
    assert info.value.code == "transition_not_allowed"


def test_target_finance_review_excellent_approves(world, project_form):
    """Grade 优 with the four aspects approves the form and records the consequence."""
    form = _checked(world, project_form)
    form = services.target_finance_review(form=form, actor=world.finance, aspects=ASPECTS, grade="优", decision="approve")
    assert form.status == Status.APPROVED and form.grade == "优"
    review = Review.objects.filter(form=form, level="finance").get()
    assert review.consequence == "直接进入预算安排" and review.completeness == "齐全"
    assert _events(form)[-1] == AuditEventType.FORM_APPROVED


def test_target_finance_review_fair_returns(world, project_form):
    """Grade 中 returns the form for revision."""
    form = _checked(world, project_form)
    form = services.target_finance_review(form=form, actor=world.finance, aspects=ASPECTS, grade="中", decision="return", summary="目标偏低")
    assert form.status == Status.RETURNED and form.grade == "中"


def test_target_finance_review_poor_rejects(world, project_form):
    """Grade 差 may only be refused entry to the budget."""
    form = _checked(world, project_form)
    form = services.target_finance_review(form=form, actor=world.finance, aspects=ASPECTS, grade="差", decision="reject")
    assert form.status == Status.REJECTED


def test_target_finance_review_decision_not_allowed_by_grade_raises(world, project_form):
    """The grade map decides what may follow: 中 cannot be approved."""
    form = _checked(world, project_form)
    with pytest.raises(ApplicationError) as info:
        services.target_finance_review(form=form, actor=world.finance, aspects=ASPECTS, grade="中", decision="approve")
    assert info.value.code == "decision_not_allowed"
    assert TargetForm.objects.get(pk=form.pk).status == Status.CHECKED


def test_target_finance_review_missing_aspect_raises(world, project_form):
    """REV-01: all four aspects must be written."""
    form = _checked(world, project_form)
    with pytest.raises(ApplicationError) as info:
        services.target_finance_review(form=form, actor=world.finance, aspects={**ASPECTS, "feasibility": ""}, grade="优", decision="approve")
    assert info.value.code == "aspects_missing" and info.value.extra["missing"] == ["可行性"]


def test_target_finance_review_missing_grade_raises(world, project_form):
    """REV-01: a grade is required."""
    form = _checked(world, project_form)
    with pytest.raises(ApplicationError) as info:
        services.target_finance_review(form=form, actor=world.finance, aspects=ASPECTS, grade="", decision="approve")
    assert info.value.code == "grade_missing"


def test_target_finance_review_when_submitted_raises(world, project_form):
    """Finance cannot approve what the department has not passed on."""
    services.target_submit(form=project_form, actor=world.filer_a)
    with pytest.raises(ApplicationError) as info:
        services.target_finance_review(form=project_form, actor=world.finance, aspects=ASPECTS, grade="优", decision="approve")
    assert info.value.code == "transition_not_allowed"


def test_comment_add_on_row_keeps_indicator_name(world, project_form):
    """A comment on one row remembers the row's indicator name; resubmission resolves it."""
    services.target_submit(form=project_form, actor=world.filer_a)
    comment = services.comment_add(form=project_form, actor=world.dept_reviewer_a, body="数量偏少", indicator_index=0)
    assert comment.indicator_name == "购置教学设备"
    services.target_return(form=project_form, actor=world.dept_reviewer_a, reason="见批注")
    services.target_submit(form=project_form, actor=world.filer_a)
    assert Comment.objects.get(pk=comment.pk).resolved


def test_comment_add_on_missing_row_raises(world, project_form):
    """A comment on a row that does not exist is refused."""
    with pytest.raises(ApplicationError) as info:
        services.comment_add(form=project_form, actor=world.finance, body="x", indicator_index=99)
    assert info.value.code == "no_such_row"


def test_full_cycle_is_recorded_in_history_and_audit(world, project_form):
    """submit → return → submit → forward → approve leaves audit rows and history records."""
    services.target_submit(form=project_form, actor=world.filer_a)
    services.target_return(form=project_form, actor=world.dept_reviewer_a, reason="改")
    services.target_submit(form=project_form, actor=world.filer_a)
    services.target_forward(form=project_form, actor=world.dept_reviewer_a)
    services.target_finance_review(form=project_form, actor=world.finance, aspects=ASPECTS, grade="良", decision="approve")
    assert _events(project_form) == [
        AuditEventType.FORM_CREATED, AuditEventType.FORM_SUBMITTED, AuditEventType.FORM_RETURNED,
        AuditEventType.FORM_SUBMITTED, AuditEventType.FORM_FORWARDED, AuditEventType.FORM_APPROVED,
    ]
    statuses = list(project_form.history.order_by("history_id").values_list("status", flat=True))
    assert statuses[0] == "draft" and statuses[-1] == "approved" and "returned" in statuses


def test_target_submit_with_real_engine_error_needs_waiver(world):
    """With the core review engine: an invalid project code (JX112, error) blocks submission
    until the filer waives it with a reason."""
    core = make_project()
    core.project_code = "101001260001"
    form = target_create(organisation=world.unit_a, budget_year=2026, core_form=core, actor=world.filer_a)
    with pytest.raises(ApplicationError) as info:
        services.target_submit(form=form, actor=world.filer_a)
    codes = [(f["code"], f["loc_text"]) for f in info.value.extra["findings"]]
    assert codes == [("JX112", "project_code")]
    services.target_waive(form=form, actor=world.filer_a, code="JX112", loc="project_code", message="", reason="本县项目库编码为12位")
    assert services.target_submit(form=form, actor=world.filer_a).status == Status.SUBMITTED
