"""When an annual report must be published (R64).  Pure: no database.

《条例》第四十九条：县级以上人民政府部门应当在每年1月31日前向本级政府信息公开
工作主管部门提交本行政机关上一年度政府信息公开工作年度报告并向社会公布；
县级以上地方人民政府的政府信息公开工作主管部门应当在每年3月31日前向社会公布
本级政府上一年度政府信息公开工作年度报告.

Townships are not named in 第四十九条; their deadlines come from local
rules (regulation.md §1.7).  Without one they get the governments' date,
the latest a report on the year can reasonably appear.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

DEPARTMENT = "department"
TOWNSHIP = "township"
ALL = "all"

STATUTORY_BASIS_DEPARTMENT = "《条例》第四十九条：政府部门每年1月31日前公布上一年度报告"
STATUTORY_BASIS_GOVERNMENT = "《条例》第四十九条：本级政府上一年度报告每年3月31日前公布"


@dataclass(frozen=True)
class Rule:
    """A local deadline: a day of the year after the report year."""

    applies_to: str  # all / departments / governments / townships
    month: int
    day: int
    basis: str
    year: int | None = None  # None: every year

    def binds(self, kind: str, level: str, year: int) -> bool:
        if self.year is not None and self.year != year:
            return False
        return self.applies_to in (ALL, _group(kind, level))


@dataclass(frozen=True)
class Deadline:
    day: date
    basis: str


def _group(kind: str, level: str) -> str:
    if kind == DEPARTMENT:
        return "departments"
    return "townships" if level == TOWNSHIP else "governments"


def statutory_deadline(kind: str, level: str, year: int) -> Deadline:
    """Return the 第四十九条 deadline of a report on ``year``."""
    if kind == DEPARTMENT:
        return Deadline(date(year + 1, 1, 31), STATUTORY_BASIS_DEPARTMENT)
    return Deadline(date(year + 1, 3, 31), STATUTORY_BASIS_GOVERNMENT)


def deadline_for(kind: str, level: str, year: int, rules: Iterable[Rule]) -> Deadline:
    """Return the earliest deadline binding an agency of ``kind`` and
    ``level`` for its report on ``year``: the statutory one or an earlier
    local one.  A local rule can only bring the date forward."""
    best = statutory_deadline(kind, level, year)
    for rule in rules:
        if not rule.binds(kind, level, year):
            continue
        day = rule_day(rule, year)
        if day < best.day:
            best = Deadline(day, rule.basis)
    return best


def rule_day(rule: Rule, year: int) -> date:
    """Return the date a rule sets for a report on ``year``."""
    return date(year + 1, rule.month, rule.day)


def is_valid_day(month: int, day: int) -> bool:
    """Return whether month/day exists in every year (no 29 February)."""
    try:
        date(2023, month, day)
    except ValueError:
        return False
    return True
