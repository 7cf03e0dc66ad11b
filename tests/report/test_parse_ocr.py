"""Scanned reports read by OCR (``read(..., ocr=True)``, ``--ocr``).

The OCR tests need Tesseract with its simplified Chinese data (Debian:
``tesseract-ocr tesseract-ocr-chi-sim``, installed by ``.ci/run``) and are
skipped, saying so, without it.  The arithmetic that decides which values
read by OCR are kept needs nothing and always runs.
"""

import json

import pypdfium2
import pytest

from gongkai.cli import main
from gongkai.report import ReportError
from gongkai.report.corpus import case_rng, cell_values, compare, random_report, scan
from gongkai.report.parse import read, read_detailed
from gongkai.report.parse.ocr import _settle, available
from gongkai.report.parse.ocrimage import for_digits, otsu
from gongkai.report.parse.verify import equations, untrusted
from gongkai.report.render import render
from gongkai.report.schema import get_format

needs_tesseract = pytest.mark.skipif(
    not available(),
    reason="tesseract with chi_sim data is not installed "
    "(apt-get install tesseract-ocr tesseract-ocr-chi-sim)",
)


# --- which values read by OCR are kept ----------------------------------------


def _values(report) -> dict:
    data = report.to_json()
    out = {}
    for key, row in data["applications"].items():
        out.update({f"applications.{key}[{i}]": v for i, v in enumerate(row)})
    for key, row in data["appeals"].items():
        out.update({f"appeals.{key}[{i}]": v for i, v in enumerate(row)})
    return out


@pytest.fixture(scope="module")
def consistent():
    return random_report(case_rng(7, "2021", 3), "2021")


def test_values_of_a_consistent_table_read_row_by_row_are_all_kept(consistent):
    assert (
        untrusted(get_format("2021"), _values(consistent), set(), whole=True) == set()
    )


def test_zeros_are_kept_only_where_an_equation_with_a_number_vouches(consistent):
    """A row of zeros adds up under any label: unless every row was read
    under its own label, a zero needs an equation through it that holds
    with some number in it."""
    fmt = get_format("2021")
    values = _values(consistent)
    through: dict[str, list] = {}
    for eq in equations(fmt):
        for path in eq.parts + eq.totals:
            through.setdefault(path, []).append(eq)
    only_zeros = {
        path
        for path, eqs in through.items()
        if all(values[p] == 0 for eq in eqs for p in eq.parts + eq.totals)
        and path.startswith("applications")
    }
    assert only_zeros  # generated tables are sparse
    assert untrusted(fmt, values, set()) == only_zeros


def test_a_misread_digit_loses_its_row_and_column_never_stays(consistent):
    values = _values(consistent)
    path = "applications.withheld_6[3]"
    values[path] += 3
    doubtful = untrusted(get_format("2021"), values, set(), whole=True)
    assert path in doubtful
    assert {p for p in doubtful if p.startswith("applications.withheld_6[")} == {
        f"applications.withheld_6[{i}]" for i in range(7)
    }
    assert "appeals.reconsideration[0]" not in doubtful


def test_a_cell_that_no_complete_equation_checks_is_not_kept(consistent):
    values = _values(consistent)
    values["appeals.litigation_direct[2]"] = None  # unreadable
    doubtful = untrusted(get_format("2021"), values, set(), whole=True)
    assert {f"appeals.litigation_direct[{i}]" for i in (0, 1, 3, 4)} <= doubtful
    assert "appeals.reconsideration[4]" not in doubtful


def test_blank_cells_count_as_zero_in_the_arithmetic(consistent):
    values = _values(consistent)
    zero = next(p for p, v in values.items() if v == 0 and "appeals" in p)
    values[zero] = None
    assert untrusted(get_format("2021"), values, {zero}, whole=True) == set()


# --- scans read by OCR --------------------------------------------------------


@pytest.fixture(scope="module")
def scanned():
    report = random_report(case_rng(0, "2021", 1), "2021")
    pdf = render(report, "pdf", findings=[])
    return report, scan(pdf, dpi=200, angle=0.5, noise=0.001, seed=1)


def test_a_scan_without_ocr_is_refused_with_the_way_to_read_it(scanned):
    with pytest.raises(ReportError, match="没有文字层.*--ocr"):
        read(scanned[1])


def _named(findings) -> set[str]:
    return {
        path
        for f in findings
        if f.rule in ("CELL-UNREADABLE", "TABLE-MISSING", "CELL-BLANK")
        for path in f.cells
    }


@needs_tesseract
def test_a_scan_is_read_by_ocr_without_a_single_invented_value(scanned):
    report, pdf = scanned
    result = read_detailed(pdf, ocr=True)
    comparison = compare(report, result)
    assert [w for w in comparison.wrong if w[2] is not None] == []
    # A floor that a broken pipeline would miss (bench/bench_ocr.py measures).
    assert comparison.equal >= 0.3 * comparison.cells
    # Every value left null says why (the cell, or its whole row, is named).
    named = _named(result.report.findings)
    silent = [p for p, _w, _g in comparison.wrong if not {p, p.split("[")[0]} & named]
    assert silent == []
    [ocr] = [f for f in result.report.findings if f.rule == "OCR"]
    assert sorted(ocr.cells) == sorted(result.provenance)
    assert all(where.startswith("OCR 识别") for where in result.provenance.values())


@needs_tesseract
def test_a_page_image_is_audited_with_ocr(scanned, tmp_path, capsys):
    document = pypdfium2.PdfDocument(scanned[1])
    image = document[2].render(scale=200 / 72, grayscale=True).to_pil()
    page = tmp_path / "scans" / "第3页.png"
    page.parent.mkdir()
    image.save(page, "PNG", dpi=(200, 200))
    assert main(["report", "parse", str(page)]) == 2
    assert "--ocr" in capsys.readouterr().err
    out, reports = tmp_path / "audit.json", tmp_path / "reports"
    command = ["report", "audit", str(page.parent), "--ocr", "--out", str(out)]
    assert main([*command, "--reports", str(reports)]) == 0
    [row] = json.loads(out.read_text(encoding="utf-8"))
    assert row["status"] == "read" and "OCR" in row["rules"].split()
    [written] = reports.glob("*.json")
    read_back = json.loads(written.read_text(encoding="utf-8"))
    truth = _values(scanned[0])
    values = {
        f"applications.{k}[{i}]": v
        for k, cells in read_back["applications"].items()
        for i, v in enumerate(cells)
    }
    kept = {p: v for p, v in values.items() if v is not None}
    assert kept and all(truth[p] == v for p, v in kept.items())


@needs_tesseract
def test_a_scan_reads_most_cells_of_table_3_and_none_wrong(scanned):
    """Number cells are read again where the page reading is in doubt, and
    the labels cell by cell: 56 of 175 cells of table 三 were kept before,
    151 now (bench/bench_ocr.py measures the corpus)."""
    report, pdf = scanned
    truth = cell_values(report)
    got = cell_values(read_detailed(pdf, ocr=True).report)
    table = [p for p in truth if p.startswith("applications.")]
    assert [p for p in table if got[p] is not None and got[p] != truth[p]] == []
    assert sum(got[p] == truth[p] for p in table) >= 140


def test_a_cell_is_cut_to_its_ink_in_black_and_white_for_digits():
    from PIL import Image, ImageDraw

    cell = Image.new("L", (120, 60), 235)
    ImageDraw.Draw(cell).rectangle((50, 20, 59, 39), fill=60)
    image = for_digits(cell, margin=12)
    assert image.size == (10 + 24, 20 + 24)
    assert set(image.tobytes()) == {0, 255}
    assert image.getpixel((12, 12)) == 0 and image.getpixel((11, 11)) == 255
    assert 60 <= otsu(cell) < 235


def test_a_third_reading_settles_a_cell_only_by_repeating_an_earlier_one():
    def words(text):
        return [{"text": text}] if text else []

    assert _settle("6?", "0", words("6"), words("6")) == "6"
    assert _settle("11?", "11?", words("11?"), words("11")) == "11"
    assert _settle("6?", "0", words("6"), words("8")) == "6?"
    assert _settle("?", "可本", [], words("250")) == "?"
    assert _settle("6?", "0", words("6"), words("6?")) == "6?"
