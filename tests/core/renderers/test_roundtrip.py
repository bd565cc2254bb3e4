"""Round trips: importing jixiao's own .xlsx/.docx/.pdf gives back the same forms.

Only what the printed layout carries is compared (see :func:`roundtrip.carried`); provenance
and layout ids are not. Generated forms come from tests/strategies.py.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from roundtrip import carried, reimport
from sample_forms import ALL_FORMS

from jixiao.renderers import render_form
from jixiao.renderers.layout import choose_family
from strategies import department_forms, project_forms

FORMATS = ("xlsx", "docx", "pdf")


def assert_round_trip(form, fmt: str) -> None:  # type: ignore[no-untyped-def]
    family = choose_family(form)
    document = reimport(render_form(form, fmt), fmt)
    assert len(document.forms) == 1, [p.message for p in document.problems]
    assert choose_family(document.forms[0]) == family  # re-rendering uses the same layout
    squash = fmt == "pdf"
    back = carried(document.forms[0], family, squash=squash)
    expected = carried(form, family, squash=squash)
    assert back == expected


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("sample", sorted(ALL_FORMS))
def test_render_form_sample_round_trips(sample: str, fmt: str) -> None:
    """Each sample form, rendered and imported again, has the same printed fields."""
    assert_round_trip(ALL_FORMS[sample](), fmt)


#: More examples for a longer search: JIXIAO_ROUND_TRIP_EXAMPLES=100 pytest -k generated
_EXAMPLES = int(os.environ.get("JIXIAO_ROUND_TRIP_EXAMPLES", "10"))
ROUND_TRIP = settings(max_examples=_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PDF_ROUND_TRIP = settings(max_examples=max(_EXAMPLES * 3 // 5, 1), deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("fmt", ("xlsx", "docx"))
@ROUND_TRIP
@given(form=project_forms())
def test_render_project_generated_round_trips(fmt: str, form) -> None:  # type: ignore[no-untyped-def]
    """Any generated project form (Guangdong or Hebei) survives render → import in Excel and Word."""
    assert_round_trip(form, fmt)


@pytest.mark.parametrize("fmt", ("xlsx", "docx"))
@ROUND_TRIP
@given(form=department_forms())
def test_render_department_generated_round_trips(fmt: str, form) -> None:  # type: ignore[no-untyped-def]
    """Any generated department form survives render → import in Excel and Word."""
    assert_round_trip(form, fmt)


@PDF_ROUND_TRIP
@given(form=project_forms())
def test_render_project_pdf_generated_round_trips(form) -> None:  # type: ignore[no-untyped-def]
    """Any generated project form survives render → import as PDF."""
    assert_round_trip(form, "pdf")


@PDF_ROUND_TRIP
@given(form=department_forms())
def test_render_department_pdf_generated_round_trips(form) -> None:  # type: ignore[no-untyped-def]
    """Any generated department form survives render → import as PDF."""
    assert_round_trip(form, "pdf")


def _city(form):  # type: ignore[no-untyped-def]
    """The form in the Guangdong city layout (its title need not say 市级, as in seed 001)."""
    title = (form.title or "").replace("县级", "市级") or None
    return form.model_copy(update={"layout": f"{form.kind.value}-target/gd-city-2025", "title": title})


@pytest.mark.parametrize("fmt", FORMATS)
@PDF_ROUND_TRIP
@given(form=project_forms(family="guangdong").map(_city) | department_forms(family="guangdong").map(_city))
def test_render_city_generated_round_trips(fmt: str, form) -> None:  # type: ignore[no-untyped-def]
    """A generated Guangdong form printed in the city layout imports back as a city form."""
    assert_round_trip(form, fmt)


def _package_forms(family: str):  # type: ignore[no-untyped-def]
    from sample_forms import (
        big_project,
        gd_county_department,
        gd_county_project,
        hebei_department,
        hebei_project,
    )

    if family == "hebei":
        second = hebei_project().model_copy(update={
            "number": "2", "project_name": "农机购置补贴工作经费", "title": None, "project_code": "13990125P00012345679K"})
        return [hebei_department(), hebei_project(), second]
    return [gd_county_department(), gd_county_project(), big_project(30)]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("family", ("gd-county", "hebei"))
def test_render_package_round_trips(family: str, fmt: str) -> None:
    """A whole department package imports back as the same forms, in package order."""
    from jixiao.renderers import render_package

    forms = _package_forms(family)
    document = reimport(render_package(forms, fmt), fmt)
    squash = fmt == "pdf"
    got = [carried(form, family, squash=squash) for form in document.forms]
    want = [carried(form, family, squash=squash) for form in forms]
    assert got == want
