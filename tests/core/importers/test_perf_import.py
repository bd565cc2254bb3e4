"""The speed-ups of the text import keep every result: caches, lazy SourceRefs, one grid per document."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from jixiao.importers import Cell, RawDocument, choose
from jixiao.importers.builders import guangdong as guangdong_builder
from jixiao.importers.text import guangdong, hebei_cells, hebei_pdftext
from jixiao.importers.text.hebei_rows import learn_widths, rebuild_row
from jixiao.model import SourceRef, parse_value
from support import SAMPLES_DIR, SEEDS_DIR

RAWS = ["≥95%", "98%以上", "》90%", "90%左右", "12月底前", "好", "", "  ", "10 20699", "≥95%", "1,200万元",
        "不低于 3 家", "2025.12.31前", "提前完成", "abc1"]


def _texts() -> list[Path]:
    paths = sorted(SAMPLES_DIR.glob("*.txt"))
    if SEEDS_DIR.is_dir():
        paths += sorted(SEEDS_DIR.glob("*.txt"))
    return paths


@pytest.mark.parametrize("raw", RAWS)
def test_parse_value_cached_equals_fresh_parse(raw: str) -> None:
    """A cached value is the value parsing gives, and the same text gives the same instance."""
    fresh = parse_value.__wrapped__(raw)
    assert parse_value(raw) == fresh
    assert parse_value(raw) is parse_value(raw)  # shared: the value is frozen
    assert parse_value(raw).model_dump() == fresh.model_dump()


def test_parse_value_shared_instance_assignment_raises() -> None:
    """A shared value is frozen: changing it raises, and the cache keeps the original."""
    value = parse_value("≥95%")
    with pytest.raises(ValidationError):
        value.raw = "≥96%"  # type: ignore[misc]
    assert parse_value("≥95%").raw == "≥95%"


def test_parse_value_none_equals_empty_text() -> None:
    """None parses as the empty text, cached or not."""
    assert parse_value(None) == parse_value.__wrapped__("") == parse_value("")


def test_cell_with_place_equals_cell_with_source() -> None:
    """A cell given its place builds, once, the SourceRef it would have been given; it needs one of the two."""
    eager = Cell("甲", 2, SourceRef(file="a.txt", line=3, column=3))
    lazy = Cell("甲", 2, place={"file": "a.txt", "line": 3, "column": 3})
    assert lazy.where("line") == 3 and lazy.where("page") is None
    assert lazy == eager
    assert lazy.source == SourceRef(file="a.txt", line=3, column=3)
    assert lazy.source is lazy.source
    assert repr(lazy) == repr(eager)
    lazy.source = SourceRef(file="b.txt")
    assert lazy.where("file") == "b.txt"
    with pytest.raises(TypeError):
        Cell("甲", 0)


@pytest.mark.parametrize("path", _texts(), ids=lambda path: path.name)
def test_choose_then_load_reads_each_grid_once(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """detect() and load() share one grid; a one-cell-per-line or PDF text gets no Guangdong grid."""
    calls: dict[str, int] = {"guangdong": 0, "hebei_cells": 0}
    real_gd, real_cells = guangdong.read_grid, hebei_cells.read_grid

    def gd_grid(*args: object, **kwargs: object) -> object:
        calls["guangdong"] += 1
        return real_gd(*args, **kwargs)  # type: ignore[arg-type]

    def cells_grid(*args: object, **kwargs: object) -> object:
        calls["hebei_cells"] += 1
        return real_cells(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(guangdong, "read_grid", gd_grid)
    monkeypatch.setattr(hebei_cells, "read_grid", cells_grid)
    doc = RawDocument.from_bytes(path.read_bytes(), name=path.name)
    importer, layout = choose(doc)
    importer.load(doc, layout)
    assert calls["guangdong"] <= 1 and calls["hebei_cells"] <= 1
    if isinstance(importer, hebei_cells.HebeiCellTextImporter | hebei_pdftext.HebeiPdfTextImporter):
        assert calls["guangdong"] == 0  # one cell per line or PDF text: refused without a grid
    assert not any(key.endswith("grid") for key in doc.memo)  # load() let the grid go


@pytest.mark.parametrize("path", _texts(), ids=lambda path: path.name)
def test_guangdong_quick_refusal_when_grid_scores_none(path: Path) -> None:
    """Whenever the Guangdong text importer refuses without a grid, the grid would score None too."""
    doc = RawDocument.from_bytes(path.read_bytes(), name=path.name)
    if not guangdong._may_pair_cells(doc):
        assert guangdong_builder.score(guangdong.read_grid(doc.name, doc.lines)) is None


def test_guangdong_quick_refusal_with_quotes_defers_to_grid() -> None:
    """A text with a double quote (cells may span lines) is always left to the grid."""
    text = "项目名称\t\"甲\n乙\"\t项目等级\t一般\n用款单位\t丙\t实施期限\t1年\n"
    doc = RawDocument.from_bytes(text.encode("utf-8"), name="q.txt")
    assert guangdong._may_pair_cells(doc)
    one_cell_per_line = "\t项目名称\n\t甲\n\t项目等级\n"
    doc = RawDocument.from_bytes(one_cell_per_line.encode("utf-8"), name="c.txt")
    assert not guangdong._may_pair_cells(doc)


def test_learn_widths_readings_equal_rebuilt_rows() -> None:
    """The readings learn_widths hands back are the rows rebuilt with the widths it returns."""
    path = SAMPLES_DIR / "hebei-pdftext-2025.txt"
    if not path.exists():
        pytest.skip("samples/hebei-pdftext-2025.txt is absent")
    doc = RawDocument.from_bytes(path.read_bytes(), name=path.name)
    reader = hebei_pdftext._Reader(doc)
    rows = []
    basis = None
    for section in reader.sections():
        if section.kind == "projects":
            for table, block in enumerate(reader.project_blocks(section), start=1):
                parts, found = reader.project(block, table)
                basis = basis or found
                rows += [row for part in parts if isinstance(part, list) for row in part]
    assert rows
    readings: dict[int, object] = {}
    widths = learn_widths(rows, basis, readings=readings)
    assert readings, "the widths of the sample settle within the rounds"
    for row in rows:
        assert readings[id(row)] == rebuild_row(row, widths)
