"""Reading the yearly 第二十条 figures from Excel (.xlsx) or CSV.

The first row holds headers; each further row is one year:

| 年度 | 行政许可 | 行政处罚 | 行政强制 | 行政事业性收费（元） |

A 机关 column is allowed and must then name the agency being imported for.
The fee may be given in 万元 instead (header ``行政事业性收费（万元）``).
Every row is checked before anything is stored; ``FiguresImportError``
lists each problem with its line number.
"""

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.translation import gettext as _

MAX_ROWS = 200
HEADERS = {
    "年度": "year",
    "年份": "year",
    "行政许可": "licensing",
    "行政处罚": "penalty",
    "行政强制": "enforcement",
    "行政事业性收费(元)": "fees_yuan",
    "行政事业性收费": "fees_yuan",
    "收费金额(元)": "fees_yuan",
    "行政事业性收费(万元)": "fees_10k_yuan",
    "收费金额(万元)": "fees_10k_yuan",
    "机关": "agency",
}
REQUIRED = ("year", "licensing", "penalty", "enforcement")
TEMPLATE_HEADERS = ["年度", "行政许可", "行政处罚", "行政强制", "行政事业性收费（元）"]


class FiguresImportError(Exception):
    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


@dataclass
class FigureRow:
    line: int
    year: int
    values: dict


def _key(header: str) -> str | None:
    text = unicodedata.normalize("NFKC", header or "").replace(" ", "")
    return HEADERS.get(text)


def _lines(filename: str, content: bytes) -> list[list[str]]:
    name = filename.lower()
    if name.endswith(".xlsx"):
        return _xlsx(content)
    if name.endswith(".csv"):
        return _csv(content)
    raise FiguresImportError([_("只能导入 .xlsx 或 .csv 文件。")])


def _xlsx(content: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        rows = [
            ["" if c is None else str(c).strip() for c in cells]
            for cells in book.worksheets[0].iter_rows(
                values_only=True, max_row=MAX_ROWS + 2
            )
        ]
        book.close()
    except Exception:  # openpyxl raises many kinds for a damaged file
        raise FiguresImportError([_("无法读取该 Excel 文件。")]) from None
    return rows


def _csv(content: bytes) -> list[list[str]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise FiguresImportError([_("无法识别 CSV 文件的编码。")])
    return [
        [c.strip() for c in row] for row in csv.reader(io.StringIO(text, newline=""))
    ]


def _count(text: str) -> int:
    value = unicodedata.normalize("NFKC", text).replace(",", "").strip() or "0"
    if not re.fullmatch(r"\d+(\.0+)?", value):
        raise ValueError(_("“%(v)s”不是非负整数") % {"v": text})
    return int(Decimal(value))


def _amount(text: str) -> Decimal:
    value = unicodedata.normalize("NFKC", text).replace(",", "").strip()
    value = value.removesuffix("万元").removesuffix("元").strip() or "0"
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise ValueError(_("“%(v)s”不是金额") % {"v": text}) from None
    if amount < 0 or not amount.is_finite():
        raise ValueError(_("金额不能为负数"))
    return amount


def _year(text: str) -> int:
    value = unicodedata.normalize("NFKC", text).removesuffix("年").strip()
    if not re.fullmatch(r"\d{4}(\.0+)?", value):
        raise ValueError(_("年度“%(v)s”无效") % {"v": text})
    year = int(Decimal(value))
    if not 2008 <= year <= timezone.localdate().year:
        raise ValueError(_("年度 %(y)d 不在 2008 年至今年之间") % {"y": year})
    return year


def _parse_row(cells: dict[str, str], agency) -> tuple[int, dict]:
    if cells.get("agency") and cells["agency"] not in (agency.name, agency.short_name):
        raise ValueError(_("机关“%(n)s”不是本机关") % {"n": cells["agency"]})
    values = {
        k: _count(cells.get(k, "")) for k in ("licensing", "penalty", "enforcement")
    }
    if cells.get("fees_10k_yuan"):
        values["fees_yuan"] = (_amount(cells["fees_10k_yuan"]) * 10000).quantize(
            Decimal("0.01")
        )
    else:
        values["fees_yuan"] = _amount(cells.get("fees_yuan", "")).quantize(
            Decimal("0.01")
        )
    return _year(cells.get("year", "")), values


def _header(lines: list[list[str]]) -> list[str | None]:
    if not lines:
        raise FiguresImportError([_("文件是空的。")])
    keys = [_key(h) for h in lines[0]]
    missing = [h for h in REQUIRED if h not in keys]
    if missing or not ({"fees_yuan", "fees_10k_yuan"} & set(keys)):
        raise FiguresImportError(
            [_("表头应为：%(h)s。") % {"h": "、".join(TEMPLATE_HEADERS)}]
        )
    return keys


def read_figures(filename: str, content: bytes, *, agency) -> list[FigureRow]:
    """Return the rows of the file, or raise ``FiguresImportError``."""
    lines = _lines(filename, content)
    keys = _header(lines)
    if len(lines) > MAX_ROWS + 1:
        raise FiguresImportError([_("一次最多导入 %(n)d 行。") % {"n": MAX_ROWS}])
    rows, errors, seen = [], [], set()
    for number, values in enumerate(lines[1:], start=2):
        if not any(values):
            continue
        cells = {k: v for k, v in zip(keys, values, strict=False) if k}
        try:
            year, parsed = _parse_row(cells, agency)
        except ValueError as error:
            errors.append(_("第 %(line)d 行：%(msg)s") % {"line": number, "msg": error})
            continue
        if year in seen:
            errors.append(
                _("第 %(line)d 行：年度 %(y)d 重复") % {"line": number, "y": year}
            )
        seen.add(year)
        rows.append(FigureRow(number, year, parsed))
    if errors or not rows:
        raise FiguresImportError(errors or [_("文件中没有数据行。")])
    return rows
