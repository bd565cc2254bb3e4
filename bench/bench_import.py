"""Import throughput and memory: the seed texts, 1,000 generated text documents, native files.

Prints figures against the targets (≥ 300 text documents/s on one core, peak memory < 200 MB);
asserts nothing. Parts:

1. **Seeds** — the four real documents of ``../shared/seeds`` (skipped when absent), each
   imported ``--repeat`` times: milliseconds per document and documents per second, by CPU
   time of this process (``time.process_time``) and by the wall clock.
2. **Generated text** — ``--count`` documents made by varying our own ``samples/*.txt``
   (names, numbers and values changed, encodings rotated among UTF-8, UTF-8 with BOM and
   GBK), imported one after another on one core. Each mode runs in a fresh process, so that
   its peak RSS is its own:

   * ``stream`` — each result written as JSON (``model_dump_json``) and released before the
     next document, as a batch import writing its output should;
   * ``keep`` — every result kept in a list until the end (the worst case).

   Both report import documents/s (CPU and wall, the import call only; the JSON writing of the
   stream mode is timed apart), CPU ms per document per sample layout, and peak
   RSS (``getrusage``) with the RSS after loading the importers and the documents. ``--heap``
   adds the Python heap peak of each mode from ``tracemalloc`` (slower; separate processes).
3. **Stages** — decoding, choosing the importer (every ``detect()``) and loading, per sample.
4. **Native files** — the fictional forms of ``tests/core/importers/native_forms.py``
   written as .docx, .xlsx and .pdf, imported ``--native`` times each (0 skips).

Figures vary with the load of the machine; the CPU-time ones vary least.

Usage::

    .venv/bin/python bench/bench_import.py [--count 1000] [--repeat 20] [--native 30] [--heap]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
SAMPLES = ROOT / "samples"

TARGET_DOCS_PER_SECOND = 300
TARGET_PEAK_MB = 200

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


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _verdict(ok: bool) -> str:
    return "meets the target" if ok else "MISSES the target"


def _timed(documents: list[tuple[str, bytes]], keep: bool = True) -> tuple[float, float, int, int, list[object]]:
    """Import ``documents`` in turn: (CPU seconds, wall seconds, forms, failures, kept results)."""
    from jixiao.errors import ImportFailed
    from jixiao.importers import import_bytes

    results: list[object] = []
    forms = failures = 0
    cpu, wall = time.process_time(), time.perf_counter()
    for name, data in documents:
        try:
            result = import_bytes(data, name=name)
        except ImportFailed:
            failures += 1
            continue
        forms += len(result.forms)
        if keep:
            results.append(result)
    return time.process_time() - cpu, time.perf_counter() - wall, forms, failures, results


def bench_seeds(repeat: int) -> None:
    if not SEEDS.is_dir():
        print("seeds: skipped (../shared/seeds is absent)")
        return
    print(f"seeds (each imported {repeat} times; CPU time of this process, and wall clock)")
    print(f"  {'file':<28}{'KB':>7}{'forms':>7}{'CPU ms/doc':>12}{'docs/s':>9}{'wall ms/doc':>13}{'docs/s':>9}")
    for path in sorted(SEEDS.glob("*.txt")):
        data = path.read_bytes()
        _timed([(path.name, data)], keep=False)  # warm
        cpu, wall, forms, failures, _ = _timed([(path.name, data)] * repeat, keep=False)
        state = f"{forms // repeat:>7}" if not failures else f"{'fail':>7}"
        print(f"  {path.name[:27]:<28}{len(data) / 1024:>7.1f}{state}{cpu / repeat * 1000:>12.2f}"
              f"{repeat / cpu:>9.1f}{wall / repeat * 1000:>13.2f}{repeat / wall:>9.1f}")


def _sample(name: str) -> str:
    return name.rsplit("-", 1)[0]


def run_worker(mode: str, count: int, heap: bool) -> dict[str, object]:
    """One mode in this (fresh) process; returns its figures. See the module docstring."""
    from jixiao.errors import ImportFailed
    from jixiao.importers import import_bytes, importers

    importers()
    documents = generated_documents(count)
    for name, data in documents[:20]:  # warm the importer modules
        import_bytes(data, name=name)
    baseline = _peak_rss_mb()
    if heap:
        tracemalloc.start()
    kept: list[object] = []
    per_sample: dict[str, list[float]] = {}
    forms = failures = output_bytes = 0
    cpu = wall = output_cpu = 0.0
    for name, data in documents:
        t0, w0 = time.process_time(), time.perf_counter()
        try:
            result = import_bytes(data, name=name)
        except ImportFailed:
            failures += 1
            continue
        t1, w1 = time.process_time(), time.perf_counter()
        cpu += t1 - t0
        wall += w1 - w0
        forms += len(result.forms)
        totals = per_sample.setdefault(_sample(name), [0.0, 0])
        totals[0] += t1 - t0
        totals[1] += 1
        if mode == "keep":
            kept.append(result)
        else:
            output_bytes += len(result.model_dump_json(indent=2).encode("utf-8"))
            del result
            output_cpu += time.process_time() - t1
    heap_peak = tracemalloc.get_traced_memory()[1] / 1024 / 1024 if heap else None
    return {
        "mode": mode, "documents": len(documents), "forms": forms, "failures": failures,
        "cpu": cpu, "wall": wall, "output_cpu": output_cpu, "baseline_mb": baseline, "peak_mb": _peak_rss_mb(),
        "heap_peak_mb": heap_peak, "output_mb": output_bytes / 1024 / 1024,
        "input_mb": sum(len(data) for _, data in documents) / 1024 / 1024,
        "per_sample": per_sample,
    }


def _spawn(mode: str, count: int, heap: bool) -> dict[str, object]:
    command = [sys.executable, __file__, "--worker", mode, "--count", str(count)] + (["--heap"] if heap else [])
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def bench_generated(count: int, heap: bool) -> None:
    if not sorted(SAMPLES.glob("*.txt")):
        print("generated: skipped (no samples/*.txt)")
        return
    runs = {mode: _spawn(mode, count, heap=False) for mode in ("stream", "keep")}
    first = runs["stream"]
    print(f"generated text: {first['documents']} documents ({first['input_mb']:.1f} MB) from "
          f"{len(list(SAMPLES.glob('*.txt')))} samples, one process per mode, one core")
    print(f"  {'mode':<8}{'CPU docs/s':>11}{'wall docs/s':>12}{'CPU s':>8}{'forms':>7}{'failed':>7}"
          f"{'peak RSS':>10}{'at start':>10}")
    for mode, run in runs.items():
        cpu, wall, documents = float(run["cpu"]), float(run["wall"]), int(run["documents"])  # type: ignore[arg-type]
        print(f"  {mode:<8}{documents / cpu:>11.0f}{documents / wall:>12.0f}{cpu:>8.2f}{run['forms']:>7}"
              f"{run['failures']:>7}{run['peak_mb']:>7.0f} MB{run['baseline_mb']:>7.0f} MB")
    print(f"  (import time only; writing the {first['output_mb']:.1f} MB of JSON took another "
          f"{float(first['output_cpu']):.2f} s CPU in the stream mode)")  # type: ignore[arg-type]
    print("  per sample layout (stream mode), CPU:")
    for sample, (seconds, number) in sorted(first["per_sample"].items()):  # type: ignore[union-attr]
        print(f"    {sample:<24}{seconds / number * 1000:>7.2f} ms/doc{number / seconds:>8.0f} docs/s"
              f"   ({number} documents)")
    stream, keep = runs["stream"], runs["keep"]
    speed = int(stream["documents"]) / float(stream["cpu"])  # type: ignore[arg-type]
    print("  targets:")
    print(f"    throughput, CPU of one core (stream): {speed:.0f} docs/s vs ≥ {TARGET_DOCS_PER_SECOND}: "
          f"{_verdict(speed >= TARGET_DOCS_PER_SECOND)}")
    for label, run in (("streaming", stream), ("all results kept", keep)):
        peak = float(run["peak_mb"])  # type: ignore[arg-type]
        print(f"    peak RSS, {label}: {peak:.0f} MB vs < {TARGET_PEAK_MB} MB: {_verdict(peak < TARGET_PEAK_MB)}")
    if heap:
        for mode in ("stream", "keep"):
            run = _spawn(mode, count, heap=True)
            print(f"  tracemalloc heap peak, {mode}: {float(run['heap_peak_mb']):.1f} MB")  # type: ignore[arg-type]
    bench_stages(generated_documents(min(count, 200)))


def bench_stages(documents: list[tuple[str, bytes]]) -> None:
    """Where the time goes, per sample: decoding, choosing the importer, loading the forms."""
    from jixiao.errors import ImportFailed
    from jixiao.importers import RawDocument, choose, import_bytes

    for name, data in documents[:20]:
        import_bytes(data, name=name)
    stages: dict[str, list[float]] = {}
    for name, data in documents:
        t0 = time.process_time()
        doc = RawDocument.from_bytes(data, name=name)
        t1 = time.process_time()
        try:
            importer, layout = choose(doc)
            t2 = time.process_time()
            importer.load(doc, layout)
        except ImportFailed:
            continue
        t3 = time.process_time()
        totals = stages.setdefault(_sample(name), [0.0, 0.0, 0.0, 0.0])
        totals[0] += t1 - t0
        totals[1] += t2 - t1
        totals[2] += t3 - t2
        totals[3] += 1
    print("  per sample, CPU ms per document: decode / choose (all detect()) / load")
    for sample, (decode, detect, load, count) in sorted(stages.items()):
        print(f"    {sample:<24}{decode / count * 1000:>7.2f}{detect / count * 1000:>9.2f}"
              f"{load / count * 1000:>9.2f}   ({count:.0f} documents)")


def bench_native(times: int) -> None:
    if times <= 0:
        return
    sys.path.insert(0, str(ROOT / "tests" / "core" / "importers"))
    try:
        import native_forms as nf
    except ImportError:
        print("native: skipped (tests/core/importers/native_forms.py is absent)")
        return
    writers: dict[str, Callable[[list[object]], bytes]] = {
        "docx": nf.to_docx, "xlsx": nf.to_xlsx, "pdf": nf.to_pdf,
    }
    print(f"native files (each imported {times} times; CPU time)")
    for label, write in writers.items():
        for form_name, blocks in (("guangdong", nf.guangdong_project()), ("hebei-30", nf.hebei_project(indicator_rows=30))):
            data = write(blocks)
            cpu, _, forms, failures, _ = _timed([(f"{form_name}.{label}", data)] * times, keep=False)
            print(f"  {label:<5}{form_name:<11}{len(data) / 1024:>7.1f} KB {cpu / times * 1000:>8.2f} ms/doc "
                  f"{times / cpu:>7.1f} docs/s  forms {forms // times}  failures {failures}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="generated text documents")
    parser.add_argument("--repeat", type=int, default=20, help="imports of each seed")
    parser.add_argument("--native", type=int, default=30, help="imports of each native file (0 skips)")
    parser.add_argument("--heap", action="store_true", help="also measure the tracemalloc heap peaks")
    parser.add_argument("--worker", choices=("stream", "keep"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(run_worker(args.worker, args.count, args.heap)))
        return 0
    bench_seeds(args.repeat)
    bench_generated(args.count, args.heap)
    bench_native(args.native)
    return 0


if __name__ == "__main__":
    sys.exit(main())
