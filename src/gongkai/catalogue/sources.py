"""What the catalogue reads from other apps: the applications that may
show information several applicants want (《条例》第四十四条)."""

from django.apps import apps

from .suggestions import RequestedInfo

DISCLOSED_OUTCOMES = ("disclosed", "partially_disclosed")


def requests_of(agency) -> list[RequestedInfo]:
    """Return the agency's answered applications as ``RequestedInfo``
    (empty when the applications app is not installed)."""
    if not apps.is_installed("gongkai.applications"):
        return []
    Application = apps.get_model("applications", "Application")
    rows = (
        Application.objects.filter(agency=agency)
        .exclude(outcome="")
        .values_list(
            "number",
            "id_number",
            "applicant_name",
            "info_title",
            "document_number",
            "info_description",
            "outcome",
        )
    )
    return [
        RequestedInfo(
            reference=number,
            applicant=id_number or name,
            description=" ".join(p for p in (title, doc_number, description) if p),
            disclosable=outcome in DISCLOSED_OUTCOMES,
        )
        for number, id_number, name, title, doc_number, description, outcome in rows
    ]
