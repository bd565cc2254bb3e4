"""``jixiao render``: forms in the official layouts, department packages and open data.

Inputs are source documents (imported first) or jixiao JSON exports. The rendering itself is
:func:`jixiao.renderers.render_form` / :func:`jixiao.renderers.render_package`; this module
only chooses file names and prints what was written.

What is written::

    --to xlsx|docx|pdf|html          one form  → OUT (default <input>.<fmt>)
                                     several   → one file per form in the directory OUT
    --to … --package                 one document with contents and page numbers (xlsx: a sheet
                                     per form) → OUT (default <input>-汇编.<fmt>)
    --to zip                         the single forms in each of --formats, plus the CSVs
    --to csv                         <stem>-forms.csv and <stem>-indicators.csv (UTF-8 with BOM)
    --to json                        the ImportBatch export
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from jixiao.cli.commands._common import (
    ExitCode,
    ImportRun,
    err_console,
    fail,
    handles_errors,
    import_paths,
    out_console,
    print_report,
)
from jixiao.model import ImportedDocument
from jixiao.renderers import FORM_FORMATS, render_form, render_package
from jixiao.renderers.layout import FAMILIES, build_layout
from jixiao.renderers.opendata import render_batch_json, render_forms_csv, render_indicators_csv
from jixiao.renderers.package import file_stem, ordered


class Format(StrEnum):
    XLSX = "xlsx"
    DOCX = "docx"
    PDF = "pdf"
    HTML = "html"
    CSV = "csv"
    JSON = "json"
    ZIP = "zip"


class Template(StrEnum):
    GD_COUNTY = "gd-county"
    GD_CITY = "gd-city"
    HEBEI = "hebei"


class Values(StrEnum):
    RAW = "raw"
    CANONICAL = "canonical"


assert tuple(t.value for t in Template) == FAMILIES


def _load(paths: list[Path]) -> tuple[ImportRun, bool]:
    from jixiao.cli.commands.show import load_json_export

    run = ImportRun()
    sources: list[Path] = []
    for path in paths:
        if path.suffix.lower() == ".json" and path.is_file():
            for document in load_json_export(path).documents:
                run.add(document)
        else:
            sources.append(path)
    if sources:
        imported = import_paths(sources)
        for document, usable in zip(imported.documents, imported.usable, strict=True):
            run.add(document, usable=usable)
    return run, bool(sources)


def _write(path: Path, data: bytes, written: list[Path]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    written.append(path)


def _default_single(source: Path, fmt: str) -> Path:
    target = source.with_suffix(f".{fmt}")
    if target.resolve() == source.resolve():
        target = source.with_name(f"{source.stem}-jixiao.{fmt}")
    return target


@handles_errors
def render_command(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="绩效目标表文件，或 jixiao import 导出的 JSON 文件。Source documents or a jixiao JSON export.",
            show_default=False,
            metavar="FILE",
        ),
    ],
    to: Annotated[Format, typer.Option("--to", "-t", help="导出格式。Output format.")] = Format.PDF,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="输出文件（多张表时为目录）。Output file (a directory for several forms).",
                     show_default=False),
    ] = None,
    template: Annotated[
        Template | None,
        typer.Option("--template", help="版式：gd-county（广东县级）、gd-city（广东市级）、hebei（河北）；默认按表的来源版式。",
                     show_default=False),
    ] = None,
    package: Annotated[
        bool, typer.Option("--package", help="汇编为一份文件（封面、目录、页码），部门整体表在前。One package document."),
    ] = False,
    values: Annotated[
        Values, typer.Option("--values", help="指标值写法：raw 按原文，canonical 规范写法（≥98%）。"),
    ] = Values.RAW,
    formats: Annotated[
        str, typer.Option("--formats", help="--to zip 时每张表的格式，逗号分隔。Formats inside the zip."),
    ] = "pdf,docx,xlsx",
) -> None:
    """按官方版式导出绩效目标表、部门汇编和开放数据。Render forms in the official layouts.

    FILE 为原始文件（先导入）或 jixiao 的 JSON 导出。
    """
    run, imported = _load(paths)
    documents: list[ImportedDocument] = run.documents
    forms = [form for document in documents for form in document.forms]
    if imported:
        print_report(run, err_console())
    if not forms:
        raise fail("没有读到任何绩效目标表，未导出")
    first = paths[0]
    tmpl = template.value if template else None
    mode = values.value
    fmt = to.value
    written: list[Path] = []
    if fmt == "json":
        _write(output or first.with_name(f"{first.stem}-jixiao.json"), render_batch_json(documents), written)
    elif fmt == "csv":
        base = output.with_suffix("") if output else first.with_suffix("")
        _write(base.with_name(f"{base.name}-forms.csv"), render_forms_csv(documents), written)
        _write(base.with_name(f"{base.name}-indicators.csv"), render_indicators_csv(documents), written)
    elif fmt == "zip":
        inner = [part.strip().lower() for part in formats.split(",") if part.strip()]
        unknown = [part for part in inner if part not in FORM_FORMATS]
        if unknown:
            raise fail(f"--formats 中有不支持的格式：{'、'.join(unknown)}（应为 {'、'.join(FORM_FORMATS)}）")
        data = render_package(forms, "zip", template=tmpl, values=mode, formats=inner)
        _write(output or first.with_name(f"{first.stem}-绩效目标表.zip"), data, written)
    elif package:
        data = render_package(forms, fmt, template=tmpl, values=mode)
        _write(output or first.with_name(f"{first.stem}-汇编.{fmt}"), data, written)
    elif len(forms) == 1:
        _write(output or _default_single(first, fmt), render_form(forms[0], fmt, template=tmpl, values=mode), written)
    else:
        directory = output or first.with_name(f"{first.stem}-{fmt}")
        if directory.exists() and not directory.is_dir():
            raise fail(f"{directory} 不是目录：{len(forms)} 张表需要写到一个目录中（或使用 --package）")
        for index, form in enumerate(ordered(forms), start=1):
            stem = file_stem(index, build_layout(form, template=tmpl, values=mode))
            _write(directory / f"{stem}.{fmt}", render_form(form, fmt, template=tmpl, values=mode), written)
    console = out_console()
    for path in written:
        console.print(f"已写出 {path}", markup=False)
    code = run.exit_code()
    if code != ExitCode.OK:
        raise typer.Exit(code=int(code))


def register(app: typer.Typer) -> None:
    app.command("render")(render_command)
