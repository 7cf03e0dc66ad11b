"""Check characters of Chinese organisation identifiers.

Pure functions, no Django: the same checks serve form validation, the
Excel/CSV import and the report importer.

- 统一社会信用代码 (unified social credit code): 18 characters, GB 32100-2015.
- 组织机构代码 (organisation code): 9 characters, GB 11714-1997.
"""

# GB 32100-2015 §4.1: the code alphabet is the digits and the capital letters
# without I, O, Z, S and V; each character's value is its index here.
CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
# GB 32100-2015 §4.3: weights of positions 1–17 are 3**(i-1) mod 31.
CREDIT_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

# GB 11714-1997 §4: body characters are digits and capital letters
# (A=10 … Z=35); weights of positions 1–8.
ORGANISATION_CODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def credit_code_check_char(body: str) -> str:
    """Return the check character for the first 17 characters of a credit code.

    Raises ``ValueError`` if ``body`` is not 17 characters of the alphabet.
    """
    if len(body) != 17 or any(c not in CREDIT_CODE_ALPHABET for c in body):
        raise ValueError("a credit code body is 17 characters of the GB 32100 alphabet")
    total = sum(
        CREDIT_CODE_ALPHABET.index(c) * w
        for c, w in zip(body, CREDIT_CODE_WEIGHTS, strict=True)
    )
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def is_valid_credit_code(code: str) -> bool:
    """Return whether ``code`` is an 18-character code with a correct check character."""
    if len(code) != 18:
        return False
    try:
        return credit_code_check_char(code[:17]) == code[17]
    except ValueError:
        return False


def _organisation_char_value(c: str) -> int:
    if c.isdigit() and c.isascii():
        return int(c)
    if "A" <= c <= "Z":
        return ord(c) - ord("A") + 10
    raise ValueError(f"invalid organisation code character {c!r}")


def organisation_code_check_char(body: str) -> str:
    """Return the check character (a digit or ``X``) for an 8-character body.

    Raises ``ValueError`` if ``body`` is not 8 digits or capital letters.
    """
    if len(body) != 8:
        raise ValueError("an organisation code body is 8 characters")
    total = sum(
        _organisation_char_value(c) * w
        for c, w in zip(body, ORGANISATION_CODE_WEIGHTS, strict=True)
    )
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def normalise_organisation_code(code: str) -> str:
    """Drop the hyphen often printed before the check character (``12345678-9``)."""
    return code.strip().upper().replace("-", "")


def is_valid_organisation_code(code: str) -> bool:
    """Return whether ``code`` (hyphen already removed) has a correct check character."""
    if len(code) != 9:
        return False
    try:
        return organisation_code_check_char(code[:8]) == code[8]
    except ValueError:
        return False


def make_credit_code(prefix: str, organisation_body: str) -> str:
    """Build a valid credit code from its first 8 characters and an 8-character
    organisation-code body (used for demo data and tests).

    ``prefix`` is 登记管理部门码 + 机构类别码 + 登记管理机关行政区划码, e.g.
    ``"11630203"`` for an organ (机关) registered by the 机构编制 authority of
    平安区 (行政区划代码 630203).
    """
    organisation_code = organisation_body + organisation_code_check_char(
        organisation_body
    )
    body = prefix + organisation_code
    return body + credit_code_check_char(body)
