"""State changes of annual reports.  Views, API and commands call these."""

from dataclasses import dataclass

from django.db import transaction

from gongkai.audit.services import record
from gongkai.report import AnnualReport, ReportError

from .models import ImportedReport
from .selectors import CheckedReport, checked

KINDS = {"text": "text", "html": "html", "docx": "docx", "pdf": "pdf", "json": "json"}


@dataclass
class UploadResult:
    name: str
    record: ImportedReport | None = None
    checked: CheckedReport | None = None
    error: str = ""


def read_upload(data: bytes, name: str) -> tuple[AnnualReport, str]:
    """Return the report in an uploaded file and the kind of file it was."""
    if data.lstrip()[:1] == b"{":
        return AnnualReport.from_json_text(data), "json"
    from gongkai.report.parse import read_detailed

    result = read_detailed(data, filename=name)
    return result.report, KINDS[result.kind]


def import_uploaded_report(upload, *, user) -> UploadResult:
    """Read, check and store one uploaded report; never raises for bad files.

    An unreadable file stores nothing and returns the reason.
    """
    name = upload.name or "report"
    try:
        report, kind = read_upload(upload.read(), name)
    except ReportError as exc:
        return UploadResult(name, error=str(exc))
    record_ = import_report(report, source_name=name, source_kind=kind, user=user)
    return UploadResult(name, record=record_, checked=checked(report))


@transaction.atomic
def import_report(
    report: AnnualReport, *, source_name: str, source_kind: str, user=None
) -> ImportedReport:
    """Store a published report read from a document; return the record."""
    imported = ImportedReport.objects.create(
        agency_name=report.agency or "",
        year=report.year,
        format=report.format,
        data=report.to_json(),
        source_name=source_name[:255],
        source_kind=source_kind,
        created_by=user if user is not None and user.is_authenticated else None,
    )
    if user is not None and user.is_authenticated:
        record(
            user,
            "annual_reports.import_report",
            target=imported,
            data={"source": imported.source_name, "year": imported.year},
        )
    return imported
