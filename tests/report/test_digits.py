"""``split_cells`` against a brute-force reference: every cut of the digit
strings into the row's cells, kept when it obeys the structure."""

from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.report.parse.digits import MAX_DIGITS, TooAmbiguous, split_cells

GROUPS = [
    [(6, True)],
    [(2, True)] * 3,
    [(3, False)],
    [(2, False), (3, True)],
    [(1, True)],
    [(1, True), (2, False)],
]
# Strings that are not plain ASCII digits: each is one cell, whatever it holds.
ATOMIC = ["-3", "-0", "+5", "\u0663", "-12", "1.5"]


def _plain(string: str) -> bool:
    return string.isdigit() and string.isascii()


def _cuts(k, strings):
    """Every way to cut the strings into k pieces, none spanning two strings,
    a string that is not plain digits kept whole."""
    if not strings:
        if k == 0:
            yield []
        return
    first, rest = strings[0], strings[1:]
    most = min(k, len(first)) if _plain(first) else min(k, 1)
    for pieces in range(1, most + 1):
        for points in combinations(range(1, len(first)), pieces - 1):
            bounds = (0, *points, len(first))
            head = [first[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
            for tail in _cuts(k - pieces, rest):
                yield head + tail


def _value(cell: str):
    if _plain(cell):
        ok = len(cell) <= MAX_DIGITS and (len(cell) == 1 or cell[0] != "0")
        return int(cell) if ok else None
    try:
        value = int(cell)
    except ValueError:
        return None
    return value if sum(c.isdigit() for c in cell) <= MAX_DIGITS else None


def _obeys(values, groups) -> bool:
    at = 0
    for parts, has_total in groups:
        group = values[at : at + parts + has_total]
        if has_total and (
            sum(group[:-1]) != group[-1] or any(v < 0 for v in group[:-1])
        ):
            return False
        at += parts + has_total
    return True


def _reference(strings, groups):
    n = sum(parts + has_total for parts, has_total in groups)
    found = set()
    for cells in _cuts(n, strings):
        values = [_value(c) for c in cells]
        if None not in values and _obeys(values, groups):
            found.add(tuple(values))
    return sorted(found)


@st.composite
def rows(draw):
    groups = draw(st.sampled_from(GROUPS))
    values = []
    for parts, has_total in groups:
        cells = draw(
            st.lists(
                st.one_of(st.integers(0, 9), st.integers(0, 120)),
                min_size=parts,
                max_size=parts,
            )
        )
        values += cells + ([sum(cells)] if has_total else [])
    text = [str(v) for v in values]
    # join neighbouring cells at random, as a converter that lost separators
    joins = draw(
        st.lists(st.booleans(), min_size=len(text) - 1, max_size=len(text) - 1)
    )
    strings = [text[0]]
    for join, cell in zip(joins, text[1:], strict=True):
        if join:
            strings[-1] += cell
        else:
            strings.append(cell)
    # sometimes a cell printed otherwise (``-3``): one cell whatever it holds
    if draw(st.integers(0, 3)) == 0:
        at = draw(st.integers(0, len(strings) - 1))
        strings[at] = draw(st.sampled_from(ATOMIC))
    # sometimes change one digit: a misprinted number
    elif draw(st.booleans()):
        at = draw(st.integers(0, len(strings) - 1))
        digit = draw(st.integers(0, 9))
        s = strings[at]
        pos = draw(st.integers(0, len(s) - 1))
        strings[at] = s[:pos] + str(digit) + s[pos + 1 :]
    return strings, groups, tuple(values)


@settings(max_examples=300, deadline=None)
@given(rows())
def test_split_cells_finds_exactly_the_valid_cuts(row):
    strings, groups, _truth = row
    try:
        got = sorted(split_cells(strings, groups, limit=10_000, budget=10**7))
    except TooAmbiguous:
        raise AssertionError(f"budget exceeded on {strings}") from None
    assert got == _reference(strings, groups)


@settings(max_examples=200, deadline=None)
@given(rows(), st.integers(0, 4))
def test_split_cells_gives_up_past_its_limit(row, limit):
    strings, groups, _truth = row
    every = _reference(strings, groups)
    if len(every) > limit:
        with pytest.raises(TooAmbiguous):
            split_cells(strings, groups, limit=limit, budget=10**7)
    else:
        assert sorted(split_cells(strings, groups, limit=limit)) == every


def test_split_cells_first_part_is_what_the_total_leaves():
    # 3 + 0 + 12 + 0 + 0 + 0 = 15: the first cell is read from the total
    assert split_cells(["3012000", "15"], [(6, True)]) == [(3, 0, 12, 0, 0, 0, 15)]
    # a first part that cannot be what is left: no decoding
    assert split_cells(["4012000", "15"], [(6, True)]) == []


def test_a_cell_printed_otherwise_counts_as_one_cell_of_its_digits():
    # "-0" is one cell of one digit: the 4-digit room of the later parts is
    # not taken by its two characters
    assert split_cells(["-0", "4", "111", "5", "5839217"], [(6, True)]) == [
        (0, 4, 111, 5, 58, 39, 217)
    ]
    assert split_cells(["\u0660\u0665", "3", "8"], [(2, True)]) == [(5, 3, 8)]
    # and never more than MAX_DIGITS digits
    assert split_cells(["-1234567890123", "5"], [(2, False)]) == []
