"""Reads of disclosures, scoped to what the user may see, and the page's table layout."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet

from jixiao_web.disclosures.models import Disclosure
from jixiao_web.targets.selectors import target_visible_q


def disclosure_visible_q(user) -> Q:
    """The rows of ``Disclosure`` a user may see: the same organisations as for forms."""
    return target_visible_q(user)


def disclosure_list_for_user(*, user, year: str = "") -> QuerySet[Disclosure]:
    qs = Disclosure.objects.filter(disclosure_visible_q(user)).select_related("organisation", "imported_by")
    if year:
        if not str(year).isdigit():
            return qs.none()
        qs = qs.filter(budget_year=year)
    return qs.defer("data", "findings")


def disclosure_get_for_user(*, user, pk: int) -> Disclosure | None:
    return (
        Disclosure.objects.filter(disclosure_visible_q(user))
        .select_related("organisation", "organisation__parent", "imported_by")
        .filter(pk=pk)
        .first()
    )


def _source_key(source: dict | None) -> tuple | None:
    if not source:
        return None
    return tuple(source.get(k) for k in ("file", "page", "table", "line", "row", "sheet"))


def disclosure_tables(core, findings: list[dict]) -> tuple[list[dict[str, Any]], list[dict]]:
    """The nine tables (and the extras present) for the page, each with header, rows and the
    findings next to the rows they concern (matched by source place, else by ``loc``); findings
    that name no row or table are returned separately."""
    from jixiao.disclosure.model import (
        NINE_TABLES,
        ClassifiedTable,
        SourceTable,
        SummaryLine,
        SummaryTable,
        TableKind,
        TableLayout,
        ThreePublicRow,
        ThreePublicTable,
    )

    by_source: dict[tuple, list[dict]] = {}
    by_table: dict[str, list[dict]] = {}
    for finding in findings:
        key = _source_key(finding.get("source"))
        loc = finding.get("loc") or []
        if len(loc) >= 2 and loc[0] == "tables" and len(loc) == 2:
            by_table.setdefault(str(loc[1]), []).append(finding)
        elif key is not None:
            by_source.setdefault(key, []).append(finding)
        elif len(loc) >= 2 and loc[0] == "tables":
            by_table.setdefault(str(loc[1]), []).append(finding)
    placed: set[int] = set()

    def take(source) -> list[dict]:
        key = _source_key(source.model_dump(mode="json")) if source is not None else None
        found = by_source.get(key, []) if key else []
        placed.update(id(f) for f in found)
        return found

    out = []
    kinds = [*NINE_TABLES, *[k for k in (TableKind.PROCUREMENT, TableKind.ASSETS) if k in core.tables]]
    for number, kind in enumerate(kinds, start=1):
        table = core.tables.get(kind)
        entry: dict[str, Any] = {
            "kind": kind.value, "number": number if kind in NINE_TABLES else None,
            "title": table.title if table and table.title else kind.title, "present": table is not None,
            "unit": table.unit.value if table else "", "empty_note": table.empty_note if table else None,
            "findings": by_table.get(kind.value, []), "header": [], "rows": [],
            "layout": table.layout.label if table is not None and table.layout != TableLayout.FUNCTION else "",
        }
        placed.update(id(f) for f in entry["findings"])
        if isinstance(table, SummaryTable):
            columns = [c for c in SummaryLine.COLUMNS if c in table.columns] or ["amount"]
            entry["header"] = ["收入项目", "金额", "支出项目", *[SummaryLine.COLUMNS[c] for c in columns]]
            if table.purposes:  # Jiangsu: expenditure by purpose (支出用途) beside the function classes
                entry["header"] += ["支出用途", "金额"]
            for i in range(max(len(table.income), len(table.expenditure), len(table.purposes))):
                left = table.income[i] if i < len(table.income) else None
                right = table.expenditure[i] if i < len(table.expenditure) else None
                cells = [left.label if left else "", left.amount if left else None,
                         (f"{right.code} " if right and right.code else "") + (right.label if right else ""),
                         *[(right.get(c) if right else None) for c in columns]]
                purpose = table.purposes[i] if i < len(table.purposes) else None
                if table.purposes:
                    cells += [purpose.label if purpose else "", purpose.amount if purpose else None]
                entry["rows"].append({"cells": cells, "findings": (take(left.source) if left else [])
                                      + (take(right.source) if right else [])
                                      + (take(purpose.source) if purpose else [])})
        elif isinstance(table, SourceTable):
            entry["header"] = ["收入来源", "项目", "金额"]
            for line in table.rows:
                cells = ([line.label, "", line.amount] if line.key == "total" else
                         [line.group, "小计", line.amount] if line.key == "subtotal" else ["", line.label, line.amount])
                entry["rows"].append({"cells": cells, "findings": take(line.source)})
        elif isinstance(table, ClassifiedTable) and table.rows:
            row_class = type(table.rows[0])
            columns = [c for c in row_class.COLUMNS if c in table.columns] or list(row_class.COLUMNS)
            entry["header"] = ["科目编码", "科目名称", *[row_class.COLUMNS[c] for c in columns]]
            for row in table.rows:
                entry["rows"].append({"cells": [row.code or "", row.name or "合计", *[row.get(c) for c in columns]],
                                      "level": row.level, "findings": take(row.source)})
        elif isinstance(table, ThreePublicTable):
            entry["header"] = ["项目", *ThreePublicRow.COLUMNS.values()]
            for row in table.rows:
                entry["rows"].append({"cells": [row.label, *[row.get(c) for c in ThreePublicRow.COLUMNS]],
                                      "findings": take(row.source)})
        elif table is not None and hasattr(table, "rows"):
            entry["header"] = ["项目"]
            for row in table.rows:
                entry["rows"].append({"cells": [row.label, *row.values.values()], "findings": take(row.source)})
        for row in entry["rows"]:
            row["cells"] = [{"value": v, "number": isinstance(v, Decimal)} for v in row["cells"]]
        out.append(entry)
    rest = [f for f in findings if id(f) not in placed]
    return out, rest
