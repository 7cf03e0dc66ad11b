import io

import pytest
from openpyxl import Workbook

from gongkai.audit.models import AuditEntry
from gongkai.organisations.codes import make_credit_code
from gongkai.organisations.importing import AgencyImportError, import_agencies
from gongkai.organisations.models import Agency

HEADER = ["全称", "简称", "层级", "类型", "上级机关", "统一社会信用代码", "联系电话"]
PINGAN = "海东市平安区人民政府"


def _csv(rows, header=HEADER, encoding="utf-8-sig") -> bytes:
    lines = [",".join(header)] + [",".join(row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def _xlsx(rows, header=HEADER) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


GOOD_ROWS = [
    # A child before its parent: the file's order does not matter.
    ["海东市平安区洪水泉回族乡卫生院", "洪水泉卫生院", "乡镇", "部门", "海东市平安区洪水泉回族乡人民政府",
     "", "0972-8690501"],
    ["海东市平安区洪水泉回族乡人民政府", "洪水泉回族乡", "乡镇（街道）", "人民政府", PINGAN,
     make_credit_code("11630203", "01390021"), "0972-8690401"],
    ["海东市平安区卫生健康局", "平安区卫健局", "县（区）", "政府部门", PINGAN, "", ""],
]  # fmt: skip


def _lines(error: AgencyImportError) -> list[int]:
    return [e.line for e in error.errors]


def test_it_imports_a_csv_tree_parents_first(world, zhoujiu):
    created = import_agencies(zhoujiu, "agencies.csv", _csv(GOOD_ROWS))

    assert [a.name for a in created][0] == "海东市平安区洪水泉回族乡人民政府"
    clinic = Agency.objects.get(name="海东市平安区洪水泉回族乡卫生院")
    assert clinic.parent.name == "海东市平安区洪水泉回族乡人民政府"
    assert clinic.path.startswith(world.district.path)
    assert clinic.report_level == "department"
    assert (
        Agency.objects.get(short_name="洪水泉回族乡").ogi_body_telephone
        == "0972-8690401"
    )


def test_it_records_one_audit_entry_for_the_import(world, zhoujiu):
    created = import_agencies(zhoujiu, "agencies.csv", _csv(GOOD_ROWS))

    entry = AuditEntry.objects.get(verb="organisations.import_agencies")
    assert entry.actor == zhoujiu
    assert sorted(entry.data["created"]) == sorted(a.pk for a in created)
    assert entry.data["file"] == "agencies.csv"


def test_it_imports_the_same_rows_from_excel(world, zhoujiu):
    created = import_agencies(zhoujiu, "机关.xlsx", _xlsx(GOOD_ROWS))
    assert len(created) == 3


def test_it_reads_a_gbk_csv_as_excel_in_china_saves_it(world, zhoujiu):
    created = import_agencies(
        zhoujiu, "agencies.csv", _csv(GOOD_ROWS, encoding="gb18030")
    )
    assert {a.short_name for a in created} == {
        "洪水泉卫生院",
        "洪水泉回族乡",
        "平安区卫健局",
    }


def test_it_reports_every_bad_row_by_line_and_stores_nothing(world, zhoujiu):
    good = make_credit_code("11630203", "01390022")
    rows = GOOD_ROWS + [
        ["海东市平安区某某镇人民政府", "", "镇", "", PINGAN, good[:-1] + "0" if good[-1] != "0" else good[:-1] + "1", ""],
        ["海东市平安区某某局", "", "省部级", "", PINGAN, "", ""],
        ["海东市平安区另一局", "", "县", "部门", "不存在的机关", "", ""],
        ["海东市平安区卫生健康局", "", "县", "部门", PINGAN, "", ""],
    ]  # fmt: skip

    with pytest.raises(AgencyImportError) as error:
        import_agencies(zhoujiu, "agencies.csv", _csv(rows))

    # Header is line 1, GOOD_ROWS are lines 2-4.
    assert _lines(error.value) == [5, 6, 7, 8]
    messages = [str(e) for e in error.value.errors]
    assert messages[0].startswith("第 5 行：统一社会信用代码")
    assert "层级“省部级”无法识别" in messages[1]
    assert "上级机关“不存在的机关”不存在" in messages[2]
    assert "全称与第 4 行重复" in messages[3]
    assert not Agency.objects.filter(name__contains="洪水泉").exists()
    assert not AuditEntry.objects.exists()


def test_it_reports_excel_line_numbers_past_blank_rows(world, zhoujiu):
    rows = [
        GOOD_ROWS[1],
        [None] * 7,
        ["海东市平安区某某局", "", "国务院部门", "部门", PINGAN, "", ""],
    ]

    with pytest.raises(AgencyImportError) as error:
        import_agencies(zhoujiu, "agencies.xlsx", _xlsx(rows))

    assert _lines(error.value) == [4]
    assert "下级机关的层级不能高于上级机关" in error.value.errors[0].message


def test_it_refuses_a_cycle_among_the_files_rows(world, zhoujiu):
    rows = [
        ["甲单位", "", "县", "部门", "乙单位", "", ""],
        ["乙单位", "", "县", "部门", "甲单位", "", ""],
    ]
    with pytest.raises(AgencyImportError) as error:
        import_agencies(zhoujiu, "agencies.csv", _csv(rows))
    assert "上级机关形成循环：甲单位 → 乙单位 → 甲单位" in str(error.value)
    assert not Agency.objects.filter(name__in=["甲单位", "乙单位"]).exists()


def test_it_treats_agencies_outside_the_importers_reach_as_unknown(world, zhoujiu):
    rows = [["海东市乐都区人民政府", "", "县", "", "海东市人民政府", "", ""]]
    with pytest.raises(AgencyImportError) as error:
        import_agencies(zhoujiu, "agencies.csv", _csv(rows))
    assert "上级机关“海东市人民政府”不存在，或您无权管理" in str(error.value)


def test_it_asks_non_superusers_for_a_parent(world, zhoujiu):
    rows = [["西宁市人民政府", "", "市", "", "", "", ""]]
    with pytest.raises(AgencyImportError) as error:
        import_agencies(zhoujiu, "agencies.csv", _csv(rows))
    assert "第 2 行：须填写上级机关。" in str(error.value)


def test_it_refuses_unknown_headers_and_other_file_types(world, zhoujiu):
    with pytest.raises(AgencyImportError) as error:
        import_agencies(zhoujiu, "agencies.csv", _csv([["x"]], header=["名字"]))
    assert error.value.errors[0].line == 1
    with pytest.raises(AgencyImportError):
        import_agencies(zhoujiu, "agencies.xls", b"not a workbook")
    with pytest.raises(AgencyImportError):
        import_agencies(zhoujiu, "agencies.xlsx", b"not a workbook")
