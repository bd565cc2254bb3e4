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


def submission_progress_by_department_for_user(*, user, year: int | None = None) -> list[dict]:
    """Per department (its own forms and its units' together): the number of forms in each
    status. One grouped query."""
    from django.db.models import Count

    from jixiao_web.orgs.models import OrgKind

    qs = TargetForm.objects.filter(target_visible_q(user))
    if year:
        qs = qs.filter(budget_year=year)
    rows = qs.values(
        "organisation__kind", "organisation__code", "organisation__name",
        "organisation__parent__code", "organisation__parent__name", "status",
    ).annotate(n=Count("id"))
    table: dict[str, dict] = {}
    for row in rows:
        if row["organisation__kind"] == OrgKind.UNIT and row["organisation__parent__code"]:
            code, name = row["organisation__parent__code"], row["organisation__parent__name"]
        else:
            code, name = row["organisation__code"], row["organisation__name"]
        entry = table.setdefault(code, {"code": code, "name": name, "counts": Counter(), "total": 0})
        entry["counts"][row["status"]] += row["n"]
        entry["total"] += row["n"]
    return [table[code] for code in sorted(table)]


@dataclass
class ReviewStats:
    """Findings by rule and by unit and the quality league table of the visible forms."""

    by_rule: list[tuple[str, int]] = field(default_factory=list)
    by_unit: list[dict] = field(default_factory=list)
    league: list[dict] = field(default_factory=list)
    forms: int = 0
    unreviewed: int = 0


def review_stats_for_user(*, user, year: int | None = None, top: int = 10) -> ReviewStats:
    """Read from each form's stored ``review_summary`` (computed when its data was saved), so the
    page runs no review: one query whatever the number of forms. ``by_rule`` is the ``top`` rule
    codes by number of findings; ``by_unit`` every organisation with its finding counts; the
    league ranks organisations by the average automatic score of their scored forms."""
    qs = TargetForm.objects.filter(target_visible_q(user))
    if year:
        qs = qs.filter(budget_year=year)
    rows = qs.values_list("organisation__code", "organisation__name", "review_summary").order_by()
    stats = ReviewStats()
    rules: Counter = Counter()
    units: dict[str, dict] = {}
    for code, name, summary in rows.iterator():
        stats.forms += 1
        summary = summary or {}
        if not summary.get("available"):
            stats.unreviewed += 1
            continue
        rules.update(summary.get("codes", {}))
        unit = units.setdefault(code, {"code": code, "name": name, "forms": 0, "error": 0, "warning": 0,
                                       "info": 0, "findings": 0, "scores": []})
        unit["forms"] += 1
        for severity in ("error", "warning", "info"):
            n = summary.get("counts", {}).get(severity, 0)
            unit[severity] += n
            unit["findings"] += n
        if summary.get("score") is not None:
            unit["scores"].append(float(summary["score"]))
    stats.by_rule = rules.most_common(top)
    stats.by_unit = sorted(units.values(), key=lambda u: (-u["findings"], u["code"]))
    from jixiao.review.scoring import grade_of

    league = []
    for unit in units.values():
        if unit["scores"]:
            average = round(sum(unit["scores"]) / len(unit["scores"]), 1)
            league.append({"code": unit["code"], "name": unit["name"], "forms": len(unit["scores"]),
                           "average": average, "grade": grade_of(average), "errors": unit["error"]})
    league.sort(key=lambda u: (-u["average"], u["errors"], u["code"]))
    for rank, entry in enumerate(league, start=1):
        entry["rank"] = rank
    stats.league = league
    return stats
