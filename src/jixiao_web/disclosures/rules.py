"""Who may see, import and export which disclosure (django-rules), like the forms:

a unit filer its own organisation's; a department reviewer its department's and its units';
a finance reviewer those of the departments under its bureau and their units; the admin all.
Importing follows ``targets.create_form_for_org`` (the filer's own organisation, a department
for itself and its units). Exporting needs only ``view_disclosure``.
"""

from __future__ import annotations

import rules

from jixiao_web.targets.rules import (
    is_admin,
    is_department_reviewer,
    is_finance_reviewer,
    is_unit_filer,
    org_is_in_department,
    org_is_own,
)


def _org(obj):
    """The organisation of a Disclosure, or the organisation itself."""
    return getattr(obj, "organisation", obj)


@rules.predicate
def disclosure_is_own(user, obj) -> bool:
    return obj is not None and org_is_own(user, _org(obj))


@rules.predicate
def disclosure_is_in_department(user, obj) -> bool:
    return obj is not None and org_is_in_department(user, _org(obj))


@rules.predicate
def disclosure_is_in_finance_scope(user, obj) -> bool:
    if obj is None or user.organisation_id is None:
        return False
    org = _org(obj)
    if org.parent_id == user.organisation_id:
        return True
    return org.parent is not None and org.parent.parent_id == user.organisation_id


filer_of = (is_unit_filer & disclosure_is_own) | (is_department_reviewer & disclosure_is_in_department)

rules.add_perm("disclosures.view_disclosure", is_admin | (is_finance_reviewer & disclosure_is_in_finance_scope) | filer_of)
rules.add_perm("disclosures.import_disclosure", filer_of)
rules.add_perm("disclosures.export_disclosure", is_admin | (is_finance_reviewer & disclosure_is_in_finance_scope) | filer_of)
