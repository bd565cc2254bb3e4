"""The ``jixiao`` application: the top-level callback and the registered commands.

Each command lives in its own module under :mod:`jixiao.cli.commands` and registers itself
through ``register(app)``. Known errors (:class:`~jixiao.errors.JixiaoError`) never show a
traceback: each command handles them (:func:`~jixiao.cli.commands._common.handles_errors`),
and :class:`JixiaoTyper` is the safety net for the console script.
"""

from __future__ import annotations

import importlib
from typing import Annotated

import typer

from jixiao import __version__
from jixiao.cli.commands._common import ExitCode, fail
from jixiao.errors import JixiaoError

#: Command modules under jixiao.cli.commands, registered in this order.
COMMAND_MODULES: tuple[str, ...] = (
    "import_",
    "show",
    "review",
    "rules",
    "render",
    "disclosure",
    "schema",
    "demo",
)


class JixiaoTyper(typer.Typer):
    """A Typer app whose direct call (the console script) turns JixiaoError into exit code 2."""

    def __call__(self, *args: object, **kwargs: object) -> object:
        try:
            return super().__call__(*args, **kwargs)
        except JixiaoError as exc:
            raise SystemExit(fail(str(exc), ExitCode.UNUSABLE).exit_code) from None


app = JixiaoTyper(
    name="jixiao",
    pretty_exceptions_show_locals=False,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"jixiao {__version__}")
        raise typer.Exit()


@app.callback()
def callback(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            help="显示版本并退出。Show the version and exit.",
            callback=_version,
            is_eager=True,
        ),
    ] = False,
) -> None:
    """jixiao 绩效：预算绩效目标管理。导入、显示和导出部门整体及项目支出绩效目标表。

    jixiao: budget performance target management. Import, show and export department and project performance target forms.

    退出码 Exit codes: 0 成功 OK；1 发现问题 problems found；2 输入无法使用或用法错误 unusable input.
    """


def register_commands(target: typer.Typer, modules: tuple[str, ...] = COMMAND_MODULES) -> None:
    """Register every command module on ``target``."""
    for name in modules:
        importlib.import_module(f"jixiao.cli.commands.{name}").register(target)


register_commands(app)


def main() -> None:
    """Run the app (``python -m jixiao``)."""
    app(prog_name="jixiao")
