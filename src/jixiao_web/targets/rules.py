"""Object permissions (django-rules): who may see and change which target form.

Roles: 单位填报人 (unit_filer) works on its own organisation's forms; 主管部门审核人
(department_reviewer) works on its department's and its units' forms (代编 included) and
checks its units' submissions; 财政审核人 (finance_reviewer) sees the departments under its
finance bureau and their units, and reviews what those departments pass on; 系统管理员 (admin) sees everything and changes nothing in the workflow.

Every view and API endpoint asks ``user.has_perm("targets.<perm>", obj)``.
"""

from __future__ import annotations

import rules

from jixiao_web.accounts.models import Role
from jixiao_web.targets.models import EDITABLE_STATUSES, Stage, Status


def _role(user) -> str | None:
    return getattr(user, "role", None) if user.is_authenticated else None


@rules.predicate
def is_unit_filer(user) -> bool:
    return _role(user) == Role.UNIT_FILER


@rules.predicate
def is_department_reviewer(user) -> bool:
    return _role(user) == Role.DEPARTMENT_REVIEWER


@rules.predicate
def is_finance_reviewer(user) -> bool:
    return _role(user) == Role.FINANCE_REVIEWER


@rules.predicate
def is_admin(user) -> bool:
    return user.is_authenticated and (user.is_superuser or _role(user) == Role.ADMIN)


@rules.predicate
def org_is_own(user, org) -> bool:
    return org is not None and user.organisation_id is not None and org.pk == user.organisation_id


@rules.predicate
def org_is_in_department(user, org) -> bool:
    """The organisation is the user's department or one of its units."""
    return (
        org is not None
        and user.organisation_id is not None
        and (org.pk == user.organisation_id or org.parent_id == user.organisation_id)
    )


@rules.predicate
def form_is_own(user, form) -> bool:
    return form is not None and form.organisation_id == user.organisation_id


@rules.predicate
def form_is_in_department(user, form) -> bool:
    return form is not None and org_is_in_department(user, form.organisation)


@rules.predicate
def form_is_in_finance_scope(user, form) -> bool:
    """The form belongs to a department under the user's finance bureau, or to one of its units."""
    if form is None or user.organisation_id is None:
        return False
    org = form.organisation
    if org.parent_id == user.organisation_id:
        return True
    return org.parent is not None and org.parent.parent_id == user.organisation_id


@rules.predicate
def form_is_editable(user, form) -> bool:
    return form is not None and form.status in EDITABLE_STATUSES


@rules.predicate
def form_awaits_department(user, form) -> bool:
    return form is not None and form.status == Status.SUBMITTED


@rules.predicate
def form_is_unit_of_department(user, form) -> bool:
    return form is not None and form.organisation.parent_id == user.organisation_id


@rules.predicate
def form_awaits_finance(user, form) -> bool:
    return form is not None and form.status == Status.CHECKED


@rules.predicate
def form_is_returned(user, form) -> bool:
    return form is not None and form.status == Status.RETURNED


@rules.predicate
def form_is_approved(user, form) -> bool:
    return form is not None and form.status == Status.APPROVED


@rules.predicate
def form_is_approved_first_stage(user, form) -> bool:
    return form is not None and form.status == Status.APPROVED and form.stage == Stage.FIRST_SUBMISSION


filer_of = (is_unit_filer & form_is_own) | (is_department_reviewer & form_is_in_department)
department_check = is_department_reviewer & form_is_unit_of_department & form_awaits_department

finance_of = is_finance_reviewer & form_is_in_finance_scope

rules.add_perm("targets.view_form", is_admin | finance_of | filer_of)
rules.add_perm("targets.create_form_for_org", (is_unit_filer & org_is_own) | (is_department_reviewer & org_is_in_department))
rules.add_perm("targets.change_form", filer_of & form_is_editable)
rules.add_perm("targets.submit_form", filer_of & form_is_editable)
rules.add_perm("targets.waive_finding", filer_of & form_is_editable)
rules.add_perm("targets.start_second_stage", filer_of & form_is_approved_first_stage)
rules.add_perm("targets.start_adjustment", filer_of & form_is_approved)
rules.add_perm("targets.forward_form", department_check)
rules.add_perm("targets.department_return_form", department_check)
rules.add_perm("targets.finance_review_form", finance_of & form_awaits_finance)
rules.add_perm(
    "targets.comment_form",
    department_check | (finance_of & form_awaits_finance),
)
rules.add_perm("targets.reply_form", filer_of & form_is_returned)
rules.add_perm("targets.view_all_audit", is_admin | is_finance_reviewer)
