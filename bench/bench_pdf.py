"""PDF table reading: pdfplumber's ``extract_tables()`` against our pdfgrid, side by side.

Runs both on the disclosure PDFs of ``../shared/corpus/disclosure-pdf`` (skipped when the
corpus is absent) and prints, for each reader: pages per second, tables found, non-empty
cells recovered, and the pages where only one of the two found a table. Figures only; no
asserts. Usage::

    .venv/bin/python bench/bench_pdf.py [--limit N] [--ours-only]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "disclosure-pdf"


def _ours(files: list[Path]) -> tuple[float, int, int, int, set[tuple[str, int]]]:
    from jixiao.importers.pdfgrid import read_pdf

    pages = tables = cells = 0
    with_tables: set[tuple[str, int]] = set()
    start = time.perf_counter()
    for path in files:
        doc = read_pdf(path.read_bytes(), name=path.name)
        pages += len(doc.pages)
        for page in doc.pages:
            tables += len(page.tables)
            if page.tables:
                with_tables.add((path.name, page.number))
            cells += sum(1 for t in page.tables for row in t.rows for cell in row.cells if cell.text.strip())
    return time.perf_counter() - start, pages, tables, cells, with_tables


def _pdfplumber(files: list[Path]) -> tuple[float, int, int, int, set[tuple[str, int]]]:
    import pdfplumber

    pages = tables = cells = 0
    with_tables: set[tuple[str, int]] = set()
    start = time.perf_counter()
    for path in files:
        with pdfplumber.open(path) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                pages += 1
                found = page.extract_tables()
                tables += len(found)
                if found:
                    with_tables.add((path.name, number))
                cells += sum(1 for t in found for row in t for cell in row if cell and cell.strip())
                page.close()
    return time.perf_counter() - start, pages, tables, cells, with_tables


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N files")
    parser.add_argument("--ours-only", action="store_true", help="skip pdfplumber")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} is absent")
        return 0
    files = sorted(CORPUS.glob("*.pdf"))
    if args.limit:
        files = files[: args.limit]
    results = {"pdfgrid (ours)": _ours(files)}
    if not args.ours_only:
        results["pdfplumber"] = _pdfplumber(files)
    print(f"{len(files)} PDF files")
    print(f"{'reader':<16}{'pages':>7}{'seconds':>10}{'pages/s':>10}{'tables':>9}{'cells':>9}")
    for label, (seconds, pages, tables, cells, _) in results.items():
        print(f"{label:<16}{pages:>7}{seconds:>10.2f}{pages / seconds:>10.1f}{tables:>9}{cells:>9}")
    if len(results) == 2:
        ours = results["pdfgrid (ours)"][4]
        theirs = results["pdfplumber"][4]
        print(f"pages with a table: both {len(ours & theirs)}, only ours {len(ours - theirs)}, "
              f"only pdfplumber {len(theirs - ours)}")
        for name, number in sorted(theirs - ours)[:20]:
            print(f"  only pdfplumber: {name} p.{number}")
        for name, number in sorted(ours - theirs)[:20]:
            print(f"  only ours: {name} p.{number}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
