"""Consistency checks of an annual report (勾稽关系 and the other rules).

:func:`check` decides every rule of ``spec/report-json.md`` §6 that one report,
or one report and its predecessor, can decide.  CELL-UNREADABLE and LABELS
come from the document parser (``report.findings``; :func:`check` does not
repeat them, callers merge the two lists); ROLLUP compares several reports
(:mod:`.rollup`).
"""

from ..model import AnnualReport, Finding
from .appeals import check_appeals
from .applications import check_applications, read_table3
from .cross_year import check_pair
from .document import check_format_year, check_sections
from .narrative import check_narrative
from .proactive import check_proactive
from .rollup import check_rollup, rollup
from .rules import CHECKED_RULES, LEVELS, RULES, Rule

__all__ = [
    "CHECKED_RULES",
    "LEVELS",
    "RULES",
    "Rule",
    "check",
    "check_rollup",
    "rollup",
]


def check(
    report: AnnualReport,
    previous: AnnualReport | None = None,
    level: str | None = None,
) -> list[Finding]:
    """Return the findings on ``report``, in reading order of the report.

    ``previous`` is the same agency's report on the year before (X-CARRY,
    X-INFORCE); a report on another year gives one warning and no
    comparison.  ``level`` is a key of ``LEVELS``, or ``None`` when the
    agency's level is unknown (then no LEVEL findings).  Raise ``ValueError``
    for a level that is not a key of ``LEVELS``.
    """
    if level is not None and level not in LEVELS:
        raise ValueError(f"未知的机关层级：{level}（可选：{'、'.join(LEVELS)}）")
    table = read_table3(report)
    findings = check_format_year(report)
    findings += check_sections(report)
    findings += check_proactive(report, level)
    findings += check_applications(table)
    findings += check_appeals(report)
    findings += check_narrative(report, table)
    if previous is not None:
        findings += check_pair(report, table, previous)
    return findings
