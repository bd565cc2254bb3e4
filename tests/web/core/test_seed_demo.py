"""The demo seed (samples/ through the real importers and review engine) and a page smoke test."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse

from jixiao_web.accounts.models import User
from jixiao_web.targets.models import Status, TargetForm

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_seed_demo_imports_samples_and_is_idempotent(seeded):
    """The seed imports the fictional samples once and advances one form to finance."""
    count = TargetForm.objects.count()
    assert count >= 2
    assert TargetForm.objects.filter(status=Status.CHECKED).count() == 1
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert TargetForm.objects.count() == count


def test_seed_demo_adds_fictional_disclosure_once(seeded, client):
    """The seed stores the demo disclosure (two tables, consistent sums) once; its page renders."""
    from jixiao_web.disclosures.models import Disclosure

    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    disclosure = Disclosure.objects.get()
    assert (disclosure.organisation.code, disclosure.budget_year, disclosure.table_count) == ("215", 2025, 2)
    assert not [f for f in disclosure.findings if f["code"] == "JX605"]
    client.force_login(User.objects.get(username="finance"))
    html = client.get(reverse("disclosures:detail", args=[disclosure.pk])).content.decode()
    assert "215 资源勘探工业信息等支出" in html and "<td>2150599</td>" in html


@pytest.mark.parametrize("username", ["filer", "dept", "finance", "admin"])
def test_pages_render_for_seeded_forms(client, seeded, username):
    """Every page renders for every demo role on the real sample forms."""
    user = User.objects.get(username=username)
    client.force_login(user)
    for url in (reverse("dashboards:home"), reverse("targets:list"), reverse("audit:log")):
        assert client.get(url).status_code == 200, url
    for form in TargetForm.objects.all():
        can_view = user.has_perm("targets.view_form", form)
        for name in ("targets:detail", "targets:diff", "workflow:review"):
            response = client.get(reverse(name, args=[form.pk]))
            assert response.status_code == (200 if can_view else 404), (name, form.name)
        if user.has_perm("targets.change_form", form):
            assert client.get(reverse("targets:edit", args=[form.pk])).status_code == 200


def _form_fields(html: str) -> dict[str, str]:
    """The values a browser would post from the page's edit form."""
    from html.parser import HTMLParser

    fields: dict[str, str] = {}

    class Parser(HTMLParser):
        select: str | None = None
        textarea: str | None = None
        first_option: str | None = None

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "input" and a.get("name") and a.get("type") not in ("file", "submit"):
                fields[a["name"]] = a.get("value") or ""
            elif tag == "textarea" and a.get("name"):
                self.textarea = a["name"]
                fields[self.textarea] = ""
            elif tag == "select" and a.get("name"):
                self.select = a["name"]
                fields[self.select] = ""
            elif tag == "option" and self.select and "selected" in a:
                fields[self.select] = a.get("value", "\0")
                self._pending = "value" not in a

        def handle_data(self, data):
            if self.textarea:
                fields[self.textarea] += data
            if self.select and getattr(self, "_pending", False):
                fields[self.select] = data
                self._pending = False

        def handle_endtag(self, tag):
            if tag == "textarea":
                self.textarea = None
            if tag == "select":
                self.select = None

    Parser().feed(html)
    return fields


def test_edit_page_round_trip_keeps_data(client, seeded):
    """Posting a real sample's edit page unchanged creates no new version and loses nothing."""
    user = User.objects.get(username="filer")
    client.force_login(user)
    forms = [f for f in TargetForm.objects.all() if user.has_perm("targets.change_form", f)]
    assert forms
    for form in forms:
        url = reverse("targets:edit", args=[form.pk])
        fields = _form_fields(client.get(url).content.decode())
        fields.pop("csrfmiddlewaretoken", None)
        response = client.post(url, fields)
        assert response.status_code == 302, response.content.decode()[:2000]
        after = TargetForm.objects.get(pk=form.pk)
        assert after.version == form.version, (form.name, after.data == form.data)
        assert after.indicator_count == form.indicator_count
