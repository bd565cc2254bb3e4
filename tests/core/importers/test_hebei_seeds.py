"""The Hebei importers on the real seeds 003 (PDF text) and 004 (one cell per line).

The whole import is compared with the golden files in tests/golden/seeds/, which were written
by the importers and then checked line by line against the seed text. ``pytest --update-golden``
rewrites them; review the diff before committing. Every test here skips when ../shared/seeds is
absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jixiao.importers.base import Importer, RawDocument
from jixiao.importers.registry import choose
from jixiao.importers.text.hebei_cells import HebeiCellTextImporter
from jixiao.importers.text.hebei_pdftext import HebeiPdfTextImporter
from jixiao.model import DepartmentTargetForm, ImportedDocument, ProjectTargetForm
from support import GOLDEN_DIR, seed_path  # tests/ is on sys.path (pyproject pythonpath)

IMPORTERS: dict[str, Importer] = {"003": HebeiPdfTextImporter(), "004": HebeiCellTextImporter()}


def _load(prefix: str) -> ImportedDocument:
    importer = IMPORTERS[prefix]
    doc = RawDocument.from_path(seed_path(prefix))
    detection = importer.detect(doc)
    assert detection is not None, importer.describe_rejection(doc)
    return importer.load(doc, detection.layout)


@pytest.mark.seeds
@pytest.mark.parametrize("prefix", ["003", "004"])
def test_load_seed_matches_golden(prefix: str, update_golden: bool) -> None:
    """The whole import of a Hebei seed equals its reviewed golden JSON."""
    result = json.loads(_load(prefix).model_dump_json())
    golden: Path = GOLDEN_DIR / "seeds" / f"{prefix}.expected.json"
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert golden.exists(), f"{golden} is missing: run pytest --update-golden and review it"
    assert result == json.loads(golden.read_text(encoding="utf-8"))


@pytest.mark.seeds
@pytest.mark.parametrize(
    ("prefix", "importer", "layout"),
    [
        ("003", "HebeiPdfTextImporter", "department-target/txt-hebei-pdftext-2025"),
        ("004", "HebeiCellTextImporter", "department-target/txt-hebei-cells-2025"),
    ],
)
def test_registry_chooses_hebei_importer_for_seed(prefix: str, importer: str, layout: str) -> None:
    """Among all registered importers, the matching Hebei importer wins on each Hebei seed."""
    chosen, chosen_layout = choose(RawDocument.from_path(seed_path(prefix)))
    assert (type(chosen).__name__, chosen_layout) == (importer, layout)


@pytest.mark.seeds
@pytest.mark.parametrize(
    ("importer", "prefix"),
    [("003", "000"), ("003", "001"), ("003", "004"), ("004", "000"), ("004", "001"), ("004", "003")],
)
def test_detect_other_seed_declines(importer: str, prefix: str) -> None:
    """Each Hebei importer declines the Guangdong seeds and the other Hebei layout."""
    assert IMPORTERS[importer].detect(RawDocument.from_path(seed_path(prefix))) is None


@pytest.mark.seeds
def test_load_seed_003_reads_one_department_and_fourteen_projects() -> None:
    """003 yields the department form and 14 project forms with 6 indicator rows each."""
    forms = _load("003").forms
    counts = [(type(form).__name__, len(form.indicators)) for form in forms]
    assert counts == [("DepartmentTargetForm", 0)] + [("ProjectTargetForm", 6)] * 14


@pytest.mark.seeds
def test_load_seed_004_reads_one_department_and_ten_projects() -> None:
    """004 yields the department form and 10 project forms with 9 indicator rows each."""
    forms = _load("004").forms
    counts = [(type(form).__name__, len(form.indicators)) for form in forms]
    assert counts == [("DepartmentTargetForm", 0)] + [("ProjectTargetForm", 9)] * 10


@pytest.mark.seeds
def test_load_seed_003_sets_aside_every_disclosure_part() -> None:
    """The nine disclosure tables and the explanation chapters are kept aside, in order."""
    kept = [(part.kind, part.title) for part in _load("003").set_aside]
    tables = [title for kind, title in kept if kind == "disclosure-table"]
    assert (len(tables), [kind for kind, _ in kept if kind != "disclosure-table"]) == (
        9,
        ["explanation", "explanation", "explanation", "explanation", "explanation",
         "explanation", "procurement", "assets", "glossary", "explanation"],
    )


@pytest.mark.seeds
def test_load_seed_003_department_places_items_by_content() -> None:
    """003's 工作保障措施 items (with 绩效目标/绩效指标) become sub-goals; its 分项 paragraphs measures."""
    department = _load("003").forms[0]
    assert isinstance(department, DepartmentTargetForm)
    first = department.sub_goals[0]
    value = first.indicators[0].annual_value
    assert (
        len(department.sub_goals), len(department.guarantee_measures),
        first.title, first.indicators[0].name, value.canonical() if value else None,
        department.department_name, department.budget_year,
    ) == (14, 7, "支持工业技术改造", "工业企业技术改造投资较上一年度增长情况", "≥90%", "科技和工信部门", 2025)


@pytest.mark.seeds
def test_load_seed_003_rebuilds_row_wrapped_across_page_break() -> None:
    """Project 12's 社会效益 row runs from page 54 to 55; its 描述 and 依据 continue there."""
    project = _load("003").forms[12]
    assert isinstance(project, ProjectTargetForm)
    row = project.indicators[4]
    assert (row.name, row.description, row.annual_value.raw if row.annual_value else None,
            row.value_basis, row.source) == (
        "为工信部提供监测数据",
        "根据中小企业运行监测工作和工信部安排部署等要求，每月提供监测企业数据，为工信部决策参考提供有效监测企业数据",
        "按时提供监测数据",
        "专项资金管理办法及实施细则",
        row.source.model_copy(update={"page": 54, "line": 2509, "line_end": 2521}) if row.source else None,
    )


@pytest.mark.seeds
def test_load_seed_003_keeps_cumulative_amounts_under_percent_header() -> None:
    """The 资金支出计划（%） of 003 holds 万元 amounts: header unit %, values without a unit."""
    project = _load("003").forms[1]
    assert isinstance(project, ProjectTargetForm)
    plan = project.spending_plan
    assert plan is not None
    assert (plan.header_unit, [(p.label, str(p.value), p.unit) for p in plan.points]) == (
        "%", [("3月底", "0.10", None), ("6月底", "0.20", None), ("10月底", "0.30", None), ("12月底", "0.40", None)]
    )
