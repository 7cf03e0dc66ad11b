"""Checking and storing attachment files.

A file is accepted only if its extension is on the list *and* its first
bytes match that type, it is not empty and not larger than
``CATALOGUE_ATTACHMENT_MAX_BYTES`` (default 20 MB).  The name readers see
is cleaned of paths and control characters; the stored name is random.
"""

import hashlib
import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .xls, .wps, .et
ZIP = b"PK\x03\x04"  # .docx, .xlsx, .ofd
# extension → (accepted leading bytes, media type)
TYPES = {
    "pdf": ((b"%PDF-",), "application/pdf"),
    "ofd": ((ZIP,), "application/ofd"),
    "doc": ((OLE,), "application/msword"),
    "docx": (
        (ZIP,),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "wps": ((OLE, ZIP), "application/vnd.ms-works"),
    "xls": ((OLE,), "application/vnd.ms-excel"),
    "xlsx": (
        (ZIP,),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "et": ((OLE, ZIP), "application/vnd.ms-excel"),
    "jpg": ((b"\xff\xd8\xff",), "image/jpeg"),
    "jpeg": ((b"\xff\xd8\xff",), "image/jpeg"),
    "png": ((b"\x89PNG\r\n\x1a\n",), "image/png"),
    "txt": ((), "text/plain; charset=utf-8"),
}
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
MAX_NAME = 120


@dataclass(frozen=True)
class CheckedFile:
    name: str
    extension: str
    content: bytes
    content_type: str


def max_bytes() -> int:
    return getattr(settings, "CATALOGUE_ATTACHMENT_MAX_BYTES", DEFAULT_MAX_BYTES)


def clean_name(name: str) -> str:
    """Return the last path component of ``name`` without control
    characters, shortened to ``MAX_NAME`` characters keeping the extension."""
    base = PureWindowsPath(PurePosixPath(name or "").name).name
    base = "".join(c for c in base if unicodedata.category(c)[0] != "C").strip(" .")
    if len(base) > MAX_NAME:
        stem, dot, ext = base.rpartition(".")
        base = stem[: MAX_NAME - len(ext) - 1] + dot + ext if dot else base[:MAX_NAME]
    return base


def _is_text(content: bytes) -> bool:
    if b"\x00" in content:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            content.decode(encoding)
            return True
        except UnicodeDecodeError:
            continue
    return False


def check(name: str, content: bytes) -> CheckedFile:
    """Return the file if acceptable, else raise ``ValidationError`` with a
    message saying why."""
    name = clean_name(name)
    extension = name.rpartition(".")[2].lower() if "." in name else ""
    if extension not in TYPES:
        allowed = "、".join(sorted(TYPES))
        raise ValidationError(
            _("不支持该文件类型。可上传：%(types)s。") % {"types": allowed}
        )
    if not content:
        raise ValidationError(_("文件是空的。"))
    if len(content) > max_bytes():
        limit = max_bytes() // (1024 * 1024)
        raise ValidationError(_("文件超过 %(mb)d MB。") % {"mb": limit})
    magics, content_type = TYPES[extension]
    matches = _is_text(content) if not magics else content.startswith(magics)
    if not matches:
        raise ValidationError(
            _("文件内容与扩展名 .%(ext)s 不符。") % {"ext": extension}
        )
    return CheckedFile(name, extension, content, content_type)


def store(document, checked: CheckedFile):
    """Save the file under a random name and return the new Attachment."""
    from .models import Attachment

    position = document.attachments.count()
    attachment = Attachment(
        document=document,
        name=checked.name,
        content_type=checked.content_type,
        size=len(checked.content),
        sha256=hashlib.sha256(checked.content).hexdigest(),
        sort_order=position,
    )
    stored_name = f"{uuid.uuid4().hex}.{checked.extension}"
    attachment.file.save(stored_name, ContentFile(checked.content), save=False)
    attachment.save()
    return attachment
