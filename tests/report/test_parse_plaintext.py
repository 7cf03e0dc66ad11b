"""Plain text → Document: every line keeps its own location, whether it
holds cells (``a | b``) or not, and control characters of the document
format in the input do not shift offsets."""

from gongkai.report.parse.document import CELL, ROW
from gongkai.report.parse.plaintext import read_text


def _line_of(doc, text: str) -> str:
    return doc.locate(doc.text.index(text))


def test_each_line_is_located_around_rows_of_cells():
    doc = read_text("标题\n\n规章 | 1 | 2 | 3\n正文一\n正文二\n| 4 | 5 |\n尾")
    assert _line_of(doc, "标题") == "第 1 行"
    assert _line_of(doc, "规章") == "第 3 行"
    assert _line_of(doc, "正文一") == "第 4 行"
    assert _line_of(doc, "正文二") == "第 5 行"
    assert _line_of(doc, "4") == "第 6 行"
    assert _line_of(doc, "尾") == "第 7 行"
    assert doc.text.count(ROW) == 2


def test_format_characters_in_the_input_are_dropped_without_shifting_lines():
    doc = read_text(f"甲{ROW}乙\n丙{CELL}丁\n戊")
    assert doc.text == "甲乙\n丙丁\n戊\n"
    assert _line_of(doc, "丙丁") == "第 2 行"
    assert _line_of(doc, "戊") == "第 3 行"
