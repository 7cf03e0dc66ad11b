"""The generated corpus (``gongkai.report.corpus``): random valid reports
rendered by the project's own renderers to HTML, DOCX and PDF, the PDF
converted to text and damaged the ways real copies are, then read back.

The normal run reads ``GONGKAI_CORPUS_SIZE`` (default 4) reports per layout.
The acceptance run reads 500 per layout::

    GONGKAI_CORPUS_SIZE=500 .venv/bin/pytest -n 2 -q tests/report/test_corpus.py

``bench/bench_corpus.py`` runs the same cases and prints how often each
reading was exact, ambiguous (null with CELL-UNREADABLE) or wrong.
"""

import os
import random
from types import SimpleNamespace

import pytest

from gongkai.report.checks import check
from gongkai.report.corpus import (
    CONVERTERS,
    DEGRADATIONS,
    FAITHFUL,
    LAYOUTS,
    break_cell,
    broken_outcomes,
    build_case,
    case_rng,
    caught,
    degrade,
    full_width,
    have_pdftotext,
    join_cells,
    page_numbers,
    random_report,
    read_back,
    undecided,
    variants,
)
from gongkai.report.parse.tokens import is_page_number

SIZE = int(os.environ.get("GONGKAI_CORPUS_SIZE", "4"))
SEED = int(os.environ.get("GONGKAI_CORPUS_SEED", "0"))
CASES = [(layout, index) for layout in LAYOUTS for index in range(SIZE)]
# Broken-cell cases render a second PDF each: every other case.
BROKEN = CASES[::2] if SIZE < 50 else CASES
# ``pdftotext -layout`` needs poppler-utils (installed by .ci/run); PDFium's
# text needs nothing more than the reader itself.
CONVERTED = CONVERTERS if have_pdftotext() else ("pdfium",)


def test_generated_reports_satisfy_every_rule():
    for layout in LAYOUTS:
        for index in range(150):
            report = random_report(case_rng(SEED, layout, index), layout)
            assert report.format == layout
            assert check(report) == []


def test_pdftotext_is_installed_for_the_layout_conversion():
    if not have_pdftotext():
        pytest.skip("pdftotext (poppler-utils) is not installed: layout text untested")
    assert "layout" in CONVERTED


@pytest.mark.parametrize(("layout", "index"), CASES)
def test_every_cell_reads_back_from_every_form(layout, index):
    case = build_case(SEED, layout, index)
    results = read_back(case, variants(CONVERTED), SEED)
    assert {name: c.wrong for name, c in results.items() if c.wrong} == {}
    # A null cell is accepted only where cells ran together (the comparison
    # already required CELL-UNREADABLE and the true value among several).
    ambiguous = {name for name, c in results.items() if c.ambiguous}
    assert all(name.endswith(("+join_cells", "+all")) for name in ambiguous)
    # ... and only where the document cannot decide: another cut of the row
    # passes every check too.
    decidable = {
        name: sorted(set(c.ambiguous) - set(c.undecided))
        for name, c in results.items()
        if set(c.ambiguous) - set(c.undecided)
    }
    assert decidable == {}
    headers = {
        name: c.header
        for name, c in results.items()
        if c.header and not name.endswith("+all")
    }
    assert headers == {}


@pytest.mark.parametrize(("layout", "index"), BROKEN)
def test_a_changed_cell_is_an_error_naming_that_cell(layout, index):
    rng = random.Random(f"broken/{SEED}/{layout}/{index}")
    report, path = break_cell(random_report(case_rng(SEED, layout, index), layout), rng)
    case = build_case(SEED, layout, index, report=report)
    missed = caught(case, path, variants(CONVERTED, FAITHFUL), SEED)
    assert [name for name, found in missed.items() if not found] == []
    # Where cells ran together, a changed cell may leave no cut of its row
    # that adds up: then the row is null and the finding says so.
    joined = [v for v in variants(CONVERTED) if "join_cells" in v[2]]
    outcomes = broken_outcomes(case, path, joined, SEED)
    assert set(outcomes.values()) <= {"error", "unbalanced"}, outcomes


# --- the degradations themselves --------------------------------------------


def test_joined_cells_keep_decimals_signs_and_amounts_apart():
    rng = random.Random(1)
    text = "行政事业性收费 12 0.5 采购 7 31152107元 增减 3 -4\n1 2\n3"
    for _ in range(20):
        out = join_cells(text, rng)
        assert "0.5" in out and "31152107元" in out and "-4" in out
        assert out.replace(" ", "").replace("\n", "") == text.replace(" ", "").replace(
            "\n", ""
        )


def test_full_width_changes_characters_not_their_number():
    text = "本年新收 12 0 7"
    out = full_width(text, random.Random(3))
    assert "１２" in out and len(out) == len(text)


def test_page_number_lines_are_the_forms_the_reader_skips():
    out = page_numbers("\n".join(["行"] * 200), random.Random(5))
    added = [line for line in out.split("\n") if line != "行"]
    assert added and all(is_page_number(line) for line in added)


def test_every_degradation_changes_a_report_text():
    case = build_case(SEED, "2021", 0)
    from gongkai.report.corpus import extract_text

    text = extract_text(case.documents["pdf"], "pdfium")
    for name in DEGRADATIONS:
        assert degrade(text, random.Random(0), [name]) != text, name


def _row(report, key: str) -> tuple[tuple[str, ...], tuple]:
    paths = tuple(f"applications.{key}[{i}]" for i in range(7))
    return paths, tuple(report.cell(p) for p in paths)


def test_undecided_names_the_cells_another_reading_changes():
    report = random_report(case_rng(SEED, "2021", 0), "2021")
    data = report.to_json()
    data["proactive"]["normative_documents"] = {
        "issued": 16,
        "repealed": 0,
        "in_force": 469,
    }
    report = type(report).model_validate(data)
    row = tuple(
        f"proactive.normative_documents.{k}" for k in ("issued", "repealed", "in_force")
    )
    # "160469" in table 二 read as 16/0/469 or 1/60/469: no rule tells them
    # apart, but 469 is the same in both readings.
    result = SimpleNamespace(decodings={row: [(16, 0, 469), (1, 60, 469)]})
    assert undecided(report, result, list(row)) == list(row[:2])


def test_a_reading_that_breaks_a_check_decides_nothing():
    report = random_report(case_rng(SEED, "2021", 0), "2021")
    paths, printed = _row(report, "new")
    other = (printed[0] + 30, *printed[1:])  # the row no longer adds up
    result = SimpleNamespace(decodings={paths: [printed, other]})
    assert undecided(report, result, list(paths)) == []


def test_rows_that_only_fit_together_are_undecided_together():
    report = next(
        r
        for i in range(50)
        if (r := random_report(case_rng(SEED, "2021", i), "2021"))
        and r.cell("applications.new[1]") >= 1
        and r.cell("applications.carried_over[0]") >= 1
    )
    new_paths, new = _row(report, "new")
    old_paths, old = _row(report, "carried_over")
    # one applicant moved between columns in both rows: each row still adds
    # up; alone each breaks its columns' balance, together neither does
    new2 = (new[0] + 1, new[1] - 1, *new[2:])
    old2 = (old[0] - 1, old[1] + 1, *old[2:])
    result = SimpleNamespace(decodings={new_paths: [new, new2], old_paths: [old, old2]})
    wanted = [new_paths[0], new_paths[1], old_paths[0], old_paths[1]]
    assert undecided(report, result, list(new_paths + old_paths)) == wanted
    # one row alone cannot move
    alone = SimpleNamespace(decodings={new_paths: [new, new2]})
    assert undecided(report, alone, list(new_paths)) == []
