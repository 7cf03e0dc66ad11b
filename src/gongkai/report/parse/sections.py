"""Where the six sections start, and the report's agency and year.

Everything here works on the normalised text (:func:`clean.normalise`).
A heading is ``一、`` … ``六、`` followed by its words, at the start of a
line or after punctuation, a digit or a space (web pages flattened to one
line put headings straight after a table's last number).
"""

import itertools
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

_HEADING_START = re.compile(rf"[一二三四五六](?={_SEP})")


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
    after = 0
    for found in _HEADING_START.finditer(norm):
        # Only where a numeral and its separator stand (the whole pattern
        # tried at every offset took longer than the rest of this search),
        # and, as a scan would, not inside the heading found before.
        if found.start() < after:
            continue
        match = _ANY_HEADING.match(norm, found.start())
        if match is None:
            continue
        after = match.end()
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

# Not the name of the national format (《…政府信息公开工作年度报告格式》),
# which nearly every report cites in its first lines.
_TITLE = re.compile(r"政府信息公开(?:工作)?年度报告(?!\s*格)")
_YEAR = r"((?:19|20)\d{2})\s*年度?"
_AGENCY = r"[\u4e00-\u9fff()（）]{2,40}"
_BEFORE_YEAR = re.compile(rf"((?:{_AGENCY}?)?)\s*{_YEAR}\s*$")
_AFTER_YEAR = re.compile(rf"{_YEAR}\s*({_AGENCY})$")
_ONLY_YEAR = re.compile(rf"^{_YEAR}$")
_ENDS_WITH_YEAR = re.compile(rf"{_YEAR}$")
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
    """Return agency and year from the title (in ``norm[:head_end]``).

    The title is looked for on one line or wrapped onto the next; if there
    is none, or none with a year, wrapped over one or two lines put in
    between (a page number, a mirror site's notice)."""
    head = norm[: max(head_end, 0) or 3000][:6000]
    raw = head.split("\n")
    lines = [line.strip() for line in raw]
    found = None
    for skip in (0, 1, 2):
        title = _first_title(norm, raw, lines, skip)
        if title is not None and (title.year or found is None):
            found = title
        if found is not None and found.year:
            break
    if found is None:
        return Title(_quoted_title(norm[:6000]), None)
    return Title(_extend_from_source(found.agency, head), found.year, found.where)


def _first_title(norm: str, raw: list[str], lines: list[str], skip: int):
    for i, _line in enumerate(lines):
        joined = _join_title(lines, i, skip)
        if joined is None:
            continue
        match = _TITLE.search(joined)
        prefix = joined[: match.start()]
        if (
            prefix.rfind("《") > prefix.rfind("》")
            and joined[match.end() :][:1] != "》"
        ):
            continue  # another document cited by name (《…年度报告格式》 broken)
        agency, year = _parse_title(joined, lines[:i])
        if agency or year:
            start = sum(len(line) + 1 for line in raw[: i + 1])
            body = norm[start : start + 20000].replace("\n", "")
            lead = _LEAD.match(prefix)
            above = lines[:i] + ([lead.group()] if lead else [])
            return Title(_confirmed(agency, above, body), year, i)
    return None


def _join_title(lines: list[str], i: int, skip: int = 0) -> str | None:
    """Return line ``i`` (joined with the next when the title wraps; with
    ``skip``, with the line after the ``skip`` lines put in between)."""
    line = lines[i]
    if _TITLE.search(line):
        return line if not skip else None
    if not line or _PUNCT.search(line):
        return None
    following = [x for x in lines[i + 1 : i + 6] if x][: skip + 1]
    if len(following) < 1 + skip:
        return None
    nxt = following[skip]
    if len(line) + len(nxt) > 60:
        return None
    match = _TITLE.search(line + nxt)
    # Over lines put in between: the words 政府信息公开…年度报告 broken by
    # them, or the year printed above them (the lines skipped are then not
    # the title's); never a name line that ends in 政府 joined to the words.
    if match and (
        not skip
        or match.start() < len(line) < match.end()
        or (match.start() == len(line) and _ENDS_WITH_YEAR.search(line))
    ):
        return line + nxt
    return None


_LEAD = re.compile(r"[\u4e00-\u9fff()（）]+")


def _confirmed(agency: str | None, before: list[str], body: str) -> str | None:
    """The agency as the report's own text names it.

    A name wrapped over lines with a page number or a mirror site's line
    put in between can be joined wrongly from the title alone.  Names made
    of one to three of the five nearest lines above the title (with the
    name the title's line begins with, if any; in order, ending like an
    agency's name) are compared with the text after the title, which names
    the agency again (``2023年，某某局深入贯彻…``): the longest one found
    there wins, unless it is only a part of the title's reading (whose own
    mention the damage broke); if none is, the title's reading stays."""
    near = [x for x in before[-7:] if x and _FRAGMENT.fullmatch(x)][-5:]
    options = {agency} if agency else set()
    for size in (1, 2, 3):
        for parts in itertools.combinations(near, size):
            name = "".join(parts)
            if len(name) <= 40 and _NAME_END.search(name):
                options.add(name)
    found = [
        name
        for name in options
        if name in body and (not agency or name == agency or name not in agency)
    ]
    return max(sorted(found), key=lambda n: (len(n), n == agency)) if found else agency


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
    """The agency on a line above the title: of the two nearest lines that
    could be a name (within four lines: page numbers and notices a mirror
    site put in between are passed over), the nearer, unless only the other
    ends like an agency's name."""
    names = []
    for i in range(len(before) - 1, max(len(before) - 5, -1), -1):
        if before[i]:
            name = _with_line_above(before[i], before[:i])
            if re.fullmatch(_AGENCY, name):
                names.append(name)
                if len(names) == 2:
                    break
    return next((n for n in names if _NAME_END.search(n)), names[0] if names else None)


def _with_line_above(name: str, before: list[str]) -> str:
    """A name wrapped over two lines (``海东市平安区古`` / ``城回族乡人民政府``):
    the line right above, if it is an unfinished name, begins it; or the
    line above that, when one line (a page number, a mirror site's notice)
    was put in between."""
    if not _FRAGMENT.fullmatch(name):
        return name
    for upper in before[-1:-3:-1]:
        if (
            0 < len(upper) <= 20
            and re.fullmatch(_AGENCY, upper)
            and (
                len(name) <= 4
                or (_PLACE.search(upper) and not _WHOLE_NAME.search(upper))
            )
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
