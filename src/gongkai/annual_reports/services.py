"""State changes of annual reports.  Views, API and commands call these."""

from django.db import transaction

from gongkai.report import AnnualReport

from .models import ImportedReport


@transaction.atomic
def import_report(
    report: AnnualReport, *, source_name: str, source_kind: str, user=None
) -> ImportedReport:
    """Store a published report read from a document; return the record."""
    return ImportedReport.objects.create(
        agency_name=report.agency or "",
        year=report.year,
        format=report.format,
        data=report.to_json(),
        source_name=source_name[:255],
        source_kind=source_kind,
        created_by=user if user is not None and user.is_authenticated else None,
    )
