"""``jixiao show``: a readable tree of the forms in documents or in a jixiao JSON export.

Each form shows its header fields and money, then its indicators as 一级 → 二级 → 三级 with
both values: the raw text exactly as written and what the parser made of it. User text is
always printed as plain text, never as rich markup.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.text import Text
from rich.tree import Tree

from jixiao.cli.commands._common import (
    ExitCode,
    ImportRun,
    err_console,
    fail,
    handles_errors,
    import_paths,
    out_console,
    print_report,
    problem_lines,
)
from jixiao.model import (
    DepartmentTargetForm,
    ImportBatch,
    ImportedDocument,
    Indicator,
    IndicatorValue,
    Money,
    OperatorStyle,
    OrgRef,
    ProjectTargetForm,
    ValueKind,
)

KIND_LABELS = {
    ValueKind.EMPTY: "空",
    ValueKind.QUANTITATIVE: "定量",
    ValueKind.QUALITATIVE: "定性",
    ValueKind.DEADLINE: "期限",
    ValueKind.UNPARSED: "无法解析",
}
STYLE_NOTES = {
    OperatorStyle.WORD: "比较词已规范化",
    OperatorStyle.MALFORMED: "比较符号无效，无法判断是≥还是＞",
    OperatorStyle.APPROXIMATE: "约数，不是比较",
    OperatorStyle.NONE: "未写比较符",
}


def describe_value(value: IndicatorValue | None) -> Text:
    """``“98%以上” → ≥98%（定量，比较词已规范化）``; the arrow only when the spelling changes."""
    if value is None or value.is_empty:
        return Text("（空）", style="dim")
    text = Text()
    text.append(f"“{value.raw.strip()}”")
    parsed = value.canonical()
    notes = [KIND_LABELS[value.kind]]
    if value.kind == ValueKind.QUANTITATIVE:
        if value.operator_style != OperatorStyle.SYMBOL:
            notes.append(STYLE_NOTES[value.operator_style])
        if value.unit_text and value.unit != value.unit_text:
            notes.append(f"单位“{value.unit_text}”→“{value.unit}”")
        if parsed != value.raw.strip():
            text.append(" → ")
            text.append(parsed, style="bold green")
    style = "red" if value.kind == ValueKind.UNPARSED else "dim"
    text.append(f"（{'，'.join(notes)}）", style=style)
    return text


def _money(money: Money | None) -> str | None:
    return None if money is None else f"{money.amount} {money.unit.value}"


def _org(org: OrgRef | None) -> str | None:
    if org is None:
        return None
    return org.raw or "-".join(part for part in (org.code, org.name) if part) or None


def header_fields(form: DepartmentTargetForm | ProjectTargetForm) -> list[tuple[str, str]]:
    """The filled header fields as ``(中文 label, value)``, in the printed order."""
    pairs: list[tuple[str, object]] = [("标题", form.title), ("预算年度", form.budget_year)]
    if isinstance(form, ProjectTargetForm):
        years = None
        if form.start_year or form.end_year:
            years = f"{form.start_year or '?'}–{form.end_year or '?'}"
        pairs += [
            ("项目名称", form.project_name),
            ("项目编码", form.project_code),
            ("项目类型", form.project_type),
            ("项目级次", form.project_level),
            ("主管部门", _org(form.competent_department)),
            ("实施单位", _org(form.spending_unit)),
            ("实施周期", years),
            ("总金额", _money(form.total_amount)),
            ("当年度金额 / 预算数", _money(form.annual_amount)),
            ("其中：财政资金", _money(form.fiscal_funds)),
            ("其他资金", _money(form.other_funds)),
            ("资金用途", form.fund_use),
            ("项目概述", form.overview),
            ("实施周期总目标", form.period_goal),
            ("当年度目标", form.annual_goal),
        ]
        if form.spending_plan and form.spending_plan.points:
            unit = form.spending_plan.header_unit or ""
            plan = "，".join(
                f"{point.label} {point.raw.strip() or f'{point.value}{point.unit or unit}'}"
                for point in form.spending_plan.points
            )
            pairs.append(("资金支出计划", plan))
    else:
        pairs += [
            ("部门名称", form.department_name),
            ("部门编码", form.department_code),
            ("财政供养人员数", form.funded_headcount),
            ("下属二级单位数", form.subordinate_units),
        ]
        budget = form.budget
        if budget is not None:
            pairs += [
                ("基本支出", _money(budget.basic_expenditure)),
                ("项目支出", _money(budget.project_expenditure)),
                ("财政专项资金", _money(budget.special_funds)),
                ("其他事业发展性支出", _money(budget.other_development_expenditure)),
                ("财政拨款", _money(budget.fiscal_appropriation)),
                ("其他资金", _money(budget.other_funds)),
                (budget.own_level_label or "本级使用资金", _money(budget.own_level_funds)),
                ("拟用于对下转移支付资金", _money(budget.transfer_funds)),
            ]
        pairs.append(("总体绩效目标", form.overall_goal))
    pairs.append(("金额单位", form.money_unit.value if form.money_unit else None))
    return [(label, str(value)) for label, value in pairs if value not in (None, "")]


def _indicator_line(indicator: Indicator, *, two_values: bool) -> Text:
    line = Text(indicator.name or "（未填三级指标）", style="bold")
    if indicator.source is not None:
        line.append(f"  [{indicator.source.describe()}]", style="dim")
    if two_values:
        line.append("\n实施周期：")
        line.append_text(describe_value(indicator.period_value))
    line.append("\n当年度：" if two_values else "\n指标值：")
    line.append_text(describe_value(indicator.annual_value))
    for extra in indicator.extra_values:
        line.append("\n多余的单元格：")
        line.append_text(describe_value(extra))
    if indicator.description:
        line.append(f"\n指标描述：{indicator.description}", style="dim")
    if indicator.value_basis:
        line.append(f"\n确定依据：{indicator.value_basis}", style="dim")
    return line


def add_indicator_tree(node: Tree, indicators: list[Indicator]) -> None:
    """一级 → 二级 → 三级 under ``node``, in document order (a label seen again opens a new branch)."""
    two_values = any(indicator.period_value is not None for indicator in indicators)
    level1_node: Tree | None = None
    level2_node: Tree | None = None
    current1: str | None = None
    current2: str | None = None
    for indicator in indicators:
        label1 = indicator.category.value if indicator.category else (indicator.level1 or "（未填一级指标）")
        label2 = (
            indicator.subcategory.value if indicator.subcategory else (indicator.level2 or "（未填二级指标）")
        )
        if level1_node is None or label1 != current1:
            level1_node = node.add(Text(label1, style="bold magenta"))
            current1, current2, level2_node = label1, None, None
        if level2_node is None or label2 != current2:
            level2_node = level1_node.add(Text(label2, style="magenta"))
            current2 = label2
        if indicator.is_placeholder:
            level2_node.add(Text("（无指标）", style="dim"))
        else:
            level2_node.add(_indicator_line(indicator, two_values=two_values))


def form_tree(form: DepartmentTargetForm | ProjectTargetForm) -> Tree:
    """One form: header fields, tasks and sub-goals, indicator tree, remarks."""
    if isinstance(form, ProjectTargetForm):
        title = Text.assemble(("项目支出绩效目标表：", "bold cyan"), (form.display_name, "bold"))
    else:
        title = Text.assemble(("部门整体绩效目标表：", "bold cyan"), (form.display_name, "bold"))
    if form.source is not None:
        title.append(f"  [{form.source.describe()}]", style="dim")
    tree = Tree(title)
    header = tree.add(Text("表头", style="bold"))
    for label, value in header_fields(form):
        header.add(Text.assemble((f"{label}：", "cyan"), value))
    if isinstance(form, DepartmentTargetForm):
        for heading, tasks in (("年度重点工作任务", form.key_tasks), ("其他需完成的任务", form.other_tasks)):
            if not tasks:
                continue
            branch = tree.add(Text(heading, style="bold"))
            for task in tasks:
                label = "：".join(part for part in (task.label, task.name) if part) or "（未命名任务）"
                node = branch.add(Text(label))
                if task.planned_amount is not None:
                    node.add(f"拟投入资金：{_money(task.planned_amount)}")
                if task.content:
                    node.add(Text(f"主要实施内容：{task.content}", style="dim"))
                if task.expected_result:
                    node.add(Text(f"期望达到的目标：{task.expected_result}", style="dim"))
        if form.sub_goals:
            branch = tree.add(Text("分项绩效目标", style="bold"))
            for goal in form.sub_goals:
                title = goal.title
                if goal.label and not title.startswith(goal.label):
                    title = f"{goal.label}{title}"
                node = branch.add(Text(title))
                if goal.content:
                    node.add(Text(f"工作内容：{goal.content}", style="dim"))
                if goal.goal:
                    node.add(Text(f"绩效目标：{goal.goal}", style="dim"))
                for indicator in goal.indicators:
                    line = Text(f"绩效指标：{indicator.name or ''}")
                    if indicator.annual_value is not None and not indicator.annual_value.is_empty:
                        line.append("  ")
                        line.append_text(describe_value(indicator.annual_value))
                    node.add(line)
        if form.guarantee_measures:
            branch = tree.add(Text("工作保障措施", style="bold"))
            for measure in form.guarantee_measures:
                branch.add(Text(measure))
    count = sum(1 for _ in form.iter_indicators())
    indicators = tree.add(Text(f"绩效指标（{count} 个三级指标）", style="bold"))
    add_indicator_tree(indicators, form.indicators)
    if form.remarks:
        branch = tree.add(Text("备注", style="bold"))
        for remark in form.remarks:
            branch.add(Text(remark))
    return tree


def document_tree(document: ImportedDocument) -> Tree:
    """A document: its layout, every form, the parts set aside, and its problems."""
    title = Text.assemble(("文件 ", "bold"), (document.file, "bold underline"))
    title.append(f"  版式 {document.layout}", style="dim")
    if document.encoding:
        title.append(f"  编码 {document.encoding}", style="dim")
    tree = Tree(title)
    if not document.forms:
        tree.add(Text("（没有读出任何绩效目标表）", style="yellow"))
    for form in document.forms:
        tree.add(form_tree(form))
    if document.set_aside:
        branch = tree.add(Text("另行保存的部分（不是绩效目标表）", style="bold"))
        for section in document.set_aside:
            branch.add(Text(f"{section.title}（{section.kind}）"))
    lines = problem_lines([document])
    if lines:
        branch = tree.add(Text(f"导入问题（{len(lines)}）", style="bold red"))
        for line in lines:
            branch.add(line)
    return tree


def print_documents(documents: Iterable[ImportedDocument], console: Console | None = None) -> None:
    console = console or out_console()
    for document in documents:
        console.print(document_tree(document))
        console.print()


def load_json_export(path: Path) -> ImportBatch:
    """Read a jixiao JSON export back.

    Raises:
        typer.Exit: (code 2) the file is not a jixiao export, with the place and reason.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise fail(f"{path}：无法读取 JSON 文件（{exc}）") from None
    try:
        return ImportBatch.model_validate_json(text)
    except ValidationError as exc:
        first = exc.errors()[0]
        place = ".".join(str(part) for part in first["loc"]) or "（根）"
        if first["type"] == "json_invalid":
            try:
                json.loads(text)
            except json.JSONDecodeError as decode_error:
                place = f"第{decode_error.lineno}行第{decode_error.colno}列"
        raise fail(
            f"{path}（{place}）：不是 jixiao 导出的 JSON：{first['msg']}"
            f"（共 {exc.error_count()} 处不符合）"
        ) from None


@handles_errors
def show_command(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="绩效目标表文件、目录，或 jixiao import 导出的 JSON 文件。"
            "Documents, directories or a jixiao JSON export.",
            show_default=False,
            metavar="FILE_OR_DIR",
        ),
    ],
) -> None:
    """以树形显示表头、金额和三级指标。Show forms and indicators as a tree.

    JSON 文件（jixiao import 的输出）直接读取，其他文件先导入。
    """
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
    print_documents(run.documents)
    if sources:
        print_report(run, err_console())
    code = run.exit_code()
    if code != ExitCode.OK:
        raise typer.Exit(code=int(code))


def register(app: typer.Typer) -> None:
    app.command("show")(show_command)
