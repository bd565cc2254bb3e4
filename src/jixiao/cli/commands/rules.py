"""``jixiao rules``: list the rule catalogue; ``jixiao rules explain JX201`` prints a rule's page."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from jixiao.cli.commands._common import fail, out_console
from jixiao.review.docs import rule_page
from jixiao.review.registry import RETIRED, all_rules, get_rule, select_rules

rules_app = typer.Typer(help="审核规则目录。The review rule catalogue.", no_args_is_help=False,
                        invoke_without_command=True)


@rules_app.callback(invoke_without_command=True)
def list_rules(
    ctx: typer.Context,
    select: Annotated[str | None, typer.Option(
        "--select", help="只列出匹配的规则（编号、名称或分组，可用通配符）。Only matching rules.")] = None,
) -> None:
    """列出所有审核规则。List every review rule."""
    if ctx.invoked_subcommand is not None:
        return
    rules = select_rules([p for p in select.split(",")]) if select else list(all_rules())
    table = Table(title=f"审核规则（{len(rules)}）", title_justify="left")
    for column in ("编号", "名称", "严重程度", "维度", "说明"):
        table.add_column(column, overflow="fold")
    for rule in rules:
        table.add_row(rule.code, rule.name, rule.default_severity.value, rule.dimension.value,
                      rule.summary())
    out_console().print(table)


@rules_app.command("explain")
def explain(code: Annotated[str, typer.Argument(help="规则编号或名称，如 JX201。Rule code or name.")]) -> None:
    """显示一条规则的说明（与 docs/rules 中的页面相同）。Print a rule's documentation."""
    rule = get_rule(code)
    if rule is None:
        if code.upper() in RETIRED:
            raise fail(f"规则 {code.upper()} 已停用：{RETIRED[code.upper()]}")
        raise fail(f"没有规则 {code}；用 jixiao rules 查看全部规则")
    typer.echo(rule_page(rule), nl=False)


def register(app: typer.Typer) -> None:
    """Add ``rules`` (with ``rules explain``) to the application."""
    app.add_typer(rules_app, name="rules")
