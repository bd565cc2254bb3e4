"""Open data: the forms as CSV (one row per form, one row per indicator) and as JSON.

CSV files are UTF-8 with a byte-order mark, so that Excel opens the Chinese text correctly,
with ``\\r\\n`` line ends and a header row of stable English column names; docs/open-data.md
is the data dictionary (Chinese and English). Money columns hold exact decimals in the unit
named by ``money_unit``; 指标值 columns keep the raw text beside its parsed parts.

The JSON export is the :class:`~jixiao.model.ImportBatch` model (schema under docs/schema/).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from jixiao.model import (
    DepartmentTargetForm,
    ImportBatch,
    ImportedDocument,
    IndicatorValue,
    Money,
    ProjectTargetForm,
)
from jixiao.renderers.layout import TargetForm, org_text

KIND_LABELS = {"department": "部门整体绩效目标表", "project": "项目支出绩效目标表"}

FORM_COLUMNS: tuple[str, ...] = (
    "form_id", "source_file", "form_index", "kind", "kind_label", "layout", "title", "budget_year",
    "department_name", "department_code", "project_name", "project_code", "project_type",
    "project_level", "competent_department", "spending_unit", "start_year", "end_year",
    "money_unit", "total_amount", "annual_amount", "fiscal_funds", "other_funds",
    "basic_expenditure", "project_expenditure", "fiscal_appropriation", "department_other_funds",
    "funded_headcount", "subordinate_units", "overall_goal", "period_goal", "annual_goal",
    "fund_use", "key_task_count", "indicator_count",
)

_VALUE_PARTS = ("raw", "kind", "operator", "number", "unit")
INDICATOR_COLUMNS: tuple[str, ...] = (
    "form_id", "source_file", "form_index", "kind", "budget_year", "department_name",
    "project_code", "project_name", "indicator_index", "sub_goal", "level1", "category", "level2",
    "subcategory", "name", "description",
    *(f"period_value_{part}" for part in _VALUE_PARTS),
    *(f"annual_value_{part}" for part in _VALUE_PARTS),
    "value_basis", "is_placeholder",
)


@dataclass(slots=True)
class FormEntry:
    """A form with its place in the export: sequence number, source file and index in that file."""

    form_id: int
    source_file: str
    form_index: int
    form: TargetForm


def entries_of(items: Iterable[TargetForm | ImportedDocument]) -> list[FormEntry]:
    """Number the forms of documents (or bare forms) in the order given, from 1."""
    entries: list[FormEntry] = []
    for item in items:
        if isinstance(item, ImportedDocument):
            for index, form in enumerate(item.forms, start=1):
                entries.append(FormEntry(len(entries) + 1, item.file, index, form))
        else:
            file = item.source.file if item.source else ""
            entries.append(FormEntry(len(entries) + 1, file, 1, item))
    return entries


def _num(value: Decimal | int | None) -> str:
    if value is None:
        return ""
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def _money(money: Money | None, form: TargetForm) -> str:
    if money is None:
        return ""
    unit = form.money_unit or money.unit
    return format(money.to(unit).amount, "f")


def _department_of(form: TargetForm) -> str:
    if isinstance(form, DepartmentTargetForm):
        return form.department_name or ""
    org = form.spending_unit or form.competent_department
    return (org.name or org.raw or "") if org else ""


def form_row(entry: FormEntry) -> dict[str, str]:
    form = entry.form
    row = dict.fromkeys(FORM_COLUMNS, "")
    row |= {
        "form_id": str(entry.form_id),
        "source_file": entry.source_file,
        "form_index": str(entry.form_index),
        "kind": form.kind.value,
        "kind_label": KIND_LABELS[form.kind.value],
        "layout": form.layout or "",
        "title": form.title or "",
        "budget_year": _num(form.budget_year),
        "money_unit": form.money_unit.value if form.money_unit else "",
        "indicator_count": str(sum(1 for _ in form.iter_indicators())),
        "department_name": _department_of(form),
    }
    if isinstance(form, DepartmentTargetForm):
        budget = form.budget
        row |= {
            "department_code": form.department_code or "",
            "overall_goal": form.overall_goal or "",
            "funded_headcount": _num(form.funded_headcount),
            "subordinate_units": _num(form.subordinate_units),
            "key_task_count": str(len(form.key_tasks) + len(form.other_tasks)),
        }
        if budget is not None:
            row |= {
                "basic_expenditure": _money(budget.basic_expenditure, form),
                "project_expenditure": _money(budget.project_expenditure, form),
                "fiscal_appropriation": _money(budget.fiscal_appropriation, form),
                "department_other_funds": _money(budget.other_funds, form),
            }
    else:
        assert isinstance(form, ProjectTargetForm)
        row |= {
            "project_name": form.project_name or "",
            "project_code": form.project_code or "",
            "project_type": form.project_type or "",
            "project_level": form.project_level or "",
            "competent_department": org_text(form.competent_department),
            "spending_unit": org_text(form.spending_unit),
            "start_year": _num(form.start_year),
            "end_year": _num(form.end_year),
            "total_amount": _money(form.total_amount, form),
            "annual_amount": _money(form.annual_amount, form),
            "fiscal_funds": _money(form.fiscal_funds, form),
            "other_funds": _money(form.other_funds, form),
            "period_goal": form.period_goal or "",
            "annual_goal": form.annual_goal or "",
            "fund_use": form.fund_use or "",
        }
    return row


def _value_parts(prefix: str, value: IndicatorValue | None) -> dict[str, str]:
    if value is None:
        return {f"{prefix}_{part}": "" for part in _VALUE_PARTS}
    return {
        f"{prefix}_raw": value.raw,
        f"{prefix}_kind": value.kind.value,
        f"{prefix}_operator": value.operator.value if value.operator else "",
        f"{prefix}_number": _num(value.number),
        f"{prefix}_unit": value.unit or "",
    }


def indicator_rows(entry: FormEntry) -> list[dict[str, str]]:
    form = entry.form
    base = {
        "form_id": str(entry.form_id),
        "source_file": entry.source_file,
        "form_index": str(entry.form_index),
        "kind": form.kind.value,
        "budget_year": _num(form.budget_year),
        "department_name": _department_of(form),
        "project_code": getattr(form, "project_code", None) or "",
        "project_name": getattr(form, "project_name", None) or "",
    }
    listed = [("", indicator) for indicator in form.indicators]
    if isinstance(form, DepartmentTargetForm):
        listed += [(goal.title, indicator) for goal in form.sub_goals for indicator in goal.indicators]
    rows = []
    for index, (sub_goal, indicator) in enumerate(listed, start=1):
        row = dict(base)
        row |= {
            "indicator_index": str(index),
            "sub_goal": sub_goal,
            "level1": indicator.level1 or "",
            "category": indicator.category.value if indicator.category else "",
            "level2": indicator.level2 or "",
            "subcategory": indicator.subcategory.value if indicator.subcategory else "",
            "name": indicator.name or "",
            "description": indicator.description or "",
            "value_basis": indicator.value_basis or "",
            "is_placeholder": "true" if indicator.is_placeholder else "false",
        }
        row |= _value_parts("period_value", indicator.period_value)
        row |= _value_parts("annual_value", indicator.annual_value)
        rows.append(row)
    return rows


def _csv(columns: Sequence[str], rows: Iterable[dict[str, str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def render_forms_csv(items: Iterable[TargetForm | ImportedDocument]) -> bytes:
    """One row per form (forms.csv)."""
    return _csv(FORM_COLUMNS, (form_row(entry) for entry in entries_of(items)))


def render_indicators_csv(items: Iterable[TargetForm | ImportedDocument]) -> bytes:
    """One row per indicator with its form's keys (indicators.csv)."""
    return _csv(INDICATOR_COLUMNS, (row for entry in entries_of(items) for row in indicator_rows(entry)))


def render_batch_json(items: Iterable[TargetForm | ImportedDocument], *, indent: int | None = 2) -> bytes:
    """The JSON export: an :class:`ImportBatch` of the documents (bare forms get one document)."""
    documents: list[ImportedDocument] = []
    loose: list[TargetForm] = []
    for item in items:
        if isinstance(item, ImportedDocument):
            documents.append(item)
        else:
            loose.append(item)
    if loose:
        documents.append(ImportedDocument(file="jixiao-export", layout="jixiao-export", forms=loose))
    batch = ImportBatch(documents=documents)
    return batch.model_dump_json(indent=indent, exclude_none=False).encode("utf-8")
