"""Whole-PDF audit against ``pdftotext`` over the same files.

Usage: ``.venv/bin/python bench/bench_audit.py`` or ``bench/run.py audit``.

1. ``GONGKAI_AUDIT_SIZE`` (default 500) random valid reports per layout
   (2021 and 2019, so 1,000 PDFs) rendered by ``gongkai.report.render``
   into ``bench/out/corpus/`` (git ignores it; later runs reuse the files,
   and rendering is not timed).
2. ``pdftotext`` alone over every PDF, two processes at a time (plain and
   ``-layout``), output discarded.
3. ``gongkai report audit --jobs 2`` over the same PDFs (a folder of links
   to them), as a user runs it: start-up, reading, checks, CSV.

Target: the audit within 3× the ``pdftotext`` time.
"""

import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from gongkai.report import corpus  # noqa: E402

OUT = ROOT / "bench" / "out"
SIZE = int(os.environ.get("GONGKAI_AUDIT_SIZE", "500"))
SEED = int(os.environ.get("GONGKAI_CORPUS_SEED", "0"))
JOBS = 2


def pdf_folder() -> Path:
    """A folder holding (links to) the corpus PDFs only."""
    cases = corpus.generate(OUT / "corpus", SIZE, SEED, JOBS)
    folder = OUT / f"audit-pdfs-{SEED}-{SIZE}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for path in corpus.pdf_paths(OUT / "corpus", cases, SEED):
        (folder / path.name).symlink_to(path)
    return folder


def time_pdftotext(files: list[Path], layout: bool) -> float:
    command = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else [])

    def one(path: Path) -> None:
        subprocess.run(
            [*command, str(path), "-"], stdout=subprocess.DEVNULL, check=True
        )

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=JOBS) as pool:
        list(pool.map(one, files))
    return time.perf_counter() - started


def time_audit(folder: Path) -> tuple[float, str]:
    out = OUT / "audit.csv"
    command = [
        sys.executable, "-m", "gongkai.cli", "report", "audit", str(folder),
        "--jobs", str(JOBS), "--out", str(out),
    ]  # fmt: skip
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    elapsed = time.perf_counter() - started
    summary = done.stderr.strip().splitlines()
    return elapsed, " / ".join(
        line for line in summary if not line.startswith("审核进度")
    )


def main() -> None:
    if not shutil.which("pdftotext"):
        print("(pdftotext not installed: benchmark skipped)")
        return
    started = time.perf_counter()
    folder = pdf_folder()
    files = sorted(folder.glob("*.pdf"))
    print(
        f"{len(files)} PDFs ready in {time.perf_counter() - started:.0f} s (not timed)\n"
    )
    load = os.getloadavg()[0]
    plain = time_pdftotext(files, layout=False)
    layout = time_pdftotext(files, layout=True)
    audit, summary = time_audit(folder)
    n = len(files)
    print(
        f"### {n} PDFs, {JOBS} processes (load average {load:.1f} before, "
        f"{os.getloadavg()[0]:.1f} after)\n"
    )
    print("| run | total s | ms per file | audit ÷ this |\n|---|---|---|---|")
    for name, seconds in (
        ("`pdftotext` (plain)", plain),
        ("`pdftotext -layout`", layout),
        (f"`gongkai report audit --jobs {JOBS}`", audit),
    ):
        print(
            f"| {name} | {seconds:.1f} | {seconds / n * 1000:.0f} | "
            f"{audit / seconds:.2f}× |"
        )
    print(f"\naudit: {summary}")
    target = "met" if audit <= 3 * min(plain, layout) else "NOT met"
    print(f"target (audit within 3× pdftotext): {target}")


if __name__ == "__main__":
    main()
