"""Markdown output: headings and pipe tables readable in a plain viewer.

Merged cells cannot be drawn in a pipe table, so the tables are flattened:
table 二 becomes one small table per 第二十条 item; in table 三 a bold
divider row opens 三、本年度办理结果 and each leaf's label repeats its group
(“（三）不予公开：1.属于国家秘密”); table 四 is turned to one row per
行政复议 / 行政诉讼 group, since fifteen columns do not fit a text screen.
"""

from ..model import AnnualReport
from ..schema import (
    APPEAL_COLUMNS,
    APPEAL_GROUPS,
    APPLICANT_COLUMNS,
    APPLICANT_HEADER,
    BALANCE_NOTE,
    LITIGATION_HEADER,
    ORGANISATION_HEADER,
    ORGANISATION_SPAN,
    PROACTIVE_FIRST_COLUMN,
    RESULTS_BLOCK,
    ReportFormat,
    get_format,
)
from . import layout, text
from .layout import Heading, Paragraph, Table, Title


def render_markdown(report: AnnualReport, findings=None) -> str:
    """Return the report as GitHub-flavoured Markdown."""
    fmt = get_format(report.format)
    tables = {
        "proactive": lambda: _proactive(report, fmt),
        "applications": lambda: _applications(report, fmt),
        "appeals": lambda: _appeals(report),
    }
    parts = []
    for block in layout.build(report).blocks:
        if isinstance(block, Title):
            parts.append(f"# {block.text}")
        elif isinstance(block, Heading):
            parts.append(f"## {block.text}")
        elif isinstance(block, Paragraph):
            parts.append(block.text)
        elif isinstance(block, Table):
            parts.append(tables[block.name]())
    found = text.effective_findings(report, findings)
    if found:
        parts.append(f"## {text.FINDINGS_HEADING}")
        parts.append(
            "\n".join(
                f"{i}. {line}" for i, line in enumerate(text.finding_lines(found), 1)
            )
        )
    return "\n\n".join(parts) + "\n"


def _escape(value: str) -> str:
    return value.replace("|", "\\|")


def _pipe_table(header: list[str], rows: list[list[str]]) -> str:
    lines = [
        "| " + " | ".join(_escape(h) for h in header) + " |",
        "|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|",
    ]
    lines += ["| " + " | ".join(_escape(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _value(report: AnnualReport, path: str) -> str:
    return text.cell_text(report.cell(path))


def _proactive(report: AnnualReport, fmt: ReportFormat) -> str:
    parts = []
    for table in fmt.proactive:
        rows = []
        for row in table.rows:
            paths = [
                f"proactive.{row.key}" + (f".{f}" if f else "") for f in row.fields
            ]
            rows.append([row.label] + [_value(report, p) for p in paths])
        parts.append(f"**{table.item}**")
        parts.append(_pipe_table([PROACTIVE_FIRST_COLUMN, *table.columns], rows))
    return "\n\n".join(parts)


def _applications(report: AnnualReport, fmt: ReportFormat) -> str:
    first, last = ORGANISATION_SPAN
    names = [c.label for c in APPLICANT_COLUMNS]
    legend = (
        f"**{APPLICANT_HEADER}**：{names[0]}；{ORGANISATION_HEADER}："
        f"{'、'.join(names[first:last])}；{'、'.join(names[last:])}。"
    )
    rows = []
    first_result = next(row for row in fmt.rows if row.in_results)
    for row in fmt.rows:
        if row is first_result:
            rows.append([f"**{RESULTS_BLOCK}**"] + [""] * len(names))
        label = f"{row.group}：{row.label}" if row.group else row.label
        cells = [
            _value(report, f"applications.{row.key}[{i}]") for i in range(len(names))
        ]
        rows.append([label, *cells])
    return legend + "\n\n" + _pipe_table([BALANCE_NOTE, *names], rows)


def _appeals(report: AnnualReport) -> str:
    labels = {
        "reconsideration": APPEAL_GROUPS[0].label,
        "litigation_direct": f"{LITIGATION_HEADER}：{APPEAL_GROUPS[1].label}",
        "litigation_after_reconsideration": f"{LITIGATION_HEADER}：{APPEAL_GROUPS[2].label}",
    }
    rows = [
        [labels[g.key]]
        + [_value(report, f"appeals.{g.key}[{i}]") for i in range(len(APPEAL_COLUMNS))]
        for g in APPEAL_GROUPS
    ]
    return _pipe_table([""] + [c.label for c in APPEAL_COLUMNS], rows)
