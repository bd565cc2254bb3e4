"""The Hebei layout family: 部门整体绩效目标 text and 项目支出绩效目标表 tables as grids.

Seeds 003 (district, 万元) and 004 (county, 元) show the family. A document holds a department
part (一、总体绩效目标 narrative; 二、分项绩效目标 work areas, each with 绩效目标 text and a
绩效指标 list; 三、工作保障措施) followed by one project table per project::

    N.<项目名称>绩效目标表
    <单位编码><单位名称> | 单位：元
    项目编码 | 51082325P00612300014B | 项目名称 | <name>
    预算规模及资金用途 | 预算数 | 235000.00 | 其中：财政资金 | 235000.00 | 其他资金 | (blank)
    (blank)            | <资金用途>
    资金支出计划（%）  | 3月底 | 6月底 | 10月底 | 12月底
    (blank)            | 25%   | 50%   | 75%    | 100%
    绩效目标           | <text>
    一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值 | 指标值确定依据
    产出指标 | 数量指标 | …        | …            | ≥80%   | …
    (blank)  | 质量指标 | …

Every row is read by its labels, never by fixed positions, except the indicator rows, whose
columns are taken from the header row (一级指标 … 指标值确定依据) as the grid convention puts merged
cells at their first position. So one builder serves the one-cell-per-line text of seed 004, the
rows rebuilt from PDF text of seed 003, and Word, Excel or PDF tables alike. Text-only quirks
(``[bookmark: …]`` markers, spaces inside labels such as "其中：财政    资金") are tolerated,
never required.

Where the department part's headings and contents disagree (seed 003 prints the management
measures under 分项绩效目标 and the work areas with 绩效目标/绩效指标 under 工作保障措施), the content
decides: an item with 绩效目标 or 绩效指标 becomes a :class:`~jixiao.model.SubGoal`, anything else a
guarantee measure, and an info problem records the mismatch. 绩效指标 written with a value
("…较上年增长≥8%") are split into the indicator name and its 指标值. The tables jixiao's own
export adds after 工作保障措施 (四、年度重点工作任务 with 名称/主要实施内容/拟投入的资金/期望达到的目标,
五、绩效指标 with 一级/二级/三级/指标值) are read as key tasks (其他任务N as other tasks) and indicators.

Page numbers (第 1 页, — 2 —) are furniture and skipped; table rows and sentences outside every
form are reported as ``text-outside-form`` (headings of the surrounding document are not).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from jixiao.importers.base import Detection, Grid, Row, is_page_number
from jixiao.importers.builders._common import BuilderBase, CellItem
from jixiao.model import (
    DepartmentTargetForm,
    ImportedDocument,
    Indicator,
    KeyTask,
    Money,
    MoneyUnit,
    OrgRef,
    ProblemSeverity,
    ProjectTargetForm,
    SourceRef,
    SpendingPlan,
    SpendingPoint,
    SubGoal,
    parse_category,
    parse_money,
    parse_subcategory,
    parse_value,
)

__all__ = [
    "LEVEL1_LABELS",
    "LEVEL2_LABELS",
    "TEMPLATE_YEAR",
    "build",
    "clean_text",
    "label_key",
    "score",
    "split_named_value",
]

#: The edition of the Hebei templates the layout ids name.
TEMPLATE_YEAR = 2025

LEVEL1_LABELS = ("产出指标", "成本指标", "效益指标", "满意度指标")
LEVEL2_LABELS = (
    "数量指标", "质量指标", "时效指标", "成本指标", "经济成本指标", "社会成本指标", "生态环境成本指标",
    "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标",
)

# --- text helpers -----------------------------------------------------------------------------

_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
_SPACES = re.compile(r"\s+")
_CN_NUM = "一二三四五六七八九十"
_TITLE = re.compile(r"^\s*(?:(\d{1,3})\s*[.．、]\s*)?(\S.*绩效目标表)\s*$")
_TOP_HEADING = re.compile(rf"^[{_CN_NUM}]+、")
_SECTION_MARK = rf"(?:[{_CN_NUM}]+、|[（(][{_CN_NUM}]+[)）])?"
_OVERALL = re.compile(rf"^{_SECTION_MARK}总体绩效目标$")
_SUBGOALS = re.compile(rf"^{_SECTION_MARK}分项绩效目标$")
_MEASURES = re.compile(rf"^{_SECTION_MARK}工作保障措施$")
#: Parts a rendered department form may add after 工作保障措施 (always numbered: "四、年度重点工作任务").
_TASKS = re.compile(rf"^[{_CN_NUM}]+、年度重点工作任务$")
_DEPT_INDICATORS = re.compile(rf"^[{_CN_NUM}]+、绩效指标$")
_TASK_LABEL = re.compile(r"^\s*((?:其他)?任务\s*\d+)\s*[:：]\s*(.*?)\s*$", re.DOTALL)
_DEPT_TITLE = re.compile(rf"^(?:第一部分)?{_SECTION_MARK}部门整体(?:预算)?绩效目标(?:表)?$")
_ITEM = re.compile(rf"^\s*[（(]([{_CN_NUM}]+)[)）]\s*(.*)$", re.DOTALL)
_GOAL = re.compile(r"^\s*绩效目标\s*[:：]\s*(.*)$", re.DOTALL)
_INDICATORS = re.compile(r"^\s*绩效指标\s*[:：]\s*(.*)$", re.DOTALL)
_ORG = re.compile(r"^\s*(\d{4,12})\s*[-－—–]?\s*(\S.*?)\s*$")
_UNIT = re.compile(r"单位\s*[:：]\s*(万元|元)")
_MONTH = re.compile(r"^(\d{1,2})\s*月底?$")
_PLAN_VALUE = re.compile(r"^([+-]?\d[\d,，]*(?:\.\d+)?)\s*(%|％|百分比)?$")
_HEADER_UNIT = re.compile(r"[（(]\s*([^（）()]{1,4})\s*[)）]")
_NAMED_VALUE = re.compile(
    r"^(?P<name>.*?[^\s\d.])\s*"
    r"(?P<value>(?:[≥≤>＜<＞=≧≦]|不低于|不少于|不高于|不超过|大于|小于|高于|低于|达到)?\s*\d[\d.,，]*\s*\S{0,12}?)"
    r"\s*[。；;，,.]?\s*$",
    re.DOTALL,
)

HEADER_FIELDS = {
    "一级指标": "level1",
    "二级指标": "level2",
    "三级指标": "name",
    "绩效指标描述": "description",
    "指标描述": "description",
    "指标值": "value",
    "指标值确定依据": "basis",
}


@lru_cache(maxsize=16384)
def clean_text(text: str) -> str:
    """A cell's text without ``[bookmark: …]`` markers and outer whitespace.

    Args:
        text: the cell text as read.

    Returns:
        The text a user sees in the cell.
    """
    if "[bookmark:" in text:
        text = _BOOKMARK.sub("", text)
    return text.strip()


@lru_cache(maxsize=16384)
def label_key(text: str) -> str:
    """The comparable form of a label: no markers, no spaces, no trailing colon.

    ``"其中：财政    资金"`` → ``"其中：财政资金"``; ``"资金支出计划（%）"`` stays as it is.
    """
    return _SPACES.sub("", clean_text(text)).rstrip(":：")


def split_named_value(text: str) -> tuple[str, str | None]:
    """Split a department 绩效指标 line into its name and its 指标值.

    Args:
        text: e.g. ``"重点企业技改投资较上年增长≥8%"`` or ``"培训人数"``.

    Returns:
        ``(name, value)``; value is None when the line carries no number
        (``("培训人数", None)``), and the trailing full stop is dropped from the value.

    Examples:
        >>> split_named_value("农产品抽检合格率 98%")
        ('农产品抽检合格率', '98%')
    """
    text = text.strip()
    match = _NAMED_VALUE.match(text)
    if not match:
        return text, None
    name = match.group("name").strip()
    value = match.group("value").strip()
    if not name or not re.search(r"\d", value):
        return text, None
    return name, value


def _flat(text: str) -> str:
    return _SPACES.sub("", text)


# --- detection --------------------------------------------------------------------------------


def _row_keys(row: Row) -> list[str]:
    return [label_key(cell.text) for cell in row.cells if not cell.blank]


def score(grid: Grid) -> Detection | None:
    """Whether the grid holds Hebei department or project target forms.

    The claim rests on labels only this family prints: the indicator header with 绩效指标描述
    and 指标值确定依据, and 预算规模及资金用途 / 资金支出计划 / 项目编码 in the project table;
    the department part adds 分项绩效目标 and 工作保障措施. Guangdong labels (实施周期指标值,
    项目等级, 用款单位 …) count against it.

    Returns:
        A detection whose layout is ``department-target/hebei-2025`` when the grid holds a
        department part, else ``project-target/hebei-2025``; None without the indicator header
        or the department headings.
    """
    found: set[str] = set()
    foreign: set[str] = set()
    projects = 0
    for row in grid.rows:
        keys = _row_keys(row)
        for key in keys:
            if key in ("绩效指标描述", "指标值确定依据", "预算规模及资金用途", "项目编码"):
                found.add(key)
            elif key.startswith("资金支出计划"):
                found.add("资金支出计划")
            elif _SUBGOALS.match(key):
                found.add("分项绩效目标")
            elif _MEASURES.match(key):
                found.add("工作保障措施")
            elif key in ("实施周期指标值", "当年度指标值", "项目等级", "用款单位", "预算整体情况", "部门名称"):
                foreign.add(key)
        if "项目编码" in keys:
            projects += 1
    header = {"绩效指标描述", "指标值确定依据"} <= found
    department = {"分项绩效目标", "工作保障措施"} & found
    if not header and len(department) < 2:
        return None
    confidence = 0.5 + 0.07 * len(found) - 0.2 * len(foreign)
    confidence = round(min(0.95, confidence), 2)
    if confidence <= 0.3:
        return None
    reasons = ["有河北版式的标签：" + "、".join(sorted(found)), f"项目支出绩效目标表 {projects} 张"]
    if foreign:
        reasons.append("但也有其他版式的标签：" + "、".join(sorted(foreign)))
    kind = "department-target" if department else "project-target"
    return Detection(layout=f"{kind}/hebei-{TEMPLATE_YEAR}", confidence=confidence, reasons=reasons)


# --- building ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _Item(CellItem):
    """A non-blank cell with its cleaned text."""

    @property
    def key(self) -> str:
        return label_key(self.text)


def _items(row: Row) -> list[_Item]:
    return [_Item(text, cell) for cell in row.cells if (text := clean_text(cell.text))]


def _row_text(items: list[_Item]) -> str:
    return "".join(item.text for item in items)


@dataclass(slots=True)
class _Section:
    kind: str  # "department" or "project"
    rows: list[Row] = field(default_factory=list)


def _title_of(items: list[_Item]) -> re.Match[str] | None:
    if len(items) != 1:
        return None
    text = items[0].text
    if len(text) > 150 or "部门整体" in text:
        return None
    return _TITLE.match(text)


class _Builder(BuilderBase["_Item"]):
    """One grid → one ImportedDocument; holds the problems met on the way."""

    def __init__(self, grid: Grid, layout: str) -> None:
        super().__init__(grid, layout, _items)

    # segmentation -------------------------------------------------------------------------

    def sections(self) -> list[_Section]:
        sections: list[_Section] = []
        current: _Section | None = None
        for row in self.grid.rows:
            items = self.items(row)
            if not items:
                continue
            key = _flat(_row_text(items))
            if row.table is None and is_page_number(key):
                continue  # page furniture of PDF and Word exports
            starts_table = any(item.key == "项目编码" for item in items) and (
                current is None or current.kind != "project" or self._has_label(current, "项目编码")
            )
            if _title_of(items) or starts_table:
                current = _Section("project")
                sections.append(current)
            elif _DEPT_TITLE.match(key) or (
                _OVERALL.match(key) and (current is None or current.kind != "department")
            ):
                if current is None or current.kind != "department":
                    current = _Section("department")
                    sections.append(current)
            elif current is not None and current.kind == "department" and (
                key.startswith("第二部分")
                or (_TOP_HEADING.match(key) and not (
                    _OVERALL.match(key) or _SUBGOALS.match(key) or _MEASURES.match(key)
                    or _TASKS.match(key) or _DEPT_INDICATORS.match(key)
                ))
            ):
                current = None
            if current is not None:
                current.rows.append(row)
            elif row.table is not None or not _looks_like_heading(key):
                self.problem(
                    "text-outside-form", "这段文字不属于部门整体绩效目标或项目支出绩效目标表，未导入",
                    row.source, text=" | ".join(item.text for item in items), severity=ProblemSeverity.INFO,
                )
        return sections

    @staticmethod
    def _has_label(section: _Section, label: str) -> bool:
        return any(label_key(cell.text) == label for row in section.rows for cell in row.cells)

    def run(self) -> ImportedDocument:
        forms: list[DepartmentTargetForm | ProjectTargetForm] = []
        for section in self.sections():
            if section.kind == "department":
                forms.append(self.department(section))
            else:
                forms.append(self.project(section))
        projects = [form for form in forms if isinstance(form, ProjectTargetForm)]
        for form in forms:
            if isinstance(form, DepartmentTargetForm) and form.department_name is None and projects:
                unit = next((p for p in projects if p.spending_unit is not None), None)
                if unit is not None and unit.spending_unit is not None:
                    form.department_name = unit.spending_unit.name
                    form.department_code = unit.spending_unit.code
                    source = unit.field_sources.get("spending_unit")
                    if source is not None:
                        form.field_sources["department_name"] = source
                if form.money_unit is None:
                    form.money_unit = projects[0].money_unit
        return ImportedDocument(
            file=self.grid.file, layout=self.doc_layout, forms=forms, problems=self.problems
        )

    # department ---------------------------------------------------------------------------

    def department(self, section: _Section) -> DepartmentTargetForm:
        form = DepartmentTargetForm(layout=self.department_layout)
        first, last = section.rows[0].source, section.rows[-1].source
        form.source = first.spanning(last)
        mode: str | None = None
        overall: list[str] = []
        overall_sources: list[SourceRef] = []
        items: list[_DeptItem] = []
        current: _DeptItem | None = None
        loose: list[tuple[str, SourceRef, str]] = []  # (text, source, section heading)
        tables = _DeptTables()
        for row in section.rows:
            row_items = self.items(row)
            text = "".join(item.text for item in row_items).strip()
            if not text:
                continue
            key = _flat(text)
            source = row.source
            if _TASKS.match(key):
                mode, current, tables.columns = "tasks", None, None
                continue
            if _DEPT_INDICATORS.match(key):
                mode, current, tables.columns = "indicators", None, None
                continue
            if mode in ("tasks", "indicators"):
                self.department_table_row(form, row, row_items, mode, tables)
                continue
            if _DEPT_TITLE.match(key):
                if form.title is None:
                    form.title = re.sub(rf"^(?:第一部分)?{_SECTION_MARK}", "", key)
                    form.field_sources["title"] = source
                continue
            if _OVERALL.match(key):
                mode, current = "overall", None
                continue
            if _SUBGOALS.match(key):
                mode, current = "subgoals", None
                continue
            if _MEASURES.match(key):
                mode, current = "measures", None
                continue
            if mode is None:
                self.problem(
                    "text-outside-section",
                    "部门整体绩效目标中有一段文字不在“总体绩效目标”“分项绩效目标”“工作保障措施”之下，已作为总体绩效目标的一部分保留",
                    source, text=text, severity=ProblemSeverity.INFO,
                )
                mode = "overall"
            if mode == "overall":
                overall.append(text)
                overall_sources.append(source)
                continue
            if (match := _ITEM.match(text)) is not None:
                current = _DeptItem(label=f"（{match.group(1)}）", heading=match.group(2).strip(),
                                    source=source, section=mode)
                items.append(current)
                continue
            if (match := _GOAL.match(text)) is not None:
                if current is None or current.goal is not None:
                    current = _DeptItem(label=None, heading="", source=source, section=mode)
                    items.append(current)
                    self.problem(
                        "goal-without-item", "“绩效目标”前没有分项标题（如“（一）……”），已作为无标题的分项读入",
                        source, text=text,
                    )
                current.goal = match.group(1).strip()
                current.listing = False
                current.last = source
                continue
            if (match := _INDICATORS.match(text)) is not None:
                if current is None:
                    current = _DeptItem(label=None, heading="", source=source, section=mode)
                    items.append(current)
                    self.problem(
                        "indicators-without-item", "“绩效指标”前没有分项标题，已作为无标题的分项读入",
                        source, text=text,
                    )
                current.listing = True
                if match.group(1).strip():
                    current.indicators.append((match.group(1).strip(), source))
                current.last = source
                continue
            if current is not None and current.listing:
                current.indicators.append((text, source))
                current.last = source
            elif current is not None and current.goal is None:
                current.extra.append(text)
                current.last = source
            else:
                loose.append((text, source, mode))
                current = None
        if overall:
            form.overall_goal = "\n".join(overall)
            form.field_sources["overall_goal"] = overall_sources[0].spanning(overall_sources[-1])
        for item in items:
            if item.goal is not None or item.indicators:
                self.add_sub_goal(form, item)
            else:
                text = (item.label or "") + item.heading
                if item.extra:
                    text += "\n" + "\n".join(item.extra)
                self.add_measure(form, text, item.source, item.section)
        for text, source, mode in loose:
            self.add_measure(form, text, source, mode)
        if form.overall_goal is None:
            self.problem("overall-goal-missing", "部门整体绩效目标中没有找到“总体绩效目标”", form.source)
        return form

    def department_table_row(
        self, form: DepartmentTargetForm, row: Row, items: list[_Item], mode: str, tables: _DeptTables
    ) -> None:
        """A row under 年度重点工作任务 or 绩效指标: the table header, then one task or indicator."""
        keys = {item.key for item in items}
        if row.table is None:
            self.problem("row-not-read", f"“{'年度重点工作任务' if mode == 'tasks' else '绩效指标'}”下有一行表格外的文字，未能读入",
                         row.source, text=" | ".join(item.text for item in items))
            return
        if mode == "indicators":
            if {"一级指标", "三级指标"} <= keys:
                tables.columns = {}
                for item in items:
                    fieldname = HEADER_FIELDS.get(item.key)
                    if fieldname and fieldname not in tables.columns:
                        tables.columns[fieldname] = item.cell.col
                return
            if tables.columns is None:
                self.problem("row-not-read", "“绩效指标”下的表格没有指标表头（一级指标、二级指标、三级指标……），这一行未能读入",
                             row.source, text=" | ".join(item.text for item in items))
                return
            tables.level1, tables.level2 = self.indicator_row(form, row, tables.columns, tables.level1, tables.level2)
            return
        if "名称" in keys and "主要实施内容" in keys:
            tables.columns = {}
            for item in items:
                fieldname = _TASK_FIELDS.get(item.key) or next(
                    (name for label, name in _TASK_FIELDS.items() if item.key.startswith(label)), None)
                if fieldname and fieldname not in tables.columns:
                    tables.columns[fieldname] = item.cell.col
                if fieldname == "planned_amount" and (unit := _MONEY_IN_HEADER.search(item.key)) is not None:
                    tables.unit = MoneyUnit(unit.group(1))
                    if form.money_unit is None:
                        form.money_unit = tables.unit
                        form.field_sources["money_unit"] = item.source
            return
        if tables.columns is None or "name" not in tables.columns:
            self.problem("row-not-read", "“年度重点工作任务”下的表格没有表头（名称、主要实施内容……），这一行未能读入",
                         row.source, text=" | ".join(item.text for item in items))
            return
        by_col = {item.cell.col: item for item in items}
        got = {name: by_col.get(col) for name, col in tables.columns.items()}
        extra = [item for item in items if item.cell.col not in tables.columns.values()]
        if extra:
            self.problem("task-extra-cells", "任务行的单元格多于表头的列，多出的内容未读入", row.source,
                         text=" | ".join(item.text for item in extra))
        label, name = None, got["name"].text if got.get("name") else None
        if name is not None and (match := _TASK_LABEL.match(name)) is not None:
            label, name = _SPACES.sub("", match.group(1)), match.group(2) or None
        amount_item = got.get("planned_amount")
        amount = self.money(amount_item, tables.unit or form.money_unit, "拟投入的资金") if amount_item else None
        content, expected = got.get("content"), got.get("expected_result")
        task = KeyTask(
            label=label, name=name, content=content.text if content else None, planned_amount=amount,
            expected_result=expected.text if expected else None, source=row.source,
        )
        tasks = form.other_tasks if label and label.startswith("其他") else form.key_tasks
        where = "other_tasks" if tasks is form.other_tasks else "key_tasks"
        form.field_sources[f"{where}.{len(tasks)}"] = row.source
        tasks.append(task)

    def add_sub_goal(self, form: DepartmentTargetForm, item: _DeptItem) -> None:
        title, content = item.heading, None
        if "。" in title.rstrip("。"):
            title, _, content = title.partition("。")
            content = content.strip() or None
        elif title.endswith("。"):
            title = title[:-1]
        if item.extra:
            content = "\n".join(([content] if content else []) + item.extra)
        indicators = []
        for text, source in item.indicators:
            indicators.extend(self.department_indicators(text, source))
        index = len(form.sub_goals)
        sub_goal = SubGoal(
            label=item.label, title=title.strip(), content=content, goal=item.goal,
            indicators=indicators, source=item.source.spanning(item.last),
        )
        form.sub_goals.append(sub_goal)
        form.field_sources[f"sub_goals.{index}"] = sub_goal.source  # type: ignore[assignment]
        if item.section == "measures":
            self.problem(
                "heading-content-mismatch",
                f"“工作保障措施”下的“{title.strip()}”带有绩效目标或绩效指标，已作为分项绩效目标读入",
                item.source, severity=ProblemSeverity.INFO,
            )

    def add_measure(self, form: DepartmentTargetForm, text: str, source: SourceRef, mode: str) -> None:
        index = len(form.guarantee_measures)
        form.guarantee_measures.append(text)
        form.field_sources[f"guarantee_measures.{index}"] = source
        if mode == "subgoals":
            self.problem(
                "heading-content-mismatch",
                "“分项绩效目标”下的这段文字没有绩效目标或绩效指标，已作为工作保障措施读入",
                source, text=text, severity=ProblemSeverity.INFO,
            )

    def department_indicators(self, text: str, source: SourceRef) -> list[Indicator]:
        """One 绩效指标 line → its indicators (a line may name two, split at "，")."""
        parts = [text]
        pieces = [piece for piece in re.split(r"[，,；;]", text.rstrip("。；;")) if piece.strip()]
        if len(pieces) > 1 and all(split_named_value(piece)[1] for piece in pieces):
            parts = pieces
            self.problem(
                "indicators-split", f"一行绩效指标写了 {len(pieces)} 个指标，已分开读入",
                source, text=text, severity=ProblemSeverity.INFO,
            )
        indicators = []
        for part in parts:
            name, value = split_named_value(part)
            indicators.append(Indicator(
                name=name.rstrip("。"), annual_value=parse_value(value) if value else None, source=source
            ))
        return indicators

    # project ------------------------------------------------------------------------------

    def project(self, section: _Section) -> ProjectTargetForm:
        form = ProjectTargetForm(layout=self.project_layout)
        form.source = section.rows[0].source.spanning(section.rows[-1].source)
        rows = section.rows
        columns: dict[str, int] | None = None
        header_keys: tuple[str, ...] = ()
        level1: tuple[str, SourceRef] | None = None
        level2: str | None = None
        after_budget = False
        index = 0
        while index < len(rows):
            row = rows[index]
            items = self.items(row)
            index += 1
            if not items:
                continue
            keys = [item.key for item in items]
            if (match := _title_of(items)) is not None and form.title is None:
                form.number = match.group(1)
                form.title = match.group(2).strip()
                form.field_sources["title"] = items[0].source
                continue
            if columns is not None:
                if tuple(keys) == header_keys or {"一级指标", "三级指标"} <= set(keys):
                    continue  # the header repeated after a page break
                level1, level2 = self.indicator_row(form, row, columns, level1, level2)
                continue
            if {"一级指标", "三级指标"} <= set(keys):
                columns = {}
                for item in items:
                    fieldname = HEADER_FIELDS.get(item.key)
                    if fieldname and fieldname not in columns:
                        columns[fieldname] = item.cell.col
                header_keys = tuple(keys)
                missing = [label for label, name in (("三级指标", "name"), ("指标值", "value"))
                           if name not in columns]
                if missing:
                    self.problem("indicator-header-incomplete",
                                 f"指标表头缺少“{'”“'.join(missing)}”列", row.source)
                continue
            used = self.header_row(form, items, rows, index)
            if used == "budget":
                after_budget = True
                continue
            if used == "plan":
                index += 1  # the values row was consumed
                continue
            if used == "name-next":
                index += 1
                continue
            if used:
                after_budget = False
                continue
            if after_budget and form.fund_use is None:
                form.fund_use = "\n".join(item.text for item in items)
                form.field_sources["fund_use"] = items[0].source.spanning(items[-1].source)
                after_budget = False
                continue
            if form.annual_goal is not None and "annual_goal" in form.field_sources:
                # a continuation line of the goal
                form.annual_goal += "\n" + "\n".join(item.text for item in items)
                form.field_sources["annual_goal"] = form.field_sources["annual_goal"].spanning(row.source)
                continue
            self.problem("row-not-read", "项目表中有一行未能识别，原文已保留在此", row.source,
                         text=" | ".join(item.text for item in items))
        if columns is None:
            self.problem("indicators-missing", "项目表中没有找到指标表头（一级指标、二级指标、三级指标……）",
                         form.source)
        if form.project_name is None:
            self.problem("project-name-missing", "项目表中没有找到项目名称", form.source,
                         severity=ProblemSeverity.ERROR)
        return form

    def header_row(self, form: ProjectTargetForm, items: list[_Item], rows: list[Row], index: int) -> str:
        """Read a labelled row of the table head; returns what it was ("" when nothing)."""
        keys = [item.key for item in items]
        used = ""
        for position, item in enumerate(items):
            key = item.key
            following = items[position + 1] if position + 1 < len(items) else None
            if (unit := _UNIT.search(key)) is not None:
                form.money_unit = MoneyUnit(unit.group(1))
                form.field_sources["money_unit"] = item.source
                used = used or "unit"
                for other in items:
                    text = other.text
                    if other is item:
                        # "512002青川县商务局本级 单位：元" printed as one line
                        text = re.split(r"单位\s*[:：]", text, maxsplit=1)[0].strip()
                    if text and (org := _ORG.match(text)) is not None:
                        form.spending_unit = OrgRef(code=org.group(1), name=org.group(2), raw=text)
                        form.field_sources["spending_unit"] = other.source
            elif key == "项目编码":
                if following is not None and not _is_label(following.key):
                    form.project_code = _flat(following.text)
                    form.field_sources["project_code"] = following.source
                    if len(form.project_code) != 21:
                        self.problem("project-code-length",
                                     f"项目编码“{form.project_code}”有 {len(form.project_code)} 位，应为 21 位",
                                     following.source, text=following.text)
                used = used or "head"
            elif key == "项目名称":
                if following is not None and not _is_label(following.key):
                    form.project_name = following.text
                    form.field_sources["project_name"] = following.source
                    used = used or "head"
                elif index < len(rows):
                    nxt = self.items(rows[index])
                    if len(nxt) == 1 and not _is_label(nxt[0].key):
                        form.project_name = nxt[0].text
                        form.field_sources["project_name"] = nxt[0].source
                        return "name-next"
                    used = used or "head"
            elif key in ("预算数", "其中：财政资金", "财政资金", "其他资金") or (
                key.startswith("其中") and "财政" in key
            ):
                fieldname = {"预算数": "annual_amount", "其他资金": "other_funds"}.get(key, "fiscal_funds")
                if following is not None and not _is_label(following.key):
                    setattr(form, fieldname, self.money(following, form.money_unit, key))
                    form.field_sources[fieldname] = following.source
                used = "budget"
            elif key == "预算规模及资金用途":
                used = "budget"
            elif key == "资金用途":
                if following is not None:
                    form.fund_use = following.text
                    form.field_sources["fund_use"] = following.source
                used = used or "head"
            elif key.startswith("资金支出计划"):
                values_row = rows[index] if index < len(rows) else None
                if values_row is not None and not self.plan_values(values_row):
                    values_row = None  # the values row was blank (left out of the rows): no values
                self.spending_plan(form, items, values_row)
                return "plan" if values_row is not None else "plan-empty"
            elif key == "绩效目标" or key.startswith("绩效目标："):
                rest = [other.text for other in items[position + 1:]]
                inline = item.text.split("：", 1)[1].strip() if "：" in item.text else ""
                texts = ([inline] if inline else []) + rest
                form.annual_goal = "\n".join(texts) if texts else ""
                end = items[-1].source
                form.field_sources["annual_goal"] = item.source.spanning(end)
                return "goal"
        if not used and all(_is_label(key) for key in keys):
            used = "labels"
        return used

    def plan_values(self, row: Row) -> bool:
        """Whether a row can hold the 资金支出计划 values: no label (绩效目标, 一级指标 …) nor title in it."""
        items = self.items(row)
        return bool(items) and _title_of(items) is None and not any(
            _is_label(item.key) or item.key.startswith("绩效目标") for item in items
        )

    def money(self, item: _Item, unit: MoneyUnit | None, label: str) -> Money | None:
        money = parse_money(item.text, unit or MoneyUnit.YUAN)
        if money is None:
            self.problem("money-unreadable", f"“{label}”的金额“{item.text}”不是数字", item.source,
                         text=item.text)
        elif unit is None:
            self.problem("money-unit-missing", f"“{label}”所在的表没有写“单位：元/万元”，按元读入",
                         item.source, text=item.text)
        return money

    def spending_plan(self, form: ProjectTargetForm, items: list[_Item], values_row: Row | None) -> None:
        label = items[0]
        unit = _HEADER_UNIT.search(label.text)
        plan = SpendingPlan(header_unit=_normal_unit(unit.group(1)) if unit else None)
        months = [(item, int(m.group(1))) for item in items[1:] if (m := _MONTH.match(item.key))]
        values = self.items(values_row) if values_row is not None else []
        by_col = {item.cell.col: item for item in values}
        positional = not values or all(item.cell.col in by_col for item, _ in months)
        ordered = [item for item in values if not _is_label(item.key)]
        for position, (month_item, month) in enumerate(months):
            value_item = by_col.get(month_item.cell.col) if positional else (
                ordered[position] if position < len(ordered) else None
            )
            point = SpendingPoint(label=month_item.key, month=month)
            if value_item is not None:
                point = _plan_point(point, value_item.text)
                if point.value is None:
                    self.problem("spending-plan-unreadable",
                                 f"资金支出计划“{month_item.key}”的值“{value_item.text}”不是数字",
                                 value_item.source, text=value_item.text)
            plan.points.append(point)
        if not positional and months:
            self.problem("spending-plan-shifted", "资金支出计划的数值与月份未对齐，已按顺序对应",
                         label.source, severity=ProblemSeverity.INFO)
        if len(ordered) > len(months):
            extra = ordered[len(months):]
            self.problem("spending-plan-extra", "资金支出计划的数值多于月份，多出的数值未读入",
                         extra[0].source, text=" ".join(item.text for item in extra))
        form.spending_plan = plan
        end = values_row.source if values_row is not None else label.source
        form.field_sources["spending_plan"] = label.source.spanning(end)

    def indicator_row(
        self,
        form: ProjectTargetForm | DepartmentTargetForm,
        row: Row,
        columns: dict[str, int],
        level1: tuple[str, SourceRef] | None,
        level2: str | None,
    ) -> tuple[tuple[str, SourceRef] | None, str | None]:
        cells = {name: clean_text(row.cells[col].text) if col < len(row.cells) else ""
                 for name, col in columns.items()}
        known = set(columns.values())
        extra = [cell for cell in row.cells if cell.col not in known and not cell.blank]
        if cells.get("level1"):
            level1 = (cells["level1"], row.source)
        filled = [name for name in ("level2", "name", "description", "value", "basis") if cells.get(name)]
        if not filled and not extra:
            return level1, level2
        if cells.get("level2"):
            level2 = cells["level2"]
        elif level2 is None:
            self.problem("level2-missing", "指标行没有二级指标", row.source)
        if level1 is None:
            self.problem("level1-missing", "指标行之前没有一级指标", row.source)
        indicator = Indicator(
            level1=level1[0] if level1 else None,
            level2=level2,
            name=cells.get("name") or None,
            description=cells.get("description") or None,
            annual_value=parse_value(cells.get("value", "")),
            value_basis=cells.get("basis") or None,
            extra_values=[parse_value(clean_text(cell.text)) for cell in extra],
            source=row.source,
        )
        if indicator.category is None and indicator.level1:
            self.problem("level1-unknown", f"一级指标“{indicator.level1}”不是产出、成本、效益或满意度指标",
                         row.source, text=indicator.level1)
        if indicator.subcategory is None and indicator.level2:
            self.problem("level2-unknown", f"二级指标“{indicator.level2}”不是已知的二级指标",
                         row.source, text=indicator.level2)
        if extra:
            self.problem("indicator-extra-cells", "指标行的单元格多于表头的列，多出的内容已保留为额外值",
                         row.source, text=" | ".join(cell.text for cell in extra))
        if not indicator.name:
            self.problem("indicator-name-missing", "指标行没有三级指标名称", row.source,
                         text=" | ".join(cell.text for cell in row.cells if not cell.blank))
        form.indicators.append(indicator)
        return level1, level2


@dataclass(slots=True)
class _DeptTables:
    """Reading state of the tables a department form may end with (tasks, indicators)."""

    columns: dict[str, int] | None = None
    unit: MoneyUnit | None = None
    level1: tuple[str, SourceRef] | None = None
    level2: str | None = None


_TASK_FIELDS = {"名称": "name", "主要实施内容": "content", "拟投入的资金": "planned_amount",
                "期望达到的目标": "expected_result"}
_MONEY_IN_HEADER = re.compile(r"[（(]\s*(万元|元)\s*[)）]")


@dataclass(slots=True)
class _DeptItem:
    label: str | None
    heading: str
    source: SourceRef
    section: str
    goal: str | None = None
    indicators: list[tuple[str, SourceRef]] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    listing: bool = False
    last: SourceRef | None = None


_LABELS = frozenset({
    "项目编码", "项目名称", "预算规模及资金用途", "预算数", "其中：财政资金", "财政资金", "其他资金",
    "资金用途", "绩效目标", "3月底", "6月底", "10月底", "12月底",
    *HEADER_FIELDS,
})


def _is_label(key: str) -> bool:
    return key in _LABELS or key.startswith("资金支出计划") or (key.startswith("其中") and "财政" in key)


def _looks_like_heading(key: str) -> bool:
    """A short line of running text without sentence punctuation: a heading of the document
    around the forms (第二部分, 预算项目绩效目标, 六、……), not content of a form."""
    return len(key) <= 40 and not re.search(r"[。；;，,：:]", key)


def _normal_unit(unit: str) -> str:
    return {"％": "%", "百分比": "%"}.get(unit, unit)


def _plan_point(point: SpendingPoint, raw: str) -> SpendingPoint:
    match = _PLAN_VALUE.match(raw.strip())
    if match is None:
        return point.model_copy(update={"raw": raw})
    try:
        value = Decimal(match.group(1).replace(",", "").replace("，", ""))
    except InvalidOperation:
        return point.model_copy(update={"raw": raw})
    unit = _normal_unit(match.group(2)) if match.group(2) else None
    return point.model_copy(update={"raw": raw, "value": value, "unit": unit})


def build(grid: Grid, *, layout: str) -> ImportedDocument:
    """Build the Hebei department and project forms of a grid.

    Args:
        grid: rows of cells in column order (merged cells at their first position).
        layout: the document layout id, e.g. ``department-target/docx-hebei-2025``; forms get
            ``department-target/<rest>`` or ``project-target/<rest>``.

    Returns:
        The forms in document order with every problem met; nothing is dropped silently.
    """
    return _Builder(grid, layout).run()


def category_of(text: str | None) -> str | None:
    """The normalised 一级指标 of a label, for callers that rebuild rows ("产出" → "产出指标")."""
    member = parse_category(text)
    return member.value if member else None


def subcategory_of(text: str | None) -> str | None:
    """The normalised 二级指标 of a label ("服务对象 满意度指标" → "服务对象满意度指标")."""
    member = parse_subcategory(text)
    return member.value if member else None
