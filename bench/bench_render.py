"""Rendering speed: one full annual report to HTML, Markdown, JSON, DOCX, PDF.

The report is ``tests/fixtures/render/distinct-2021.json`` (every cell
filled) with the narrative of the seed township report: a typical 4–6 page
report.  For each format: the first call of the process (imports, font
loading), then batches of 1, 100 and 10,000 reports.  PDF and DOCX batches
of 10,000 would take too long on a shared 2-core machine, so they are
extrapolated from the batch of 100 and marked "≈".

Wall time and CPU time are both shown: on a busy machine wall time grows
with the load, CPU time much less.  Targets are per report, warm.

Run: ``.venv/bin/python bench/bench_render.py`` or ``bench/run.py render``.
"""

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

from gongkai.report import AnnualReport  # noqa: E402
from gongkai.report.render import render  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "render"
TARGET_MS = {"html": 5, "md": None, "json": None, "docx": 100, "pdf": 1000}
MEASURED_BATCHES = {
    "html": (1, 100, 10_000),
    "md": (1, 100, 10_000),
    "json": (1, 100, 10_000),
    "docx": (1, 100),
    "pdf": (1, 100),
}
LARGEST = 10_000


def full_report() -> AnnualReport:
    def load(name):
        return AnnualReport.from_json_text(
            (FIXTURES / f"{name}.json").read_text("utf-8")
        )

    figures, seed = load("distinct-2021"), load("seed-2023")
    return figures.model_copy(update={"sections": seed.sections})


def timed(to: str, report: AnnualReport, n: int) -> tuple[float, float]:
    """Return (wall, cpu) seconds for rendering ``report`` ``n`` times."""
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(n):
        render(report, to)
    return time.perf_counter() - wall, time.process_time() - cpu


def seconds(value: float) -> str:
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.1f} s"


def bench_format(to: str, report: AnnualReport) -> list[str]:
    cold, _ = timed(to, report, 1)
    results = {n: timed(to, report, n) for n in MEASURED_BATCHES[to]}
    wall_100, cpu_100 = results[100]
    per_report, cpu_per_report = wall_100 / 100, cpu_100 / 100
    if LARGEST in results:
        largest = seconds(results[LARGEST][0])
    else:
        largest = "≈ " + seconds(per_report * LARGEST)
    target = TARGET_MS[to]
    verdict = (
        "—" if target is None else ("ok" if per_report * 1000 <= target else "SLOW")
    )
    return [
        to,
        "—" if target is None else f"≤ {target} ms",
        seconds(cold),
        seconds(results[1][0]),
        f"{seconds(wall_100)} ({seconds(per_report)}/report)",
        largest,
        seconds(cpu_per_report),
        verdict,
    ]


def main() -> None:
    report = full_report()
    header = [
        "format",
        "target/report",
        "first call",
        "batch 1",
        "batch 100 (wall)",
        "batch 10,000 (wall)",
        "CPU/report",
        "verdict",
    ]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for to in ("html", "md", "json", "docx", "pdf"):
        print("| " + " | ".join(bench_format(to, report)) + " |", flush=True)
    print("\n≈: extrapolated from the batch of 100 (10,000 would take too long here).")


if __name__ == "__main__":
    main()
