"""The whole journey in a browser: import, fix a finding, submit, return with a row comment,
fix and resubmit, forward, approve, read the audit log."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from web.factories import World

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FIXTURE = Path(__file__).parent / "fixtures" / "gd-county-project.txt"


def _login(page, base: str, username: str, password: str) -> None:
    page.goto(base + "/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(base + "/")


def _logout(page) -> None:
    page.get_by_role("button", name="退出").click()
    page.wait_for_url(re.compile(r".*/accounts/login/.*"))


def test_journey_import_fix_submit_return_resubmit_approve(page, live_server):
    """A unit filer imports a form, fixes its errors, submits; the department returns it with a
    row comment; the filer fixes and resubmits; the department forwards; finance approves."""
    world = World()
    base = live_server.url
    world.unit_a.code = "215001"
    world.unit_a.save()

    # Filer: import, preview, confirm.
    _login(page, base, "filer_a", "pw-filer-a")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="导入").click()
    page.get_by_label("文件").set_input_files(str(FIXTURE))
    page.get_by_role("button", name="上传并预览").click()
    page.get_by_text("企业技术改造服务经费").first.wait_for()
    page.get_by_role("button", name="确认导入").click()
    page.get_by_role("heading", name=re.compile("企业技术改造服务经费")).wait_for()
    assert page.get_by_text("JX115").count() >= 1  # placeholder year 2099

    # Submitting with errors is refused.
    page.get_by_role("button", name="报送").click()
    page.get_by_text(re.compile("错误级审核发现未修改或说明理由")).wait_for()

    # Fix the findings in the editor.
    page.get_by_role("link", name="编辑").click()
    page.get_by_label("到期年度").fill("2025")
    for box in page.locator('input[value="》90%"]').all():
        box.fill("≥90%")
    page.get_by_role("button", name="重新审核（不保存）").click()
    page.locator("#recheck").get_by_text(re.compile("错误 0")).wait_for()
    page.get_by_role("button", name="保存", exact=True).click()
    page.get_by_text("已保存").wait_for()
    assert page.get_by_text("JX115").count() == 0
    page.get_by_role("button", name="报送").click()
    page.get_by_text("已报送", exact=True).wait_for()
    _logout(page)

    # Department: comment on a row (htmx), then return.
    _login(page, base, "dept_a", "pw-dept-a")
    page.get_by_role("link", name="企业技术改造服务经费").first.click()
    page.get_by_role("link", name="审核").click()
    comments = page.locator("#comments")
    row = comments.locator("option", has_text="入企服务次数").get_attribute("value")
    comments.get_by_label("批注对象").select_option(row)
    comments.get_by_label("批注内容").fill("入企服务次数偏少，请提高到80次")
    comments.get_by_role("button", name="添加批注").click()
    comments.get_by_text(re.compile("入企服务次数偏少")).wait_for()
    page.locator("#d-summary").fill("请按行批注修改")
    page.get_by_role("button", name="退回修改").click()
    page.get_by_text("已退回修改").wait_for()
    _logout(page)

    # Filer: sees the comment, fixes, resubmits.
    _login(page, base, "filer_a", "pw-filer-a")
    page.get_by_role("link", name="企业技术改造服务经费").first.click()
    page.get_by_text("入企服务次数偏少，请提高到80次").wait_for()
    page.get_by_role("link", name="编辑").click()
    for box in page.locator('input[value="≥60"]').all():
        box.fill("≥80")
    page.get_by_role("button", name="保存", exact=True).click()
    page.get_by_text("已保存").wait_for()
    page.get_by_role("button", name="报送").click()
    page.get_by_text("已报送", exact=True).wait_for()
    _logout(page)

    # Department forwards to finance.
    _login(page, base, "dept_a", "pw-dept-a")
    page.get_by_role("link", name="企业技术改造服务经费").first.click()
    page.get_by_role("link", name="审核").click()
    page.get_by_role("button", name="审核通过并报财政").click()
    page.get_by_text("已审核通过并报送财政").wait_for()
    _logout(page)

    # Finance approves with the four aspects and a grade.
    _login(page, base, "finance", "pw-finance")
    page.get_by_role("link", name="企业技术改造服务经费").first.click()
    page.get_by_role("link", name="审核").click()
    for label, text in (("完整性", "内容完整"), ("相关性", "指标与项目相关"), ("适当性", "资金与目标匹配"), ("可行性", "措施可行")):
        page.get_by_label(label, exact=True).fill(text)
    page.get_by_label("等级").select_option("优")
    page.get_by_label("结论").select_option("approve")
    page.get_by_role("button", name="提交审核结论").click()
    page.get_by_text("已记录审核结论").wait_for()
    assert page.get_by_text("审核通过").first.is_visible()

    # The audit log tells the story.
    page.get_by_role("link", name="审计日志").click()
    for event in ("导入绩效目标表", "修改绩效目标表", "报送", "添加审核批注", "退回修改", "审核通过（批复）"):
        assert page.get_by_role("cell", name=event, exact=True).count() >= 1, event
