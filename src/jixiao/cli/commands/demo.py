"""``jixiao demo``: import the bundled fictional samples and show them.

This is what ``bash scripts/run.sh`` runs until the web system exists. The samples are our
own fictional documents in ``samples/`` at the repository root. Problems found in them are
shown (some samples carry mistakes on purpose) but do not fail the demo; only a missing
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
) -> None:
    """导入并展示自带的示例文件。Import and show the bundled sample documents."""
    directory = samples or default_samples_dir()
    if not directory.is_dir():
        raise fail(f"找不到示例目录 {directory}：请在 jixiao 仓库中运行，或用 --samples 指定目录")
    console = out_console()
    console.print(Rule(f"jixiao 示例：导入 {directory}"))
    run = import_paths([directory], progress=False)
    print_documents(run.documents, console)
    print_report(run, err_console())
    if run.exit_code() == ExitCode.UNUSABLE:
        raise typer.Exit(code=int(ExitCode.UNUSABLE))


def register(app: typer.Typer) -> None:
    app.command("demo")(demo_command)
