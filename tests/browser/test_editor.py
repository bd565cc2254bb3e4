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
