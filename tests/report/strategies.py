"""Hypothesis strategies for annual reports, shared by the report tests.

- ``valid_reports(format=None, year=None, level=None)``: complete reports
  whose tables satisfy every rule of ``spec/report-json.md`` §6, with
  realistic magnitudes (mostly zeros and small counts, some thousands);
- ``consistent_year_pairs()``: ``(previous, report)`` on consecutive years
  whose carried-over counts and 现行有效件数 follow on;
- ``replace_cells(report, {path: value})`` and ``table_cell_paths(format)``
  to alter reports by cell path.
"""

from functools import cache
from typing import Any

from hypothesis import strategies as st

from gongkai.report.checks.proactive import RULE_MAKING_LEVELS
from gongkai.report.model import AnnualReport
from gongkai.report.schema import (
    APPEAL_GROUPS,
    N_APPEAL_COLUMNS,
    N_COLUMNS,
    SCHEMA_ID,
    TOTAL_COLUMN,
    format_for_year,
    get_format,
)

YEARS = {"2019": (2019, 2020), "2021": (2021, 2026)}
AGENCIES = (
    "上海市人民政府办公厅",
    "淮安市人民政府",
    "武汉市汉阳区人民政府办公室",
    "兴化市大营镇人民政府",
    "国家统计局",
)
SECTION_TEXTS = {
    "overview": (
        "本机关认真贯彻落实《中华人民共和国政府信息公开条例》。",
        "（一）主动公开……",
    ),
    "problems": ("存在的主要问题：公开内容不够全面。改进情况：加强培训。",),
    "other": ("无。", "本年度未收取信息处理费。"),
}

# Most cells of a real table are zero or small; a few run into thousands.
# Natural persons file far more applications than organisations do.
PERSON_COUNTS = st.one_of(st.just(0), st.integers(1, 30), st.integers(31, 3000))
ORGANISATION_COUNTS = st.one_of(st.just(0), st.integers(1, 10), st.integers(11, 300))
SMALL_COUNTS = st.one_of(st.just(0), st.integers(1, 20), st.integers(21, 500))
LARGE_COUNTS = st.one_of(st.just(0), st.integers(1, 500), st.integers(501, 500_000))


def valid_reports(
    format: str | None = None, year: int | None = None, level: str | None = None
) -> st.SearchStrategy[AnnualReport]:
    """Return a strategy of arithmetically consistent reports.

    ``format`` or ``year`` fixes the format (the other follows R52); ``level``
    (a key of ``LEVELS``) keeps 规章 at zero for agencies that cannot make them.
    """
    return _reports(format=format, year=year, level=level)


@st.composite
def consistent_year_pairs(draw, format: str | None = None):
    """Return ``(previous, report)`` where ``report`` is on the next year."""
    if format is None:
        year = draw(st.integers(2019, 2025))
    else:
        first, last = YEARS[format]
        year = draw(st.integers(first, last - 1))
    previous = draw(_reports(year=year))
    carried = previous.applications["carried_forward"][:TOTAL_COLUMN]
    documents = None
    if previous.format == "2021":
        documents = {
            key: getattr(previous.proactive, key).in_force
            for key in ("regulations", "normative_documents")
        }
    report = draw(_reports(year=year + 1, carried_over=carried, in_force=documents))
    return previous, report


@st.composite
def _reports(
    draw, format=None, year=None, level=None, carried_over=None, in_force=None
):
    if year is None:
        format = format or draw(st.sampled_from(sorted(YEARS)))
        year = draw(st.integers(*YEARS[format]))
    format = format or format_for_year(year)
    rule_maker = level is None or level in RULE_MAKING_LEVELS
    data = {
        "schema": SCHEMA_ID,
        "format": format,
        "year": year,
        "agency": draw(st.sampled_from(AGENCIES)),
        "proactive": draw(_proactive(format, rule_maker, in_force)),
        "applications": draw(_applications(format, carried_over)),
        "appeals": draw(_appeals()),
        "sections": {k: draw(st.sampled_from(v)) for k, v in SECTION_TEXTS.items()},
        "findings": [],
    }
    return AnnualReport.model_validate(data)


@st.composite
def _applications(draw, format: str, carried_over=None) -> dict[str, list[int]]:
    fmt = get_format(format)
    outcome_keys = fmt.outcome_keys
    columns = [
        draw(_applicant_column(outcome_keys, column, carried_over))
        for column in range(TOTAL_COLUMN)
    ]
    rows = {}
    for key in fmt.row_keys:
        parts = [column[key] for column in columns]
        rows[key] = [*parts, sum(parts)]
    return rows


@cache
def _sparse_outcomes(outcome_keys: tuple[str, ...], person: bool):
    # Real tables are sparse: most outcome rows are zero in most columns.
    counts = PERSON_COUNTS if person else ORGANISATION_COUNTS
    return st.dictionaries(st.sampled_from(outcome_keys), counts, max_size=8)


@st.composite
def _applicant_column(draw, outcome_keys, column: int, carried_over=None):
    counts = PERSON_COUNTS if column == 0 else ORGANISATION_COUNTS
    used = draw(_sparse_outcomes(outcome_keys, column == 0))
    cells = {key: used.get(key, 0) for key in outcome_keys}
    cells["total"] = sum(cells.values())
    cells["carried_forward"] = draw(counts)
    if carried_over is None:
        before = draw(st.integers(0, cells["total"] + cells["carried_forward"]))
    else:
        before = carried_over[column]
        # Everything carried over must be concluded or carried forward again.
        shortfall = before - cells["total"] - cells["carried_forward"]
        cells["carried_forward"] += max(0, shortfall)
    cells["carried_over"] = before
    # 第一项加第二项之和，等于第三项加第四项之和.
    cells["new"] = cells["total"] + cells["carried_forward"] - before
    return cells


@st.composite
def _appeals(draw) -> dict[str, list[int]]:
    appeals = {}
    for group in APPEAL_GROUPS:
        parts = draw(st.lists(SMALL_COUNTS, min_size=4, max_size=4))
        appeals[group.key] = [*parts, sum(parts)]
    return appeals


def _proactive(format: str, rule_maker: bool, in_force=None):
    if format == "2021":
        return _proactive_2021(rule_maker, in_force)
    return _proactive_2019(rule_maker)


@st.composite
def _proactive_2021(draw, rule_maker: bool, in_force=None) -> dict[str, Any]:
    before = in_force or {}
    regulations = draw(_documents(before.get("regulations")))
    if not rule_maker:
        regulations = {"issued": 0, "repealed": 0, "in_force": 0}
    return {
        "regulations": regulations,
        "normative_documents": draw(_documents(before.get("normative_documents"))),
        "licensing": draw(LARGE_COUNTS),
        "penalty": draw(LARGE_COUNTS),
        "enforcement": draw(LARGE_COUNTS),
        # 万元 with at most four decimals, as printed.
        "fees_10k_yuan": draw(st.integers(0, 10**9)) / 10**4,
    }


@st.composite
def _documents(draw, in_force_before: int | None = None) -> dict[str, int]:
    issued = draw(SMALL_COUNTS)
    if in_force_before is None:
        return {
            "issued": issued,
            "repealed": draw(SMALL_COUNTS),
            "in_force": draw(SMALL_COUNTS) + issued,
        }
    repealed = draw(st.integers(0, in_force_before + issued))
    return {
        "issued": issued,
        "repealed": repealed,
        "in_force": in_force_before + issued - repealed,
    }


@st.composite
def _proactive_2019(draw, rule_maker: bool) -> dict[str, Any]:
    def documents():
        made = draw(SMALL_COUNTS)
        return {
            "made": made,
            "published": made,
            "total_public": made + draw(SMALL_COUNTS),
        }

    def items():
        previous = draw(LARGE_COUNTS)
        # 本年增/减 is signed; the count cannot fall below zero.
        change = draw(st.integers(-previous, 500))
        return {"previous": previous, "change": change, "decisions": draw(LARGE_COUNTS)}

    regulations = documents()
    if not rule_maker:
        regulations = {"made": 0, "published": 0, "total_public": 0}
    previous_fees = draw(SMALL_COUNTS)
    return {
        "regulations": regulations,
        "normative_documents": documents(),
        "licensing": items(),
        "other_services": items(),
        "penalty": items(),
        "enforcement": items(),
        "fees": {
            "previous": previous_fees,
            "change": draw(st.integers(-previous_fees, 20)),
        },
        "procurement": {
            "projects": draw(SMALL_COUNTS),
            "amount": f"{draw(st.integers(0, 10**8))}元",
        },
    }


# --- altering reports by cell path ------------------------------------------


def table_cell_paths(format: str) -> list[str]:
    """Return the paths of every cell of tables 三 and 四 of ``format``."""
    paths = [
        f"applications.{key}[{i}]"
        for key in get_format(format).row_keys
        for i in range(N_COLUMNS)
    ]
    paths += [
        f"appeals.{group.key}[{i}]"
        for group in APPEAL_GROUPS
        for i in range(N_APPEAL_COLUMNS)
    ]
    return paths


def replace_cells(report: AnnualReport, changes: dict[str, Any]) -> AnnualReport:
    """Return a copy of ``report`` with the cells at the given paths replaced.

    Paths are those of ``Finding.cells``: ``applications.new[0]``,
    ``appeals.reconsideration[4]``, ``proactive.regulations.in_force``,
    ``sections.overview``; a whole row (``applications.total``) works too.
    """
    data = report.to_json()
    for path, value in changes.items():
        name, _, index = path.partition("[")
        *parents, last = name.split(".")
        node = data
        for key in parents:
            node = node[key]
        if index:
            node[last][int(index.rstrip("]"))] = value
        else:
            node[last] = value
    return AnnualReport.model_validate(data)
