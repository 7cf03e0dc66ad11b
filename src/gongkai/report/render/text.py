"""The words of a rendered report: title, preamble, narrative, cell text.

Every writer (HTML, DOCX, Markdown) takes its text from here, so the printed
report reads the same in every format.
"""

from dataclasses import dataclass
from decimal import Decimal

from ..model import AnnualReport, Finding
from ..schema import NARRATIVE_SECTIONS, ReportFormat

REPORT_NAME = "政府信息公开工作年度报告"
LAW = "《中华人民共和国政府信息公开条例》"

# A section left empty: 一 and 五 must be written by the agency, so the gap
# shows; 六 prints what a report with nothing further to add prints.
PLACEHOLDER = "（未填写）"
NOTHING_TO_REPORT = "无。"
EMPTY_SECTION_TEXT = {
    "overview": PLACEHOLDER,
    "problems": PLACEHOLDER,
    "other": NOTHING_TO_REPORT,
}

FINDINGS_HEADING = "附：数据核查提示"
SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def title(report: AnnualReport) -> str:
    """Return ``{agency}{year}年政府信息公开工作年度报告``, skipping unknown parts."""
    year = f"{report.year}年" if report.year is not None else ""
    return f"{report.agency or ''}{year}{REPORT_NAME}"


def title_lines(report: AnnualReport) -> list[str]:
    """Return the title as printed: the agency on its own line, as reports
    set it, so that the title never ends on an orphaned “报告”."""
    full = title(report)
    if not report.agency:
        return [full]
    return [report.agency, full.removeprefix(report.agency)]


def preamble(report: AnnualReport, fmt: ReportFormat) -> str:
    """Return the standard opening paragraph citing the law and the format."""
    text = f"本报告根据{LAW}（以下简称《条例》）和《{fmt.title}》（{fmt.source}）要求编制。"
    if report.year is not None:
        text += f"本报告中所列数据的统计期限自{report.year}年1月1日起至{report.year}年12月31日止。"
    return text


def narrative(report: AnnualReport, key: str) -> tuple[list[str], bool]:
    """Return the paragraphs of narrative section ``key`` and whether they are
    the stand-in text for an empty section."""
    assert key in NARRATIVE_SECTIONS
    raw = getattr(report.sections, key)
    paragraphs = [line.strip() for line in (raw or "").splitlines() if line.strip()]
    if paragraphs:
        return paragraphs, False
    return [EMPTY_SECTION_TEXT[key]], key != "other"


def cell_text(value) -> str:
    """Return a cell as printed: blank for ``None``, numbers exactly as stored."""
    if value is None:
        return ""
    if isinstance(value, float):
        # repr keeps every stored digit; Decimal avoids "1e-05" notation.
        return format(Decimal(repr(value)), "f")
    return str(value)


@dataclass(frozen=True)
class Mark:
    """How a cell named by findings is marked: worst severity and messages."""

    severity: str
    messages: tuple[str, ...]

    @property
    def css_class(self) -> str:
        return f"finding-{self.severity}"

    @property
    def tooltip(self) -> str:
        return "\n".join(self.messages)


def effective_findings(report: AnnualReport, findings) -> list[Finding]:
    """Return ``findings`` as ``Finding`` objects, or the report's own if None."""
    if findings is None:
        return list(report.findings)
    return [
        f if isinstance(f, Finding) else Finding.model_validate(f) for f in findings
    ]


def cell_marks(findings: list[Finding]) -> dict[str, Mark]:
    """Return the mark of every cell path named by ``findings``."""
    severities: dict[str, str] = {}
    messages: dict[str, list[str]] = {}
    for finding in findings:
        for path in finding.cells:
            old = severities.get(path, "info")
            if (
                path not in severities
                or SEVERITY_RANK[finding.severity] > SEVERITY_RANK[old]
            ):
                severities[path] = finding.severity
            if finding.message not in messages.setdefault(path, []):
                messages[path].append(finding.message)
    return {p: Mark(severities[p], tuple(messages[p])) for p in severities}


def finding_lines(findings: list[Finding]) -> list[str]:
    """Return one printable line per finding, worst first."""
    ordered = sorted(findings, key=lambda f: -SEVERITY_RANK[f.severity])
    return [f"【{SEVERITY_LABELS[f.severity]}】{f.message}" for f in ordered]
