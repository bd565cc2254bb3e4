"""The Guangdong importer on the real seeds 000 (county) and 001 (city).

The whole import is compared with the golden files in tests/golden/seeds/, which were written
by the importer and then checked line by line against the seed text. ``pytest --update-golden``
rewrites them; review the diff before committing. Every test here skips when ../shared/seeds is
absent.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from jixiao.importers.base import RawDocument
from jixiao.importers.text.guangdong import GuangdongTextImporter
from jixiao.model import DepartmentTargetForm, ImportedDocument, ProjectTargetForm
from support import GOLDEN_DIR, seed_path  # tests/ is on sys.path (pyproject pythonpath)

IMPORTER = GuangdongTextImporter()


def _load(prefix: str) -> ImportedDocument:
    doc = RawDocument.from_path(seed_path(prefix))
    detection = IMPORTER.detect(doc)
    assert detection is not None, IMPORTER.describe_rejection(doc)
    return IMPORTER.load(doc, detection.layout)


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_load_seed_matches_golden(prefix: str, update_golden: bool) -> None:
    """The whole import of a Guangdong seed equals its reviewed golden JSON."""
    result = json.loads(_load(prefix).model_dump_json())
    golden: Path = GOLDEN_DIR / "seeds" / f"{prefix}.expected.json"
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert golden.exists(), f"{golden} is missing: run pytest --update-golden and review it"
    assert result == json.loads(golden.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("prefix", "layout"),
    [
        ("000", "department-target/tsv-gd-county-2025"),
        ("001", "department-target/tsv-gd-city-2025"),
    ],
)
def test_detect_guangdong_seed_claims_its_variant(prefix: str, layout: str) -> None:
    """Seed 000 is detected as the county layout and seed 001 as the city layout."""
    detection = IMPORTER.detect(RawDocument.from_path(seed_path(prefix)))
    assert detection is not None
    assert (detection.layout, detection.confidence >= 0.9) == (layout, True)


@pytest.mark.parametrize("prefix", ["003", "004"])
def test_detect_hebei_seed_declines(prefix: str) -> None:
    """The Hebei seeds (PDF text and one-cell-per-line text) are not claimed."""
    assert IMPORTER.detect(RawDocument.from_path(seed_path(prefix))) is None


def test_load_seed_000_reads_one_department_and_four_projects_with_every_row() -> None:
    """000 yields 1 department form and 4 project forms with every printed indicator row.

    Counts were taken by hand from the seed: department rows on lines 25–40 (one blank line),
    projects on 60–70, 94–103, 127–136 and 160–168.
    """
    forms = _load("000").forms
    assert [(type(form).__name__, form.display_name, len(form.indicators)) for form in forms] == [
        ("DepartmentTargetForm", "遂溪县科工贸和信息化局", 15),
        ("ProjectTargetForm", "科技三项经费", 11),
        ("ProjectTargetForm", "遂溪县数字赋能实体经济发展规划编制费用", 10),
        ("ProjectTargetForm", "地震事业费", 10),
        ("ProjectTargetForm", "工作经费", 9),
    ]


def test_load_seed_001_reads_one_department_and_three_projects_with_every_row() -> None:
    """001 yields 1 department form (26 rows, one cell split in two) and 3 project forms."""
    forms = _load("001").forms
    assert [(type(form).__name__, form.display_name, len(form.indicators)) for form in forms] == [
        ("DepartmentTargetForm", "吴中市科工贸和信息化局", 27),
        ("ProjectTargetForm", "业务工作经费", 25),
        ("ProjectTargetForm", "非转经工作经费（当年）", 13),
        ("ProjectTargetForm", "科技月活动经费", 11),
    ]


def test_load_seed_001_keeps_names_as_written() -> None:
    """The department says 吴中市 and the projects 吴川市: both are kept for the review to flag."""
    forms = _load("001").forms
    department = forms[0]
    assert isinstance(department, DepartmentTargetForm)
    units = [
        (form.competent_department.name if form.competent_department else None)
        for form in forms[1:]
        if isinstance(form, ProjectTargetForm)
    ]
    assert (department.department_name, units) == (
        "吴中市科工贸和信息化局",
        ["吴川市科工贸和信息化局"] * 3,
    )


def test_load_seed_001_keeps_third_value_cells_as_extra_values() -> None:
    """Project 非转经工作经费 prints three value cells on seven rows; the third is kept aside."""
    project = _load("001").forms[2]
    extra = [(ind.source.line if ind.source else None, [v.raw for v in ind.extra_values])
             for ind in project.indicators if ind.extra_values]
    assert extra == [
        (118, ["符合规范"]), (119, ["符合规定"]), (120, ["大于95%"]), (121, ["98%以上"]),
        (122, ["98%以上"]), (123, ["否"]), (126, ["95%以上"]),
    ]


#: Printed labels and column headers: the form's own words, not user content.
_LABELS = {
    "部门名称", "基本信息", "财政供养人员数", "下属二级单位数", "预算整体情况", "部门预算支出", "预算金额",
    "收入来源", "基本支出", "项目支出", "财政拨款", "其他资金", "事业发展性支出", "财政专项资金",
    "其他事业发展性支出", "按预算级次划分", "市本级使用资金", "拟用于对下转移支付资金", "总体绩效目标",
    "年度重点工作任务", "名称", "主要实施内容", "拟投入的资金", "期望达到的目标", "其他需完成的任务",
    "绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "实施周期指标值", "当年度指标值",
    "项目名称", "项目类型", "项目等级", "主管部门", "用款单位", "实施期限", "起始年度", "到期年度",
    "总金额", "当年度金额", "项目概述", "实施周期总目标", "当年度目标",
}


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_load_seed_accounts_for_every_cell(prefix: str) -> None:
    """Every non-blank table cell of the seed is a label or appears in the import (nothing dropped).

    A cell counts as found when each of its parts (split at spaces and colons, "万元" dropped,
    since amounts and task labels are stored apart) occurs in the JSON of the import.
    """
    from jixiao.importers.builders.guangdong import clean_text, label_key
    from jixiao.importers.text.guangdong import read_grid

    path = seed_path(prefix)
    grid = read_grid(path.name, path.read_text(encoding="utf-8").splitlines())
    dump = _load(prefix).model_dump_json()
    strings = json.loads(dump)
    haystack = json.dumps(strings, ensure_ascii=False)
    missing = [
        (cell.source.line, text)
        for row in grid.rows if row.table is not None
        for cell in row.cells
        if (text := clean_text(cell.text)) and label_key(text) not in _LABELS
        and not all(part in haystack for part in re.split(r"[\s:：]+|万元$", text) if part)
    ]
    assert missing == []


@pytest.mark.parametrize(
    ("prefix", "layout"), [("000", "tsv-gd-county-2025"), ("001", "tsv-gd-city-2025")]
)
def test_registry_chooses_guangdong_importer_for_seed(prefix: str, layout: str) -> None:
    """Among all registered importers, the Guangdong one wins on the Guangdong seeds."""
    from jixiao.importers.registry import choose

    chosen, chosen_layout = choose(RawDocument.from_path(seed_path(prefix)))
    assert (type(chosen).__name__, chosen_layout.split("/")[1]) == ("GuangdongTextImporter", layout)
