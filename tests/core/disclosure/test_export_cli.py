"""Export (.xlsx, .html, .pdf, the SVG chart) and the ``jixiao disclosure`` commands."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from jixiao.cli.main import app
from jixiao.disclosure.export import class_amounts, render_disclosure
from jixiao.disclosure.parse_text import parse_disclosure_text
from jixiao.errors import RenderFailed

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "disclosure" / "fictional_tables.txt"


@pytest.fixture(scope="module")
def fictional():
    return parse_disclosure_text(FIXTURE.read_text(encoding="utf-8"), file=FIXTURE.name)


def test_render_xlsx_one_sheet_per_table_numbers_as_numbers(fictional) -> None:
    """Each table is a sheet; amounts are numeric cells with two decimals; the empty note is kept."""
    book = load_workbook(io.BytesIO(render_disclosure(fictional, "xlsx")))
    assert book.sheetnames == ["T3 部门预算支出总表", "T7 部门预算政府性基金预算财政拨款支出表"]
    sheet = book["T3 部门预算支出总表"]
    assert [c.value for c in sheet[3]] == ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]
    row = [c.value for c in sheet[5]]
    assert row == ["201", "一般公共服务支出", 300, 200, 100]
    assert {sheet.cell(5, 3).number_format, sheet.cell(5, 4).number_format} == {"#,##0.00"}
    t7 = book["T7 部门预算政府性基金预算财政拨款支出表"]
    assert [c.value for c in t7[t7.max_row] if c.value is not None] == ["注：无政府性基金预算财政拨款预算，空表列示。"]


def test_render_svg_one_bar_per_class(fictional) -> None:
    """The chart has one bar per function class with its amount, longest for the largest."""
    svg = render_disclosure(fictional, "svg").decode("utf-8")
    assert class_amounts(fictional) == [("201", "一般公共服务支出", Decimal("300.00")),
                                        ("206", "科学技术支出", Decimal("30.00"))]
    widths = [float(part.split('"')[0]) for part in svg.split('<rect x="220" y="')[1:] for part in
              [part.split('width="')[1]]]
    assert (svg.count("<rect"), widths[0] > widths[1] * 9, "300.00" in svg) == (2, True, True)


def test_render_html_tables_and_chart(fictional) -> None:
    """The HTML holds the chart and every table title."""
    page = render_disclosure(fictional, "html").decode("utf-8")
    assert [page.count(x) for x in ("<svg", "<h2>部门预算支出总表</h2>", "空表列示")] == [1, 1, 1]


def test_render_pdf_is_pdf(fictional) -> None:
    """WeasyPrint writes a PDF."""
    assert render_disclosure(fictional, "pdf")[:5] == b"%PDF-"


def test_render_unknown_format_refused(fictional) -> None:
    """An unknown format is a RenderFailed naming the format."""
    with pytest.raises(RenderFailed, match="不支持的导出格式“docx”"):
        render_disclosure(fictional, "docx")


def test_cli_disclosure_import_json_roundtrip(tmp_path: Path) -> None:
    """``jixiao disclosure import`` writes JSON that loads back into the model."""
    from jixiao.disclosure.model import Disclosure

    out = tmp_path / "d.json"
    result = CliRunner().invoke(app, ["disclosure", "import", str(FIXTURE), "-o", str(out)])
    back = Disclosure.model_validate(json.loads(out.read_text(encoding="utf-8")))
    assert (result.exit_code, len(back.classified("T3").rows), back.department_name) == (0, 8, "虚构示范局")


def test_cli_disclosure_check_reports_findings_exit_1() -> None:
    """``jixiao disclosure check`` lists the findings (codes missing from the catalogue, the seven absent
    tables) and exits 1 because there are errors."""
    result = CliRunner().invoke(app, ["disclosure", "check", str(FIXTURE)])
    lines = [" ".join(line.split()[:2]) for line in result.output.splitlines() if line.startswith("JX")]
    assert (result.exit_code, sorted(set(lines)), lines.count("JX622 错误")) == (1, ["JX621 警告", "JX622 错误"], 7)
    assert "共核对" in result.output


def test_cli_catalogue_load_installs(tmp_path: Path) -> None:
    """``jixiao disclosure catalogue load`` validates and installs a CSV into --catalogue-dir."""
    csv_file = tmp_path / "f.csv"
    csv_file.write_text("code,name,parent,level,source\n201,一般公共服务支出,,1,t\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["disclosure", "catalogue", "load", "2026", str(csv_file),
                                      "--catalogue-dir", str(tmp_path / "cat")])
    assert (result.exit_code, (tmp_path / "cat" / "2026" / "function.csv").is_file()) == (0, True)


def test_cli_catalogue_load_bad_csv_message(tmp_path: Path) -> None:
    """A bad CSV is refused with the file, line and reason, exit code 2."""
    csv_file = tmp_path / "bad.csv"
    csv_file.write_text("code,name,parent,level,source\n2010,x,201,2,t\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["disclosure", "catalogue", "load", "2026", str(csv_file),
                                      "--catalogue-dir", str(tmp_path / "cat")])
    assert result.exit_code == 2
    assert "bad.csv（第2行）：第2级科目编码应为 5 位" in result.output.replace("\n", "")


def test_cli_disclosure_import_no_tables_exit_2(tmp_path: Path) -> None:
    """A text without disclosure tables is refused with the file name and the reason, exit code 2."""
    path = tmp_path / "项目表.txt"
    path.write_text("项目名称 虚构项目\n预算数 1.00\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["disclosure", "import", str(path)])
    assert (result.exit_code, "项目表.txt：没有找到部门预算公开表格" in result.output.replace("\n", "")) == (2, True)
