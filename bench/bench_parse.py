"""Parse time of published reports (``gongkai.report.parse``).

Usage: ``.venv/bin/python bench/bench_parse.py`` or ``bench/run.py parse``.

1. Every fixture text (``tests/fixtures/reports``), parsed ``REPEAT`` times:
   median and maximum per fixture and overall.  Targets: median under
   3 ms, none over 50 ms.
2. If the renderers exist: the seed and two fixtures rendered to HTML, DOCX
   and PDF by ``gongkai.report.render`` and read back, and ``pdftotext``
   alone over the same PDFs for comparison.
"""

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT / "src", ROOT):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from tests.report_fixtures import fixture_names, fixture_text  # noqa: E402

from gongkai.report.parse import read  # noqa: E402

REPEAT = 30
DOCUMENT_REPEAT = 3
RENDERED = ("seed-000_b84d2fa2a12aa177", "001", "004")


def _times(function, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        out.append((time.perf_counter() - start) * 1000)
    return out


def _row(name: str, times: list[float]) -> str:
    return f"| {name} | {statistics.median(times):.2f} | {max(times):.2f} |"


def bench_texts() -> list[float]:
    print(f"### Fixture texts ({REPEAT} parses each, ms)\n")
    print("| fixture | median | max |\n|---|---|---|")
    texts = {name: fixture_text(name) for name in fixture_names()}
    read(texts[RENDERED[0]])  # warm-up: imports, compiled patterns, OpenCC
    everything = []
    for name, text in texts.items():
        times = _times(lambda text=text: read(text), REPEAT)
        everything += times
        print(_row(name, times))
    print(_row("**all**", everything))
    print()
    return everything


def bench_documents() -> None:
    try:
        from gongkai.report.render import render
    except ImportError:
        print("(gongkai.report.render not available: rendered documents skipped)")
        return
    print(f"### Rendered documents read back ({DOCUMENT_REPEAT} parses each, ms)\n")
    print("| fixture | format | size KB | median | max |\n|---|---|---|---|---|")
    pdfs = []
    for name in RENDERED:
        report = read(fixture_text(name))
        for to in ("html", "docx", "pdf"):
            data = render(report, to, findings=[])
            if to == "pdf":
                pdfs.append((name, data))
            times = _times(lambda data=data: read(data), DOCUMENT_REPEAT)
            print(
                f"| {name} | {to} | {len(data) / 1024:.0f} | "
                f"{statistics.median(times):.1f} | {max(times):.1f} |"
            )
    print()
    bench_pdftotext(pdfs)


def bench_pdftotext(pdfs) -> None:
    tool = shutil.which("pdftotext")
    if not tool:
        print("(pdftotext not installed: comparison skipped)")
        return
    print(f"### pdftotext alone on the same PDFs ({DOCUMENT_REPEAT} runs each, ms)\n")
    print("| fixture | median | max |\n|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in pdfs:
            path = Path(tmp) / f"{name}.pdf"
            path.write_bytes(data)
            command = [tool, "-layout", str(path), str(path.with_suffix(".txt"))]
            times = _times(
                lambda command=command: subprocess.run(command, check=True),
                DOCUMENT_REPEAT,
            )
            print(_row(name, times))
    print()


def main() -> None:
    bench_texts()
    bench_documents()


if __name__ == "__main__":
    main()
