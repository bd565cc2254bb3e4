"""The editor's parts beyond header and rows: the department budget block, 分项绩效目标 with
their indicators, the Hebei spending plan and project money, and the safe-fix buttons."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from jixiao.model import (
    DepartmentBudget,
    DepartmentTargetForm,
    Money,
    MoneyUnit,
    SpendingPlan,
    SpendingPoint,
    SubGoal,
    parse_value,
)
from jixiao.model.indicators import Indicator
from jixiao.model.source import SourceRef
from jixiao_web.targets.models import TargetForm
from jixiao_web.targets.selectors import target_review
from jixiao_web.targets.services import target_create
from web.factories import make_project

pytestmark = pytest.mark.django_db

FIX_BUTTON = re.compile(r"""hx-vals='\{"code": "(\w+)", "loc": "([^"]+)"\}'[^>]*>修正：([^<]*)</button>""")


@pytest.fixture
def department_form(world):
    core = DepartmentTargetForm(
        budget_year=2026, department_name="示例县教育局", department_code="101", money_unit=MoneyUnit.WAN_YUAN,
        overall_goal="完成年度教育发展任务。",
        budget=DepartmentBudget(
            basic_expenditure=Money(amount="412.5"), project_expenditure=Money(amount="85.8"),
            fiscal_appropriation=Money(amount="498.3"), other_funds=Money(amount="0"),
            own_level_funds=Money(amount="300000", unit=MoneyUnit.YUAN),
        ),
        sub_goals=[SubGoal(
            title="提升教学质量", label="（一）", goal="旧目标",
            indicators=[
                Indicator(name="合格率", annual_value=parse_value("≥95%"), source=SourceRef(file="河北.txt", line=9)),
                Indicator(name="培训教师", annual_value=parse_value("200人次")),
            ],
        )],
    )
    return target_create(organisation=world.dept_a, budget_year=2026, core_form=core, actor=world.dept_reviewer_a)


@pytest.fixture
def hebei_project(world):
    core = make_project().model_copy(update={
        "money_unit": MoneyUnit.YUAN, "total_amount": None,
        "annual_amount": Money(amount="800000", unit=MoneyUnit.YUAN),
        "fiscal_funds": Money(amount="800000", unit=MoneyUnit.YUAN), "fund_use": "用于奖补",
        "spending_plan": SpendingPlan(header_unit="%", points=[
            SpendingPoint(label=f"{m}月底", month=m, value=Decimal(v), raw=f"{v}%", unit="%")
            for m, v in ((3, 20), (6, 50), (10, 80), (12, 100))
        ]),
    })
    return target_create(organisation=world.unit_a, budget_year=2026, core_form=core, actor=world.filer_a)


def _department_post(**changes) -> dict:
    """The department editor's post for ``department_form`` as the page shows it, with changes."""
    post = {
        "version": "1", "department_name": "示例县教育局", "department_code": "101", "overall_goal": "完成年度教育发展任务。",
        "budget-present": "1", "budget-basic_expenditure": "412.5", "budget-project_expenditure": "85.8",
        "budget-fiscal_appropriation": "498.3", "budget-other_funds": "0", "budget-own_level_funds": "300000",
        "subgoal-count": "1", "subgoal-0-orig": "0", "subgoal-0-title": "提升教学质量", "subgoal-0-goal": "旧目标",
        "subgoal-0-ind-count": "2", "subgoal-0-ind-0-orig": "0", "subgoal-0-ind-0-name": "合格率",
        "subgoal-0-ind-0-annual_value": "≥95%", "subgoal-0-ind-1-orig": "1", "subgoal-0-ind-1-name": "培训教师",
        "subgoal-0-ind-1-annual_value": "200人次",
    }
    return post | changes


def _rows_post(form: TargetForm) -> dict:
    """The indicator rows of ``form`` as the editor posts them unchanged."""
    post = {"version": str(form.version), "row-count": str(len(form.core().indicators))}
    for i, ind in enumerate(form.core().indicators):
        post |= {
            f"row-{i}-orig": str(i), f"row-{i}-level1": ind.level1 or "", f"row-{i}-level2": ind.level2 or "",
            f"row-{i}-name": ind.name or "",
            f"row-{i}-period_value": ind.period_value.raw if ind.period_value else "",
            f"row-{i}-annual_value": ind.annual_value.raw if ind.annual_value else "",
        }
    return post


# -- the department budget block --------------------------------------------------------------


def test_form_edit_department_budget_shows_amounts_with_units(client, world, department_form):
    """The budget block is editable, each amount in its own unit (万元, or 元 where stored so)."""
    client.force_login(world.dept_reviewer_a)
    page = client.get(reverse("targets:edit", args=[department_form.pk])).content.decode()
    fields = re.findall(r'<label for="b-(\w+)">([^<]*)</label>\s*</td>\s*<td><input id="b-\w+" name="budget-\w+" value="([^"]*)"', page)
    assert fields == [
        ("basic_expenditure", "基本支出（万元）", "412.5"),
        ("project_expenditure", "项目支出（万元）", "85.8"),
        ("special_funds", "事业发展性支出：财政专项资金（万元）", ""),
        ("other_development_expenditure", "事业发展性支出：其他事业发展性支出（万元）", ""),
        ("fiscal_appropriation", "收入来源：财政拨款（万元）", "498.3"),
        ("other_funds", "收入来源：其他资金（万元）", "0"),
        ("own_level_funds", "本级使用资金（元）", "300000"),
        ("transfer_funds", "拟用于对下转移支付资金（万元）", ""),
        ("own_level_label", "本级使用资金的名称", ""),
    ]


def test_form_edit_department_budget_saves_through_core_model(client, world, department_form):
    """Saving the budget block stores Decimal amounts with their units and the list total follows."""
    client.force_login(world.dept_reviewer_a)
    response = client.post(reverse("targets:edit", args=[department_form.pk]), _department_post(**{
        "budget-basic_expenditure": "420", "budget-special_funds": "12.25", "budget-own_level_funds": "310000",
        "budget-own_level_label": "县本级使用资金",
    }))
    assert response.status_code == 302
    form = TargetForm.objects.get(pk=department_form.pk)
    assert form.version == 2
    assert form.core().budget == DepartmentBudget(
        basic_expenditure=Money(amount="420"), project_expenditure=Money(amount="85.8"),
        special_funds=Money(amount="12.25"), fiscal_appropriation=Money(amount="498.3"), other_funds=Money(amount="0"),
        own_level_funds=Money(amount="310000", unit=MoneyUnit.YUAN), own_level_label="县本级使用资金",
    )
    assert form.annual_amount_wan_yuan == Decimal("505.8")


def test_form_edit_department_budget_bad_amount_refused(client, world, department_form):
    """A budget amount that is not a number is refused with its label; nothing is saved and
    what was typed stays on the page."""
    client.force_login(world.dept_reviewer_a)
    response = client.post(reverse("targets:edit", args=[department_form.pk]),
                           _department_post(**{"budget-project_expenditure": "八十五"}))
    body = response.content.decode()
    assert response.status_code == 400
    assert "项目支出应为金额数字" in body and 'value="八十五"' in body
    assert TargetForm.objects.get(pk=department_form.pk).version == 1


# -- 分项绩效目标 and their indicators -------------------------------------------------------


def test_form_edit_sub_goal_indicators_save_values_and_keep_hidden_fields(client, world, department_form):
    """Sub-goal indicators are edited (value re-read, a row deleted, a row added); an edited
    row keeps what the editor does not show (its source), the goal keeps its label."""
    client.force_login(world.dept_reviewer_a)
    post = _department_post(**{"subgoal-0-ind-count": "3", "subgoal-0-ind-0-annual_value": "≥98%",
                               "subgoal-0-ind-1-name": "", "subgoal-0-ind-1-annual_value": "",
                               "subgoal-0-ind-2-orig": "", "subgoal-0-ind-2-name": "家长满意度",
                               "subgoal-0-ind-2-annual_value": "≥90%"})
    assert client.post(reverse("targets:edit", args=[department_form.pk]), post).status_code == 302
    goal = TargetForm.objects.get(pk=department_form.pk).core().sub_goals[0]
    assert (goal.label, goal.title, goal.goal) == ("（一）", "提升教学质量", "旧目标")
    assert [(i.name, i.annual_value.raw, i.annual_value.number, i.annual_value.unit) for i in goal.indicators] == [
        ("合格率", "≥98%", 98, "%"), ("家长满意度", "≥90%", 90, "%"),
    ]
    assert goal.indicators[0].source == SourceRef(file="河北.txt", line=9)


def test_form_edit_sub_goal_indicators_shown_editable_with_parsed_value(client, world, department_form):
    """The editor shows each sub-goal indicator as inputs with the value read by the core."""
    client.force_login(world.dept_reviewer_a)
    page = client.get(reverse("targets:edit", args=[department_form.pk])).content.decode()
    names = re.findall(r'name="subgoal-0-ind-\d+-name" value="([^"]*)"', page)
    values = re.findall(r'name="subgoal-0-ind-\d+-annual_value" value="([^"]*)"', page)
    assert (names, values) == (["合格率", "培训教师"], ["≥95%", "200人次"])
    assert '<span class="parsed">≥95%</span>' in page


@pytest.mark.parametrize(("op", "goal", "index", "expected"), [
    ("add-ind", "0", "0", [["合格率", "", "培训教师"]]),
    ("add-ind", "0", "-1", [["合格率", "培训教师", ""]]),
    ("delete-ind", "0", "0", [["培训教师"]]),
    ("add-goal", "-1", "-1", [["合格率", "培训教师"], []]),
    ("delete-goal", "0", "-1", []),
])
def test_form_subgoals_op_rerenders_without_saving(client, world, department_form, op, goal, index, expected):
    """The htmx sub-goal editor adds and deletes sub-goals and their indicator rows, keeping what
    was typed and saving nothing."""
    client.force_login(world.dept_reviewer_a)
    post = _department_post(op=op, goal=goal, index=index)
    response = client.post(reverse("targets:subgoals", args=[department_form.pk]), post, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    goals = re.findall(r'name="subgoal-(\d+)-title"', body)
    assert [re.findall(rf'name="subgoal-{g}-ind-\d+-name" value="([^"]*)"', body) for g in goals] == expected
    assert TargetForm.objects.get(pk=department_form.pk).version == 1


def test_form_subgoals_on_project_form_is_404(filer_client, project_form):
    """Project forms have no 分项绩效目标; the endpoint answers 404."""
    response = filer_client.post(reverse("targets:subgoals", args=[project_form.pk]), {"op": "add-goal"})
    assert response.status_code == 404


def test_form_subgoals_by_other_organisation_is_404(client, world, department_form):
    """A user who may not see the form gets 404 from the sub-goal endpoint."""
    client.force_login(world.filer_b)
    response = client.post(reverse("targets:subgoals", args=[department_form.pk]), {"op": "add-goal"})
    assert response.status_code == 404


# -- Hebei project money and spending plan ---------------------------------------------------------


def test_form_edit_project_money_and_spending_plan_saved(filer_client, hebei_project):
    """预算数, 财政资金, 其他资金 keep the form's unit (元); the spending plan's values are read
    as numbers with their % and its header unit is kept."""
    url = reverse("targets:edit", args=[hebei_project.pk])
    page = filer_client.get(url).content.decode()
    assert re.findall(r'name="plan-(\d+)" value="([^"]*)"', page) == [("3", "20%"), ("6", "50%"), ("10", "80%"), ("12", "100%")]
    post = {"version": "1", "annual_amount": "900000", "fiscal_funds": "850000", "other_funds": "50000",
            "plan-present": "1", "plan-header_unit": "%", "plan-3": "25%", "plan-6": "50%", "plan-10": "80", "plan-12": "100%"}
    assert filer_client.post(url, post).status_code == 302
    core = TargetForm.objects.get(pk=hebei_project.pk).core()
    assert (core.annual_amount, core.fiscal_funds, core.other_funds) == (
        Money(amount="900000", unit=MoneyUnit.YUAN), Money(amount="850000", unit=MoneyUnit.YUAN),
        Money(amount="50000", unit=MoneyUnit.YUAN),
    )
    assert core.spending_plan == SpendingPlan(header_unit="%", points=[
        SpendingPoint(label="3月底", month=3, value=Decimal("25"), raw="25%", unit="%"),
        SpendingPoint(label="6月底", month=6, value=Decimal("50"), raw="50%", unit="%"),
        SpendingPoint(label="10月底", month=10, value=Decimal("80"), raw="80", unit=None),
        SpendingPoint(label="12月底", month=12, value=Decimal("100"), raw="100%", unit="%"),
    ])


def test_form_edit_spending_plan_bad_value_refused(filer_client, hebei_project):
    """A spending-plan value that is not a number is refused naming the month; nothing is saved."""
    response = filer_client.post(reverse("targets:edit", args=[hebei_project.pk]), {
        "version": "1", "plan-present": "1", "plan-header_unit": "%", "plan-3": "一半", "plan-6": "50%",
        "plan-10": "80%", "plan-12": "100%",
    })
    assert response.status_code == 400 and "资金支出计划“3月底”应为数字" in response.content.decode()
    assert TargetForm.objects.get(pk=hebei_project.pk).version == 1


def test_form_edit_empty_plan_on_form_without_plan_stays_none(filer_client, project_form):
    """Posting the empty plan inputs of a form that had no plan does not invent one."""
    response = filer_client.post(reverse("targets:edit", args=[project_form.pk]), {
        "version": "1", "annual_goal": "改了目标", "plan-present": "1", "plan-header_unit": "",
        "plan-3": "", "plan-6": "", "plan-10": "", "plan-12": "",
    })
    assert response.status_code == 302
    core = TargetForm.objects.get(pk=project_form.pk).core()
    assert (core.annual_goal, core.spending_plan) == ("改了目标", None)


# -- safe fixes ------------------------------------------------------------------------------


@pytest.fixture
def fixable_form(world):
    core = make_project().model_copy(update={"annual_goal": "完成教学设备购置，改善办学条件。。"})
    core.indicators[0].annual_value = parse_value("120台以上")
    core.indicators[1].annual_value = parse_value("≥80百分比")
    return target_create(organisation=world.unit_a, budget_year=2026, core_form=core, actor=world.filer_a)


def test_form_edit_offers_a_button_for_every_safe_fix(filer_client, fixable_form):
    """Every finding of the stored form that carries a safe fix has its button in the editor."""
    page = filer_client.get(reverse("targets:edit", args=[fixable_form.pk])).content.decode()
    with_fix = [(f["code"], f["loc_text"], f["fix"]["description"]) for f in target_review(form=fixable_form).findings if f["fix"]]
    assert sorted(FIX_BUTTON.findall(page)) == sorted(with_fix) == [
        ("JX202", "indicators[0].annual_value", "“120台以上”改为“≥120台”"),
        ("JX205", "indicators[1].annual_value", "“≥80百分比”改为“≥80%”"),
        ("JX407", "annual_goal", "删除重复标点"),
    ]


def test_form_fix_indicator_value_applied_to_unsaved_input(filer_client, fixable_form):
    """The fix button types the replacement into the row, re-reviews, and saves nothing."""
    post = _rows_post(fixable_form) | {"annual_goal": fixable_form.data["annual_goal"],
                                       "code": "JX202", "loc": "indicators[0].annual_value"}
    response = filer_client.post(reverse("targets:fix", args=[fixable_form.pk]), post, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200
    assert re.findall(r'name="row-\d+-annual_value" value="([^"]*)"', body) == ["≥120台", "≥80百分比", "≥90%"]
    assert re.findall(r'role="status">([^<]*)', body) == ["已修正：“120台以上”改为“≥120台”。保存后生效。"]
    assert [(c, loc) for c, loc, _ in FIX_BUTTON.findall(body)] == [("JX407", "annual_goal"), ("JX205", "indicators[1].annual_value")]
    assert TargetForm.objects.get(pk=fixable_form.pk).version == 1


def test_form_fix_header_text_applied(filer_client, fixable_form):
    """A fix of a header text (doubled punctuation in 当年度目标) replaces that field's text."""
    post = _rows_post(fixable_form) | {"annual_goal": fixable_form.data["annual_goal"], "code": "JX407", "loc": "annual_goal"}
    body = filer_client.post(reverse("targets:fix", args=[fixable_form.pk]), post, HTTP_HX_REQUEST="true").content.decode()
    assert re.findall(r'name="annual_goal">([^<]*)</textarea>', body) == ["完成教学设备购置，改善办学条件。"]


def test_form_fix_when_text_changed_since_refused(filer_client, fixable_form):
    """When the user has changed the value, the finding is gone and nothing is replaced."""
    post = _rows_post(fixable_form) | {"row-0-annual_value": "≥125台", "code": "JX202", "loc": "indicators[0].annual_value"}
    body = filer_client.post(reverse("targets:fix", args=[fixable_form.pk]), post, HTTP_HX_REQUEST="true").content.decode()
    assert "按当前输入已没有这条审核发现，未修正" in body
    assert re.findall(r'name="row-0-annual_value" value="([^"]*)"', body) == ["≥125台"]


def test_form_fix_by_reviewer_forbidden(client, world, fixable_form):
    """Only users who may change the form may apply fixes."""
    client.force_login(world.finance)
    response = client.post(reverse("targets:fix", args=[fixable_form.pk]), {"code": "JX202", "loc": "indicators[0].annual_value"})
    assert response.status_code == 403


def test_form_recheck_offers_fix_buttons_in_list_and_next_to_rows(filer_client, fixable_form):
    """The recheck of unsaved input lists the fixable findings with their buttons, and sends the
    rows again (out of band) with each finding and button next to its row."""
    post = _rows_post(fixable_form) | {"annual_goal": "没有重复标点。", "row-2-annual_value": "90%以上"}
    body = filer_client.post(reverse("targets:recheck", args=[fixable_form.pk]), post, HTTP_HX_REQUEST="true").content.decode()
    listed, rows = body.split('<div id="indicator-editor" hx-swap-oob="innerHTML">')
    expected = [("JX202", "indicators[0].annual_value"), ("JX205", "indicators[1].annual_value"),
                ("JX202", "indicators[2].annual_value")]
    assert sorted((c, loc) for c, loc, _ in FIX_BUTTON.findall(listed)) == sorted(expected)
    by_row = [(c, loc) for c, loc, _ in FIX_BUTTON.findall(rows)]
    assert by_row == expected
    assert re.findall(r'name="row-\d+-annual_value" value="([^"]*)"', rows) == ["120台以上", "≥80百分比", "90%以上"]
    assert TargetForm.objects.get(pk=fixable_form.pk).version == 1


@pytest.fixture
def filer_client(client, world):
    client.force_login(world.filer_a)
    return client


def test_form_detail_shows_budget_block_with_units(client, world, department_form):
    """The form page lists the filled budget lines, each amount with its own unit."""
    client.force_login(world.dept_reviewer_a)
    body = client.get(reverse("targets:detail", args=[department_form.pk])).content.decode()
    assert re.findall(r'<tr><th style="width:16em">([^<]*)</th><td class="num">([^<]*)</td></tr>', body) == [
        ("基本支出", "412.5万元"), ("项目支出", "85.8万元"), ("收入来源：财政拨款", "498.3万元"),
        ("收入来源：其他资金", "0万元"), ("本级使用资金", "300000元"),
    ]


def test_form_detail_shows_spending_plan_and_project_money(filer_client, hebei_project):
    """The form page shows the spending plan by month and 财政资金 with its unit."""
    body = filer_client.get(reverse("targets:detail", args=[hebei_project.pk])).content.decode()
    assert "资金支出计划（%）" in body
    assert re.findall(r'<td class="num">(\d+%)</td>', body) == ["20%", "50%", "80%", "100%"]
    assert "<th style=\"width:9em\">其中：财政资金</th><td><pre class=\"text\">800000元</pre>" in body


def test_form_rows_move_keeps_findings_and_fix_buttons_with_their_row(filer_client, fixable_form):
    """After a row moves, its findings (and fix button) are shown next to it at its new place."""
    post = _rows_post(fixable_form) | {"op": "down", "index": "0"}
    body = filer_client.post(reverse("targets:rows", args=[fixable_form.pk]), post, HTTP_HX_REQUEST="true").content.decode()
    assert re.findall(r'name="row-\d+-annual_value" value="([^"]*)"', body) == ["≥80百分比", "120台以上", "≥90%"]
    assert [(c, loc) for c, loc, _ in FIX_BUTTON.findall(body)] == [
        ("JX205", "indicators[0].annual_value"), ("JX202", "indicators[1].annual_value"),
    ]
    assert TargetForm.objects.get(pk=fixable_form.pk).version == 1
