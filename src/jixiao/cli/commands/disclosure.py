"""``jixiao disclosure``: import, check and export 部门预算公开 tables; manage the code catalogue."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Annotated

import typer

from jixiao.cli.commands._common import ExitCode, handles_errors, out_console

disclosure_app = typer.Typer(help="部门预算公开表：导入、核对、导出。Budget disclosure tables.", no_args_is_help=True)
_DATE_HELP = "（YYYY-MM-DD）；替代文件中写明的日期。"


def _date_option(value: datetime | None) -> date | None:
    return value.date() if value is not None else None


catalogue_app = typer.Typer(help="政府收支分类科目目录。The classification code catalogue.", no_args_is_help=True)


@disclosure_app.command("import")
@handles_errors
def import_command(
    file: Annotated[Path, typer.Argument(help="PDF 或文本文件。A PDF or text file.", exists=True, dir_okay=False)],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="写出 JSON/.xlsx/.pdf/.html/.svg 文件。")] = None,
    approved_on: Annotated[datetime | None, typer.Option(
        "--approved-on", formats=["%Y-%m-%d"], help="批复日期" + _DATE_HELP)] = None,
    published_on: Annotated[datetime | None, typer.Option(
        "--published-on", formats=["%Y-%m-%d"], help="公开日期" + _DATE_HELP)] = None,
) -> None:
    """读取部门预算公开表并输出为 JSON（或按 -o 的扩展名导出）。"""
    from jixiao.disclosure import load_disclosure
    from jixiao.disclosure.dates import apply_dates
    from jixiao.disclosure.export import render_disclosure

    disclosure = load_disclosure(file)
    apply_dates(disclosure, approved_on=_date_option(approved_on), published_on=_date_option(published_on))
    if output is not None and output.suffix.lower() in (".xlsx", ".pdf", ".html", ".svg"):
        output.write_bytes(render_disclosure(disclosure, output.suffix.lower().lstrip(".")))
        out_console().print(f"已写出 {output}（{len(disclosure.tables)} 张表，{disclosure.row_count} 行）")
        return
    text = json.dumps(disclosure.model_dump(mode="json"), ensure_ascii=False, indent=2)
    if output is not None:
        output.write_text(text + "\n", encoding="utf-8")
    else:
        typer.echo(text)


@disclosure_app.command("check")
@handles_errors
def check_command(
    file: Annotated[Path, typer.Argument(help="PDF 或文本文件。A PDF or text file.", exists=True, dir_okay=False)],
    catalogue_dir: Annotated[Path | None, typer.Option("--catalogue-dir", help="用户目录所在文件夹。")] = None,
    approved_on: Annotated[datetime | None, typer.Option(
        "--approved-on", formats=["%Y-%m-%d"], help="批复日期" + _DATE_HELP)] = None,
    published_on: Annotated[datetime | None, typer.Option(
        "--published-on", formats=["%Y-%m-%d"], help="公开日期" + _DATE_HELP)] = None,
) -> None:
    """核对部门预算公开表（JX6xx：表内、表间、文字与表格、科目编码）。"""
    from jixiao.disclosure import load_disclosure
    from jixiao.disclosure.catalogue import load_catalogue
    from jixiao.disclosure.checks import check_disclosure
    from jixiao.disclosure.dates import apply_dates

    disclosure = load_disclosure(file)
    apply_dates(disclosure, approved_on=_date_option(approved_on), published_on=_date_option(published_on))
    report = check_disclosure(disclosure, catalogue=load_catalogue(disclosure.year, catalogue_dir=catalogue_dir))
    console = out_console()
    for finding in report.findings:
        where = f"（{finding.source.describe()}）" if finding.source else ""
        console.print(f"{finding.code} {finding.severity.label} {finding.message}{where}", markup=False)
    console.print(f"共核对 {sum(report.evaluated.values())} 项，未通过 {report.failed_total} 项", markup=False)
    if any(f.severity.value == "error" for f in report.findings):
        raise typer.Exit(ExitCode.PROBLEMS)


@catalogue_app.command("load")
@handles_errors
def catalogue_load_command(
    year: Annotated[int, typer.Argument(help="年度，如 2026。")],
    csv_file: Annotated[Path, typer.Argument(help="CSV：code,name,parent,level,source", exists=True, dir_okay=False)],
    kind: Annotated[str, typer.Option("--kind", help="function（功能分类）或 dept_econ（部门经济分类）。")] = "function",
    catalogue_dir: Annotated[Path | None, typer.Option("--catalogue-dir", help="安装到此文件夹（默认用户数据目录）。")] = None,
) -> None:
    """校验并安装某年度的科目目录 CSV。"""
    from jixiao.disclosure.catalogue import install_catalogue

    target = install_catalogue(year, csv_file, kind=kind, catalogue_dir=catalogue_dir)
    out_console().print(f"已安装 {year} 年{'功能分类' if kind == 'function' else '部门经济分类'}目录：{target}", markup=False)


disclosure_app.add_typer(catalogue_app, name="catalogue")


def register(app: typer.Typer) -> None:
    app.add_typer(disclosure_app, name="disclosure")
