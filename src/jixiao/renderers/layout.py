"""The official layouts as a format-neutral page model: headings, paragraphs and tables.

Every renderer (xlsx, docx, html, pdf) draws the same :class:`FormLayout`, so a layout is
described once per family and looks alike in every format:

* ``gd-county``: 广东 县级 部门整体预算绩效目标表 and 项目支出绩效目标表 (seed 000);
* ``gd-city``: the city variant, whose department form adds 按预算级次划分 (seed 001);
* ``hebei``: 河北 部门整体绩效目标 (narrative parts 一、二、三) and the project table with 项目编码,
  预算规模及资金用途, 资金支出计划 and 绩效指标描述/指标值确定依据 columns (seeds 003, 004).

A table is a grid of :class:`TCell` rows with explicit column and row spans; ``head`` rows
are repeated at the top of each printed page (thead in HTML, "重复标题行" in Word). The
indicator tree is written with the 一级 and 二级 labels merged over the rows they cover.

Values are written as their raw text (what the user wrote) unless ``values="canonical"``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from jixiao.errors import RenderFailed
from jixiao.model import (
    DepartmentBudget,
    DepartmentTargetForm,
    Indicator,
    IndicatorValue,
    KeyTask,
    Money,
    MoneyUnit,
    OrgRef,
    ProjectTargetForm,
)

Family = Literal["gd-county", "gd-city", "hebei"]
ValueMode = Literal["raw", "canonical"]
TargetForm = DepartmentTargetForm | ProjectTargetForm

FAMILIES: tuple[Family, ...] = ("gd-county", "gd-city", "hebei")

#: Default 备注 lines per family and form kind, used when the form carries none.
DEFAULT_REMARKS: dict[tuple[str, str], tuple[str, ...]] = {
    ("gd-county", "department"): (
        "1. 本表的填报主体是县级一级预算单位。",
        "2. 本表在“二上”环节通过系统录入，具体字段信息以系统为准。",
    ),
    ("gd-city", "department"): (
        "1. 本表的填报主体是市级一级预算单位。",
        "2. 本表在“二上”环节通过系统录入，具体字段信息以系统为准。",
    ),
    ("gd-county", "project"): (
        "1. 本表的填报主体是预算单位，主管部门可进行代编。",
        "2. 按照预算安排的资金项目个数，分别填写此表（即一个项目填写一张目标表）。",
        "3. 本表在“一上”或“二上”环节通过系统录入，具体字段信息以系统为准。",
        "4. 本表用于在“一上”和“二上”阶段填报项目支出绩效目标或修订完善已入库项目的绩效目标。",
    ),
    ("gd-city", "project"): (
        "1. 本表的填报主体是预算单位，主管部门可进行代编。",
        "2. 本表在“一上”或“二上”环节通过系统录入，具体字段信息以系统为准。",
        "3. 本表用于在“一上”和“二上”阶段填报项目支出绩效目标或修订完善已入库项目的绩效目标。",
    ),
}


@dataclass(slots=True)
class TCell:
    """One printed cell. ``kind`` drives styling: label, head, text, long, money, number."""

    text: str = ""
    colspan: int = 1
    rowspan: int = 1
    kind: str = "text"
    number: Decimal | int | None = None
    """For money and counts: the value as a number (xlsx writes it as a number)."""


@dataclass(slots=True)
class Table:
    """A grid: ``head`` rows repeat on every page, ``body`` rows follow."""

    widths: list[float]
    body: list[list[TCell]] = field(default_factory=list)
    head: list[list[TCell]] = field(default_factory=list)
    role: str = "block"
    """"block" (the header block of a form) or "indicators"."""
    joined: bool = False
    """Drawn flush under the previous table, as one printed table."""

    @property
    def columns(self) -> int:
        return len(self.widths)


@dataclass(slots=True)
class Para:
    text: str
    style: str = "body"
    """"number" (附件1), "title", "unit" (单位：万元), "subtitle", "heading", "body", "remark"."""
    left: str | None = None
    """For a unit line: text printed on the left (the Hebei unit name)."""
    lead: str | None = None
    """A leading part of ``text`` printed in bold (a 分项 label and title before its content)."""

    @property
    def rest(self) -> str:
        """``text`` after ``lead``."""
        if self.lead and self.text.startswith(self.lead):
            return self.text[len(self.lead):]
        return self.text


Block = Para | Table


@dataclass(slots=True)
class FormLayout:
    family: Family
    kind: str
    title: str
    """The heading, also the table-of-contents entry."""
    blocks: list[Block]
    columns: int
    """The widest table (the sheet width in xlsx)."""
    toc: str = ""
    """The table-of-contents entry of a package (the project or department name)."""
    name: str = ""
    """The project or department name alone (used in file names)."""

    def __post_init__(self) -> None:
        if not self.toc:
            self.toc = self.title


# --- choosing a family --------------------------------------------------------------------


def choose_family(form: TargetForm, template: str | None = None) -> Family:
    """The layout family of ``form``: the ``template`` given, else its layout id, else its fields.

    Raises:
        RenderFailed: ``template`` names no known family.
    """
    if template:
        if template not in FAMILIES:
            raise RenderFailed(f"未知的模板“{template}”：应为 {'、'.join(FAMILIES)} 之一")
        return template  # type: ignore[return-value]
    layout = (form.layout or "").lower()
    if "hebei" in layout or "-hb-" in layout:
        return "hebei"
    if "gd-city" in layout:
        return "gd-city"
    if "gd-county" in layout or "guangdong" in layout:
        return "gd-county"
    if isinstance(form, ProjectTargetForm):
        if form.project_code or form.spending_plan or form.fiscal_funds is not None or form.fund_use:
            return "hebei"
        if any(i.description or i.value_basis for i in form.indicators):
            return "hebei"
        return "gd-county"
    if form.sub_goals or (form.budget is None and not form.indicators):
        return "hebei"
    budget = form.budget
    if budget and (budget.own_level_funds or budget.transfer_funds or budget.own_level_label):
        return "gd-city"
    if "市" in (form.title or "") and "县" not in (form.title or ""):
        return "gd-city"
    return "gd-county"


# --- text helpers -------------------------------------------------------------------------


def money_text(money: Money | None, unit: MoneyUnit, *, with_unit: bool = False) -> str:
    """An amount in the table's unit, written exactly (no float, no exponent)."""
    if money is None:
        return ""
    amount = money.to(unit).amount
    text = format(amount, "f")
    if "." in text and money.unit != unit:
        text = text.rstrip("0").rstrip(".")
    return f"{text}{unit.value}" if with_unit else text


def money_cell(money: Money | None, unit: MoneyUnit, *, with_unit: bool = False, colspan: int = 1) -> TCell:
    text = money_text(money, unit, with_unit=with_unit)
    number = money.to(unit).amount if money is not None and not with_unit else None
    return TCell(text, colspan=colspan, kind="money" if number is not None else "text", number=number)


def int_cell(value: int | None, colspan: int = 1) -> TCell:
    return TCell("" if value is None else str(value), colspan=colspan, kind="number", number=value)


def value_text(value: IndicatorValue | None, mode: ValueMode) -> str:
    if value is None:
        return ""
    if mode == "canonical":
        return value.canonical()
    return value.raw.strip()


def org_text(org: OrgRef | None) -> str:
    if org is None:
        return ""
    if org.raw:
        return org.raw
    if org.code and org.name:
        return f"{org.code}-{org.name}"
    return org.name or org.code or ""


def task_name(task: KeyTask) -> str:
    name = task.name or ""
    if task.label:
        return f"{task.label}：{name}" if name else f"{task.label}："
    return name


def _s(text: str | None) -> str:
    return text or ""


def _unit_of(form: TargetForm, family: Family) -> MoneyUnit:
    if form.money_unit is not None:
        return form.money_unit
    return MoneyUnit.YUAN if family == "hebei" else MoneyUnit.WAN_YUAN


# --- the indicator tree -------------------------------------------------------------------


def indicator_rows(
    indicators: Sequence[Indicator],
    value_columns: Sequence[str],
    *,
    mode: ValueMode,
    lead: int = 0,
    widths: Sequence[int] | None = None,
) -> list[list[TCell]]:
    """Indicator rows with 一级 and 二级 merged over consecutive rows that share them.

    Args:
        indicators: rows in document order.
        value_columns: the model fields after 三级, e.g. ``("period_value", "annual_value")``
            or ``("description", "annual_value", "value_basis")``.
        mode: raw or canonical values.
        lead: blank leading columns already covered by a rowspan cell (the 绩效指标 label).
        widths: column spans of [一级, 二级, 三级, *value_columns]; 1 each by default.
    """
    spans = list(widths or [1] * (3 + len(value_columns)))
    rows: list[list[TCell]] = []
    l1_anchor: TCell | None = None
    l2_anchor: TCell | None = None
    previous: tuple[str, str] | None = None
    for indicator in indicators:
        # Forms made in the web editor may carry only the normalised members.
        l1 = _s(indicator.level1).strip() or (indicator.category.value if indicator.category else "")
        l2 = _s(indicator.level2).strip() or (indicator.subcategory.value if indicator.subcategory else "")
        row: list[TCell] = []
        if l1_anchor is not None and previous is not None and l1 == previous[0] and l1:
            l1_anchor.rowspan += 1
            same_l1 = True
        else:
            l1_anchor = TCell(l1, colspan=spans[0], kind="label")
            row.append(l1_anchor)
            same_l1 = False
        if same_l1 and l2_anchor is not None and previous is not None and l2 == previous[1] and l2:
            l2_anchor.rowspan += 1
        else:
            l2_anchor = TCell(l2, colspan=spans[1], kind="label")
            row.append(l2_anchor)
        row.append(TCell(_s(indicator.name), colspan=spans[2]))
        for offset, column in enumerate(value_columns, start=3):
            content = getattr(indicator, column)
            is_value = column.endswith("_value")
            text = value_text(content, mode) if is_value else _s(content)
            row.append(TCell(text, colspan=spans[offset], kind="value" if is_value else "text"))
        previous = (l1, l2)
        rows.append(row)
    return rows


# --- Guangdong ----------------------------------------------------------------------------


def _gd_title(form: TargetForm, family: Family, default: str) -> str:
    if form.title:
        if form.budget_year and str(form.budget_year) not in form.title:
            # The year is printed only in the title; without it the budget year would be lost.
            return f"{form.budget_year}年{form.title}"
        return form.title
    year = f"{form.budget_year}年" if form.budget_year else ""
    level = "市级" if family == "gd-city" else "县级"
    return f"{year}{level}{default}"


def _lead_blocks(form: TargetForm, title: str, unit: MoneyUnit) -> list[Block]:
    blocks: list[Block] = []
    if form.number:
        number = form.number if form.number.startswith("附件") else f"附件{form.number}"
        blocks.append(Para(number, "number"))
    blocks.append(Para(title, "title"))
    blocks.append(Para(f"单位：{unit.value}", "unit"))
    return blocks


def _remarks(form: TargetForm, family: Family) -> list[Block]:
    lines = list(form.remarks) or list(DEFAULT_REMARKS.get((family, form.kind.value), ()))
    if not lines:
        return []
    first, *rest = lines
    if not first.startswith("备注"):
        first = f"备注：{first}"
    return [Para(first, "remark"), *(Para(line, "remark") for line in rest)]


def _indicator_table(
    form: TargetForm, header: list[str], value_columns: Sequence[str], mode: ValueMode, widths: list[float]
) -> Table:
    rows = indicator_rows(form.indicators, value_columns, mode=mode)
    body: list[list[TCell]] = []
    for index, row in enumerate(rows):
        body.append(([TCell("", rowspan=len(rows), kind="label-cont")] if index == 0 else []) + row)
    head = [[TCell("绩效指标", kind="label-head"), *(TCell(text, kind="head") for text in header)]]
    if not rows:
        body = [[TCell("", kind="label-cont"), *(TCell("") for _ in header)]]
    return Table(widths=widths, head=head, body=body, role="indicators", joined=True)


def department_gd(form: DepartmentTargetForm, family: Family, mode: ValueMode) -> FormLayout:
    unit = _unit_of(form, family)
    u = f"（{unit.value}）"
    title = _gd_title(form, family, "部门整体预算绩效目标表")
    # Task rows need wide content columns, indicator rows a wide 三级 column: the two tables
    # of the department form keep their own grids (as on the printed form).
    widths = [12, 17, 31, 14, 26]
    budget = form.budget
    b = budget or _EMPTY_BUDGET
    city = family == "gd-city"
    body: list[list[TCell]] = [
        [TCell("部门名称", kind="label"), TCell(_s(form.department_name), colspan=4)],
        [TCell("基本信息", kind="label"), TCell("财政供养人员数", kind="label"), int_cell(form.funded_headcount),
         TCell("下属二级单位数", kind="label"), int_cell(form.subordinate_units)],
        [TCell("预算整体情况", rowspan=6, kind="label"), TCell("部门预算支出", kind="label"),
         TCell(f"预算金额{u}", kind="label"), TCell("收入来源", kind="label"), TCell(f"预算金额{u}", kind="label")],
        [TCell("基本支出", kind="label"), money_cell(b.basic_expenditure, unit),
         TCell("财政拨款", kind="label"), money_cell(b.fiscal_appropriation, unit)],
        [TCell("项目支出", kind="label"), money_cell(b.project_expenditure, unit),
         TCell("其他资金", kind="label"), money_cell(b.other_funds, unit)],
        [TCell("事业发展性支出", kind="label"), TCell(f"预算金额{u}", kind="label"),
         TCell("按预算级次划分" if city else "", kind="label"), TCell(f"预算金额{u}" if city else "", kind="label")],
        [TCell("财政专项资金", kind="label"), money_cell(b.special_funds, unit),
         TCell((b.own_level_label or "市本级使用资金") if city else "", kind="label"),
         money_cell(b.own_level_funds, unit) if city else TCell("")],
        [TCell("其他事业发展性支出", kind="label"), money_cell(b.other_development_expenditure, unit),
         TCell("拟用于对下转移支付资金" if city else "", kind="label"),
         money_cell(b.transfer_funds, unit) if city else TCell("")],
        [TCell("总体绩效目标", kind="label"), TCell(_s(form.overall_goal), colspan=4, kind="long")],
    ]
    body += _task_rows("年度重点工作任务", form.key_tasks, unit, header=True)
    body += _task_rows("其他需完成的任务（可选填）", form.other_tasks, unit, header=False)
    indicators = _indicator_table(
        form, ["一级指标", "二级指标", "三级指标", "指标值"], ("annual_value",), mode, [12, 17, 19, 30, 22]
    )
    blocks = [*_lead_blocks(form, title, unit), Table(widths=widths, body=body), indicators, *_remarks(form, family)]
    return FormLayout(family=family, kind="department", title=title, blocks=blocks, columns=5,
                      toc=_toc(form.department_name, "部门整体绩效目标表", title), name=form.department_name or "")


_EMPTY_BUDGET = DepartmentBudget()


def _task_rows(label: str, tasks: Sequence[KeyTask], unit: MoneyUnit, *, header: bool) -> list[list[TCell]]:
    rows: list[list[TCell]] = []
    if header:
        rows.append([TCell("名称", kind="label"), TCell("主要实施内容", kind="label"),
                     TCell(f"拟投入的资金（{unit.value}）", kind="label"), TCell("期望达到的目标（概述）", kind="label")])
    for task in tasks:
        rows.append([TCell(task_name(task)), TCell(_s(task.content), kind="long"), money_cell(task.planned_amount, unit),
                     TCell(_s(task.expected_result), kind="long")])
    if not tasks:
        rows.append([TCell(""), TCell(""), TCell(""), TCell("")])
    rows[0].insert(0, TCell(label, rowspan=len(rows), kind="label"))
    return rows


def project_gd(form: ProjectTargetForm, family: Family, mode: ValueMode) -> FormLayout:
    unit = _unit_of(form, family)
    title = _gd_title(form, family, "项目支出绩效目标表")
    widths = [12, 14, 18, 24, 16, 16]
    city = family == "gd-city"
    total_label = "总金额" if city else f"总金额（{unit.value}）"
    annual_label = "当年度金额" if city else f"当年度金额（{unit.value}）"
    body: list[list[TCell]] = [
        [TCell("项目名称", kind="label"), TCell(_s(form.project_name), colspan=5)],
        [TCell("项目类型", kind="label"), TCell(_s(form.project_type), colspan=5)],
        [TCell("项目等级", kind="label"), TCell(_s(form.project_level), colspan=5)],
        [TCell("主管部门", kind="label"), TCell(org_text(form.competent_department), colspan=2),
         TCell("用款单位", kind="label"), TCell(org_text(form.spending_unit), colspan=2)],
        [TCell("实施期限", kind="label"), TCell("起始年度", kind="label"), int_cell(form.start_year),
         TCell("到期年度", kind="label"), int_cell(form.end_year, colspan=2)],
        [TCell("预算金额", kind="label"), TCell(total_label, kind="label"),
         money_cell(form.total_amount, unit, with_unit=city),
         TCell(annual_label, kind="label"), money_cell(form.annual_amount, unit, with_unit=city, colspan=2)],
        [TCell("项目概述", kind="label"), TCell(_s(form.overview), colspan=5, kind="long")],
        [TCell("总体绩效目标", rowspan=2, kind="label"),
         TCell("实施周期总目标（跨年度项目需填写）", colspan=3, kind="label"), TCell("当年度目标", colspan=2, kind="label")],
        [TCell(_s(form.period_goal), colspan=3, kind="long"), TCell(_s(form.annual_goal), colspan=2, kind="long")],
    ]
    indicators = _indicator_table(
        form, ["一级指标", "二级指标", "三级指标", "实施周期指标值", "当年度指标值"],
        ("period_value", "annual_value"), mode, widths,
    )
    blocks = [*_lead_blocks(form, title, unit), Table(widths=widths, body=body), indicators, *_remarks(form, family)]
    return FormLayout(family=family, kind="project", title=title, blocks=blocks, columns=6,
                      toc=_toc(form.project_name, "项目支出绩效目标表", title), name=form.project_name or "")


# --- Hebei --------------------------------------------------------------------------------

_HB_WIDTHS = [13, 13, 17, 13, 13, 14, 17]
_PLAN_LABELS = (("3月底", 3), ("6月底", 6), ("10月底", 10), ("12月底", 12))


def _hebei_title(form: ProjectTargetForm) -> str:
    if form.title and "绩效目标表" in form.title and form.project_name and form.project_name in form.title:
        return form.title
    return f"{_s(form.project_name)}绩效目标表"


def project_hebei(form: ProjectTargetForm, mode: ValueMode) -> FormLayout:
    unit = _unit_of(form, "hebei")
    title = _hebei_title(form)
    heading = f"{form.number}.{title}" if form.number else title
    plan = form.spending_plan
    plan_unit = (plan.header_unit if plan and plan.header_unit else "%")
    points = {p.month: p for p in (plan.points if plan else [])}
    plan_cells = []
    for _label, month in _PLAN_LABELS:
        point = points.get(month)
        plan_cells.append(TCell(point.raw if point else "", colspan=3 if month == 12 else 1))
    body: list[list[TCell]] = [
        [TCell("项目编码", kind="label"), TCell(_s(form.project_code), colspan=2),
         TCell("项目名称", kind="label"), TCell(_s(form.project_name), colspan=3)],
        [TCell("预算规模及资金用途", rowspan=2, kind="label"), TCell("预算数", kind="label"),
         money_cell(form.annual_amount, unit), TCell("其中：财政资金", kind="label"), money_cell(form.fiscal_funds, unit),
         TCell("其他资金", kind="label"), money_cell(form.other_funds, unit)],
        [TCell(_s(form.fund_use), colspan=6, kind="long")],
        [TCell(f"资金支出计划（{plan_unit}）", rowspan=2, kind="label"),
         *(TCell(label, colspan=3 if month == 12 else 1, kind="label") for label, month in _PLAN_LABELS)],
        plan_cells,
        [TCell("绩效目标", kind="label"), TCell(_s(form.annual_goal), colspan=6, kind="long")],
    ]
    header = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]
    spans = [1, 1, 1, 2, 1, 1]
    head = [[TCell(text, colspan=span, kind="head") for text, span in zip(header, spans, strict=True)]]
    rows = indicator_rows(form.indicators, ("description", "annual_value", "value_basis"), mode=mode, widths=spans)
    if not rows:
        rows = [[TCell("", colspan=span) for span in spans]]
    blocks: list[Block] = [
        Para(heading, "title"),
        Para(f"单位：{unit.value}", "unit", left=org_text(form.spending_unit) or None),
        Table(widths=_HB_WIDTHS, body=body),
        Table(widths=_HB_WIDTHS, head=head, body=rows, role="indicators", joined=True),
        *_remarks(form, "hebei"),
    ]
    return FormLayout(family="hebei", kind="project", title=title, blocks=blocks, columns=7,
                      toc=_toc(form.project_name, "项目支出绩效目标表", title), name=form.project_name or "")


_CN_NUMBERS = "一二三四五六七八九十"


def _cn(index: int) -> str:
    if index <= 10:
        return _CN_NUMBERS[index - 1]
    if index < 20:
        return "十" + _CN_NUMBERS[index - 11]
    return str(index)


def _paras(text: str | None, style: str = "body") -> list[Para]:
    return [Para(line, style) for line in (text or "").split("\n") if line.strip()]


def department_hebei(form: DepartmentTargetForm, mode: ValueMode) -> FormLayout:
    """部门整体绩效目标 as printed in Hebei budget documents: three numbered text parts.

    The department name is not part of this text (the document it sits in names it); it shows
    on the package cover. Key tasks and indicators, when a form has them, follow as tables.
    """
    unit = _unit_of(form, "hebei")
    title = form.title or "部门整体绩效目标"
    blocks: list[Block] = [Para(title, "title")]
    section = 0

    def heading(text: str) -> None:
        nonlocal section
        section += 1
        blocks.append(Para(f"{_cn(section)}、{text}", "heading"))

    heading("总体绩效目标")
    blocks.extend(_paras(form.overall_goal))
    heading("分项绩效目标")
    for index, goal in enumerate(form.sub_goals, start=1):
        label = goal.label or f"（{_cn(index)}）"
        lead = head = f"{label}{goal.title}"
        content = (goal.content or "").split("\n")
        if content[0]:
            head = f"{head}。{content[0]}"
        blocks.append(Para(head, "subheading", lead=lead))
        blocks.extend(Para(line) for line in content[1:] if line.strip())
        if goal.goal:
            blocks.append(Para(f"绩效目标：{goal.goal}"))
        names = [f"{_s(i.name)}{value_text(i.annual_value, mode)}" for i in goal.indicators]
        if names:
            blocks.append(Para("绩效指标：" + names[0]))
            blocks.extend(Para(name, "continued") for name in names[1:])
    heading("工作保障措施")
    for measure in form.guarantee_measures:
        blocks.extend(_paras(measure))
    if form.key_tasks or form.other_tasks:
        heading("年度重点工作任务")
        rows = [[TCell("名称", kind="head"), TCell("主要实施内容", kind="head"),
                 TCell(f"拟投入的资金（{unit.value}）", kind="head"), TCell("期望达到的目标（概述）", kind="head")]]
        for task in [*form.key_tasks, *form.other_tasks]:
            rows.append([TCell(task_name(task)), TCell(_s(task.content), kind="long"),
                         money_cell(task.planned_amount, unit), TCell(_s(task.expected_result), kind="long")])
        blocks.append(Table(widths=[20, 35, 15, 30], head=rows[:1], body=rows[1:]))
    if form.indicators:
        heading("绩效指标")
        header = ["一级指标", "二级指标", "三级指标", "指标值"]
        blocks.append(Table(widths=[18, 22, 38, 22], head=[[TCell(h, kind="head") for h in header]],
                            body=indicator_rows(form.indicators, ("annual_value",), mode=mode), role="indicators"))
    blocks.extend(_remarks(form, "hebei"))
    return FormLayout(family="hebei", kind="department", title=title, blocks=blocks, columns=4,
                      toc=_toc(form.department_name, "部门整体绩效目标", title), name=form.department_name or "")


def _toc(name: str | None, what: str, title: str) -> str:
    return f"{name} {what}" if name else title


# --- entry point --------------------------------------------------------------------------


def build_layout(form: TargetForm, *, template: str | None = None, values: ValueMode = "raw") -> FormLayout:
    """The printed page model of ``form`` in its family (or in ``template``).

    Raises:
        RenderFailed: unknown template or value mode.
    """
    if values not in ("raw", "canonical"):
        raise RenderFailed(f"未知的指标值写法“{values}”：应为 raw（按原文）或 canonical（规范写法）")
    family = choose_family(form, template)
    if isinstance(form, ProjectTargetForm):
        if family == "hebei":
            return project_hebei(form, values)
        return project_gd(form, family, values)
    if family == "hebei":
        return department_hebei(form, values)
    return department_gd(form, family, values)
