"""What the annual-report pages share."""

from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils import timezone

from ..compiling import FIRST_COMPILED_YEAR


def add_service_errors(form, error: ValidationError) -> None:
    """Show a service's ``ValidationError`` on the form, on the named fields
    where the form has them."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, messages_ in error.message_dict.items():
        form.add_error(name if name in form.fields else None, messages_)


def error_text(error: ValidationError) -> str:
    return "；".join(error.messages)


def report_years() -> list[tuple[int, str]]:
    """Return the years a report can be compiled for, newest first."""
    last = timezone.localdate().year
    return [(y, f"{y}") for y in range(last, FIRST_COMPILED_YEAR - 1, -1)]


def default_year() -> int:
    """The year whose reports are being written now: last year."""
    return timezone.localdate().year - 1


def parse_year(value, default: int) -> int:
    try:
        year = int(value)
    except (TypeError, ValueError):
        return default
    return year if 2000 <= year <= 2100 else default


def attachment(content: bytes, media_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=media_type)
    response["Content-Disposition"] = (
        f"attachment; filename=\"report\"; filename*=UTF-8''{quote(filename)}"
    )
    return response
