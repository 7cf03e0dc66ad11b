"""A generated corpus of annual reports for testing and benchmarking the reader.

Each case is reproducible from ``(seed, format, index)``:

- :func:`random_report` draws a complete report that satisfies every rule
  of ``spec/report-json.md`` §6 with realistic magnitudes (sparse tables:
  mostly zeros and small counts, some thousands) and a narrative that
  states table figures as real reports do;
- :func:`extract_text` turns its PDF into the text a mirror site or a
  converter publishes (``pdftotext -layout``, ``pdftotext`` in reading
  order, or PDFium's copy-and-paste order);
- :data:`DEGRADATIONS` damage that text the ways real copies are damaged:
  lines broken and labels split over lines, cells run together without a
  separator, traditional characters, advertising lines and strings injected
  by mirror sites, inline pinyin, full-width digits, page numbers;
- :func:`compare` says, cell by cell, whether the reader got the report
  back: equal, left null with a CELL-UNREADABLE finding whose candidate
  decodings include the true value (the only acceptable miss: the text no
  longer decides the cell), or wrong;
- :func:`break_cell` changes one number of a consistent table, for the
  test that the checks then name that cell.

Generation draws from :class:`random.Random` only (no Hypothesis), so the
benchmarks and the CLI can build thousands of reports quickly.
"""

import itertools
import random
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from functools import lru_cache

from .model import AnnualReport
from .schema import (
    APPEAL_GROUPS,
    N_APPEAL_COLUMNS,
    SCHEMA_ID,
    TOTAL_COLUMN,
    get_format,
)

LAYOUTS = ("2021", "2019")
YEARS = {"2019": (2019, 2020), "2021": (2021, 2025)}
AGENCIES = (
    "青海省人民政府办公厅",
    "海东市人民政府",
    "海东市平安区人民政府",
    "海东市平安区古城回族乡人民政府",
    "海东市平安区三合镇人民政府",
    "海东市乐都区人民政府办公室",
    "海东市生态环境局",
    "海东市自然资源和规划局",
    "上海市人民政府办公厅",
    "淮安市人民政府",
    "武汉市汉阳区人民政府办公室",
    "兴化市大营镇人民政府",
    "国家统计局",
)


# --- numbers ----------------------------------------------------------------


def _count(rng: random.Random, small: int, large: int) -> int:
    """0, a small count or a large one, each a third of the time."""
    kind = rng.randrange(3)
    if kind == 0:
        return 0
    return rng.randint(1, small) if kind == 1 else rng.randint(small + 1, large)


def _person(rng):
    return _count(rng, 30, 3000)


def _organisation(rng):
    return _count(rng, 10, 300)


def _small(rng):
    return _count(rng, 20, 500)


def _large(rng):
    return _count(rng, 500, 500_000)


def _column(rng: random.Random, outcome_keys, person: bool) -> dict[str, int]:
    draw = _person if person else _organisation
    used = rng.sample(outcome_keys, rng.randint(0, min(8, len(outcome_keys))))
    cells = {key: draw(rng) if key in used else 0 for key in outcome_keys}
    cells["total"] = sum(cells.values())
    cells["carried_forward"] = draw(rng)
    before = rng.randint(0, cells["total"] + cells["carried_forward"])
    cells["carried_over"] = before
    # 表三勾稽关系：第一项加第二项之和，等于第三项加第四项之和.
    cells["new"] = cells["total"] + cells["carried_forward"] - before
    return cells


def _applications(rng: random.Random, format: str) -> dict[str, list[int]]:
    fmt = get_format(format)
    outcome_keys = list(fmt.outcome_keys)
    columns = [_column(rng, outcome_keys, c == 0) for c in range(TOTAL_COLUMN)]
    rows = {}
    for key in fmt.row_keys:
        parts = [column[key] for column in columns]
        rows[key] = [*parts, sum(parts)]
    return rows


def _appeals(rng: random.Random) -> dict[str, list[int]]:
    out = {}
    for group in APPEAL_GROUPS:
        parts = [_small(rng) for _ in range(N_APPEAL_COLUMNS - 1)]
        out[group.key] = [*parts, sum(parts)]
    return out


def _documents_2021(rng):
    issued = _small(rng)
    return {"issued": issued, "repealed": _small(rng), "in_force": _small(rng) + issued}


def _proactive_2021(rng: random.Random) -> dict:
    return {
        "regulations": _documents_2021(rng),
        "normative_documents": _documents_2021(rng),
        "licensing": _large(rng),
        "penalty": _large(rng),
        "enforcement": _large(rng),
        # 万元 with at most four decimals, as printed.
        "fees_10k_yuan": rng.randint(0, 10**9) / 10**4,
    }


def _items_2019(rng):
    previous = _large(rng)
    # 本年增/减 is signed; the count cannot fall below zero.
    return {
        "previous": previous,
        "change": rng.randint(-previous, 500),
        "decisions": _large(rng),
    }


def _documents_2019(rng):
    made = _small(rng)
    return {"made": made, "published": made, "total_public": made + _small(rng)}


def _proactive_2019(rng: random.Random) -> dict:
    previous_fees = _small(rng)
    return {
        "regulations": _documents_2019(rng),
        "normative_documents": _documents_2019(rng),
        "licensing": _items_2019(rng),
        "other_services": _items_2019(rng),
        "penalty": _items_2019(rng),
        "enforcement": _items_2019(rng),
        "fees": {
            "previous": previous_fees,
            "change": rng.randint(-previous_fees, 20),
        },
        "procurement": {
            "projects": _small(rng),
            "amount": f"{rng.randint(0, 10**8)}元",
        },
    }


# --- narrative ----------------------------------------------------------------

_OVERVIEW = (
    "{year}年，{agency}深入贯彻落实《中华人民共和国政府信息公开条例》，"
    "坚持以公开为常态、不公开为例外，持续推进政务公开标准化规范化建设。",
    "（一）主动公开。全年通过政府门户网站主动公开政府信息{posts}条，"
    "发布政策解读{readings}篇，回应社会关切{responses}次。",
    "（二）依申请公开。本年度共收到政府信息公开申请{new}件，"
    "上年结转{carried}件，办结{concluded}件。",
    "（三）政府信息管理。严格落实公开前保密审查制度，动态更新政府信息公开指南。",
    "（四）政府信息公开平台建设。完善政府网站政府信息公开专栏，"
    "优化栏目设置，提升检索和下载的便利程度。",
    "（五）监督保障。将政府信息公开工作纳入年度绩效考核，组织业务培训{trainings}场。",
)
_PROBLEMS = (
    "（一）存在的主要问题：一是主动公开的深度和广度有待加强；"
    "二是政策解读形式较为单一；三是基层工作人员业务能力仍需提升。",
    "（二）改进情况：加强业务培训，规范依申请公开办理流程，"
    "丰富解读形式，及时回应公众关切。",
)
_OTHER = (
    "无。",
    "本年度未收取信息处理费。",
    "依据《政府信息公开信息处理费管理办法》，本年度未发生收费情况。",
)


def _sections(rng: random.Random, data: dict) -> dict:
    totals = {k: v[TOTAL_COLUMN] for k, v in data["applications"].items()}
    overview = "\n".join(_OVERVIEW).format(
        year=data["year"],
        agency=data["agency"],
        posts=rng.randint(50, 20000),
        readings=rng.randint(0, 300),
        responses=rng.randint(0, 200),
        new=totals["new"],
        carried=totals["carried_over"],
        concluded=totals["total"],
        trainings=rng.randint(1, 12),
    )
    return {
        "overview": overview,
        "problems": "\n".join(_PROBLEMS),
        "other": rng.choice(_OTHER),
    }


def random_report(rng: random.Random, format: str) -> AnnualReport:
    """Return a consistent report in ``format`` ("2021" or "2019")."""
    data = {
        "schema": SCHEMA_ID,
        "format": format,
        "year": rng.randint(*YEARS[format]),
        "agency": rng.choice(AGENCIES),
        "proactive": (_proactive_2021 if format == "2021" else _proactive_2019)(rng),
        "applications": _applications(rng, format),
        "appeals": _appeals(rng),
        "findings": [],
    }
    data["sections"] = _sections(rng, data)
    return AnnualReport.model_validate(data)


def case_rng(seed: int, format: str, index: int) -> random.Random:
    """The generator of case ``index`` of ``format`` in corpus ``seed``."""
    return random.Random(f"{seed}/{format}/{index}")


# --- documents and their text -------------------------------------------------

EXTRACTIONS = ("layout", "raw", "pdfium")
# The conversions the reader must read back whole; ``raw`` (pdftotext's
# reading order, which moves labels away from their numbers) is measured only.
CONVERTERS = ("layout", "pdfium")


def have_pdftotext() -> bool:
    return shutil.which("pdftotext") is not None


def extract_text(pdf: bytes, how: str) -> str:
    """Return the text of ``pdf`` as a converter gives it.

    ``layout``: ``pdftotext -layout`` (columns kept by spaces); ``raw``:
    ``pdftotext`` (reading order, table cells on their own lines);
    ``pdfium``: PDFium's text order, what copying from a browser's PDF
    viewer gives.
    """
    if how == "pdfium":
        return _pdfium_text(pdf)
    command = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if how == "layout" else [])
    done = subprocess.run(
        [*command, "-", "-"], input=pdf, capture_output=True, check=True
    )
    return done.stdout.decode("utf-8")


def _pdfium_text(pdf: bytes) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        pages = []
        for page in document:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range().replace("\r\n", "\n"))
            textpage.close()
            page.close()
    finally:
        document.close()
    return "\n".join(pages)


# --- degradations ---------------------------------------------------------------

_CJK = "\u4e00-\u9fff"
_ADVERTS = (
    "本站部分内容来源于网络，如有侵权请联系删除",
    "更多政务资讯请关注本站微信公众号",
    "【打印本页】【关闭窗口】【字体：大 中 小】",
    "分享到：微信 微博 QQ空间",
    "免责声明：本页面内容仅供参考",
)
_INLINE_JUNK = (
    "uedbet体育_uedbet官网@:",
    "bet365_bet365体育在线@：",
    "sbobet_sbobet官网@",
)
_PINYIN = ("(zhèng)", "(fǔ)", "（gōng）", "(kāi)", "(nián)", "（bào）", "(xiàn)")
_PAGE_NUMBERS = ("- {n} -", "— {n} —", "第 {n} 页 共 {m} 页", "{n}/{m}", "－{n}－")
_HEADING = re.compile(r"^\s*[一二三四五六][、.]\D*$")
_LABEL_RUN = re.compile(rf"[{_CJK}（）()“”、，.0-9]*?[{_CJK}]{{4,}}")
# Two numbers apart; not a decimal, a signed number or an amount with its
# unit (采购总金额 “…元”), which no rule of the table could split again.
_NUMBER_GAP = re.compile(r"(?<![\d.\-])(\d+)([ \t\u3000]+|\n\s*)(?=\d+(?![\d.]|万?元))")


def break_lines(text: str, rng: random.Random) -> str:
    """Break some lines inside their Chinese text: narrative lines re-wrap,
    row labels split over two lines (the numbers stay on the second)."""
    out = []
    for line in text.split("\n"):
        found = _LABEL_RUN.search(line)
        cuts = (
            [
                i
                for i in range(found.start() + 3, found.end())
                if _is_cjk(line[i]) and not line[i - 1].isdigit()
            ]
            if found
            else []
        )
        if cuts and not _HEADING.match(line) and rng.random() < 0.3:
            cut = rng.choice(cuts)
            out += [line[:cut], line[cut:]]
        else:
            out.append(line)
    return "\n".join(out)


def join_cells(text: str, rng: random.Random) -> str:
    """Drop the separator between some neighbouring numbers (``640020470``)."""
    return _NUMBER_GAP.sub(
        lambda m: m.group(1) if rng.random() < 0.35 else m.group(0), text
    )


def traditional(text: str, rng: random.Random) -> str:
    """The whole text in traditional characters (a Hong Kong or Taiwan mirror)."""
    return _to_traditional().convert(text)


@lru_cache(maxsize=1)
def _to_traditional():
    import opencc

    return opencc.OpenCC("s2t")


def adverts(text: str, rng: random.Random) -> str:
    """Advertising lines between lines and mirror strings inside them."""
    out = []
    for line in text.split("\n"):
        if rng.random() < 0.04:
            out.append(rng.choice(_ADVERTS))
        if rng.random() < 0.05:
            line = _insert_between_chinese(line, rng.choice(_INLINE_JUNK), rng)
        out.append(line)
    return "\n".join(out)


def pinyin(text: str, rng: random.Random) -> str:
    """Inline pinyin after some characters, as in ``镇(zhèn)``."""
    return "\n".join(
        _insert_between_chinese(line, rng.choice(_PINYIN), rng)
        if rng.random() < 0.1
        else line
        for line in text.split("\n")
    )


def full_width(text: str, rng: random.Random) -> str:
    """Digits (and some spaces) in their full-width forms."""
    table = {ord(d): chr(ord(d) + 0xFEE0) for d in "0123456789"}
    if rng.random() < 0.5:
        table[ord(" ")] = "\u3000"
    return text.translate(table)


def page_numbers(text: str, rng: random.Random) -> str:
    """Page-number lines at random places, inside tables too."""
    lines = text.split("\n")
    pages = max(2, len(lines) // 40)
    for n in range(pages, 0, -1):
        form = rng.choice(_PAGE_NUMBERS).format(n=n, m=pages)
        lines.insert(rng.randrange(len(lines) + 1), form)
    return "\n".join(lines)


def _insert_between_chinese(line: str, piece: str, rng: random.Random) -> str:
    spots = [
        i for i in range(1, len(line)) if _is_cjk(line[i - 1]) and _is_cjk(line[i])
    ]
    if not spots:
        return line
    at = rng.choice(spots)
    return line[:at] + piece + line[at:]


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


DEGRADATIONS = {
    "break_lines": break_lines,
    "join_cells": join_cells,
    "traditional": traditional,
    "adverts": adverts,
    "pinyin": pinyin,
    "full_width": full_width,
    "page_numbers": page_numbers,
}


def degrade(text: str, rng: random.Random, names) -> str:
    """Apply the named degradations in the order of :data:`DEGRADATIONS`."""
    for name, function in DEGRADATIONS.items():
        if name in names:
            text = function(text, rng)
    return text


# --- comparing what was read with what was printed ----------------------------

TABLES = ("proactive", "applications", "appeals")


def cell_values(report: AnnualReport) -> dict[str, object]:
    """Every cell of tables 二, 三 and 四 by path (``applications.new[0]``)."""
    data = report.to_json()
    out: dict[str, object] = {}
    for key in TABLES:
        _flatten(data[key], key, out)
    return out


def _flatten(node, path: str, out: dict) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            _flatten(value, f"{path}.{key}", out)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out[f"{path}[{i}]"] = value
    else:
        out[path] = node


@dataclass
class Comparison:
    """How the cells of a report read back compare with the printed ones."""

    equal: int = 0
    ambiguous: list[str] = field(default_factory=list)  # null, truth a candidate
    # of those, the cells whose row the document does not decide: another
    # cut it offers passes every error-level check (see undecided)
    undecided: list[str] = field(default_factory=list)
    wrong: list[tuple[str, object, object]] = field(default_factory=list)
    header: list[str] = field(default_factory=list)  # format, year, agency

    @property
    def cells(self) -> int:
        return self.equal + len(self.ambiguous) + len(self.wrong)

    def add(self, other: "Comparison") -> None:
        self.equal += other.equal
        self.ambiguous += other.ambiguous
        self.undecided += other.undecided
        self.wrong += other.wrong
        self.header += other.header


def compare(expected: AnnualReport, result) -> Comparison:
    """Compare the printed report with a :class:`ParseResult` cell by cell.

    A null cell counts as ambiguous only if a CELL-UNREADABLE finding names
    it and the true value is among at least two decodings the reader kept.
    """
    got = cell_values(result.report)
    unreadable = {
        path
        for f in result.report.findings
        if f.rule == "CELL-UNREADABLE"
        for path in f.cells
    }
    out = Comparison()
    for path, want in cell_values(expected).items():
        have = got.get(path)
        if have == want and type(have) is type(want):
            out.equal += 1
        elif have is None and path in unreadable and _possible(result, path, want):
            out.ambiguous.append(path)
        else:
            out.wrong.append((path, want, have))
    for key in ("format", "year", "agency"):
        if getattr(expected, key) != getattr(result.report, key):
            out.header.append(key)
    if out.ambiguous:
        out.undecided = undecided(expected, result, out.ambiguous)
    return out


def undecided(expected: AnnualReport, result, paths: list[str]) -> list[str]:
    """Return the cells of ``paths`` that the document cannot decide: some
    complete reading of it — the printed report with rows replaced by other
    decodings the reader found for their digit runs (``result.decodings``)
    — passes every error-level check that the printed report passes and
    differs from it in that cell.  Rows are tried one at a time, then
    together (a pair of table 三 rows may only fit the column equations
    jointly).  A cell no such reading changes was decidable: the reader
    gave up too early."""
    wanted = set(paths)
    rows = [(c, o) for c, o in result.decodings.items() if wanted & set(c)]
    fits = _Fits(expected)
    found: set[str] = set()
    for cells, options in rows:
        for option in options:
            found |= fits.changed({cells: option})
    if wanted - found and len(rows) > 1:
        combos = itertools.product(*(options for _cells, options in rows))
        for combo in itertools.islice(combos, 4096):
            found |= fits.changed(dict(zip((c for c, _o in rows), combo, strict=True)))
    return [p for p in paths if p in found]


class _Fits:
    """Readings of a printed report with some rows replaced, checked."""

    def __init__(self, printed: AnnualReport):
        self.printed = printed
        self.errors = self._errors(printed)

    @staticmethod
    def _errors(report: AnnualReport) -> set:
        from .checks import check

        return {
            (f.rule, tuple(f.cells)) for f in check(report) if f.severity == "error"
        }

    def changed(self, rows: dict[tuple[str, ...], tuple]) -> set[str]:
        """The cells this reading changes, if it passes every check the
        printed report passes; else none."""
        data = self.printed.to_json()
        changed = set()
        for cells, option in rows.items():
            for path, value in zip(cells, option, strict=True):
                if value != self.printed.cell(path):
                    _set_cell(data, path, value)
                    changed.add(path)
        if not changed:
            return set()
        if not self._errors(AnnualReport.model_validate(data)) <= self.errors:
            return set()
        return changed


def _set_cell(data: dict, path: str, value) -> None:
    """Set ``applications.new[3]`` or ``proactive.regulations.issued``."""
    keys = path.replace("]", "").replace("[", ".").split(".")
    node = data
    for key in keys[:-1]:
        node = node[int(key)] if isinstance(node, list) else node[key]
    last = keys[-1]
    node[int(last) if isinstance(node, list) else last] = value


def _possible(result, path: str, want) -> bool:
    values = result.candidates.get(path, [])
    return len(values) >= 2 and want in values


# --- cases: a report, its documents, and every way of reading it back ---------

DOCUMENTS = ("html", "docx", "pdf")
FAITHFUL = tuple(n for n in DEGRADATIONS if n != "join_cells")


@dataclass
class Case:
    """One generated report and its rendered documents."""

    format: str
    index: int
    report: AnnualReport
    documents: dict[str, bytes]


def build_case(
    seed: int, format: str, index: int, cache=None, report=None, tag: str = ""
) -> Case:
    """Render case ``index`` (or ``report``) to HTML, DOCX and PDF; with a
    ``cache`` folder, documents rendered before are read from it."""
    from .render import render

    if report is None:
        report = random_report(case_rng(seed, format, index), format)
    documents = {}
    for kind in DOCUMENTS:
        path = cache / f"{seed}-{format}-{index:04d}{tag}.{kind}" if cache else None
        if path is not None and path.exists():
            documents[kind] = path.read_bytes()
            continue
        documents[kind] = render(report, kind, findings=[])
        if path is not None:
            path.write_bytes(documents[kind])
    return Case(format, index, report, documents)


def variants(extractions=CONVERTERS, degradations=None):
    """Return ``(name, extraction, degradations)`` for the ways of reading a
    case: the documents themselves, then each extraction of the PDF as
    converted, with each degradation alone and with all of them."""
    names = tuple(DEGRADATIONS) if degradations is None else tuple(degradations)
    out = [(kind, None, ()) for kind in DOCUMENTS]
    for how in extractions:
        out.append((how, how, ()))
        out += [(f"{how}+{name}", how, (name,)) for name in names]
        out.append((f"{how}+all", how, names))
    return out


def sources(case: Case, chosen, seed: int = 0):
    """Yield ``(name, source)``: what the reader is given for each variant."""
    texts: dict[str, str] = {}
    for name, how, names in chosen:
        if how is None:
            yield name, case.documents[name]
            continue
        if how not in texts:
            texts[how] = extract_text(case.documents["pdf"], how)
        rng = random.Random(f"{seed}/{case.format}/{case.index}/{name}")
        yield name, degrade(texts[how], rng, names)


def read_back(case: Case, chosen, seed: int = 0) -> dict[str, Comparison]:
    """Read every variant of ``case`` and compare it with the report."""
    from .parse import read_detailed

    return {
        name: compare(case.report, read_detailed(source))
        for name, source in sources(case, chosen, seed)
    }


def break_cell(report: AnnualReport, rng: random.Random):
    """Return ``(report, path)``: one cell of table 三 or 四 changed, so the
    table is no longer consistent."""
    fmt = get_format(report.format)
    paths = [f"applications.{k}[{i}]" for k in fmt.row_keys for i in range(7)]
    paths += [
        f"appeals.{g.key}[{i}]" for g in APPEAL_GROUPS for i in range(N_APPEAL_COLUMNS)
    ]
    path = rng.choice(paths)
    value = report.cell(path)
    delta = rng.randint(1, 50)
    changed = value - delta if value >= delta and rng.random() < 0.5 else value + delta
    data = report.to_json()
    table, _, rest = path.partition(".")
    key, _, index = rest.partition("[")
    data[table][key][int(index.rstrip("]"))] = changed
    return AnnualReport.model_validate(data), path


def caught(case: Case, path: str, chosen, seed: int = 0) -> dict[str, bool]:
    """For each variant: do the checks of the report read back name ``path``
    in an error?"""
    outcomes = broken_outcomes(case, path, chosen, seed)
    return {name: outcome == "error" for name, outcome in outcomes.items()}


def broken_outcomes(case: Case, path: str, chosen, seed: int = 0) -> dict[str, str]:
    """For each variant, what became of the broken cell ``path``:
    ``error`` (an error of the checks names it), ``unbalanced`` (its digits
    ran together, and it is left null with a CELL-UNREADABLE finding that
    names it and says no cut of the row adds up, or that the cut which does
    breaks table 三's column equations: the checks, made on every reading
    of the digits), ``unreadable`` (null with another CELL-UNREADABLE
    finding) or ``silent`` (the break went unreported)."""
    from .checks import check
    from .parse import read
    from .parse.rows import CUT_BREAKS_COLUMNS, NO_CUT_ADDS_UP

    out = {}
    for name, source in sources(case, chosen, seed):
        report = read(source)
        unreadable = [
            f
            for f in report.findings
            if f.rule == "CELL-UNREADABLE" and path in f.cells
        ]
        if any(path in f.cells for f in check(report) if f.severity == "error"):
            out[name] = "error"
        elif _cell_or_none(report, path) is not None or not unreadable:
            out[name] = "silent"
        elif any(
            NO_CUT_ADDS_UP in f.message or CUT_BREAKS_COLUMNS in f.message
            for f in unreadable
        ):
            out[name] = "unbalanced"
        else:
            out[name] = "unreadable"
    return out


def _cell_or_none(report: AnnualReport, path: str):
    try:
        return report.cell(path)
    except KeyError:  # the row was not read at all
        return None


# --- a corpus on disk -------------------------------------------------------


def generate(folder, per_layout: int, seed: int = 0, jobs: int = 2) -> list:
    """Render ``per_layout`` cases of each layout into ``folder`` (kept
    between runs: only missing files are rendered) and return their
    ``(layout, index)`` in order."""
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    folder.mkdir(parents=True, exist_ok=True)
    cases = [(layout, i) for layout in LAYOUTS for i in range(per_layout)]
    todo = [
        c
        for c in cases
        if not all(
            (folder / f"{seed}-{c[0]}-{c[1]:04d}.{kind}").exists() for kind in DOCUMENTS
        )
    ]
    work = partial(_render_case, folder, seed)
    if jobs > 1 and len(todo) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            list(pool.map(work, todo, chunksize=4))
    else:
        for case in todo:
            work(case)
    return cases


def _render_case(folder, seed: int, case) -> None:
    build_case(seed, case[0], case[1], cache=folder)


def pdf_paths(folder, cases, seed: int = 0) -> list:
    return [folder / f"{seed}-{layout}-{i:04d}.pdf" for layout, i in cases]


# --- scans ---------------------------------------------------------------------


def scan(pdf: bytes, dpi: int = 200, angle: float = 0.0, noise: float = 0.0, seed=0):
    """Return ``pdf`` as a scanner makes it: every page an image (grey, at
    ``dpi``), turned by ``angle`` degrees, with a share ``noise`` of specks,
    in a PDF with no text layer."""
    import io

    import pypdfium2
    from PIL import Image

    rng = random.Random(seed)
    document = pypdfium2.PdfDocument(pdf)
    images = []
    try:
        for page in document:
            image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            page.close()
            if angle:
                image = image.rotate(angle, resample=Image.BILINEAR, fillcolor=255)
            if noise:
                _specks(image, noise, rng)
            images.append(image)
    finally:
        document.close()
    out = io.BytesIO()
    images[0].save(
        out, "PDF", save_all=True, append_images=images[1:], resolution=float(dpi)
    )
    return out.getvalue()


def _specks(image, share: float, rng: random.Random) -> None:
    pixels = image.load()
    for _ in range(int(image.width * image.height * share)):
        x, y = rng.randrange(image.width), rng.randrange(image.height)
        pixels[x, y] = 0 if rng.random() < 0.5 else 255
