"""``jixiao render`` through typer's CliRunner, on a small app with only this command."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
import typer
from dumps import xlsx_dump
from sample_forms import gd_county_department, gd_county_project, hebei_project
from typer.testing import CliRunner

from jixiao.cli.commands.render import register
from jixiao.model import ImportBatch, ImportedDocument
from jixiao.renderers import render_form
from jixiao.renderers.opendata import render_batch_json


@pytest.fixture
def app() -> typer.Typer:
    application = typer.Typer()
    register(application)

    @application.command("noop", hidden=True)
    def noop() -> None:  # a second command keeps "render" a named subcommand
        """Nothing."""

    return application


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "导出.json"
    documents = [ImportedDocument(file="青禾.docx", layout="docx-gd-county-2025",
                                  forms=[gd_county_department(), gd_county_project(), hebei_project()])]
    path.write_bytes(render_batch_json(documents))
    return path


def _run(app: typer.Typer, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["render", *args])


def test_render_cli_package_pdf_writes_one_file(app: typer.Typer, export: Path, tmp_path: Path) -> None:
    """--package writes one PDF with every form of the export."""
    out = tmp_path / "汇编.pdf"
    result = _run(app, str(export), "--to", "pdf", "--package", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF")
    assert f"已写出 {out}" in result.output


def test_render_cli_several_forms_write_a_directory(app: typer.Typer, export: Path, tmp_path: Path) -> None:
    """Without --package, several forms are written one file each into a directory."""
    out = tmp_path / "单表"
    result = _run(app, str(export), "--to", "xlsx", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "01-青禾县农业技术推广中心-2025年县级部门整体预算绩效目标表.xlsx",
        "02-高产示范田建设经费-2025年县级项目支出绩效目标表.xlsx",
        "03-农机安全检验经费绩效目标表.xlsx"]


def test_render_cli_template_and_canonical_values(app: typer.Typer, tmp_path: Path) -> None:
    """--template forces a family and --values canonical rewrites 98%以上 as ≥98%."""
    source = tmp_path / "one.json"
    source.write_bytes(render_batch_json([gd_county_project()]))
    out = tmp_path / "one.xlsx"
    result = _run(app, str(source), "--to", "xlsx", "--template", "hebei", "--values", "canonical", "-o", str(out))
    assert result.exit_code == 0, result.output
    values = [cell[1] for cell in xlsx_dump(out.read_bytes())["sheets"][0]["cells"]]
    assert "项目编码" in values and "≥98%" in values and "98%以上" not in values


def test_render_cli_csv_writes_forms_and_indicators(app: typer.Typer, export: Path, tmp_path: Path) -> None:
    """--to csv writes <stem>-forms.csv and <stem>-indicators.csv with a BOM."""
    result = _run(app, str(export), "--to", "csv", "-o", str(tmp_path / "开放数据.csv"))
    assert result.exit_code == 0, result.output
    forms = (tmp_path / "开放数据-forms.csv").read_bytes()
    indicators = (tmp_path / "开放数据-indicators.csv").read_bytes()
    assert forms.startswith(b"\xef\xbb\xbf") and indicators.startswith(b"\xef\xbb\xbf")
    assert len(forms.decode("utf-8-sig").strip().splitlines()) == 4


def test_render_cli_zip_with_formats(app: typer.Typer, export: Path, tmp_path: Path) -> None:
    """--to zip --formats docx,pdf holds each form twice plus the CSVs."""
    out = tmp_path / "forms.zip"
    result = _run(app, str(export), "--to", "zip", "--formats", "docx,pdf", "-o", str(out))
    assert result.exit_code == 0, result.output
    names = zipfile.ZipFile(io.BytesIO(out.read_bytes())).namelist()
    assert len(names) == 3 * 2 + 2


def test_render_cli_json_round_trips(app: typer.Typer, export: Path, tmp_path: Path) -> None:
    """--to json writes the ImportBatch again."""
    out = tmp_path / "again.json"
    result = _run(app, str(export), "--to", "json", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert len(ImportBatch.model_validate_json(out.read_bytes()).documents[0].forms) == 3


def test_render_cli_source_document_is_imported(app: typer.Typer, tmp_path: Path) -> None:
    """A source document (here jixiao's own Word file) is imported, then rendered."""
    source = tmp_path / "项目.docx"
    source.write_bytes(render_form(gd_county_project(), "docx"))
    result = _run(app, str(source), "--to", "xlsx")
    assert result.exit_code == 0, result.output
    values = [cell[1] for cell in xlsx_dump((tmp_path / "项目.xlsx").read_bytes())["sheets"][0]["cells"]]
    assert "高产示范田建设经费" in values


def test_render_cli_unknown_template_is_usage_error(app: typer.Typer, export: Path) -> None:
    """An unknown --template is refused with exit code 2."""
    result = _run(app, str(export), "--template", "shanghai")
    assert result.exit_code == 2


def test_render_cli_missing_file_exits_2(app: typer.Typer, tmp_path: Path) -> None:
    """A missing input file exits with 2 and names the file."""
    result = _run(app, str(tmp_path / "nope.docx"), "--to", "pdf")
    assert result.exit_code == 2
    assert "nope.docx" in result.output
