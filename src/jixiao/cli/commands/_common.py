"""What the CLI commands share: consoles, exit codes, importing many files, the summary.

The logic lives in the core (:mod:`jixiao.importers.registry`); this module only turns its
results and errors into rich output and exit codes. Nothing here raises for a known
problem: a :class:`~jixiao.errors.JixiaoError` becomes a message and an exit code.

Exit codes (the same for every command)::

    0  OK           everything read (warnings and infos may be listed)
    1  PROBLEMS     import problems of error severity, or some files unusable among several
    2  UNUSABLE     every input unusable, a missing file, or a usage error
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path
from typing import ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from jixiao.errors import ImportFailed, JixiaoError, UnreadableDocument
from jixiao.importers import registry
from jixiao.model import ImportBatch, ImportedDocument, ImportProblem, ProblemSeverity

#: Beyond this many files a progress bar is shown even without a directory argument.
PROGRESS_THRESHOLD = 3

SEVERITY_LABELS = {
    ProblemSeverity.ERROR: "错误",
    ProblemSeverity.WARNING: "警告",
    ProblemSeverity.INFO: "提示",
}
SEVERITY_STYLES = {
    ProblemSeverity.ERROR: "bold red",
    ProblemSeverity.WARNING: "yellow",
    ProblemSeverity.INFO: "cyan",
}


P = ParamSpec("P")
R = TypeVar("R")


class ExitCode(IntEnum):
    OK = 0
    PROBLEMS = 1
    UNUSABLE = 2


def err_console() -> Console:
    """A console on the current stderr (created per call, so test runners capture it)."""
    return Console(stderr=True, highlight=False, soft_wrap=False)


def out_console() -> Console:
    return Console(highlight=False, soft_wrap=False)


def fail(message: str, code: ExitCode = ExitCode.UNUSABLE) -> typer.Exit:
    """Print ``message`` on stderr and return the Exit to raise: ``raise fail("…")``."""
    console = err_console()
    console.print(Text("错误：", style="bold red") + Text(message))
    return typer.Exit(code=int(code))


def handles_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Decorate a command so that a JixiaoError becomes a message and exit code 2."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except JixiaoError as exc:
            raise fail(str(exc)) from None

    return wrapper


@dataclass
class ImportRun:
    """The documents of one run, in the order given, and which of them were unusable."""

    documents: list[ImportedDocument] = field(default_factory=list)
    usable: list[bool] = field(default_factory=list)

    @property
    def unusable(self) -> list[str]:
        """Names of the files that could not be imported at all."""
        return [doc.file for doc, ok in zip(self.documents, self.usable, strict=True) if not ok]

    def add(self, document: ImportedDocument, *, usable: bool = True) -> None:
        self.documents.append(document)
        self.usable.append(usable)

    @property
    def batch(self) -> ImportBatch:
        return ImportBatch(documents=self.documents)

    def exit_code(self) -> ExitCode:
        """0, 1 or 2 as the module docstring says."""
        if self.documents and len(self.unusable) == len(self.documents):
            return ExitCode.UNUSABLE
        if self.unusable or any(not document.ok for document in self.documents):
            return ExitCode.PROBLEMS
        return ExitCode.OK


def resolve_inputs(paths: Sequence[Path]) -> list[Path]:
    """The files to import: files as named, supported files inside directories.

    Raises:
        typer.Exit: (code 2) a path does not exist, or nothing importable was found.
    """
    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        raise fail("找不到以下文件或目录：" + "、".join(missing))
    files = list(registry.expand_paths(paths))
    if not files:
        suffixes = "、".join(registry.SUPPORTED_SUFFIXES)
        raise fail(f"{'、'.join(map(str, paths))} 中没有可导入的文件（支持的扩展名：{suffixes}）")
    return files


def _import_one(path: Path) -> tuple[ImportedDocument, bool]:
    """One file, never raising for a known problem: ``(document, usable)``."""
    try:
        return registry.import_file(path), True
    except ImportFailed as exc:
        return registry.failed_document(path, exc), False
    except (ModuleNotFoundError, ImportError) as exc:
        # An importer module named in the registry is not installed: say which, per file.
        error = UnreadableDocument(path.name, f"导入器模块缺失（{exc.name or exc}），请重新安装 jixiao")
        return registry.failed_document(path, error), False
    except Exception as exc:  # a bug in one importer must not stop the other files
        return crashed_document(path, exc), False


def crashed_document(path: Path, exc: Exception) -> ImportedDocument:
    """The failed document of a file whose importer raised an unexpected exception.

    Like a review rule that raises (JX900), the crash is reported as a problem of that file
    (code ``importer-crashed``) naming the exception, and the run goes on.
    """
    message = (
        f"{path.name}：导入器内部错误，文件未能导入（{type(exc).__name__}: {exc}）。"
        "这是 jixiao 的缺陷，请连同该文件一起报告"
    )
    return ImportedDocument(
        file=path.name,
        layout="unrecognised",
        problems=[ImportProblem(severity=ProblemSeverity.ERROR, code="importer-crashed", message=message)],
    )


def import_paths(paths: Sequence[Path], *, progress: bool | None = None) -> ImportRun:
    """Import every file under ``paths``; a file that fails does not stop the others.

    Args:
        paths: files and directories as the user gave them.
        progress: show a progress bar on stderr; by default when a directory or more than
            :data:`PROGRESS_THRESHOLD` files are given.

    Raises:
        typer.Exit: (code 2) missing paths or nothing to import, see :func:`resolve_inputs`.
    """
    files = resolve_inputs(paths)
    if progress is None:
        progress = any(path.is_dir() for path in paths) or len(files) > PROGRESS_THRESHOLD
    run = ImportRun()
    for document, usable in _iterate(files, progress=progress):
        run.add(document, usable=usable)
    return run


def _iterate(files: list[Path], *, progress: bool) -> Iterable[tuple[ImportedDocument, bool]]:
    if not progress:
        for path in files:
            yield _import_one(path)
        return
    bar = Progress(
        TextColumn("[bold]导入[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=err_console(),
        transient=True,
    )
    with bar:
        task = bar.add_task("", total=len(files))
        for path in files:
            bar.update(task, description=path.name)
            yield _import_one(path)
            bar.advance(task)


def count_indicators(document: ImportedDocument) -> int:
    """三级 indicators with a name or a value, over every form (placeholder rows excluded)."""
    return sum(sum(1 for _ in form.iter_indicators()) for form in document.forms)


def problem_counts(document: ImportedDocument) -> str:
    counts = {severity: 0 for severity in ProblemSeverity}
    for problem in document.problems:
        counts[problem.severity] += 1
    parts = [f"{counts[s]} {SEVERITY_LABELS[s]}" for s in ProblemSeverity if counts[s]]
    return "，".join(parts) if parts else "无"


def summary_table(run: ImportRun) -> Table:
    """文件 / 版式 / 表数 / 指标数 / 问题, one row per document."""
    table = Table(title="导入结果", title_justify="left", show_lines=False)
    table.add_column("文件", overflow="fold")
    table.add_column("版式 layout", overflow="fold")
    table.add_column("表数", justify="right")
    table.add_column("指标数", justify="right")
    table.add_column("问题", overflow="fold")
    for document, usable in zip(run.documents, run.usable, strict=True):
        unusable = not usable
        style = "red" if unusable or not document.ok else None
        table.add_row(
            Text(document.file),
            Text("无法导入" if unusable else document.layout, style="red" if unusable else ""),
            str(len(document.forms)),
            str(count_indicators(document)),
            Text(problem_counts(document), style=style or ""),
        )
    return table


def problem_lines(documents: Iterable[ImportedDocument]) -> list[Text]:
    """Every problem as one line: severity, code, place (when known), message.

    The message itself names the file (ImportProblem convention); the recorded place is
    put in front unless the message already starts with it.
    """
    lines: list[Text] = []
    for document in documents:
        for problem in document.problems:
            line = Text.assemble(
                (f"[{SEVERITY_LABELS[problem.severity]}] ", SEVERITY_STYLES[problem.severity]),
                (problem.code, "dim"),
                " ",
            )
            place = problem.source.describe() if problem.source is not None else None
            if place and not problem.message.startswith(place):
                line.append(place, style="bold")
                line.append("：")
            line.append(problem.message)
            if problem.text:
                line.append(f"（原文：{problem.text}）", style="dim")
            lines.append(line)
    return lines


def print_report(run: ImportRun, console: Console | None = None) -> None:
    """The summary table and the problem list, on stderr."""
    console = console or err_console()
    console.print(summary_table(run))
    lines = problem_lines(run.documents)
    if lines:
        console.print(Text(f"问题（{len(lines)}）：", style="bold"))
        for line in lines:
            console.print(line)
    forms = sum(len(document.forms) for document in run.documents)
    console.print(
        Text(
            f"共 {len(run.documents)} 个文件，{forms} 张表，"
            f"{len(run.unusable)} 个文件无法导入。"
        )
    )
