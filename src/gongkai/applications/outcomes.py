"""The 21 outcomes of a concluded application: the leaf rows of table 三
(国办公开办函〔2021〕30号), with the article each rests on and what a reply of
that kind must contain.  Pure data, no Django.

R22: every concluded application has exactly one of these codes; the 2019
trial format's single （六）其他处理 row is the sum of ``other_1``..``other_3``.
"""

from dataclasses import dataclass

from gongkai.report.schema import FORMAT_2021

OUTCOME_ROWS = tuple(row for row in FORMAT_2021.rows if row.outcome)
OUTCOME_KEYS = tuple(row.key for row in OUTCOME_ROWS)
OTHER_2021 = ("other_1", "other_2", "other_3")

DISCLOSED = "disclosed"
PARTIALLY_DISCLOSED = "partially_disclosed"
WITHHELD_THIRD_PARTY = "withheld_4"
UNABLE_STILL_UNCLEAR = "unable_3"
NOT_PROCESSED_EXCESSIVE = "not_processed_4"
ABANDONED_NO_CORRECTION = "other_1"
ABANDONED_UNPAID_FEE = "other_2"


@dataclass(frozen=True)
class OutcomeRule:
    """What the law asks of a reply with this outcome."""

    article: str  # the article the reply cites
    needs_legal_basis: bool = False  # R24: refusals state the legal reason
    refusal: bool = False  # R25: 不予公开 → 复议前置 notice


RULES = {
    "disclosed": OutcomeRule("《条例》第三十六条第（一）项、第（二）项"),
    "partially_disclosed": OutcomeRule(
        "《条例》第三十七条", needs_legal_basis=True, refusal=True
    ),
    "withheld_1": OutcomeRule("《条例》第十四条", True, True),
    "withheld_2": OutcomeRule("《条例》第十四条", True, True),
    "withheld_3": OutcomeRule("《条例》第十四条", True, True),
    "withheld_4": OutcomeRule("《条例》第十五条、第三十二条", True, True),
    "withheld_5": OutcomeRule("《条例》第十六条第一款", True, True),
    "withheld_6": OutcomeRule("《条例》第十六条第二款", True, True),
    "withheld_7": OutcomeRule("《条例》第十六条第二款", True, True),
    "withheld_8": OutcomeRule("《条例》第三十六条第（七）项", True, True),
    "unable_1": OutcomeRule("《条例》第三十六条第（四）项、第（五）项"),
    "unable_2": OutcomeRule("《条例》第三十八条"),
    "unable_3": OutcomeRule("《条例》第三十条"),
    "not_processed_1": OutcomeRule("《条例》第三十九条第一款"),
    "not_processed_2": OutcomeRule("《条例》第三十六条第（六）项"),
    "not_processed_3": OutcomeRule("《条例》第三十九条第二款"),
    "not_processed_4": OutcomeRule("《条例》第三十五条"),
    "not_processed_5": OutcomeRule("《条例》第三十六条"),
    "other_1": OutcomeRule("《条例》第三十条"),
    "other_2": OutcomeRule("国办函〔2020〕109号"),
    "other_3": OutcomeRule("《条例》"),
}


def label(key: str) -> str:
    """Return the official row label, prefixed by its group:
    ``（三）不予公开 · 1.属于国家秘密``."""
    row = FORMAT_2021.row(key)
    return f"{row.group} · {row.label}" if row.group else row.label


def short_label(key: str) -> str:
    """Return a label for lists: the group name without its number and the
    leaf text without its number (不予公开：属于国家秘密)."""
    row = FORMAT_2021.row(key)
    if row.group is None:
        return row.label[3:].split("（", 1)[0]
    return f"{row.group[3:]}：{row.label.split('.', 1)[1]}"


def choices() -> list[tuple[str, str]]:
    return [(key, label(key)) for key in OUTCOME_KEYS]


def grouped_choices() -> list[tuple[str, list[tuple[str, str]]] | tuple[str, str]]:
    """Return choices grouped by the table's groups, for a <select>."""
    grouped: list = []
    for row in OUTCOME_ROWS:
        if row.group is None:
            grouped.append((row.key, row.label))
        elif (
            grouped and isinstance(grouped[-1][1], list) and grouped[-1][0] == row.group
        ):
            grouped[-1][1].append((row.key, row.label))
        else:
            grouped.append((row.group, [(row.key, row.label)]))
    return grouped


def row_2019(key: str) -> str:
    """Return the 2019-format row of an outcome: ``other`` for other_1..3."""
    return "other" if key in OTHER_2021 else key


def is_refusal(key: str) -> bool:
    return RULES[key].refusal


def group_of(key: str) -> str:
    """Return the key prefix (``withheld``, ``unable``, …) naming the letter
    template family of an outcome."""
    if not key:
        return ""  # a reply template for every outcome
    return key.rsplit("_", 1)[0] if key[-1].isdigit() else key
