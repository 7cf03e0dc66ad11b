"""``AnnualReport``: the canonical JSON of ``spec/report-json.md`` as objects.

One pydantic model tree serves export, import, validation and the API.  The
conversion is lossless: ``AnnualReport.from_json(d).to_json() == d`` for every
canonical document ``d``.

Every numeric cell is an ``int`` or ``None`` (absent or unreadable).  The
model only checks shape (which rows, how many cells, which types); the
arithmetic lives in :mod:`gongkai.report.checks`.
"""

import json
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from .schema import (
    APPEAL_GROUPS,
    N_APPEAL_COLUMNS,
    N_COLUMNS,
    SCHEMA_ID,
    get_format,
)

Cell = int | None
Amount = int | float | None
Cells = list[Cell]
Severity = Literal["error", "warning", "info"]


class ReportError(ValueError):
    """The input is not a readable annual report; ``str()`` says why in Chinese."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- section 二, format 2021 ------------------------------------------------


class DocumentCounts(_Strict):
    issued: Cell
    repealed: Cell
    in_force: Cell


class Proactive2021(_Strict):
    regulations: DocumentCounts
    normative_documents: DocumentCounts
    licensing: Cell
    penalty: Cell
    enforcement: Cell
    # 本年收费金额（单位：万元）: kept exactly as printed, never rounded.
    fees_10k_yuan: Amount


# --- section 二, format 2019 (trial) ----------------------------------------


class DocumentCounts2019(_Strict):
    made: Cell
    published: Cell
    total_public: Cell


class ItemCounts2019(_Strict):
    previous: Cell
    change: Cell  # 本年增/减: may be negative
    decisions: Cell


class FeeCounts2019(_Strict):
    previous: Cell
    change: Cell


class Procurement2019(_Strict):
    projects: Cell
    amount: str | None  # 采购总金额 as printed: the trial format fixed no unit


class Proactive2019(_Strict):
    regulations: DocumentCounts2019
    normative_documents: DocumentCounts2019
    licensing: ItemCounts2019
    other_services: ItemCounts2019
    penalty: ItemCounts2019
    enforcement: ItemCounts2019
    fees: FeeCounts2019
    procurement: Procurement2019


# --- section 四 --------------------------------------------------------------

AppealRow = Annotated[
    Cells, Field(min_length=N_APPEAL_COLUMNS, max_length=N_APPEAL_COLUMNS)
]


class Appeals(_Strict):
    reconsideration: AppealRow
    litigation_direct: AppealRow
    litigation_after_reconsideration: AppealRow


# --- narrative and findings -------------------------------------------------


class Sections(_Strict):
    overview: str | None = None
    problems: str | None = None
    other: str | None = None


class Finding(_Strict):
    rule: str
    severity: Severity
    message: str
    cells: list[str] = Field(default_factory=list)


# --- the report -------------------------------------------------------------


class AnnualReport(_Strict):
    schema_id: Literal["gongkai.annual-report/1"] = Field(SCHEMA_ID, alias="schema")
    format: Literal["2021", "2019"]
    year: int | None
    agency: str | None
    proactive: Proactive2021 | Proactive2019 = Field(union_mode="left_to_right")
    applications: dict[str, Cells]
    appeals: Appeals
    sections: Sections = Field(default_factory=Sections)
    findings: list[Finding] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    @model_validator(mode="after")
    def _shape_matches_format(self):
        fmt = get_format(self.format)
        expected = Proactive2021 if fmt.key == "2021" else Proactive2019
        if not isinstance(self.proactive, expected):
            raise ValueError(f"proactive 的结构不符合 {fmt.key} 年格式")
        keys = set(self.applications)
        missing = [k for k in fmt.row_keys if k not in keys]
        extra = sorted(keys - set(fmt.row_keys))
        if missing or extra:
            raise ValueError(
                f"applications 的行与 {fmt.key} 年格式不符：缺少 {missing}，多出 {extra}"
            )
        for key, cells in self.applications.items():
            if len(cells) != N_COLUMNS:
                raise ValueError(f"applications.{key} 应有 {N_COLUMNS} 个单元格")
        # Keep the official row order whatever order the input used.
        self.applications = {k: self.applications[k] for k in fmt.row_keys}
        return self

    # -- conversion ----------------------------------------------------------

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "AnnualReport":
        """Return the report for canonical JSON data; raise ``ReportError``."""
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            raise ReportError(_describe(exc)) from exc

    @classmethod
    def from_json_text(cls, text: str | bytes) -> "AnnualReport":
        try:
            data = json.loads(text)
        except (ValueError, UnicodeDecodeError) as exc:
            raise ReportError(f"不是有效的 JSON：{exc}") from exc
        if not isinstance(data, dict):
            raise ReportError("JSON 顶层应为对象（年度报告）")
        return cls.from_json(data)

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True)

    def to_json_text(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, indent=indent)

    # -- cell access ---------------------------------------------------------

    def cell(self, path: str):
        """Return the value at a cell path such as ``applications.new[6]``."""
        return resolve_cell(self, path)

    @classmethod
    def json_schema(cls) -> dict[str, Any]:
        schema = cls.model_json_schema(by_alias=True)
        schema["$id"] = "https://gongkai.example/schema/annual-report-1.json"
        schema["title"] = "政府信息公开工作年度报告 (gongkai.annual-report/1)"
        return schema


def empty_report(
    format: str = "2021", year: int | None = None, agency: str | None = None, fill=0
) -> AnnualReport:
    """Return a report of ``format`` whose every cell is ``fill``."""
    fmt = get_format(format)
    proactive: dict[str, Any] = {}
    for _table, row in fmt.proactive_rows():
        if row.fields == ("",):
            proactive[row.key] = fill
        else:
            proactive[row.key] = dict.fromkeys(row.fields, fill)
    if format == "2019":
        proactive["procurement"]["amount"] = None if fill is None else str(fill)
    return AnnualReport.model_validate(
        {
            "format": format,
            "year": year,
            "agency": agency,
            "proactive": proactive,
            "applications": {k: [fill] * N_COLUMNS for k in fmt.row_keys},
            "appeals": {g.key: [fill] * N_APPEAL_COLUMNS for g in APPEAL_GROUPS},
        }
    )


def resolve_cell(report: AnnualReport, path: str):
    """Return the value at ``path`` (``applications.new[6]``,
    ``appeals.reconsideration[4]``, ``proactive.regulations.issued``).

    Raise ``KeyError`` for a path that does not name a cell of this report.
    """
    head, _, rest = path.partition(".")
    node: Any = getattr(report, head, None)
    if node is None or not rest:
        raise KeyError(path)
    name, _, index = rest.partition("[")
    for part in name.split("."):
        node = node.get(part) if isinstance(node, dict) else getattr(node, part, None)
        if node is None and part != name.split(".")[-1]:
            raise KeyError(path)
    if index:
        try:
            return node[int(index.rstrip("]"))]
        except (TypeError, IndexError, ValueError) as exc:
            raise KeyError(path) from exc
    return node


def _describe(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err["loc"]) or "（顶层）"
        parts.append(f"{where}：{err['msg']}")
    more = len(exc.errors()) - 5
    if more > 0:
        parts.append(f"另有 {more} 处错误")
    return "年度报告数据不符合规范：" + "；".join(parts)
