"""The indicator tree editor in a browser: add, move and delete rows (htmx), see a typed value
parsed with its unit, save."""

from __future__ import annotations

import pytest

from jixiao_web.targets.models import TargetForm
from jixiao_web.targets.services import target_create
from web.factories import World, make_project

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_rows_add_move_delete_and_value_preview(page, live_server):
    """Row operations re-render the table without saving; 保存 stores the new tree."""
    world = World()
    form = target_create(organisation=world.unit_a, budget_year=2026, core_form=make_project(), actor=world.filer_a)
    base = live_server.url
    page.goto(base + "/accounts/login/")
    page.get_by_label("用户名").fill("filer_a")
    page.get_by_label("密码").fill("pw-filer-a")
    page.get_by_role("button", name="登录").click()
    page.goto(f"{base}/forms/{form.pk}/edit/")

    page.get_by_role("button", name="第1行下方插入").click()
    page.wait_for_function("document.querySelectorAll('input[name$=\"-name\"]').length === 4")
    new_name = page.get_by_label("第2行三级指标")
    assert new_name.input_value() == ""
    assert page.get_by_label("第2行二级指标").input_value() == "数量指标"  # levels copied from the row above
    new_name.fill("培训教师")
    value = page.get_by_label("第2行当年度指标值")
    value.fill("不少于50人次")
    page.locator(".parsed", has_text="≥50人次").first.wait_for()

    page.get_by_role("button", name="第2行上移").click()
    page.wait_for_function("document.querySelector('input[name=\"row-0-name\"]').value === '培训教师'")
    assert page.get_by_label("第1行三级指标").input_value() == "培训教师"
    page.get_by_role("button", name="删除第3行").click()
    page.wait_for_function("document.querySelectorAll('input[name$=\"-name\"]').length === 3")
    assert TargetForm.objects.get(pk=form.pk).version == 1  # nothing saved yet

    page.get_by_role("button", name="保存", exact=True).click()
    page.get_by_text("已保存").wait_for()
    saved = TargetForm.objects.get(pk=form.pk)
    names = [i.name for i in saved.core().indicators]
    assert names == ["培训教师", "购置教学设备", "师生满意度"]
    assert saved.core().indicators[0].annual_value.canonical() == "≥50人次"
    assert saved.version == 2


def test_editor_fix_button_and_sub_goal_indicator_saved(page, live_server):
    """A finding's fix button types the corrected value into its row (htmx, unsaved), also after
    a recheck has put the findings of the typed input next to the rows; a new indicator added
    under a 分项绩效目标 and the budget block are saved with the form."""
    from jixiao.model import DepartmentBudget, DepartmentTargetForm, Money, SubGoal, parse_value
    from jixiao.model.indicators import Indicator

    world = World()
    core = DepartmentTargetForm(
        budget_year=2026, department_name="示例县教育局", department_code="101", overall_goal="完成年度任务。",
        budget=DepartmentBudget(basic_expenditure=Money(amount="400")),
        sub_goals=[SubGoal(title="提升教学质量", indicators=[Indicator(name="合格率", annual_value=parse_value("≥95%"))])],
        indicators=[Indicator(level1="产出指标", level2="数量指标", name="培训教师（人次）", annual_value=parse_value("200人次以上"))],
    )
    form = target_create(organisation=world.dept_a, budget_year=2026, core_form=core, actor=world.dept_reviewer_a)
    base = live_server.url
    page.goto(base + "/accounts/login/")
    page.get_by_label("用户名").fill("dept_a")
    page.get_by_label("密码").fill("pw-dept-a")
    page.get_by_role("button", name="登录").click()
    page.goto(f"{base}/forms/{form.pk}/edit/")

    page.get_by_role("button", name="修正：“200人次以上”改为“≥200人次”").click()
    page.get_by_role("status").filter(has_text="已修正").wait_for()
    assert page.get_by_label("第1行当年度指标值").input_value() == "≥200人次"
    assert TargetForm.objects.get(pk=form.pk).version == 1

    page.get_by_label("第1行当年度指标值").fill("210人次以上")
    page.get_by_role("button", name="重新审核（不保存）").click()
    page.locator("#indicator-editor").get_by_role("button", name="修正：“210人次以上”改为“≥210人次”").click()
    page.get_by_role("status").filter(has_text="“210人次以上”改为“≥210人次”").wait_for()
    assert page.get_by_label("第1行当年度指标值").input_value() == "≥210人次"

    page.get_by_role("button", name="分项1添加指标").click()
    page.get_by_label("分项1第2个指标", exact=True).fill("家长满意度")
    page.get_by_label("分项1第2个指标值").fill("≥90%")
    page.get_by_label("基本支出（万元）").fill("420.5")
    page.get_by_role("button", name="保存", exact=True).click()
    page.get_by_text("已保存").wait_for()
    saved = TargetForm.objects.get(pk=form.pk).core()
    assert [(i.name, i.annual_value.raw) for i in saved.sub_goals[0].indicators] == [("合格率", "≥95%"), ("家长满意度", "≥90%")]
    assert saved.indicators[0].annual_value.raw == "≥210人次"
    assert saved.budget.basic_expenditure == Money(amount="420.5")
