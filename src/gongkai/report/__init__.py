"""The annual-report format: schema, model, checks, rendering, parsing.

Pure Python: nothing here imports Django.
"""

from .model import AnnualReport, Finding, ReportError, empty_report

__all__ = ["AnnualReport", "Finding", "ReportError", "empty_report"]
