"""Rebuilding the six cells of Hebei indicator rows from PDF text lines."""

from __future__ import annotations

import pytest

from jixiao.importers.text.hebei_rows import (
    Fragment,
    RowText,
    learn_widths,
    rebuild_row,
    split_level_labels,
    visual_width,
)

#: The column widths of the official table (三级, 描述, 指标值, 依据) in half-width units.
WIDTHS = {0: 24, 1: 48, 2: 18, 3: 10}


def _row(first: str, *lines: str, page_break_after: int | None = None) -> RowText:
    """A row whose first printed line is ``first``; lines after ``page_break_after`` are on page 2."""
    level1, level2, rest = split_level_labels(first)
    start = Fragment(first, 1, 1)
    fragments = [Fragment(text, number, 1) for number, text in enumerate(lines, start=2)]
    parts = [fragments]
    if page_break_after is not None:
        parts = [fragments[:page_break_after],
                 [Fragment(f.text, f.line, 2) for f in fragments[page_break_after:]]]
    return RowText(level1=Fragment(level1, 1, 1) if level1 else None, level2=level2, start=start,
                   rest=rest, parts=parts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("效益指标 社会效益指标 带动就业 吸纳", ("效益指标", "社会效益指标", "带动就业 吸纳")),
        ("成本指标 成本指标 支出控制 ≤5 万元", (None, "成本指标", "成本指标 支出控制 ≤5 万元")),
        ("成本指标 经济成本指标 人工成本", ("成本指标", "经济成本指标", "人工成本")),
        ("时效指标", (None, "时效指标", "")),
        ("产出指标", ("产出指标", None, "")),
    ],
)
def test_split_level_labels_reads_level1_and_level2(text: str, expected: tuple[str | None, str | None, str]) -> None:
    """The 一级 and 二级 labels at the start of a row's first line are split off; 成本指标 twice is 二级 + 三级."""
    assert split_level_labels(text) == expected


def test_visual_width_counts_cjk_double() -> None:
    """CJK characters and full-width brackets count two half-width units, ASCII one."""
    assert [visual_width(t) for t in ("年度培训计", "2025 年市", "《关于", "≥95%")] == [10, 9, 6, 5]


def test_rebuild_row_keeps_number_with_unit() -> None:
    """"≤3 个" stays one 指标值 cell; the wrapped 依据 lines are joined without a separator."""
    rebuilt = rebuild_row(_row("数量指标 举办培训班 全年举办培训班期数 ≤4 期", "年度培训计", "划"), WIDTHS)
    assert (rebuilt.cells, rebuilt.uncertain) == (["举办培训班", "全年举办培训班期数", "≤4 期", "年度培训计划"], None)


def test_rebuild_row_wrapped_name_then_description_and_value_line() -> None:
    """A wrapped 三级 name is followed by one line holding the 描述 and the 指标值."""
    rebuilt = rebuild_row(
        _row("时效指标", "补贴资金按月足额发放到户", "并公示", "补贴资金按月足额发放到户并公示 每月 15 日前完成",
             "补贴发放方", "案"),
        WIDTHS,
    )
    assert (rebuilt.cells, rebuilt.uncertain) == (
        ["补贴资金按月足额发放到户并公示", "补贴资金按月足额发放到户并公示", "每月 15 日前完成", "补贴发放方案"], None
    )


def test_rebuild_row_wrapped_value_before_basis() -> None:
    """A 指标值 that wraps at its column width is told apart from the narrower 依据 lines."""
    rebuilt = rebuild_row(
        _row("效益指标 社会效益指标 带动就业 带动农村劳动力就近就业情况", "吸纳农村劳动力就近", "就业明显增加",
             "县就业工作", "实施方案"),
        WIDTHS,
    )
    assert rebuilt.cells == ["带动就业", "带动农村劳动力就近就业情况", "吸纳农村劳动力就近就业明显增加",
                             "县就业工作实施方案"]


def test_rebuild_row_continues_cells_after_page_break() -> None:
    """After a page break the lines continue the cells whose last line was full, in column order."""
    row = _row(
        "效益指标 社会效益指标 提供监测数据 根据上级商务部门运行监测工作安排和统计制度要求， 按时报送 商务运行监",
        "按月报送重点商贸企业经营数据，为市场运行分析提供数", "据支撑", "测工作制度",
        page_break_after=0,
    )
    rebuilt = rebuild_row(row, WIDTHS)
    assert (rebuilt.cells, [[f.line for f in lines] for lines in rebuilt.sources]) == (
        ["提供监测数据", "根据上级商务部门运行监测工作安排和统计制度要求，按月报送重点商贸企业经营数据，为市场运行分析提供数据支撑",
         "按时报送", "商务运行监测工作制度"],
        [[1], [1, 2, 3], [1], [1, 4]],
    )


def test_rebuild_row_with_too_few_cells_is_uncertain() -> None:
    """A row with only three pieces of text fills the first three cells and says why it is doubtful."""
    rebuilt = rebuild_row(_row("质量指标 验收合格率 ≥95%", "验收办法"), WIDTHS)
    assert (rebuilt.cells, rebuilt.uncertain) == (
        ["验收合格率", "≥95%", "验收办法", ""],
        "只找到 3 个单元格（应有三级指标、绩效指标描述、指标值、指标值确定依据 4 个），已按顺序填入",
    )


def test_rebuild_row_cjk_space_inside_cell_is_uncertain() -> None:
    """When a cell can only be read with a space between two words inside it, the row is flagged."""
    rebuilt = rebuild_row(_row("成本指标 补助标准 市级示范点补助标准 市财政安排 50 万元 拨付凭证"), WIDTHS)
    assert rebuilt.uncertain is not None


def test_learn_widths_from_template_ratio_and_wrapped_cells() -> None:
    """The header's "指标值确定" gives the 依据 width; wrapped cells re-learn the others."""
    rows = [
        _row("数量指标 举办培训班 全年举办培训班期数 ≤4 期", "年度培训计", "划"),
        _row("时效指标", "补贴资金按月足额发放到户", "并公示", "补贴资金按月足额发放到户并公示 每月 15 日前完成",
             "补贴发放方", "案"),
    ]
    assert learn_widths(rows, Fragment("指标值确定", 1, 1)) == {0: 24, 1: 48, 2: 18, 3: 10}
