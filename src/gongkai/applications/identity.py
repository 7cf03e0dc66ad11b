"""Identity documents of applicants, without Django.

《条例》第二十九条第二款第（一）项: an application gives the applicant's name,
identity proof (身份证明) and contact details.  A resident identity card
number is checked by its GB 11643-1999 check character; other documents
(passports, permits, 统一社会信用代码 of organisations) are checked as far as
their format allows.
"""

import re
from datetime import date

# GB 11643-1999 §8.2: weights W_i = 2^(i-1) mod 11 for positions 18..2,
# and the check character for sum mod 11 = 0..10.
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
# GB/T 2260 province-level codes (the first two digits of the address code).
PROVINCE_CODES = frozenset(
    {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44,
     45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83}
)  # fmt: skip
ID_PATTERN = re.compile(r"^\d{17}[\dX]$")


def normalise_id_number(value: str) -> str:
    """Return ``value`` without spaces, full-width digits made ASCII and a
    lower-case check ``x`` made upper case."""
    table = str.maketrans("０１２３４５６７８９ｘＸ", "0123456789XX")
    return "".join(value.split()).translate(table).upper()


def id_check_character(body: str) -> str:
    """Return the GB 11643 check character for the first 17 digits."""
    if len(body) != 17 or not body.isdigit():
        raise ValueError("a resident ID body is 17 digits")
    total = sum(int(c) * w for c, w in zip(body, ID_WEIGHTS, strict=True))
    return ID_CHECK[total % 11]


def resident_id_problem(value: str, today: date | None = None) -> str | None:
    """Return why ``value`` is not a valid resident ID number (in Chinese),
    or None when it is valid: 18 characters, a known province, a real
    birth date not after ``today``, and the right check character."""
    number = normalise_id_number(value)
    if not ID_PATTERN.match(number):
        return "公民身份号码应为18位：17位数字加1位校验码（数字或X）。"
    if int(number[:2]) not in PROVINCE_CODES:
        return "公民身份号码的前两位不是有效的省级行政区划代码。"
    born = _birth_date(number[6:14])
    if born is None or born.year < 1900 or (today is not None and born > today):
        return "公民身份号码中的出生日期无效。"
    if id_check_character(number[:17]) != number[17]:
        return "公民身份号码的校验码不正确，请核对后重新填写。"
    return None


def is_valid_resident_id(value: str, today: date | None = None) -> bool:
    return resident_id_problem(value, today) is None


def make_resident_id(body: str) -> str:
    """Return ``body`` (17 digits) with its check character: for tests and
    demo data."""
    return body + id_check_character(body)


def mask_id_number(value: str) -> str:
    """Return the number with all but the first 3 and last 2 characters
    hidden, for pages that need not show it in full."""
    if len(value) <= 5:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 5) + value[-2:]


def mask_name(name: str) -> str:
    """Return the name with every character after the first hidden
    (张三 → 张*), for public pages."""
    return name[:1] + "*" * (len(name) - 1) if name else ""


def _birth_date(text: str) -> date | None:
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None
