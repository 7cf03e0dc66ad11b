"""Letters: agency templates with a closed placeholder language, the text
snapshot, DOCX with East Asian fonts, PDF with embedded CJK fonts."""

import io
import re
import shutil
import subprocess
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError

import pytest
from docx import Document
from docx.oxml.ns import qn

from gongkai.applications import services
from gongkai.applications.letters.documents import letter_docx, letter_pdf, paragraphs
from gongkai.applications.letters.render import PLACEHOLDERS, template_problems
from gongkai.applications.models import LetterKind, LetterTemplate

from .conftest import at

TITLE = "政府信息公开申请答复书"
BODY = "张三：\n\n经审查，您申请获取的政府信息属于公开范围。\n\n海东市平安区古城回族乡人民政府\n2025年10月20日"


def close(clerk, case):
    with at(date(2025, 10, 20)):
        services.close_application(
            clerk,
            case,
            outcome="disclosed",
            on=date(2025, 10, 20),
            provided="全文见附件",
        )
    return case.letters.get(kind=LetterKind.REPLY)


def test_an_agency_template_replaces_the_default_for_new_letters(case, lisi, gucheng):
    services.save_letter_template(
        lisi,
        gucheng,
        kind="reply",
        outcome="disclosed",
        title="答复书（予以公开）",
        body="{{ applicant_name }}：\n\n{{ outcome_reason }}\n\n{{ provided }}{% if redirect_agency %}不会出现{% endif %}\n\n{{ agency_name }}\n{{ issued_on }}",
    )
    letter = close(lisi, case)
    assert letter.title == "答复书（予以公开）"
    assert letter.body.startswith("张三：") and "全文见附件" in letter.body
    assert "不会出现" not in letter.body and letter.body.endswith("2025年10月20日")


def test_a_letter_keeps_its_text_when_the_template_changes_later(case, lisi, gucheng):
    letter = close(lisi, case)
    services.save_letter_template(
        lisi, gucheng, kind="reply", title="新标题", body="{{ applicant_name }}"
    )
    letter.refresh_from_db()
    assert letter.title == TITLE and "第三十六条" in letter.body


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("{{ applicant.id_number }}", "不允许使用"),
        ("{{ secret }}", "未知的占位符"),
        ("{{ applicant_name|upper }}", "不允许使用"),
        ("{% load static %}", "不允许使用"),
        ("{% include 'base.html' %}", "不允许使用"),
        ("{% if applicant_name %}unclosed", "模板语法错误"),
    ],
)
def test_templates_only_use_placeholders_and_if(body, words):
    assert any(words in p for p in template_problems(body))


def test_a_bad_template_is_refused_and_nothing_is_stored(lisi, gucheng):
    with pytest.raises(ValidationError) as refused:
        services.save_letter_template(
            lisi, gucheng, kind="correction", title="补正", body="{{ nope }}"
        )
    assert "body" in refused.value.message_dict
    assert not LetterTemplate.objects.exists()


def test_only_replies_have_templates_per_outcome(lisi, gucheng):
    with pytest.raises(ValidationError, match="只有答复书"):
        services.save_letter_template(
            lisi, gucheng, kind="fee", outcome="disclosed", title="x", body="x"
        )


def test_another_agencys_templates_are_out_of_reach(sunba, gucheng):
    with pytest.raises(PermissionDenied):
        services.save_letter_template(sunba, gucheng, kind="fee", title="x", body="x")


def test_reset_brings_the_default_back(lisi, gucheng):
    services.save_letter_template(
        lisi, gucheng, kind="fee", title="x", body="{{ fee_amount }}"
    )
    services.reset_letter_template(lisi, gucheng, kind="fee")
    assert services.wording(gucheng, "fee")[0] == "信息处理费收费通知书"


def test_every_default_uses_known_placeholders_only():
    from gongkai.applications.letters import defaults

    wordings = [*defaults.BY_KIND.values(), *defaults.REPLY.values()]
    for _title, body in wordings:
        assert template_problems(body) == []
    for sentence in defaults.OUTCOME_REASONS.values():
        assert template_problems(sentence) == []
    assert set(PLACEHOLDERS) >= {"applicant_name", "remedy_notice", "due_date"}


def test_the_docx_sets_the_east_asian_font_and_keeps_paragraphs():
    document = Document(io.BytesIO(letter_docx(TITLE, "2025-0004-00001-04", BODY)))
    texts = [p.text for p in document.paragraphs]
    assert texts[:2] == [TITLE, "2025-0004-00001-04"]
    assert texts[2:] == [
        "张三：",
        "经审查，您申请获取的政府信息属于公开范围。",
        "海东市平安区古城回族乡人民政府\n2025年10月20日",
    ]
    normal = document.styles["Normal"].element.rPr.rFonts
    assert normal.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert document.paragraphs[-1].alignment == 2  # right: the signature


@pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils is not installed"
)
def test_the_pdf_has_the_text_and_embedded_cjk_fonts(tmp_path):
    path = tmp_path / "letter.pdf"
    path.write_bytes(letter_pdf(TITLE, "2025-0004-00001-04", BODY))
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert TITLE in re.sub(r"\s+", "", text)
    assert "经审查，您申请获取的政府信息属于公开范围。" in re.sub(r"\s+", "", text)
    fonts = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout
    assert "CJK" in fonts
    assert all(" yes " in line for line in fonts.splitlines()[2:])  # embedded


def test_paragraphs_split_on_blank_lines():
    assert paragraphs("a\n\n\nb\nc\n\n") == ["a", "b\nc"]
