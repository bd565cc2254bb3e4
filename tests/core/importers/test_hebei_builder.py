"""The Hebei grid builder on grids shaped like Word/Excel tables (no text-only quirks)."""

from __future__ import annotations

import pytest

from jixiao.importers.base import Cell, Grid, Row
from jixiao.importers.builders import hebei
from jixiao.model import DepartmentTargetForm, ProjectTargetForm, SourceRef

FILE = "青川县项目表.docx"


def _grid(rows: list[list[str]], *, paragraphs: tuple[int, ...] = ()) -> Grid:
    """Rows of a Word document: table 1, except the rows listed in ``paragraphs``."""
    grid = Grid(file=FILE)
    for index, texts in enumerate(rows, start=1):
        table = None if index - 1 in paragraphs else 1
        cells = [
            Cell(text=text, col=col, source=SourceRef(file=FILE, table=table, row=index, column=col + 1))
            for col, text in enumerate(texts)
        ]
        grid.rows.append(Row(cells=cells, source=SourceRef(file=FILE, table=table, row=index), table=table))
    return grid


PROJECT_ROWS = [
    ["1.乡镇商贸中心改造资金绩效目标表"],
    ["512002青川县商务局本级", "", "", "", "", "单位：元"],
    ["项目编码", "51082325P00612300014B", "项目名称", "乡镇商贸中心改造资金", "", ""],
    ["预算规模及资金用途", "预算数", "120000.00", "其中：财政资金", "100000.00", "其他资金", "20000.00"],
    ["", "用于乡镇商贸中心改造", "", "", "", ""],
    ["资金支出计划（%）", "3月底", "6月底", "10月底", "12月底", ""],
    ["", "20%", "40%", "80%", "100%", ""],
    ["绩效目标", "1.改造乡镇商贸中心2个", "", "", "", ""],
    ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"],
    ["产出指标", "数量指标", "改造商贸中心数量", "完成改造的乡镇商贸中心数量", "2个", "年度工作计划"],
    ["", "质量指标", "验收合格率", "改造项目验收合格的比例", "100%", "验收办法"],
    ["效益指标", "社会效益指标", "便民服务覆盖", "商贸中心服务覆盖的行政村数量", "≥20个", "年度工作计划"],
    ["", "", "群众购物便利度", "群众购物距离缩短", "提高", "调查"],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "周边群众满意和较满意的比例", "≥90%", "问卷调查"],
]


def test_score_project_table_grid_claims_project_layout() -> None:
    """A grid with the Hebei project table (预算规模及资金用途, 指标值确定依据) is claimed."""
    detection = hebei.score(_grid(PROJECT_ROWS, paragraphs=(0,)))
    assert detection is not None
    assert (detection.layout, detection.confidence >= 0.8) == ("project-target/hebei-2025", True)


def test_score_guangdong_grid_declines() -> None:
    """A Guangdong project form (实施周期指标值, 当年度指标值, no 指标值确定依据) is not claimed."""
    rows = [
        ["项目名称", "科技三项经费", "项目类型", "331-部门预算部门职能类"],
        ["项目等级", "一般项目", "用款单位", "144001-遂溪县科工贸和信息化局"],
        ["一级指标", "二级指标", "三级指标", "实施周期指标值", "当年度指标值"],
        ["产出指标", "数量指标", "奖励企业数", "≥10家", "≥10家"],
    ]
    assert hebei.score(_grid(rows)) is None


def test_build_project_table_reads_head_fields() -> None:
    """Every head field of the project table lands in its model field, with its cell as source."""
    result = hebei.build(_grid(PROJECT_ROWS, paragraphs=(0,)), layout="project-target/docx-hebei-2025")
    form = result.forms[0]
    assert isinstance(form, ProjectTargetForm)
    plan = form.spending_plan
    assert plan is not None
    assert (
        form.layout, form.number, form.title, form.project_code, form.project_name,
        str(form.annual_amount), str(form.fiscal_funds), str(form.other_funds), form.fund_use,
        form.spending_unit.code if form.spending_unit else None, form.annual_goal,
        plan.header_unit, [(p.month, str(p.value), p.unit) for p in plan.points],
        form.field_sources["project_code"],
    ) == (
        "project-target/docx-hebei-2025", "1", "乡镇商贸中心改造资金绩效目标表", "51082325P00612300014B",
        "乡镇商贸中心改造资金", "120000.00元", "100000.00元", "20000.00元", "用于乡镇商贸中心改造",
        "512002", "1.改造乡镇商贸中心2个",
        "%", [(3, "20", "%"), (6, "40", "%"), (10, "80", "%"), (12, "100", "%")],
        SourceRef(file=FILE, table=1, row=3, column=2),
    )


def test_build_merged_level_cells_carry_forward() -> None:
    """Blank 一级 and 二级 cells (merged in Word) take the label of the row above."""
    result = hebei.build(_grid(PROJECT_ROWS, paragraphs=(0,)), layout="project-target/docx-hebei-2025")
    rows = [(i.level1, i.level2, i.name, i.annual_value.raw if i.annual_value else None, i.value_basis)
            for i in result.forms[0].indicators]
    assert (rows, result.problems) == ([
        ("产出指标", "数量指标", "改造商贸中心数量", "2个", "年度工作计划"),
        ("产出指标", "质量指标", "验收合格率", "100%", "验收办法"),
        ("效益指标", "社会效益指标", "便民服务覆盖", "≥20个", "年度工作计划"),
        ("效益指标", "社会效益指标", "群众购物便利度", "提高", "调查"),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "问卷调查"),
    ], [])


def test_build_extra_cell_is_kept_with_problem() -> None:
    """A row with a cell beyond the header's columns keeps it as an extra value and says so."""
    rows = [*PROJECT_ROWS[:10], [*PROJECT_ROWS[10], "98%"]]
    result = hebei.build(_grid(rows, paragraphs=(0,)), layout="project-target/docx-hebei-2025")
    indicator = result.forms[0].indicators[1]
    assert ([v.raw for v in indicator.extra_values], [p.code for p in result.problems]) == (
        ["98%"], ["indicator-extra-cells"]
    )


def test_build_unreadable_amount_records_problem_naming_cell() -> None:
    """An amount that is not a number is not guessed: the problem names the cell and the text."""
    rows = [list(row) for row in PROJECT_ROWS]
    rows[3][2] = "十二万元"
    result = hebei.build(_grid(rows, paragraphs=(0,)), layout="project-target/docx-hebei-2025")
    form = result.forms[0]
    assert isinstance(form, ProjectTargetForm)
    assert (form.annual_amount, [(p.code, p.message) for p in result.problems]) == (
        None, [("money-unreadable", f"{FILE} 第1个表格 第4行（表格行） 第3列：“预算数”的金额“十二万元”不是数字")]
    )


def test_build_project_name_on_following_row() -> None:
    """When 项目名称 has no cell after it, the single cell of the next row is the name."""
    rows = [list(row) for row in PROJECT_ROWS]
    rows[2] = ["项目编码", "51082325P00612300014B", "项目名称"]
    rows.insert(3, ["乡镇商贸中心改造资金（第一批）"])
    result = hebei.build(_grid(rows, paragraphs=(0,)), layout="project-target/docx-hebei-2025")
    form = result.forms[0]
    assert isinstance(form, ProjectTargetForm)
    assert (form.project_name, result.problems) == ("乡镇商贸中心改造资金（第一批）", [])


DEPARTMENT_PARAGRAPHS = [
    ["五、部门整体绩效目标"],
    ["（一）总体绩效目标"],
    ["推动县域商贸流通高质量发展。"],
    ["（二）分项绩效目标"],
    ["完善制度建设。（制定完善预算绩效管理制度。）"],
    ["（三）工作保障措施"],
    ["（一）商贸流通。完善县乡村商业网络。"],
    ["绩效目标：改造乡镇商贸中心。"],
    ["绩效指标：乡镇商贸中心改造数量≥2个"],
    ["六、部门主管专项资金预算安排情况及绩效目标"],
]


def test_build_department_places_items_by_content() -> None:
    """Items with 绩效目标/绩效指标 become sub-goals and plain paragraphs measures, whatever the heading."""
    grid = _grid(DEPARTMENT_PARAGRAPHS, paragraphs=tuple(range(len(DEPARTMENT_PARAGRAPHS))))
    result = hebei.build(grid, layout="department-target/docx-hebei-2025")
    form = result.forms[0]
    assert isinstance(form, DepartmentTargetForm)
    goal = form.sub_goals[0]
    assert (
        form.overall_goal, goal.label, goal.title, goal.content, goal.goal,
        [(i.name, i.annual_value.canonical() if i.annual_value else None) for i in goal.indicators],
        form.guarantee_measures, [p.code for p in result.problems],
    ) == (
        "推动县域商贸流通高质量发展。", "（一）", "商贸流通", "完善县乡村商业网络。", "改造乡镇商贸中心。",
        [("乡镇商贸中心改造数量", "≥2个")], ["完善制度建设。（制定完善预算绩效管理制度。）"],
        ["heading-content-mismatch", "heading-content-mismatch"],
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("农产品抽检合格率 98%", ("农产品抽检合格率", "98%")),
        ("重点企业技改投资较上年增长≥8%", ("重点企业技改投资较上年增长", "≥8%")),
        ("组织电商培训 12 期及以上。", ("组织电商培训", "12 期及以上")),
        ("培训人数", ("培训人数", None)),
    ],
)
def test_split_named_value_separates_trailing_value(text: str, expected: tuple[str, str | None]) -> None:
    """A 绩效指标 line splits into the name and the value written after it (or no value)."""
    assert hebei.split_named_value(text) == expected


def test_build_unit_and_organisation_in_one_cell() -> None:
    """"512002青川县商务局本级 单位：元" in one paragraph gives both the unit and the spending unit."""
    rows = [list(row) for row in PROJECT_ROWS]
    rows[1] = ["512002青川县商务局本级 单位：元"]
    result = hebei.build(_grid(rows, paragraphs=(0, 1)), layout="project-target/docx-hebei-2025")
    form = result.forms[0]
    assert isinstance(form, ProjectTargetForm)
    assert (form.money_unit, form.spending_unit.model_dump() if form.spending_unit else None) == (
        "元", {"code": "512002", "name": "青川县商务局本级", "raw": "512002青川县商务局本级"}
    )


def test_build_project_blank_plan_values_keep_the_goal() -> None:
    """A blank 资金支出计划 values row (left out of the grid) gives a plan without values, and the
    绩效目标 row after it stays the goal."""
    rows = [row for row in PROJECT_ROWS if row[:2] != ["", "20%"]]
    result = hebei.build(_grid(rows, paragraphs=(0,)), layout="project-target/docx-hebei-2025")
    form = result.forms[0]
    assert isinstance(form, ProjectTargetForm)
    assert form.spending_plan is not None
    assert ([(p.month, p.raw) for p in form.spending_plan.points], form.annual_goal) == (
        [(3, ""), (6, ""), (10, ""), (12, "")], "1.改造乡镇商贸中心2个")
    assert not [p for p in result.problems if p.code.startswith("spending-plan")]


@pytest.mark.parametrize("footer", ["第 1 页", "第1页，共3页", "— 2 —", "- 3 -"])
def test_build_department_page_numbers_are_not_measures(footer: str) -> None:
    """Page numbers of a PDF or Word export (running text) are furniture, not 工作保障措施."""
    rows = [["部门整体绩效目标"], ["一、总体绩效目标"], ["推动发展。"], ["二、分项绩效目标"],
            ["三、工作保障措施"], ["完善制度建设。"], [footer]]
    result = hebei.build(_grid(rows, paragraphs=tuple(range(len(rows)))), layout="department-target/pdf-hebei-2025")
    form = result.forms[0]
    assert isinstance(form, DepartmentTargetForm)
    assert (form.guarantee_measures, [p.code for p in result.problems]) == (["完善制度建设。"], [])


def test_build_department_reads_task_and_indicator_tables() -> None:
    """四、年度重点工作任务 and 五、绩效指标 of a rendered department form are read as tables."""
    grid = _grid([["部门整体绩效目标"], ["一、总体绩效目标"], ["推动发展。"], ["二、分项绩效目标"],
                  ["三、工作保障措施"], ["四、年度重点工作任务"]], paragraphs=tuple(range(6)))
    tables = [
        ["名称", "主要实施内容", "拟投入的资金（元）", "期望达到的目标（概述）"],
        ["任务1：商贸流通", "改造乡镇商贸中心", "120000.00", "改造2个"],
        ["其他任务1：", "开展培训", "", ""],
        ["五、绩效指标"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "改造数量", "≥2个"],
        ["", "", "验收合格率", "100%"],
    ]
    for index, texts in enumerate(tables, start=7):
        table = None if texts == ["五、绩效指标"] else 2
        cells = [Cell(text=text, col=col, source=SourceRef(file=FILE, table=table, row=index, column=col + 1))
                 for col, text in enumerate(texts)]
        grid.rows.append(Row(cells=cells, source=SourceRef(file=FILE, table=table, row=index), table=table))
    result = hebei.build(grid, layout="department-target/docx-hebei-2025")
    form = result.forms[0]
    assert isinstance(form, DepartmentTargetForm)
    assert [(t.label, t.name, t.content, t.planned_amount and t.planned_amount.amount, t.expected_result)
            for t in form.key_tasks] == [("任务1", "商贸流通", "改造乡镇商贸中心", 120000, "改造2个")]
    assert [(t.label, t.name, t.content) for t in form.other_tasks] == [("其他任务1", None, "开展培训")]
    assert form.money_unit is not None and form.money_unit.value == "元"
    assert [(i.level1, i.level2, i.name, i.annual_value and i.annual_value.raw) for i in form.indicators] == [
        ("产出指标", "数量指标", "改造数量", "≥2个"), ("产出指标", "数量指标", "验收合格率", "100%")]
    assert result.problems == []


def test_build_table_rows_after_the_forms_are_reported() -> None:
    """A table after the department part under an unknown heading is reported, never dropped silently."""
    rows = [["部门整体绩效目标"], ["一、总体绩效目标"], ["推动发展。"], ["四、其他情况"], ["名称", "金额"]]
    result = hebei.build(_grid(rows, paragraphs=(0, 1, 2, 3)), layout="department-target/docx-hebei-2025")
    assert [(p.code, p.text) for p in result.problems] == [("text-outside-form", "名称 | 金额")]
