"""Hebei text import speed: detection plus load, per document, for both Hebei text layouts.

Imports the Hebei seeds (``../shared/seeds/003_*`` PDF text, ``004_*`` one cell per line; skipped
when absent) and the samples ``samples/hebei-*.txt``, and prints milliseconds per document,
lines per second, forms and indicator rows read, and the problems recorded. Figures only; no
asserts. Usage::

    .venv/bin/python bench/bench_hebei.py [--repeat N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"


def _files() -> list[Path]:
    paths = sorted(SEEDS.glob("00[34]_*.txt")) if SEEDS.is_dir() else []
    return paths + sorted((ROOT / "samples").glob("hebei-*.txt"))


def main() -> None:
    from jixiao.importers.registry import import_bytes

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"{'file':<34}{'ms/doc':>9}{'lines/s':>10}{'forms':>7}{'rows':>6}{'problems':>10}")
    for path in _files():
        data = path.read_bytes()
        start = time.perf_counter()
        for _ in range(args.repeat):
            result = import_bytes(data, name=path.name)
        elapsed = (time.perf_counter() - start) / args.repeat
        lines = data.count(b"\n") + 1
        rows = sum(len(form.indicators) for form in result.forms)
        print(f"{path.name:<34}{elapsed * 1000:>9.1f}{lines / elapsed:>10.0f}{len(result.forms):>7}"
              f"{rows:>6}{len(result.problems):>10}")


if __name__ == "__main__":
    main()
