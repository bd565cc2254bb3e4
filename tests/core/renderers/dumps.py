"""Normalized dumps of rendered files, for golden comparisons (never raw bytes).

* xlsx: per sheet, every non-empty cell with its value and number format, the merged ranges,
  the print-title rows;
* docx: body paragraphs and tables in order; a table cell is its text with its column span and
  vertical-merge mark, so merges show;
* pdf: per page, the text lines and the tables pdfplumber finds (rows of cell texts, None for a
  position covered by a merged cell);
* png: per page, the image size and the horizontal and vertical rules seen in the picture.
"""

from __future__ import annotations

import io
import json
import subprocess
import tempfile
from pathlib import Path
from typing import Any

GOLDEN = Path(__file__).resolve().parents[2] / "golden" / "renderers"


def xlsx_dump(data: bytes) -> dict[str, Any]:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data))
    sheets = []
    for sheet in book.worksheets:
        cells = []
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None or cell.value == "":
                    continue
                cells.append([cell.coordinate, cell.value, cell.number_format])
        sheets.append({
            "name": sheet.title,
            "cells": cells,
            "merges": sorted(str(r) for r in sheet.merged_cells.ranges),
            "print_title_rows": sheet.print_title_rows,
        })
    return {"sheets": sheets}


def docx_dump(data: bytes) -> dict[str, Any]:
    from docx import Document
    from docx.oxml.ns import qn

    document = Document(io.BytesIO(data))
    blocks: list[Any] = []
    for child in document.element.body:
        if child.tag == qn("w:p"):
            text = "".join(node.text or "" for node in child.iter(qn("w:t")))
            if text.strip():
                blocks.append(["p", text])
        elif child.tag == qn("w:tbl"):
            rows = []
            for tr in child.iter(qn("w:tr")):
                header = tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
                cells = []
                for tc in tr.findall(qn("w:tc")):
                    text = "\n".join(
                        "".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.findall(qn("w:p"))
                    )
                    span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
                    vmerge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
                    mark = ""
                    if span is not None:
                        mark += f"|span={span.get(qn('w:val'))}"
                    if vmerge is not None:
                        mark += f"|vmerge={vmerge.get(qn('w:val')) or 'continue'}"
                    cells.append(text + mark)
                rows.append((["<header>"] if header else []) + cells)
            blocks.append(["table", rows])
    return {"blocks": blocks}


def pdf_dump(data: bytes) -> dict[str, Any]:
    import pdfplumber

    pages = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            text = page.extract_text() or ""
            tables = page.extract_tables()
            pages.append({
                "size": [round(float(page.width)), round(float(page.height))],
                "lines": [line.strip() for line in text.splitlines() if line.strip()],
                "tables": [[[_norm(cell) for cell in row] for row in table] for table in tables],
            })
    return {"pages": pages}


def _norm(cell: str | None) -> str | None:
    return None if cell is None else "".join(cell.split())


def pdf_fonts(data: bytes) -> list[str]:
    """Names of the fonts embedded in a PDF (pdffonts)."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(data)
        handle.flush()
        out = subprocess.run(["pdffonts", handle.name], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    return [" ".join(row.split()[:1]) + (" emb" if " yes " in row else " not-embedded") for row in rows]


def png_pages(data: bytes, *, dpi: int = 50) -> list[Path]:
    """Render every page to PNG with pdftoppm; returns the files (in a temporary directory)."""
    directory = Path(tempfile.mkdtemp(prefix="jixiao-png-"))
    pdf = directory / "doc.pdf"
    pdf.write_bytes(data)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(directory / "page")], check=True)
    return sorted(directory.glob("page-*.png"))


def png_rules(path: Path, *, min_share: float = 0.2) -> dict[str, Any]:
    """Size of the picture and how many ruled lines it shows (runs of dark pixels).

    A horizontal rule is a pixel row whose dark pixels cover at least ``min_share`` of the width;
    adjacent rows count once. Vertical rules likewise by columns.
    """
    from PIL import Image

    image = Image.open(path).convert("L")
    width, height = image.size
    pixels = image.load()

    def count(lines: int, length: int, dark_at: Any) -> int:
        found, previous = 0, False
        for index in range(lines):
            dark = sum(1 for j in range(0, length, 2) if dark_at(index, j) < 128) * 2
            is_rule = dark >= min_share * length
            if is_rule and not previous:
                found += 1
            previous = is_rule
        return found

    return {
        "size": [width, height],
        "horizontal": count(height, width, lambda y, x: pixels[x, y]),
        "vertical": count(width, height, lambda x, y: pixels[x, y]),
    }


def compare_golden(name: str, dump: dict[str, Any], update: bool) -> None:
    """Assert ``dump`` equals ``tests/golden/renderers/<name>.json`` (rewritten with --update-golden)."""
    path = GOLDEN / f"{name}.json"
    text = json.dumps(dump, ensure_ascii=False, indent=1, sort_keys=True, default=str) + "\n"
    if update or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not update:
            raise AssertionError(f"golden file {path} was missing and has been written; review and rerun")
        return
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert json.loads(text) == expected, f"{name}: output differs from {path} (rerun with --update-golden to accept)"


def pdf_table_structure(data: bytes) -> list[dict[str, Any]]:
    """Per page, each table's grid size and merged ranges (as ``r0:c0-r1:c1``, 0-based)."""
    import pdfplumber

    pages = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            tables = []
            for table in page.find_tables():
                cells = [tuple(round(v, 1) for v in cell) for cell in table.cells]
                xs = sorted({c[0] for c in cells} | {c[2] for c in cells})
                ys = sorted({c[1] for c in cells} | {c[3] for c in cells})
                merges = []
                for x0, top, x1, bottom in cells:
                    c0, c1 = xs.index(x0), xs.index(x1) - 1
                    r0, r1 = ys.index(top), ys.index(bottom) - 1
                    if (r0, c0) != (r1, c1):
                        merges.append(f"{r0}:{c0}-{r1}:{c1}")
                tables.append({"rows": len(ys) - 1, "columns": len(xs) - 1, "merges": sorted(merges)})
            pages.append({"tables": tables})
    return pages
