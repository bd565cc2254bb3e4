"""``jixiao check``: review documents like a linter.

Reads documents through the importers (or a jixiao JSON export), runs the rule catalogue and
prints the findings as text, JSON, HTML or SARIF. Exit codes: 0 nothing at or above
``--fail-on``; 1 findings at or above it; 2 unusable input or configuration.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError

from jixiao.cli.commands._common import ExitCode, fail, handles_errors, import_paths
from jixiao.model import ImportBatch, ImportedDocument
from jixiao.review.config import ConfigError, ReviewConfig, load_config
from jixiao.review.engine import review
from jixiao.review.finding import Severity
from jixiao.review.fixes import apply_fixes
from jixiao.review.formats import render_html, render_json, render_sarif, render_text


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    html = "html"
    sarif = "sarif"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


def _split(values: list[str] | None) -> list[str]:
    out: list[str] = []
    for value in values or []:
        out.extend(v.strip() for v in value.split(",") if v.strip())
    return out


def _read_json(path: Path) -> ImportBatch:
    try:
        return ImportBatch.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValidationError, ValueError) as exc:
        raise fail(f"{path} 不是有效的 jixiao JSON 导出文件：{str(exc).splitlines()[0]}") from None


def load_documents(paths: list[Path]) -> tuple[list[ImportedDocument], list[Path], bool]:
    """Documents from every path (JSON exports read as they are); ``(docs, json_paths, all_ok)``."""
    documents: list[ImportedDocument] = []
    json_paths: list[Path] = []
    others: list[Path] = []
    for path in paths:
        if path.suffix.lower() == ".json" and path.is_file():
            json_paths.append(path)
            documents.extend(_read_json(path).documents)
        else:
            others.append(path)
    ok = True
    if others:
        run = import_paths(others, progress=False)
        for document, usable in zip(run.documents, run.usable, strict=True):
            if usable:
                documents.append(document)
            else:
                ok = False
                problem = document.problems[0].message if document.problems else "无法导入"
                fail(f"{document.file}：{problem}")
    return documents, json_paths, ok


def build_config(config: Path | None, select: list[str], ignore: list[str],
                 fail_on: FailOn | None) -> ReviewConfig:
    path = config
    if path is None and Path("jixiao.toml").is_file():
        path = Path("jixiao.toml")
    try:
        cfg = load_config(path)
    except ConfigError as exc:
        raise fail(str(exc)) from None
    if select:
        cfg.select = select
    if ignore:
        cfg.ignore = [*cfg.ignore, *ignore]
    if fail_on is not None:
        cfg.fail_on = Severity(fail_on.value)
    return cfg


@handles_errors
def check_command(
    paths: Annotated[list[Path], typer.Argument(
        help="要审核的文件或目录，也可以是 jixiao 导出的 JSON。Files, directories or jixiao JSON exports.",
        show_default=False, metavar="FILE...")],
    output_format: Annotated[OutputFormat, typer.Option(
        "--format", "-f", help="输出格式 Output format: text, json, html or sarif.")] = OutputFormat.text,
    select: Annotated[list[str] | None, typer.Option(
        "--select", help="只运行这些规则（编号、名称或分组，可用通配符，逗号分隔）。Rules to run (codes, names, groups, globs).")] = None,
    ignore: Annotated[list[str] | None, typer.Option(
        "--ignore", help="不运行这些规则。Rules to skip.")] = None,
    fail_on: Annotated[FailOn | None, typer.Option(
        "--fail-on", help="达到此严重程度即以退出码1结束（默认 error）。Exit 1 when a finding reaches this severity.")] = None,
    fix: Annotated[bool, typer.Option(
        "--fix", help="应用安全的自动修正：JSON 输入就地改写，其他输入需 --fix-output。Apply safe fixes.")] = False,
    fix_output: Annotated[Path | None, typer.Option(
        "--fix-output", help="把修正后的 JSON 写到此文件。Write the corrected JSON here.", dir_okay=False)] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="把报告写入此文件而不是标准输出。Write the report to this file.", dir_okay=False)] = None,
    config: Annotated[Path | None, typer.Option(
        "--config", help="配置文件（默认当前目录下的 jixiao.toml）。Configuration file.", dir_okay=False)] = None,
) -> None:
    """审核绩效目标表，像代码检查工具一样列出问题。Review target forms like a linter."""
    cfg = build_config(config, _split(select), _split(ignore), fail_on)
    if config is not None and not config.is_file():
        raise fail(f"找不到配置文件 {config}")
    documents, json_paths, all_ok = load_documents(paths)
    if not documents:
        raise fail("没有可审核的文档")
    report = review(documents, cfg)
    if fix:
        batch = ImportBatch(documents=documents)
        fixed = apply_fixes(batch, report)
        applied = sum(1 for f in report.findings if f.fix is not None)
        text = fixed.model_dump_json(indent=2) + "\n"
        if fix_output is not None:
            fix_output.write_text(text, encoding="utf-8")
        elif len(json_paths) == 1 and len(paths) == 1:
            json_paths[0].write_text(text, encoding="utf-8")
        else:
            raise fail("--fix 需要单个 JSON 输入，或用 --fix-output 指定输出文件")
        typer.echo(f"已应用 {applied} 处自动修正。", err=True)
        documents = list(fixed.documents)
        report = review(documents, cfg)
    if output_format == OutputFormat.json:
        text = render_json(report)
    elif output_format == OutputFormat.html:
        text = render_html(report, documents)
    elif output_format == OutputFormat.sarif:
        text = render_sarif(report)
    else:
        text = render_text(report)
    if output is not None:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise fail(f"无法写入 {output}：{exc.strerror or exc}") from None
    else:
        typer.echo(text, nl=False)
    if not all_ok:
        raise typer.Exit(int(ExitCode.UNUSABLE))
    raise typer.Exit(int(ExitCode.OK if report.passed else ExitCode.PROBLEMS))


def register(app: typer.Typer) -> None:
    """Add ``check`` to the application."""
    app.command("check")(check_command)
