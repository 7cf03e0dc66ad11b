"""From a :class:`Document` to an :class:`AnnualReport` and its provenance."""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import AnnualReport, Finding, ReportError, empty_report
from ..schema import NARRATIVE_SECTIONS, SECTION_HEADINGS, format_for_year, get_format
from .document import Document
from .narrative import is_wrapped, lines_of, paragraphs
from .sections import Heading, find_headings, find_title, find_year
from .tables import TableResult, read_appeals, read_applications, read_proactive
from .verify import ocr_findings, untrusted

_EVIDENCE = {
    "2019": (
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
        "上一年项目数量",
        "本年增/减",
        "对外管理服务事项",
        "政府集中采购",
        "采购项目数量",
    ),
    "2021": (
        "本年制发件数",
        "本年废止件数",
        "现行有效件数",
        "本年处理决定数量",
        "本年收费金额",
    ),
}


# Between two characters of a word: spaces, a line break, or one short line
# put in between (a page number, a mirror site's notice).
_INSIDE_WORD = r"(?:\s*\n[^\n]{0,40}\n\s*|\s*)"


def _words(*words: str) -> re.Pattern:
    """Any of ``words``, also when a line break or spaces, or one line put
    in between, fall inside one (a table's first words broken so must not
    make it start at its second part)."""
    return re.compile("|".join(_INSIDE_WORD.join(map(re.escape, w)) for w in words))


_ANCHORS = {
    2: _words("第二十条", "信息内容"),
    3: _words("(本列数据", "本列数据", "申请人情况", "本年新收"),
    4: _words("行政复议", "结果维持"),
}
_FALLBACK = {
    2: _words("第二十条第"),
    3: _words("本列数据", "本年新收"),
    4: _words("结果维持"),
}
TABLE_SECTIONS = (2, 3, 4)
SECTION_KEYS = {index + 1: key for key, index in NARRATIVE_SECTIONS.items()}


@dataclass(frozen=True)
class ParseResult:
    """A parsed report with where each value came from and what was found."""

    report: AnnualReport
    provenance: dict[str, str]
    kind: str  # "text", "html", "docx" or "pdf"
    format: str  # the format the tables follow
    sections: tuple[int, ...]  # numbers (1–6) of the section headings found
    agency: str | None
    year: int | None
    tables: tuple[int, ...] = field(default=())  # numbers of the tables found
    # Cells left null because several decodings fit every rule: path → the
    # values the printed digits allow (CELL-UNREADABLE says so in words).
    candidates: dict[str, list] = field(default_factory=dict)
    # The same by row: the row's cell paths → every decoding of the whole row.
    decodings: dict[tuple[str, ...], list[tuple]] = field(default_factory=dict)


@dataclass
class _Layout:
    headings: list[Heading]
    regions: dict[int, tuple[int, int]]  # section → (after heading, next heading)
    order: list[int]  # section numbers in text order


def parse_document(doc: Document) -> ParseResult:
    layout = _layout(doc)
    first = layout.regions[1][0] if 1 in layout.regions else _first_start(layout)
    title = find_title(doc.norm, first)
    year = find_year(doc.norm, title)
    fmt = get_format(_detect_format(doc, layout, year))
    tables = _read_tables(doc, layout, fmt)
    if (
        not layout.headings
        and not title.agency
        and not any(t.rows_found for t in tables.values())
    ):
        raise ReportError(
            "无法识别为政府信息公开工作年度报告：没有找到章节标题、报告标题或表格"
        )
    data = empty_report(fmt.key, year, title.agency, fill=None).to_json()
    provenance: dict[str, str] = {}
    findings: list[Finding] = []
    for number in TABLE_SECTIONS:
        _merge_table(data, provenance, findings, tables[number], number)
    candidates = {p: v for t in tables.values() for p, v in t.candidates.items()}
    decodings = {r: v for t in tables.values() for r, v in t.decodings.items()}
    if doc.ocr:
        _mark_ocr(data, provenance, findings, tables, fmt)
    data["sections"] = _narratives(doc, layout, tables)
    findings[:0] = _section_findings(layout, tables)
    data["findings"] = [f.model_dump() for f in findings]
    report = AnnualReport.from_json(data)
    return ParseResult(
        report,
        provenance,
        doc.kind,
        fmt.key,
        tuple(sorted(layout.regions)),
        title.agency,
        year,
        tuple(n for n in TABLE_SECTIONS if tables[n].rows_found),
        candidates,
        decodings,
    )


def _first_start(layout: _Layout) -> int:
    return layout.headings[0].start if layout.headings else 3000


def _layout(doc: Document) -> _Layout:
    headings = find_headings(doc.norm)
    regions = {}
    for i, heading in enumerate(headings):
        end = headings[i + 1].start if i + 1 < len(headings) else len(doc.norm)
        regions[heading.number] = (heading.end, end)
    return _Layout(headings, regions, [h.number for h in headings])


def _detect_format(doc: Document, layout: _Layout, year: int | None) -> str:
    start, end = _table_region(doc, layout, 2)
    text = re.sub(r"\s+", "", doc.norm[start:end]) if start >= 0 else ""
    votes = {key: sum(text.count(w) for w in words) for key, words in _EVIDENCE.items()}
    if votes["2019"] != votes["2021"]:
        return max(votes, key=votes.get)
    start, end = _table_region(doc, layout, 3)
    text = re.sub(r"\s+", "", doc.norm[start:end]) if start >= 0 else ""
    if "逾期不补正" in text or "缴纳费用" in text:
        return "2021"
    return format_for_year(year) if year else "2021"


def _table_region(doc: Document, layout: _Layout, number: int) -> tuple[int, int]:
    """Return where table ``number`` starts (its anchor) and ends, or (-1, -1)."""
    if number in layout.regions:
        start, end = layout.regions[number]
    else:
        start, end = _fallback_region(doc, layout, number)
        if start < 0:
            return -1, -1
    found = _ANCHORS[number].search(doc.norm, start, end)
    return (found.start() if found else start), end


def _fallback_region(doc: Document, layout: _Layout, number: int) -> tuple[int, int]:
    """A table whose heading is missing: find its anchor after the table before."""
    before = [
        layout.regions[n][1]
        for n in layout.regions
        if n < number and n in TABLE_SECTIONS
    ]
    start = max(before, default=0)
    found = _FALLBACK[number].search(doc.norm, start)
    if not found:
        return -1, -1
    after = [h.start for h in layout.headings if h.start > found.start()]
    return found.start(), min(after, default=len(doc.norm))


def _table_regions(doc: Document, layout: _Layout) -> dict[int, tuple[int, int]]:
    """Where each table is; a table whose heading was not found (OCR misread
    it) may sit inside the stretch of the table before: it is cut there."""
    out = {n: _table_region(doc, layout, n) for n in TABLE_SECTIONS}
    for number in TABLE_SECTIONS[1:]:
        start, end = out[number - 1]
        if number in layout.regions or start < 0:
            continue
        found = _FALLBACK[number].search(doc.norm, start + 1, end)
        if found:
            out[number - 1] = (start, found.start())
            out[number] = (found.start(), end)
    return out


def _read_tables(doc: Document, layout: _Layout, fmt) -> dict[int, TableResult]:
    readers = {
        2: lambda s, e: read_proactive(doc, s, e, fmt),
        3: lambda s, e: read_applications(doc, s, e, fmt),
        4: lambda s, e: read_appeals(doc, s, e),
    }
    regions = _table_regions(doc, layout)
    out = {}
    for number, reader in readers.items():
        start, end = regions[number]
        out[number] = reader(start, end) if start >= 0 else TableResult()
        if start >= 0 and out[number].end < 0:
            out[number].end = start
    return out


def _merge_table(data, provenance, findings, table: TableResult, number: int) -> None:
    if not table.rows_found:
        message = f"未找到{_table_name(number)}的数据"
        cells = {2: ["proactive"], 3: ["applications"], 4: ["appeals"]}[number]
        findings.append(
            Finding(
                rule="TABLE-MISSING", severity="warning", message=message, cells=cells
            )
        )
        return
    for path, value in table.values.items():
        _assign(data, path, value)
    provenance.update(table.provenance)
    findings.extend(table.findings)


def _table_name(number: int) -> str:
    from .tables import TABLE_NAMES

    return TABLE_NAMES[number]


def _assign(data: dict, path: str, value) -> None:
    keys, index = _path(path)
    node = data
    for key in keys[:-1]:
        node = node[key]
    if index is None:
        node[keys[-1]] = value
    else:
        node[keys[-1]][index] = value


@lru_cache(maxsize=512)
def _path(path: str) -> tuple[tuple[str, ...], int | None]:
    name, _, index = path.partition("[")
    return tuple(name.split(".")), int(index.rstrip("]")) if index else None


# --- OCR ---------------------------------------------------------------------


def _mark_ocr(data, provenance, findings, tables, fmt) -> None:
    """Values read by OCR: null where the arithmetic does not vouch for
    them (:mod:`.verify`), and every other one marked as read by OCR."""
    values = {p: v for t in tables.values() for p, v in t.values.items()}
    blank = {c for f in findings if f.rule == "CELL-BLANK" for c in f.cells}
    doubtful = sorted(untrusted(fmt, values, blank, tables[3].whole))
    for path in doubtful:
        _assign(data, path, None)
        provenance.pop(path, None)
    findings.extend(ocr_findings(doubtful))
    read = [p for p, v in values.items() if v is not None and p not in doubtful]
    for path in read:
        provenance[path] = "OCR 识别：" + provenance.get(path, "")
    if read:
        message = (
            f"本报告是扫描件，{len(read)} 个数值由 OCR 识别：表三、表四的数值已用"
            "勾稽关系核对，表二的数值无法核对，请与原件核对"
        )
        findings.append(
            Finding(rule="OCR", severity="warning", message=message, cells=read)
        )


# --- narrative ---------------------------------------------------------------


def _narratives(doc: Document, layout: _Layout, tables) -> dict[str, str | None]:
    spans: dict[int, list[tuple[int, int]]] = {n: [] for n in SECTION_KEYS}
    for i, number in enumerate(layout.order):
        start, end = layout.regions[number]
        if number in SECTION_KEYS:
            spans[number].append((start, end))
        elif i and layout.order[i - 1] in SECTION_KEYS and layout.order[i - 1] > number:
            # A table printed inside a later section's text (PDF extraction):
            # the text after the table continues that section.
            spans[layout.order[i - 1]].append((max(tables[number].end, start), end))
    all_lines = {n: lines_of(doc, s) for n, s in spans.items()}
    wrapped = doc.wrapped or (
        doc.kind == "text" and is_wrapped(sum(all_lines.values(), []))
    )
    return {key: paragraphs(all_lines[n], wrapped) for n, key in SECTION_KEYS.items()}


def _section_findings(layout: _Layout, tables) -> list[Finding]:
    findings = []
    missing = [SECTION_HEADINGS[n - 1] for n in range(1, 7) if n not in layout.regions]
    if missing:
        message = "未找到以下部分的标题：" + "；".join(missing)
        findings.append(Finding(rule="SECTIONS", severity="warning", message=message))
    if _out_of_order(layout, tables):
        shown = "、".join(SECTION_HEADINGS[n - 1][0] for n in layout.order)
        message = f"各部分的顺序与格式不符：文中顺序为 {shown}"
        findings.append(Finding(rule="SECTIONS", severity="warning", message=message))
    return findings


def _out_of_order(layout: _Layout, tables) -> bool:
    """True unless the only disorder is a table printed inside later text."""
    order = [
        n
        for i, n in enumerate(layout.order)
        if not (
            n in TABLE_SECTIONS
            and i
            and layout.order[i - 1] > n
            and tables[n].rows_found
        )
    ]
    return order != sorted(order)
