"""editor.py on its own: posted fields to data and back for the budget block, the spending plan
and sub-goal rows, and where a safe fix lands in the post."""

from __future__ import annotations

import pytest
from django.http import QueryDict

from jixiao_web.targets import editor


def _post(**fields) -> QueryDict:
    post = QueryDict(mutable=True)
    for key, value in fields.items():
        post[key.replace("__", "-")] = value
    return post


def test_data_from_post_plan_keeps_points_of_other_months():
    """A stored point of a month the editor does not show (here 9月底) is kept, in month order."""
    data = {"kind": "project", "spending_plan": {"header_unit": "%", "points": [
        {"label": "3月底", "month": 3, "value": "10", "raw": "10%", "unit": "%"},
        {"label": "9月底", "month": 9, "value": "60", "raw": "60%", "unit": "%"},
    ]}}
    post = _post(plan__present="1", plan__header_unit="%", **{"plan-3": "10%", "plan-6": "30%", "plan-10": "", "plan-12": ""})
    plan = editor.data_from_post(data, "project", post)["spending_plan"]
    assert [(p["month"], p["label"], p["raw"], p["value"], p["unit"]) for p in plan["points"]] == [
        (3, "3月底", "10%", "10", "%"), (6, "6月底", "30%", "30", "%"), (9, "9月底", "60%", "60", "%"),
    ]


def test_data_from_post_budget_untyped_on_form_without_budget_stays_none():
    """Empty budget inputs on a form without a budget block do not create one."""
    post = _post(budget__present="1", **{f"budget-{f}": "" for f, _label in editor.BUDGET_FIELDS})
    assert editor.data_from_post({"kind": "department", "budget": None}, "department", post)["budget"] is None


def test_post_key_for_loc_counts_posted_rows_by_position():
    """Indicator and sub-goal paths count the rows actually posted (gaps skipped); header texts
    map to their field; anything else has no input."""
    post = _post(**{"row-count": "3", "row-0-name": "a", "row-2-name": "b", "subgoal-count": "1", "subgoal-0-title": "t",
                    "subgoal-0-ind-count": "2", "subgoal-0-ind-1-name": "x"})
    assert [editor.post_key_for_loc(post, "project", loc) for loc in (
        ("indicators", 1, "annual_value"), ("indicators", 2, "annual_value"), ("annual_goal",), ("total_amount",),
    )] == ["row-2-annual_value", None, "annual_goal", None]
    assert editor.post_key_for_loc(post, "department", ("sub_goals", 0, "indicators", 0, "annual_value")) == (
        "subgoal-0-ind-1-annual_value"
    )


def test_apply_fix_when_text_changed_raises():
    """A fix is refused when the input no longer holds the text it was made for."""
    post = _post(**{"row-count": "1", "row-0-name": "a", "row-0-annual_value": "≥125台"})
    fix = {"loc": ["indicators", 0, "annual_value"], "original": "120台以上", "replacement": "≥120台", "description": "改"}
    with pytest.raises(editor.EditorError) as raised:
        editor.apply_fix(post, "project", fix)
    assert raised.value.errors == {"fix": "该处内容已改动，未应用修正；请重新审核"}
