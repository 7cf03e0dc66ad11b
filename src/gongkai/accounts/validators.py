"""Password rules beyond Django's (等保 2.0, GB/T 22239-2019 8.1.4.1:
identity authentication uses passwords with complexity requirements)."""

import string

from django.core.exceptions import ValidationError
from django.utils.translation import ngettext


def character_classes(password: str) -> int:
    """Return how many of lower case, upper case, digits and other
    characters occur in ``password``."""
    checks = (
        any(c in string.ascii_lowercase for c in password),
        any(c in string.ascii_uppercase for c in password),
        any(c.isdigit() for c in password),
        any(not c.isascii() or not c.isalnum() for c in password),
    )
    return sum(checks)


class CharacterClassesValidator:
    """Require at least ``min_classes`` of the four character classes."""

    def __init__(self, min_classes: int = 3):
        self.min_classes = min_classes

    def validate(self, password, user=None):
        if character_classes(password) < self.min_classes:
            raise ValidationError(self.get_help_text(), code="password_too_simple")

    def get_help_text(self):
        return ngettext(
            "密码须包含小写字母、大写字母、数字、其他符号中的至少 %(n)d 类。",
            "密码须包含小写字母、大写字母、数字、其他符号中的至少 %(n)d 类。",
            self.min_classes,
        ) % {"n": self.min_classes}
