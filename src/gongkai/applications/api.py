"""Cases as JSON for signed-in staff, with the reach of the pages: a case
of an agency out of reach is a 404, a step out of one's duty a 403.
Every step calls the same service as the page."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest

from ninja import Query, Router, Status
from ninja.security import django_auth

from gongkai.organisations.selectors import get_agency_for_user
from gongkai.report.schema import format_for_year
from gongkai.workcalendar.selectors import get_calendar
from gongkai.workdays import CalendarMissing

from . import fees, services
from .schemas import (
    ApplicationDetailOut,
    ApplicationOut,
    CloseIn,
    CorrectionIn,
    DayIn,
    ErrorOut,
    ExtensionIn,
    FeeOut,
    ReceiveCorrectionIn,
    RecordCorrectionDetailOut,
    RecordCorrectionOut,
    RegisterIn,
    TablesOut,
    ValidationErrorOut,
)
from .selectors import (
    cases_for_user,
    get_application_for_user,
    get_record_correction_for_user,
    record_corrections_for_user,
    table_three,
)

router = Router(tags=["applications"], auth=django_auth)
READ = {401: ErrorOut, 404: ErrorOut}
WRITE = {
    400: ValidationErrorOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    422: ErrorOut,
}
MAX_LIST = 500


def _refused(error: ValidationError):
    errors = (
        error.message_dict
        if hasattr(error, "error_dict")
        else {"__all__": error.messages}
    )
    return Status(
        400,
        {
            "detail": "；".join(m for ms in errors.values() for m in ms),
            "errors": errors,
        },
    )


def _step(request, application_id: int, perform):
    application = get_application_for_user(request.user, application_id, write=True)
    try:
        perform(application)
    except ValidationError as error:
        return _refused(error)
    return Status(200, _detail(get_application_for_user(request.user, application_id)))


def _detail(application):
    try:
        deadline = application.deadline(get_calendar())
    except CalendarMissing:
        deadline = None
    application.deadline_out = (
        None
        if deadline is None
        else {
            "due": deadline.due,
            "basis": deadline.basis,
            "proof": deadline.proof.to_text() if deadline.proof else None,
        }
    )
    return application


class DetailOut(ApplicationDetailOut):
    @staticmethod
    def resolve_deadline(obj):
        return obj.deadline_out

    @staticmethod
    def resolve_letters(obj):
        return list(obj.letters.order_by("issued_on", "pk"))


@router.get("/", response={200: list[ApplicationOut], 401: ErrorOut})
def list_applications(
    request: HttpRequest,
    status: str = "",
    overdue: bool = False,
    needs_assistance: bool | None = None,
    limit: int = 100,
):
    """Cases within the user's reach, most recent first (at most 500).
    ``needs_assistance=true`` lists the applicants flagged for help
    (《条例》第四十三条)."""
    from django.utils import timezone

    cases = cases_for_user(request.user)
    if status:
        cases = cases.filter(status=status)
    if needs_assistance is not None:
        cases = cases.filter(needs_assistance=needs_assistance)
    if overdue:
        cases = cases.overdue(timezone.localdate())
    # ``stage`` reads the open steps: load them with the cases.
    cases = cases.select_related("fee_notice", "excessive_review").prefetch_related(
        "consultations"
    )
    return cases.order_by("-submitted_at")[: max(1, min(limit, MAX_LIST))]


@router.post("/", response={200: DetailOut, **WRITE})
def register_application(request: HttpRequest, payload: RegisterIn):
    """Register an application received in person, by post, fax, e-mail or orally."""
    agency = get_agency_for_user(request.user, payload.agency_id, write=True)
    try:
        application = services.register_application(
            request.user,
            agency,
            channel=payload.channel,
            fields=payload.applicant.dict(),
            receipt_date=payload.receipt_date,
            receipt_note=payload.receipt_note,
        )
    except ValidationError as error:
        return _refused(error)
    return Status(200, _detail(application))


@router.get("/fees", response={200: FeeOut, 400: ErrorOut}, auth=None)
def fee(
    request: HttpRequest,
    basis: str = Query(..., description="pages 或 applications"),
    n: int = Query(...),
):
    """The 信息处理费 of one application of ``n`` pages, or of the ``n``-th
    application of an applicant in a month (国办函〔2020〕109号)."""
    try:
        result = (
            fees.page_fee(n)
            if basis == "pages"
            else fees.application_fee(n)
            if basis == "applications"
            else None
        )
    except fees.FeeError as error:
        return Status(400, {"detail": str(error)})
    if result is None:
        return Status(400, {"detail": "basis 应为 pages 或 applications"})
    return Status(
        200,
        {
            "basis": result.basis,
            "quantity": result.quantity,
            "amount": result.amount,
            "lines": result.lines(),
        },
    )


@router.get("/tables/{agency_id}/{year}", response={200: TablesOut, **READ})
def tables(request: HttpRequest, agency_id: int, year: int):
    """Tables 三 and 四 of the agency for the year, as ``AnnualReport`` parts."""
    from gongkai.remedies.selectors import table_four

    agency = get_agency_for_user(request.user, agency_id)
    fmt = format_for_year(year)
    return Status(
        200,
        {
            "agency": agency.name,
            "year": year,
            "format": fmt,
            "applications": table_three(agency, year, fmt),
            "appeals": table_four(agency, year),
        },
    )


@router.get(
    "/record-corrections/",
    response={200: list[RecordCorrectionOut], 401: ErrorOut},
)
def list_record_corrections(request: HttpRequest, status: str = "", limit: int = 100):
    """Correction-of-record requests (更正申请, 《条例》第四十一条) within the
    user's reach, oldest received first (at most 500); ``status`` is
    ``pending`` or ``closed``."""
    found = record_corrections_for_user(request.user).select_related("transferred_from")
    if status:
        found = found.filter(status=status)
    return found.order_by("received_on", "pk")[: max(1, min(limit, MAX_LIST))]


@router.get(
    "/record-corrections/{record_correction_id}",
    response={200: RecordCorrectionDetailOut, **READ},
)
def get_record_correction(request: HttpRequest, record_correction_id: int):
    """One correction request with its decision, notice and evidence files."""
    return Status(
        200, get_record_correction_for_user(request.user, record_correction_id)
    )


@router.get("/{application_id}", response={200: DetailOut, **READ})
def get_application(request: HttpRequest, application_id: int):
    """One case with its deadline proof and letters."""
    return Status(200, _detail(get_application_for_user(request.user, application_id)))


@router.post("/{application_id}/confirm-receipt", response={200: DetailOut, **WRITE})
def confirm_receipt(request: HttpRequest, application_id: int, payload: DayIn):
    return _step(
        request,
        application_id,
        lambda a: services.confirm_receipt(
            request.user, a, on=payload.on, note=payload.note
        ),
    )


@router.post("/{application_id}/correction", response={200: DetailOut, **WRITE})
def request_correction(
    request: HttpRequest, application_id: int, payload: CorrectionIn
):
    return _step(
        request,
        application_id,
        lambda a: services.request_correction(request.user, a, **payload.dict()),
    )


@router.post(
    "/{application_id}/correction/received", response={200: DetailOut, **WRITE}
)
def receive_correction(
    request: HttpRequest, application_id: int, payload: ReceiveCorrectionIn
):
    return _step(
        request,
        application_id,
        lambda a: services.receive_correction(request.user, a, **payload.dict()),
    )


@router.post("/{application_id}/extension", response={200: DetailOut, **WRITE})
def extend_deadline(request: HttpRequest, application_id: int, payload: ExtensionIn):
    return _step(
        request,
        application_id,
        lambda a: services.extend_deadline(request.user, a, **payload.dict()),
    )


@router.post("/{application_id}/close", response={200: DetailOut, **WRITE})
def close_application(request: HttpRequest, application_id: int, payload: CloseIn):
    return _step(
        request,
        application_id,
        lambda a: services.close_application(request.user, a, **payload.dict()),
    )
