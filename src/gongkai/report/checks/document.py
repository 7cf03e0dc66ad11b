"""The report as a whole: SECTIONS and FORMAT-YEAR."""

from ..model import AnnualReport, Finding
from ..schema import NARRATIVE_SECTIONS, SECTION_HEADINGS, format_for_year, get_format
from .rules import finding


def check_sections(report: AnnualReport) -> list[Finding]:
    """Return a warning for each narrative section (一、五、六) left empty."""
    # 《条例》第五十条 and the format: six sections with fixed headings (R51).
    findings = []
    for key, index in NARRATIVE_SECTIONS.items():
        text = getattr(report.sections, key)
        if text is None or not text.strip():
            heading = SECTION_HEADINGS[index]
            message = f"章节缺失：“{heading}”部分没有内容"
            findings.append(finding("SECTIONS", message, [f"sections.{key}"]))
    return findings


def check_format_year(report: AnnualReport) -> list[Finding]:
    """Return a warning when the tables' format is not the one of the year."""
    # R52: reports on 2019 and 2020 use the trial format (国办公开办函〔2019〕60号),
    # reports on 2021 and later the format of 国办公开办函〔2021〕30号.
    if report.year is None:
        return []
    expected = get_format(format_for_year(report.year))
    if expected.key == report.format:
        return []
    actual = get_format(report.format)
    year = report.year
    message = (
        f"格式与年度不符：{year} 年度报告应使用{expected.title}"
        f"（{expected.source}），而表格是{actual.title}（{actual.source}）"
    )
    return [finding("FORMAT-YEAR", message, [])]
