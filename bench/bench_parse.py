"""Parse time of published reports (``gongkai.report.parse``).

Usage: ``.venv/bin/python bench/bench_parse.py`` or ``bench/run.py parse``.

1. Every fixture text (``tests/fixtures/reports``), parsed ``REPEAT`` times:
   median and maximum per fixture and overall.  Targets: median under
   3 ms, none over 50 ms.
2. The generated text corpus: ``GONGKAI_PARSE_SIZE`` (default 100) reports
   per layout from ``bench/out/corpus/`` (rendered there if missing), their
   PDFs converted by ``pdftotext -layout`` and by PDFium's text order, each
   as converted and with every degradation of ``gongkai.report.corpus``;
   each text parsed ``CORPUS_REPEAT`` times.  Same targets.
3. The seed and two fixtures rendered to HTML, DOCX and PDF by
   ``gongkai.report.render`` and read back, and ``pdftotext`` alone over
   the same PDFs for comparison.
"""

import os
import random
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
CORPUS_REPEAT = 3
DOCUMENT_REPEAT = 3
CORPUS = ROOT / "bench" / "out" / "corpus"
CORPUS_SIZE = int(os.environ.get("GONGKAI_PARSE_SIZE", "100"))
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


def bench_corpus_texts() -> list[float]:
    from gongkai.report import corpus

    cases = corpus.generate(CORPUS, CORPUS_SIZE)
    how = [h for h in corpus.CONVERTERS if h != "layout" or shutil.which("pdftotext")]
    texts: dict[str, list[str]] = {}
    for layout, index in cases:
        pdf = (CORPUS / f"0-{layout}-{index:04d}.pdf").read_bytes()
        for converter in how:
            text = corpus.extract_text(pdf, converter)
            texts.setdefault(converter, []).append(text)
            rng = random.Random(f"{layout}/{index}/{converter}")
            damaged = corpus.degrade(text, rng, list(corpus.DEGRADATIONS))
            texts.setdefault(f"{converter}+all", []).append(damaged)
    print(
        f"### Generated texts ({len(cases)} reports, {CORPUS_REPEAT} parses each, ms)\n"
    )
    print("| texts | count | median | max |\n|---|---|---|---|")
    everything = []
    for name, group in texts.items():
        times = []
        for text in group:
            times += _times(lambda text=text: read(text), CORPUS_REPEAT)
        everything += times
        print(f"| {name} | {len(group)} {_row('', times)[3:]}")
    print(f"| **all** | {sum(map(len, texts.values()))} {_row('', everything)[3:]}")
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
    times = bench_texts() + bench_corpus_texts()
    median, worst = statistics.median(times), max(times)
    verdict = "met" if median < 3 and worst < 50 else "NOT met"
    print(f"All texts: median {median:.2f} ms, max {worst:.2f} ms: target {verdict}\n")
    bench_documents()


if __name__ == "__main__":
    main()
