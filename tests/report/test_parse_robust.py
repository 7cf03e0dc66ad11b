"""Bad input gives ReportError (a Chinese message), never a crash or a hang.

The fuzz tests run 200 examples each, and fail on any input that takes
more than 2 s (Hypothesis' deadline).  For a long run set
``GONGKAI_FUZZ_EXAMPLES``; each fuzz test then also prints how many inputs
it read and the slowest of them, e.g.::

    GONGKAI_FUZZ_EXAMPLES=20000 .venv/bin/pytest tests/report/test_parse_robust.py -k fuzz

(the long run and its result are in ``bench/README.md``, section fuzz).
"""

import io
import os
import time
import zipfile
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings, target
from hypothesis import strategies as st

from gongkai.report import AnnualReport, ReportError
from gongkai.report.parse import read
from gongkai.report.render import render
from gongkai.report.schema import FORMAT_2019, FORMAT_2021, SECTION_HEADINGS
from tests.report_fixtures import fixture_text

SEED = "seed-000_b84d2fa2a12aa177"
EXAMPLES = int(os.environ.get("GONGKAI_FUZZ_EXAMPLES", "200"))
# A hang guard for robustness (speed targets live in bench/bench_parse.py).
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=timedelta(seconds=2),
    suppress_health_check=[HealthCheck.too_slow],
)


# Inputs read by the current fuzz test, the slowest one and its time (s).
_TIMES: dict = {"inputs": 0, "slowest": 0.0, "again": None}


@pytest.fixture(autouse=True)
def _fuzz_summary(request):
    _TIMES.update(inputs=0, slowest=0.0, again=None)
    yield
    if "GONGKAI_FUZZ_EXAMPLES" in os.environ and _TIMES["inputs"]:
        again = _TIMES["again"]
        plugins = request.config.pluginmanager
        with plugins.get_plugin("capturemanager").global_and_fixture_disabled():
            plugins.get_plugin("terminalreporter").write_line(
                f"{request.node.name}: {_TIMES['inputs']} inputs, slowest "
                f"{_TIMES['slowest'] * 1000:.1f} ms (the same input read again: "
                f"{_best_of_three(*again) * 1000:.1f} ms)"
            )


def _best_of_three(function, args) -> float:
    """The time of a call, best of three (a pause of the machine or of the
    garbage collector does not repeat; a slow input does)."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        try:
            function(*args)
        except ReportError:
            pass
        best = min(best, time.perf_counter() - started)
    return best


def _timed(function, *args):
    started = time.perf_counter()
    try:
        return function(*args)
    finally:
        seconds = time.perf_counter() - started
        _TIMES["inputs"] += 1
        if seconds > _TIMES["slowest"]:
            _TIMES.update(slowest=seconds, again=(function, args))
        # Steer the search towards slow inputs (the deadline is the guard).
        target(seconds, label="seconds")


def _read_or_refuse(source):
    try:
        report = _timed(read, source)
    except ReportError as exc:
        assert str(exc) and any("\u4e00" <= ch <= "\u9fff" for ch in str(exc))
        return None
    assert isinstance(report, AnnualReport)
    AnnualReport.from_json(report.to_json())  # the result is valid canonical JSON
    return report


# --- refused input ------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "words"),
    [
        (b"", "为空"),
        ("   \n\n", "为空"),
        (bytes(range(256)) * 40, "不是文本"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "图片"),
        (b"\xd0\xcf\x11\xe0" + bytes(64), ".doc"),
        ("hello world\n1 2 3", "无法识别"),
        ("<html><body></body></html>", "无法识别"),
    ],
)
def test_unreadable_input_is_refused(source, words):
    with pytest.raises(ReportError, match=words):
        read(source)


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_zip_without_word_document_is_refused():
    with pytest.raises(ReportError, match="word/document.xml"):
        read(_zip({"hello.txt": b"hi"}))


def test_broken_docx_is_refused():
    with pytest.raises(ReportError, match="Word 文档已损坏"):
        read(
            _zip(
                {
                    "word/document.xml": b"<w:document><<<",
                    "[Content_Types].xml": b"<x/>",
                }
            )
        )


def test_docx_zip_bomb_is_refused_before_expanding():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("word/document.xml", "w") as member:
            block = b" " * (1 << 20)
            for _ in range(60):
                member.write(block)
    with pytest.raises(ReportError, match="压缩炸弹"):
        read(buffer.getvalue())


def _pdf(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    """A minimal PDF with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\n" % (
        len(objects) + 1,
        trailer_extra,
    )
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


_DRAWING = b"0 0 m 100 100 l S"
_PAGE = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
    b"<< /Length %d >>\nstream\n%s\nendstream" % (len(_DRAWING), _DRAWING),
]


def test_pdf_without_text_layer_is_refused():
    with pytest.raises(ReportError, match="没有文字层"):
        read(_pdf(_PAGE))


def _encrypted_pdf() -> bytes:
    encrypt = b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -4 >>" % (
        b"11" * 32,
        b"22" * 32,
    )
    return _pdf(
        _PAGE + [encrypt], b"/Encrypt 5 0 R /ID [<%s> <%s>] " % (b"ab" * 16, b"ab" * 16)
    )


def test_encrypted_pdf_is_refused():
    with pytest.raises(ReportError, match="加密"):
        read(_encrypted_pdf())


def test_damaged_pdf_after_an_encrypted_one_is_not_called_encrypted():
    # PDFium keeps the "password" error of the file before for a file it
    # fails to load without an error code of its own.
    with pytest.raises(ReportError, match="加密"):
        read(_encrypted_pdf())
    with pytest.raises(ReportError, match="PDF 文件已损坏或不完整"):
        read(_pdf_with_pages(0))


def _pdf_with_pages(count: int) -> bytes:
    """A PDF of ``count`` pages drawing one line each (no text)."""
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(count))
    contents = 3 + count
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents %d 0 R >>"
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
            *[page % contents] * count,
            _PAGE[3],
        ]
    )


def test_pdf_without_pages_is_refused():
    with pytest.raises(ReportError, match="PDF 文件已损坏或不完整"):
        read(_pdf_with_pages(0))


@pytest.mark.parametrize("pages", [301, 5000])
def test_huge_pdf_is_refused_before_its_pages_are_read(pages):
    with pytest.raises(ReportError, match="页数过多（超过 300 页）"):
        read(_pdf_with_pages(pages))


def test_file_over_the_size_limit_is_refused_unread(tmp_path):
    from gongkai.report.parse.source import MAX_BYTES

    path = tmp_path / "年报.pdf"
    with path.open("wb") as out:  # sparse: nothing is written but the end
        out.truncate(MAX_BYTES + 1)
    with pytest.raises(ReportError, match="文件过大"):
        read(path)


@pytest.mark.parametrize("keep", [0.02, 0.3])
def test_truncated_pdf_is_refused(keep):
    data = render(read(fixture_text(SEED)), "pdf", findings=[])
    with pytest.raises(ReportError, match="PDF"):
        read(data[: int(len(data) * keep)])


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(ReportError, match="无法读取此类输入"):
        read(12345)
    # A string that is not an existing path is read as the text itself.
    with pytest.raises(ReportError):
        read(str(tmp_path / "nothing.pdf"))


# --- fuzz -----------------------------------------------------------------------

_WORDS = sorted(
    {row.label for fmt in (FORMAT_2021, FORMAT_2019) for row in fmt.rows}
    | {
        row.label
        for fmt in (FORMAT_2021, FORMAT_2019)
        for _t, row in fmt.proactive_rows()
    }
    | set(SECTION_HEADINGS)
    | {
        "第二十条第（一）项",
        "信息内容",
        "申请人情况",
        "行政复议",
        "结果维持",
        "总计",
        "镇(zhèn)",
    }
    | {
        "|",
        " | ",
        "\n",
        "\n\n",
        " ",
        "0",
        "7",
        "12",
        "640020470",
        "-3-",
        "????",
        "规范性文件",
    }
    | {
        "某某乡2023年政府信息公开工作年度报告",
        "。",
        "，",
        "１２",
        "uedbet体育_uedbet官网@:",
    }
)
_fragments = st.lists(
    st.one_of(st.sampled_from(_WORDS), st.text(max_size=8)), max_size=120
)


@FUZZ
@given(st.text(max_size=2000))
def test_fuzz_text_any_characters(text):
    _read_or_refuse(text)


@FUZZ
@given(_fragments)
def test_fuzz_text_report_fragments(parts):
    _read_or_refuse("".join(parts))


_cell = st.builds(
    lambda tag, attrs, text: f"<{tag}{attrs}>{text}</{tag}>",
    st.sampled_from(["td", "th", "p", "div", "span", "table", "tr", "br"]),
    st.sampled_from(
        ["", ' rowspan="3"', ' colspan="99999"', ' rowspan="-2"', ' colspan="x"']
    ),
    st.one_of(st.sampled_from(_WORDS), st.text(max_size=6)),
)


@FUZZ
@given(
    st.lists(
        st.one_of(_cell, st.sampled_from(["<table>", "</table>", "<tr>", "</tr>"])),
        max_size=150,
    )
)
def test_fuzz_html(parts):
    _read_or_refuse("<html><head><meta charset='gb2312'></head><body>" + "".join(parts))


@FUZZ
@given(st.binary(max_size=3000))
def test_fuzz_bytes(data):
    _read_or_refuse(data)


@FUZZ
@given(st.integers(0, 10**6), st.data())
def test_fuzz_mutated_seed(seed, data):
    text = fixture_text(SEED)
    cut = data.draw(st.integers(0, len(text)))
    noise = data.draw(st.text(max_size=20))
    report = _read_or_refuse(text[:cut] + noise + text[cut + seed % 50 :])
    if report is not None:
        assert report.format in ("2021", "2019")


_word = st.builds(
    lambda text, x, width, top: {"text": text, "x0": x, "x1": x + width, "top": top},
    st.one_of(
        st.sampled_from(
            ["申请人情况", "自然", "人", "商业", "企业", "总计", "行政复议", "0", "12"]
        ),
        st.text(max_size=4),
    ),
    st.floats(0, 600),
    st.floats(0, 60),
    st.floats(0, 800),
)


@FUZZ
@given(st.lists(_word, max_size=80))
def test_fuzz_pdf_column_placement(words):
    from gongkai.report.parse.pdfcolumns import group_lines, place_numbers

    def place(words):
        lines = group_lines(words)
        place_numbers(lines)
        return lines

    lines = _timed(place, words)
    for line in lines:
        assert line.cells is None or len(line.cells) >= 1


_HOSTILE_SPANS = (
    "<html><body><h1>某某乡2023年政府信息公开工作年度报告</h1><table>"
    + "".join(
        "<tr>" + '<td rowspan="64" colspan="64">x</td>' * 50 + "</tr>"
        for _ in range(500)
    )
    + "</table></body></html>"
)


@settings(max_examples=1, deadline=timedelta(seconds=2))
@given(st.just(_HOSTILE_SPANS))
def test_hostile_rowspans_do_not_hang(page):
    # Same hang guard as the fuzz tests: 25,000 cells each spanning 64×64.
    _read_or_refuse(page)


@pytest.mark.parametrize(
    ("filename", "words"),
    [("年报.pdf", "不是 PDF"), ("年报.docx", "不是 Word"), ("年报.doc", "旧版")],
)
def test_file_name_that_promises_another_kind_is_refused(filename, words):
    with pytest.raises(ReportError, match=words):
        read(
            "某某乡2023年政府信息公开工作年度报告\n一、总体情况\n无。".encode(),
            filename=filename,
        )


def test_text_file_name_does_not_change_reading():
    text = fixture_text(SEED)
    assert read(text.encode(), filename="年报.txt") == read(text)
