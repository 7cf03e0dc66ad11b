"""第二十条（五）（六）（八）项 figures: entered by hand or imported from
Excel; a bad file changes nothing and says why."""

import io
from decimal import Decimal

import pytest
from openpyxl import Workbook

from gongkai.audit.models import AuditEntry
from gongkai.catalogue import services
from gongkai.catalogue.figures_import import FiguresImportError
from gongkai.catalogue.models import Article20Figures


def xlsx(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


HEADER = ["年度", "行政许可", "行政处罚", "行政强制", "行政事业性收费（元）"]


def test_figures_entered_by_hand_replace_the_year_and_are_audited(lisi, gucheng):
    services.record_article20_figures(
        lisi,
        gucheng,
        2023,
        licensing=3,
        penalty=0,
        enforcement=0,
        fees_yuan=Decimal("0"),
    )
    services.record_article20_figures(
        lisi,
        gucheng,
        2023,
        licensing=4,
        penalty=1,
        enforcement=0,
        fees_yuan=Decimal("380"),
    )

    figures = Article20Figures.objects.get(agency=gucheng, year=2023)
    assert (figures.licensing, figures.penalty, figures.fees_yuan) == (
        4,
        1,
        Decimal("380.00"),
    )
    last = AuditEntry.objects.filter(verb="catalogue.record_article20_figures").first()
    assert last.data["from"]["licensing"] == "3" and last.data["to"]["licensing"] == "4"


def test_a_future_year_is_refused(lisi, gucheng):
    with pytest.raises(Exception, match="年度应在"):
        services.record_article20_figures(
            lisi, gucheng, 2999, licensing=0, penalty=0, enforcement=0, fees_yuan=0
        )


def test_an_excel_file_of_several_years_is_imported(lisi, gucheng):
    content = xlsx(
        [HEADER, [2022, 10, 2, 0, 1500.5], [2023, "12", "0", "1", "2,380.00元"]]
    )

    stored = services.import_article20_figures(lisi, gucheng, "第二十条.xlsx", content)

    assert [(f.year, f.licensing, f.enforcement, f.fees_yuan) for f in stored] == [
        (2022, 10, 0, Decimal("1500.50")),
        (2023, 12, 1, Decimal("2380.00")),
    ]
    assert {f.source for f in stored} == {"import"}


def test_fees_may_be_given_in_10k_yuan(lisi, gucheng):
    content = (
        "年度,行政许可,行政处罚,行政强制,行政事业性收费（万元）\n2023,0,0,0,1.2345\n"
    )
    [figures] = services.import_article20_figures(
        lisi, gucheng, "f.csv", content.encode("gb18030")
    )
    assert figures.fees_yuan == Decimal("12345.00")


def test_one_bad_row_stores_nothing_and_every_problem_is_listed(lisi, gucheng):
    content = xlsx(
        [
            HEADER,
            [2022, 10, 2, 0, 0],
            [2023, -1, 0, 0, 0],
            [2023, 1, 1, "多", 0],
            ["二〇二三", 0, 0, 0, 0],
        ]
    )

    with pytest.raises(FiguresImportError) as raised:
        services.import_article20_figures(lisi, gucheng, "f.xlsx", content)

    messages = raised.value.errors
    assert any(m.startswith("第 3 行") and "非负整数" in m for m in messages)
    assert any(m.startswith("第 4 行") for m in messages)
    assert any(m.startswith("第 5 行") and "年度" in m for m in messages)
    assert not Article20Figures.objects.exists()


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("f.xlsx", b"PK\x03\x04 not really a workbook", "无法读取"),
        ("f.pdf", b"%PDF-1.7", "只能导入"),
        ("f.csv", "名称,数量\n甲,1\n".encode(), "表头应为"),
        ("f.csv", b"", "文件是空的"),
        (
            "f.csv",
            "年度,行政许可,行政处罚,行政强制,行政事业性收费\n".encode(),
            "没有数据行",
        ),
    ],
)
def test_hostile_files_get_a_clear_message(lisi, gucheng, name, content, message):
    with pytest.raises(FiguresImportError, match=message):
        services.import_article20_figures(lisi, gucheng, name, content)
    assert not Article20Figures.objects.exists()


def test_a_file_for_another_agency_is_refused(lisi, gucheng):
    content = "机关,年度,行政许可,行政处罚,行政强制,行政事业性收费（元）\n小峡镇,2023,1,0,0,0\n"
    with pytest.raises(FiguresImportError, match="不是本机关"):
        services.import_article20_figures(lisi, gucheng, "f.csv", content.encode())


def test_the_staff_page_shows_import_errors_without_storing(client, lisi, gucheng):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    client.force_login(lisi)
    upload = SimpleUploadedFile("f.csv", "年度,行政许可\n2023,1\n".encode())
    response = client.post(
        reverse("catalogue:figures_import", args=[gucheng.pk]), {"file": upload}
    )

    assert response.status_code == 400
    assert "表头应为" in response.content.decode()
    assert not Article20Figures.objects.exists()
