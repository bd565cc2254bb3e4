"""PDF table reading: pdfplumber's ``extract_tables()`` against our pdfgrid, side by side.

Runs both on the disclosure PDFs of ``../shared/corpus/disclosure-pdf`` (skipped when the
corpus is absent) and prints, for each reader: pages per second, tables found, non-empty
cells recovered, and the pages where only one of the two found a table. Figures only; no
asserts. Usage::

    .venv/bin/python bench/bench_pdf.py [--limit N] [--ours-only]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "disclosure-pdf"
_SPACE = re.compile(r"\s+")

#: Per reader: wall seconds, CPU seconds, pages, tables, non-empty cells, cell texts per page.
Result = tuple[float, float, int, int, int, dict[tuple[str, int], Counter[str]]]


def _norm(text: str) -> str:
    return _SPACE.sub("", text)


def _ours(files: list[Path]) -> Result:
    from jixiao.importers.pdfgrid import read_pdf

    pages = tables = cells = 0
    texts: dict[tuple[str, int], Counter[str]] = {}
    start, cpu = time.perf_counter(), time.process_time()
    for path in files:
        doc = read_pdf(path.read_bytes(), name=path.name)
        pages += len(doc.pages)
        for page in doc.pages:
            tables += len(page.tables)
            found = [_norm(c.text) for t in page.tables for row in t.rows for c in row.cells]
            found = [text for text in found if text]
            cells += len(found)
            if page.tables:
                texts[(path.name, page.number)] = Counter(found)
    return time.perf_counter() - start, time.process_time() - cpu, pages, tables, cells, texts


def _pdfplumber(files: list[Path]) -> Result:
    import pdfplumber

    pages = tables = cells = 0
    texts: dict[tuple[str, int], Counter[str]] = {}
    start, cpu = time.perf_counter(), time.process_time()
    for path in files:
        with pdfplumber.open(path) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                pages += 1
                found_tables = page.extract_tables()
                tables += len(found_tables)
                found = [_norm(cell) for t in found_tables for row in t for cell in row if cell]
                found = [text for text in found if text]
                cells += len(found)
                if found_tables:
                    texts[(path.name, number)] = Counter(found)
                page.close()
    return time.perf_counter() - start, time.process_time() - cpu, pages, tables, cells, texts


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
    print(f"{len(files)} PDF files (CPU seconds are less disturbed by other load than wall seconds)")
    print(f"{'reader':<16}{'pages':>7}{'wall s':>9}{'CPU s':>9}{'pages/s':>9}{'pages/CPU-s':>13}"
          f"{'tables':>8}{'cells':>8}")
    for label, (wall, cpu, pages, tables, cells, _) in results.items():
        print(f"{label:<16}{pages:>7}{wall:>9.2f}{cpu:>9.2f}{pages / wall:>9.1f}{pages / cpu:>13.1f}"
              f"{tables:>8}{cells:>8}")
    if len(results) == 2:
        ours = results["pdfgrid (ours)"][5]
        theirs = results["pdfplumber"][5]
        print(f"pages with a table: both {len(ours.keys() & theirs.keys())}, "
              f"only ours {len(ours.keys() - theirs.keys())}, only pdfplumber {len(theirs.keys() - ours.keys())}")
        for name, number in sorted(theirs.keys() - ours.keys())[:20]:
            print(f"  only pdfplumber: {name} p.{number}")
        for name, number in sorted(ours.keys() - theirs.keys())[:20]:
            print(f"  only ours: {name} p.{number}")
        theirs_total = sum(sum(c.values()) for c in theirs.values())
        ours_total = sum(sum(c.values()) for c in ours.values())
        matched = sum(sum((ours.get(key, Counter()) & texts).values()) for key, texts in theirs.items())
        print(f"cell texts (whitespace removed) on the same page: {matched} of pdfplumber's {theirs_total} "
              f"also in ours ({matched / max(theirs_total, 1):.1%}); {matched} of our {ours_total} "
              f"also in pdfplumber's ({matched / max(ours_total, 1):.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
