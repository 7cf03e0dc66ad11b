"""Read-side helpers: a report with its findings, ready to show."""

from dataclasses import dataclass

from gongkai.report import AnnualReport, Finding
from gongkai.report.checks import check

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass
class CheckedReport:
    report: AnnualReport
    findings: list[Finding]

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity == "warning" for f in self.findings)


def checked(
    report: AnnualReport, previous: AnnualReport | None = None, level: str | None = None
) -> CheckedReport:
    """Return the report with the reader's findings and the checks' findings."""
    findings = list(report.findings) + check(report, previous=previous, level=level)
    findings.sort(key=lambda f: SEVERITY_ORDER[f.severity])
    return CheckedReport(report, findings)
