"""Read a table's rows: label → the cells after it, then cells → values.

:func:`read_rows` walks the chunks and slots of :mod:`.tokens`; a chunk
naming a row (in table order: a row is never taken twice or out of order)
starts it, and the slots up to the next chunk are its cells.
:func:`decode` turns a row's slots into values: one number per cell when
the count is right, blank cells by position, and for digit runs whose
separators were lost every decoding that obeys the table's arithmetic.
"""

import re
from dataclasses import dataclass, field

from .digits import TooAmbiguous, split_cells
from .labels import RowSpec, TableSpec, printed_label, squeeze
from .tokens import BAD, BLANK, NUM, Chunk, Token

_CJK = re.compile(r"[\u4e00-\u9fff]")
OK, BLANKED, MISSING, UNREADABLE = "ok", "blank", "missing", "unreadable"
NO_NUMBERS = "没有任何数值"
# Said of a digit run that no cut makes add up: the row's arithmetic fails
# however its cells are read (a printed number is wrong, or a digit lost).
NO_CUT_ADDS_UP = "任何拆分都不能使各列之和等于总计"
# Said of a run with one cut that makes its row add up, when table 三's
# column equations then fail through it: no reading satisfies both.
CUT_BREAKS_COLUMNS = "按该行合计拆分的结果与表三各列的勾稽关系不符"


@dataclass
class RowRead:
    spec: RowSpec | None
    label: str
    at: int  # offset of the label
    slots: list[Token] = field(default_factory=list)
    norm: str = ""  # an orphan's normalised text


@dataclass
class TableRead:
    rows: dict[str, RowRead] = field(default_factory=dict)
    end: int = -1  # offset just after the last token used
    unknown: list[str] = field(default_factory=list)  # rows outside the format
    headers: list[str] = field(default_factory=list)  # structural text seen
    # Text naming no row that had cells, and the order of the row before it.
    orphans: list[tuple[int, RowRead]] = field(default_factory=list)


def read_rows(items: list, table: TableSpec) -> TableRead:
    order = {spec.key: i for i, spec in enumerate(table.rows)}
    read = TableRead()
    current: RowRead | None = None
    orphan: RowRead | None = None  # text naming no row, and the cells after it
    last = -1
    for item in items:
        if not isinstance(item, Chunk):
            holder = current if current is not None else orphan
            if holder is not None:
                holder.slots.append(item)
                read.end = max(read.end, item.end)
            continue
        if last == len(table.rows) - 1 and current and current.slots:
            break  # the table's last row is complete
        skip = 0
        if orphan is not None and orphan.slots:
            before = last
            last, skip = _rescue(orphan, item, table, order, read, last)
            if last == before:
                read.orphans.append((last, orphan))
        current, last = _chunk(item, table, order, read, current, last, skip)
        orphan = None if current is not None else _orphan(item, skip)
    return read


def _orphan(chunk: Chunk, skip: int) -> RowRead | None:
    text, where = chunk.joined()
    if "。" in text or skip >= len(text):
        return None
    return RowRead(None, chunk.raw[skip:], where[skip], norm=text[skip:])


def _rescue(orphan: RowRead, chunk: Chunk, table, order, read: TableRead, last):
    """A label broken by its own cells (PDF: ``6.属于四类过程性信`` 3 1 … ``息``):
    the text before the cells and the text after them name the row.  Return
    the new ``last`` and how much of the chunk's text the label took."""
    text, _where = chunk.joined()
    ahead = _in_order(table.matches(text), order, last)
    if ahead and ahead[0][0] is not None:
        taken = _rescue_head(orphan, chunk, text, ahead[0], read)
        if taken is not None:
            return order[ahead[0][0].key], taken
    lead = _label_starts(ahead, text)[0] if ahead else len(text)
    joined = orphan.norm + text[:lead]
    for spec, a, b in reversed(_in_order(table.matches(joined), order, last)):
        if spec is not None and a < len(orphan.norm) < b:
            _label, begins = printed_label(spec, joined, a, 0, len(joined))
            before = joined[begins : len(orphan.norm)]
            end = _label_end(spec, before, text, b - len(orphan.norm), lead)
            label = orphan.label[begins:] + chunk.raw[:end]
            _take(read, orphan, RowRead(spec, label, orphan.at, orphan.slots))
            return order[spec.key], end
    return last, 0


def _label_end(spec: RowSpec, before: str, text: str, at: int, limit: int) -> int:
    """Where a label that continues in ``text`` ends: as far as it follows
    the official wording, or at ``limit`` if it is worded otherwise."""
    official = squeeze(spec.label)
    if not official.startswith(squeeze(before + text[:at])):
        return limit
    while at < limit and official.startswith(squeeze(before + text[: at + 1])):
        at += 1
    return at


def _take(read: TableRead, orphan: RowRead, row: RowRead) -> None:
    read.rows[row.spec.key] = row
    if read.unknown and read.unknown[-1] == orphan.norm:
        read.unknown.pop()


def _rescue_head(orphan: RowRead, chunk: Chunk, text: str, match, read) -> int | None:
    """The start of a label, its cells, then the rest with the core words
    (``2.其他法律行政法规`` 0 0 … ``禁止公开``): the orphan begins the
    official label and the chunk's first row words complete it.  Return how
    much of the chunk's text the label took."""
    spec, _a, b = match
    head = squeeze(orphan.norm)
    if len(head) < 2 or not squeeze(spec.label).startswith(squeeze(head + text[:b])):
        return None
    end = _label_end(spec, orphan.norm, text, b, len(text))
    _take(
        read,
        orphan,
        RowRead(spec, orphan.label + chunk.raw[:end], orphan.at, orphan.slots),
    )
    return end


def _chunk(
    chunk: Chunk, table: TableSpec, order, read: TableRead, current, last, skip=0
):
    text, where = chunk.joined()
    if "。" in text:
        return None, last  # narrative between or after the rows
    raw = chunk.raw
    found = [m for m in table.matches(text) if m[1] >= skip]
    matches = _in_order(found, order, last)
    first = matches[0][1] if matches else len(text)
    if current is not None and current.slots and first > skip:
        _continue_label(current, raw[skip:first])
    accepted = None
    starts = _label_starts(matches, text, skip)
    for n, (spec, a, b) in enumerate(matches):
        if spec is None:
            read.headers.append(text[a:b])
            continue
        right = starts[n + 1] if n + 1 < len(matches) else len(text)
        _label, begins = printed_label(
            spec, text, a, matches[n - 1][2] if n else skip, right
        )
        accepted = RowRead(spec, raw[begins:right], where[begins])
        read.rows[spec.key] = accepted
        last = order[spec.key]
        read.end = max(read.end, chunk.end)
    rest = text[skip:]
    if accepted is None and _looks_like_row(rest, matches):
        read.unknown.append(text[first:] if first < len(text) else rest)
    return accepted, last


def _label_starts(matches, text: str, skip: int = 0) -> list[int]:
    """Where each recognised piece begins (a row's label before its core)."""
    starts = []
    for n, (spec, a, _b) in enumerate(matches):
        if spec is None:
            starts.append(a)
        else:
            left = matches[n - 1][2] if n else skip
            starts.append(printed_label(spec, text, a, left, a)[1])
    return starts


def _in_order(matches, order, last):
    """Drop row matches out of table order (a row is read once, in order)."""
    kept = []
    for spec, a, b in matches:
        if spec is not None:
            if order[spec.key] <= last:
                continue
            last = order[spec.key]
        kept.append((spec, a, b))
    return kept


def _continue_label(row: RowRead, lead: str) -> None:
    """A label broken by its own numbers (PDF): ``…不再处`` 0 0 … ``理其…``.
    Take as much of the text that follows as completes or continues it."""
    official = squeeze(row.spec.label)
    for k in range(min(len(lead), len(official)), 0, -1):
        longer = squeeze(row.label + lead[:k])
        if longer == official or (k == len(lead) and official.startswith(longer)):
            row.label += lead[:k]
            return


def _looks_like_row(text: str, matches) -> bool:
    return not matches and 1 < len(text) <= 80 and _CJK.search(text) is not None


# --- slots → values ----------------------------------------------------------


@dataclass
class Decoded:
    values: list  # per cell: parsed value or None
    status: list[str]  # per cell: OK, BLANKED, MISSING, UNREADABLE
    tokens: list[Token | None]  # per cell: where it was read
    reason: str = ""  # why cells are unreadable or missing
    candidates: list[tuple] = field(default_factory=list)
    extra: str = ""  # numbers after the row's cells, left unread
    split: bool = False  # cells cut out of digit runs whose separators were lost


def decode(
    slots: list[Token], n: int, groups: list[tuple[int, bool]], truncated: bool
) -> Decoded:
    """Decode one row's slots into ``n`` cells (values are number strings)."""
    nums = [t for t in slots if t.kind in (NUM, BAD)]
    if any(a.line == b.line >= 0 for a, b in zip(nums, nums[1:], strict=False)):
        # Numbers side by side on a line: empty lines around are not cells.
        slots = [t for t in slots if not t.soft]
    if len(nums) == n:
        return _positional(nums, n)
    if len(nums) < n <= len(slots) and (not nums or _index(slots, nums[-1]) < n):
        return _positional(slots[:n], n)
    if len(nums) > n:
        return _too_many(nums, n, groups)
    if not nums:
        return _nothing(n, MISSING, NO_NUMBERS)
    return _fewer(nums, n, groups, truncated)


def _index(slots: list[Token], token: Token) -> int:
    return next(i for i, t in enumerate(slots) if t is token)


def _positional(slots: list[Token], n: int) -> Decoded:
    values, status, where = [], [], []
    for token in slots[:n]:
        where.append(token)
        if token.kind == BLANK:
            values.append(None)
            status.append(BLANKED)
        elif token.kind == BAD:
            values.append(None)
            status.append(UNREADABLE)
        else:
            values.append(token.text)
            status.append(OK)
    reason = "单元格内容为乱码" if UNREADABLE in status else ""
    return Decoded(values, status, where, reason)


def _too_many(nums: list[Token], n: int, groups) -> Decoded:
    head = nums[:n]
    if any(has_total for _p, has_total in groups) and all(t.kind == NUM for t in head):
        if _splits([t.text for t in head], groups):
            decoded = _positional(head, n)
            decoded.extra = " ".join(t.text for t in nums[n:])
            return decoded
    shown = " ".join(t.text for t in nums)
    return _nothing(
        n, UNREADABLE, f"有 {len(nums)} 个数值（{shown}），多于 {n} 列", nums[0]
    )


def _splits(strings: list[str], groups) -> bool:
    """True if the strings, one cell each, obey the row's arithmetic."""
    try:
        return bool(split_cells(strings, groups, limit=1))
    except TooAmbiguous:
        return False


def _fewer(nums: list[Token], n: int, groups, truncated: bool) -> Decoded:
    shown = " ".join(t.text for t in nums)
    if all(t.kind == NUM for t in nums):
        try:
            found = split_cells([t.text.replace(",", "") for t in nums], groups)
        except TooAmbiguous:
            return _nothing(
                n, UNREADABLE, f"数字串“{shown}”过长，拆分方式太多", nums[0]
            )
        if found:
            decoded = Decoded([None] * n, [OK] * n, [nums[0]] * n, candidates=found)
            decoded.reason = f"数字串“{shown}”缺少分隔"
            decoded.split = True
            return decoded
        digits = sum(len(t.text.replace(",", "")) for t in nums)
        if digits >= n and any(has_total for _p, has_total in groups):
            # Enough digits for every cell, yet no split makes the totals
            # add up: a printed number is wrong, or a digit was lost.
            return _nothing(
                n,
                UNREADABLE,
                f"数字串“{shown}”缺少分隔，且{NO_CUT_ADDS_UP}"
                "（印刷的数值有误，或有数字缺失）",
                nums[0],
            )
    if truncated:
        got = _positional(nums, len(nums))
        missing = n - len(nums)
        got.values += [None] * missing
        got.status += [MISSING] * missing
        got.tokens += [None] * missing
        got.reason = "文本在此行中断"
        return got
    return _nothing(
        n,
        UNREADABLE,
        f"只有 {len(nums)} 个数值（{shown}），应有 {n} 个，无法确定各数值所在的列",
        nums[0],
    )


def _nothing(n: int, status: str, reason: str, token: Token | None = None) -> Decoded:
    return Decoded([None] * n, [status] * n, [token] * n, reason)


def spread_stacked(read: TableRead, table: TableSpec, n: int, groups) -> None:
    """Labels printed one under another and then all their numbers (text
    taken column by column): rows without numbers, followed by a row with
    ``n`` numbers for each of them, share those numbers out in order, when
    every share obeys the row's arithmetic.  Otherwise nothing changes (and
    the rows stay empty or unreadable: no number is moved on a guess)."""
    order = {spec.key: i for i, spec in enumerate(table.rows)}
    waiting: list[RowRead] = []
    for key, row in read.rows.items():
        nums = [t for t in row.slots if t.kind in (NUM, BAD)]
        if not nums:
            if waiting and order[key] != order[waiting[-1].spec.key] + 1:
                waiting = []
            waiting.append(row)
            continue
        k = len(waiting)
        if k and order[key] == order[waiting[-1].spec.key] + 1:
            _share(waiting + [row], nums, n, groups)
        waiting = []


def _share(rows: list[RowRead], nums: list[Token], n: int, groups) -> None:
    if len(nums) != len(rows) * n or any(t.kind != NUM for t in nums):
        return
    shares = [nums[i * n : (i + 1) * n] for i in range(len(rows))]
    if all(_splits([t.text for t in share], groups) for share in shares):
        for row, share in zip(rows, shares, strict=True):
            row.slots = share


def fill_gaps(read: TableRead, table: TableSpec, n: int) -> int:
    """Rows whose labels could not be read at all (OCR: ``(CARY=AhGR``) but
    that sit, with ``n`` numbers each, exactly where rows are missing
    between two rows that were read: they are those rows, in order.  Their
    labels then differ from the format's, which LABELS reports.  Return how
    many rows were placed so."""
    order = {spec.key: i for i, spec in enumerate(table.rows)}
    found = sorted(order[key] for key in read.rows)
    gaps: dict[int, list[RowRead]] = {}
    for after, orphan in read.orphans:
        if sum(t.kind in (NUM, BAD) for t in orphan.slots) == n and not (
            after >= 0
            and squeeze(table.rows[after].label).endswith(squeeze(orphan.norm))
        ):  # not the end of the label of the row before (``不明确``)
            gaps.setdefault(after, []).append(orphan)
    filled = 0
    for after, orphans in gaps.items():
        following = next((i for i in found if i > after), None)
        if following is None or following - after - 1 != len(orphans):
            continue
        for i, orphan in enumerate(orphans, start=after + 1):
            spec = table.rows[i]
            read.rows[spec.key] = RowRead(spec, orphan.label, orphan.at, orphan.slots)
            filled += 1
    read.rows = dict(sorted(read.rows.items(), key=lambda item: order[item[0]]))
    return filled
