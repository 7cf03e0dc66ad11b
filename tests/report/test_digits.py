"""``split_cells`` against a brute-force reference: every cut of the digit
strings into the row's cells, kept when it obeys the structure."""

from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.report.parse.digits import MAX_DIGITS, TooAmbiguous, split_cells

GROUPS = [
    [(6, True)],
    [(2, True)] * 3,
    [(3, False)],
    [(2, False), (3, True)],
]


def _cuts(k, strings):
    """Every way to cut the strings into k pieces, none spanning two strings."""
    if not strings:
        if k == 0:
            yield []
        return
    first, rest = strings[0], strings[1:]
    for pieces in range(1, min(k, len(first)) + 1):
        for points in combinations(range(1, len(first)), pieces - 1):
            bounds = (0, *points, len(first))
            head = [first[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
            for tail in _cuts(k - pieces, rest):
                yield head + tail


def _obeys(cells, groups) -> bool:
    if any((len(c) > 1 and c[0] == "0") or len(c) > MAX_DIGITS for c in cells):
        return False
    values, at = [int(c) for c in cells], 0
    for parts, has_total in groups:
        group = values[at : at + parts + has_total]
        if has_total and sum(group[:-1]) != group[-1]:
            return False
        at += parts + has_total
    return True


def _reference(strings, groups):
    n = sum(parts + has_total for parts, has_total in groups)
    return sorted(
        tuple(int(c) for c in cells)
        for cells in _cuts(n, strings)
        if _obeys(cells, groups)
    )


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
    # sometimes change one digit: a misprinted number
    if draw(st.booleans()):
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


def test_split_cells_first_part_is_what_the_total_leaves():
    # 3 + 0 + 12 + 0 + 0 + 0 = 15: the first cell is read from the total
    assert split_cells(["3012000", "15"], [(6, True)]) == [(3, 0, 12, 0, 0, 0, 15)]
    # a first part that cannot be what is left: no decoding
    assert split_cells(["4012000", "15"], [(6, True)]) == []
