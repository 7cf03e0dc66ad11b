"""Row labels of tables 二 and 三: how to recognise them in printed text.

Built on :mod:`gongkai.report.schema` (official labels); each row adds the
core words that identify it whatever the wording around them (规范性文件 for
行政规范性文件, 结转下年继续办理, labels broken over lines…).  Structural
text (sub-table headings, column headers, group labels) is recognised too,
so that it is neither taken for a row nor counted in a row's printed label.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from ..schema import (
    APPEAL_COLUMNS,
    APPEAL_GROUPS,
    APPLICANT_COLUMNS,
    APPLICANT_HEADER,
    BALANCE_NOTE,
    GROUP_NOT_PROCESSED,
    GROUP_OTHER,
    GROUP_UNABLE,
    GROUP_WITHHELD,
    LITIGATION_HEADER,
    ORGANISATION_HEADER,
    PROACTIVE_2019,
    PROACTIVE_2021,
    PROACTIVE_FIRST_COLUMN,
    RECONSIDERATION_HEADER,
    RESULTS_BLOCK,
    SECTION_HEADINGS,
    get_format,
)
from .clean import normalise

# Core words of each row of table 三 (normalised text, spaces removed).
APPLICATION_KEYS = {
    "new": r"本年新收",
    "carried_over": r"上年结转",
    "disclosed": r"予以公开",
    "partially_disclosed": r"部分公开",
    "withheld_1": r"国家秘密",
    "withheld_2": r"禁止公开",
    "withheld_3": r"三安全一稳定|危及",
    "withheld_4": r"第三方合法权益",
    "withheld_5": r"内部事务",
    "withheld_6": r"过程性信息",
    "withheld_7": r"行政执法案卷",
    "withheld_8": r"行政查询事项",
    "unable_1": r"不掌握",
    "unable_2": r"另行制作|没有现成信息",
    "unable_3": r"仍不明确|补正后申请内容",
    "not_processed_1": r"信访举报投诉|信访",
    "not_processed_2": r"重复申请",
    "not_processed_3": r"公开出版物",
    "not_processed_4": r"大量反复",
    "not_processed_5": r"重新出具|确认或",
    "other_1": r"逾期不补正",
    "other_2": r"缴纳费用|收费通知",
    "other_3": r"3[.、]其他",
    "other": r"\(六\)其他处理",
    "total": r"\(七\)总计|七[、.]总计",
    "carried_forward": r"结转下年",
}
PROACTIVE_KEYS = {
    "regulations": r"规章",
    "normative_documents": r"规范性文件",
    "licensing": r"行政许可",
    "other_services": r"对外管理服务事项",
    "penalty": r"行政处罚",
    "enforcement": r"行政强制",
    "fees_10k_yuan": r"事业性收费",
    "fees": r"事业性收费",
    "procurement": r"集中采购",
}
# The note ends at its closing bracket or its last words: it must not run on
# into the row labels after it when the bracket was lost.
_NOTE = r"\(?本列数据的?勾稽关系(?:[^()]{0,40}?第四项之和\)?|[^()]{0,60}?\))"
_ANNOTATION = r"(?:\([^()]{1,12}\))?"
_MARKER = re.compile(
    r"^(?:\d[.、]|\([一二三四五六七八九十]\)|[一二三四五六七八九十][、.])"
)
_SPACES = re.compile(r"\s+")
_ORDINAL = re.compile(r"^(\d)[、.]")
_QUOTES = re.compile("[“”‘’\"'「」]")


@lru_cache(maxsize=2048)
def squeeze(text: str) -> str:
    """Normalise a label for comparison: widths, spaces, quotes, ordinals."""
    text = _QUOTES.sub("", _SPACES.sub("", normalise(text)))
    return _ORDINAL.sub(r"\1.", text)


@dataclass(frozen=True)
class RowSpec:
    key: str
    label: str  # official
    fields: tuple[str, ...]  # proactive fields, or () for table 三
    prefix: str  # official label (squeezed) before its core words
    marker: str | None  # regex for the ordinal that starts the label


@dataclass(frozen=True)
class TableSpec:
    rows: tuple[RowSpec, ...]
    pattern: re.Pattern  # groups r0…rn (rows) and s (structural text)

    def matches(self, text: str) -> list[tuple[RowSpec | None, int, int]]:
        out = []
        for m in self.pattern.finditer(text):
            name = m.lastgroup
            spec = None if name == "s" else self.rows[int(name[1:])]
            out.append((spec, m.start(), m.end()))
        return out


def _row_spec(key: str, label: str, core: str, fields=()) -> RowSpec:
    official = squeeze(label)
    found = re.search(core, official)
    prefix = official[: found.start()] if found else ""
    marker = _MARKER.match(official)
    marker_re = None
    if marker:
        text = marker.group()
        body = re.escape(text[:-1]) if text[-1] in "、." else re.escape(text)
        marker_re = body + ("[、.]" if text[-1] in "、." else "")
    return RowSpec(key, label, tuple(fields), prefix, marker_re)


def _compile(
    rows: list[RowSpec], cores: dict[str, str], structural: list[str]
) -> TableSpec:
    parts = [f"(?P<r{i}>{cores[row.key]})" for i, row in enumerate(rows)]
    parts.append("(?P<s>" + "|".join(structural) + ")")
    return TableSpec(tuple(rows), re.compile("|".join(parts)))


@lru_cache(maxsize=4)
def applications_spec(format: str) -> TableSpec:
    fmt = get_format(format)
    rows = [_row_spec(r.key, r.label, APPLICATION_KEYS[r.key]) for r in fmt.rows]
    groups = [GROUP_WITHHELD, GROUP_UNABLE, GROUP_NOT_PROCESSED]
    if format == "2021":
        groups.append(GROUP_OTHER)
    columns = [re.escape(c.label) + _ANNOTATION for c in APPLICANT_COLUMNS[:-2]]
    words = [APPLICANT_HEADER, ORGANISATION_HEADER, RESULTS_BLOCK] + groups
    structural = [_NOTE] + columns + [re.escape(squeeze(w)) for w in words]
    structural[structural.index(re.escape(squeeze(RESULTS_BLOCK)))] = (
        r"三[、.]?本年度办理结果"
    )
    return _compile(rows, APPLICATION_KEYS, structural)


@lru_cache(maxsize=4)
def proactive_spec(format: str) -> TableSpec:
    fmt = get_format(format)
    rows = [
        _row_spec(r.key, r.label, PROACTIVE_KEYS[r.key], r.fields)
        for _t, r in fmt.proactive_rows()
    ]
    headers = {PROACTIVE_FIRST_COLUMN}
    for table in PROACTIVE_2021 + PROACTIVE_2019:
        headers.update(table.columns)
    structural = [r"第二十条第\(?[一二三四五六七八九十]{1,3}\)?项"]
    structural += [
        re.escape(squeeze(h)) + _ANNOTATION
        for h in sorted(headers, key=len, reverse=True)
    ]
    return _compile(rows, PROACTIVE_KEYS, structural)


def printed_label(
    spec: RowSpec, text: str, start: int, left: int, right: int
) -> tuple[str, int]:
    """Return the label as printed around the core words ``text[start:end]``.

    ``left``/``right`` bound the text that can belong to it (the previous and
    next recognised pieces).  Also return where the label starts.  The label starts at its ordinal (``1.``,
    ``(一)``, ``一、``) or, without one, at the longest stretch of the
    official wording before the core words.
    """
    before = text[left:start]
    if spec.marker:
        found = list(re.finditer(spec.marker, before))
        if found:
            before = before[found[-1].start() :]
        else:
            before = _official_tail(before, spec.prefix)
    else:
        before = _official_tail(before, spec.prefix)
    return before + text[start:right], start - len(before)


def _official_tail(before: str, prefix: str) -> str:
    for n in range(min(len(before), len(prefix)), 0, -1):
        if prefix.endswith(before[-n:]):
            return before[-n:]
    return ""


def same_label(printed: str, official: str) -> bool:
    return squeeze(printed) == squeeze(official)


# --- fragments of the merged label cells of table 三 ------------------------

_GROUP_PARTS = {
    "2021": (
        "(三)",
        "(四)",
        "(五)",
        "(六)",
        "不予公开",
        "无法提供",
        "不予处理",
        "其他处理",
    ),
    # The trial format's (六)其他处理 is a row of its own.
    "2019": ("(三)", "(四)", "(五)", "不予公开", "无法提供", "不予处理"),
}
_VERTICAL = squeeze(RESULTS_BLOCK)  # 三、本年度办理结果, one character a line


def structure_fragments(texts: list[str], format: str) -> set[int]:
    """Return the indexes of words that are pieces of merged label cells.

    Converted text (``pdftotext -layout``, unruled PDFs) interleaves the
    vertical 三、本年度办理结果 (one character a line) and the group labels
    (``（三）`` on one line, ``不予公开`` on the next) with the row labels;
    they name no row and break the labels they fall into.  Single
    characters count only when at least four of them spell the block in
    order.
    """
    parts = set(_GROUP_PARTS[format])
    found = {i for i, text in enumerate(texts) if text in parts}
    vertical, at = [], 0
    for i, text in enumerate(texts):
        if len(text) == 1 and text in _VERTICAL[at:]:
            at = _VERTICAL.index(text, at) + 1
            vertical.append(i)
    if len(vertical) >= 4:
        found.update(vertical)
    return found


# --- the words a table may hold -----------------------------------------------


@lru_cache(maxsize=1)
def table_words() -> str:
    """Every official text of the three tables (labels, headers, notes),
    squeezed and joined by ``|``: a line of a table's stretch of text that
    is in none of them is not part of the table."""
    texts = {BALANCE_NOTE, RESULTS_BLOCK, APPLICANT_HEADER, ORGANISATION_HEADER}
    texts.update(SECTION_HEADINGS)
    for fmt in (get_format("2021"), get_format("2019")):
        texts.update(row.label for row in fmt.rows)
        texts.update(row.group for row in fmt.rows if row.group)
        for table, row in fmt.proactive_rows():
            texts.update((table.item, row.label, *table.columns))
    texts.update(c.label for c in APPLICANT_COLUMNS + APPEAL_COLUMNS + APPEAL_GROUPS)
    texts.update((PROACTIVE_FIRST_COLUMN, RECONSIDERATION_HEADER, LITIGATION_HEADER))
    return "|".join(squeeze(t) for t in texts)


@lru_cache(maxsize=4096)
def is_table_text(text: str) -> bool:
    """True if ``text`` (a line without numbers) could be part of a table:
    it is a piece of an official text, or shares four characters in a row
    with one (a label or note worded a little differently)."""
    text, words = squeeze(text), table_words()
    if len(text) < 4 or text in words:
        return text in words
    return any(text[i : i + 4] in words for i in range(len(text) - 3))
