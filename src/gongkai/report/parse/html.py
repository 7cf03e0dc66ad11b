"""HTML → :class:`Document` with lxml (after the bytes were decoded).

Block elements become lines; each ``<table>`` row becomes a table row whose
cells are placed on a grid expanded from ``rowspan``/``colspan``: a merged
cell is given once, at its first grid position (named in the provenance as
"表 t 第 r 行第 c 列"); the positions it covers are not repeated, so a
value spanning three columns is read once.
"""

import re

import lxml.etree
import lxml.html

from ..model import ReportError
from .clean import Cleaner
from .document import Document, DocumentBuilder

_BLOCKS = {
    "table", "tbody", "thead", "tfoot", "td", "th",
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr",
    "section", "article", "header", "footer", "dd", "dt", "dl", "blockquote",
    "pre", "hr", "title", "center", "form", "main", "nav", "aside", "caption",
}  # fmt: skip
_SKIP = {
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "svg",
    "object",
    "select",
    "button",
}
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_SPACES = re.compile(r"\s+")
_CJK_GAP = re.compile(
    r"(?<=[\u3000-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u9fff\uff00-\uffef])"
)
MAX_SPAN = 64
MAX_GRID = 100_000


def read_html(text: str) -> Document:
    try:
        root = lxml.html.document_fromstring(_XML_DECLARATION.sub("", text))
    except (lxml.etree.ParserError, ValueError) as exc:
        raise ReportError(f"网页无法解析：{exc}") from exc
    body_text = root.text_content()
    walker = _Walker(DocumentBuilder("html", Cleaner.for_text(body_text[:20000])))
    walker.walk(root)
    walker.flush()
    return walker.builder.build()


def squash(text: str) -> str:
    """Collapse HTML whitespace; none between two Chinese characters."""
    return _CJK_GAP.sub("", _SPACES.sub(" ", text)).strip()


class _Walker:
    def __init__(self, builder: DocumentBuilder):
        self.builder = builder
        self.buffer: list[str] = []
        self.lines = 0
        self.tables = 0

    def flush(self) -> None:
        text = squash("".join(self.buffer))
        self.buffer = []
        if text:
            self.lines += 1
            self.builder.line(text, f"第 {self.lines} 段")

    def walk(self, element) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if tag in _SKIP or not tag:
            self.buffer.append(element.tail or "")
            return
        if tag == "table" and not _has_table_inside(element):
            self.flush()
            self.table(element)
        else:
            block = tag in _BLOCKS
            if block:
                self.flush()
            self.buffer.append(element.text or "")
            for child in element:
                self.walk(child)
            if block:
                self.flush()
        self.buffer.append(element.tail or "")

    def table(self, table) -> None:
        self.tables += 1
        rows = [tr for tr in table.iter("tr") if _owner(tr) is table]
        below: dict[int, set[int]] = {}  # row → columns covered by rowspans
        budget = MAX_GRID
        for r, tr in enumerate(rows):
            taken = below.pop(r, set())
            cells = []
            c = 0
            for td in _cells(tr):
                while c in taken:
                    c += 1
                where = f"表 {self.tables} 第 {r + 1} 行第 {c + 1} 列"
                cells.append((squash(td.text_content()), where))
                width = _span(td, "colspan")
                depth = min(_span(td, "rowspan"), len(rows) - r)
                if budget > 0:  # a hostile page cannot make this quadratic
                    budget -= width * depth
                    for dr in range(1, depth):
                        below.setdefault(r + dr, set()).update(range(c, c + width))
                c += width
            if cells:
                self.builder.row(cells)


def _cells(tr):
    for td in tr:
        if isinstance(td.tag, str) and td.tag.lower() in ("td", "th"):
            yield td


def _has_table_inside(table) -> bool:
    """A table holding tables is page layout: read what is inside it."""
    return next(table.iterdescendants("table"), None) is not None


def _owner(tr):
    for ancestor in tr.iterancestors():
        if isinstance(ancestor.tag, str) and ancestor.tag.lower() == "table":
            return ancestor
    return None


def _span(td, name: str) -> int:
    try:
        return max(1, min(int(re.sub(r"\D", "", td.get(name, "1")) or 1), MAX_SPAN))
    except ValueError:
        return 1
