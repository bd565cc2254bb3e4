"""Reads for dashboards: the 指标库 (indicator library) built from the stored forms."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from jixiao_web.targets.models import TargetForm
from jixiao_web.targets.selectors import target_visible_q


@dataclass
class LibraryEntry:
    level1: str
    level2: str
    name: str
    uses: int = 0
    units: Counter = field(default_factory=Counter)
    values: Counter = field(default_factory=Counter)
    forms: set = field(default_factory=set)

    @property
    def common_units(self) -> list[str]:
        return [u for u, _ in self.units.most_common(3)]

    @property
    def common_values(self) -> list[tuple[str, int]]:
        return self.values.most_common(3)


def target_status_by_organisation_for_user(*, user, year: int | None = None) -> list[dict]:
    """Per visible organisation: the number of forms in each status (one grouped query)."""
    from django.db.models import Count

    qs = TargetForm.objects.filter(target_visible_q(user))
    if year:
        qs = qs.filter(budget_year=year)
    rows = (
        qs.values("organisation_id", "organisation__code", "organisation__name", "status")
        .annotate(n=Count("id"))
        .order_by("organisation__code")
    )
    table: dict[int, dict] = {}
    for row in rows:
        entry = table.setdefault(
            row["organisation_id"],
            {"code": row["organisation__code"], "name": row["organisation__name"], "counts": Counter(), "total": 0},
        )
        entry["counts"][row["status"]] += row["n"]
        entry["total"] += row["n"]
    return list(table.values())


def indicator_library_for_user(*, user, level2: str = "", q: str = "", min_uses: int = 1) -> list[LibraryEntry]:
    """Level-3 indicators of the forms the user may see, grouped under their level 2, with the
    units and values they are usually given; most used first."""
    entries: dict[tuple[str, str, str], LibraryEntry] = {}
    rows = TargetForm.objects.filter(target_visible_q(user)).values_list("pk", "data")
    for pk, data in rows.iterator():
        for ind in data.get("indicators", []):
            name = (ind.get("name") or "").strip()
            if not name:
                continue
            l1 = ind.get("category") or ind.get("level1") or ""
            l2 = ind.get("subcategory") or ind.get("level2") or ""
            if level2 and l2 != level2:
                continue
            if q and q not in name:
                continue
            entry = entries.setdefault((l1, l2, name), LibraryEntry(l1, l2, name))
            entry.uses += 1
            entry.forms.add(pk)
            value = ind.get("annual_value") or ind.get("period_value") or {}
            if value.get("unit"):
                entry.units[value["unit"]] += 1
            if value.get("raw"):
                entry.values[value["raw"].strip()] += 1
    grouped: dict[str, list[LibraryEntry]] = defaultdict(list)
    for entry in entries.values():
        if entry.uses >= min_uses:
            grouped[entry.level2].append(entry)
    out: list[LibraryEntry] = []
    for key in sorted(grouped):
        out.extend(sorted(grouped[key], key=lambda e: (-e.uses, e.name)))
    return out
