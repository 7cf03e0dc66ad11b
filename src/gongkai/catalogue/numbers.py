"""文号 and 索引号 as text: pure functions, no database.

- ``normalise_document_number``: 文号 with the year in 〔〕 (R43), whatever
  brackets were typed (``[2023]``, ``（2023）``, ``【2023】``, ``(2023)``).
- ``format_index_number``: ``<前段码>/<期间>-<流水号>`` (R42), e.g.
  ``013900048/2023-00007`` or ``11630203013900048X/202305-00012``.
"""

import re
import unicodedata
from datetime import date

# A four-digit year between any pair of brackets people type for 〔〕.
_YEAR_IN_BRACKETS = re.compile(
    r"[\[［【（(〔{｛<〈]\s*((?:19|20)\d{2})\s*[\]］】）)〕}｝>〉]"
)
_SPACES = re.compile(r"\s+")
SERIAL_WIDTH = 5


def normalise_document_number(value: str) -> str:
    """Return the 文号 with full-width digits made ASCII, spaces removed and
    the year in hexagonal brackets 〔〕 (R43).

    ``平政办[2023]5号`` → ``平政办〔2023〕5号``; a 文号 without a year in
    brackets (``青海省人民政府令第128号``) is returned tidied but unchanged.
    """
    text = _SPACES.sub("", value or "")
    text = "".join(
        unicodedata.normalize("NFKC", ch) if ch.isdigit() else ch for ch in text
    )
    return _YEAR_IN_BRACKETS.sub(lambda m: f"〔{m.group(1)}〕", text)


def document_number_year(value: str) -> int | None:
    """Return the year written in a normalised 文号's 〔〕, or None."""
    match = re.search(r"〔(\d{4})〕", value or "")
    return int(match.group(1)) if match else None


def period_of(day: date, monthly: bool) -> str:
    """Return the period part of an index number: ``YYYY`` or ``YYYYMM``."""
    return f"{day:%Y%m}" if monthly else f"{day:%Y}"


def format_index_number(prefix: str, period: str, serial: int) -> str:
    """Return ``prefix/period-serial`` with the serial zero-padded to five
    digits (more digits only past 99999)."""
    return f"{prefix}/{period}-{serial:0{SERIAL_WIDTH}d}"


_INDEX_NUMBER = re.compile(
    r"^(?P<prefix>[0-9A-Za-z-]{1,30})/(?P<period>\d{4}|\d{6})-(?P<serial>\d{5,})$"
)


def looks_like_index_number(text: str) -> bool:
    """Whether ``text`` has the shape of an index number (for exact lookups
    in search)."""
    return bool(_INDEX_NUMBER.match(text.strip()))
