"""The annual-report format: schema, model, checks, rendering, parsing.

Pure Python: nothing here imports Django.
"""

from .model import AnnualReport, Finding, ReportError, empty_report

__all__ = ["AnnualReport", "Finding", "ReportError", "empty_report"]


def check(report, previous=None, level=None):
    """Return the findings of the rule catalogue; see :mod:`.checks`."""
    from .checks import check as _check

    return _check(report, previous=previous, level=level)
