"""Ruled tables from rule lines: cells, merged cells, and the words in them.

Rule segments on one line are joined; segments that touch form a table
(two horizontal and two vertical rules at least).  The distinct rule
positions cut the table into a grid; two neighbouring grid cells with no
rule between them are one merged cell.  Each cell is given once, in the
grid row where it starts, with the words whose centre lies in it, as
pdfplumber's ``Table.extract`` gives them (a merged cell once, an empty
cell as ``""``).
"""

from bisect import bisect_right
from dataclasses import dataclass, field

TOLERANCE = 2.0  # points: rules this close are one line; ends this close touch


@dataclass
class Table:
    """One ruled table: its box and its rows, top to bottom, each a list of
    ``(column, text)`` for the cells that start in it (columns from 1)."""

    x0: float
    top: float
    x1: float
    bottom: float
    rows: list[list[tuple[int, str]]] = field(default_factory=list)

    def contains(self, word: dict) -> bool:
        x = (word["x0"] + word["x1"]) / 2
        y = (word["top"] + word["bottom"]) / 2
        return self.x0 <= x <= self.x1 and self.top <= y <= self.bottom


def find_tables(horizontal, vertical, words: list[dict]) -> list[Table]:
    """Return the ruled tables of a page, each with its cell texts."""
    h = _merge(horizontal)
    v = _merge(vertical)
    tables = []
    for hs, vs in _components(h, v):
        if len(hs) >= 2 and len(vs) >= 2:
            tables.append(_Grid(hs, vs).table(words))
    return sorted(tables, key=lambda t: t.top)


def cell_boxes(horizontal, vertical) -> list[tuple[float, float, float, float]]:
    """The box ``(x0, top, x1, bottom)`` of every cell of every ruled table."""
    boxes = []
    for hs, vs in _components(_merge(horizontal), _merge(vertical)):
        if len(hs) >= 2 and len(vs) >= 2:
            boxes += _Grid(hs, vs).boxes()
    return boxes


def _merge(segments) -> list[tuple[float, float, float]]:
    """Join segments on one line (within TOLERANCE) that overlap or touch."""
    out: list[list[float]] = []
    for at, a, b in sorted(segments):
        a, b = min(a, b), max(a, b)
        same = [s for s in out[-8:] if abs(s[0] - at) <= TOLERANCE]
        target = next((s for s in same if a <= s[2] + TOLERANCE and b >= s[1]), None)
        if target is None:
            out.append([at, a, b])
        else:
            target[1], target[2] = min(target[1], a), max(target[2], b)
    return [tuple(s) for s in out]


def _touch(h, v) -> bool:
    return (
        h[1] - TOLERANCE <= v[0] <= h[2] + TOLERANCE
        and v[1] - TOLERANCE <= h[0] <= v[2] + TOLERANCE
    )


def _components(h, v):
    """Group rules that touch (directly or through others) into tables."""
    parent = list(range(len(h) + len(v)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, hs in enumerate(h):
        for j, vs in enumerate(v):
            if _touch(hs, vs):
                parent[find(i)] = find(len(h) + j)
    groups: dict[int, tuple[list, list]] = {}
    for i, hs in enumerate(h):
        groups.setdefault(find(i), ([], []))[0].append(hs)
    for j, vs in enumerate(v):
        groups.setdefault(find(len(h) + j), ([], []))[1].append(vs)
    return list(groups.values())


def _positions(values: list[float]) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > TOLERANCE:
            out.append(value)
    return out


def _covers(rules, at: float, point: float) -> bool:
    return any(
        abs(r[0] - at) <= TOLERANCE and r[1] - TOLERANCE <= point <= r[2] + TOLERANCE
        for r in rules
    )


class _Grid:
    def __init__(self, horizontal, vertical):
        self.h = horizontal
        self.v = vertical
        self.ys = _positions([r[0] for r in horizontal])
        self.xs = _positions([r[0] for r in vertical])
        self.rows = len(self.ys) - 1
        self.cols = len(self.xs) - 1
        self.owner = list(range(self.rows * self.cols))
        self._merge_cells()

    def _find(self, i: int) -> int:
        while self.owner[i] != i:
            self.owner[i] = self.owner[self.owner[i]]
            i = self.owner[i]
        return i

    def _join(self, a: int, b: int) -> None:
        a, b = self._find(a), self._find(b)
        self.owner[max(a, b)] = min(a, b)  # the top-left cell owns the group

    def _merge_cells(self) -> None:
        xs, ys = self.xs, self.ys
        for r in range(self.rows):
            middle_y = (ys[r] + ys[r + 1]) / 2
            for c in range(self.cols):
                middle_x = (xs[c] + xs[c + 1]) / 2
                here = r * self.cols + c
                if c + 1 < self.cols and not _covers(self.v, xs[c + 1], middle_y):
                    self._join(here, here + 1)
                if r + 1 < self.rows and not _covers(self.h, ys[r + 1], middle_x):
                    self._join(here, here + self.cols)

    def _cell_of(self, word: dict) -> int | None:
        x = (word["x0"] + word["x1"]) / 2
        y = (word["top"] + word["bottom"]) / 2
        c = bisect_right(self.xs, x) - 1
        r = bisect_right(self.ys, y) - 1
        if 0 <= c < self.cols and 0 <= r < self.rows:
            return self._find(r * self.cols + c)
        return None

    def boxes(self) -> list[tuple[float, float, float, float]]:
        spans: dict[int, list[int]] = {}  # owner → [r0, c0, r1, c1]
        for i in range(self.rows * self.cols):
            r, c = divmod(i, self.cols)
            span = spans.setdefault(self._find(i), [r, c, r, c])
            span[2], span[3] = max(span[2], r), max(span[3], c)
        return [
            (self.xs[c0], self.ys[r0], self.xs[c1 + 1], self.ys[r1 + 1])
            for r0, c0, r1, c1 in spans.values()
        ]

    def table(self, words: list[dict]) -> Table:
        box = Table(self.xs[0], self.ys[0], self.xs[-1], self.ys[-1])
        texts: dict[int, list[dict]] = {}
        for word in words:
            if box.contains(word):
                cell = self._cell_of(word)
                if cell is not None:
                    texts.setdefault(cell, []).append(word)
        for r in range(self.rows):
            row = []
            for c in range(self.cols):
                i = r * self.cols + c
                if self._find(i) == i:
                    row.append((c + 1, cell_text(texts.get(i, []))))
            if row:
                box.rows.append(row)
        return box


def cell_text(words: list[dict]) -> str:
    """The words of a cell as lines (top to bottom), words apart by a space."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return "\n".join(
        " ".join(w["text"] for w in sorted(line, key=lambda w: w["x0"]))
        for line in lines
    )
