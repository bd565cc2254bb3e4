"""Import throughput and memory: the seed texts, 1,000 generated text documents, native files.

Prints figures; asserts nothing. Parts:

1. **Seeds** — the four real documents of ``../shared/seeds`` (skipped when absent), each
   imported ``--repeat`` times: documents per second and milliseconds per document.
2. **Generated text** — ``--count`` documents made by varying our own ``samples/*.txt``
   (names, numbers and values changed, encodings rotated among UTF-8, UTF-8 with BOM and
   GBK), imported one after another on one core with every result kept, as a batch import
   does: documents per second, and peak memory (peak RSS from ``getrusage``, and the
   Python heap peak from ``tracemalloc`` in a second pass).
3. **Native files** — the fictional forms of ``tests/core/importers/native_forms.py``
   written as .docx, .xlsx and .pdf, imported ``--native`` times each.

Usage::

    .venv/bin/python bench/bench_import.py [--count 1000] [--repeat 20] [--native 30]
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
SAMPLES = ROOT / "samples"

_NUMBER = re.compile(r"(?<![\d.])(\d{1,4})(?![\d.年])")
_NAMES = ("临江", "青石", "云岭", "白沙", "东坪", "南湖")


def generated_documents(count: int, seed: int = 2025) -> list[tuple[str, bytes]]:
    """``count`` text documents varied from our own samples (name, bytes)."""
    samples = sorted(SAMPLES.glob("*.txt"))
    if not samples:
        return []
    texts = [path.read_text(encoding="utf-8") for path in samples]
    rng = random.Random(seed)
    encodings = ("utf-8", "utf-8-sig", "gbk")
    documents: list[tuple[str, bytes]] = []
    for index in range(count):
        source = index % len(texts)
        text = texts[source]
        place = _NAMES[index % len(_NAMES)]
        text = text.replace("临江", place) if "临江" in text else text
        text = _NUMBER.sub(lambda m: str(max(1, int(m.group(1)) + rng.randint(-3, 3))), text)
        encoding = encodings[index % len(encodings)]
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            data = text.encode("utf-8")
        documents.append((f"{samples[source].stem}-{index:04d}.txt", data))
    return documents


def _timed(documents: list[tuple[str, bytes]], keep: bool = True) -> tuple[float, int, int, list[object]]:
    from jixiao.errors import ImportFailed
    from jixiao.importers import import_bytes

    results: list[object] = []
    forms = failures = 0
    start = time.perf_counter()
    for name, data in documents:
        try:
            result = import_bytes(data, name=name)
        except ImportFailed:
            failures += 1
            continue
        forms += len(result.forms)
        if keep:
            results.append(result)
    return time.perf_counter() - start, forms, failures, results


def bench_seeds(repeat: int) -> None:
    if not SEEDS.is_dir():
        print("seeds: skipped (../shared/seeds is absent)")
        return
    print(f"seeds (each imported {repeat} times)")
    print(f"  {'file':<28}{'KB':>7}{'forms':>7}{'ms/doc':>9}{'docs/s':>9}")
    for path in sorted(SEEDS.glob("*.txt")):
        data = path.read_bytes()
        seconds, forms, failures, _ = _timed([(path.name, data)] * repeat, keep=False)
        state = f"{forms // repeat:>7}" if not failures else f"{'fail':>7}"
        print(f"  {path.name[:27]:<28}{len(data) / 1024:>7.1f}{state}{seconds / repeat * 1000:>9.2f}"
              f"{repeat / seconds:>9.1f}")


def bench_generated(count: int) -> None:
    from jixiao.importers import importers

    importers()  # import every importer module before measuring the baseline
    baseline_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    documents = generated_documents(count)
    if not documents:
        print("generated: skipped (no samples/*.txt)")
        return
    _timed(documents[:20], keep=False)  # warm the importer modules
    seconds, forms, failures, results = _timed(documents)
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    megabytes = sum(len(data) for _, data in documents) / 1024 / 1024
    print(f"generated text: {len(documents)} documents ({megabytes:.1f} MB) from {len(list(SAMPLES.glob('*.txt')))} samples")
    print(f"  {len(documents) / seconds:.0f} documents/s on one core, {seconds:.2f} s, "
          f"{forms} forms, {failures} not imported")
    print(f"  peak RSS of the process: {peak_rss_mb:.0f} MB (after loading the importers: {baseline_mb:.0f} MB)")
    del results
    for keep in (True, False):
        tracemalloc.start()
        _timed(documents, keep=keep)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        state = f"all {len(documents)} results kept" if keep else "each result dropped after import"
        print(f"  tracemalloc peak, {state}: {peak / 1024 / 1024:.1f} MB")
    bench_stages(documents[:200])


def bench_stages(documents: list[tuple[str, bytes]]) -> None:
    """Where the time goes, per sample: decoding, choosing the importer, loading the forms."""
    from jixiao.errors import ImportFailed
    from jixiao.importers import RawDocument, choose

    stages: dict[str, list[float]] = {}
    for name, data in documents:
        sample = name.rsplit("-", 1)[0]
        t0 = time.perf_counter()
        doc = RawDocument.from_bytes(data, name=name)
        t1 = time.perf_counter()
        try:
            importer, layout = choose(doc)
            t2 = time.perf_counter()
            importer.load(doc, layout)
        except ImportFailed:
            continue
        t3 = time.perf_counter()
        totals = stages.setdefault(sample, [0.0, 0.0, 0.0, 0.0])
        totals[0] += t1 - t0
        totals[1] += t2 - t1
        totals[2] += t3 - t2
        totals[3] += 1
    print("  per sample, ms per document: decode / choose (all detect()) / load")
    for sample, (decode, detect, load, count) in sorted(stages.items()):
        print(f"    {sample:<24}{decode / count * 1000:>7.2f}{detect / count * 1000:>9.2f}"
              f"{load / count * 1000:>9.2f}   ({count:.0f} documents)")


def bench_native(times: int) -> None:
    sys.path.insert(0, str(ROOT / "tests" / "core" / "importers"))
    try:
        import native_forms as nf
    except ImportError:
        print("native: skipped (tests/core/importers/native_forms.py is absent)")
        return
    writers: dict[str, Callable[[list[object]], bytes]] = {
        "docx": nf.to_docx, "xlsx": nf.to_xlsx, "pdf": nf.to_pdf,
    }
    print(f"native files (each imported {times} times)")
    for label, write in writers.items():
        for form_name, blocks in (("guangdong", nf.guangdong_project()), ("hebei-30", nf.hebei_project(indicator_rows=30))):
            data = write(blocks)
            seconds, forms, failures, _ = _timed([(f"{form_name}.{label}", data)] * times, keep=False)
            print(f"  {label:<5}{form_name:<11}{len(data) / 1024:>7.1f} KB {seconds / times * 1000:>8.2f} ms/doc "
                  f"{times / seconds:>7.1f} docs/s  forms {forms // times}  failures {failures}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="generated text documents")
    parser.add_argument("--repeat", type=int, default=20, help="imports of each seed")
    parser.add_argument("--native", type=int, default=30, help="imports of each native file")
    args = parser.parse_args()
    bench_seeds(args.repeat)
    bench_generated(args.count)
    bench_native(args.native)
    return 0


if __name__ == "__main__":
    sys.exit(main())
