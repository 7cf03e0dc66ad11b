"""Decode digit runs whose cell separators were lost (``640020470``).

A row is read as a list of number strings; each pure digit string may hold
several cells.  :func:`split_cells` returns every way of cutting them into
the row's cells that obeys the table's structure: no leading zeros (``0``
alone is fine), a cell never spans two strings, and in each group with a
total the total equals the sum of the group's other cells (table 三: six
applicant columns + 总计; table 四: three groups of four + 总计).

The search runs from the end of the row, so that each group's total is
known before its parts and bounds them; it gives up after ``budget`` steps.
"""

from dataclasses import dataclass

MAX_DIGITS = 12


class TooAmbiguous(Exception):
    """The search exceeded its budget."""


@dataclass(frozen=True)
class Role:
    total: bool = False  # the group's total cell
    first: bool = False  # the first part of a group that has a total
    bounded: bool = False  # a part of a group that has a total


def roles(groups: list[tuple[int, bool]]) -> list[Role]:
    """``groups`` = ``[(parts, has_total), …]`` in column order."""
    out = []
    for parts, has_total in groups:
        out += [
            Role(first=has_total and i == 0, bounded=has_total) for i in range(parts)
        ]
        if has_total:
            out.append(Role(total=True))
    return out


def split_cells(
    strings: list[str],
    groups: list[tuple[int, bool]],
    limit: int = 256,
    budget: int = 20000,
) -> list[tuple[int, ...]]:
    """Return every decoding; raise :class:`TooAmbiguous` when there are
    more than ``limit`` or finding them takes more than ``budget`` steps
    (a list cut short could hide the true decoding)."""
    search = _Search(strings, roles(groups), limit + 1, budget)
    search.run()
    if len(search.results) > limit:
        raise TooAmbiguous
    return search.results


class _Search:
    def __init__(self, strings, cell_roles, limit, budget):
        self.s = "".join(strings)
        self.roles = cell_roles
        self.limit = limit
        self.budget = budget
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
        self.results: list[tuple[int, ...]] = []
        # For each cell, how many cells before it share its group's bound.
        self.bounded_before = []
        run = 0
        for role in self.roles:
            run = run + 1 if role.bounded and not role.first else 0
            self.bounded_before.append(run)

    def run(self):
        if len(self.s) >= len(self.roles):
            self._cell(len(self.s), len(self.roles) - 1, None, [])

    def _options(self, end: int, i: int, longest: int):
        lo = self.lo[end - 1]
        if self.atomic[end - 1]:
            value = _atomic(self.s[lo:end])
            return [] if value is None or lo < i else [(lo, value)]
        out = []
        for start in range(end - 1, max(lo, i, end - longest) - 1, -1):
            text = self.s[start:end]
            if len(text) == 1 or text[0] != "0":
                out.append((start, int(text)))
        return out

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
        role = self.roles[i]
        longest = len(str(remaining)) if role.bounded else MAX_DIGITS
        if end > self._room(i, longest):
            return  # more digits left than the remaining cells can hold
        for start, value in self._options(end, i, longest):
            if start > 0 and i == 0:
                continue
            nxt = self._next_remaining(role, value, remaining)
            if nxt is False:
                continue
            acc.append(value)
            self._cell(start, i - 1, nxt, acc)
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
