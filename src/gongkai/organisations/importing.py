"""Importing an agency tree from Excel (.xlsx) or CSV.

Staff keep agency lists in spreadsheets.  The first row holds the column
headers (Chinese, as in ``COLUMNS``, or the English field names); each
further row is one agency.  ``上级机关`` names the parent by full name: an
agency already on the platform or another row of the same file, in any
order.

Everything is checked before anything is stored: ``import_agencies``
either creates every row or raises ``AgencyImportError`` listing each bad
row with its line number, and stores nothing.
"""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.audit.services import record

from .codes import normalise_organisation_code
from .models import Agency, Kind, Level
from .services import OGI_BODY_FIELDS, insert_agency, parent_problems

# Header → field.  The Chinese headers are what the downloadable template uses.
COLUMNS = {
    "全称": "name",
    "简称": "short_name",
    "层级": "level",
    "类型": "kind",
    "上级机关": "parent",
    "统一社会信用代码": "credit_code",
    "组织机构代码": "organisation_code",
    "政府信息公开工作机构": "ogi_body_name",
    "办公地址": "ogi_body_address",
    "邮政编码": "ogi_body_postcode",
    "办公时间": "ogi_body_hours",
    "联系电话": "ogi_body_telephone",
    "传真号码": "ogi_body_fax",
    "互联网联系方式": "ogi_body_web",
}
FIELDS = set(COLUMNS.values())

LEVEL_WORDS = {
    "国务院部门": Level.NATIONAL_DEPARTMENT,
    "省": Level.PROVINCE,
    "自治区": Level.PROVINCE,
    "直辖市": Level.PROVINCE,
    "市": Level.CITY,
    "地级市": Level.CITY,
    "州": Level.CITY,
    "县": Level.COUNTY,
    "区": Level.COUNTY,
    "县（区）": Level.COUNTY,
    "县(区)": Level.COUNTY,
    "县级市": Level.COUNTY,
    "乡": Level.TOWNSHIP,
    "镇": Level.TOWNSHIP,
    "街道": Level.TOWNSHIP,
    "乡镇": Level.TOWNSHIP,
    "乡镇（街道）": Level.TOWNSHIP,
    "乡镇(街道)": Level.TOWNSHIP,
}
KIND_WORDS = {
    "政府": Kind.GOVERNMENT,
    "人民政府": Kind.GOVERNMENT,
    "街道办事处": Kind.GOVERNMENT,
    "部门": Kind.DEPARTMENT,
    "政府部门": Kind.DEPARTMENT,
}


@dataclass
class Row:
    line: int
    values: dict[str, str]


@dataclass
class RowError:
    line: int
    message: str

    def __str__(self):
        return _("第 %(line)d 行：%(message)s") % {
            "line": self.line,
            "message": self.message,
        }


class AgencyImportError(Exception):
    """The file was refused; ``errors`` lists every problem found."""

    def __init__(self, errors: list[RowError]):
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors


# Reading files ------------------------------------------------------------


def read_rows(filename: str, content: bytes) -> list[Row]:
    """Return the data rows of an .xlsx or .csv file, with line numbers as a
    spreadsheet shows them (the header is line 1).

    Raises ``AgencyImportError`` for an unreadable file or unknown headers.
    """
    if filename.lower().endswith(".xlsx"):
        table = _xlsx_lines(content)
    elif filename.lower().endswith(".csv"):
        table = _csv_lines(content)
    else:
        raise AgencyImportError([RowError(0, _("只能导入 .xlsx 或 .csv 文件。"))])
    return _rows_from_table(table)


def _xlsx_lines(content: bytes) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged file
        raise AgencyImportError([RowError(0, _("无法读取该 Excel 文件。"))]) from None
    sheet = workbook.worksheets[0]
    lines = []
    for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
        lines.append((number, ["" if c is None else str(c).strip() for c in cells]))
    workbook.close()
    return lines


def _decode(content: bytes) -> str:
    # Excel in China saves CSV as GBK/GB18030 unless told otherwise.
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AgencyImportError([RowError(0, _("无法识别 CSV 文件的编码。"))])


def _csv_lines(content: bytes) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(_decode(content), newline=""))
    return [
        (number, [c.strip() for c in cells]) for number, cells in enumerate(reader, 1)
    ]


def _header_fields(header: list[str]) -> list[str | None]:
    fields = [COLUMNS.get(h, h if h in FIELDS else None) for h in header]
    unknown = [h for h, f in zip(header, fields, strict=True) if f is None and h]
    if unknown or "name" not in fields:
        message = _(
            "表头无法识别：%(unknown)s。须有“全称”列，可用的列：%(known)s。"
        ) % {
            "unknown": "、".join(unknown) or "—",
            "known": "、".join(COLUMNS),
        }
        raise AgencyImportError([RowError(1, message)])
    return fields


def _rows_from_table(table: list[tuple[int, list[str]]]) -> list[Row]:
    if not table:
        raise AgencyImportError([RowError(0, _("文件是空的。"))])
    header = table[0][1]
    fields = _header_fields(header)
    rows = []
    for line, cells in table[1:]:
        if not any(cells):
            continue
        values = {
            f: (cells[i] if i < len(cells) else "") for i, f in enumerate(fields) if f
        }
        rows.append(Row(line, values))
    if not rows:
        raise AgencyImportError([RowError(0, _("文件中没有数据行。"))])
    return rows


# Validating ---------------------------------------------------------------


@dataclass
class Plan:
    """Rows in an order where every parent comes before its children."""

    rows: list[Row] = field(default_factory=list)
    fields: dict[int, dict] = field(default_factory=dict)
    errors: list[RowError] = field(default_factory=list)

    def fail(self, row: Row, message) -> None:
        self.errors.append(RowError(row.line, str(message)))


def _choice(value: str, words: dict, choices, default=None):
    if not value:
        return default
    if value in choices.values:
        return value
    return words.get(value)


def _row_fields(row: Row, plan: Plan) -> dict | None:
    values = row.values
    level = _choice(values.get("level", ""), LEVEL_WORDS, Level)
    kind = _choice(values.get("kind", ""), KIND_WORDS, Kind, default=Kind.GOVERNMENT)
    if level is None:
        plan.fail(row, _("层级“%(v)s”无法识别。") % {"v": values.get("level", "")})
    if kind is None:
        plan.fail(
            row,
            _("类型“%(v)s”无法识别，应为“人民政府”或“政府部门”。")
            % {"v": values["kind"]},
        )
    if level is None or kind is None:
        return None
    fields = {
        "name": values["name"],
        "short_name": values.get("short_name", ""),
        "level": level,
        "kind": kind,
        "credit_code": values.get("credit_code", "").upper(),
        "organisation_code": normalise_organisation_code(
            values.get("organisation_code", "")
        ),
    }
    fields.update({f: values.get(f, "") for f in OGI_BODY_FIELDS})
    return fields


def _validate_fields(row: Row, fields: dict, plan: Plan) -> None:
    candidate = Agency(**fields)
    try:
        candidate.full_clean(exclude=["path", "parent"])
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            label = (
                Agency._meta.get_field(name).verbose_name if name != "__all__" else ""
            )
            for message in messages:
                plan.fail(row, f"{label}：{message}" if label else message)


def _duplicates(rows: list[Row], plan: Plan) -> None:
    for key in ("name", "credit_code", "organisation_code"):
        seen: dict[str, int] = {}
        for row in rows:
            value = row.values.get(key, "")
            if value and value in seen:
                label = Agency._meta.get_field(key).verbose_name
                plan.fail(
                    row,
                    _("%(label)s与第 %(line)d 行重复。")
                    % {"label": label, "line": seen[value]},
                )
            seen.setdefault(value, row.line)


def _order_rows(
    rows: list[Row], existing: dict[str, Agency], plan: Plan, allow_roots: bool
) -> None:
    """Append rows to ``plan.rows`` parents first; report unknown parents and
    cycles among the file's own rows."""
    by_name = {row.values["name"]: row for row in rows}
    state: dict[str, str] = {}

    def visit(row: Row, trail: tuple[str, ...]) -> None:
        name = row.values["name"]
        if state.get(name) == "done":
            return
        if name in trail:
            cycle = " → ".join(trail + (name,))
            plan.fail(row, _("上级机关形成循环：%(cycle)s。") % {"cycle": cycle})
            return
        parent = row.values.get("parent", "")
        if parent in by_name:
            visit(by_name[parent], trail + (name,))
        elif parent and parent not in existing:
            plan.fail(row, _("上级机关“%(p)s”不存在，或您无权管理。") % {"p": parent})
        elif not parent and not allow_roots:
            plan.fail(row, _("须填写上级机关。"))
        state[name] = "done"
        plan.rows.append(row)

    for row in rows:
        visit(row, ())


def _check_tree(row: Row, parents: dict[str, tuple[str, str]], plan: Plan):
    fields = plan.fields.get(row.line)
    parent_name = row.values.get("parent", "")
    if fields is None or parent_name not in parents:
        return
    level, kind = parents[parent_name]
    stub = Agency(level=level, kind=kind)
    for problem in parent_problems(fields["level"], fields["kind"], stub):
        plan.fail(row, problem)


def plan_import(
    rows: list[Row], existing: dict[str, Agency], *, allow_roots: bool = False
) -> Plan:
    """Check every row and return the plan; ``plan.errors`` is empty when
    the whole file can be stored.

    ``existing`` maps full names to the agencies the importer administers
    (possible parents); ``allow_roots`` permits rows without a parent.
    """
    plan = Plan()
    _duplicates(rows, plan)
    parents = {name: (a.level, a.kind) for name, a in existing.items()}
    for row in rows:
        fields = _row_fields(row, plan)
        if fields is None:
            continue
        _validate_fields(row, fields, plan)
        plan.fields[row.line] = fields
        parents.setdefault(fields["name"], (fields["level"], fields["kind"]))
    _order_rows(rows, existing, plan, allow_roots)
    for row in plan.rows:
        _check_tree(row, parents, plan)
    plan.errors.sort(key=lambda e: e.line)
    return plan


# Storing ------------------------------------------------------------------


def _roots_for(actor) -> dict[str, Agency]:
    from gongkai.accounts.permissions import administered_agencies

    return {a.name: a for a in administered_agencies(actor)}


def import_agencies(actor, filename: str, content: bytes) -> list[Agency]:
    """Create every agency of the file and return them, parents first.

    Raises ``AgencyImportError`` (nothing stored) when any row is bad.  Rows
    without ``上级机关`` (new roots) are accepted from superusers only.
    """
    rows = read_rows(filename, content)
    existing = _roots_for(actor)
    plan = plan_import(rows, existing, allow_roots=actor.is_superuser)
    if plan.errors:
        raise AgencyImportError(plan.errors)
    created: dict[str, Agency] = {}
    with transaction.atomic(durable=True):
        for row in plan.rows:
            parent_name = row.values.get("parent", "")
            parent = created.get(parent_name) or existing.get(parent_name)
            created[row.values["name"]] = insert_agency(parent, plan.fields[row.line])
        record(
            actor,
            "organisations.import_agencies",
            agency=_common_parent(created.values()),
            data={"file": filename, "created": [a.pk for a in created.values()]},
        )
    return list(created.values())


def _common_parent(agencies) -> Agency | None:
    """Return the parent of the first imported agency (the import's anchor
    for audit visibility)."""
    first = next(iter(agencies), None)
    return first.parent if first is not None and first.parent_id else first
