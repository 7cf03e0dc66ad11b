"""Where the six sections start, and the report's agency and year.

Everything here works on the normalised text (:func:`clean.normalise`).
A heading is ``一、`` … ``六、`` followed by its words, at the start of a
line or after punctuation, a digit or a space (web pages flattened to one
line put headings straight after a table's last number).
"""

import re
from collections import Counter
from dataclasses import dataclass

_NOT_AFTER = r"(?<![\u4e00-\u9fff])"
_SEP = r"\s*[、.,]\s*"
_GAP = r"[^\n。;\d\x1e\x1f]{0,16}?"
HEADING_PATTERNS = (
    rf"一{_SEP}(?:总体情况|总体概况|基本情况|概述)",
    rf"二{_SEP}(?:行政机关)?主动公开政府信息(?:的)?情况",
    rf"三{_SEP}(?:收到和处理|收到及处理|受理和处理){_GAP}(?:申请(?:的)?(?:办理)?)?情况",
    rf"四{_SEP}{_GAP}(?:行政复议|行政诉讼){_GAP}情况",
    rf"五{_SEP}{_GAP}(?:存在的|存在)?主要问题(?:及其|及|和|与)?(?:改进|整改)?(?:情况|措施)?",
    rf"六{_SEP}其他需要报告的事项|六{_SEP}其他(?:需要报告的)?事项",
)
_ANY_HEADING = re.compile(
    _NOT_AFTER
    + "(?:"
    + "|".join(f"(?P<h{i}>{p})" for i, p in enumerate(HEADING_PATTERNS, 1))
    + ")"
)


@dataclass(frozen=True)
class Heading:
    number: int  # 1..6
    start: int
    end: int


def find_headings(norm: str) -> list[Heading]:
    """Return one heading per section, in text order: the first that starts
    a line, else the first anywhere (a page flattened to one line).  A
    preamble listing "一、总体情况，二、…" inside a sentence is passed over
    when the real headings stand on their own lines."""
    first: dict[int, Heading] = {}
    at_line_start: dict[int, Heading] = {}
    for match in _ANY_HEADING.finditer(norm):
        number = int(match.lastgroup[1:])
        heading = Heading(number, match.start(), match.end())
        first.setdefault(number, heading)
        if _starts_line(norm, match.start()):
            at_line_start.setdefault(number, heading)
    chosen = first | at_line_start
    return sorted(chosen.values(), key=lambda h: h.start)


def _starts_line(text: str, at: int) -> bool:
    line_start = text.rfind("\n", 0, at) + 1
    return not text[line_start:at].strip(" \t\x1e\x1f\u3000")


# --- title: agency and year --------------------------------------------------

_TITLE = re.compile(r"政府信息公开(?:工作)?年度报告")
_YEAR = r"((?:19|20)\d{2})\s*年度?"
_AGENCY = r"[\u4e00-\u9fff()（）]{2,40}"
_BEFORE_YEAR = re.compile(rf"((?:{_AGENCY}?)?)\s*{_YEAR}\s*$")
_AFTER_YEAR = re.compile(rf"{_YEAR}\s*({_AGENCY})$")
_ONLY_YEAR = re.compile(rf"^{_YEAR}$")
_SOURCE = re.compile(r"(?:信息来源|发布机构|来源)\s*[:：]\s*([\u4e00-\u9fff]{2,40})")
_PERIOD = re.compile(
    r"统计(?:期限|时间|期间)[^\n。]{0,12}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日"
)
_ANY_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_PUNCT = re.compile(r"[,.;:!?，。；：！？、\s]")


@dataclass(frozen=True)
class Title:
    agency: str | None
    year: int | None
    where: int | None = None


def find_title(norm: str, head_end: int) -> Title:
    """Return agency and year from the title (in ``norm[:head_end]``)."""
    head = norm[: max(head_end, 0) or 3000][:6000]
    lines = [line.strip() for line in head.split("\n")]
    for i, _line in enumerate(lines):
        joined = _join_title(lines, i)
        if joined is None:
            continue
        agency, year = _parse_title(joined, lines[:i])
        if agency or year:
            return Title(_extend_from_source(agency, head), year, i)
    return Title(_quoted_title(norm[:6000]), None)


def _join_title(lines: list[str], i: int) -> str | None:
    """Return line ``i`` (joined with the next when the title wraps)."""
    line = lines[i]
    if _TITLE.search(line):
        return line
    nxt = next((x for x in lines[i + 1 : i + 4] if x), "")
    if line and nxt and len(line) + len(nxt) <= 60 and not _PUNCT.search(line):
        if _TITLE.search(line + nxt):
            return line + nxt
    return None


def _parse_title(line: str, before: list[str]) -> tuple[str | None, int | None]:
    match = _TITLE.search(line)
    prefix = line[: match.start()]
    prefix = re.split(r"[:：《\s]|标题", prefix)[-1] if prefix else ""
    found = _BEFORE_YEAR.search(prefix)
    if found:
        return _name_before_year(line, prefix[: found.start(2)], before), int(
            found.group(2)
        )
    found = _AFTER_YEAR.search(prefix)
    if found:
        return _agency(found.group(2)), int(found.group(1))
    if re.fullmatch(_AGENCY, prefix or "-"):
        return _agency(prefix), None
    return None, None


_WHOLE_NAME = re.compile(
    r"(?:政府|办公厅|办公室|局|委员会|委|厅|院|署|中心|办事处|公司|首页|[)）])$"
)


_PLACE = re.compile(r"[省市区县州旗盟乡镇]")
_FRAGMENT = re.compile(r"[\u4e00-\u9fff()（）]+")
_NAME_END = re.compile(
    r"(?:政府|办公厅|办公室|局|委员会|委|厅|院|署|中心|办事处|乡|镇|[)）])$"
)


def _name_before_year(line: str, name: str, before: list[str]) -> str | None:
    """The agency printed before the year, on this line or the ones above."""
    name = name.strip()
    if not name or not _FRAGMENT.fullmatch(name):
        return _agency(_previous_line_agency(before))
    if line.startswith(name):
        name = _with_line_above(name, before)
        above = _previous_line_agency(before)
        if not _NAME_END.search(name) and above and _NAME_END.search(above):
            name = above  # a line put in between the name and the title
    return _agency(name) if re.fullmatch(_AGENCY, name) else None


def _previous_line_agency(before: list[str]) -> str | None:
    """The agency on a line above the title: the nearest line, unless the
    next one up ends like an agency's name and it does not (a line put in
    between by a mirror site)."""
    names = []
    for i in range(len(before) - 1, max(len(before) - 5, -1), -1):
        if before[i]:
            names.append(_with_line_above(before[i], before[:i]))
            if len(names) == 2:
                break
    names = [n for n in names if re.fullmatch(_AGENCY, n)]
    return next((n for n in names if _NAME_END.search(n)), names[0] if names else None)


def _with_line_above(name: str, before: list[str]) -> str:
    """A name wrapped over two lines (``海东市平安区古`` / ``城回族乡人民政府``):
    the line right above, if it is an unfinished name, begins it."""
    upper = before[-1] if before else ""
    if (
        _FRAGMENT.fullmatch(name)
        and 0 < len(upper) <= 20
        and re.fullmatch(_AGENCY, upper)
        and (len(name) <= 4 or (_PLACE.search(upper) and not _WHOLE_NAME.search(upper)))
        and len(upper) + len(name) <= 40
    ):
        return upper + name
    return name


def _agency(text: str | None) -> str | None:
    if not text:
        return None
    text = re.sub(r"^(?:关于|当前位置)", "", text)
    return text if len(text) >= 2 else None


def _extend_from_source(agency: str | None, head: str) -> str | None:
    """``大营镇`` + ``信息来源:兴化市大营镇`` → ``兴化市大营镇``."""
    if not agency:
        return agency
    match = _SOURCE.search(head)
    if match and agency in match.group(1) and len(match.group(1)) > len(agency):
        return match.group(1)
    return agency


def _quoted_title(text: str) -> str | None:
    match = re.search(
        rf"《({_AGENCY}?)\s*(?:{_YEAR})?\s*政府信息公开(?:工作)?年度报告》", text
    )
    return _agency(match.group(1)) if match else None


def find_year(norm: str, title: Title) -> int | None:
    """Return the report year: title, else statistics period, else most cited."""
    if title.year:
        return title.year
    match = _PERIOD.search(norm)
    if match:
        return int(match.group(1))
    years = Counter(int(y) for y in _ANY_YEAR.findall(norm[:20000]))
    if not years:
        return None
    best = max(years.values())
    return next(
        y for y in (int(x) for x in _ANY_YEAR.findall(norm)) if years[y] == best
    )
