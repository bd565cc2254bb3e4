"""The Hebei PDF-text importer (seed 003's layout) on our fixtures and sample."""

from __future__ import annotations

from jixiao.importers.base import RawDocument
from jixiao.importers.text.hebei_pdftext import HebeiPdfTextImporter, read_lines
from jixiao.model import DepartmentTargetForm, ImportedDocument, ProjectTargetForm, SourceRef
from support import FIXTURES_DIR, SAMPLES_DIR

IMPORTER = HebeiPdfTextImporter()
FIXTURES = FIXTURES_DIR / "importers" / "hebei-pdftext"


def _load(doc: RawDocument) -> ImportedDocument:
    detection = IMPORTER.detect(doc)
    assert detection is not None, IMPORTER.describe_rejection(doc)
    return IMPORTER.load(doc, detection.layout)


def _rows(form: ProjectTargetForm) -> list[tuple[str | None, ...]]:
    return [(i.level1, i.level2, i.name, i.description, i.annual_value.raw if i.annual_value else None,
             i.value_basis) for i in form.indicators]


def test_read_lines_counts_pages_from_indent_and_form_feed() -> None:
    """A line indented by one space or a form feed starts a page; blank lines are dropped."""
    lines = read_lines("第一页\n\n续\n 第二页\n\f第三页\n")
    assert [(line.number, line.page, line.text) for line in lines] == [
        (1, 1, "第一页"), (3, 1, "续"), (4, 2, "第二页"), (5, 3, "第三页"),
    ]


def test_load_row_across_page_break_joins_both_parts() -> None:
    """A row cut by a page break (header repeated) gets its 描述 and 依据 back whole."""
    result = _load(RawDocument.from_path(FIXTURES / "page-break-row.txt"))
    project = result.forms[0]
    assert isinstance(project, ProjectTargetForm)
    assert (_rows(project)[1], project.indicators[1].source, project.indicators[2].source) == (
        ("效益指标", "社会效益指标", "提供监测数据",
         "根据上级商务部门运行监测工作安排和统计制度要求，按月报送重点商贸企业经营数据，为市场运行分析提供数据支撑",
         "按时报送", "商务运行监测工作制度"),
        SourceRef(file="page-break-row.txt", page=1, line=21, line_end=27),
        SourceRef(file="page-break-row.txt", page=2, line=28),
    )


def test_load_code_split_over_lines_is_joined() -> None:
    """A 项目编码 broken over two lines and glued to 项目名称 is joined; the name wraps below it."""
    result = _load(RawDocument.from_path(FIXTURES / "code-split.txt"))
    project = result.forms[0]
    assert isinstance(project, ProjectTargetForm)
    assert (project.project_code, project.project_name, [(p.code, p.severity.value) for p in result.problems]) == (
        "13098125P00612300014B", "县域商业体系建设补助资金（乡镇商贸中心改造）", [("project-code-joined", "info")],
    )


def test_load_sample_sets_aside_disclosure_parts() -> None:
    """Disclosure tables, explanations and the glossary are kept aside verbatim, never as targets."""
    result = _load(RawDocument.from_path(SAMPLES_DIR / "hebei-pdftext-2025.txt"))
    assert [(part.kind, part.title, part.source.page if part.source else None) for part in result.set_aside] == [
        ("disclosure-table", "部门预算收支总表", 1),
        ("disclosure-table", "部门预算财政拨款“三公”经费支出表", 2),
        ("explanation", "第一部分 安平市商务局 2025 年部门预算信息公开情况说明", 2),
        ("explanation", "一、部门职责及机构设置情况", 3),
        ("explanation", "二、部门预算安排的总体情况", 3),
        ("glossary", "五、名词解释", 6),
        ("explanation", "六、其他需要说明的事项", 6),
    ]


def test_load_sample_department_from_page_header_and_sub_goals() -> None:
    """The department comes from the page header; 分项 lines with values split into indicators."""
    department = _load(RawDocument.from_path(SAMPLES_DIR / "hebei-pdftext-2025.txt")).forms[0]
    assert isinstance(department, DepartmentTargetForm)
    assert (
        department.department_code, department.department_name, department.budget_year,
        [(g.title, [(i.name, i.annual_value.canonical() if i.annual_value else None) for i in g.indicators])
         for g in department.sub_goals],
        len(department.guarantee_measures),
    ) == (
        "402", "安平市商务局", 2025,
        [("消费促进", [("社会消费品零售总额增长率", "≥5%")]),
         ("外贸稳规模", [("外贸企业培训人次", "≥300人次"), ("新增进出口实绩企业", "12家")])],
        1,
    )


def test_load_sample_projects_read_every_row() -> None:
    """Both sample projects read every row, the wrapped name and the row split by a page break."""
    result = _load(RawDocument.from_path(SAMPLES_DIR / "hebei-pdftext-2025.txt"))
    second = result.forms[2]
    assert isinstance(second, ProjectTargetForm)
    assert ([len(form.indicators) for form in result.forms[1:]], _rows(second)[1:3]) == (
        [6, 7],
        [("产出指标", "质量指标", "补助资金审核通过后按规定拨付", "经审核符合条件的企业方可拨付补助资金", "100%",
          "市商务局外贸工作要点"),
         ("产出指标", "时效指标", "补助资金拨付时限", "补助资金在企业申报审核完成后拨付的时限", "≤30 个工作日",
          "《安平市外贸发展专项资金管理办法》")],
    )


def test_load_sample_keeps_defects_for_review() -> None:
    """The malformed "》8000 万元" and the plan ending below the budget are read as written."""
    result = _load(RawDocument.from_path(SAMPLES_DIR / "hebei-pdftext-2025.txt"))
    first, second = result.forms[1], result.forms[2]
    assert isinstance(first, ProjectTargetForm)
    assert isinstance(second, ProjectTargetForm)
    value = first.indicators[4].annual_value
    plan = second.spending_plan
    assert (value.operator_style.value if value else None, str(second.annual_amount),
            [str(p.value) for p in plan.points] if plan else None) == (
        "malformed", "120.00万元", ["20.00", "50.00", "90.00", "110.00"]
    )


def test_load_unreadable_budget_line_records_problem() -> None:
    """A 预算数 line that does not read is kept as a row and reported with its page and line."""
    text = (FIXTURES / "code-split.txt").read_text(encoding="utf-8").replace(
        "预算数 12.00 其中：财政 资金 12.00 其他资金", "预算数 十二万元"
    )
    result = _load(RawDocument.from_bytes(text.encode(), name="budget.txt"))
    assert [(p.code, p.message) for p in result.problems if p.code == "budget-line-unreadable"] == [
        ("budget-line-unreadable",
         "budget.txt 第1页 第10行：“预算数 … 其中：财政资金 … 其他资金 …”一行未能读出，原文已保留"),
    ]


def test_detect_declines_cell_per_line_layout() -> None:
    """The one-cell-per-line layout (seed 004's) is not claimed by the PDF-text importer."""
    doc = RawDocument.from_path(FIXTURES_DIR / "importers" / "hebei-cells" / "bookmarks.txt")
    assert IMPORTER.detect(doc) is None


def test_load_gb18030_crlf_copy_equals_utf8() -> None:
    """A GB18030 copy with CRLF line ends imports to the same forms as the UTF-8 sample."""
    path = SAMPLES_DIR / "hebei-pdftext-2025.txt"
    text = path.read_text(encoding="utf-8")
    utf8 = _load(RawDocument.from_bytes(text.encode("utf-8"), name="s.txt"))
    legacy = _load(RawDocument.from_bytes(text.replace("\n", "\r\n").encode("gb18030"), name="s.txt"))
    assert (legacy.encoding, legacy.model_dump(exclude={"encoding"})) == (
        "gb18030", utf8.model_dump(exclude={"encoding"})
    )
