"""``compile(agency, year)``: the annual report from the platform's records.

Tables 二、三、四 come from the selectors of the apps that own the records
(:mod:`.sources`); nothing is typed in.  The narrative sections stay
empty: they are written by the agency, helped by the facts of
:mod:`.facts`.  Only the 2021 format is compiled: reports on 2020 and
earlier used the trial format and are imported as published.
"""

from dataclasses import dataclass, field

from gongkai.report import AnnualReport, ReportError
from gongkai.report.schema import format_for_year

from . import sources
from .facts import Fact, facts_for

FIRST_COMPILED_YEAR = 2021


class CompileError(ReportError):
    """The report cannot be compiled; ``str()`` says why in Chinese."""


@dataclass
class Compilation:
    report: AnnualReport
    facts: list[Fact] = field(default_factory=list)


def compile_report(agency, year: int) -> AnnualReport:
    """Return the report of ``agency`` on ``year``: tables from its records,
    narrative empty.  Raise :class:`CompileError` for a year before 2021."""
    return compile_detailed(agency, year).report


def compile_detailed(agency, year: int) -> Compilation:
    """Return the compiled report with the facts offered to the writer."""
    _check_year(year)
    report = AnnualReport.from_json(
        {
            "format": "2021",
            "year": year,
            "agency": agency.name,
            "proactive": sources.proactive_section(agency, year),
            "applications": sources.applications_table(agency, year),
            "appeals": sources.appeals_table(agency, year),
        }
    )
    return Compilation(report, facts_for(agency, year, report))


def _check_year(year: int) -> None:
    if year < FIRST_COMPILED_YEAR or format_for_year(year) != "2021":
        raise CompileError(
            f"{year} 年度的报告使用 2019 年试行格式，平台只按 2021 年格式生成报告；"
            "请导入当年已发布的报告。"
        )
