"""Split a table's stretch of text into label text, numbers and blank cells.

The table readers then see a flat sequence: :class:`Chunk` (consecutive
label text joined, so that labels broken over lines or cells read whole) and
slots (:class:`Token` of kind ``num``, ``blank`` or ``bad``).
"""

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from .document import CELL, ROW, Document

NUM, BLANK, BAD, TEXT = "num", "blank", "bad", "text"

_NUMBER = r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:万元|元)?"
_NUMBER_RE = re.compile(_NUMBER)
_WORD_NUMBER = re.compile(rf"{_NUMBER}|-?\d+(?:\.\d+)?%")
_GARBLED = re.compile(r"[\d?\ufffd]*[?\ufffd][\d?\ufffd]*")
_MEASURE_WORDS = set("件条个次份起宗人家篇期场项")
_DIGITISH = re.compile(r"[\d?\ufffd]")
_DASHES = re.compile(r"[-/\\_~·]+")
_DASH_START = frozenset("-/\\_~·")
_ORDINAL_AFTER = re.compile(r"[.、](?:[\u4e00-\u9fff]|$)")
_PAGE_NUMBER = re.compile(
    r"\s*(?:[-_~·—–－─]+\s*\d{1,3}\s*[-_~·—–－─]+"
    r"|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?"
    r"|\d{1,3}\s*/\s*\d{1,3})\s*"
)


@dataclass(slots=True)
class Token:
    kind: str
    start: int
    end: int
    text: str = ""  # normalised text of the token
    soft: bool = False  # a blank read from empty lines, not an empty cell
    raw: str = ""  # text tokens: the text as printed (same length as ``text``)
    line: int = -1  # offset of the line the token is on


@dataclass
class Chunk:
    """Consecutive label text; ``pieces`` keep each token's extent."""

    tokens: list[Token] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end

    @property
    def raw(self) -> str:
        """The joined text as printed, character for character with ``joined``."""
        return "".join(t.raw for t in self.tokens)

    def joined(self) -> tuple[str, "Offsets"]:
        """Return the text (text tokens hold no spaces) and its offsets."""
        return "".join(t.text for t in self.tokens), Offsets(self.tokens)


class Offsets:
    """Document offset of each character of a chunk's joined text."""

    def __init__(self, tokens: list[Token]):
        self.tokens = tokens
        self.starts = []
        at = 0
        for token in tokens:
            self.starts.append(at)
            at += len(token.text)

    def __getitem__(self, i: int) -> int:
        k = max(bisect_right(self.starts, i) - 1, 0)
        return self.tokens[k].start + i - self.starts[k]


def is_page_number(line: str) -> bool:
    return bool(_PAGE_NUMBER.fullmatch(line))


def tokenize(doc: Document, start: int, end: int) -> list[Token]:
    """Return the tokens of ``doc.norm[start:end]`` in reading order."""
    tokens: list[Token] = []
    gap = 0
    pos = start
    for line in doc.norm[start:end].split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        if line.startswith(ROW):
            _row_tokens(tokens, line, line_start)
            gap = 0
        elif not line.strip() or (len(line.strip()) < 24 and is_page_number(line)):
            gap += 0 if line.strip() else 1
        else:
            tokens.extend(
                Token(BLANK, line_start, line_start, soft=True)
                for _ in range(gap - doc.base_gap)
            )
            gap = 0
            _text_tokens(tokens, line, line_start, line_start)
    _counted_things(tokens)
    for token in tokens:
        if token.kind == TEXT:
            token.raw = doc.text[token.start : token.end]
    return tokens


def _counted_things(tokens: list[Token]) -> None:
    """``共 12 件``, ``2 起``: a number with a measure word is prose, not a cell."""
    for token, after in zip(tokens, tokens[1:], strict=False):
        if token.kind == NUM and after.kind == TEXT and after.text[0] in _MEASURE_WORDS:
            token.kind = TEXT


def _row_tokens(tokens: list[Token], line: str, offset: int) -> None:
    pos = offset + 1
    for cell in line[1:].split(CELL):
        if cell.strip():
            _text_tokens(tokens, cell, pos)
        else:
            tokens.append(Token(BLANK, pos, pos))
        pos += len(cell) + 1


def _text_tokens(tokens: list[Token], text: str, offset: int, line: int = -1) -> None:
    """``line``: the offset of the line of plain text (``-1`` for a cell)."""
    # str.split and str.find find the words about ten times faster than a
    # regex over a line padded with spaces (``pdftotext -layout``).
    pos = 0
    for w in text.split():
        start = text.find(w, pos)
        pos = start + len(w)
        at = offset + start
        if w.isdecimal() and w.isascii():
            tokens.append(Token(NUM, at, at + len(w), w, line=line))
        elif not w.isdecimal() and _DIGITISH.search(w) is None:
            dash = w[0] in _DASH_START and _DASHES.fullmatch(w)
            tokens.append(Token(BLANK if dash else TEXT, at, at + len(w), w, line=line))
        else:
            _other_word(tokens, w, at, line)


def _other_word(tokens: list[Token], w: str, at: int, line: int) -> None:
    if _WORD_NUMBER.fullmatch(w):
        tokens.append(Token(NUM, at, at + len(w), w, line=line))
    elif not _DIGITISH.search(w):
        tokens.append(Token(TEXT, at, at + len(w), w, line=line))
    elif _GARBLED.fullmatch(w):
        tokens.append(Token(BAD, at, at + len(w), w, line=line))
    elif _DASHES.fullmatch(w):
        tokens.append(Token(BLANK, at, at + len(w), w, line=line))  # "-", "/"
    else:
        first = len(tokens)
        _mixed_tokens(tokens, w, at)
        for token in tokens[first:]:
            token.line = line


def _mixed_tokens(tokens: list[Token], word: str, offset: int) -> None:
    """Split ``规章000行政规范性文件693665`` into text and number tokens."""
    last = 0
    for match in _NUMBER_RE.finditer(word):
        a, b = match.span()
        if b < len(word) and _ORDINAL_AFTER.match(word, b) and "." not in match.group():
            b -= 1  # "…00000002.其他" → the 2 numbers the next label
        if a >= b:
            continue
        if a > last:
            tokens.append(Token(TEXT, offset + last, offset + a, word[last:a]))
        tokens.append(Token(NUM, offset + a, offset + b, word[a:b]))
        last = b
    if last < len(word):
        tokens.append(Token(TEXT, offset + last, offset + len(word), word[last:]))


def group(tokens: list[Token]) -> list[Token | Chunk]:
    """Join consecutive text tokens into chunks.

    One or two empty lines between two pieces of text (a page break inside
    a label) do not separate them; empty cells and longer runs of empty
    lines (a row of blank cells) do.
    """
    out: list[Token | Chunk] = []
    pending: list[Token] = []
    for token in tokens:
        if token.kind == TEXT:
            if len(pending) < 3 and all(t.soft for t in pending):
                pending = [] if out and isinstance(out[-1], Chunk) else pending
            if out and isinstance(out[-1], Chunk) and not pending:
                out[-1].tokens.append(token)
            else:
                out.extend(pending)
                out.append(Chunk([token]))
            pending = []
        elif token.kind == BLANK:
            pending.append(token)
        else:
            out.extend(pending)
            pending = []
            out.append(token)
    out.extend(pending)
    return out


def without_foreign_lines(tokens: list[Token], known) -> list[Token]:
    """Drop lines of text that sit between lines of a table but belong to no
    table: advertising or notices a mirror site put in (``本站部分内容来源于网络``).

    A line counts as the table's if it has a number or if ``known(text)``
    says its text could be a label or header; one or two other lines with
    the table's lines on both sides are dropped.
    """
    kinds = _line_kinds(tokens, known)
    drop: set[int] = set()
    for i, (_at, ours) in enumerate(kinds):
        if ours or i == 0:
            continue
        after = i + 1
        while after < len(kinds) and not kinds[after][1] and after - i < 3:
            after += 1
        run = [a for a, _o in kinds[i:after]]
        if kinds[i - 1][1] and after < len(kinds) and kinds[after][1] and len(run) <= 2:
            drop.update(run)
    if not drop:
        return tokens
    return [t for t in tokens if t.line not in drop]


def _line_kinds(tokens: list[Token], known) -> list[tuple[int, bool]]:
    """``(line, is the table's)`` for each line of text, in order."""
    kinds: list[tuple[int, bool]] = []
    line, text, number = -1, [], False
    for token in tokens:
        if token.line < 0:
            continue  # table cells and blanks from empty lines
        if token.line != line:
            if line >= 0:
                kinds.append((line, number or not text or known("".join(text))))
            line, text, number = token.line, [], False
        if token.kind == TEXT:
            text.append(token.text)
        elif token.kind in (NUM, BAD):
            number = True
    if line >= 0:
        kinds.append((line, number or not text or known("".join(text))))
    return kinds
