"""PDF output, read back with poppler (pdftotext, pdffonts).

pdftotext alone cannot catch missing fonts (it extracts Chinese through the
ToUnicode map even from tofu), hence the pdffonts check.
"""

import re
import shutil
import subprocess

import pytest

from gongkai.report.render import render
from gongkai.report.schema import (
    APPEAL_COLUMNS,
    APPEAL_GROUPS,
    APPLICANT_COLUMNS,
    APPLICANT_HEADER,
    BALANCE_NOTE,
    LITIGATION_HEADER,
    ORGANISATION_HEADER,
    PROACTIVE_FIRST_COLUMN,
    RECONSIDERATION_HEADER,
    RESULTS_BLOCK,
    SECTION_HEADINGS,
    get_format,
)
from tests.report.test_render import REPORT_FORMATS, all_cells, load, printed

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdffonts") is None,
    reason="poppler-utils (pdftotext, pdffonts) is not installed",
)


@pytest.fixture(scope="module", params=REPORT_FORMATS)
def pdf(request, tmp_path_factory):
    report = load(f"distinct-{request.param}")
    path = tmp_path_factory.mktemp("pdf") / f"{request.param}.pdf"
    path.write_bytes(render(report, "pdf"))
    return report, path


def poppler(tool: str, *args) -> str:
    return subprocess.run(
        [tool, *map(str, args)], capture_output=True, text=True, check=True
    ).stdout


def official_labels(format: str) -> list[str]:
    fmt = get_format(format)
    labels = [*SECTION_HEADINGS, BALANCE_NOTE, APPLICANT_HEADER, ORGANISATION_HEADER]
    labels += [
        RESULTS_BLOCK,
        RECONSIDERATION_HEADER,
        LITIGATION_HEADER,
        PROACTIVE_FIRST_COLUMN,
    ]
    labels += [c.label for c in APPLICANT_COLUMNS + APPEAL_COLUMNS + APPEAL_GROUPS]
    labels += [row.label for row in fmt.rows] + [r.group for r in fmt.rows if r.group]
    for table in fmt.proactive:
        labels += [table.item, *table.columns, *(row.label for row in table.rows)]
    return labels


def test_the_pdf_is_a4_with_page_numbers(pdf):
    report, path = pdf
    assert path.read_bytes().startswith(b"%PDF")
    info = poppler("pdfinfo", path)
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info)
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    text = re.sub(r"\s+", "", poppler("pdftotext", path, "-"))
    for page in range(1, pages + 1):
        assert f"—{page}—" in text


def test_pdftotext_shows_every_official_label(pdf):
    report, path = pdf
    # Long cells wrap over several lines: compare without whitespace.
    text = re.sub(r"\s+", "", poppler("pdftotext", "-raw", path, "-"))
    for label in official_labels(report.format):
        assert re.sub(r"\s+", "", label) in text, label
    assert (
        re.sub(r"\s+", "", f"{report.agency}{report.year}年政府信息公开工作年度报告")
        in text
    )


def test_pdftotext_shows_every_number(pdf):
    report, path = pdf
    tokens = set(poppler("pdftotext", "-raw", path, "-").split())
    for cell, value in all_cells(report).items():
        assert printed(value) in tokens, cell


def test_the_cjk_fonts_are_embedded(pdf):
    _report, path = pdf
    rows = poppler("pdffonts", path).splitlines()[2:]
    assert rows, "no fonts in the PDF"
    assert any("CJK" in row.split()[0] for row in rows)
    for row in rows:
        # name type [type...] encoding emb sub uni object ID
        emb = row.split()[-5]
        assert emb == "yes", row
