"""Decode digit runs whose cell separators were lost (``640020470``).

A row is read as a list of number strings; each pure digit string may hold
several cells.  :func:`split_cells` returns every way of cutting them into
the row's cells that obeys the table's structure: no leading zeros (``0``
alone is fine), at most MAX_DIGITS digits, a cell never spans two strings,
and in each group with a total the total equals the sum of the group's
other cells, none of them negative (table 三: six applicant columns + 总计;
table 四: three groups of four + 总计).  A string that is not plain ASCII
digits (``-3``) is one cell whatever it holds.

The search runs from the end of the row, so that each group's total is
known before its parts and bounds them; it gives up after ``budget`` steps.
"""

from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

MAX_DIGITS = 12


class TooAmbiguous(Exception):
    """The search exceeded its budget."""


@dataclass(frozen=True)
class Role:
    total: bool = False  # the group's total cell
    first: bool = False  # the first part of a group that has a total
    bounded: bool = False  # a part of a group that has a total


@dataclass(frozen=True)
class _Layout:
    """What the search needs to know of a row's groups, worked out once."""

    roles: tuple[Role, ...]
    bounded_before: tuple[int, ...]  # per cell: earlier cells sharing its bound
    first_total: int  # the index of the first group's total, or -1


@lru_cache(maxsize=64)
def _layout(groups: tuple[tuple[int, bool], ...]) -> _Layout:
    cell_roles = roles(groups)
    bounded_before = []
    run = 0
    for role in cell_roles:
        run = run + 1 if role.bounded and not role.first else 0
        bounded_before.append(run)
    first_total = (
        bounded_before.index(0, 1) if cell_roles and cell_roles[0].first else -1
    )
    return _Layout(cell_roles, tuple(bounded_before), first_total)


def roles(groups: tuple[tuple[int, bool], ...]) -> tuple[Role, ...]:
    """``groups`` = ``((parts, has_total), …)`` in column order."""
    out = []
    for parts, has_total in groups:
        out += [
            Role(first=has_total and i == 0, bounded=has_total) for i in range(parts)
        ]
        if has_total:
            out.append(Role(total=True))
    return tuple(out)


def split_cells(
    strings: list[str],
    groups: list[tuple[int, bool]],
    limit: int = 256,
    budget: int = 20000,
) -> list[tuple[int, ...]]:
    """Return every decoding; raise :class:`TooAmbiguous` when there are
    more than ``limit`` or finding them takes more than ``budget`` steps
    (a list cut short could hide the true decoding)."""
    search = _Search(strings, _layout(tuple(map(tuple, groups))), limit + 1, budget)
    search.run()
    if len(search.results) > limit:
        raise TooAmbiguous
    return search.results


class _Search:
    def __init__(self, strings, layout: _Layout, limit, budget):
        self.s = "".join(strings)
        self.roles = layout.roles
        # For each cell, how many cells before it share its group's bound.
        self.bounded_before = layout.bounded_before
        self.first_total = layout.first_total
        self.limit = limit
        self.budget = budget
        self.results: list[tuple[int, ...]] = []
        # For each character, where its string starts; atomic strings hold
        # one cell whatever their characters (e.g. "-3").
        self.lo: list[int] = []
        self.atomic: list[bool] = []
        at = 0
        for string in strings:
            plain = string.isdigit() and string.isascii()
            self.lo += [at] * len(string)
            self.atomic += [not plain] * len(string)
            at += len(string)
        # Digit sums of each prefix: a number is congruent to the sum of its
        # digits modulo 9, so however a prefix is cut into cells, the cells
        # sum to its digit sum modulo 9.  Used for the first group's total,
        # when every string is plain digits.
        self.digit_sum: list[int] = []
        if not any(self.atomic):
            self.digit_sum = list(accumulate(map(int, self.s), initial=0))

    def run(self):
        if len(self.s) >= len(self.roles):
            self._cell(len(self.s), len(self.roles) - 1, None, [])

    def _cell(self, end: int, i: int, remaining, acc: list[int]):
        self.budget -= 1
        if self.budget < 0:
            raise TooAmbiguous
        if len(self.results) >= self.limit:
            return
        if i < 0:
            if end == 0:
                self.results.append(tuple(reversed(acc)))
            return
        if self.atomic[end - 1]:
            self._atomic_cell(end, i, remaining, acc)
        elif self.roles[i].first:
            self._first_part(end, i, remaining, acc)
        else:
            self._cut(end, i, remaining, acc)

    def _first_part(self, end: int, i: int, remaining: int, acc: list[int]):
        """The group's first part is what is left of its total: one
        candidate, no search."""
        text = str(remaining)
        start = end - len(text)
        if (
            start >= max(self.lo[end - 1], i)
            and (i > 0 or start == 0)
            and self.s[start:end] == text
        ):
            acc.append(remaining)
            self._cell(start, i - 1, None, acc)
            acc.pop()

    def _cut(self, end: int, i: int, remaining, acc: list[int]):
        """Try each way of cutting cell ``i`` from the digits before ``end``."""
        s, role = self.s, self.roles[i]
        longest = len(str(remaining)) if role.bounded else MAX_DIGITS
        if self.digit_sum and end > self._room(i, longest):
            # More digits left than the remaining cells can hold (counted
            # in characters: only where every string is plain digits).
            return
        floor = max(self.lo[end - 1], i, end - longest)
        if i == 0 and floor > 0:
            return  # the row's first cell must start the row
        # Cells 0…i-1 are the whole prefix and this total is their sum: the
        # prefix's digit sum must agree with it modulo 9.
        digit_sum = self.digit_sum if i == self.first_total else None
        for start in range(end - 1, floor - 1, -1):
            if start < end - 1 and s[start] == "0":
                continue  # a leading zero
            if i == 0 and start > 0:
                continue
            value = int(s[start:end])
            if role.total:
                if digit_sum and (digit_sum[start] - value) % 9:
                    continue
                nxt = value
            elif role.bounded:
                if value > remaining:
                    break  # longer numbers are larger still
                nxt = remaining - value
            else:
                nxt = None
            acc.append(value)
            self._cell(start, i - 1, nxt, acc)
            acc.pop()

    def _atomic_cell(self, end: int, i: int, remaining, acc: list[int]):
        """A cell read from a string that is one cell whatever it holds."""
        lo = self.lo[end - 1]
        text = self.s[lo:end]
        value = _atomic(text)
        if value is None or lo < i or (i == 0 and lo > 0):
            return
        if sum(char.isdigit() for char in text) > MAX_DIGITS:
            return
        nxt = self._next_remaining(self.roles[i], value, remaining)
        if nxt is not False:
            acc.append(value)
            self._cell(lo, i - 1, nxt, acc)
            acc.pop()

    def _room(self, i: int, longest: int) -> int:
        """The most digits cells 0…i can hold: those of this group up to
        the group's bound, the ones before it up to MAX_DIGITS each."""
        if not self.roles[i].bounded:
            return (i + 1) * MAX_DIGITS
        same = self.bounded_before[i] + 1
        return same * longest + (i + 1 - same) * MAX_DIGITS

    @staticmethod
    def _next_remaining(role: Role, value: int, remaining):
        """Return the sum still to place in the group, or False if impossible."""
        if role.total:
            return value
        if not role.bounded:
            return None
        if value < 0 or value > remaining:
            return False
        if role.first:
            return None if value == remaining else False
        return remaining - value


def _atomic(text: str):
    try:
        return int(text)
    except ValueError:
        return None
