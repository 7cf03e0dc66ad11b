"""OCR accuracy on scanned versions of generated reports.

Usage: ``.venv/bin/python bench/bench_ocr.py`` or ``bench/run.py ocr``
(needs ``tesseract`` with ``chi_sim``).  ``GONGKAI_OCR_SIZE`` (default 5)
reports per layout from the corpus of ``bench/out/corpus/``; each PDF is
rasterised as a scanner would (200 dpi grey, no text layer), once straight
and once turned by 0.7° with 0.2 % specks, and read with ``ocr=True``.

Every cell of tables 二, 三 and 四 is counted once: read correctly, left
null with a finding naming it (CELL-UNREADABLE, or TABLE-MISSING for its
row), left null without one, or wrong (a value that is not the printed
one: the reader must never invent, so this should be 0).
"""

import os
import statistics
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from gongkai.report import corpus  # noqa: E402

OUT = ROOT / "bench" / "out" / "corpus"
SIZE = int(os.environ.get("GONGKAI_OCR_SIZE", "5"))
SEED = int(os.environ.get("GONGKAI_CORPUS_SEED", "0"))
JOBS = int(os.environ.get("GONGKAI_BENCH_JOBS", "2"))
SCANS = {"straight": (0.0, 0.0), "turned 0.7°, specks": (0.7, 0.002)}
TABLES = {"proactive": "表二", "applications": "表三", "appeals": "表四"}


def run_case(key) -> dict:
    from gongkai.report.parse import read_detailed

    layout, index = key
    case = corpus.build_case(SEED, layout, index, cache=OUT)
    out = {}
    for name, (angle, noise) in SCANS.items():
        pdf = corpus.scan(case.documents["pdf"], 200, angle, noise, seed=index)
        started = time.perf_counter()
        result = read_detailed(pdf, ocr=True)
        seconds = time.perf_counter() - started
        out[name] = (_classify(case.report, result), seconds, _pages(pdf))
    return out


def _pages(pdf: bytes) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def _classify(report, result) -> Counter:
    comparison = corpus.compare(report, result)
    named = {
        p
        for f in result.report.findings
        if f.rule in ("CELL-UNREADABLE", "TABLE-MISSING", "CELL-BLANK")
        for p in f.cells
    }
    counts = Counter()
    for path in corpus.cell_values(report):
        counts[_table(path), "cells"] += 1
    wrong = {p: got for p, _want, got in comparison.wrong}
    ambiguous = set(comparison.ambiguous)
    for path in corpus.cell_values(report):
        table = _table(path)
        if path not in wrong and path not in ambiguous:
            counts[table, "correct"] += 1
        elif wrong.get(path) is not None:
            counts[table, "wrong"] += 1
        elif {path, path.split("[")[0], path.rsplit(".", 1)[0]} & named:
            counts[table, "null, named"] += 1
        else:
            counts[table, "null, silent"] += 1
    return counts


def _table(path: str) -> str:
    return TABLES[path.split(".")[0]]


def main() -> None:
    from gongkai.report.parse.ocr import available

    if not available():
        print("(tesseract with chi_sim not installed: benchmark skipped)")
        return
    load = os.getloadavg()[0]
    cases = corpus.generate(OUT, SIZE, SEED, JOBS)
    with ProcessPoolExecutor(max_workers=JOBS) as pool:
        rows = list(pool.map(run_case, cases))
    print(
        f"{len(cases)} reports ({SIZE} per layout), each scanned two ways, "
        f"{JOBS} processes; load average {load:.1f} before, "
        f"{os.getloadavg()[0]:.1f} after\n"
    )
    kinds = ("correct", "null, named", "null, silent", "wrong")
    print("| scan | table | cells | " + " | ".join(kinds) + " |")
    print("|---|---|---:|" + "---:|" * len(kinds))
    for name in SCANS:
        total = sum((row[name][0] for row in rows), Counter())
        for table in (*TABLES.values(), "all"):
            keys = TABLES.values() if table == "all" else (table,)
            cells = sum(total[t, "cells"] for t in keys)
            shares = [sum(total[t, k] for t in keys) for k in kinds]
            print(
                f"| {name} | {table} | {cells} | "
                + " | ".join(f"{n} ({n / cells:.1%})" for n in shares)
                + " |"
            )
    print("\n| scan | pages | s per report (median) | s per page (median) |")
    print("|---|---:|---:|---:|")
    for name in SCANS:
        pages = sum(row[name][2] for row in rows)
        per_report = statistics.median(row[name][1] for row in rows)
        per_page = statistics.median(row[name][1] / row[name][2] for row in rows)
        print(f"| {name} | {pages} | {per_report:.1f} | {per_page:.1f} |")


if __name__ == "__main__":
    main()
