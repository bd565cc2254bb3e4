"""Disclosure-table reading on the real PDF corpus: per file, tables found (of 9), rows recovered,
identity checks passing/failing and pages per second; totals at the end.

Run: ``.venv/bin/python bench/bench_disclosure.py [--limit N]``. Skips cleanly without the corpus.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from jixiao.disclosure.checks import check_disclosure
from jixiao.disclosure.model import NINE_TABLES
from jixiao.disclosure.parse_pdf import parse_disclosure_pdf

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "disclosure-pdf"
IDENTITIES = {f"JX6{n:02d}" for n in range(1, 16)}


def _has_content(table) -> bool:
    if table.empty_note:
        return True
    if hasattr(table, "income"):
        return any(line.amount is not None for line in table.income + table.expenditure)
    return any(True for _ in table.rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None, help="only the first N files")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--backend", choices=["pdfgrid", "pdfplumber"], default="pdfgrid")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus absent ({args.corpus}); nothing to measure")
        return 0
    import pdfplumber

    files = sorted(args.corpus.glob("*.pdf"))[: args.limit]
    print(f"backend: {args.backend}; tables = found of the nine / with rows or an empty-table note; "
          "pass/fail = identity comparisons D01–D15 (JX601–JX615)")
    print(f"{'file':<58} {'tables':>11} {'rows':>5} {'pass':>5} {'fail':>4} {'pages':>5} {'pages/s':>7}")
    totals = {"tables": 0, "read": 0, "rows": 0, "pass": 0, "fail": 0, "pages": 0, "seconds": 0.0}
    for path in files:
        data = path.read_bytes()
        with pdfplumber.open(path) as pdf:
            pages = len(pdf.pages)
        start = time.perf_counter()
        disclosure = parse_disclosure_pdf(data, name=path.name, backend=args.backend)
        seconds = time.perf_counter() - start
        report = check_disclosure(disclosure)
        passed = sum(report.evaluated[c] - report.failed[c] for c in IDENTITIES)
        failed = sum(report.failed[c] for c in IDENTITIES)
        tables = sum(1 for kind in NINE_TABLES if kind in disclosure.tables)
        read = sum(1 for kind in NINE_TABLES if kind in disclosure.tables and _has_content(disclosure.tables[kind]))
        name = path.name if len(path.name) <= 56 else path.name[:55] + "…"
        print(f"{name:<58} {tables:>3}/9 {read:>3}/9 {disclosure.row_count:>5} {passed:>5} {failed:>4} {pages:>5} "
              f"{pages / seconds:>7.1f}")
        for key, value in (("tables", tables), ("read", read), ("rows", disclosure.row_count), ("pass", passed),
                           ("fail", failed), ("pages", pages), ("seconds", seconds)):
            totals[key] += value
    print(f"{'TOTAL (' + str(len(files)) + ' files)':<50} {totals['tables']:>4}/{9 * len(files)} "
          f"{totals['read']:>4}/{9 * len(files)} {totals['rows']:>5} "
          f"{totals['pass']:>5} {totals['fail']:>4} {totals['pages']:>5} {totals['pages'] / max(totals['seconds'], 1e-9):>7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
