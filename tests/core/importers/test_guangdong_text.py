"""The tab-separated Guangdong importer: the line reader, detection, the quirk fixtures, the samples.

Quirk fixtures live in tests/fixtures/importers/gd-quirks/ (one small fictional form each); the
samples are samples/gd-county-2025.txt and samples/gd-city-2025.txt.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.importers.base import RawDocument
from jixiao.importers.text.guangdong import GuangdongTextImporter, read_grid
from jixiao.model import (
    DepartmentTargetForm,
    ImportedDocument,
    Indicator,
    Money,
    MoneyUnit,
    ProblemSeverity,
    ProjectTargetForm,
    SourceRef,
)
from support import FIXTURES_DIR, SAMPLES_DIR  # tests/ is on sys.path (pyproject pythonpath)

IMPORTER = GuangdongTextImporter()
QUIRKS = FIXTURES_DIR / "importers" / "gd-quirks"


def _import(path: Path) -> ImportedDocument:
    doc = RawDocument.from_path(path)
    detection = IMPORTER.detect(doc)
    layout = detection.layout if detection else "project-target/tsv-gd-county-2025"
    return IMPORTER.load(doc, layout)


def _rows(indicators: list[Indicator]) -> list[tuple[object, ...]]:
    return [
        (
            ind.source.line if ind.source else None,
            ind.level1,
            ind.level2,
            ind.name,
            ind.period_value.raw if ind.period_value else None,
            ind.annual_value.raw if ind.annual_value else None,
            [v.raw for v in ind.extra_values],
        )
        for ind in indicators
    ]


def _problems(result: ImportedDocument) -> list[tuple[str, str, int | None]]:
    return [(p.severity.value, p.code, p.source.line if p.source else None) for p in result.problems]


# --- the line reader ----------------------------------------------------------------------------


def test_read_grid_tabbed_lines_become_table_rows_with_line_numbers() -> None:
    """Tabbed lines are table rows (blank fields kept as cells), other lines running text."""
    grid = read_grid("a.txt", ["附件1", "部门名称\t青川县\t\t", "", "\t基本信息\t38", "备注：无"])
    assert [(row.source.line, row.table, row.texts()) for row in grid.rows] == [
        (1, None, ["附件1"]),
        (2, 0, ["部门名称", "青川县", "", ""]),
        (3, None, [""]),
        (4, 0, ["", "基本信息", "38"]),
        (5, None, ["备注：无"]),
    ]


def test_read_grid_cells_carry_line_and_column() -> None:
    """Each cell's SourceRef names its 1-based line and column."""
    grid = read_grid("a.txt", ["x", "项目名称\t\t科技经费"])
    assert [cell.source for cell in grid.rows[1].cells] == [
        SourceRef(file="a.txt", line=2, column=1),
        SourceRef(file="a.txt", line=2, column=2),
        SourceRef(file="a.txt", line=2, column=3),
    ]


def test_read_grid_running_text_starts_a_new_table() -> None:
    """A line of text between two runs of tabbed lines separates two tables; blank lines do not."""
    grid = read_grid("a.txt", ["a\tb", "", "c\td", "标题", "e\tf"])
    assert [row.table for row in grid.rows] == [0, None, 0, None, 1]


def test_read_grid_quoted_cell_spans_lines() -> None:
    """A quoted cell with a line break is one cell; the row's source covers both lines."""
    grid = read_grid("a.txt", ['项目概述\t"第一段', '第二段"\t', "x\ty"])
    assert [(row.source, row.texts()) for row in grid.rows] == [
        (SourceRef(file="a.txt", line=1, line_end=2), ["项目概述", "第一段\n第二段", ""]),
        (SourceRef(file="a.txt", line=3), ["x", "y"]),
    ]


def test_read_grid_unclosed_quote_is_taken_literally() -> None:
    """A stray opening quote never swallows the following lines, even when more quotes follow."""
    grid = read_grid("a.txt", ['"甲\t乙', "丙\t丁", '"戊\t己', '"庚\t辛'])
    assert [row.texts() for row in grid.rows] == [['"甲', "乙"], ["丙", "丁"], ['"戊', "己"], ['"庚', "辛"]]


# --- detection ----------------------------------------------------------------------------------


def test_detect_text_without_tabs_declines_with_reason() -> None:
    """Plain text is declined, and the rejection says that no tabbed rows were found."""
    doc = RawDocument.from_bytes("项目名称 科技经费\n一级指标 产出指标\n".encode(), name="plain.txt")
    assert (IMPORTER.detect(doc), IMPORTER.describe_rejection(doc)) == (
        None,
        "广东版式（制表符分隔文本）：文本中没有制表符分隔的表格行",
    )


def test_detect_one_cell_per_line_text_declines() -> None:
    """Labels alone on their lines (the Hebei one-cell-per-line text) are not claimed."""
    lines = ["\t项目名称", "\t科技经费", "\t项目等级", "\t二级项目", "\t实施期限", "\t2025", "\t一级指标"]
    doc = RawDocument.from_bytes("\n".join(lines).encode(), name="cells.txt")
    assert IMPORTER.detect(doc) is None


def test_detect_project_only_file_claims_project_layout() -> None:
    """A file with project forms only is claimed with the project layout id."""
    detection = IMPORTER.detect(RawDocument.from_path(QUIRKS / "shifted-rows.txt"))
    assert detection is not None
    assert detection.layout == "project-target/tsv-gd-county-2025"


# --- quirks -------------------------------------------------------------------------------------


def test_load_shifted_rows_reads_cells_by_content_and_warns() -> None:
    """Rows shifted left or right are read by what the cells say, each with a row-shifted problem.

    A row where only a category label is out of its column is info (IND-06); a shifted name or
    value is a warning.
    """
    result = _import(QUIRKS / "shifted-rows.txt")
    assert (_rows(result.forms[0].indicators), _problems(result)) == (
        [
            (12, "产出指标", "数量指标", "入驻企业数（家）", "30", "30", []),
            (13, "产出指标", "质量指标", "园区设施完好率（%）", "≥95%", "≥95%", []),
            (14, "产出指标", "时效指标", None, None, None, []),
            (16, "效益指标", "经济效益指标", "园区产值增速（%）", "≥5%", "≥5%", []),
            (17, "满意度指标", "服务对象满意度指标", "入驻企业满意度", "≥90%", "≥90%", []),
        ],
        [("warning", "row-shifted", 13), ("info", "row-shifted", 14), ("warning", "row-shifted", 17)],
    )


def test_load_glued_row_joins_name_and_values_with_line_range() -> None:
    """A name row followed by a values-only row becomes one indicator spanning both lines."""
    result = _import(QUIRKS / "glued-row.txt")
    first = result.forms[0].indicators[0]
    assert (first.source, _rows(result.forms[0].indicators), _problems(result)) == (
        SourceRef(file="glued-row.txt", line=12, line_end=13),
        [
            (12, "产出指标", "数量指标", "入驻企业数（家）", "30", "30", []),
            (14, "产出指标", "数量指标", None, None, "≥95%", []),
        ],
        [
            ("warning", "row-joined", 12),
            ("warning", "indicator-name-missing", 14),
            ("warning", "value-missing", 14),
        ],
    )


def test_load_three_value_row_keeps_extra_value_and_warns() -> None:
    """A third value cell goes to extra_values; a lone value goes to the column it sits in."""
    result = _import(QUIRKS / "three-values.txt")
    assert (_rows(result.forms[0].indicators), _problems(result)) == (
        [
            (12, "产出指标", "质量指标", "园区设施完好率（%）", "≥95%", "≥95%", ["≥95%"]),
            (13, "效益指标", "社会效益指标", "带动就业人数（人）", "200", None, []),
        ],
        [("warning", "extra-value-cells", 12), ("warning", "value-missing", 13)],
    )


def test_load_two_indicators_in_one_cell_are_split() -> None:
    """"A B | x y | x y" becomes two indicators; a name with a bracketed unit is not split."""
    result = _import(QUIRKS / "two-in-one-cell.txt")
    assert (_rows(result.forms[0].indicators), _problems(result)) == (
        [
            (12, "效益指标", "生态效益指标", "园区绿化改善", "比上年改善", "比上年改善", []),
            (12, "效益指标", "生态效益指标", "节能设备推广", "起到推广作用", "起到推广作用", []),
            (13, "产出指标", "数量指标", "奖励企业数 (个)", "15", "15", []),
        ],
        [("warning", "cell-split", 12)],
    )


def test_load_html_paragraphs_in_cells_are_removed() -> None:
    """<p> tags and &nbsp; disappear from every field; paragraphs become lines."""
    result = _import(QUIRKS / "p-tags.txt")
    form = result.forms[0]
    assert isinstance(form, DepartmentTargetForm)
    task = form.key_tasks[0]
    assert (
        form.overall_goal, task.name, task.content, task.planned_amount,
        _rows(form.indicators), form.title,
    ) == (
        "促消费、稳外贸。\n新增限上企业15家。",
        "促消费活动",
        "组织消费节 活动。",
        Money(amount=Decimal("40"), unit=MoneyUnit.WAN_YUAN),
        [(8, "产出指标", "数量指标", "促消费活动场次", None, "大于6场", [])],
        "市级部门整体预算绩效目标申报表",
    )


def test_load_unreadable_cells_become_error_problems() -> None:
    """Bad money, a bad year, a row with no label and a row before any form are errors, not crashes."""
    result = _import(QUIRKS / "bad-cells.txt")
    form = result.forms[0]
    assert isinstance(form, ProjectTargetForm)
    assert (form.start_year, form.total_amount, form.end_year, _problems(result)) == (
        None,
        None,
        2025,
        [
            ("error", "row-outside-form", 1),
            ("error", "year-unparsed", 7),
            ("error", "money-unparsed", 8),
            ("error", "row-unplaced", 10),
            ("info", "text-outside-form", 11),
        ],
    )


def test_load_unreadable_money_message_names_file_line_and_text() -> None:
    """The Chinese message names the file, the line and column, and the text found."""
    result = _import(QUIRKS / "bad-cells.txt")
    messages = [p.message for p in result.problems if p.code == "money-unparsed"]
    assert messages == ["bad-cells.txt 第8行 第3列：总金额应为金额，实际为“十二万”，未能读入"]


def test_load_wrapped_cell_and_text_between_rows() -> None:
    """A quoted two-line cell is read whole; a bare line between table rows is reported, not lost."""
    result = _import(QUIRKS / "wrapped-cell.txt")
    form = result.forms[0]
    assert isinstance(form, ProjectTargetForm)
    assert (
        form.overview, form.field_sources["overview"], _rows(form.indicators),
        [(p.code, p.source.line if p.source else None, p.text) for p in result.problems],
    ) == (
        "补助产业园区日常运营，\n包括物业和安保。",
        SourceRef(file="wrapped-cell.txt", line=5, line_end=6, column=2),
        [
            (8, "产出指标", "数量指标", "入驻企业数（家）", "30", "30", []),
            (10, "产出指标", "质量指标", "园区设施完好率（%）", "≥95%", "≥95%", []),
        ],
        [("text-inside-form", 9, "含义见附注")],
    )


# --- samples ------------------------------------------------------------------------------------


def test_load_county_sample_reads_forms_and_key_values() -> None:
    """The county sample gives 1 department and 3 project forms with their key fields."""
    result = _import(SAMPLES_DIR / "gd-county-2025.txt")
    department, *projects = result.forms
    assert isinstance(department, DepartmentTargetForm)
    assert department.budget is not None
    summary = [
        (
            form.display_name, form.layout, form.budget_year, len(form.indicators),
            form.start_year, form.end_year, form.annual_amount,
        )
        for form in projects if isinstance(form, ProjectTargetForm)
    ]
    wan = MoneyUnit.WAN_YUAN
    assert (
        result.layout,
        department.department_name,
        department.funded_headcount,
        department.budget.fiscal_appropriation,
        [(t.label, t.name, t.planned_amount) for t in department.key_tasks + department.other_tasks],
        len(department.indicators),
        summary,
    ) == (
        "tsv-gd-county-2025",
        "青川县科技和工业信息化局",
        38,
        Money(amount=Decimal("498.3"), unit=wan),
        [
            ("任务1", "企业技术改造服务", Money(amount=Decimal("40"), unit=wan)),
            ("任务2", "科技创新奖补", Money(amount=Decimal("30"), unit=wan)),
            ("任务3", "中小企业服务", Money(amount=Decimal("15.8"), unit=wan)),
            ("任务1", "安全生产检查", Money(amount=Decimal("0"), unit=wan)),
        ],
        12,
        [
            ("企业技术改造服务经费", "project-target/tsv-gd-county-2025", 2025, 10, 2025, 2099,
             Money(amount=Decimal("40"), unit=wan)),
            ("科技创新奖补资金", "project-target/tsv-gd-county-2025", 2025, 9, 2024, 2026,
             Money(amount=Decimal("30"), unit=wan)),
            ("中小企业服务经费", "project-target/tsv-gd-county-2025", 2025, 9, 2025, 2025,
             Money(amount=Decimal("15.8"), unit=wan)),
        ],
    )


def test_load_county_sample_reports_its_defects() -> None:
    """The county sample's shifted, glued and three-value rows are each reported; nothing is an error."""
    result = _import(SAMPLES_DIR / "gd-county-2025.txt")
    assert (result.ok, sorted({(p.code, p.source.line if p.source else 0) for p in result.problems
                               if p.code != "row-shifted"})) == (
        True,
        [("extra-value-cells", 85), ("row-joined", 83)],
    )


def test_load_city_sample_reads_forms_and_key_values() -> None:
    """The city sample gives the city budget split, regime-B rows and names as written."""
    result = _import(SAMPLES_DIR / "gd-city-2025.txt")
    department, *projects = result.forms
    assert isinstance(department, DepartmentTargetForm)
    assert department.budget is not None
    wan = MoneyUnit.WAN_YUAN
    assert (
        result.layout,
        department.department_name,
        department.budget_year,
        (department.budget.own_level_label, department.budget.own_level_funds,
         department.budget.transfer_funds, department.budget.other_funds),
        department.overall_goal,
        [(ind.category.value if ind.category else None, ind.name) for ind in department.indicators[:3]],
        len(department.indicators),
        [
            (form.display_name, form.competent_department.name if form.competent_department else None,
             form.total_amount, len(form.indicators))
            for form in projects if isinstance(form, ProjectTargetForm)
        ],
    ) == (
        "tsv-gd-city-2025",
        "安平市商务局",
        None,
        ("市本级使用资金", Money(amount=Decimal("650.4"), unit=wan), Money(amount=Decimal("40"), unit=wan),
         None),
        "本年度围绕促消费、稳外贸开展工作: 1、社会消费品零售总额增长6%; 2、外贸进出口保持稳定; 3、新增限上商贸企业15家。",
        [("成本指标", "项目资金控制数"), ("成本指标", None), ("成本指标", None)],
        14,
        [
            ("促消费活动经费", "安宁市商务局", Money(amount=Decimal("40"), unit=wan), 11),
            ("外贸企业服务经费", "安宁市商务局", Money(amount=Decimal("20"), unit=wan), 10),
        ],
    )


def test_load_city_sample_reports_its_defects() -> None:
    """The city sample's split cell, three-value row, empty task and missing year are reported."""
    result = _import(SAMPLES_DIR / "gd-city-2025.txt")
    found = [(p.severity, p.code, p.source.line if p.source else 0) for p in result.problems
             if p.code != "row-shifted"]
    assert found == [
        (ProblemSeverity.INFO, "budget-year-missing", 3),
        (ProblemSeverity.INFO, "task-empty", 20),
        (ProblemSeverity.WARNING, "cell-split", 32),
        (ProblemSeverity.INFO, "budget-year-missing", 40),
        (ProblemSeverity.WARNING, "extra-value-cells", 56),
        (ProblemSeverity.INFO, "budget-year-missing", 68),
    ]


# --- robustness ---------------------------------------------------------------------------------

_WORDS = [
    "", "", "", "部门名称", "项目名称", "基本信息", "预算整体情况", "年度重点工作任务", "其他需完成的任务",
    "绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "实施周期指标值", "当年度指标值", "产出指标",
    "成本指标", "经济成本指标", "数量指标", "服务对象满意度指标", "满意度指标", "主管部门", "用款单位",
    "实施期限", "起始年度", "到期年度", "预算金额", "总金额", "当年度金额", "总体绩效目标", "实施周期总目标",
    "当年度目标", "备注：1. 说明", "附件2", "2025年县级项目支出绩效目标表", "任务1：", "12", "≥90%",
    "》85%", "十二万", "<p>段落</p>", '"引号', "甲 乙", "比上年改善 起到推广作用", "2099",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8), max_size=40))
def test_build_any_tab_text_never_raises_and_names_the_file(rows: list[list[str]]) -> None:
    """Whatever mix of labels and values a file holds, the builder returns; problems name the file."""
    from jixiao.importers.builders.guangdong import build

    grid = read_grid("随机.txt", ["\t".join(row) for row in rows])
    result = build(grid, layout="project-target/tsv-gd-county-2025")
    assert [p for p in result.problems if not p.message.startswith("随机.txt")] == []


@pytest.mark.parametrize("sample", ["gd-county-2025", "gd-city-2025"])
def test_load_sample_matches_golden(sample: str, update_golden: bool) -> None:
    """The whole import of each sample (one per layout) equals its reviewed golden JSON."""
    result = json.loads(_import(SAMPLES_DIR / f"{sample}.txt").model_dump_json())
    golden = FIXTURES_DIR / "importers" / "gd-samples" / f"{sample}.expected.json"
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert golden.exists(), f"{golden} is missing: run pytest --update-golden and review it"
    assert result == json.loads(golden.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("encoding", "newline"), [("gb18030", "\n"), ("utf-8-sig", "\r\n")])
def test_load_sample_in_other_encoding_or_line_ends_gives_same_forms(encoding: str, newline: str) -> None:
    """A GBK-family or BOM/CRLF copy of the county sample imports to the same forms."""
    path = SAMPLES_DIR / "gd-county-2025.txt"
    text = path.read_text(encoding="utf-8")
    data = text.replace("\n", newline).encode(encoding)
    doc = RawDocument.from_bytes(data, name=path.name)
    detection = IMPORTER.detect(doc)
    assert detection is not None
    assert IMPORTER.load(doc, detection.layout).forms == _import(path).forms
