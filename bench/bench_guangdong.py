"""Guangdong tab-separated import speed: detection plus load, per document and per line.

Imports the Guangdong seeds (``../shared/seeds/000_*``, ``001_*``, skipped when absent), the
samples ``samples/gd-*.txt`` and one large synthetic file (the county sample repeated until it
holds ``--forms`` forms) and prints documents per second, milliseconds per document, lines per
second and forms and indicators read. Figures only; no asserts. Usage::

    .venv/bin/python bench/bench_guangdong.py [--repeat N] [--forms N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"


def _files() -> list[tuple[str, bytes]]:
    paths = sorted(SEEDS.glob("00[01]_*.txt")) if SEEDS.is_dir() else []
    paths += sorted((ROOT / "samples").glob("gd-*.txt"))
    return [(path.name, path.read_bytes()) for path in paths]


def _run(name: str, data: bytes, repeat: int) -> tuple[float, int, int, int]:
    from jixiao.importers.base import RawDocument
    from jixiao.importers.text.guangdong import GuangdongTextImporter

    importer = GuangdongTextImporter()
    forms = indicators = 0
    start = time.perf_counter()
    for _ in range(repeat):
        doc = RawDocument.from_bytes(data, name=name)
        detection = importer.detect(doc)
        if detection is None:
            raise SystemExit(f"{name}: not detected as a Guangdong layout")
        result = importer.load(doc, detection.layout)
        forms = len(result.forms)
        indicators = sum(len(form.indicators) for form in result.forms)
    elapsed = time.perf_counter() - start
    return elapsed, data.count(b"\n") + 1, forms, indicators


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--forms", type=int, default=400)
    args = parser.parse_args()

    files = _files()
    county = next((data for name, data in files if name == "gd-county-2025.txt"), None)
    if county is not None:
        copies = max(1, args.forms // 4)
        files.append((f"synthetic-{copies * 4}-forms.txt", county * copies))
    print(f"{'file':<34}{'docs/s':>9}{'ms/doc':>9}{'lines/s':>11}{'forms':>7}{'indicators':>12}")
    for name, data in files:
        repeat = args.repeat if len(data) < 200_000 else max(1, args.repeat // 25)
        elapsed, lines, forms, indicators = _run(name, data, repeat)
        per_doc = elapsed / repeat
        print(
            f"{name:<34}{1 / per_doc:>9.1f}{per_doc * 1000:>9.2f}{lines / per_doc:>11.0f}"
            f"{forms:>7}{indicators:>12}"
        )


if __name__ == "__main__":
    main()
