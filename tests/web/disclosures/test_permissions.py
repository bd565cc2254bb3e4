"""Permission matrix rows for disclosures: role × whose disclosure × action (django-rules),
and the list selector agreeing with ``view_disclosure``."""

from __future__ import annotations

import pytest

from jixiao_web.disclosures.models import Disclosure
from jixiao_web.disclosures.selectors import disclosure_list_for_user

pytestmark = pytest.mark.django_db

ROLES = {"filer": "filer_a", "department": "dept_reviewer_a", "finance": "finance", "admin": "admin"}
# whose → the organisation attribute of the World: unit_a's, dept_a's (the filer's department), dept_b's.
SCOPES = {"own_unit": "unit_a", "own_department": "dept_a", "other_department": "dept_b"}
ACTIONS = {"view": "disclosures.view_disclosure", "export": "disclosures.export_disclosure",
           "import": "disclosures.import_disclosure"}
ALLOWED = {
    ("filer", "own_unit"): {"view", "export", "import"},
    ("filer", "own_department"): set(),
    ("filer", "other_department"): set(),
    ("department", "own_unit"): {"view", "export", "import"},
    ("department", "own_department"): {"view", "export", "import"},
    ("department", "other_department"): set(),
    ("finance", "own_unit"): {"view", "export"},
    ("finance", "own_department"): {"view", "export"},
    ("finance", "other_department"): {"view", "export"},
    ("admin", "own_unit"): {"view", "export"},
    ("admin", "own_department"): {"view", "export"},
    ("admin", "other_department"): {"view", "export"},
}
CASES = [(r, s, a, a in ALLOWED[(r, s)]) for r in ROLES for s in SCOPES for a in ACTIONS]


@pytest.mark.parametrize(("role", "scope", "action", "allowed"), CASES, ids=[f"{r}-{s}-{a}" for r, s, a, _ in CASES])
def test_disclosure_permission_matrix_role_scope_action_allowed(world, stored_disclosure, role, scope, action, allowed):
    """Each role may see, export and import exactly the listed organisations' disclosures."""
    org = getattr(world, SCOPES[scope])
    disclosure = Disclosure.objects.select_related("organisation__parent").get(pk=stored_disclosure.pk)
    Disclosure.objects.filter(pk=disclosure.pk).update(organisation=org)
    disclosure.organisation = org
    user = getattr(world, ROLES[role])
    target = org if action == "import" else disclosure
    assert user.has_perm(ACTIONS[action], target) is allowed
    if action == "view":
        assert disclosure_list_for_user(user=user).filter(pk=disclosure.pk).exists() is allowed
