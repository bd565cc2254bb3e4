"""The Guangdong layout family: 部门整体预算绩效目标表 and 项目支出绩效目标表 as grids.

Seeds 000 (county) and 001 (city) show the family: a department form (部门名称, 基本信息,
预算整体情况, 总体绩效目标, 年度重点工作任务, 其他需完成的任务, 绩效指标) and one project form per
project (项目名称 … 备注), each with a 一级/二级/三级 indicator table.

The sources misplace cells freely: merged cells leave blank leading fields, rows are shifted one or
two columns left or right, a 三级 name sits in the 二级 column, a row carries three value cells in a
two-value table. Column positions are therefore only a hint; every row is read by what its cells
say (a 一级 label, a 二级 label, then the name and its values), and where the positions disagree
with the header an :class:`~jixiao.model.ImportProblem` says so. Nothing is dropped without one.

The module only needs what every grid has (rows of cells in column order, blank ones included),
so the Word, Excel and PDF importers call :func:`score` and :func:`build` on their grids as the
tab-separated text importer does. Text-only quirks (``<p>`` tags, ``## `` headings) are tolerated,
never required.

Problem codes (``ImportProblem.code``)::

    error    row-outside-form   table row before any 部门名称/项目名称 row
    error    row-unplaced       row whose first cell names no field of the form
    error    cell-unplaced      cell with no label before it in a label/value row
    error    money-unparsed     amount that is not a number (十二万)
    error    number-unparsed    count that is not an integer (财政供养人员数)
    error    year-unparsed      起始/到期年度 that is not a four-digit year
    error    no-forms           nothing to read at all
    warning  row-shifted        cells not under their header column; read by content (info when
                                only a 一级/二级 label is out of its column: IND-06)
    warning  extra-value-cells  more value cells than the table has; kept in extra_values
    warning  value-missing      one value in a two-value table; placed by column
    warning  row-joined         name and values on two rows, joined (source has a line range)
    warning  cell-split         two indicators written in one cell, split into two rows
    warning  indicator-name-missing  values without a 三级 name
    warning  task-cells-joined  more task cells than columns, joined into neighbours
    warning  goal-column-unknown  goals without the 实施周期/当年度 header
    warning  value-columns-unexpected  header with an unexpected number of value columns
    warning  text-inside-form   bare text between the rows of a table
    info     text-outside-form  text between forms that is no title, 附件 or 备注
    info     task-empty         task row with only its number (任务1:)
    info     budget-year-missing  no year in the title; budget_year left empty
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import ClassVar

from jixiao.importers.base import Detection, Grid, Row, is_page_number
from jixiao.importers.builders._common import BuilderBase, CellItem
from jixiao.model import (
    DepartmentBudget,
    DepartmentTargetForm,
    ImportedDocument,
    ImportProblem,
    Indicator,
    KeyTask,
    Money,
    MoneyUnit,
    OrgRef,
    ProblemSeverity,
    ProjectTargetForm,
    SourceRef,
    parse_money,
    parse_value,
)
from jixiao.model.enums import IndicatorCategory, IndicatorSubcategory

__all__ = ["TEMPLATE_YEAR", "build", "clean_text", "label_key", "layout_ids", "score"]

#: The edition of the Guangdong templates the layout ids name.
TEMPLATE_YEAR = 2025

# --- text helpers -----------------------------------------------------------------------------

_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^<>]*>")
_BREAK = re.compile(r"<\s*br\s*/?\s*>|<\s*/\s*p\s*>\s*(?=<\s*p[\s>])", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_PAREN = re.compile(r"[（(][^（）()]*[)）]")
_HEADING = re.compile(r"^#{1,6}\s+")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_ORG = re.compile(r"^\s*(\d{2,12})\s*[-－—–]\s*(\S.*?)\s*$")
_TASK_LABEL = re.compile(r"^\s*((?:任务|其他任务)\s*\d+)\s*[:：]?\s*(.*?)\s*$", re.DOTALL)
_ANNEX = re.compile(r"^附件\s*(\d+)$")
_REMARK_ITEM = re.compile(r"^\s*\d+\s*[.．、]")
_UNIT_IN_LABEL = re.compile(r"[（(]\s*(万元|元)\s*[)）]")
_AMOUNT_WITH_UNIT = re.compile(r"^[+-]?\d[\d,，]*(?:\.\d+)?(?:万元|元)$")
_UNIT_LINE = re.compile(r"^(?:金额)?单位[:：](万元|元)$")
# Spreadsheet numbers may arrive as "92.0"; the trailing zeros are not part of what was written.
_INT = re.compile(r"^\s*(\d+)(?:\.0+)?\s*(?:人|个|家)?\s*$")
_YEAR_CELL = re.compile(r"^\s*((?:19|20)\d{2})(?:\.0+)?\s*年?(?:度)?\s*$")


@lru_cache(maxsize=16384)
def clean_text(text: str) -> str:
    """A cell's text without HTML markup (``<p>…</p>``, ``&nbsp;``) and outer whitespace.

    Args:
        text: the cell text as read.

    Returns:
        The text a user sees in the cell.
    """
    if "<" in text or "&" in text:
        text = _BREAK.sub("\n", text)
        text = _TAG.sub("", text)
        text = html.unescape(text).replace("\xa0", " ")
    return text.strip()


@lru_cache(maxsize=16384)
def label_key(text: str) -> str:
    """The comparable form of a label: no markup, spaces, brackets or trailing colon.

    ``"其他需完成的任务 (可选填)"`` → ``"其他需完成的任务"``; ``"总金额（万元）"`` → ``"总金额"``.
    """
    key = _SPACES.sub("", clean_text(text))
    key = _PAREN.sub("", key)
    return key.rstrip(":：")


def _squash(text: str) -> str:
    return _SPACES.sub("", clean_text(text))


# --- labels -----------------------------------------------------------------------------------

DEPARTMENT_LABELS = frozenset({"部门名称", "基本信息", "预算整体情况", "年度重点工作任务", "其他需完成的任务"})
PROJECT_LABELS = frozenset({"项目名称", "项目类型", "项目等级", "主管部门", "实施期限", "预算金额", "项目概述"})
#: Labels only this family prints (used by :func:`score`).
SPECIFIC_LABELS = frozenset({
    "部门名称", "基本信息", "预算整体情况", "年度重点工作任务", "其他需完成的任务",
    "项目等级", "用款单位", "实施期限", "项目概述", "实施周期指标值", "当年度指标值",
    "财政供养人员数", "下属二级单位数", "事业发展性支出", "实施周期总目标",
})
#: Labels of other families (Hebei); their presence lowers the score.
FOREIGN_LABELS = frozenset({"项目编码", "绩效指标描述", "指标值确定依据", "预算规模及资金用途", "资金支出计划"})

_LEVEL1 = {
    "产出指标": IndicatorCategory.OUTPUT,
    "成本指标": IndicatorCategory.COST,
    "效益指标": IndicatorCategory.BENEFIT,
    "满意度指标": IndicatorCategory.SATISFACTION,
}
_LEVEL2 = {
    "数量指标": IndicatorSubcategory.QUANTITY,
    "质量指标": IndicatorSubcategory.QUALITY,
    "时效指标": IndicatorSubcategory.TIMELINESS,
    "成本指标": IndicatorSubcategory.COST,
    "经济成本指标": IndicatorSubcategory.ECONOMIC_COST,
    "社会成本指标": IndicatorSubcategory.SOCIAL_COST,
    "生态环境成本指标": IndicatorSubcategory.ECOLOGICAL_COST,
    "生态成本指标": IndicatorSubcategory.ECOLOGICAL_COST,
    "经济效益指标": IndicatorSubcategory.ECONOMIC_BENEFIT,
    "社会效益指标": IndicatorSubcategory.SOCIAL_BENEFIT,
    "生态效益指标": IndicatorSubcategory.ECOLOGICAL_BENEFIT,
    "可持续影响指标": IndicatorSubcategory.SUSTAINABILITY,
    "服务对象满意度指标": IndicatorSubcategory.BENEFICIARY_SATISFACTION,
}
_COST_LEVEL2 = frozenset({"经济成本指标", "社会成本指标", "生态环境成本指标", "生态成本指标"})


def layout_ids(fmt: str, variant: str) -> tuple[str, str, str]:
    """The document, department and project layout ids, e.g. ``tsv-gd-county-2025``.

    Args:
        fmt: the source format label ("tsv", "docx", "xlsx", "pdf").
        variant: "county" or "city".
    """
    doc = f"{fmt}-gd-{variant}-{TEMPLATE_YEAR}"
    return doc, f"department-target/{doc}", f"project-target/{doc}"


# --- detection --------------------------------------------------------------------------------


@dataclass(slots=True)
class _Survey:
    specific: set[str] = field(default_factory=set)
    foreign: set[str] = field(default_factory=set)
    departments: int = 0
    projects: int = 0
    city: bool = False
    county: bool = False


def _survey(grid: Grid) -> _Survey:
    survey = _Survey()
    for row in grid.rows:
        filled = [cell for cell in row.cells if not cell.blank]
        if len(filled) == 1 and (row.table is None or len(row.cells) == 1):
            text = _squash(filled[0].text)
            if "绩效目标" in text and "表" in text:
                survey.city |= "市级" in text
                survey.county |= "县级" in text
            continue
        if len(filled) < 2:
            continue
        keys = [label_key(cell.text) for cell in filled]
        for position, key in enumerate(keys):
            if key in SPECIFIC_LABELS:
                survey.specific.add(key)
            elif key in FOREIGN_LABELS:
                survey.foreign.add(key)
            if key in ("按预算级次划分",) or key.endswith("市本级使用资金"):
                survey.city = True
            elif key in ("总金额", "当年度金额") and position + 1 < len(filled):
                # The city project form (seed 001) prints 总金额 without a unit and each amount
                # with its unit ("18.24万元"); the county form writes 总金额（万元） and bare numbers.
                value = _squash(filled[position + 1].text)
                if not _UNIT_IN_LABEL.search(filled[position].text) and _AMOUNT_WITH_UNIT.match(value):
                    survey.city = True
        if keys[0] == "部门名称":
            survey.departments += 1
        elif keys[0] == "项目名称":
            survey.projects += 1
    return survey


def _variant(survey: _Survey) -> str:
    return "city" if survey.city and not survey.county else "county"


def score(grid: Grid) -> Detection | None:
    """Whether the grid holds Guangdong department or project target forms.

    The claim rests on labels only this family prints (项目等级, 用款单位, 实施周期指标值,
    基本信息, 预算整体情况 …) in rows that also hold other cells, so that one-cell-per-line
    text of another layout (Hebei 004) does not match.

    Returns:
        A detection whose layout is ``department-target/gd-<variant>-2025`` when the grid holds a
        department form, else ``project-target/gd-<variant>-2025``; None when fewer than three
        family labels are found or no form starts (部门名称 / 项目名称 row).
    """
    survey = _survey(grid)
    if len(survey.specific) < 3 or not (survey.departments or survey.projects):
        return None
    confidence = min(0.95, 0.6 + 0.03 * len(survey.specific))
    confidence -= 0.2 * len(survey.foreign)
    if confidence <= 0.3:
        return None
    kind = "department-target" if survey.departments else "project-target"
    variant = _variant(survey)
    reasons = [
        "有广东版式特有的标签：" + "、".join(sorted(survey.specific)),
        f"部门整体绩效目标表 {survey.departments} 张，项目支出绩效目标表 {survey.projects} 张",
    ]
    if survey.foreign:
        reasons.append("但也有其他版式的标签：" + "、".join(sorted(survey.foreign)))
    return Detection(
        layout=f"{kind}/gd-{variant}-{TEMPLATE_YEAR}", confidence=round(confidence, 2), reasons=reasons
    )


# --- building ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _Item(CellItem):
    """A non-blank cell with its cleaned text."""

    @property
    def key(self) -> str:
        return label_key(self.text)


def _items(row: Row) -> list[_Item]:
    return [_Item(text, cell) for cell in row.cells if (text := clean_text(cell.text))]


@dataclass(slots=True)
class _Section:
    kind: str  # "department" or "project"
    rows: list[Row] = field(default_factory=list)
    title: str | None = None
    title_source: SourceRef | None = None
    number: str | None = None
    unit: MoneyUnit | None = None
    remarks: list[str] = field(default_factory=list)
    remark_sources: list[SourceRef] = field(default_factory=list)


@dataclass(slots=True)
class _Pair:
    """A label cell and the value cell after it (None when the value is blank)."""

    label: _Item
    value: _Item | None = None

    @property
    def text(self) -> str | None:
        return self.value.text if self.value is not None else None

    @property
    def item(self) -> _Item:
        return self.value or self.label


class _Builder(BuilderBase["_Item"]):
    """One grid → one ImportedDocument; holds the problems met on the way."""

    def __init__(self, grid: Grid, layout: str) -> None:
        super().__init__(grid, layout, _items)

    # segmentation -------------------------------------------------------------------------

    def sections(self) -> list[_Section]:
        """Split the grid into forms: each starts at a 部门名称 or 项目名称 row.

        Headings (附件N, the form title, 单位：万元) before a form belong to it; 备注 lines after a
        form are its remarks. They are recognised as lines of running text and as lone cells of
        a table row alike, since Word and Excel often keep the title and the 备注 in the table.
        """
        sections: list[_Section] = []
        current: _Section | None = None
        title: tuple[str, SourceRef] | None = None
        number: str | None = None
        unit: MoneyUnit | None = None
        in_remarks = False
        in_indicators = False
        loose: list[tuple[str, SourceRef]] = []
        for row in self.grid.rows:
            items = self.items(row)
            if not items:
                continue
            if (in_indicators and current is not None and not in_remarks and title is None
                    and row.table is not None and items[0].col > 0):
                # Inside the indicator table position decides: a cell right of the label column
                # is a 一级/二级/三级 cell or a value, even when it reads like a label (基本信息).
                self.flush_loose(loose, inside=True)
                current.rows.append(row)
                continue
            if items[0].key == "备注" and len(items) > 1 and current is not None:
                for item in items[1:]:
                    self.add_remarks(current, item.text, row.source)
                in_remarks = True
                continue
            running = row.table is None or len(items) == 1
            text = _HEADING.sub("", items[0].text).strip()
            compact = _SPACES.sub("", text)
            if running and compact.startswith("备注") and current is not None:
                self.add_remarks(current, re.sub(r"^备注\s*[:：]?\s*", "", text), row.source)
                in_remarks = True
                continue
            if running and in_remarks and current is not None and _REMARK_ITEM.match(text):
                self.add_remarks(current, text, row.source)
                continue
            if running and _ANNEX.match(compact):
                number, in_remarks = compact, False
                continue
            if running and "绩效目标" in compact and "表" in compact and len(compact) <= 40:
                title, in_remarks = (text, row.source), False
                continue
            unit_line = _UNIT_LINE.match(compact) if running else None
            if unit_line is not None:
                unit = MoneyUnit(unit_line.group(1))
                continue
            if row.table is None:
                if not is_page_number(compact):  # page furniture of PDF and Word exports
                    loose.append((text, row.source))
                continue
            first = items[0].key
            inside = first not in ("部门名称", "项目名称") and current is not None and not in_remarks
            self.flush_loose(loose, inside=inside and title is None)
            if first in ("部门名称", "项目名称"):
                in_indicators = False
                current = _Section("department" if first == "部门名称" else "project")
                if title is not None:
                    current.title, current.title_source = title
                current.number, current.unit = number, unit
                title, number, unit, in_remarks = None, None, None, False
                sections.append(current)
                current.rows.append(row)
            elif current is not None and not in_remarks and title is None:
                current.rows.append(row)
                in_indicators |= first in ("绩效指标", "一级指标")
            else:
                self.problem(
                    "row-outside-form",
                    "表格行不在任何绩效目标表内（之前没有“部门名称”或“项目名称”行），未能读入",
                    row.source, text=" | ".join(item.text for item in items),
                    severity=ProblemSeverity.ERROR,
                )
        self.flush_loose(loose, inside=False)
        return sections

    def flush_loose(self, loose: list[tuple[str, SourceRef]], *, inside: bool) -> None:
        """Report lines of running text that belong to no field, once it is known where they sit."""
        for text, source in loose:
            if inside:
                self.problem(
                    "text-inside-form",
                    "表格中间有一行不在表格内的文字（可能是上一单元格换行后的续行），未能读入，请核对",
                    source, text=text,
                )
            else:
                self.problem(
                    "text-outside-form", "表格外的文字不属于任何绩效目标表字段，已保留在问题清单中",
                    source, text=text, severity=ProblemSeverity.INFO,
                )
        loose.clear()

    @staticmethod
    def add_remarks(section: _Section, text: str, source: SourceRef) -> None:
        for line in text.splitlines():
            if line.strip():
                section.remarks.append(line.strip())
                section.remark_sources.append(source)

    # shared field helpers -----------------------------------------------------------------

    def pairs(
        self, items: Sequence[_Item], labels: dict[str, str], headers: Iterable[str] = ()
    ) -> dict[str, _Pair]:
        """Read ``label value label value …`` cells; a label followed by a label has no value."""
        header_keys = tuple(headers)
        found: dict[str, _Pair] = {}
        pending: tuple[str, _Item] | None = None
        for item in items:
            key = self.match_label(item.key, labels)
            if key is not None:
                if pending is not None:
                    found.setdefault(pending[0], _Pair(pending[1]))
                pending = (key, item)
                continue
            if item.key.startswith(header_keys) if header_keys else False:
                if pending is not None:
                    found.setdefault(pending[0], _Pair(pending[1]))
                pending = None
                continue
            if pending is not None:
                found[pending[0]] = _Pair(pending[1], item)
                pending = None
            else:
                self.problem(
                    "cell-unplaced", f"单元格“{_short(item.text)}”前面没有可对应的标签，未能读入",
                    item.source, text=item.text, severity=ProblemSeverity.ERROR,
                )
        if pending is not None:
            found.setdefault(pending[0], _Pair(pending[1]))
        return found

    @staticmethod
    def match_label(key: str, labels: dict[str, str]) -> str | None:
        if key in labels:
            return labels[key]
        for label, name in labels.items():
            if label.startswith("*") and key.endswith(label[1:]):
                return name
        return None

    def money(self, text: str | None, item: _Item, unit: MoneyUnit | None, what: str) -> Money | None:
        if text is None:
            return None
        compact = _SPACES.sub("", text)
        money = parse_money(compact, unit or MoneyUnit.WAN_YUAN)
        if money is None:
            self.problem(
                "money-unparsed", f"{what}应为金额，实际为“{_short(text)}”，未能读入",
                item.source, text=text, severity=ProblemSeverity.ERROR,
            )
        return money

    def integer(self, text: str | None, item: _Item, what: str) -> int | None:
        if text is None:
            return None
        match = _INT.match(text)
        if match is None:
            self.problem(
                "number-unparsed", f"{what}应为整数，实际为“{_short(text)}”，未能读入",
                item.source, text=text, severity=ProblemSeverity.ERROR,
            )
            return None
        return int(match.group(1))

    def year(self, text: str | None, item: _Item, what: str) -> int | None:
        if text is None:
            return None
        match = _YEAR_CELL.match(text)
        if match is None:
            self.problem(
                "year-unparsed", f"{what}应为四位年份，实际为“{_short(text)}”，未能读入",
                item.source, text=text, severity=ProblemSeverity.ERROR,
            )
            return None
        return int(match.group(1))

    @staticmethod
    def org(text: str | None) -> OrgRef | None:
        if text is None:
            return None
        match = _ORG.match(text)
        if match:
            return OrgRef(code=match.group(1), name=match.group(2), raw=text)
        return OrgRef(name=text.strip(), raw=text)

    def common(self, form: DepartmentTargetForm | ProjectTargetForm, section: _Section) -> None:
        form.title = section.title
        form.number = section.number
        if section.title_source is not None:
            form.field_sources["title"] = section.title_source
        first = section.rows[0].source
        last = section.remark_sources[-1] if section.remark_sources else section.rows[-1].source
        form.source = (section.title_source or first).spanning(last)
        form.remarks = list(section.remarks)
        form.money_unit = section.unit
        if section.remark_sources:
            form.field_sources["remarks"] = section.remark_sources[0].spanning(section.remark_sources[-1])
        year = _YEAR.search(section.title or "")
        if year:
            form.budget_year = int(year.group(1))
        else:
            self.problem(
                "budget-year-missing",
                "表头标题中没有写预算年度（如“2025年”），预算年度留空"
                + (f"（标题为“{section.title}”）" if section.title else "（未找到标题）"),
                section.title_source or first, severity=ProblemSeverity.INFO,
            )

    # department form ----------------------------------------------------------------------

    _DEPARTMENT_PAIRS: ClassVar[dict[str, str]] = {
        "财政供养人员数": "funded_headcount",
        "下属二级单位数": "subordinate_units",
        "基本支出": "basic_expenditure",
        "项目支出": "project_expenditure",
        "财政专项资金": "special_funds",
        "其他事业发展性支出": "other_development_expenditure",
        "财政拨款": "fiscal_appropriation",
        "其他资金": "other_funds",
        "*本级使用资金": "own_level_funds",
        "拟用于对下转移支付资金": "transfer_funds",
        "对下转移支付资金": "transfer_funds",
    }
    _BUDGET_HEADERS = ("部门预算支出", "预算金额", "收入来源", "事业发展性支出", "按预算级次划分")
    _TASK_HEADERS = frozenset({"名称", "主要实施内容", "拟投入的资金", "期望达到的目标"})

    def department(self, section: _Section) -> DepartmentTargetForm:
        form = DepartmentTargetForm(layout=self.department_layout)
        self.common(form, section)
        budget = DepartmentBudget()
        budget_seen = False
        mode = "header"
        task_unit: MoneyUnit | None = None
        indicator_rows: list[Row] = []
        for row in section.rows:
            items = self.items(row)
            if not items:
                continue
            first = items[0].key
            if mode == "indicators" and (
                items[0].col > 0 or (first not in DEPARTMENT_LABELS and first != "总体绩效目标")
            ):
                indicator_rows.append(row)
                continue
            if first == "部门名称":
                text = " ".join(item.text for item in items[1:]) or None
                org = self.org(text)
                form.department_name = org.name if org else None
                form.department_code = org.code if org else None
                form.field_sources["department_name"] = items[1].source if len(items) > 1 else items[0].source
                mode = "header"
            elif first == "基本信息" or first in ("财政供养人员数", "下属二级单位数"):
                self.read_department_pairs(form, budget, items[1:] if first == "基本信息" else items)
                mode = "header"
            elif first == "预算整体情况":
                form.money_unit = form.money_unit or _unit_of(items)
                budget_seen |= self.read_department_pairs(form, budget, items[1:])
                mode = "budget"
            elif first == "总体绩效目标":
                form.overall_goal = "\n".join(item.text for item in items[1:]) or None
                if len(items) > 1:
                    form.field_sources["overall_goal"] = items[1].source
                mode = "header"
            elif first == "年度重点工作任务" or first == "其他需完成的任务":
                mode = "key_tasks" if first == "年度重点工作任务" else "other_tasks"
                rest = items[1:]
                if rest and all(item.key in self._TASK_HEADERS for item in rest):
                    task_unit = _unit_of(rest) or task_unit
                    continue
                if rest:
                    self.task(form, mode, rest, row, task_unit or form.money_unit)
            elif first in ("绩效指标", "一级指标"):
                mode = "indicators"
                indicator_rows.append(row)
            elif mode == "budget":
                form.money_unit = form.money_unit or _unit_of(items)
                budget_seen |= self.read_department_pairs(form, budget, items)
            elif mode in ("key_tasks", "other_tasks"):
                self.task(form, mode, items, row, task_unit or form.money_unit)
            else:
                self.unplaced_row(items, "部门整体绩效目标表")
        if budget_seen:
            form.budget = budget
        form.indicators = self.indicators(indicator_rows, values=1)
        return form

    def read_department_pairs(
        self, form: DepartmentTargetForm, budget: DepartmentBudget, items: Sequence[_Item]
    ) -> bool:
        found = self.pairs(items, self._DEPARTMENT_PAIRS, self._BUDGET_HEADERS)
        seen = False
        for name, pair in found.items():
            text, item = pair.text, pair.item
            if name in ("funded_headcount", "subordinate_units"):
                what = "财政供养人员数" if name == "funded_headcount" else "下属二级单位数"
                setattr(form, name, self.integer(text, item, what))
                form.field_sources[name] = item.source
                continue
            seen = True
            if name == "own_level_funds":
                budget.own_level_label = pair.label.text
            setattr(budget, name, self.money(text, item, form.money_unit, pair.label.key))
            form.field_sources[f"budget.{name}"] = item.source
        return seen

    def task(
        self, form: DepartmentTargetForm, mode: str, items: Sequence[_Item], row: Row, unit: MoneyUnit | None
    ) -> None:
        tasks = form.key_tasks if mode == "key_tasks" else form.other_tasks
        loc = f"{mode}.{len(tasks)}"
        label, name = None, items[0].text
        match = _TASK_LABEL.match(items[0].text)
        if match:
            label, name = match.group(1).replace(" ", ""), match.group(2) or None
        rest = list(items[1:])
        if name is None and not rest:
            self.problem(
                "task-empty", f"任务行“{items[0].text}”只有编号、没有内容，未作为任务读入",
                row.source, text=items[0].text, severity=ProblemSeverity.INFO,
            )
            return
        amount_at = next(
            (i for i, item in enumerate(rest) if parse_money(_SPACES.sub("", item.text)) is not None), None
        )
        content: str | None
        amount: Money | None = None
        expected: str | None
        if amount_at is not None:
            content = "\n".join(item.text for item in rest[:amount_at]) or None
            amount_item = rest[amount_at]
            amount = self.money(amount_item.text, amount_item, unit, "拟投入的资金")
            expected = "\n".join(item.text for item in rest[amount_at + 1:]) or None
            form.field_sources[f"{loc}.planned_amount"] = amount_item.source
            if amount_at > 1 or len(rest) - amount_at > 2:
                self.problem(
                    "task-cells-joined",
                    f"任务“{name or label}”的单元格多于表头列数，多出的内容已并入相邻字段，请核对",
                    row.source, text=" | ".join(item.text for item in items),
                )
        elif len(rest) >= 3:
            content = rest[0].text
            self.money(rest[1].text, rest[1], unit, "拟投入的资金")
            expected = "\n".join(item.text for item in rest[2:]) or None
        else:
            content = rest[0].text if rest else None
            expected = rest[1].text if len(rest) > 1 else None
        tasks.append(KeyTask(
            label=label, name=name, content=content, planned_amount=amount,
            expected_result=expected, source=row.source,
        ))
        form.field_sources[loc] = row.source

    def unplaced_row(self, items: Sequence[_Item], where: str) -> None:
        text = " | ".join(item.text for item in items)
        self.problem(
            "row-unplaced", f"无法确定这一行属于{where}的哪个栏目（首格为“{_short(items[0].text)}”），未能读入",
            items[0].source, text=text, severity=ProblemSeverity.ERROR,
        )

    # project form -------------------------------------------------------------------------

    _PROJECT_PAIRS: ClassVar[dict[str, str]] = {
        "主管部门": "competent_department",
        "用款单位": "spending_unit",
        "起始年度": "start_year",
        "到期年度": "end_year",
        "总金额": "total_amount",
        "当年度金额": "annual_amount",
    }
    _PROJECT_SINGLE: ClassVar[dict[str, str]] = {
        "项目名称": "project_name",
        "项目类型": "project_type",
        "项目等级": "project_level",
        "项目概述": "overview",
    }

    def project(self, section: _Section) -> ProjectTargetForm:
        form = ProjectTargetForm(layout=self.project_layout)
        self.common(form, section)
        mode = "header"
        goal_columns: list[tuple[str, int]] = []
        indicator_rows: list[Row] = []
        money_rows: list[list[_Item]] = []
        amounts: dict[str, _Pair] = {}
        for row in section.rows:
            items = self.items(row)
            if not items:
                continue
            first = items[0].key
            if mode == "indicators" and (items[0].col > 0 or first not in PROJECT_LABELS):
                indicator_rows.append(row)
                continue
            if first in self._PROJECT_SINGLE:
                name = self._PROJECT_SINGLE[first]
                text = "\n".join(item.text for item in items[1:]) or None
                setattr(form, name, text)
                form.field_sources[name] = items[1].source if len(items) > 1 else items[0].source
                mode = "header"
            elif first in ("主管部门", "实施期限", "预算金额", "用款单位"):
                rest = items[1:] if first in ("实施期限", "预算金额") else items
                if first == "预算金额":
                    money_rows.append(items)
                    form.money_unit = form.money_unit or _unit_of(items)
                found = self.pairs(rest, self._PROJECT_PAIRS)
                for name, pair in found.items():
                    text, item = pair.text, pair.item
                    if name in ("competent_department", "spending_unit"):
                        setattr(form, name, self.org(text))
                    elif name in ("start_year", "end_year"):
                        what = "起始年度" if name == "start_year" else "到期年度"
                        setattr(form, name, self.year(text, item, what))
                    else:
                        amounts[name] = pair  # read below, once the unit is known
                    form.field_sources[name] = item.source
                mode = "header"
            elif first == "总体绩效目标":
                goal_columns = [
                    (field_name, item.col) for item in items[1:] if (field_name := _goal_field(item.key))
                ]
                stray = [item for item in items[1:] if _goal_field(item.key) is None]
                if stray:
                    self.goals(form, stray, goal_columns)
                mode = "goals"
            elif _goal_field(first) and mode == "goals":
                goal_columns = [
                    (field_name, item.col) for item in items if (field_name := _goal_field(item.key))
                ]
            elif first in ("绩效指标", "一级指标"):
                mode = "indicators"
                indicator_rows.append(row)
            elif mode == "goals":
                self.goals(form, items, goal_columns)
            else:
                self.unplaced_row(items, "项目支出绩效目标表")
        self.resolve_amounts(form, money_rows, amounts)
        form.indicators = self.indicators(indicator_rows, values=2)
        return form

    def resolve_amounts(
        self, form: ProjectTargetForm, money_rows: list[list[_Item]],
        amounts: dict[str, _Pair],
    ) -> None:
        if form.money_unit is None:
            for items in money_rows:
                for item in items:
                    if "万元" in item.text:
                        form.money_unit = MoneyUnit.WAN_YUAN
                    elif item.text.endswith("元") and form.money_unit is None:
                        form.money_unit = MoneyUnit.YUAN
        for name, what in (("total_amount", "总金额"), ("annual_amount", "当年度金额")):
            if name in amounts:
                pair = amounts[name]
                setattr(form, name, self.money(pair.text, pair.item, form.money_unit, what))

    def goals(self, form: ProjectTargetForm, items: Sequence[_Item], columns: list[tuple[str, int]]) -> None:
        if len(columns) == len(items) and len(items) > 1:
            placed = [(key, item) for (key, _), item in zip(columns, items, strict=True)]
        elif columns:
            placed = []
            for item in items:
                before = [key for key, col in columns if col <= item.col]
                placed.append((before[-1] if before else columns[0][0], item))
        else:
            placed = [("annual_goal", item) for item in items]
            self.problem(
                "goal-column-unknown", "总体绩效目标缺少“实施周期总目标/当年度目标”表头，内容已按当年度目标读入",
                items[0].source, text=" | ".join(item.text for item in items),
            )
        for name, item in placed:
            previous = getattr(form, name)
            setattr(form, name, f"{previous}\n{item.text}" if previous else item.text)
            form.field_sources.setdefault(name, item.source)

    # indicators ---------------------------------------------------------------------------

    def indicators(self, rows: list[Row], *, values: int) -> list[Indicator]:
        return _IndicatorReader(self, values).read(rows)

    # entry --------------------------------------------------------------------------------

    def build(self) -> ImportedDocument:
        forms: list[DepartmentTargetForm | ProjectTargetForm] = []
        for section in self.sections():
            forms.append(self.department(section) if section.kind == "department" else self.project(section))
        if not forms:
            self.problem(
                "no-forms", "未找到以“部门名称”或“项目名称”开头的绩效目标表", None, severity=ProblemSeverity.ERROR
            )
        self.problems.sort(key=_problem_place)
        return ImportedDocument(file=self.grid.file, layout=self.doc_layout, forms=forms, problems=self.problems)


_GOAL_HEADERS = {
    "实施周期总目标": "period_goal", "实施周期目标": "period_goal", "总目标": "period_goal",
    "当年度目标": "annual_goal", "年度目标": "annual_goal", "年度绩效目标": "annual_goal",
    "当年度绩效目标": "annual_goal", "本年度目标": "annual_goal",
}


def _goal_field(key: str) -> str | None:
    """The goal a header cell announces: 实施周期总目标 → period_goal, 当年度目标 → annual_goal.

    Only the printed header words count; a goal sentence that ends in "年度目标" is not one.
    """
    return _GOAL_HEADERS.get(key)


def _problem_place(problem: ImportProblem) -> tuple[int, int, int, int]:
    source = problem.source
    if source is None:
        return (1, 0, 0, 0)
    return (0, source.page or 0, source.table or 0, source.line or source.row or 0)


def _unit_of(items: Iterable[_Item]) -> MoneyUnit | None:
    for item in items:
        match = _UNIT_IN_LABEL.search(item.text)
        if match:
            return MoneyUnit(match.group(1))
    return None


def _short(text: str, limit: int = 30) -> str:
    text = _SPACES.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _IndicatorReader:
    """Reads the rows of one 绩效指标 table by what each cell says."""

    def __init__(self, builder: _Builder, values: int) -> None:
        self.builder = builder
        self.values = values
        self.columns: dict[str, int] = {}
        self.value_columns: list[int] = []
        self.regime_b = False

    def read(self, rows: list[Row]) -> list[Indicator]:
        indicators: list[Indicator] = []
        level1: str | None = None
        level2: str | None = None
        body: list[tuple[Row, list[_Item]]] = []
        for row in rows:
            items = self.builder.items(row)
            if items and items[0].key == "绩效指标" and items[0].col < self.columns.get("三级指标", items[0].col + 1):
                items = items[1:]  # the 绩效指标 label (a 三级 name reading 绩效指标 stays)
            if items and any(item.key == "一级指标" for item in items):
                self.header(items)
                continue
            if items:
                body.append((row, items))
        self.regime_b = any(_squash(item.text) in _COST_LEVEL2 for _, items in body for item in items[:3])
        for row, items in body:
            new1, new2, rest, roles = self.levels(items)
            if new1 is not None:
                level1, level2 = new1, None
            if new2 is not None:
                level2 = new2
            if not rest:
                indicators.append(Indicator(level1=level1, level2=level2, source=row.source))
                self.check_columns(row, roles, None, [])
                continue
            name_item, value_items = self.split_name(rest)
            if name_item is None and indicators and new1 is None and new2 is None:
                previous = indicators[-1]
                if previous.name and not previous.values() and not previous.extra_values:
                    self.merge_values(previous, value_items, row)
                    continue
            for indicator in self.make(level1, level2, name_item, value_items, row):
                indicators.append(indicator)
            self.check_columns(row, roles, name_item, value_items)
        return indicators

    def header(self, items: list[_Item]) -> None:
        self.columns = {}
        self.value_columns = []
        for item in items:
            key = item.key
            if key in ("一级指标", "二级指标", "三级指标"):
                self.columns[key] = item.col
            elif key.endswith("指标值"):
                self.value_columns.append(item.col)
        if self.value_columns and len(self.value_columns) != self.values:
            self.builder.problem(
                "value-columns-unexpected",
                f"指标表头有 {len(self.value_columns)} 个指标值列，该表应有 {self.values} 个",
                items[0].source, text=" | ".join(item.text for item in items),
            )

    def levels(self, items: list[_Item]) -> tuple[str | None, str | None, list[_Item], list[tuple[_Item, str]]]:
        """Peel a 一级 and a 二级 label off the front of a row, whatever their columns."""
        index = 0
        new1 = new2 = None
        roles: list[tuple[_Item, str]] = []
        key = _squash(items[0].text)
        next_key = _squash(items[1].text) if len(items) > 1 else ""
        if key in _LEVEL1 and (key != "成本指标" or self.regime_b or next_key in _COST_LEVEL2):
            new1 = items[0].text
            roles.append((items[0], "一级指标"))
            index = 1
        if index < len(items) and _squash(items[index].text) in _LEVEL2:
            new2 = items[index].text
            roles.append((items[index], "二级指标"))
            index += 1
        return new1, new2, items[index:], roles

    def split_name(self, rest: list[_Item]) -> tuple[_Item | None, list[_Item]]:
        """The 三级 name and the value cells; a row of value cells only has no name."""
        first_value_col = min(self.value_columns) if self.value_columns else None
        if (
            first_value_col is not None
            and rest[0].col >= first_value_col
            and len(rest) <= self.values
            and rest[0].col != self.columns.get("三级指标")
        ):
            return None, rest
        return rest[0], rest[1:]

    def assign(self, value_items: list[_Item]) -> list[tuple[str, _Item, int | None]]:
        """Which field each value cell fills, with the header column it should sit in.

        Cells fill the value columns in order; a lone cell in a two-value table goes to the
        column it sits in when that is a value column, else to 当年度指标值. Cells beyond the
        table's value columns are ``"extra"``.
        """
        fields = ("annual_value",) if self.values == 1 else ("period_value", "annual_value")
        columns: list[int | None] = list(self.value_columns[: len(fields)])
        columns += [None] * (len(fields) - len(columns))
        if len(value_items) == 1 and len(fields) == 2:
            item = value_items[0]
            if item.col in columns:
                index = columns.index(item.col)
                return [(fields[index], item, columns[index])]
            return [("annual_value", item, columns[1])]
        placed = [(name, item, col) for name, item, col in zip(fields, value_items, columns, strict=False)]
        placed += [("extra", item, None) for item in value_items[len(fields):]]
        return placed

    def value_fields(self, value_items: list[_Item], row: Row, name: str | None) -> dict[str, object]:
        placed = self.assign(value_items)
        data: dict[str, object] = {}
        extra = [parse_value(item.text) for field_name, item, _ in placed if field_name == "extra"]
        for field_name, item, _ in placed:
            if field_name != "extra":
                data[field_name] = parse_value(item.text)
        label = f"指标“{name}”" if name else "这一行的指标"
        if self.values == 2 and len(value_items) == 1:
            filled = "实施周期指标值" if "period_value" in data else "当年度指标值"
            empty = "当年度指标值" if "period_value" in data else "实施周期指标值"
            self.builder.problem(
                "value-missing", f"{label}只有一个指标值，已按{filled}读入，{empty}留空，请核对",
                row.source, text=value_items[0].text,
            )
        if extra:
            data["extra_values"] = extra
            self.builder.problem(
                "extra-value-cells",
                f"{label}有 {len(value_items)} 个指标值，多于表格的 {self.values} 列；"
                f"多出的“{'”“'.join(v.raw for v in extra)}”已保留为额外指标值，请核对哪一格是真正的指标值",
                row.source, text=" | ".join(item.text for item in value_items),
            )
        return data

    def make(
        self, level1: str | None, level2: str | None, name_item: _Item | None,
        value_items: list[_Item], row: Row,
    ) -> list[Indicator]:
        if name_item is not None:
            split = self.split_cell(name_item, value_items)
            if split is not None:
                self.builder.problem(
                    "cell-split",
                    f"一个单元格里写了 {len(split)} 个指标（“{name_item.text}”）及各自的指标值，已拆分为 {len(split)} 行，请核对",
                    row.source, text=" | ".join([name_item.text, *(item.text for item in value_items)]),
                )
                return [
                    Indicator(level1=level1, level2=level2, name=name, source=row.source,
                              **self.value_fields(parts, row, name))
                    for name, parts in split
                ]
        name = name_item.text if name_item is not None else None
        if name is None:
            self.builder.problem(
                "indicator-name-missing", "这一行只有指标值，没有三级指标名称", row.source,
                text=" | ".join(item.text for item in value_items),
            )
        return [Indicator(level1=level1, level2=level2, name=name, source=row.source,
                          **self.value_fields(value_items, row, name))]

    @staticmethod
    def split_cell(name_item: _Item, value_items: list[_Item]) -> list[tuple[str, list[_Item]]] | None:
        """Split "生态环境改善 清洁生产推广 | 比上年改善 起到积极推广作用" into two rows."""
        names = name_item.text.split()
        if len(names) < 2 or not value_items:
            return None
        if any(len(part) < 2 or part[0] in "（(" or not re.search(r"[\u4e00-\u9fff]", part) for part in names):
            return None
        columns = [item.text.split() for item in value_items]
        if any(len(parts) != len(names) for parts in columns):
            return None
        return [
            (part, [_Item(parts[i], item.cell) for parts, item in zip(columns, value_items, strict=True)])
            for i, part in enumerate(names)
        ]

    def merge_values(self, previous: Indicator, value_items: list[_Item], row: Row) -> None:
        data = self.value_fields(value_items, row, previous.name)
        for key, value in data.items():
            setattr(previous, key, value)
        if previous.source is not None:
            previous.source = previous.source.spanning(row.source)
        self.builder.problem(
            "row-joined",
            f"指标“{previous.name}”的名称与指标值分在两行，已合并为一行，请核对",
            previous.source, text=" | ".join(item.text for item in value_items),
        )

    def check_columns(
        self, row: Row, roles: list[tuple[_Item, str]], name_item: _Item | None, value_items: list[_Item]
    ) -> None:
        if not self.columns:
            return
        expected = [(item, self.columns[role], role) for item, role in roles if role in self.columns]
        if name_item is not None and "三级指标" in self.columns:
            expected.append((name_item, self.columns["三级指标"], "三级指标"))
        expected.extend(
            (item, col, "指标值") for _, item, col in self.assign(value_items) if col is not None
        )
        wrong = [(item, col, role) for item, col, role in expected if item.col != col]
        if wrong:
            item, col, role = wrong[0]
            # Domain §8 IND-06: only a category label out of its column is info; a name or a
            # value out of its column is a warning (it was placed by content, please check).
            labels_only = all(r in ("一级指标", "二级指标") for _, _, r in wrong)
            self.builder.problem(
                "row-shifted",
                f"这一行的单元格与表头列不对齐（“{_short(item.text, 20)}”在第{item.col + 1}列，"
                f"表头“{role}”在第{col + 1}列），已按单元格内容识别，请核对",
                row.source, text=" | ".join(i.text for i in self.builder.items(row)),
                severity=ProblemSeverity.INFO if labels_only else ProblemSeverity.WARNING,
            )


def build(grid: Grid, *, layout: str) -> ImportedDocument:
    """Build every Guangdong department and project form of a grid.

    Args:
        grid: rows of cells in column order (blank ones included), from any format.
        layout: the layout id chosen by detection, e.g. ``department-target/tsv-gd-county-2025``;
            its part after "/" becomes the document layout and the forms' layouts are derived
            from it.

    Returns:
        The forms in document order, with every cell that could not be placed recorded in
        ``problems``.
    """
    return _Builder(grid, layout).build()
