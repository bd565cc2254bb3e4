"""The review configuration in settings: passed to the engine, guarded by system checks."""

from __future__ import annotations

import pytest

from jixiao_web.review.adapter import review_core_form
from jixiao_web.review.checks import check_review_config
from web.factories import make_project


def test_check_review_config_default_is_clean(settings):
    """The default configuration raises no check message."""
    assert check_review_config() == []


def test_check_review_config_unknown_code_is_e001(settings):
    """A pattern that matches no rule is jixiao.E001."""
    settings.JIXIAO_REVIEW = {"ignore": ["JX999x"]}
    assert [m.id for m in check_review_config()] == ["jixiao.E001"]


def test_check_review_config_invalid_is_e003(settings):
    """An invalid severity is reported as jixiao.E003."""
    settings.JIXIAO_REVIEW = {"severity": {"JX104": "fatal"}}
    assert [m.id for m in check_review_config()] == ["jixiao.E003"]


@pytest.mark.parametrize(("config", "has_jx104"), [({}, True), ({"ignore": ["JX104"]}, False)])
def test_review_core_form_uses_settings(settings, config, has_jx104):
    """Ignoring a rule in settings removes its findings from the pages and the workflow."""
    settings.JIXIAO_REVIEW = config
    codes = {f["code"] for f in review_core_form(make_project()).findings}
    assert ("JX104" in codes) is has_jx104


def test_check_grade_actions_default_is_clean(settings):
    """The 88号 default map passes."""
    from jixiao_web.review.checks import check_grade_actions

    assert check_grade_actions() == []


def test_check_grade_actions_missing_or_unknown_is_e004(settings):
    """A grade without decisions, or with an unknown one, is jixiao.E004."""
    from jixiao_web.review.checks import check_grade_actions

    settings.JIXIAO_GRADE_ACTIONS = {"优": {"actions": ["approve"]}, "良": {"actions": ["publish"]}, "中": {"actions": ["return"]}}
    assert [m.id for m in check_grade_actions()] == ["jixiao.E004", "jixiao.E004"]
