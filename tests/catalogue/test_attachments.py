"""Attachments: type checked by content, size limited, names cleaned; a
new file means the 保密审查 must be done again."""

from django.core.exceptions import ValidationError

import pytest

from gongkai.catalogue import services, uploads
from gongkai.catalogue.models import Attachment
from tests.catalogue.conftest import draft

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


def test_a_pdf_is_attached_and_the_review_must_be_redone(lisi, zhaoliu, gucheng):
    document = draft(lisi, gucheng)
    services.record_review(zhaoliu, document, conclusion="approved")

    attachment = services.add_attachment(lisi, document, name="预算表.pdf", content=PDF)

    assert attachment.content_type == "application/pdf"
    assert attachment.size == len(PDF)
    assert attachment.file.read() == PDF
    document.refresh_from_db()
    assert document.publication_review() is None


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("报告.exe", b"MZ\x90\x00", "不支持该文件类型"),
        ("报告.pdf", b"<html><script>alert(1)</script>", "不符"),
        ("报告.docx", b"%PDF-1.4", "不符"),
        ("空.pdf", b"", "空的"),
        ("说明.txt", b"\x00\x01\x02binary", "不符"),
    ],
)
def test_a_bad_file_is_refused_and_nothing_is_stored(
    lisi, gucheng, name, content, message
):
    document = draft(lisi, gucheng)
    with pytest.raises(ValidationError, match=message):
        services.add_attachment(lisi, document, name=name, content=content)
    assert not Attachment.objects.exists()


def test_a_file_over_the_limit_is_refused(lisi, gucheng, settings):
    settings.CATALOGUE_ATTACHMENT_MAX_BYTES = 100
    document = draft(lisi, gucheng)
    with pytest.raises(ValidationError, match="超过"):
        services.add_attachment(lisi, document, name="大.pdf", content=PDF + b" " * 200)


def test_names_lose_paths_and_control_characters():
    assert uploads.clean_name("../../etc/passwd.txt") == "passwd.txt"
    assert uploads.clean_name("C:\\Users\\李四\\预算\u202e表.pdf") == "预算表.pdf"
    assert uploads.clean_name("长" * 200 + ".pdf").endswith(".pdf")
    assert len(uploads.clean_name("长" * 200 + ".pdf")) == uploads.MAX_NAME


def test_a_gbk_text_file_is_accepted():
    checked = uploads.check("说明.txt", "政府信息公开".encode("gb18030"))
    assert checked.extension == "txt"


def test_published_documents_take_no_more_files(lisi, zhaoliu, gucheng):
    from tests.catalogue.conftest import publish

    document = publish(lisi, zhaoliu, gucheng)
    with pytest.raises(ValidationError, match="草稿"):
        services.add_attachment(lisi, document, name="补充.pdf", content=PDF)


def test_removing_a_file_deletes_it_after_commit(
    lisi, gucheng, django_capture_on_commit_callbacks
):
    document = draft(lisi, gucheng)
    attachment = services.add_attachment(lisi, document, name="a.pdf", content=PDF)
    storage, name = attachment.file.storage, attachment.file.name

    with django_capture_on_commit_callbacks(execute=True):
        services.remove_attachment(lisi, attachment)

    assert not Attachment.objects.exists()
    assert not storage.exists(name)
