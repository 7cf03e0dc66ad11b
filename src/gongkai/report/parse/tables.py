"""Tables 二, 三 and 四: from a stretch of the document to cell values.

Each reader returns a :class:`TableResult`: values by cell path
(``applications.new[0]``), where each came from, and the findings about
the table (CELL-BLANK, CELL-UNREADABLE, TABLE-MISSING, LABELS).
"""

import itertools
import re
from dataclasses import dataclass, field

from ..model import Finding
from ..schema import (
    APPEAL_COLUMNS,
    APPEAL_GROUPS,
    APPLICANT_COLUMNS,
    N_APPEAL_COLUMNS,
    N_COLUMNS,
    PROACTIVE_2019,
    PROACTIVE_2021,
    ReportFormat,
)
from .document import Document
from .labels import (
    applications_spec,
    is_table_text,
    proactive_spec,
    same_label,
    squeeze,
    structure_fragments,
)
from .rows import (
    BLANKED,
    CUT_BREAKS_COLUMNS,
    MISSING,
    NO_NUMBERS,
    OK,
    UNREADABLE,
    Decoded,
    RowRead,
    decode,
    fill_gaps,
    read_rows,
    spread_stacked,
)
from .tokens import (
    BLANK,
    NUM,
    TEXT,
    Chunk,
    group,
    tokenize,
    without_foreign_lines,
)

APPLICATION_GROUPS = [(N_COLUMNS - 1, True)]
APPEAL_GROUPS_SHAPE = [(N_APPEAL_COLUMNS - 1, True)] * len(APPEAL_GROUPS)
TABLE_NAMES = {
    2: "表二（主动公开政府信息情况）",
    3: "表三（政府信息公开申请情况）",
    4: "表四（行政复议、行政诉讼情况）",
}


@dataclass
class TableResult:
    values: dict[str, object] = field(default_factory=dict)
    provenance: dict[str, str] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    end: int = -1
    rows_found: int = 0
    # Cells left null because several decodings fit: path → possible values.
    candidates: dict[str, list] = field(default_factory=dict)
    # The same by row: the row's cell paths → every decoding of the row.
    decodings: dict[tuple[str, ...], list[tuple]] = field(default_factory=dict)
    # Every row of the format was found under its own label.
    whole: bool = False

    def note(self, rule: str, severity: str, message: str, cells=()) -> None:
        self.findings.append(
            Finding(rule=rule, severity=severity, message=message, cells=list(cells))
        )


# --- shared ------------------------------------------------------------------


def _truncated(doc: Document, row: RowRead) -> bool:
    last = row.slots[-1].end if row.slots else row.at
    return last >= len(doc.norm.rstrip()) - 1


def _decode(doc: Document, slots, n: int, groups, truncated: bool) -> Decoded:
    decoded = decode(slots, n, groups, truncated)
    if doc.ocr and decoded.candidates:
        # A cell OCR read is one number: too few numbers means a cell was not
        # read, not that separators were lost.  No split is tried.
        decoded.candidates = []
        decoded.status = [UNREADABLE] * n
        decoded.reason = "OCR 未能读出该行的全部单元格"
    return decoded


def _agreed(decoded: Decoded) -> None:
    """Keep the cells on which every candidate decoding agrees."""
    n = len(decoded.values)
    for i in range(n):
        seen = {c[i] for c in decoded.candidates}
        if len(seen) == 1:
            decoded.values[i] = str(seen.pop())
        else:
            decoded.status[i] = UNREADABLE


def _candidates_text(candidates: list[tuple]) -> str:
    shown = ["/".join(str(v) for v in c) for c in candidates[:12]]
    more = f" 等 {len(candidates)} 种" if len(candidates) > 12 else ""
    return "、".join(shown) + more


def _report_row(
    result: TableResult,
    doc: Document,
    table: int,
    row: RowRead,
    decoded: Decoded,
    paths,
    columns,
) -> None:
    """Record the row's findings (values are stored by the caller)."""
    name = TABLE_NAMES[table][:2]
    label = row.label or row.spec.label
    for status, rule, severity, text in (
        (BLANKED, "CELL-BLANK", "info", "单元格空白，按 0 计"),
        (UNREADABLE, "CELL-UNREADABLE", "warning", "无法可靠读取"),
        (MISSING, "TABLE-MISSING", "warning", "缺少数值"),
    ):
        cells = [i for i, s in enumerate(decoded.status) if s == status]
        if not cells:
            continue
        cols = "、".join(columns[i] for i in cells)
        message = f"{name}“{label}”行{cols}列{text}"
        if status != BLANKED and decoded.reason:
            message += f"：{decoded.reason}"
        if status == UNREADABLE and decoded.candidates:
            message += f"，可能的拆分：{_candidates_text(decoded.candidates)}"
            result.decodings[tuple(paths)] = list(decoded.candidates)
            for i in cells:
                values = sorted({c[i] for c in decoded.candidates})
                result.candidates[paths[i]] = values
        result.note(rule, severity, message, [paths[i] for i in cells])
    if decoded.extra:
        message = (
            f"{name}“{label}”行末尾多出数值“{decoded.extra}”，未读入"
            f"（前 {len(paths)} 个数值的和相符）"
        )
        result.note("CELL-UNREADABLE", "warning", message, list(paths))
    if row.label and not same_label(row.label, row.spec.label):
        message = f"{name}行标签“{row.label}”与格式中的“{row.spec.label}”不同"
        result.note("LABELS", "info", message, list(paths))


def _provenance(result: TableResult, doc: Document, decoded: Decoded, paths) -> None:
    for path, token, status in zip(paths, decoded.tokens, decoded.status, strict=True):
        if token is not None and status in (OK, BLANKED):
            result.provenance[path] = doc.locate(token.start)


_UNIT = re.compile(r"万元$|元$")
_INT = re.compile(r"\d+")
_SIGNED = re.compile(r"-?\d+")
_DECIMAL = re.compile(r"\d+\.\d+")


def _to_int(text: str | None, signed: bool = False):
    if text is None:
        return None
    if text.isascii() and text.isdigit():
        return int(text)
    text = _UNIT.sub("", text).replace(",", "")
    if not (_SIGNED if signed else _INT).fullmatch(text):
        raise ValueError(text)
    return int(text)


def _to_amount(text: str | None):
    if text is None:
        return None
    text = _UNIT.sub("", text).replace(",", "")
    if _INT.fullmatch(text):
        return int(text)
    if _DECIMAL.fullmatch(text):
        return float(text)
    raise ValueError(text)


def _missing_rows(result: TableResult, table: int, missing: list, path) -> None:
    if not missing:
        return
    labels = "、".join(f"“{spec.label}”" for spec in missing)
    message = f"{TABLE_NAMES[table]}缺少{len(missing)}行：{labels}"
    result.note("TABLE-MISSING", "warning", message, [path(spec) for spec in missing])


def _unknown_rows(result: TableResult, table: int, unknown: list[str]) -> None:
    for text in unknown[:5]:
        message = f"{TABLE_NAMES[table][:2]}中有格式之外的内容“{text[:40]}”，已忽略"
        result.note("LABELS", "info", message)


# --- table 三 -----------------------------------------------------------------


def read_applications(
    doc: Document, start: int, end: int, fmt: ReportFormat
) -> TableResult:
    spec = applications_spec(fmt.key)
    tokens = _without_fragments(tokenize(doc, start, end), fmt)
    read = read_rows(group(without_foreign_lines(tokens, is_table_text)), spec)
    spread_stacked(read, spec, N_COLUMNS, APPLICATION_GROUPS)
    filled = fill_gaps(read, spec, N_COLUMNS) if doc.ocr else 0
    result = TableResult(end=read.end, rows_found=len(read.rows))
    result.whole = not filled and len(read.rows) == len(spec.rows)
    decoded = {
        key: _decode(
            doc, row.slots, N_COLUMNS, APPLICATION_GROUPS, _truncated(doc, row)
        )
        for key, row in read.rows.items()
    }
    _resolve_columns(decoded, fmt)
    _doubtful_splits(decoded, fmt)
    if doc.kind == "pdf":
        _printed_blank(decoded)
    columns = [c.label for c in APPLICANT_COLUMNS]
    for key, row in read.rows.items():
        paths = [f"applications.{key}[{i}]" for i in range(N_COLUMNS)]
        _store_ints(result, decoded[key], paths, signed=False)
        _report_row(result, doc, 3, row, decoded[key], paths, columns)
        _provenance(result, doc, decoded[key], paths)
    missing = [s for s in spec.rows if s.key not in read.rows]
    if read.rows:
        _missing_rows(result, 3, missing, lambda s: f"applications.{s.key}")
    _unknown_rows(result, 3, read.unknown)
    _column_labels(result, read.headers, 3, frozenset())
    return result


def _without_fragments(tokens: list, fmt: ReportFormat) -> list:
    texts = [t.text if t.kind == TEXT else "" for t in tokens]
    drop = structure_fragments(texts, fmt.key)
    return [t for i, t in enumerate(tokens) if i not in drop] if drop else tokens


def _printed_blank(decoded: dict[str, Decoded]) -> None:
    """A PDF row whose label is on the page with no number on its line,
    followed by rows with numbers, was printed blank (an unruled table shows
    no empty cells): CELL-BLANK, as the checks read it, not TABLE-MISSING."""
    keys = list(decoded)
    for i, key in enumerate(keys):
        row = decoded[key]
        later = any(OK in decoded[k].status for k in keys[i + 1 :])
        if later and all(s == MISSING for s in row.status) and row.reason == NO_NUMBERS:
            row.status = [BLANKED] * len(row.status)
            row.reason = ""


def _store_ints(result: TableResult, decoded: Decoded, paths, signed) -> None:
    for i, path in enumerate(paths):
        try:
            result.values[path] = _to_int(decoded.values[i], signed)
        except ValueError:
            decoded.status[i] = UNREADABLE
            decoded.reason = decoded.reason or f"“{decoded.values[i]}”不是整数"
            result.values[path] = None


def _row_ints(decoded: Decoded) -> list[int] | None:
    """Return the row as integers (blank = 0), or None if not fully known."""
    if decoded.candidates or any(s not in (OK, BLANKED) for s in decoded.status):
        return None
    try:
        return [_to_int(v) or 0 for v in decoded.values]
    except ValueError:
        return None


def _resolve_columns(decoded: dict[str, Decoded], fmt: ReportFormat) -> None:
    """Narrow digit-run decodings with the column arithmetic of table 三."""
    for d in decoded.values():
        if len(d.candidates) == 1:
            d.values = [str(v) for v in d.candidates[0]]
            d.candidates = []
    open_rows = [k for k, d in decoded.items() if d.candidates]
    if open_rows:
        survivors = _search_columns(decoded, fmt, open_rows)
        for i, key in enumerate(open_rows):
            if survivors:
                decoded[key].candidates = sorted({combo[i] for combo in survivors})
            if len(decoded[key].candidates) == 1:
                decoded[key].values = [str(v) for v in decoded[key].candidates[0]]
                decoded[key].candidates = []
            else:
                _agreed(decoded[key])


def _doubtful_splits(decoded: dict[str, Decoded], fmt: ReportFormat) -> None:
    """A row cut out of a digit run is vouched for only by its own sum: if
    a column equation through it (表三勾稽关系) then fails, the cut may be
    wrong (the printed numbers did not add up, and another cut does), so
    the row is left null with CELL-UNREADABLE rather than guessed."""
    if not any(d.split for d in decoded.values()):
        return
    rows = {k: _row_ints(d) for k, d in decoded.items()}
    split = [k for k, d in decoded.items() if d.split and rows[k] is not None]
    if not split:
        return
    doubtful = set()
    for left, right in _equations(fmt):
        keys = left + right
        if all(rows.get(k) is not None for k in keys) and not _balanced(
            rows, left, right
        ):
            doubtful.update(k for k in keys if k in split)
    for key in doubtful:
        d = decoded[key]
        d.values = [None] * len(d.values)
        d.status = [UNREADABLE] * len(d.values)
        d.reason += f"，{CUT_BREAKS_COLUMNS}，无法确定拆分方式"


def _equations(fmt: ReportFormat):
    yield list(fmt.outcome_keys), ["total"]
    yield ["new", "carried_over"], ["total", "carried_forward"]


def _search_columns(decoded, fmt, open_rows, limit: int = 4096):
    known = {k: _row_ints(d) for k, d in decoded.items()}
    usable = [
        (left, right)
        for left, right in _equations(fmt)
        if all(k in open_rows or known.get(k) for k in left + right)
        and any(k in open_rows for k in left + right)
    ]
    sizes = [len(decoded[k].candidates) for k in open_rows]
    if not usable or _product(sizes) > limit:
        return []
    survivors = []
    for combo in itertools.product(*(decoded[k].candidates for k in open_rows)):
        rows = dict(known) | dict(zip(open_rows, combo, strict=True))
        if all(_balanced(rows, left, right) for left, right in usable):
            survivors.append(combo)
    return survivors


def _product(sizes: list[int]) -> int:
    total = 1
    for size in sizes:
        total *= size
    return total


def _balanced(rows, left, right) -> bool:
    return all(
        sum(rows[k][i] for k in left) == sum(rows[k][i] for k in right)
        for i in range(N_COLUMNS)
    )


# --- table 二 -----------------------------------------------------------------


def read_proactive(
    doc: Document, start: int, end: int, fmt: ReportFormat
) -> TableResult:
    spec = proactive_spec(fmt.key)
    tokens = without_foreign_lines(tokenize(doc, start, end), is_table_text)
    read = read_rows(group(tokens), spec)
    result = TableResult(end=read.end, rows_found=len(read.rows))
    columns = _proactive_columns(fmt)
    for key, row in read.rows.items():
        fields = row.spec.fields
        decoded = _decode(
            doc, row.slots, len(fields), [(len(fields), False)], _truncated(doc, row)
        )
        if decoded.candidates:
            _agreed(decoded)
        paths = [f"proactive.{key}" + (f".{f}" if f else "") for f in fields]
        _store_proactive(result, doc, decoded, fields, paths)
        _report_row(result, doc, 2, row, decoded, paths, columns[key])
        _provenance(result, doc, decoded, paths)
    missing = [s for s in spec.rows if s.key not in read.rows]
    if read.rows:
        _missing_rows(result, 2, missing, lambda s: f"proactive.{s.key}")
    _unknown_rows(result, 2, read.unknown)
    _column_labels(result, read.headers, 2)
    return result


def _proactive_columns(fmt: ReportFormat) -> dict[str, list[str]]:
    return {row.key: list(table.columns) for table, row in fmt.proactive_rows()}


def _store_proactive(
    result: TableResult, doc: Document, decoded: Decoded, fields, paths
) -> None:
    for i, (name, path) in enumerate(zip(fields, paths, strict=True)):
        value = decoded.values[i]
        try:
            if name == "amount":
                token = decoded.tokens[i]
                # As printed, with full-width digits made ASCII like every number.
                printed = doc.norm[token.start : token.end] if token and value else None
                result.values[path] = printed
            elif path == "proactive.fees_10k_yuan":
                result.values[path] = _to_amount(value)
            else:
                result.values[path] = _to_int(value, signed=name == "change")
        except ValueError:
            decoded.status[i] = UNREADABLE
            decoded.reason = decoded.reason or f"“{value}”不是有效的数值"
            result.values[path] = None


_PROACTIVE_HEADERS = frozenset(
    squeeze(c) for t in PROACTIVE_2021 + PROACTIVE_2019 for c in t.columns
)
_APPEAL_HEADER = re.compile(
    "(" + "|".join(c.label for c in APPEAL_COLUMNS) + r")(\([^()]{1,12}\))"
)


def _column_labels(
    result: TableResult, headers: list[str], table: int, official=_PROACTIVE_HEADERS
) -> None:
    """LABELS for a column header printed with words the format does not
    have (``商业企业（含个体工商户）``)."""
    for text in dict.fromkeys(headers):
        match = re.fullmatch(r"(.+?)(\([^()]{1,12}\))", text)
        if match and squeeze(text) not in official:
            message = f"{TABLE_NAMES[table][:2]}列标题“{text}”与格式中的“{match.group(1)}”不同"
            result.note("LABELS", "info", message)


# --- table 四 -----------------------------------------------------------------


def read_appeals(doc: Document, start: int, end: int) -> TableResult:
    tokens = without_foreign_lines(tokenize(doc, start, end), is_table_text)
    items = group(tokens)
    slots = _appeal_slots(items)
    result = TableResult()
    if not any(t.kind != BLANK for t in slots):
        return result
    result.rows_found = 1
    result.end = slots[-1].end
    while len(slots) > N_APPEAL_COLUMNS and slots[0].kind == BLANK:
        slots.pop(0)
    truncated = slots[-1].end >= len(doc.norm.rstrip()) - 1
    decoded = _decode(
        doc,
        slots,
        len(APPEAL_GROUPS) * N_APPEAL_COLUMNS,
        APPEAL_GROUPS_SHAPE,
        truncated,
    )
    if len(decoded.candidates) == 1:
        decoded.values = [str(v) for v in decoded.candidates[0]]
        decoded.candidates = []
    elif decoded.candidates:
        _agreed(decoded)
    paths = [
        f"appeals.{g.key}[{i}]" for g in APPEAL_GROUPS for i in range(N_APPEAL_COLUMNS)
    ]
    columns = [f"{g.label}{c.label}" for g in APPEAL_GROUPS for c in APPEAL_COLUMNS]
    _store_ints(result, decoded, paths, signed=False)
    row = RowRead(_APPEALS_ROW, "", slots[0].start, slots)
    _report_row(result, doc, 4, row, decoded, paths, columns)
    _provenance(result, doc, decoded, paths)
    _column_labels(result, _appeal_headers(items), 4, frozenset())
    return result


def _appeal_headers(items: list) -> list[str]:
    """Column headers of table 四 (the text before its numbers) printed with
    words added."""
    texts = []
    for item in items:
        if not isinstance(item, Chunk):
            if item.kind == NUM:
                break
            continue
        texts.append(item.joined()[0])
    return [m.group() for text in texts for m in _APPEAL_HEADER.finditer(text)]


def _appeal_slots(items: list) -> list:
    slots = []
    for item in items:
        if isinstance(item, Chunk):
            if any(t.kind == NUM for t in slots):
                break
            slots = []  # blanks among the headers
            continue
        slots.append(item)
    return slots


class _AppealsRow:
    key = "appeals"
    label = "行政复议、行政诉讼数据"


_APPEALS_ROW = _AppealsRow()
