"""The adapter over the review engine: findings as plain data with their safe fixes, and the
cache of a stored form's review keyed by its data and the configuration."""

from __future__ import annotations

from unittest import mock

import pytest
from django.core.cache import cache
from django.urls import reverse

from jixiao.model import parse_value
from jixiao_web.review.adapter import review_core_form, review_data_cached
from jixiao_web.targets.coremodel import core_dump
from jixiao_web.targets.models import data_hash
from jixiao_web.targets.services import target_create
from web.factories import make_project


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_finding_to_dict_fix_keeps_loc_original_and_replacement():
    """A finding's safe fix reaches templates as plain data: path, old and new text, label."""
    core = make_project(indicators=1)
    core.indicators[0].annual_value = parse_value("120台以上")
    fixes = [f["fix"] for f in review_core_form(core).findings if f["fix"]]
    assert fixes == [{
        "loc": ["indicators", 0, "annual_value"], "loc_text": "indicators[0].annual_value",
        "original": "120台以上", "replacement": "≥120台", "description": "“120台以上”改为“≥120台”",
    }]


def test_review_data_cached_same_data_runs_engine_once():
    """The same data under the same configuration is reviewed once; the copy returned is the
    caller's own (annotating it does not change the cached one)."""
    data = core_dump(make_project())
    digest = data_hash(data)
    first = review_data_cached(data, digest=digest)
    first.findings[0]["waiver"] = "annotated"
    with mock.patch("jixiao_web.review.adapter.review_core_form") as review:
        second = review_data_cached(data, digest=digest)
    assert review.call_count == 0
    assert [f.get("waiver") for f in second.findings] == [None] * len(second.findings)
    assert [f["code"] for f in second.findings] == [f["code"] for f in first.findings]


def test_review_data_cached_other_configuration_reviews_again(settings):
    """Changing the review configuration gives another cache entry (its findings follow it)."""
    data = core_dump(make_project())
    digest = data_hash(data)
    before = {f["code"] for f in review_data_cached(data, digest=digest).findings}
    settings.JIXIAO_REVIEW = {"ignore": ["JX104"]}
    after = {f["code"] for f in review_data_cached(data, digest=digest).findings}
    assert before - after == {"JX104"}


@pytest.mark.django_db
def test_form_detail_page_with_unchanged_data_runs_no_review(client, world):
    """The form page and the editor read the review cached when the form was saved."""
    form = target_create(organisation=world.unit_a, budget_year=2026, core_form=make_project(), actor=world.filer_a)
    client.force_login(world.filer_a)
    with mock.patch("jixiao_web.review.adapter.review_core_form") as review:
        statuses = [client.get(reverse(name, args=[form.pk])).status_code for name in ("targets:detail", "targets:edit")]
    assert (statuses, review.call_count) == ([200, 200], 0)
