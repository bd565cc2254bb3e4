"""Reviewer dashboards: the stored review summary, progress by department, findings by rule and
by unit, the quality league table, SVG charts and bounded queries."""

from __future__ import annotations

import re
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jixiao_web.dashboards.charts import bar_chart, stacked_bar_chart
from jixiao_web.dashboards.selectors import (
    review_stats_for_user,
    submission_progress_by_department_for_user,
)
from jixiao_web.targets.models import Status, TargetForm
from jixiao_web.targets.services import target_create
from web.factories import make_project

pytestmark = pytest.mark.django_db


def _forms(world):
    """unit_a: a full form (score 92) and a one-indicator form (84); dept_a: its own form (92);
    unit_b: a one-indicator form (84), checked."""
    a1 = target_create(organisation=world.unit_a, budget_year=2026, core_form=make_project("甲一"), actor=world.filer_a)
    target_create(organisation=world.unit_a, budget_year=2026, core_form=make_project("甲二", indicators=1), actor=world.filer_a)
    target_create(organisation=world.dept_a, budget_year=2026, core_form=make_project("部门甲"), actor=world.dept_reviewer_a)
    b = target_create(organisation=world.unit_b, budget_year=2026, core_form=make_project("乙", indicators=1), actor=world.filer_b)
    TargetForm.objects.filter(pk=b.pk).update(status=Status.CHECKED)
    return a1


def test_target_save_stores_review_summary(world):
    """Saving a form stores its automatic score, grade and finding counts per rule."""
    form = target_create(organisation=world.unit_a, budget_year=2026, core_form=make_project(), actor=world.filer_a)
    summary = TargetForm.objects.get(pk=form.pk).review_summary
    assert {k: v for k, v in summary.items() if k != "data_hash"} == {
        "available": True, "score": 92.0, "grade": "优",
        "counts": {"error": 0, "warning": 2, "info": 0}, "codes": {"JX104": 1, "JX116": 1},
    }


def test_target_save_same_data_does_not_review_again(world):
    """A save that leaves the data unchanged (a status change) keeps the summary without running
    the review; changed data recomputes it."""
    form = target_create(organisation=world.unit_a, budget_year=2026, core_form=make_project(), actor=world.filer_a)
    with mock.patch("jixiao_web.review.adapter.review_core_form") as review:
        form.status = Status.SUBMITTED
        form.save()
        assert review.call_count == 0
    form.data["indicators"] = form.data["indicators"][:1]
    form.save()
    assert TargetForm.objects.get(pk=form.pk).review_summary["codes"] == {"JX104": 2, "JX106": 1, "JX116": 1}


def test_submission_progress_by_department_folds_units(world):
    """A unit's forms count under its department; each department's row counts per status."""
    _forms(world)
    rows = submission_progress_by_department_for_user(user=world.finance, year=2026)
    assert [(r["code"], dict(r["counts"]), r["total"]) for r in rows] == [
        ("101", {"draft": 3}, 3), ("102", {"checked": 1}, 1),
    ]
    assert [r["code"] for r in submission_progress_by_department_for_user(user=world.dept_reviewer_a, year=2026)] == ["101"]


def test_review_stats_by_rule_unit_and_league(world):
    """Findings by rule (most first), by unit, and units ranked by average score."""
    _forms(world)
    stats = review_stats_for_user(user=world.finance, year=2026)
    assert (stats.forms, stats.unreviewed) == (4, 0)
    assert stats.by_rule == [("JX104", 6), ("JX116", 4), ("JX106", 2)]
    assert [(u["code"], u["forms"], u["warning"], u["findings"]) for u in stats.by_unit] == [
        ("101001", 2, 6, 6), ("102001", 1, 4, 4), ("101", 1, 2, 2),
    ]
    assert [(u["rank"], u["code"], u["average"], u["grade"]) for u in stats.league] == [
        (1, "101", 92.0, "优"), (2, "101001", 88.0, "良"), (3, "102001", 84.0, "良"),
    ]


def test_review_stats_scoped_and_year_filtered(world):
    """A department reviewer sees its own department and units only; another year is empty."""
    _forms(world)
    assert [u["code"] for u in review_stats_for_user(user=world.dept_reviewer_a, year=2026).league] == ["101", "101001"]
    assert review_stats_for_user(user=world.finance, year=2025).forms == 0


def test_review_stats_form_without_summary_counted_unreviewed(world):
    """A form stored without a summary (e.g. engine missing) is counted, not scored."""
    form = _forms(world)
    TargetForm.objects.filter(pk=form.pk).update(review_summary={})
    stats = review_stats_for_user(user=world.finance, year=2026)
    assert (stats.forms, stats.unreviewed, [u["forms"] for u in stats.league]) == (4, 1, [1, 1, 1])


def test_bar_chart_accessible_title_desc_and_text_labels():
    """The SVG has role=img, a title and a description naming every value, and text labels."""
    svg = bar_chart("标题<", [("甲单位", 3), ("乙", 1)], unit=" 条")
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby=')
    assert re.search(r"<title id=\"chart-\d+-t\">标题&lt;</title><desc id=\"chart-\d+-d\">甲单位：3 条；乙：1 条</desc>", svg)
    assert re.findall(r"<text[^>]*>([^<]*)</text>", svg) == ["甲单位", "3 条", "乙", "1 条"]


def test_stacked_bar_chart_totals_and_legend():
    """Each row prints its total; the legend names every series."""
    svg = stacked_bar_chart("进度", ["草稿", "已报送"], [("101 教育局", [2, 1]), ("102", [0, 0])])
    assert re.findall(r"<text[^>]*>([^<]*)</text>", svg) == ["草稿", "已报送", "101 教育局", "3", "102", "0"]
    assert "101 教育局：草稿 2，已报送 1，合计 3；102：，合计 0" in svg


def test_home_reviewer_dashboard_rendered_for_finance(client, world):
    """Finance sees the charts and the league table; a filer does not."""
    _forms(world)
    client.force_login(world.finance)
    html = client.get(reverse("dashboards:home")).content.decode()
    assert html.count('role="img"') == 4
    assert "质量排行（自动审核平均得分）" in html and "<td>101 示例县教育局</td><td class=\"num\">1</td><td class=\"num\">92.0</td><td>优</td>" in html
    client.force_login(world.filer_a)
    assert "reviewer-dashboard" not in client.get(reverse("dashboards:home")).content.decode()


def test_home_reviewer_dashboard_queries_bounded(client, world):
    """The finance home page costs the same number of queries for 4 forms as for 12."""
    _forms(world)
    client.force_login(world.finance)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("dashboards:home"))
    _forms(world)
    _forms(world)
    with CaptureQueriesContext(connection) as many:
        html = client.get(reverse("dashboards:home")).content.decode()
    assert "共 12 张表" in html
    assert len(many) == len(few)


def test_bar_chart_long_label_shortened_description_whole():
    """A label wider than the label column prints shortened with …; the description keeps it whole."""
    from jixiao_web.dashboards.charts import fit

    assert fit("青川县科技和工业信息化局（本级）", 100) == "青川县科技和工…"
    svg = bar_chart("t", [("青川县科技和工业信息化局（本级）", 1)], label_width=110)
    assert ">青川县科技和工…</text>" in svg and "<desc id" in svg and "青川县科技和工业信息化局（本级）：1" in svg
