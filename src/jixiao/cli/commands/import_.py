"""``jixiao import``: read documents into the model and write them as JSON.

The JSON is an :class:`~jixiao.model.ImportBatch` (``schema_version``, ``documents``); see
docs/json-format.md. The summary and the problems go to stderr, so stdout stays pure JSON.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from jixiao.cli.commands._common import (
    ExitCode,
    err_console,
    fail,
    handles_errors,
    import_paths,
    print_report,
)
from jixiao.model import ImportBatch


def dump_batch(batch: ImportBatch) -> str:
    """The JSON text of a batch: UTF-8 (Chinese unescaped), indented, ending in a newline."""
    return batch.model_dump_json(indent=2) + "\n"


def write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path``, turning an OS error into a clear message (exit 2)."""
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise fail(f"无法写入 {path}：{exc.strerror or exc}") from None


@handles_errors
def import_command(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="要导入的文件或目录（目录中的 .txt .docx .xlsx .pdf 文件都会导入）。"
            "Files or directories to import.",
            show_default=False,
            metavar="FILE_OR_DIR",
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="把 JSON 写入此文件，而不是标准输出。Write the JSON to this file instead of stdout.",
            dir_okay=False,
        ),
    ] = None,
    progress: Annotated[
        bool | None,
        typer.Option(
            "--progress/--no-progress",
            help="显示进度条（默认：导入目录或多个文件时显示）。Show a progress bar.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """导入绩效目标表，输出 JSON。Import target forms and write them as JSON.

    退出码 Exit codes: 0 成功；1 有错误级别的导入问题，或部分文件无法导入；
    2 所有输入都无法使用、文件不存在或用法错误。
    """
    run = import_paths(paths, progress=progress)
    text = dump_batch(run.batch)
    if output is None:
        typer.echo(text, nl=False)
    else:
        write_text(output, text)
    console = err_console()
    print_report(run, console)
    if output is not None:
        console.print(f"JSON 已写入 {output}")
    code = run.exit_code()
    if code != ExitCode.OK:
        raise typer.Exit(code=int(code))


def register(app: typer.Typer) -> None:
    app.command("import")(import_command)
