"""NARRATIVE: numbers stated in the text compared with the tables.

Reports often summarise table 三 and table 四 in section 一 ("共收到政府信息公开
申请 859 件", "行政复议 7 件，均获维持").  When such a sentence contradicts the
table, one of them is wrong; the 2021 format forbids inaccurate content
(国办公开办函〔2021〕30号 “明确责任”).  Only well-delimited phrases are read, so
that numbers about other things (规章 13 件, 政策解读 132 件) are never taken
for application counts.
"""

import re
import unicodedata
from dataclasses import dataclass

from ..model import AnnualReport, Finding
from ..schema import (
    APPEAL_COLUMNS,
    N_APPEAL_COLUMNS,
    NARRATIVE_SECTIONS,
    SECTION_HEADINGS,
    TOTAL_COLUMN,
)
from .rules import finding

_NUMBER = r"([0-9]+|[零〇一二两三四五六七八九十百]+)\s*(?:件|起)"
_APPLICATION = r"(?:各类|的)?(?:政府信息公开|信息公开|公开)?申请(?:件数|数量|数)?(?:共计|合计|总计|共|计|为)?\s*"


@dataclass(frozen=True)
class Claim:
    """A phrase of the text and the table figure it states."""

    name: str
    pattern: re.Pattern
    rows: tuple[str, ...]  # table 三 rows whose 总计 cells add up to the figure


def _claim(name: str, phrase: str, rows: tuple[str, ...]) -> Claim:
    return Claim(name, re.compile(phrase), rows)


_RESULTS = {
    "withheld": tuple(f"withheld_{i}" for i in range(1, 9)),
    "unable": tuple(f"unable_{i}" for i in range(1, 4)),
    "not_processed": tuple(f"not_processed_{i}" for i in range(1, 6)),
    "other": ("other_1", "other_2", "other_3", "other"),
}

TABLE3_CLAIMS = (
    _claim(
        "本年新收申请",
        r"(?:新收到|新收|收到|受理|接收|接到)" + _APPLICATION + _NUMBER,
        ("new",),
    ),
    _claim(
        "上年结转申请",
        r"上一?年度?结转(?:的|下来的)?" + _APPLICATION + _NUMBER,
        ("carried_over",),
    ),
    _claim(
        "办理结果总计",
        r"(?:办结|答复|办理完毕|处理完毕)(?:了)?" + _APPLICATION + _NUMBER,
        ("total",),
    ),
    _claim(
        "结转下年度继续办理",
        r"([0-9]+)\s*件(?:申请)?[^。；;0-9件]{0,24}?(?:结转|顺延)(?:到|至)下一?年度?",
        ("carried_forward",),
    ),
    _claim(
        "结转下年度继续办理",
        r"结转(?:至|到)?下一?年度?(?:继续办理)?(?:的)?(?:申请)?(?:共|为)?\s*" + _NUMBER,
        ("carried_forward",),
    ),
    _claim(
        "予以公开及部分公开",
        r"予以公开(?:及|和|与|、)部分公开(?:的)?(?:申请)?(?:共|为)?\s*" + _NUMBER,
        ("disclosed", "partially_disclosed"),
    ),
    _claim(
        "予以公开", r"予以公开(?:的)?(?:申请)?(?:共|为)?\s*" + _NUMBER, ("disclosed",)
    ),
    _claim(
        "部分公开",
        r"(?<![及和与、])部分公开(?:的)?(?:申请)?(?:共|为)?\s*" + _NUMBER,
        ("partially_disclosed",),
    ),
    _claim(
        "不予公开",
        r"不予公开(?:的)?(?:申请)?(?:共|为)?\s*" + _NUMBER,
        _RESULTS["withheld"],
    ),
    _claim(
        "无法提供",
        r"无法提供(?:的)?(?:申请)?(?:共|为)?\s*" + _NUMBER,
        _RESULTS["unable"],
    ),
    _claim(
        "不予处理",
        r"不予处理(?:的)?(?:申请)?(?:共|为)?\s*" + _NUMBER,
        _RESULTS["not_processed"],
    ),
    _claim(
        "其他处理",
        r"其他处理(?:的)?(?:申请)?(?:共|为)?\s*" + _NUMBER,
        _RESULTS["other"],
    ),
)

_RECONSIDERATION = re.compile(r"行政复议(?:案件|申请)?(?:共|计)?\s*" + _NUMBER)
_LITIGATION = re.compile(r"(?:行政)?诉讼(?:案件)?(?:共|计)?\s*" + _NUMBER)
_ALL_UPHELD = re.compile(r"(?:均|全部|都)(?:获|被|予以)?维持")
_SENTENCE = re.compile(r"[^。；;！？\n]+")

_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}


def chinese_number(text: str) -> int | None:
    """Return the value of ``"859"``, ``"三"``, ``"十二"`` or ``"一百零五"``."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for char in text:
        if char in _DIGITS:
            current = _DIGITS[char]
        elif char in "十百":
            total += (current or 1) * (10 if char == "十" else 100)
            current = 0
        else:
            return None
    return total + current


def check_narrative(report: AnnualReport, table) -> list[Finding]:
    """Return a warning for each number in sections 一、五、六 that the tables
    contradict."""
    findings: list[Finding] = []
    for key, heading in _narratives(report):
        text = unicodedata.normalize("NFKC", getattr(report.sections, key) or "")
        for sentence in _SENTENCE.findall(text):
            where = f"sections.{key}"
            if not table.missing:
                findings += _table3_claims(sentence, table, heading, where)
            findings += _appeal_claims(sentence, report, heading, where)
    return findings


def _narratives(report: AnnualReport):
    for key, index in NARRATIVE_SECTIONS.items():
        if getattr(report.sections, key):
            yield key, SECTION_HEADINGS[index].split("、", 1)[1]


def _table3_claims(sentence: str, table, heading: str, where: str) -> list[Finding]:
    findings, seen = [], set()
    for claim in TABLE3_CLAIMS:
        for match in claim.pattern.finditer(sentence):
            if match.start() in seen:
                continue
            seen.add(match.start())
            stated = chinese_number(match.group(1))
            rows = [r for r in claim.rows if r in table.values]
            if stated is None or not rows:
                continue
            actual = sum(table.values[r][TOTAL_COLUMN] for r in rows)
            if stated != actual:
                cells = [f"applications.{r}[{TOTAL_COLUMN}]" for r in rows]
                findings.append(
                    _contradiction(
                        heading, match.group(0), claim.name, actual, cells, where
                    )
                )
    return findings


def _appeal_total(report: AnnualReport, group: str) -> int:
    row = getattr(report.appeals, group)
    if row[-1] is not None:
        return row[-1]
    return sum(v or 0 for v in row[:-1])


def _appeal_claims(sentence: str, report: AnnualReport, heading: str, where: str):
    groups = {
        "行政复议": (_RECONSIDERATION, ("reconsideration",)),
        "行政诉讼": (
            _LITIGATION,
            ("litigation_direct", "litigation_after_reconsideration"),
        ),
    }
    findings = []
    for name, (pattern, keys) in groups.items():
        match = pattern.search(sentence)
        if match is None:
            continue
        findings += _compare_appeals(name, match, keys, report, heading, where)
        if _ALL_UPHELD.search(sentence[match.end() :]):
            findings += _not_all_upheld(name, keys, report, heading, where)
    return findings


def _compare_appeals(name, match, keys, report, heading, where) -> list[Finding]:
    stated = chinese_number(match.group(1))
    actual = sum(_appeal_total(report, k) for k in keys)
    if stated is None or stated == actual:
        return []
    cells = [f"appeals.{k}[{N_APPEAL_COLUMNS - 1}]" for k in keys]
    return [
        _contradiction(heading, match.group(0), f"{name}总计", actual, cells, where)
    ]


def _not_all_upheld(name, keys, report, heading, where) -> list[Finding]:
    # Columns 结果纠正, 其他结果, 尚未审结 must all be zero when the text says
    # every case was upheld.
    others: dict[str, int] = {}
    cells = []
    for key in keys:
        row = getattr(report.appeals, key)
        for index in range(1, N_APPEAL_COLUMNS - 1):
            if row[index]:
                label = APPEAL_COLUMNS[index].label
                others[label] = others.get(label, 0) + row[index]
                cells.append(f"appeals.{key}[{index}]")
    if not others:
        return []
    detail = "，".join(f"{label} {count}" for label, count in others.items())
    message = f"{heading}：正文称{name}“均获维持”，而表四中{name}{detail}"
    return [finding("NARRATIVE", message, [*cells, where])]


def _contradiction(
    heading: str, phrase: str, name: str, actual: int, cells: list[str], where: str
) -> Finding:
    message = f"{heading}：正文称“{phrase.strip()}”，而表格中{name}为 {actual}"
    return finding("NARRATIVE", message, [*cells, where])
