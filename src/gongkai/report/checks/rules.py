"""The rule catalogue of ``spec/report-json.md`` §6, agency levels, helpers.

``RULES`` lists every rule of the catalogue, including those a document
parser emits (CELL-UNREADABLE, LABELS) and those decided elsewhere (NARRATIVE,
ROLLUP), so the UI and the docs can show the whole list.  ``CHECKED_RULES``
names the ones :func:`gongkai.report.checks.check` decides.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Finding, Severity


@dataclass(frozen=True)
class Rule:
    """A catalogue rule: its usual severity and a one-line description.

    A rule may emit a milder severity when a figure is missing rather than
    contradictory (a blank 总计, a wrongly paired previous year).
    """

    severity: Severity
    description: str


RULES: dict[str, Rule] = {
    "T3-BALANCE": Rule(
        "error",
        "表三每列：本年新收加上年结转，等于办理结果总计加结转下年度（勾稽关系）",
    ),
    "T3-TOTAL": Rule("error", "表三每列：办理结果总计等于各项办理结果之和"),
    "T3-ROWSUM": Rule("error", "表三每行：总计等于六类申请人数量之和"),
    "T4-TOTAL": Rule(
        "error", "表四每组：总计等于结果维持、结果纠正、其他结果、尚未审结之和"
    ),
    "NONNEG": Rule("error", "数量不能为负（2019 年试行格式的“本年增/减”除外）"),
    "CELL-BLANK": Rule("info", "表格单元格空白，按 0 计"),
    "CELL-UNREADABLE": Rule(
        "warning", "单元格无法可靠识别（数字串有歧义、文字乱码等）"
    ),
    "TABLE-MISSING": Rule("warning", "文档缺少整张表格或表格的若干行"),
    "SECTIONS": Rule("warning", "年度报告的六个部分不全（叙述部分为空）或顺序不对"),
    "LABELS": Rule("info", "行或列的标签与格式规定的文字不同"),
    "FORMAT-YEAR": Rule("warning", "表格格式与报告年度应使用的格式不符"),
    "X-CARRY": Rule("error", "跨年度：本年上年结转数等于上年结转下年度数（每列）"),
    "X-INFORCE": Rule(
        "warning", "跨年度：现行有效件数等于上年现行有效件数加本年制发减本年废止"
    ),
    "NARRATIVE": Rule("warning", "正文中的数字与表格不符"),
    "LEVEL": Rule("warning", "数据与机关层级不符（如乡镇或政府部门填报规章）"),
    "ROLLUP": Rule("error", "汇总报告与所属各报告之和不符"),
}

CHECKED_RULES = (
    "T3-BALANCE",
    "T3-TOTAL",
    "T3-ROWSUM",
    "T4-TOTAL",
    "NONNEG",
    "CELL-BLANK",
    "TABLE-MISSING",
    "SECTIONS",
    "FORMAT-YEAR",
    "X-CARRY",
    "X-INFORCE",
    "LEVEL",
    "NARRATIVE",
)

# Agency levels, as the caller knows them (a parsed report does not say).
LEVELS: dict[str, str] = {
    "national_department": "国务院部门",
    "province": "省级政府",
    "city": "设区的市级政府",
    "county": "县级政府",
    "township": "乡镇（街道）",
    "department": "政府部门",
}

BLANK_AS_ZERO = "空白按 0 计"


def finding(
    rule: str, message: str, cells: list[str], severity: Severity | None = None
) -> Finding:
    """Return a finding of ``rule``, at its catalogue severity by default."""
    if severity is None:
        severity = RULES[rule].severity
    # Every value comes from this package: validating it again would only
    # cost time (target: 0.2 ms for a whole report).
    return Finding.model_construct(
        rule=rule, severity=severity, message=message, cells=cells
    )


def addition(values: Iterable[int], labels: Iterable[str] | None = None) -> str:
    """Return ``"自然人 258 + 其他 1 = 259"``, leaving out the zero terms.

    Without labels the terms are bare numbers (``"258 + 1 = 259"``).
    """
    values = list(values)
    if labels is None:
        terms = [str(value) for value in values if value]
    else:
        terms = [
            f"{label} {value}"
            for label, value in zip(labels, values, strict=True)
            if value
        ]
    result = sum(values)
    if not terms:
        return "各项均为 0"
    if len(terms) == 1:
        return terms[0]
    return " + ".join(terms) + f" = {result}"


def blank_note(blank: bool) -> str:
    """Return the note saying blanks were read as 0, when any cell was blank."""
    return f"（{BLANK_AS_ZERO}）" if blank else ""
