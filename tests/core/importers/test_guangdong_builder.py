"""The Guangdong grid builder on grids shaped like Word/Excel tables (merged cells, no tabs).

The Word, Excel and PDF importers call :func:`score` and :func:`build` on their grids, so these
tests build grids by hand the way those importers do: a merged cell appears once, at its first
position, with colspan/rowspan set, and the positions it covers are blank cells.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.importers.base import Cell, Grid, Row
from jixiao.importers.builders.guangdong import build, clean_text, label_key, score
from jixiao.model import (
    DepartmentTargetForm,
    KeyTask,
    Money,
    MoneyUnit,
    OrgRef,
    ProjectTargetForm,
    SourceRef,
)

FILE = "样例.docx"
WAN = MoneyUnit.WAN_YUAN


class _GridMaker:
    """Rows of a Word-like document: paragraphs, and table rows with (text, colspan) cells."""

    def __init__(self) -> None:
        self.grid = Grid(file=FILE)
        self.table = 0
        self.row_in_table = 0

    def paragraph(self, text: str) -> None:
        self.grid.rows.append(Row(cells=[Cell(text, 0, SourceRef(file=FILE))], source=SourceRef(file=FILE)))

    def new_table(self) -> None:
        self.table += 1
        self.row_in_table = 0

    def row(self, *cells: str | tuple[str, int], width: int) -> None:
        self.row_in_table += 1
        out: list[Cell] = []
        for spec in cells:
            text, span = (spec, 1) if isinstance(spec, str) else spec
            col = len(out)
            source = SourceRef(file=FILE, table=self.table, row=self.row_in_table, column=col + 1)
            out.append(Cell(text, col, source, colspan=span))
            for covered in range(1, span):
                out.append(Cell("", col + covered, source.model_copy(update={"column": col + covered + 1})))
        while len(out) < width:
            out.append(Cell("", len(out), SourceRef(file=FILE, table=self.table, row=self.row_in_table,
                                                     column=len(out) + 1)))
        self.grid.rows.append(Row(
            cells=out, source=SourceRef(file=FILE, table=self.table, row=self.row_in_table), table=self.table - 1,
        ))


def _department_and_project_grid() -> Grid:
    make = _GridMaker()
    make.paragraph("附件1")
    make.paragraph("2025年县级部门整体预算绩效目标表")
    make.new_table()
    w = 5
    make.row("部门名称", ("210-青川县科技和工业信息化局", 4), width=w)
    make.row("基本信息", "财政供养人员数", "38", "下属二级单位数", "2", width=w)
    make.row("预算整体情况", "部门预算支出", "预算金额（万元）", "收入来源", "预算金额（万元）", width=w)
    make.row("", "基本支出", "412.5", "财政拨款", "498.3", width=w)
    make.row("", "项目支出", "85.8", "其他资金", "", width=w)
    make.row("总体绩效目标", ("推进企业技术改造。", 4), width=w)
    make.row("年度重点工作任务", "名称", "主要实施内容", "拟投入的资金（万元）", "期望达到的目标（概述）", width=w)
    make.row("", "任务1：企业技术改造服务", "组织技改项目申报。", "40", "推动12家企业技改。", width=w)
    make.row("绩效指标", "一级指标", "二级指标", "三级指标", "指标值", width=w)
    make.row("", "产出指标", "数量指标", "技术改造企业数（家）", "12", width=w)
    make.row("", "", "", "科普活动场次（次）", "≥4", width=w)
    make.row("", "效益指标", "社会效益指标", "", "", width=w)
    make.row("备注", ("1. 本表的填报主体是县级一级预算单位。\n2. 本表在“二上”环节录入。", 4), width=w)
    make.paragraph("附件2")
    make.new_table()
    w = 6
    make.row(("2025年县级项目支出绩效目标表", 6), width=w)
    make.row("项目名称", ("企业技术改造服务经费", 5), width=w)
    make.row("项目类型", ("331-部门预算部门职能类", 5), width=w)
    make.row("项目等级", ("二级项目", 5), width=w)
    make.row("主管部门", ("210-青川县科技和工业信息化局", 2), "用款单位", ("210001-青川县科技和工业信息化局", 2), width=w)
    make.row("实施期限", "起始年度", "2024", "到期年度", ("2026", 2), width=w)
    make.row("预算金额", "总金额（万元）", "120", "当年度金额（万元）", ("40", 2), width=w)
    make.row("项目概述", ("组织企业技术改造项目申报和评审。", 5), width=w)
    make.row("总体绩效目标", ("实施周期总目标（跨年度项目需填写）", 3), ("当年度目标", 2), width=w)
    make.row("", ("三年推动36家企业技改。", 3), ("推动12家企业技改。", 2), width=w)
    make.row("绩效指标", "一级指标", "二级指标", "三级指标", "实施周期指标值", "当年度指标值", width=w)
    make.row("", "产出指标", "数量指标", "技术改造企业数（家）", "36", "12", width=w)
    make.row("", "满意度指标", "服务对象满意度指标", "企业满意度（%）", "≥90%", "≥90%", width=w)
    return make.grid


def test_score_word_like_grid_claims_county_department_layout() -> None:
    """A grid with Guangdong labels in merged-cell rows is claimed with the family layout id."""
    detection = score(_department_and_project_grid())
    assert detection is not None
    assert (detection.layout, detection.confidence >= 0.9) == ("department-target/gd-county-2025", True)


def test_score_hebei_like_grid_declines() -> None:
    """A Hebei project table (项目编码, 绩效指标描述, 指标值确定依据) is not claimed."""
    make = _GridMaker()
    make.new_table()
    make.row("项目编码", ("13022925P004R2810705C", 5), width=6)
    make.row("项目名称", ("职工医疗保险费", 5), width=6)
    make.row("预算规模及资金用途", "预算数", "235000.00", "其中：财政资金", ("235000.00", 2), width=6)
    make.row("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据", width=6)
    make.row("产出指标", "数量指标", "化解率（%）", "化解率", "≥80%", "信访数据", width=6)
    assert score(make.grid) is None


def test_score_grid_of_running_text_declines() -> None:
    """Paragraphs that mention the labels, without table rows, are not claimed."""
    make = _GridMaker()
    for text in ("项目名称", "项目等级", "用款单位", "实施期限", "实施周期指标值"):
        make.paragraph(text)
    assert score(make.grid) is None


def test_build_word_like_department_form_reads_every_field() -> None:
    """Merged cells, a title paragraph and 备注 inside the table all land in the right fields."""
    result = build(_department_and_project_grid(), layout="department-target/docx-gd-county-2025")
    department = result.forms[0]
    assert isinstance(department, DepartmentTargetForm)
    assert department.budget is not None
    assert (
        result.layout, department.layout, department.number, department.title, department.budget_year,
        department.department_code, department.department_name, department.subordinate_units,
        department.budget.basic_expenditure, department.budget.other_funds, department.overall_goal,
        department.key_tasks, department.remarks, department.money_unit,
    ) == (
        "docx-gd-county-2025", "department-target/docx-gd-county-2025", "附件1",
        "2025年县级部门整体预算绩效目标表", 2025, "210", "青川县科技和工业信息化局", 2,
        Money(amount=Decimal("412.5"), unit=WAN), None, "推进企业技术改造。",
        [KeyTask(label="任务1", name="企业技术改造服务", content="组织技改项目申报。",
                 planned_amount=Money(amount=Decimal("40"), unit=WAN), expected_result="推动12家企业技改。",
                 source=SourceRef(file=FILE, table=1, row=8))],
        ["1. 本表的填报主体是县级一级预算单位。", "2. 本表在“二上”环节录入。"], WAN,
    )


def test_build_word_like_department_indicators_carry_levels_down() -> None:
    """Blank cells under a merged 一级/二级 cell take the label above; empty categories stay as rows."""
    result = build(_department_and_project_grid(), layout="department-target/docx-gd-county-2025")
    rows = [
        (ind.source, ind.level1, ind.level2, ind.name, ind.annual_value.raw if ind.annual_value else None)
        for ind in result.forms[0].indicators
    ]
    assert rows == [
        (SourceRef(file=FILE, table=1, row=10), "产出指标", "数量指标", "技术改造企业数（家）", "12"),
        (SourceRef(file=FILE, table=1, row=11), "产出指标", "数量指标", "科普活动场次（次）", "≥4"),
        (SourceRef(file=FILE, table=1, row=12), "效益指标", "社会效益指标", None, None),
    ]


def test_build_word_like_project_form_reads_goals_by_column() -> None:
    """The project form's title row inside the table, org codes, years, money and goals are read."""
    result = build(_department_and_project_grid(), layout="department-target/docx-gd-county-2025")
    project = result.forms[1]
    assert isinstance(project, ProjectTargetForm)
    assert (
        project.layout, project.title, project.number, project.competent_department, project.spending_unit,
        project.start_year, project.end_year, project.total_amount, project.annual_amount,
        project.period_goal, project.annual_goal,
        [(i.name, i.period_value.raw if i.period_value else None, i.annual_value.raw if i.annual_value else None)
         for i in project.indicators],
        result.problems,
    ) == (
        "project-target/docx-gd-county-2025", "2025年县级项目支出绩效目标表", "附件2",
        OrgRef(code="210", name="青川县科技和工业信息化局", raw="210-青川县科技和工业信息化局"),
        OrgRef(code="210001", name="青川县科技和工业信息化局", raw="210001-青川县科技和工业信息化局"),
        2024, 2026, Money(amount=Decimal("120"), unit=WAN), Money(amount=Decimal("40"), unit=WAN),
        "三年推动36家企业技改。", "推动12家企业技改。",
        [("技术改造企业数（家）", "36", "12"), ("企业满意度（%）", "≥90%", "≥90%")],
        [],
    )


def test_build_field_sources_point_at_value_cells() -> None:
    """field_sources name the cell a header field was read from (table, row, column)."""
    result = build(_department_and_project_grid(), layout="department-target/docx-gd-county-2025")
    project = result.forms[1]
    picked = {key: project.field_sources[key] for key in ("project_name", "end_year", "annual_amount")}
    assert picked == {
        "project_name": SourceRef(file=FILE, table=2, row=2, column=2),
        "end_year": SourceRef(file=FILE, table=2, row=6, column=5),
        "annual_amount": SourceRef(file=FILE, table=2, row=7, column=5),
    }


def test_build_empty_grid_reports_no_forms() -> None:
    """A grid with no 部门名称/项目名称 row gives no forms and one error problem, not an exception."""
    result = build(Grid(file=FILE), layout="project-target/docx-gd-county-2025")
    assert (result.forms, [(p.severity.value, p.code) for p in result.problems]) == (
        [], [("error", "no-forms")],
    )


def test_clean_text_removes_markup_and_keeps_paragraphs() -> None:
    """HTML tags and entities go; consecutive paragraphs become lines."""
    assert [clean_text(t) for t in ("<p>甲</p><p>乙</p>", " a&nbsp;b ", "x<br/>y", "≥90%")] == [
        "甲\n乙", "a b", "x\ny", "≥90%",
    ]


def test_label_key_ignores_spaces_brackets_and_colons() -> None:
    """Labels compare equal whatever their brackets, notes, spaces or trailing colon."""
    assert [label_key(t) for t in ("其他需完成的任务 (可选填)", "总金额（万元）", "服务对象 满意度指标", "备注：")] == [
        "其他需完成的任务", "总金额", "服务对象满意度指标", "备注",
    ]


def test_detect_family_prefers_guangdong_on_word_like_grid() -> None:
    """Of the registered builder families, Guangdong scores highest on a Guangdong grid."""
    from jixiao.importers.builders import detect_family

    found = detect_family(_department_and_project_grid())
    assert found is not None
    assert (found[0], found[1].layout) == (
        "jixiao.importers.builders.guangdong", "department-target/gd-county-2025",
    )


def test_build_spreadsheet_numbers_with_trailing_zeros_are_read() -> None:
    """Years and counts that a spreadsheet gives as "2025.0" or "38.0" are read as integers."""
    make = _GridMaker()
    make.new_table()
    make.row("部门名称", ("青川县科技和工业信息化局", 4), width=5)
    make.row("基本信息", "财政供养人员数", "38.0", "下属二级单位数", "2", width=5)
    make.new_table()
    make.row("项目名称", ("企业技术改造服务经费", 4), width=5)
    make.row("项目等级", ("二级项目", 4), width=5)
    make.row("实施期限", "起始年度", "2025.0", "到期年度", "2026年", width=5)
    make.row("项目概述", ("组织技改项目申报。", 4), width=5)
    result = build(make.grid, layout="department-target/xlsx-gd-county-2025")
    department, project = result.forms
    assert isinstance(department, DepartmentTargetForm)
    assert isinstance(project, ProjectTargetForm)
    assert (department.funded_headcount, project.start_year, project.end_year,
            [p.code for p in result.problems]) == (38, 2025, 2026, ["budget-year-missing", "budget-year-missing"])


def test_build_page_numbers_between_rows_are_ignored() -> None:
    """Page furniture ("第 2 页", "- 3 -") between the rows of a PDF table is not reported as text."""
    make = _GridMaker()
    make.new_table()
    make.row("项目名称", ("企业技术改造服务经费", 5), width=6)
    make.row("项目等级", ("二级项目", 5), width=6)
    make.row("绩效指标", "一级指标", "二级指标", "三级指标", "实施周期指标值", "当年度指标值", width=6)
    make.row("", "产出指标", "数量指标", "技术改造企业数（家）", "36", "12", width=6)
    make.paragraph("第 2 页")
    make.paragraph("- 3 -")
    make.paragraph("这一行是说明")
    make.row("", "", "质量指标", "验收合格率（%）", "≥95%", "≥95%", width=6)
    result = build(make.grid, layout="project-target/pdf-gd-county-2025")
    assert ([i.name for i in result.forms[0].indicators],
            [(p.code, p.text) for p in result.problems if p.code != "budget-year-missing"]) == (
        ["技术改造企业数（家）", "验收合格率（%）"],
        [("text-inside-form", "这一行是说明")],
    )


def test_build_goal_header_variants_and_goal_text_ending_like_a_header() -> None:
    """年度绩效目标 heads the annual goal; a goal sentence ending in "年度目标" stays a goal."""
    make = _GridMaker()
    make.new_table()
    make.row("项目名称", ("企业技术改造服务经费", 4), width=5)
    make.row("项目等级", ("二级项目", 4), width=5)
    make.row("总体绩效目标", ("实施周期目标", 2), ("年度绩效目标", 2), width=5)
    make.row("", ("三年完成全部年度目标", 2), ("推动12家企业完成年度目标", 2), width=5)
    result = build(make.grid, layout="project-target/docx-gd-county-2025")
    project = result.forms[0]
    assert isinstance(project, ProjectTargetForm)
    assert (project.period_goal, project.annual_goal) == ("三年完成全部年度目标", "推动12家企业完成年度目标")


def test_build_indicator_named_like_a_row_label_stays_an_indicator() -> None:
    """Inside the indicator table position decides: a 三级 cell reading 基本信息, 项目名称 or 绩效指标
    is a name, not a row label (and starts no new form)."""
    make = _GridMaker()
    make.new_table()
    make.row("项目名称", ("企业技术改造服务经费", 5), width=6)
    make.row("项目等级", ("二级项目", 5), width=6)
    make.row("绩效指标", "一级指标", "二级指标", "三级指标", "实施周期指标值", "当年度指标值", width=6)
    make.row("", "产出指标", "数量指标", "基本信息", "36", "12", width=6)
    make.row("", "", "", "项目名称", "1", "1", width=6)
    make.row("", "", "", "绩效指标", "2", "2", width=6)
    result = build(make.grid, layout="project-target/docx-gd-county-2025")
    assert ([i.name for i in result.forms[0].indicators],
            [p.code for p in result.problems if p.code != "budget-year-missing"]) == (
        ["基本信息", "项目名称", "绩效指标"], [])


def test_score_city_project_by_amounts_with_units() -> None:
    """A city project form (seed 001) prints 总金额 without a unit and amounts with theirs."""
    def grid(total_label: str, amount: str) -> Grid:
        make = _GridMaker()
        make.paragraph("项目支出绩效目标申报表")
        make.new_table()
        make.row("项目名称", ("业务工作经费", 5), width=6)
        make.row("项目等级", ("一般项目", 5), width=6)
        make.row("实施期限", "起始年度", "2025", "到期年度", ("2025", 2), width=6)
        make.row("预算金额", total_label, amount, "当年度金额", (amount, 2), width=6)
        make.row("项目概述", ("保障日常业务工作。", 5), width=6)
        return make.grid

    city, county = score(grid("总金额", "18.24万元")), score(grid("总金额（万元）", "18.24"))
    assert city is not None and county is not None
    assert (city.layout, county.layout) == ("project-target/gd-city-2025", "project-target/gd-county-2025")
