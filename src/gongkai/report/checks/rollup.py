"""ROLLUP: a region's aggregated report is the sum of its members' reports.

A government's report often aggregates its departments and lower levels
(“全市” figures); every numeric cell of tables 二、三、四 must then equal the
sum of the same cell over the chosen member reports.  Blank cells count as 0.
"""

from ..model import AnnualReport, Finding, empty_report
from ..schema import APPEAL_GROUPS, get_format
from .rules import finding

# 2019's 采购总金额 was printed with free units ("251000元"): not summable.
_NOT_SUMMED = {"proactive.procurement.amount"}


def cell_paths(format: str) -> list[str]:
    """Return the path of every numeric cell of a report of ``format``."""
    fmt = get_format(format)
    paths = []
    for _table, row in fmt.proactive_rows():
        if row.fields == ("",):
            paths.append(f"proactive.{row.key}")
        else:
            paths += [f"proactive.{row.key}.{f}" for f in row.fields]
    paths += [f"applications.{k}[{i}]" for k in fmt.row_keys for i in range(7)]
    paths += [f"appeals.{g.key}[{i}]" for g in APPEAL_GROUPS for i in range(5)]
    return [p for p in paths if p not in _NOT_SUMMED]


def rollup(
    members: list[AnnualReport], *, agency: str | None = None, year: int | None = None
) -> AnnualReport:
    """Return the report whose every cell is the sum over ``members``.

    All members must share one format; raise ``ValueError`` otherwise.
    """
    formats = {m.format for m in members}
    if len(formats) != 1:
        raise ValueError(f"各报告的格式不一致，无法汇总：{sorted(formats)}")
    format = formats.pop()
    data = empty_report(format, year=year, agency=agency).to_json()
    for path in cell_paths(format):
        _assign(data, path, _sum(members, path))
    return AnnualReport.from_json(data)


def check_rollup(aggregate: AnnualReport, members: list[AnnualReport]) -> list[Finding]:
    """Return an error for each cell of ``aggregate`` that differs from the sum
    of the same cell over ``members``."""
    if not members:
        return []
    if any(m.format != aggregate.format for m in members):
        message = "汇总报告与所属报告的表格格式不一致，无法逐项核对"
        return [finding("ROLLUP", message, [])]
    findings = []
    for path in cell_paths(aggregate.format):
        expected = _sum(members, path)
        stated = aggregate.cell(path) or 0
        if stated != expected:
            message = f"{path}：汇总报告为 {stated}，所属 {len(members)} 份报告之和为 {expected}"
            findings.append(finding("ROLLUP", message, [path]))
    return findings


def _sum(members: list[AnnualReport], path: str):
    total = sum((m.cell(path) or 0) for m in members)
    return round(total, 6) if isinstance(total, float) else total


def _assign(data: dict, path: str, value) -> None:
    name, _, index = path.partition("[")
    parts = name.split(".")
    node = data
    for part in parts[:-1]:
        node = node[part]
    if index:
        node[parts[-1]][int(index.rstrip("]"))] = value
    else:
        node[parts[-1]] = value
