"""The Guangdong builder behind the Word, Excel and PDF importers (integration).

The fictional county project form of ``native_forms.guangdong_project`` is written as .docx,
.xlsx and .pdf, imported through the registry, and must give the same form as the builder
reads from any grid: merged 一级/二级 cells carried down, the goals by column, codes split.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from native_forms import (  # tests/core/importers is on sys.path
    Block,
    guangdong_project,
    to_docx,
    to_pdf,
    to_xlsx,
)

from jixiao.importers.registry import import_bytes
from jixiao.model import Money, MoneyUnit, OrgRef, ProjectTargetForm

EXPECTED_INDICATORS = [
    ("产出指标", "数量指标", "开放乡村书屋数（个）", "≥60", "≥60"),
    ("产出指标", "数量指标", "阅读推广活动场次（场）", "≥24", "≥24"),
    ("产出指标", "质量指标", "新增图书上架率（%）", "≥95%", "≥95%"),
    ("产出指标", "时效指标", "补助资金拨付时间", "2025年9月底前", "2025年9月底前"),
    ("成本指标", "经济成本指标", "书屋运营补助标准（万元/个）", "≤0.8", "≤0.8"),
    ("效益指标", "社会效益指标", "群众阅读参与人次（人次）", "≥5000", "≥5000"),
    ("效益指标", "可持续影响指标", "书屋常态化开放机制", "长期有效", "长期有效"),
    ("满意度指标", "服务对象满意度指标", "读者满意度（%）", "≥90%", "≥90%"),
]


@pytest.mark.parametrize(
    ("suffix", "writer"), [("docx", to_docx), ("xlsx", to_xlsx), ("pdf", to_pdf)]
)
def test_import_native_guangdong_project_reads_every_field(
    suffix: str, writer: Callable[[list[Block]], bytes]
) -> None:
    """Word, Excel and PDF files of a Guangdong project form import to the same form, without problems."""
    result = import_bytes(writer(guangdong_project()), name=f"乡村书屋.{suffix}")
    (form,) = result.forms
    assert isinstance(form, ProjectTargetForm)
    assert (
        result.layout, form.layout, form.number, form.title, form.budget_year, form.project_name,
        form.competent_department, form.spending_unit, form.start_year, form.end_year,
        form.total_amount, form.annual_goal, form.remarks,
        [
            (i.level1, i.level2, i.name, i.period_value.raw if i.period_value else None,
             i.annual_value.raw if i.annual_value else None)
            for i in form.indicators
        ],
        [p.code for p in result.problems],
    ) == (
        f"{suffix}-gd-county-2025", f"project-target/{suffix}-gd-county-2025", "附件2",
        "2025年县级项目支出绩效目标表", 2025, "乡村书屋运营补助经费",
        OrgRef(code="901", name="临江县文化广电旅游体育局", raw="901-临江县文化广电旅游体育局"),
        OrgRef(code="901001", name="临江县文化馆", raw="901001-临江县文化馆"),
        2025, 2025, Money(amount=Decimal("48.5"), unit=MoneyUnit.WAN_YUAN),
        "保障乡村书屋正常开放，年内开展阅读推广活动不少于24场。",
        ["1. 本表的填报主体是预算单位，主管部门可进行代编。"],
        EXPECTED_INDICATORS,
        [],
    )


def test_score_declines_hebei_word_table() -> None:
    """The Guangdong family does not claim the grid of a Hebei project table read from Word."""
    from native_forms import hebei_project

    from jixiao.importers.base import RawDocument
    from jixiao.importers.builders.guangdong import score
    from jixiao.importers.docx import read_docx_grid

    grid = read_docx_grid(RawDocument.from_bytes(to_docx(hebei_project()), name="河北.docx"))
    assert score(grid) is None
