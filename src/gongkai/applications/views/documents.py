"""Downloads: letters as DOCX or PDF, attachments, and the whole dossier."""

import io
import json
import zipfile
from urllib.parse import quote

from django.http import FileResponse, Http404, HttpResponse

from ..letters.documents import letter_docx, letter_pdf
from ..models import Application, Letter

MEDIA_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
RENDERERS = {"pdf": letter_pdf, "docx": letter_docx}


def attachment_header(filename: str) -> str:
    return f"attachment; filename=\"download\"; filename*=UTF-8''{quote(filename)}"


def letter_response(letter: Letter, fmt: str) -> HttpResponse:
    if fmt not in RENDERERS:
        raise Http404
    content = RENDERERS[fmt](letter.title, letter.number, letter.body)
    response = HttpResponse(content, content_type=MEDIA_TYPES[fmt])
    response["Content-Disposition"] = attachment_header(
        f"{letter.title}-{letter.number}.{fmt}"
    )
    return response


def notice_response(request_record, fmt: str) -> HttpResponse:
    """The notice closing a correction request (第四十一条) as DOCX or PDF."""
    if fmt not in RENDERERS or not request_record.notice_body:
        raise Http404
    content = RENDERERS[fmt](
        request_record.notice_title,
        request_record.notice_number,
        request_record.notice_body,
    )
    response = HttpResponse(content, content_type=MEDIA_TYPES[fmt])
    response["Content-Disposition"] = attachment_header(
        f"{request_record.notice_title}-{request_record.notice_number}.{fmt}"
    )
    return response


def attachment_response(attachment) -> FileResponse:
    response = FileResponse(
        attachment.file.open("rb"), content_type=attachment.content_type
    )
    response["Content-Disposition"] = attachment_header(attachment.original_name)
    return response


def dossier_zip(application: Application, timeline: list[dict], summary: dict) -> bytes:
    """Return the case file (案卷): summary and timeline as JSON and text,
    every letter as PDF and DOCX, every attachment (第四十五条 归档)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "案卷摘要.json", json.dumps(summary, ensure_ascii=False, indent=2)
        )
        archive.writestr(
            "办理过程.json", json.dumps(timeline, ensure_ascii=False, indent=2)
        )
        archive.writestr("办理过程.txt", "\n".join(_timeline_line(e) for e in timeline))
        for letter in application.letters.order_by("issued_on", "pk"):
            stem = f"文书/{letter.number}-{letter.title}"
            archive.writestr(f"{stem}.txt", letter.body)
            archive.writestr(
                f"{stem}.pdf", letter_pdf(letter.title, letter.number, letter.body)
            )
            archive.writestr(
                f"{stem}.docx", letter_docx(letter.title, letter.number, letter.body)
            )
        for attachment in application.attachments.all():
            with attachment.file.open("rb") as handle:
                archive.writestr(
                    f"附件/{attachment.pk}-{attachment.original_name}", handle.read()
                )
    return out.getvalue()


def _timeline_line(entry: dict) -> str:
    return f"{entry['time']}  {entry['actor'] or '系统'}  {entry['label']}"
