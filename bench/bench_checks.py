"""How long ``check`` takes per annual report.

Full 2021-format reports (the larger table 三) with realistic magnitudes,
consistent so that every rule runs to the end; each batch is checked alone
and with last year's report and the agency level (X-CARRY, X-INFORCE, LEVEL
added).  Best of several runs.  Target: 200 µs per report.

Usage: ``.venv/bin/python bench/bench_checks.py`` or ``bench/run.py checks``.
"""

import random
import sys
import time
from pathlib import Path

TARGET_US = 200
BATCHES = ((1, 2000), (100, 50), (10_000, 3))  # (reports, runs)


def _counts(rng: random.Random, scale: int) -> int:
    roll = rng.random()
    if roll < 0.6:
        return 0
    if roll < 0.9:
        return rng.randint(1, 20)
    return rng.randint(21, scale)


def _applications(rng, fmt, carried_over=None) -> dict:
    from gongkai.report.schema import TOTAL_COLUMN

    columns = []
    for column in range(TOTAL_COLUMN):
        scale = 3000 if column == 0 else 300
        cells = {key: _counts(rng, scale) for key in fmt.outcome_keys}
        cells["total"] = sum(cells.values())
        forward = _counts(rng, scale)
        done = cells["total"]
        before = (
            rng.randint(0, done + forward)
            if carried_over is None
            else carried_over[column]
        )
        forward = max(forward, before - done)
        cells.update(carried_forward=forward, carried_over=before)
        cells["new"] = done + forward - before
        columns.append(cells)
    rows = {}
    for key in fmt.row_keys:
        parts = [cells[key] for cells in columns]
        rows[key] = [*parts, sum(parts)]
    return rows


def _documents(rng, before=None) -> dict:
    issued = _counts(rng, 200)
    if before is None:
        return {
            "issued": issued,
            "repealed": _counts(rng, 50),
            "in_force": issued + _counts(rng, 900),
        }
    repealed = rng.randint(0, before + issued)
    return {
        "issued": issued,
        "repealed": repealed,
        "in_force": before + issued - repealed,
    }


def make_report(rng: random.Random, year: int, previous=None):
    """Return a consistent 2021-format report, following on from ``previous``."""
    from gongkai.report.model import AnnualReport
    from gongkai.report.schema import APPEAL_GROUPS, FORMAT_2021

    carried = None
    before = {}
    if previous is not None:
        carried = previous.applications["carried_forward"]
        before = {
            k: getattr(previous.proactive, k).in_force
            for k in ("regulations", "normative_documents")
        }
    appeals = {}
    for group in APPEAL_GROUPS:
        parts = [_counts(rng, 400) for _ in range(4)]
        appeals[group.key] = [*parts, sum(parts)]
    data = {
        "format": "2021",
        "year": year,
        "agency": "某某市人民政府",
        "proactive": {
            "regulations": _documents(rng, before.get("regulations")),
            "normative_documents": _documents(rng, before.get("normative_documents")),
            "licensing": _counts(rng, 500_000),
            "penalty": _counts(rng, 500_000),
            "enforcement": _counts(rng, 100_000),
            "fees_10k_yuan": rng.randint(0, 10**9) / 10**4,
        },
        "applications": _applications(rng, FORMAT_2021, carried),
        "appeals": appeals,
        "sections": {
            "overview": "总体情况……",
            "problems": "主要问题……",
            "other": "无。",
        },
    }
    return AnnualReport.model_validate(data)


def make_pairs(n: int, seed: int = 2021) -> list[tuple]:
    rng = random.Random(seed)
    pairs = []
    for _ in range(n):
        previous = make_report(rng, 2023)
        pairs.append((previous, make_report(rng, 2024, previous)))
    return pairs


def best_us_per_report(fn, pairs, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn(pairs)
        best = min(best, time.perf_counter() - start)
    return best / len(pairs) * 1e6


def main() -> None:
    from gongkai.report.checks import check

    def alone(pairs):
        for _previous, report in pairs:
            if check(report):
                raise AssertionError("benchmark reports must be consistent")

    def with_previous(pairs):
        for previous, report in pairs:
            check(report, previous, level="city")

    print(
        "| reports per batch | µs/report: report alone | µs/report: + last year, level | target |"
    )
    print("|---:|---:|---:|---:|")
    for size, runs in BATCHES:
        pairs = make_pairs(size)
        single = best_us_per_report(alone, pairs, runs)
        paired = best_us_per_report(with_previous, pairs, runs)
        print(f"| {size:,} | {single:.1f} | {paired:.1f} | ≤ {TARGET_US} |")
    print(
        f"\nbest of {', '.join(str(runs) for _size, runs in BATCHES)} runs; 2021-format reports"
    )


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    main()
