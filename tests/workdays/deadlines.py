"""Rows of ``tests/fixtures/deadlines.tsv``, shared by the calendar tests."""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

TSV = Path(__file__).parent.parent / "fixtures" / "deadlines.tsv"
MISSING = "calendar-missing:"


@dataclass(frozen=True)
class Case:
    start: date
    n: int
    due: date | None  # None when the calendar must refuse
    missing_year: int | None

    @property
    def id(self) -> str:
        return f"{self.start}+{self.n}"


def deadline_cases() -> list[Case]:
    lines = [line for line in TSV.read_text().splitlines() if not line.startswith("#")]
    header = lines[0].split("\t")
    plus = [int(col.removeprefix("plus_")) for col in header if col.startswith("plus_")]
    cases = []
    for line in lines[1:]:
        start, _weekday, *cells = line.split("\t")
        cases += [
            _case(date.fromisoformat(start), n, cell)
            for n, cell in zip(plus, cells, strict=True)
        ]
    return cases


def _case(start: date, n: int, cell: str) -> Case:
    if cell.startswith(MISSING):
        return Case(start, n, None, int(cell.removeprefix(MISSING)))
    return Case(start, n, date.fromisoformat(cell), None)


CASES = deadline_cases()
