"""Checks of a budget disclosure: the JX6xx band (domain.md §6.3 D01–D18, §8 DIS-01…06).

Every identity is checked in the table's own unit. A difference of at most one cent per added line
is a rounding difference and reported with ``rounding_severity`` (info by default); anything larger
is an error (warnings for the cross-walk checks). Each finding names the table, the row (code and
name) and the numbers, and carries the row's place in the source file.

Codes:

======  =====  ==============================================================
JX601   D01    T1 本年收入合计 = Σ 收入项目
JX602   D02    T1 收入总计 = 本年收入合计 + 上年结转结余
JX603   D03    T1 本年支出合计 = Σ 功能类; 支出总计 = 本年支出合计 + 年终结转结余
JX604   D04    T1 收入总计 = 支出总计
JX605   D05    功能分类 类 = Σ 款, 款 = Σ 项, 合计 = Σ 类 (T2, T3, T5, T7, T8)
JX606   D06    T2 合计 = 小计 + 上年结转; 小计 = Σ 收入类型 (per row)
JX607   D07    T3 合计 = 基本 + 项目 + 经营 + 上解 + 对附属单位补助 (per row)
JX608   D08    T1 ↔ T2 ↔ T3 totals and 类 amounts
JX609   D09    T4 income, expenditure and per-fund balance
JX610   D10    T5 ↔ T4 / T3
JX611   D11    T6 合计 = 人员 + 公用; 类 = Σ 款; T6 合计 = T5 基本支出
JX612   D12    T7/T8 ↔ T4 fund columns
JX613   D13    T9 三公 subtotals
JX614   D14    explanation text ↔ tables
JX615   D15    Σ project budgets = T3 项目支出
JX616   D16    function ↔ economic cross-walk for personnel items (warning)
JX617   D17    三公 items ≥ the matching basic economic lines (warning)
JX618   D18    plausibility between sections (info)
JX620   DIS-03 code structure: length, parent present (error)
JX621   DIS-03 code unknown for the year, or name differs from the catalogue (warning)
JX622   DIS-04 all nine tables present; empty tables carry a note (error)
JX623   DIS-05 changes against last year carry reasons (warning)
JX624   DIS-06 published within 20 days of the 批复 (warning; silent while either date is unknown)
======  =====  ==============================================================
"""

from __future__ import annotations

import importlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from jixiao.disclosure.catalogue import Catalogue, load_catalogue
from jixiao.disclosure.model import (
    NINE_TABLES,
    ClassifiedRow,
    ClassifiedTable,
    Disclosure,
    ExpenditureRow,
    IncomeRow,
    SummaryTable,
    TableKind,
)
from jixiao.model import MoneyUnit, SourceRef
from jixiao.review.finding import Finding, Severity

ZERO = Decimal(0)
CENT = Decimal("0.01")
_CHANGE_WORDS = ("增加", "减少", "增长", "下降")
_NUMBERED = re.compile(r"^[一二三四五六七八九十]+、")

CHECK_NAMES: dict[str, str] = {
    "JX601": "disclosure.t1_income_items", "JX602": "disclosure.t1_income_total",
    "JX603": "disclosure.t1_expenditure_total", "JX604": "disclosure.t1_balance",
    "JX605": "disclosure.function_hierarchy", "JX606": "disclosure.t2_rows", "JX607": "disclosure.t3_rows",
    "JX608": "disclosure.t1_t2_t3", "JX609": "disclosure.t4_fiscal", "JX610": "disclosure.t5_general",
    "JX611": "disclosure.t6_basic_economic", "JX612": "disclosure.t7_t8_funds", "JX613": "disclosure.t9_three_public",
    "JX614": "disclosure.text_vs_tables", "JX615": "disclosure.projects_total", "JX616": "disclosure.crosswalk",
    "JX617": "disclosure.three_public_vs_economic", "JX618": "disclosure.plausibility",
    "JX620": "disclosure.code_structure", "JX621": "disclosure.code_catalogue",
    "JX622": "disclosure.tables_present", "JX623": "disclosure.change_reasons",
    "JX624": "disclosure.publication_delay",
}
PURPOSE_COLUMNS: dict[str, str] = {
    "basic": "basic", "project": "project", "reserve": "reserve", "operating": "operating",
    "remit_superior": "remit_superior", "subsidy_subordinate": "subsidy_subordinate",
}
"""A summary table's 支出用途 line and the T3 column it equals."""
SOURCE_GROUPS: tuple[tuple[str, str], ...] = (
    ("一般公共预算", "general"), ("政府性基金", "fund"), ("国有资本经营", "capital"), ("财政专户", "special"),
    ("上年结转", "carryover"), ("其他资金", "other"),
)
"""A by-source T2 group and the T1 income line it equals."""
PUBLICATION_DAYS = 20
"""DIS-06: days allowed between the 批复 and the publication."""

CROSSWALK: tuple[tuple[str, str], ...] = (
    ("2080505", "30108"), ("2080506", "30109"), ("2101101", "30110"), ("2101103", "30111"),
    ("2210201", "30113"), ("2080501", "30302"),
)
THREE_PUBLIC_ECONOMIC: tuple[tuple[str, str], ...] = (
    ("vehicle_operation", "30231"), ("reception", "30217"), ("abroad", "30212"),
)


def _fund_split(table: SummaryTable) -> bool:
    """Whether T4's expenditure half is split by fund (Jiangsu's older layout is not)."""
    return any(line.general is not None or line.fund is not None or line.capital is not None
               for line in table.expenditure)


def fmt(value: Decimal | None) -> str:
    return "空" if value is None else f"{value:,.2f}"


def _n(value: Decimal | None) -> Decimal:
    return value if value is not None else ZERO


EQUALITY = "{where}{at}：{left} {actual} ≠ {right} = {expected}，相差 {difference}{rounding}"
"""The sentence of an equality (used by the rules whose own template is about something else)."""
ROUNDING = "（尾数差异）"
HIERARCHY = "“{table}”{level}“{row}”不等于其下各{child_level}之和：{detail}{parts}{rounding}"
"""合计/类/款 against the sum of its children (JX605's message; JX611's for T6's 类 and 款)."""
EMPTY_WITHOUT_NOTE = "“{table}”为空表，但没有说明为空的原因（如“注：无…，空表列示。”）"
NAME_DIFFERS = "“{table}”科目 {code} 名称为“{name}”，{year} 年目录中为“{expected}”"
NO_CATALOGUE = ("没有 {year} 年或更早年度的政府收支分类科目目录（最早为 {catalogue_year} 年），"
                "未核对科目编码和名称")
NOT_A_CLASS = "“{table}”支出栏“{name}”不是 {year} 年支出功能分类的类级科目"
SHAPED = frozenset({"JX605", "JX614", "JX616", "JX617", "JX618", "JX620", "JX621", "JX622", "JX623", "JX624"})
"""Rules whose own message template is not the equality sentence."""


class _SafeDict(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render(template: str, values: dict[str, str]) -> str:
    return template.format_map(_SafeDict(values))


@cache
def rule_templates(code: str) -> tuple[str, str | None]:
    """The message and hint templates of rule ``code`` (``Rule_JX6nn`` in the review band)."""
    module = importlib.import_module(f"jixiao.review.rules.disclosure.{code}")
    rule = getattr(module, f"Rule_{code}")
    return rule.message, rule.hint


def _row_parts(row: object) -> tuple[str, str, str]:
    """(code, name, label) of a classified row, a summary/三公 line, or a label string."""
    if row is None:
        return "", "", ""
    if isinstance(row, str):
        return "", row, row
    if isinstance(row, ClassifiedRow):
        return row.code or "", row.name or "合计", row.label()
    code = getattr(row, "code", None) or ""
    name = getattr(row, "label", "")
    return code, name, f"{code} {name}" if code else name


@dataclass(slots=True)
class CheckReport:
    """Findings plus, per code, how many comparisons were made and how many failed."""

    findings: list[Finding] = field(default_factory=list)
    evaluated: Counter[str] = field(default_factory=Counter)
    failed: Counter[str] = field(default_factory=Counter)

    @property
    def passed_total(self) -> int:
        return sum(self.evaluated.values()) - sum(self.failed.values())

    @property
    def failed_total(self) -> int:
        return sum(self.failed.values())


class _Checker:
    def __init__(self, disclosure: Disclosure, catalogue: Catalogue, rounding: Severity) -> None:
        self.d = disclosure
        self.catalogue = catalogue
        # A list of a later year than the disclosure's says nothing about its codes (names change:
        # 207 was 文化体育与传媒支出 until 2018): JX621 is then not checked, and says so once.
        self.catalogue_applies = disclosure.year is None or catalogue.year <= disclosure.year
        self.rounding = rounding
        self.report = CheckReport()

    # -- reporting ---------------------------------------------------------------------------------

    def emit(self, rule: str, severity: Severity, /, *, source: SourceRef | None = None,
             loc: tuple[str | int, ...] = (), template: str | None = None, **ctx: object) -> None:
        """Add a finding whose message and hint are the rule's templates (or ``template``) filled from ``ctx``."""
        values = {k: "" if v is None else str(v) for k, v in ctx.items()}
        message, hint = rule_templates(rule)
        self.report.findings.append(Finding(
            code=rule, name=CHECK_NAMES.get(rule, ""), severity=severity,
            message=render(template or message, values), hint=render(hint, values) if hint else None,
            loc=loc, source=source, ctx=values,
        ))

    def count(self, code: str, ok: bool) -> None:
        self.report.evaluated[code] += 1
        if not ok:
            self.report.failed[code] += 1

    def equal(
        self, code: str, where: str, left_label: str, left: Decimal | None, terms: Sequence[tuple[str, Decimal | None]],
        *, source: SourceRef | None = None, loc: tuple[str | int, ...] = (), severity: Severity = Severity.ERROR,
        right_label: str | None = None, row: object = None,
    ) -> bool:
        """Compare ``left`` with Σ ``terms``; report a difference (rounding-sized ones separately).

        ``where`` names the table (or the two tables compared), ``row`` the row (a classified row, a
        summary line or a label) when the comparison is within one row."""
        right = sum((_n(value) for _, value in terms), ZERO)
        diff = _n(left) - right
        ok = diff == 0
        self.count(code, ok)
        if ok:
            return True
        sev = self.rounding if abs(diff) <= CENT * max(1, len(terms)) and severity == Severity.ERROR else severity
        if right_label is None:
            right_label = " + ".join(f"{label} {fmt(value)}" for label, value in terms) if len(terms) <= 6 \
                else f"{len(terms)} 项之和"
        row_code, row_name, row_text = _row_parts(row)
        self.emit(code, sev, template=EQUALITY if code in SHAPED else None, source=source, loc=loc, where=where,
                  table=where[1:-1] if where.count("“") == 1 and where.startswith("“") and where.endswith("”") else where,
                  at=f"“{row_text}”" if row_text else "", row=row_text, code=row_code, name=row_name, left=left_label,
                  right=right_label, actual=fmt(left), expected=fmt(right), difference=fmt(diff),
                  rounding=ROUNDING if sev == self.rounding and sev != severity else "")
        return False

    # -- the tables ----------------------------------------------------------------------------------

    def run(self, projects: Sequence[tuple[str, Decimal]] | None) -> CheckReport:
        self.presence()
        self.catalogue_note()
        self.t1()
        for kind in (TableKind.T2, TableKind.T3, TableKind.T5, TableKind.T7, TableKind.T8):
            table = self.d.classified(kind)
            if table is not None:
                self.hierarchy(table, "JX605")
                self.codes(table, "function")
        self.t2_t3()
        self.t4()
        self.t5()
        self.t6()
        self.t7_t8()
        self.t9()
        self.text()
        self.projects(projects)
        self.crosswalk()
        self.plausibility()
        self.publication()
        return self.report

    def catalogue_note(self) -> None:
        if self.catalogue_applies or not any(
                isinstance(t, ClassifiedTable) and any(r.code for r in t.rows) for t in self.d.tables.values()):
            return
        self.emit("JX621", Severity.INFO, template=NO_CATALOGUE, loc=("year",), year=self.d.year,
                  catalogue_year=self.catalogue.year)

    def presence(self) -> None:
        for kind in NINE_TABLES:
            table = self.d.tables.get(kind)
            ok = table is not None
            self.count("JX622", ok)
            if not ok:
                self.emit("JX622", Severity.ERROR, loc=("tables", kind.value), table=kind.title,
                          number=kind.value[1])
                continue
            if table.is_empty:
                ok = bool(table.empty_note)
                self.count("JX622", ok)
                if not ok:
                    self.emit("JX622", Severity.ERROR, template=EMPTY_WITHOUT_NOTE, source=table.source,
                              loc=("tables", kind.value), table=table.title, number=kind.value[1])

    def t1(self) -> None:
        t1 = self.d.summary(TableKind.T1)
        if t1 is None:
            return
        name = f"“{t1.title}”"
        items = [line for line in t1.income if line.key in ("general", "fund", "capital", "special", "unit", "fiscal",
                                                             "business", "operating", "other", "superior",
                                                             "subsidiary", "other_item")]
        if any(line.key == "fiscal" for line in items):
            items = [line for line in items if line.key not in ("general", "fund", "capital")]
        current = t1.income_line("current_total")
        carry = t1.income_line("carryover")
        grand = t1.income_line("grand_total")
        if current is not None:
            self.equal("JX601", name, "本年收入合计", current.amount, [(line.label, line.amount) for line in items],
                       source=current.source, right_label="收入项目之和")
        if grand is not None and current is None:
            self.equal("JX602", name, "收入总计", grand.amount,
                       [(line.label, line.amount) for line in items] + [("上年结转结余", carry.amount if carry else None)],
                       source=grand.source, right_label="收入项目与上年结转结余之和")
        if grand is not None and current is not None:
            self.equal("JX602", name, "收入总计", grand.amount,
                       [("本年收入合计", current.amount), ("上年结转结余", carry.amount if carry else None)],
                       source=grand.source)
        exp_current = t1.expenditure_line("current_total")
        exp_grand = t1.expenditure_line("grand_total")
        closing = t1.expenditure_line("closing_carryover")
        classes = t1.class_lines
        if exp_current is not None:
            counted = [line for line in classes if line.code or _NUMBERED.match(line.label)]
            self.equal("JX603", name, "本年支出合计", exp_current.amount,
                       [(line.label, line.amount) for line in counted], source=exp_current.source,
                       right_label="各功能类支出之和")
            if exp_grand is not None:
                self.equal("JX603", name, "支出总计", exp_grand.amount,
                           [("本年支出合计", exp_current.amount), ("年终结转结余", closing.amount if closing else None)],
                           source=exp_grand.source)
        if exp_current is not None and t1.purposes:
            self.equal("JX603", name, "本年支出合计", exp_current.amount,
                       [(line.label, line.amount) for line in t1.purposes], source=exp_current.source,
                       right_label="各支出用途（基本支出、项目支出等）之和")
        if exp_grand is None and exp_current is not None:
            exp_grand = exp_current
        if grand is not None and exp_grand is not None:
            self.equal("JX604", name, "收入总计", grand.amount, [("支出总计", exp_grand.amount)], source=grand.source,
                       right_label="支出总计")
        for line in classes if self.catalogue_applies else []:
            if line.code is None:
                self.count("JX621", False)
                self.emit("JX621", Severity.WARNING, template=NOT_A_CLASS, source=line.source, table=t1.title,
                          code="", name=line.label, year=self.catalogue.year)

    def hierarchy(self, table: ClassifiedTable, code: str) -> None:
        """合计 = Σ 类, 类 = Σ 款, 款 = Σ 项, for every column of the table."""
        rows = table.rows
        by_code = {row.code: row for row in rows if row.code}
        columns = [c for c in table.columns if c in type(rows[0]).COLUMNS] if rows else []
        parents: list[ClassifiedRow] = [row for row in rows if row.is_total] + [r for r in rows if r.level in (1, 2)]
        for parent in parents:
            if parent.is_total:
                kids = [row for row in rows if row.level == 1]
            else:
                assert parent.code is not None
                kids = [row for row in rows if row.code and len(row.code) == len(parent.code) + 2
                        and row.code.startswith(parent.code)]
            if not kids:
                continue
            diffs = []
            for column in columns:
                left = parent.get(column)
                right = sum((_n(kid.get(column)) for kid in kids), ZERO)
                if _n(left) != right:
                    diffs.append((column, left, right))
            self.count(code, not diffs)
            if not diffs:
                continue
            worst = max(abs(_n(left) - right) for _, left, right in diffs)
            sev = self.rounding if worst <= CENT * len(kids) else Severity.ERROR
            level = {None: "合计", 1: "类", 2: "款"}[parent.level]
            kid_level = {None: "类", 1: "款", 2: "项"}[parent.level]
            detail = "；".join(f"{type(parent).COLUMNS[c]} {fmt(left)} ≠ {fmt(right)}" for c, left, right in diffs)
            parts = " + ".join(f"{kid.code} {fmt(kid.get(diffs[0][0]))}" for kid in kids) if len(kids) <= 6 else ""
            column, left, right = diffs[0]
            self.emit(code, sev, template=HIERARCHY, source=parent.source,
                      loc=("tables", table.kind.value, parent.code or "合计"), table=table.title, level=level,
                      row=parent.label(), code=parent.code or "", name=parent.name or "合计", child_level=kid_level,
                      detail=detail, parts=f"（{parts}）" if parts else "", column=type(parent).COLUMNS[column],
                      actual=fmt(left), expected=fmt(right), difference=fmt(_n(left) - right),
                      rounding=ROUNDING if sev == self.rounding else "")
        del by_code

    def codes(self, table: ClassifiedTable, kind: str) -> None:
        present = {row.code for row in table.rows if row.code}
        lengths = (3, 5, 7) if kind == "function" else (3, 5)
        for row in table.rows:
            if row.code is None:
                continue
            problems = []
            if len(row.code) not in lengths:
                problems.append(f"编码应为 {'/'.join(map(str, lengths))} 位，实际 {len(row.code)} 位")
            elif len(row.code) > 3 and row.code[:-2] not in present:
                problems.append(f"上级科目 {row.code[:-2]} 不在表中")
            self.count("JX620", not problems)
            if problems:
                self.emit("JX620", Severity.ERROR, source=row.source, table=table.title, code=row.code,
                          name=row.name, problem="；".join(problems))
                continue
            if not self.catalogue_applies:
                continue
            entry = self.catalogue.get(kind, row.code)
            ok = entry is not None and self.catalogue.names_match(kind, row.code, row.name) is not False
            self.count("JX621", ok)
            if entry is None:
                self.emit("JX621", Severity.WARNING, source=row.source, table=table.title, code=row.code,
                          name=row.name, year=self.catalogue.year)
            elif not ok:
                self.emit("JX621", Severity.WARNING, template=NAME_DIFFERS, source=row.source, table=table.title,
                          code=row.code, name=row.name, year=self.catalogue.year, expected=entry.name)

    def t2_t3(self) -> None:
        t1, t2, t3 = self.d.summary(TableKind.T1), self.d.classified(TableKind.T2), self.d.classified(TableKind.T3)
        if t2 is not None and any(c in t2.columns for c in (*IncomeRow.INCOME_TYPES, "subtotal", "carryover")):
            for row in t2.rows:
                assert isinstance(row, IncomeRow)
                where = f"“{t2.title}”"
                types = [(IncomeRow.COLUMNS[c], row.get(c)) for c in IncomeRow.INCOME_TYPES]
                if "subtotal" in t2.columns:
                    self.equal("JX606", where, "合计", row.total, [("本年收入小计", row.subtotal), ("上年结转", row.carryover)],
                               source=row.source, row=row)
                    self.equal("JX606", where, "本年收入小计", row.subtotal, types, source=row.source,
                               right_label="各收入类型之和", row=row)
                else:
                    self.equal("JX606", where, "合计", row.total, [*types, ("上年结转", row.carryover)],
                               source=row.source, right_label="各收入类型与上年结转之和", row=row)
        if t3 is not None and len(t3.columns) > 1:
            for row in t3.rows:
                terms = [(label, row.get(c)) for c, label in type(row).COLUMNS.items() if c != "total"]
                self.equal("JX607", f"“{t3.title}”", "合计", row.get("total"), terms, source=row.source,
                           right_label="基本、项目等各项支出之和", row=row)
        self.by_source(t1)
        if t1 is None:
            return
        grand = t1.income_line("grand_total")
        total_t3 = t3.total_row if t3 is not None else None
        for line in t1.purposes if total_t3 is not None and t3 is not None else []:
            column = PURPOSE_COLUMNS.get(line.key)
            if column is None or column not in t3.columns:
                continue
            self.equal("JX608", f"“{t3.title}”与“{t1.title}”", f"支出总表{ExpenditureRow.COLUMNS[column]}",
                       total_t3.get(column), [("收支总表", line.amount)], source=total_t3.source,
                       right_label=f"收支总表“{line.label}”")
        for table in (t2, t3):
            if table is None or table.total_row is None or grand is None:
                continue
            self.equal("JX608", f"“{table.title}”与“{t1.title}”", "合计", table.total_row.get("total"),
                       [("收支总表收入总计", grand.amount)], source=table.total_row.source, right_label="收支总表收入总计")
            if not any(row.code for row in table.rows):
                continue  # not classified by function (Jiangsu's 收入/支出预算总表)
            for line in t1.class_lines:
                if line.code is None:
                    continue
                row = table.row(line.code)
                if row is None and line.amount is None:
                    continue
                self.equal("JX608", f"“{table.title}”与“{t1.title}”类", f"{table.kind.value} 金额",
                           row.get("total") if row else None, [("收支总表", line.amount)],
                           source=row.source if row else line.source, right_label="收支总表金额", row=line)
        if t2 is not None and t2.total_row is not None:
            total = t2.total_row
            assert isinstance(total, IncomeRow)
            fiscal = [line for line in t1.income if line.key in ("general", "fund", "capital")]
            if fiscal and total.fiscal is not None:
                self.equal("JX608", f"“{t1.title}”与“{t2.title}”", "收入总表财政拨款收入", total.fiscal,
                           [(line.label, line.amount) for line in fiscal], source=total.source,
                           right_label="收支总表三项财政拨款收入之和")
            unit = t1.income_line("unit")
            if unit is not None:
                self.equal("JX608", f"“{t1.title}”与“{t2.title}”", "单位资金", unit.amount,
                           [(IncomeRow.COLUMNS[c], total.get(c)) for c in
                            ("business", "operating", "superior_subsidy", "subsidiary_remit", "other")],
                           source=unit.source, right_label="收入总表事业、经营、上级补助、附属上缴、其他收入之和")

    def by_source(self, t1: SummaryTable | None) -> None:
        """T2 listed by income source: 收入总计 = Σ group 小计, 小计 = Σ its items (JX606); 收入总计
        and the groups against T1's income lines (JX608)."""
        t2 = self.d.by_source()
        if t2 is None:
            return
        where = f"“{t2.title}”"
        heads: list[tuple[str, Decimal | None]] = []
        for head, items in t2.groups():
            added = [item for item in items if not item.part_of]
            if head is None:
                heads += [(item.label, item.amount) for item in added]
                continue
            heads.append((head.label, head.amount))
            if added and (head.amount is not None or any(item.amount is not None for item in added)):
                self.equal("JX606", where, "小计", head.amount, [(item.label, item.amount) for item in added],
                           source=head.source, row=head.group, right_label="其下各收入来源之和")
        total = t2.total_line
        if total is not None and heads:
            self.equal("JX606", where, "收入总计", total.amount, heads, source=total.source,
                       right_label="各收入来源小计之和")
        if t1 is None or total is None:
            return
        grand = t1.income_line("grand_total") or t1.income_line("current_total")
        if grand is not None:
            self.equal("JX608", f"{where}与“{t1.title}”", "收入总计", total.amount, [("收支总表收入合计", grand.amount)],
                       source=total.source, right_label="收支总表收入合计")
        for head, _ in t2.groups():
            key = next((k for word, k in SOURCE_GROUPS if head is not None and word in head.group), None)
            line = t1.income_line(key) if key else None
            if head is None or line is None or (head.amount is None and line.amount is None):
                continue
            self.equal("JX608", f"{where}与“{t1.title}”", head.label, head.amount, [(line.label, line.amount)],
                       source=head.source, right_label=f"收支总表“{line.label}”")

    def t4(self) -> None:
        t4 = self.d.summary(TableKind.T4)
        if t4 is None:
            return
        name = f"“{t4.title}”"
        inc = {key: t4.income_line(key) for key in ("general", "fund", "capital", "current_total", "carryover",
                                                  "grand_total", "carryover_general", "carryover_fund",
                                                  "carryover_capital")}

        def amount(key: str) -> Decimal | None:
            line = inc.get(key)
            return line.amount if line else None

        if inc["current_total"] is not None:
            self.equal("JX609", name, "本年收入合计", amount("current_total"),
                       [("一般公共预算拨款", amount("general")), ("政府性基金预算拨款", amount("fund")),
                        ("国有资本经营预算拨款", amount("capital"))], source=inc["current_total"].source)
        if inc["grand_total"] is not None:
            base = [("本年收入合计", amount("current_total"))] if inc["current_total"] is not None else [
                ("一般公共预算拨款", amount("general")), ("政府性基金预算拨款", amount("fund")),
                ("国有资本经营预算拨款", amount("capital"))]
            self.equal("JX609", name, "收入总计", amount("grand_total"),
                       [*base, ("年初结转和结余", amount("carryover"))], source=inc["grand_total"].source)
        if any(inc[k] is not None for k in ("carryover_general", "carryover_fund", "carryover_capital")) \
                and inc["carryover"] is not None:
            self.equal("JX609", name, "年初财政拨款结转和结余", amount("carryover"),
                       [(k, amount(k)) for k in ("carryover_general", "carryover_fund", "carryover_capital")],
                       source=inc["carryover"].source, right_label="分资金来源的年初结转和结余之和")
        for line in t4.expenditure:
            if line.general is None and line.fund is None and line.capital is None:
                continue  # a line not split by fund (e.g. Jiangsu's 支出用途 lines)
            if len(t4.columns) > 1:
                self.equal("JX609", name, "合计", line.amount,
                           [("一般公共预算", line.general), ("政府性基金", line.fund), ("国有资本经营", line.capital)],
                           source=line.source, row=line)
        current = t4.expenditure_line("current_total")
        grand = t4.expenditure_line("grand_total")
        closing = t4.expenditure_line("closing_carryover")
        # Only the 类 lines (a class code, or numbered 一、…): a layout listing 款 and 项 by name
        # under each 类 (Jiangsu 2019) must not add them twice.
        classes = [line for line in t4.class_lines if line.code or _NUMBERED.match(line.label)]
        if current is not None and classes:
            self.equal("JX609", name, "本年支出合计", current.amount,
                       [(line.label, line.amount) for line in classes], source=current.source,
                       right_label="各功能类支出之和")
        if current is not None and t4.purposes:
            self.equal("JX609", name, "本年支出合计", current.amount,
                       [(line.label, line.amount) for line in t4.purposes], source=current.source,
                       right_label="各支出用途（基本支出、项目支出等）之和")
        if inc["grand_total"] is not None and grand is not None:
            self.equal("JX609", name, "收入总计", amount("grand_total"), [("支出总计", grand.amount)],
                       source=grand.source, right_label="支出总计")
        if current is not None and _fund_split(t4):
            for fund, label in (("general", "一般公共预算"), ("fund", "政府性基金预算"), ("capital", "国有资本经营预算")):
                spent = _n(current.get(fund)) + _n(closing.get(fund) if closing else None)
                self.equal("JX609", f"{name}{label}", "本年收入与年初结转", _n(amount(fund)) + _n(amount(f"carryover_{fund}")),
                           [("本年支出", current.get(fund)), ("年末结转", closing.get(fund) if closing else None)],
                           source=current.source, right_label=f"本年支出与年末结转 {fmt(spent)}")

    def t5(self) -> None:
        t5, t3, t4 = self.d.classified(TableKind.T5), self.d.classified(TableKind.T3), self.d.summary(TableKind.T4)
        if t5 is None:
            return
        for row in t5.rows if {"basic", "project"} & set(t5.columns) else []:
            self.equal("JX610", f"“{t5.title}”", "合计", row.get("total"),
                       [("基本支出", row.get("basic")), ("项目支出", row.get("project"))], source=row.source, row=row)
        total = t5.total_row
        if total is None:
            return
        current = t4.expenditure_line("current_total") if t4 else None
        if current is not None and t4 is not None and _fund_split(t4):
            self.equal("JX610", f"“{t5.title}”与“{t4.title}”", "合计", total.get("total"),
                       [("财政拨款收支总表一般公共预算支出", current.general)], source=total.source,
                       right_label="财政拨款收支总表一般公共预算支出")
        t3_total = t3.total_row if t3 else None
        if t3_total is None or t3 is None:
            return
        t7, t8 = self.d.classified(TableKind.T7), self.d.classified(TableKind.T8)
        others = [t for t in (t7, t8) if t is not None and t.total_row is not None]
        if "basic" in t5.columns and not any(_n(t.total_row.get("basic")) for t in others if t.total_row):
            self.equal("JX610", f"“{t5.title}”与“{t3.title}”", "基本支出", total.get("basic"),
                       [("支出总表基本支出", t3_total.get("basic"))], source=total.source, right_label="支出总表基本支出")
        t2 = self.d.classified(TableKind.T2)
        non_fiscal = ZERO
        if t2 is not None and t2.total_row is not None:
            non_fiscal = sum((_n(t2.total_row.get(c)) for c in IncomeRow.INCOME_TYPES if c != "fiscal"), ZERO)
        if non_fiscal == 0 and "project" in t5.columns:
            terms = [("支出总表项目支出", t3_total.get("project"))] + [
                (f"{t.title}项目支出", -_n(t.total_row.get("project"))) for t in others if t.total_row]
            self.equal("JX610", f"“{t5.title}”与“{t3.title}”", "项目支出", total.get("project"), terms,
                       source=total.source, right_label="支出总表项目支出减政府性基金、国有资本经营项目支出")

    def t6(self) -> None:
        t6, t5 = self.d.classified(TableKind.T6), self.d.classified(TableKind.T5)
        if t6 is None:
            return
        self.codes(t6, "dept_econ")
        for row in t6.rows if {"personnel", "public"} & set(t6.columns) else []:
            self.equal("JX611", f"“{t6.title}”", "合计", row.get("total"),
                       [("人员经费", row.get("personnel")), ("公用经费", row.get("public"))], source=row.source, row=row)
        self.hierarchy(t6, "JX611")
        if t5 is not None and "basic" in t5.columns and t5.total_row is not None and t6.total_row is not None:
            self.equal("JX611", f"“{t6.title}”与“{t5.title}”", "合计", t6.total_row.get("total"),
                       [("一般公共预算支出表基本支出", t5.total_row.get("basic"))], source=t6.total_row.source,
                       right_label="一般公共预算支出表基本支出")

    def t7_t8(self) -> None:
        t4 = self.d.summary(TableKind.T4)
        current = t4.expenditure_line("current_total") if t4 else None
        for kind, column, label in ((TableKind.T7, "fund", "政府性基金预算"), (TableKind.T8, "capital", "国有资本经营预算")):
            table = self.d.classified(kind)
            if table is None or current is None or t4 is None or not _fund_split(t4):
                continue
            total = table.total_row.get("total") if table.total_row else None
            self.equal("JX612", f"“{table.title}”与“{t4.title}”", "合计", total,
                       [(f"财政拨款收支总表{label}支出", current.get(column))],
                       source=table.total_row.source if table.total_row else table.source,
                       right_label=f"财政拨款收支总表{label}支出")

    def t9(self) -> None:
        t9 = self.d.three_public()
        if t9 is None:
            return
        name = f"“{t9.title}”"

        def row(key: str):
            return t9.row(key)

        total, subtotal = row("total"), row("subtotal")
        abroad, vehicle, reception = row("abroad"), row("vehicle"), row("reception")
        for column, label in (("total", "合计"), ("general", "一般公共预算财政拨款")):
            items = [(r.label, r.get(column)) for r in (abroad, vehicle, reception) if r is not None]
            for head in (total, subtotal):
                if head is not None and items:
                    self.equal("JX613", f"{name}{label}列", head.label, head.get(column), items, source=head.source,
                               right_label="因公出国（境）费、公务用车购置及运行维护费、公务接待费之和")
            if vehicle is not None and (row("vehicle_purchase") or row("vehicle_operation")):
                self.equal("JX613", f"{name}{label}列", vehicle.label, vehicle.get(column),
                           [(r.label, r.get(column)) for r in (row("vehicle_purchase"), row("vehicle_operation")) if r],
                           source=vehicle.source)
            subs = [r for r in (row("abroad_research"), row("abroad_other")) if r is not None]
            if abroad is not None and subs and any(r.get(column) is not None for r in subs):
                self.equal("JX613", f"{name}{label}列", abroad.label, abroad.get(column),
                           [(r.label, r.get(column)) for r in subs], source=abroad.source)
        for r in t9.rows:
            if r.general is None and r.fund is None and r.capital is None:
                continue
            self.equal("JX613", name, "合计", r.total,
                       [("一般公共预算", r.general), ("政府性基金", r.fund), ("国有资本经营", r.capital)], source=r.source,
                       row=r)

    # -- text ----------------------------------------------------------------------------------------

    def text(self) -> None:
        text = self.d.explanation
        if not text:
            return
        flat = re.sub(r"\s", "", text)
        t1, t3, t6, t9 = (self.d.summary(TableKind.T1), self.d.classified(TableKind.T3),
                          self.d.classified(TableKind.T6), self.d.three_public())
        scale = Decimal(10000) if self.d.unit == MoneyUnit.YUAN else Decimal(1)
        pairs: list[tuple[str, str, Decimal | None, str]] = []

        def add(pattern: str, label: str, value: Decimal | None, table: str, present: bool = True) -> None:
            if present:  # a line or column the layout does not have is not compared
                pairs.append((pattern, label, value, table))

        if t1 is not None:
            for key, pattern, label in (
                ("grand_total", r"(?<!公共)(?<!基金)(?<!经营)预算收入([\d,]+(?:\.\d+)?)万元", "预算收入"),
                ("grand_total", r"(?<!预算)(?<!基金)(?<!经营)(?<!公共)(?<!专户)收入预算([\d,]+(?:\.\d+)?)万元", "收入预算"),
                ("fiscal", r"其中：财政拨款收入([\d,]+(?:\.\d+)?)万元", "财政拨款收入"),
                ("general", r"一般公共预算收入([\d,]+(?:\.\d+)?)万元", "一般公共预算收入"),
                ("fund", r"基金预算收入([\d,]+(?:\.\d+)?)万元", "政府性基金预算收入"),
                ("capital", r"国有资本经营预算收入([\d,]+(?:\.\d+)?)万元", "国有资本经营预算收入"),
                ("special", r"财政专户核拨收入([\d,]+(?:\.\d+)?)万元", "财政专户核拨收入"),
                ("unit", r"单位资金收入([\d,]+(?:\.\d+)?)万元", "单位资金收入"),
                ("carryover", r"上年结转结余([\d,]+(?:\.\d+)?)万元", "上年结转结余"),
            ):
                line = t1.income_line(key)
                add(pattern, label, line.amount if line else None, t1.title, line is not None)
            grand = t1.expenditure_line("grand_total")
            add(r"(?<!基本)(?<!项目)(?<!预算)(?<!拨款)支出预算([\d,]+(?:\.\d+)?)万元", "支出预算", grand.amount if grand else None,
                t1.title, grand is not None)
        if t3 is not None and t3.total_row is not None:
            add(r"基本支出([\d,]+(?:\.\d+)?)万元", "基本支出", t3.total_row.get("basic"), t3.title, "basic" in t3.columns)
            add(r"项目支出([\d,]+(?:\.\d+)?)万元", "项目支出", t3.total_row.get("project"), t3.title,
                "project" in t3.columns)
        if t6 is not None and t6.total_row is not None:
            split = "public" in t6.columns
            add(r"人员经费([\d,]+(?:\.\d+)?)万元", "人员经费", t6.total_row.get("personnel"), t6.title, split)
            add(r"公用经费([\d,]+(?:\.\d+)?)万元", "公用经费", t6.total_row.get("public"), t6.title, split)
            add(r"机关运行经费(?:共计)?安排([\d,]+(?:\.\d+)?)万元", "机关运行经费", t6.total_row.get("public"), t6.title,
                split)
        if t9 is not None:
            for key, pattern, label in (
                ("total", r"三公”?经费预算安排([\d,]+(?:\.\d+)?)万元", "“三公”经费"),
                ("abroad", r"因公出国（境）费([\d,]+(?:\.\d+)?)万元", "因公出国（境）费"),
                ("vehicle", r"公务用车购置及运(?:行)?维(?:护)?费([\d,]+(?:\.\d+)?)万元", "公务用车购置及运维费"),
                ("vehicle_purchase", r"公务用车购置费为?([\d,]+(?:\.\d+)?)万元", "公务用车购置费"),
                ("vehicle_operation", r"公务用车运(?:行)?维(?:护)?费为?([\d,]+(?:\.\d+)?)万元", "公务用车运行维护费"),
                ("reception", r"公务接待费为?([\d,]+(?:\.\d+)?)万元", "公务接待费"),
            ):
                r = t9.row(key)
                add(pattern, label, r.total if r else None, t9.title, r is not None)
        for pattern, label, value, table in pairs:
            # The first statement of the amount, not a change (增加基本支出844.15万元).
            match = next((m for m in re.finditer(pattern, flat)
                          if flat[max(0, m.start() - 2):m.start()] not in _CHANGE_WORDS), None)
            if match is None:
                continue
            stated = Decimal(match.group(1).replace(",", ""))
            in_table = (_n(value) / scale).quantize(CENT)
            ok = stated == in_table
            self.count("JX614", ok)
            if not ok:
                self.emit("JX614", Severity.ERROR, source=SourceRef(file=self.d.file), table=table, label=label,
                          actual=fmt(stated), expected=fmt(in_table), difference=fmt(stated - in_table))
        change = re.search(r"较\d{4}年预算(增加|减少)([\d,.]+)万元，其中：?基本支出(增加|减少)([\d,.]+)万元.*?项目支出(增加|减少)([\d,.]+)万元",
                           flat)
        if change:
            def signed(word: str, number: str) -> Decimal:
                value = Decimal(number.replace(",", ""))
                return value if word == "增加" else -value
            total_change = signed(change.group(1), change.group(2))
            self.equal("JX614", "情况说明“比上年增减情况”", "收支增减", total_change,
                       [("基本支出增减", signed(change.group(3), change.group(4))),
                        ("项目支出增减", signed(change.group(5), change.group(6)))],
                       source=SourceRef(file=self.d.file))
            end = flat.find("。", change.end())
            window = flat[change.start(): end + 1 if end >= 0 else change.end()]
            ok = "原因" in window or "由于" in window or "因为" in window
            self.count("JX623", ok)
            if not ok:
                self.emit("JX623", Severity.WARNING, source=SourceRef(file=self.d.file),
                          change=f"{change.group(1)} {change.group(2)} 万元")

    def projects(self, projects: Sequence[tuple[str, Decimal]] | None) -> None:
        t3 = self.d.classified(TableKind.T3)
        items = list(projects) if projects is not None else [(p.name, p.amount) for p in self.d.projects]
        if t3 is None or t3.total_row is None or not items:
            return
        self.equal("JX615", f"项目绩效目标表与“{t3.title}”", "项目支出", t3.total_row.get("project"), items,
                   source=t3.total_row.source, right_label=f"{len(items)} 个项目预算之和")

    def crosswalk(self) -> None:
        t5 = self.d.classified(TableKind.T5) or self.d.classified(TableKind.T3)
        t6 = self.d.classified(TableKind.T6)
        if t5 is None or t6 is None:
            return
        for function_code, economic_code in CROSSWALK:
            f_row, e_row = t5.row(function_code), t6.row(economic_code)
            if f_row is None:
                continue
            f_value = f_row.get("basic") if f_row.get("basic") is not None else f_row.get("total")
            e_value = e_row.get("total") if e_row else None
            ok = _n(f_value) == _n(e_value)
            self.count("JX616", ok)
            if not ok:
                other = f"{economic_code} {e_row.name} {fmt(e_value)}" if e_row else f"没有 {economic_code} 经济科目"
                self.emit("JX616", Severity.WARNING, source=f_row.source, table=t5.title, code=f_row.code,
                          name=f_row.name, actual=fmt(f_value), expected=fmt(e_value),
                          difference=fmt(_n(f_value) - _n(e_value)), economic=economic_code, other=other)

    def plausibility(self) -> None:
        t9, t6 = self.d.three_public(), self.d.classified(TableKind.T6)
        if t9 is not None and t6 is not None:
            for key, economic_code in THREE_PUBLIC_ECONOMIC:
                r, e_row = t9.row(key), t6.row(economic_code)
                if r is None or e_row is None:
                    continue
                ok = _n(r.total) >= _n(e_row.get("total"))
                self.count("JX617", ok)
                if not ok:
                    self.emit("JX617", Severity.WARNING, source=r.source, table=t9.title, item=r.label,
                              actual=fmt(r.total), code=e_row.code, name=e_row.name, expected=fmt(e_row.get("total")),
                              difference=fmt(_n(r.total) - _n(e_row.get("total"))))
        if t9 is None:
            return
        vehicle = max(_n(getattr(t9.row(k), "total", None)) for k in ("vehicle", "vehicle_operation"))
        if vehicle <= 0:
            return
        text = re.sub(r"\s", "", self.d.explanation or "")
        match = re.search(r"上年末固定资产(?:金额)?为?([\d,.]+)万元", text)
        assets = self.d.tables.get(TableKind.ASSETS)
        no_assets = (match is not None and Decimal(match.group(1).replace(",", "")) == 0) or (
            assets is not None and assets.is_empty)
        self.count("JX618", not no_assets)
        if no_assets:
            self.emit("JX618", Severity.INFO, source=t9.source, table=t9.title, actual=fmt(vehicle))

    def publication(self) -> None:
        """DIS-06: published within 20 days of the 批复; nothing is said while either date is unknown."""
        approved, published = self.d.approved_on, self.d.published_on
        if approved is None or published is None:
            return
        days = (published.value - approved.value).days
        ok = days <= PUBLICATION_DAYS
        self.count("JX624", ok)
        if not ok:
            self.emit("JX624", Severity.WARNING, source=published.source or approved.source, loc=("published_on",),
                      approved=f"{approved.value:%Y年%m月%d日}", published=f"{published.value:%Y年%m月%d日}",
                      days=days, limit=PUBLICATION_DAYS, actual=days, expected=PUBLICATION_DAYS,
                      difference=days - PUBLICATION_DAYS)


def check_disclosure(
    disclosure: Disclosure, *, catalogue: Catalogue | None = None, projects: Iterable[object] | None = None,
    rounding_severity: Severity = Severity.INFO,
) -> CheckReport:
    """Run every JX6xx check. ``projects`` may be ProjectTargetForm objects (their ``annual_amount``) or
    (name, amount) pairs in the disclosure's unit; without it the projects read from the document are used."""
    catalogue = catalogue or load_catalogue(disclosure.year)
    pairs: list[tuple[str, Decimal]] | None = None
    if projects is not None:
        pairs = []
        for item in projects:
            if isinstance(item, tuple):
                pairs.append((str(item[0]), Decimal(item[1])))
                continue
            money = getattr(item, "annual_amount", None)
            if money is None:
                continue
            amount = money.to(disclosure.unit).amount
            pairs.append((getattr(item, "display_name", None) or getattr(item, "project_name", "") or "", amount))
    return _Checker(disclosure, catalogue, rounding_severity).run(pairs)
