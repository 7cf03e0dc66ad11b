"""The generated corpus read back: how many cells come back exact, ambiguous
(null with CELL-UNREADABLE, the true value among the decodings offered) or
wrong, for every form a report is published in, and whether each
deliberately broken cell is reported by the checks.

Usage: ``.venv/bin/python bench/bench_corpus.py`` or ``bench/run.py corpus``.
``GONGKAI_CORPUS_SIZE`` (default 500) reports per layout (2021 and 2019),
``GONGKAI_CORPUS_SEED`` (default 0), ``GONGKAI_BENCH_JOBS`` (default 2).
Documents are rendered once into ``bench/out/corpus/`` (git ignores it)
and reused by later runs and by ``bench_audit.py``.

Forms: the HTML, DOCX and PDF documents; the PDF converted by
``pdftotext -layout`` and by PDFium's text order (copying from a browser's
PDF viewer), each alone and damaged by each degradation of
``gongkai.report.corpus.DEGRADATIONS`` and by all of them at once; and, for
information only, ``pdftotext`` without ``-layout`` (its reading order
moves labels away from their numbers).
"""

import os
import random
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from gongkai.report import corpus  # noqa: E402

OUT = ROOT / "bench" / "out" / "corpus"
SIZE = int(os.environ.get("GONGKAI_CORPUS_SIZE", "500"))
SEED = int(os.environ.get("GONGKAI_CORPUS_SEED", "0"))
JOBS = int(os.environ.get("GONGKAI_BENCH_JOBS", "2"))


def _chosen():
    chosen = corpus.variants(corpus.CONVERTERS)
    chosen += [("raw", "raw", ()), ("raw+all", "raw", tuple(corpus.DEGRADATIONS))]
    return chosen


def run_case(case_key) -> dict:
    """Read one case back in every form; break one cell and check it."""
    layout, index = case_key
    case = corpus.build_case(SEED, layout, index, cache=OUT)
    results = corpus.read_back(case, _chosen(), SEED)
    rng = random.Random(f"broken/{SEED}/{layout}/{index}")
    report, path = corpus.break_cell(case.report, rng)
    broken = corpus.build_case(SEED, layout, index, OUT, report, tag="-broken")
    chosen = corpus.variants(corpus.CONVERTERS, corpus.FAITHFUL)
    found = corpus.caught(broken, path, chosen, SEED)
    return {
        "results": {
            name: (c.equal, len(c.ambiguous), len(c.wrong), bool(c.header))
            for name, c in results.items()
        },
        "invented": sum(
            1 for c in results.values() for _p, _w, got in c.wrong if got is not None
        ),
        "caught": found,
        "case": f"{layout}-{index:04d}",
        "wrong": {n: c.wrong[:3] for n, c in results.items() if c.wrong},
    }


def main() -> None:
    started = time.perf_counter()
    cases = corpus.generate(OUT, SIZE, SEED, JOBS)
    rendered = time.perf_counter() - started
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=JOBS) as pool:
        rows = list(pool.map(run_case, cases, chunksize=4))
    elapsed = time.perf_counter() - started
    print(
        f"{len(cases)} reports ({SIZE} per layout, seed {SEED}); rendering "
        f"{rendered:.0f} s (cached in bench/out/corpus), reading {elapsed:.0f} s "
        f"with {JOBS} processes\n"
    )
    _print_cells(rows)
    _print_caught(rows)


def _print_cells(rows) -> None:
    totals: dict[str, Counter] = {}
    for row in rows:
        for name, (equal, ambiguous, wrong, header) in row["results"].items():
            t = totals.setdefault(name, Counter())
            t.update(equal=equal, ambiguous=ambiguous, wrong=wrong)
            t["reports_ambiguous"] += bool(ambiguous)
            t["header"] += header
    print(
        "| form | cells | exact | ambiguous (null + CELL-UNREADABLE) | reports with an ambiguous cell | wrong | header differs |"
    )
    print("|---|---|---|---|---|---|---|")
    for name, t in totals.items():
        cells = t["equal"] + t["ambiguous"] + t["wrong"]
        print(
            f"| {name} | {cells} | {t['equal'] / cells:.4%} | "
            f"{t['ambiguous']} ({t['ambiguous'] / cells:.3%}) | "
            f"{t['reports_ambiguous']} | {t['wrong']} | {t['header']} |"
        )
    invented = sum(r["invented"] for r in rows)
    print(f"\nwrong cells holding a value (invented, not null): {invented}")
    failures = [
        (r["case"], n, w)
        for r in rows
        for n, w in r["wrong"].items()
        if not n.startswith("raw")
    ]
    for failure in failures[:10]:
        print("  wrong:", failure)
    print()


def _print_caught(rows) -> None:
    counts: Counter = Counter()
    missed = []
    for row in rows:
        for name, found in row["caught"].items():
            counts[name, found] += 1
            if not found:
                missed.append((row["case"], name))
    names = sorted({name for name, _found in counts}, key=list(rows[0]["caught"]).index)
    print("| broken cell read from | reports | named by an error |\n|---|---|---|")
    for name in names:
        total = counts[name, True] + counts[name, False]
        print(f"| {name} | {total} | {counts[name, True]} |")
    for item in missed[:10]:
        print("  missed:", item)


if __name__ == "__main__":
    main()
