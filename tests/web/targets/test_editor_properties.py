"""Property: posting the editor unchanged gives back the same form (nothing lost or altered).

Covers every part the editor shows: the header (with 财政资金/其他资金), the indicator rows, the
department budget block, key and other tasks, 分项绩效目标 with their indicators and values,
保障措施, and the Hebei spending plan.
"""

from __future__ import annotations

import sys
from pathlib import Path

from django.http import QueryDict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao_web.targets import editor
from jixiao_web.targets.coremodel import core_dump, core_load

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from strategies import department_forms, project_forms, spending_plans


def _post_of(data: dict, kind: str) -> QueryDict:
    """What the edit page posts when the user changes nothing."""
    post = QueryDict(mutable=True)
    post["version"] = "1"
    for field, value in editor.initial_header(data, kind).items():
        post[field] = value
    rows = editor.rows_from_data(data)
    post["row-count"] = str(len(rows))
    for i, row in enumerate(rows):
        for name in ("orig", "level1", "level2", "name", "period_value", "annual_value"):
            post[f"row-{i}-{name}"] = getattr(row, name)
    if kind == "department":
        for prefix, field in (("task", "key_tasks"), ("othertask", "other_tasks")):
            tasks = editor.tasks_from_data(data, field)
            post[f"{prefix}-count"] = str(len(tasks))
            for i, task in enumerate(tasks):
                for name, value in task.items():
                    post[f"{prefix}-{i}-{name}"] = value
        post["guarantee_measures"] = "\n".join(data.get("guarantee_measures", []))
        post["budget-present"] = "1"
        budget = editor.budget_from_data(data)
        for field, _label, text, _unit in budget["rows"]:
            post[f"budget-{field}"] = text
        post["budget-own_level_label"] = budget["own_level_label"]
        goals = editor.sub_goals_from_data(data)
        post["subgoal-count"] = str(len(goals))
        for i, goal in enumerate(goals):
            for name in ("orig", "title", "goal"):
                post[f"subgoal-{i}-{name}"] = goal[name]
            post[f"subgoal-{i}-ind-count"] = str(len(goal["indicators"]))
            for j, row in enumerate(goal["indicators"]):
                for name, value in row.items():
                    post[f"subgoal-{i}-ind-{j}-{name}"] = value
    else:
        post["plan-present"] = "1"
        plan = editor.plan_from_data(data)
        post["plan-header_unit"] = plan["header_unit"]
        for month, _label, text in plan["points"]:
            post[f"plan-{month}"] = text
    return post


def _significant(form) -> dict:
    """What the editor shows, in the terms the user sees (whitespace at the ends aside)."""
    def text(value):
        return (value or "").strip() or None

    out = {"indicators": [
        (i.category or text(i.level1), i.subcategory or text(i.level2), text(i.name),
         i.period_value.raw.strip() if i.period_value and i.period_value.raw.strip() else None,
         i.annual_value.raw.strip() if i.annual_value and i.annual_value.raw.strip() else None)
        for i in form.indicators
    ]}
    for field, _label, widget in editor.header_fields(form.kind.value):
        value = getattr(form, field)
        out[field] = (value.amount, value.unit) if widget == "money" and value else (
            text(value) if isinstance(value, str) else value
        )
    if form.kind.value == "department":
        budget = form.budget
        out["budget"] = {
            field: ((m.amount, m.unit) if (m := getattr(budget, field)) else None) for field, _label in editor.BUDGET_FIELDS
        } | {"own_level_label": text(budget.own_level_label)} if budget else None
        out["sub_goals"] = [
            (text(g.title), text(g.goal), [
                (text(i.name), i.annual_value.raw.strip() if i.annual_value and i.annual_value.raw.strip() else None)
                for i in g.indicators if text(i.name) or (i.annual_value and i.annual_value.raw.strip())
            ])
            for g in form.sub_goals
        ]
    else:
        plan = form.spending_plan
        points = [(p.month, p.raw.strip()) for p in plan.points if p.raw.strip()] if plan else []
        out["spending_plan"] = (text(plan.header_unit), points) if plan and (plan.header_unit or points) else None
    return out


_VALUES = st.sampled_from(["", "≥3家", "100%", "明显提升", "≤5天", "98%以上"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(form=project_forms(), plan=st.none() | spending_plans())
def test_editor_unchanged_post_keeps_project_form(form, plan):
    """A project form survives an unchanged round trip through the editor, including its
    money (预算数, 财政资金, 其他资金) and its spending plan."""
    form.spending_plan = form.spending_plan or plan
    data = core_dump(form)
    after = core_load(editor.data_from_post(data, "project", _post_of(data, "project")))
    assert _significant(after) == _significant(core_load(data))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(form=department_forms(), values=st.data())
def test_editor_unchanged_post_keeps_department_form(form, values):
    """A department form survives an unchanged round trip through the editor, including its
    budget block and the indicators (with values) inside 分项绩效目标."""
    from jixiao.model import parse_value

    for goal in form.sub_goals:
        for indicator in goal.indicators:
            raw = values.draw(_VALUES)
            indicator.annual_value = parse_value(raw) if raw else None
    data = core_dump(form)
    after = core_load(editor.data_from_post(data, "department", _post_of(data, "department")))
    assert _significant(after) == _significant(core_load(data))
    before = core_load(data)
    for field in ("key_tasks", "other_tasks"):
        kept = [t for t in getattr(before, field) if any(
            ((t.name or "").strip(), (t.content or "").strip(), t.planned_amount, (t.expected_result or "").strip()))]
        assert [_task(t) for t in getattr(after, field)] == [_task(t) for t in kept]
    assert after.guarantee_measures == [m.strip() for m in before.guarantee_measures if m.strip()]


def _task(task) -> tuple:
    return (
        (task.name or "").strip() or None, (task.content or "").strip() or None,
        (task.planned_amount.amount, task.planned_amount.unit) if task.planned_amount else None, (task.expected_result or "").strip() or None,
    )


def test_editor_keeps_an_amounts_own_unit():
    """An amount stored in 元 on a form without a table unit is typed and kept in 元."""
    from jixiao.model import Money, MoneyUnit, ProjectTargetForm

    data = core_dump(ProjectTargetForm(project_name="x", annual_amount=Money(amount="235000", unit=MoneyUnit.YUAN)))
    post = _post_of(data, "project")
    post["annual_amount"] = "240000"
    after = core_load(editor.data_from_post(data, "project", post))
    assert after.annual_amount == Money(amount="240000", unit=MoneyUnit.YUAN)
