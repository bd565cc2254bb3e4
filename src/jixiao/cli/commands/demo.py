"""``jixiao demo``: import the bundled fictional samples, show them and review them.

This is what ``bash scripts/run.sh`` runs until the web system exists. The samples are our
own fictional documents in ``samples/`` at the repository root. Import problems and review
findings are shown (some samples carry mistakes on purpose) but do not fail the demo; only a missing
samples directory or samples that cannot be read at all do (exit 2).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.rule import Rule

from jixiao.cli.commands._common import (
    ExitCode,
    err_console,
    fail,
    handles_errors,
    import_paths,
    out_console,
    print_report,
)
from jixiao.cli.commands.show import print_documents

#: ``src/jixiao/cli/commands/demo.py`` → the repository root.
REPO_ROOT = Path(__file__).resolve().parents[4]


def default_samples_dir() -> Path:
    """``samples/`` of the checkout, else ``./samples``."""
    bundled = REPO_ROOT / "samples"
    return bundled if bundled.is_dir() else Path.cwd() / "samples"


@handles_errors
def demo_command(
    samples: Annotated[
        Path | None,
        typer.Option(
            "--samples",
            help="示例文件所在目录（默认为仓库中的 samples/）。Directory of sample documents.",
            file_okay=False,
        ),
    ] = None,
    with_review: Annotated[
        bool,
        typer.Option(
            "--review/--no-review",
            help="导入后按默认规则审核（同 jixiao check）。Review the samples after importing them.",
        ),
    ] = True,
) -> None:
    """导入、展示并审核自带的示例文件。Import, show and review the bundled sample documents."""
    directory = samples or default_samples_dir()
    if not directory.is_dir():
        raise fail(f"找不到示例目录 {directory}：请在 jixiao 仓库中运行，或用 --samples 指定目录")
    console = out_console()
    console.print(Rule(f"jixiao 示例：导入 {directory}"))
    run = import_paths([directory], progress=False)
    print_documents(run.documents, console)
    print_report(run, err_console())
    if with_review and any(document.forms for document in run.documents):
        from jixiao.review.engine import review
        from jixiao.review.formats import render_text

        console.print(Rule("审核结果（jixiao check，默认规则）"))
        typer.echo(render_text(review(run.documents)).rstrip("\n"))
    if run.exit_code() == ExitCode.UNUSABLE:
        raise typer.Exit(code=int(ExitCode.UNUSABLE))


def register(app: typer.Typer) -> None:
    app.command("demo")(demo_command)
