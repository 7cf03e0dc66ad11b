"""Pydantic schemas of the annual-report API for staff."""

from datetime import date, datetime
from typing import Literal

from ninja import Schema

from gongkai.report import AnnualReport


class FindingOut(Schema):
    rule: str
    severity: Literal["error", "warning", "info"]
    message: str
    cells: list[str]


class VersionOut(Schema):
    number: int
    published_at: datetime
    reason: str
    errors: int
    warnings: int
    url: str


class ReportOut(Schema):
    id: int
    agency_id: int
    agency: str
    year: int
    scope: Literal["agency", "region"]
    status: Literal["draft", "in_review", "published"]
    errors: int
    warnings: int
    deadline: date
    versions: list[VersionOut]


class ReportDetailOut(ReportOut):
    report: AnnualReport
    findings: list[FindingOut]


class CompiledOut(Schema):
    report: AnnualReport
    findings: list[FindingOut]
