"""Text repair before parsing: traditional characters, injected junk, widths.

Two steps with different contracts:

- :class:`Cleaner` repairs content (traditional → simplified characters,
  inline pinyin such as ``鎮(zhèn)``, strings injected by mirror sites,
  ``????`` mojibake).  It may change lengths but never removes a line break,
  so line numbers stay those of the input.
- :data:`WIDTH` is a ``str.translate`` table mapping full-width forms to
  ASCII one character for one character, so that offsets in the normalised
  text are offsets in the cleaned text (narratives are cut from the cleaned
  text, tables are matched on the normalised one).
"""

import re
from functools import lru_cache

# Characters that exist only in traditional script and are common in these
# reports; three distinct ones in a document mark it as traditional.
_TRADITIONAL = re.compile(
    "[開報機關條務會據發區鎮處這為與們國時說號請辦項數總計規範內認網實"
    "復訴門資義級現單閱點擊應當對於從網頁體統結過費劃產業經濟衛]"
)
_PINYIN = re.compile(
    r"(?<=[\u4e00-\u9fff])[(（][a-zü]{0,6}"
    r"[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,6}[)）]"
)
# Advertising strings injected by mirror sites, e.g. "uedbet体育_uedbet官网@:".
# Latin letters and digits may be full-width (a mirror that widened them).
_ALNUM = "A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
_JUNK = re.compile(
    rf"[A-Za-z\uff21-\uff3a\uff41-\uff5a][{_ALNUM}\u4e00-\u9fff]{{0,20}}[_＿]"
    rf"[{_ALNUM}\u4e00-\u9fff]{{0,20}}[@＠][:：]?"
)
# Runs of question marks or replacement characters that are not part of a
# number (inside a number they mark an unreadable cell and are kept).
_MOJIBAKE = re.compile(r"(?<![\d?\ufffd])[?\ufffd]{2,}(?![\d?\ufffd])")
_INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff\x00-\x08\x0b\x0c\x0e-\x1d\x7f]")


def _width_table() -> dict[int, str]:
    table = {c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
    table.update({0x3000: " ", 0x00A0: " ", 0x2236: ":", 0x3001: "、"})
    table.update({0x2488 + i: str(i + 1) for i in range(9)})  # ⒈ … ⒐
    table.update({0x2460 + i: str(i + 1) for i in range(9)})  # ① … ⑨
    table.update({0x3220 + i: "一二三四五六七八九十"[i] for i in range(10)})  # ㈠ …
    table.update({0x2014: "-", 0x2013: "-", 0x2212: "-", 0xFE58: "-"})
    return table


WIDTH = _width_table()
# str.translate looks up every character; a regex touches only the runs
# that change (about ten times faster on a report; runs, because a widened
# report has its numbers and spaces in full-width runs).
_WIDE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(WIDTH)) + "]+")


def _narrow(match: re.Match) -> str:
    return match.group().translate(WIDTH)


def normalise(text: str) -> str:
    """Return ``text`` with full-width forms as ASCII (same length)."""
    return _WIDE.sub(_narrow, text)


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def is_traditional(text: str) -> bool:
    return len(set(_TRADITIONAL.findall(text[:20000]))) >= 3


class Cleaner:
    """Repair one document's text pieces; see the module docstring."""

    def __init__(self, traditional: bool = False):
        self.traditional = traditional

    @classmethod
    def for_text(cls, sample: str) -> "Cleaner":
        return cls(traditional=is_traditional(sample))

    def __call__(self, text: str) -> str:
        if self.traditional:
            text = _converter().convert(text)
        if "(" in text or "（" in text:
            text = _PINYIN.sub("", text)
        if "@" in text or "＠" in text:
            text = _JUNK.sub("", text)
        if "?" in text or "\ufffd" in text:
            text = _MOJIBAKE.sub("", text)
        return _INVISIBLE.sub("", text)
