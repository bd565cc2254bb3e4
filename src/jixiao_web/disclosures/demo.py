"""A fictional 部门预算公开 for the demo (青川县科技和工业信息化局, 2025): two tables in the Hebei
text layout, consistent sums, so the page shows tables, the chart and the findings the checks
give on an incomplete disclosure (missing tables, codes outside the catalogue)."""

from __future__ import annotations

_HEAD = """ {title}
 215 青川县科技和工业信息化局 预算年度：2025 单位：万元

序号

功能分类科目

合计 基本支出 项目支出{extra}
科目

编码
科目名称

栏次 1 2 3 4 5{more}
"""
_ROWS = """
1 合计 386.40 236.40 150.00

2 208 社会保障和就业支出 26.40 26.40 0.00

3 20805 行政事业单位养老支出 26.40 26.40 0.00

4 2080505 机关事业单位基本养老保险缴费支出 26.40 26.40 0.00

5 215 资源勘探工业信息等支出 360.00 210.00 150.00

6 21505 工业和信息产业监管 360.00 210.00 150.00

7 2150501 行政运行 210.00 210.00 0.00

8 2150599 其他工业和信息产业监管支出 150.00 0.00 150.00
"""

DEMO_FILE = "演示-部门预算公开-2025.txt"


def demo_disclosure_text() -> str:
    return (
        _HEAD.format(title="部门预算支出总表", extra=" 经营支出", more=" 6") + _ROWS + "\n"
        + _HEAD.format(title="一般公共预算财政拨款支出表", extra="", more="") + _ROWS
    )


def seed_demo_disclosure(*, organisation, actor) -> bool:
    """Import the demo disclosure through the services (audited) unless it is there; True if added."""
    from jixiao_web.disclosures.models import Disclosure
    from jixiao_web.disclosures.services import disclosure_import_confirm, disclosure_import_create

    if Disclosure.objects.filter(organisation=organisation, budget_year=2025).exists():
        return False
    job = disclosure_import_create(
        actor=actor, organisation=organisation, budget_year=2025,
        files=[(DEMO_FILE, demo_disclosure_text().encode("utf-8"))],
    )
    disclosure_import_confirm(job=job, actor=actor)
    return True
