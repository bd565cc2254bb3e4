"""The one-cell-per-line Hebei importer (seed 004's layout) on our fixtures and sample."""

from __future__ import annotations

import pytest

from jixiao.errors import UnsupportedDocument
from jixiao.importers.base import RawDocument
from jixiao.importers.text.hebei_cells import HebeiCellTextImporter, read_grid
from jixiao.model import DepartmentTargetForm, ImportedDocument, ProjectTargetForm
from support import FIXTURES_DIR, SAMPLES_DIR

IMPORTER = HebeiCellTextImporter()


def _load(doc: RawDocument) -> ImportedDocument:
    detection = IMPORTER.detect(doc)
    assert detection is not None, IMPORTER.describe_rejection(doc)
    return IMPORTER.load(doc, detection.layout)


def test_read_grid_tab_lines_are_cells_and_blank_lines_end_rows() -> None:
    """Tab-led lines are cells of one row until a blank line; other lines are paragraphs."""
    text = "标题段落\n\t项目编码\n\t51082325P00612300014B\n\n\t\n\t质量指标\t\n \n第二段\n"
    grid = read_grid(RawDocument.from_bytes(text.encode(), name="a.txt"))
    assert [(row.table, row.texts(), row.source.line, row.source.line_end) for row in grid.rows] == [
        (None, ["标题段落"], 1, None),
        (1, ["项目编码", "51082325P00612300014B"], 2, 3),
        (1, ["", "质量指标", ""], 5, 6),
        (None, ["第二段"], 8, None),
    ]


def test_load_bookmarks_fixture_strips_markers() -> None:
    """``[bookmark: …]`` markers before headings and titles are dropped, never read as text."""
    result = _load(RawDocument.from_path(FIXTURES_DIR / "importers" / "hebei-cells" / "bookmarks.txt"))
    department, project = result.forms
    assert isinstance(department, DepartmentTargetForm)
    assert isinstance(project, ProjectTargetForm)
    assert (department.overall_goal, [g.title for g in department.sub_goals], project.number, project.title,
            result.problems) == (
        "推动县域商贸流通高质量发展。", ["商贸流通"], "1", "县域商业体系建设资金绩效目标表", [],
    )


def test_load_sample_reads_department_and_three_projects() -> None:
    """The sample yields 1 department form (3 sub-goals) and 3 projects with every indicator row."""
    result = _load(RawDocument.from_path(SAMPLES_DIR / "hebei-cells-2025.txt"))
    summary = [
        (form.kind.value, form.display_name, len(form.sub_goals) if isinstance(form, DepartmentTargetForm)
         else len(form.indicators))
        for form in result.forms
    ]
    assert summary == [
        ("department", "青川县科技和工业信息化局本级", 3),
        ("project", "2025年工业技术改造奖补资金", 9),
        ("project", "科技型中小企业培育经费", 8),
        ("project", "中小企业服务体系建设经费", 7),
    ]


def test_load_sample_reports_its_defects() -> None:
    """The sample's 20-character code and unknown 二级 label are reported with their lines."""
    result = _load(RawDocument.from_path(SAMPLES_DIR / "hebei-cells-2025.txt"))
    assert [(p.code, p.source.line if p.source else None) for p in result.problems] == [
        ("project-code-length", 249), ("level2-unknown", 303),
    ]


def test_load_sample_keeps_empty_value_and_short_plan_for_review() -> None:
    """An empty 指标值 and a plan ending at 90% are read as written, left to the review rules."""
    project = _load(RawDocument.from_path(SAMPLES_DIR / "hebei-cells-2025.txt")).forms[2]
    assert isinstance(project, ProjectTargetForm)
    plan = project.spending_plan
    value = project.indicators[1].annual_value
    assert (value.kind.value if value else None, [p.raw for p in plan.points] if plan else None) == (
        "empty", ["10%", "40%", "70%", "90%"]
    )


def test_detect_declines_tab_separated_rows() -> None:
    """Lines holding several tab-separated cells (the Guangdong TSV layout) are not claimed."""
    text = "\n".join(["项目名称\t科技三项经费\t项目类型\t部门职能类"] * 30) + "\n"
    doc = RawDocument.from_bytes(text.encode(), name="gd.txt")
    assert (IMPORTER.detect(doc), IMPORTER.describe_rejection(doc)) == (
        None, "HebeiCellTextImporter：不是逐格文本（以制表符开头的单格行 0 行，行内含多个单元格的行 30 行）"
    )


def test_load_cell_text_without_hebei_labels_raises_in_chinese() -> None:
    """Loading one-cell-per-line text without any Hebei form raises one clear message naming the file."""
    text = "\n".join(f"\t第{n}格\n" for n in range(30))
    doc = RawDocument.from_bytes(text.encode(), name="别的表.txt")
    with pytest.raises(UnsupportedDocument) as caught:
        IMPORTER.load(doc, "project-target/txt-hebei-cells-2025")
    assert str(caught.value) == (
        "别的表.txt：未找到河北版式的项目支出绩效目标表表头（绩效指标描述、指标值确定依据）或部门整体绩效目标标题"
    )


def test_load_gb18030_crlf_copy_equals_utf8() -> None:
    """A GB18030 copy with CRLF line ends imports to the same forms as the UTF-8 sample."""
    text = (SAMPLES_DIR / "hebei-cells-2025.txt").read_text(encoding="utf-8")
    utf8 = _load(RawDocument.from_bytes(text.encode("utf-8"), name="s.txt"))
    legacy = _load(RawDocument.from_bytes(text.replace("\n", "\r\n").encode("gb18030"), name="s.txt"))
    assert (legacy.encoding, legacy.model_dump(exclude={"encoding"})) == (
        "gb18030", utf8.model_dump(exclude={"encoding"})
    )
