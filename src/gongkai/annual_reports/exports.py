"""The dashboard's rows as CSV (UTF-8 with BOM, for Excel and WPS) or Excel."""

import csv
import io

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from .dashboard import EXPORT_HEADER, Row, export_rows


def csv_bytes(rows: list[Row]) -> bytes:
    stream = io.StringIO()
    writer = csv.writer(stream)
    writer.writerow([str(h) for h in EXPORT_HEADER])
    writer.writerows(export_rows(rows))
    return stream.getvalue().encode("utf-8-sig")


def xlsx_bytes(rows: list[Row], title: str) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append([str(h) for h in EXPORT_HEADER])
    for values in export_rows(rows):
        sheet.append(values)
    sheet.freeze_panes = "B2"
    sheet.column_dimensions[get_column_letter(1)].width = 36
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()
