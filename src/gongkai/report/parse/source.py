"""What the input is (PDF, DOCX, HTML, text) and how its bytes decode."""

import codecs
import io
import os
import re
import zipfile
from pathlib import Path

from ..model import ReportError
from .document import Document
from .plaintext import read_text

MAX_BYTES = 64 * 1024 * 1024
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_NOT_TEXT = "不是文本文件：内容含有大量控制字符（可能是损坏或不支持的二进制文件）"
_HTML = re.compile(
    rb"<\s*(?:!doctype\s+html|html|head|body|table|meta|div|p|tr|td|br)\b", re.I
)
_HTML_TEXT = re.compile(
    r"<\s*(?:!doctype\s+html|html|head|body|table|meta|div|p|tr|td|br)\b", re.I
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I
)
_GB = {
    "gb2312",
    "gbk",
    "gb_2312-80",
    "x-gbk",
    "cp936",
    "ms936",
    "euc-cn",
    "x-euc-cn",
    "csgb2312",
    "gb18030",
}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
_SIGNATURES = (
    (b"\xd0\xcf\x11\xe0", "旧版 Office 文件（.doc/.xls），请另存为 .docx 或 PDF"),
    (
        b"\x89PNG",
        "图片文件（PNG），无法读取文字；请提供带文字层的 PDF、DOCX、网页或文本，"
        "或用 OCR 识别（--ocr）",
    ),
    (
        b"\xff\xd8\xff",
        "图片文件（JPEG），无法读取文字；请提供带文字层的 PDF、DOCX、网页或文本，"
        "或用 OCR 识别（--ocr）",
    ),
    (b"GIF8", "图片文件（GIF）"),
    (b"{\\rtf", "RTF 文件，请另存为 .docx 或 PDF"),
)


def load_document(source, filename: str | None = None, ocr: bool = False) -> Document:
    data, text = _read_source(source)
    if text is not None:
        return _from_text(text)
    if not data.strip():
        raise ReportError("文件为空，没有可读取的内容")
    head = data[:1024]
    if b"%PDF" in head:
        from .pdf import read_pdf

        return read_pdf(data, ocr=ocr)
    if ocr and data.startswith(_IMAGES):
        from .pdf import read_image_file

        return read_image_file(data)
    if data.startswith(b"PK\x03\x04"):
        return _from_zip(data)
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise ReportError(f"不支持的文件类型：{what}")
    _check_extension(filename or _name_of(source))
    if _binary(data[:4096]):
        raise ReportError(_NOT_TEXT)
    return _from_text(decode_bytes(data))


def _name_of(source) -> str:
    return str(source) if isinstance(source, (str, os.PathLike)) else ""


def _check_extension(name: str) -> None:
    """The name promises a PDF or Word file the content is not."""
    suffix = Path(name).suffix.lower() if name else ""
    if suffix == ".pdf":
        raise ReportError(
            f"文件“{Path(name).name}”的扩展名是 .pdf，但内容不是 PDF（文件可能已损坏）"
        )
    if suffix == ".docx":
        raise ReportError(
            f"文件“{Path(name).name}”的扩展名是 .docx，但内容不是 Word 文档（文件可能已损坏）"
        )
    if suffix in (".doc", ".wps"):
        raise ReportError(
            "不支持旧版 Word/WPS 文件（.doc/.wps），请另存为 .docx 或 PDF"
        )


def _binary(head: bytes) -> bool:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    controls = sum(1 for b in head if b < 9 or 13 < b < 27 or 27 < b < 32)
    return controls > 0.05 * len(head)


def _read_source(source) -> tuple[bytes | None, str | None]:
    if isinstance(source, os.PathLike) or (
        isinstance(source, str)
        and "\n" not in source
        and len(source) < 1024
        and _is_file(source)
    ):
        path = Path(source)
        try:
            if path.stat().st_size > MAX_BYTES:
                raise ReportError(f"文件过大（超过 {MAX_BYTES // 1024 // 1024} MB）")
            return path.read_bytes(), None
        except OSError as exc:
            raise ReportError(f"无法读取文件：{exc.strerror or exc}") from exc
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        if len(data) > MAX_BYTES:
            raise ReportError(f"文件过大（超过 {MAX_BYTES // 1024 // 1024} MB）")
        return data, None
    if isinstance(source, str):
        return None, source
    raise ReportError(
        f"无法读取此类输入：{type(source).__name__}（应为路径、bytes 或 str）"
    )


def _is_file(text: str) -> bool:
    try:
        return Path(text).is_file()
    except (OSError, ValueError):
        return False


def _from_text(text: str) -> Document:
    if not text.strip():
        raise ReportError("文件为空，没有可读取的内容")
    controls = len(_CONTROLS.findall(text, 0, 4096))
    if controls > 0.05 * min(len(text), 4096):
        raise ReportError(
            "不是文本文件：内容含有大量控制字符（可能是损坏或不支持的二进制文件）"
        )
    if _HTML_TEXT.search(text[:8192]):
        from .html import read_html

        return read_html(text)
    return read_text(text)


def _from_zip(data: bytes) -> Document:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ReportError("ZIP 文件已损坏，无法读取") from exc
    if "word/document.xml" not in names:
        raise ReportError(
            "不支持的文件类型：ZIP 文件中没有 Word 文档（word/document.xml）"
        )
    from .docx import read_docx

    return read_docx(data, archive)


def decode_bytes(data: bytes) -> str:
    """Decode text or HTML bytes: BOM, declared charset (gb2312/gbk read as
    gb18030), UTF-8, then charset-normalizer's best guess."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    declared = _declared_charset(data)
    if declared:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _guess(data)


def _declared_charset(data: bytes) -> str | None:
    if not _HTML.search(data[:8192]):
        return None
    found = _META_CHARSET.search(data[:8192])
    if not found:
        return None
    name = found.group(1).decode("ascii", "ignore").lower()
    return "gb18030" if name in _GB else name


def _guess(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200000]).best()
    if best is None:
        try:
            return data.decode("gb18030")
        except UnicodeDecodeError as exc:
            raise ReportError(
                "无法识别文本编码（不是 UTF-8、GB18030 等常见编码）"
            ) from exc
    encoding = best.encoding
    if encoding.replace("_", "").lower() in {"gb2312", "gbk", "cp936"}:
        encoding = "gb18030"
    return data.decode(encoding, errors="replace")
