"""The permission matrix: role × own/other organisation × action, through django-rules."""

from __future__ import annotations

import pytest

from jixiao_web.targets.models import Status, TargetForm
from jixiao_web.targets.selectors import target_list_for_user
from jixiao_web.targets.services import target_create
from web.factories import make_project

pytestmark = pytest.mark.django_db

# The form is unit_a's ("own" for filer_a and dept_a) or unit_b's ("other").
# action → (status the form is put in, permission)
ACTIONS = {
    "view": (Status.DRAFT, "targets.view_form"),
    "change": (Status.DRAFT, "targets.change_form"),
    "submit": (Status.DRAFT, "targets.submit_form"),
    "forward": (Status.SUBMITTED, "targets.forward_form"),
    "department_return": (Status.SUBMITTED, "targets.department_return_form"),
    "finance_review": (Status.CHECKED, "targets.finance_review_form"),
    "comment": (Status.CHECKED, "targets.comment_form"),
    "reply": (Status.RETURNED, "targets.reply_form"),
    "adjust": (Status.APPROVED, "targets.start_adjustment"),
    "second_stage": (Status.APPROVED, "targets.start_second_stage"),
}
ROLES = {"filer": "filer_a", "department": "dept_reviewer_a", "finance": "finance", "admin": "admin"}

ALLOWED = {
    ("filer", "own"): {"view", "change", "submit", "reply", "adjust", "second_stage"},
    ("filer", "other"): set(),
    ("department", "own"): {"view", "change", "submit", "forward", "department_return", "reply", "adjust", "second_stage"},
    ("department", "other"): set(),
    ("finance", "own"): {"view", "finance_review", "comment"},
    ("finance", "other"): {"view", "finance_review", "comment"},
    ("admin", "own"): {"view"},
    ("admin", "other"): {"view"},
}

CASES = [
    (role, scope, action, action in ALLOWED[(role, scope)])
    for role in ROLES for scope in ("own", "other") for action in ACTIONS
]


@pytest.mark.parametrize(("role", "scope", "action", "allowed"), CASES, ids=[f"{r}-{s}-{a}" for r, s, a, _ in CASES])
def test_permission_matrix_role_scope_action_allowed(world, role, scope, action, allowed):
    """Each role may do exactly the listed actions on its own and on other organisations' forms."""
    status, perm = ACTIONS[action]
    org = world.unit_a if scope == "own" else world.unit_b
    form = target_create(organisation=org, budget_year=2026, core_form=make_project(), actor=world.admin)
    TargetForm.objects.filter(pk=form.pk).update(status=status)
    form = TargetForm.objects.select_related("organisation").get(pk=form.pk)
    user = getattr(world, ROLES[role])
    assert user.has_perm(perm, form) is allowed
    if action == "view":
        assert target_list_for_user(user=user).filter(pk=form.pk).exists() is allowed


@pytest.mark.parametrize(
    ("role", "org", "allowed"),
    [("filer_a", "unit_a", True), ("filer_a", "unit_b", False), ("filer_a", "dept_a", False),
     ("dept_reviewer_a", "unit_a", True), ("dept_reviewer_a", "dept_a", True), ("dept_reviewer_a", "unit_b", False),
     ("finance", "unit_a", False), ("admin", "unit_a", False)],
)
def test_create_form_for_org_permission_by_role_allowed(world, role, org, allowed):
    """Who may create (or import) forms for which organisation (代编 for own units only)."""
    assert getattr(world, role).has_perm("targets.create_form_for_org", getattr(world, org)) is allowed


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.CHECKED, Status.APPROVED, Status.REJECTED])
def test_change_form_when_not_editable_refused(world, status):
    """Nobody may edit a form that is under review or decided."""
    form = target_create(organisation=world.unit_a, budget_year=2026, core_form=make_project(), actor=world.filer_a)
    TargetForm.objects.filter(pk=form.pk).update(status=status)
    form.refresh_from_db()
    assert not world.filer_a.has_perm("targets.change_form", form)
    assert not world.dept_reviewer_a.has_perm("targets.change_form", form)


def test_forward_department_own_form_refused(world):
    """A department does not check its own form; that is finance's review."""
    form = target_create(organisation=world.dept_a, budget_year=2026, core_form=make_project(), actor=world.dept_reviewer_a)
    TargetForm.objects.filter(pk=form.pk).update(status=Status.SUBMITTED)
    form.refresh_from_db()
    assert not world.dept_reviewer_a.has_perm("targets.forward_form", form)


@pytest.fixture
def other_region(world):
    """A second finance bureau with its own department and unit."""
    from jixiao_web.orgs.models import Organisation, OrgKind

    bureau = Organisation.objects.create(code="800", name="邻县财政局", kind=OrgKind.FINANCE)
    dept = Organisation.objects.create(code="201", name="邻县教育局", kind=OrgKind.DEPARTMENT, parent=bureau)
    unit = Organisation.objects.create(code="201001", name="邻县第一中学", kind=OrgKind.UNIT, parent=dept)
    return {"department": dept, "unit": unit}


@pytest.mark.parametrize("where", ["department", "unit"])
@pytest.mark.parametrize("perm", ["targets.view_form", "targets.finance_review_form", "targets.comment_form"])
def test_finance_reviewer_other_bureau_refused(world, other_region, where, perm):
    """A finance reviewer sees and reviews only the departments under its own bureau and their units."""
    form = target_create(organisation=other_region[where], budget_year=2026, core_form=make_project(), actor=world.admin)
    TargetForm.objects.filter(pk=form.pk).update(status=Status.CHECKED)
    form = TargetForm.objects.select_related("organisation__parent").get(pk=form.pk)
    assert not world.finance.has_perm(perm, form)
    assert not target_list_for_user(user=world.finance).filter(pk=form.pk).exists()
    assert world.admin.has_perm("targets.view_form", form)


@pytest.mark.parametrize("org", ["dept_a", "unit_a"])
def test_finance_reviewer_own_bureau_allowed(world, org):
    """Departments directly under the bureau and their units are in scope."""
    form = target_create(organisation=getattr(world, org), budget_year=2026, core_form=make_project(), actor=world.admin)
    TargetForm.objects.filter(pk=form.pk).update(status=Status.CHECKED)
    form = TargetForm.objects.select_related("organisation__parent").get(pk=form.pk)
    assert world.finance.has_perm("targets.finance_review_form", form)
    assert target_list_for_user(user=world.finance).filter(pk=form.pk).exists()


def test_audit_log_finance_scope_excludes_other_bureau(world, other_region):
    """The finance reviewer's audit log leaves out another bureau's organisations."""
    from jixiao_web.audit.selectors import audit_event_list_for_user

    mine = target_create(organisation=world.unit_a, budget_year=2026, core_form=make_project(), actor=world.admin)
    theirs = target_create(organisation=other_region["unit"], budget_year=2026, core_form=make_project(), actor=world.admin)
    forms = set(audit_event_list_for_user(user=world.finance).values_list("form_id", flat=True))
    assert mine.pk in forms and theirs.pk not in forms
