"""Models of annual reports; import them from here."""

from .deadlines import AppliesTo, DeadlineRule
from .imported import ImportedReport
from .reports import (
    TRANSITIONS,
    RenderedFile,
    Report,
    ReportVersion,
    Scope,
    Status,
)

__all__ = [
    "TRANSITIONS",
    "AppliesTo",
    "DeadlineRule",
    "ImportedReport",
    "RenderedFile",
    "Report",
    "ReportVersion",
    "Scope",
    "Status",
]
