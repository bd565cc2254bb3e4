"""Workflow writes: submit, department check, finance review, comments and waivers.

Each service locks the form row, checks the state (the caller has checked permissions through
``rules``), moves the django-fsm status, and writes the audit row in the same transaction.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django_fsm import TransitionNotAllowed

from jixiao_web.audit.models import AuditEventType
from jixiao_web.audit.services import audit_record
from jixiao_web.core.exceptions import ApplicationError
from jixiao_web.review.adapter import review_core_form
from jixiao_web.targets.models import Status, TargetForm
from jixiao_web.workflow.models import Comment, Decision, Grade, Review, ReviewLevel, Waiver

ASPECTS = {
    "completeness": "完整性",
    "relevance": "相关性",
    "appropriateness": "适当性",
    "feasibility": "可行性",
}


def _lock(form: TargetForm) -> TargetForm:
    return TargetForm.objects.select_for_update().select_related("organisation").get(pk=form.pk)


def _move(form: TargetForm, transition: str, refusal: str) -> str:
    old = form.status
    try:
        getattr(form, transition)()
    except TransitionNotAllowed as exc:
        raise ApplicationError(
            f"{refusal}（当前状态：{form.get_status_display()}）", code="transition_not_allowed"
        ) from exc
    form.save()
    return old


def unwaived_errors(form: TargetForm) -> list[dict[str, Any]]:
    """Error-level findings of the current data that no waiver explains."""
    outcome = review_core_form(form.core())
    if not outcome.available:
        return []
    waived = {(w.code, w.loc) for w in form.waivers.all()}
    return [f for f in outcome.errors if (f["code"], f["loc_text"]) not in waived]


@transaction.atomic
def target_submit(*, form: TargetForm, actor) -> TargetForm:
    """Submit a draft or returned form: to the competent department, or for a department's own
    form straight to finance. Refused while error-level findings are not each waived."""
    form = _lock(form)
    if form.status not in (Status.DRAFT, Status.RETURNED):
        raise ApplicationError(
            f"只有草稿或已退回的绩效目标表可以报送（当前状态：{form.get_status_display()}）",
            code="not_submittable",
        )
    open_errors = unwaived_errors(form)
    if open_errors:
        raise ApplicationError(
            f"还有 {len(open_errors)} 个错误级审核发现未修改或说明理由，不能报送",
            code="unwaived_errors",
            extra={"findings": open_errors},
        )
    old = _move(form, "submit", "此表不能报送")
    form.comments.filter(resolved=False).update(resolved=True)
    audit_record(
        actor=actor, event=AuditEventType.FORM_SUBMITTED, form=form,
        extra={"old": old, "new": form.status, "version": form.version},
    )
    return form


@transaction.atomic
def target_waive(*, form: TargetForm, actor, code: str, loc: str, message: str, reason: str) -> Waiver:
    """Record why an error-level finding is left as it is."""
    reason = (reason or "").strip()
    if not reason:
        raise ApplicationError("请填写说明理由", code="reason_required")
    waiver, _ = Waiver.objects.update_or_create(
        form=form, code=code, loc=loc,
        defaults={"reason": reason, "message": message, "author": actor},
    )
    audit_record(
        actor=actor, event=AuditEventType.FINDING_WAIVED, form=form,
        extra={"code": code, "loc": loc, "reason": reason},
    )
    return waiver


def _aspects_text(aspects: dict[str, str] | None) -> dict[str, str]:
    aspects = aspects or {}
    return {key: (aspects.get(key) or "").strip() for key in ASPECTS}


@transaction.atomic
def target_forward(*, form: TargetForm, actor, summary: str = "", aspects: dict[str, str] | None = None) -> TargetForm:
    """The competent department passes a unit's form on to finance."""
    form = _lock(form)
    old = _move(form, "forward", "只有已报送主管部门的绩效目标表可以审核通过")
    Review.objects.create(
        form=form, form_version=form.version, level=ReviewLevel.DEPARTMENT, reviewer=actor,
        decision=Decision.FORWARD, summary=summary, **_aspects_text(aspects),
    )
    audit_record(
        actor=actor, event=AuditEventType.FORM_FORWARDED, form=form,
        extra={"old": old, "new": form.status, "summary": summary},
    )
    return form


@transaction.atomic
def target_return(*, form: TargetForm, actor, reason: str, aspects: dict[str, str] | None = None, grade: str = "") -> TargetForm:
    """Send a form back to its filer (by the department before forwarding, or by finance)."""
    reason = (reason or "").strip()
    if not reason:
        raise ApplicationError("退回时必须填写退回意见", code="reason_required")
    form = _lock(form)
    level = ReviewLevel.DEPARTMENT if form.status == Status.SUBMITTED else ReviewLevel.FINANCE
    old = _move(form, "send_back", "只有待审核的绩效目标表可以退回")
    Review.objects.create(
        form=form, form_version=form.version, level=level, reviewer=actor,
        decision=Decision.RETURN, summary=reason, grade=grade,
        consequence=grade_consequence(grade), **_aspects_text(aspects),
    )
    if grade:
        form.grade = grade
        form.save(update_fields=["grade"])
    audit_record(
        actor=actor, event=AuditEventType.FORM_RETURNED, form=form,
        extra={"old": old, "new": form.status, "reason": reason, "grade": grade},
    )
    return form


def grade_actions(grade: str) -> list[str]:
    return list(settings.JIXIAO_GRADE_ACTIONS.get(grade, {}).get("actions", []))


def grade_consequence(grade: str) -> str:
    return str(settings.JIXIAO_GRADE_ACTIONS.get(grade, {}).get("consequence", ""))


@transaction.atomic
def target_finance_review(
    *, form: TargetForm, actor, aspects: dict[str, str], grade: str, decision: str, summary: str = ""
) -> TargetForm:
    """Finance reviews a form: four aspects and a grade (REV-01); the grade decides which
    decisions are allowed (REV-02, ``JIXIAO_GRADE_ACTIONS``)."""
    texts = _aspects_text(aspects)
    missing = [ASPECTS[k] for k, v in texts.items() if not v]
    if missing:
        raise ApplicationError(
            "审核意见必须包括四个方面，缺少：" + "、".join(missing), code="aspects_missing",
            extra={"missing": missing},
        )
    if grade not in Grade.values:
        raise ApplicationError("请选择审核等级（优、良、中、差）", code="grade_missing")
    allowed = grade_actions(grade)
    if decision not in allowed:
        labels = "、".join(Decision(a).label for a in allowed)
        raise ApplicationError(
            f"等级为“{grade}”时只能：{labels}（{grade_consequence(grade)}）",
            code="decision_not_allowed", extra={"allowed": allowed},
        )
    if decision == Decision.RETURN:
        return target_return(form=form, actor=actor, reason=summary or "请按审核意见修改", aspects=texts, grade=grade)
    form = _lock(form)
    transition, event = {
        Decision.APPROVE: ("approve", AuditEventType.FORM_APPROVED),
        Decision.REJECT: ("reject", AuditEventType.FORM_REJECTED),
    }[Decision(decision)]
    old = _move(form, transition, "只有待财政审核的绩效目标表可以审核")
    form.grade = grade
    form.save(update_fields=["grade"])
    Review.objects.create(
        form=form, form_version=form.version, level=ReviewLevel.FINANCE, reviewer=actor,
        decision=decision, grade=grade, consequence=grade_consequence(grade), summary=summary, **texts,
    )
    audit_record(
        actor=actor, event=event, form=form,
        extra={"old": old, "new": form.status, "grade": grade, "summary": summary},
    )
    return form


@transaction.atomic
def comment_add(*, form: TargetForm, actor, body: str, indicator_index: int | None = None) -> Comment:
    """A reviewer's comment on the form or on one indicator row."""
    body = (body or "").strip()
    if not body:
        raise ApplicationError("批注内容不能为空", code="empty_comment")
    name = ""
    if indicator_index is not None:
        indicators = form.data.get("indicators", [])
        if not 0 <= indicator_index < len(indicators):
            raise ApplicationError("批注的指标行不存在", code="no_such_row")
        name = indicators[indicator_index].get("name") or ""
    comment = Comment.objects.create(
        form=form, form_version=form.version, author=actor, body=body,
        indicator_index=indicator_index, indicator_name=name[:300],
    )
    audit_record(
        actor=actor, event=AuditEventType.COMMENT_ADDED, form=form,
        extra={"body": body, "indicator_index": indicator_index, "indicator": name},
    )
    return comment
