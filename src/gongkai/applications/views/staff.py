"""Staff pages: the case list, the due list (督办), registration, the case
page with its deadline proof and history, letters, attachments, the
dossier and the tables 三 and 四 preview."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from gongkai.accounts.models import Role
from gongkai.accounts.permissions import agencies_for_user, has_role
from gongkai.audit.models import AuditEntry
from gongkai.audit.services import record, record_personal_data_view
from gongkai.organisations.selectors import get_agency_for_user
from gongkai.report.checks import check
from gongkai.report.model import empty_report
from gongkai.report.schema import (
    APPEAL_COLUMNS,
    APPEAL_GROUPS,
    APPLICANT_COLUMNS,
    format_for_year,
    get_format,
)
from gongkai.workcalendar.selectors import get_calendar
from gongkai.workdays import CalendarMissing

from .. import services
from ..forms import AttachmentForm, DeliveryForm, RegisterForm, add_service_errors
from ..models import Application, LetterKind, Status
from ..selectors import (
    cases_for_user,
    due_summary,
    get_application_for_user,
    get_attachment_for_user,
    get_letter_for_user,
    soon_threshold,
    table_three,
)
from .documents import (
    attachment_header,
    attachment_response,
    dossier_zip,
    letter_response,
)
from .intake import desk_register

PAGE_SIZE = 30
PERSONAL_FIELDS = ("applicant_name", "id_number", "phone", "email", "address")
FILTERS = {
    "overdue": lambda qs, today, soon: qs.overdue(today),
    "soon": lambda qs, today, soon: qs.due_between(today, soon or today),
    "pending_receipt": lambda qs, today, soon: qs.filter(status=Status.PENDING_RECEIPT),
    "correction": lambda qs, today, soon: qs.filter(status=Status.AWAITING_CORRECTION),
    "open": lambda qs, today, soon: qs.open(),
    "closed": lambda qs, today, soon: qs.filter(status=Status.CLOSED),
    "calendar": lambda qs, today, soon: qs.waiting_for_calendar(),
}
FILTER_LABELS = {
    "open": gettext_lazy("未办结"),
    "overdue": gettext_lazy("已逾期"),
    "soon": gettext_lazy("即将到期"),
    "pending_receipt": gettext_lazy("待确认收到"),
    "correction": gettext_lazy("待补正"),
    "calendar": gettext_lazy("期限待定"),
    "closed": gettext_lazy("已办结"),
}


@require_GET
@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    cases = cases_for_user(request.user)
    show = request.GET.get("show", "open")
    if show in FILTERS:
        cases = FILTERS[show](cases, today, soon_threshold(today))
    query = request.GET.get("q", "").strip()
    if query:
        cases = cases.filter(
            Q(number__icontains=query) | Q(applicant_name__icontains=query)
        )
    agency = request.GET.get("agency", "")
    if agency.isdigit():
        cases = cases.filter(agency_id=int(agency))
    # 《条例》第四十三条: the applicants to be helped, at a glance.
    assistance = request.GET.get("assistance") == "1"
    if assistance:
        cases = cases.filter(needs_assistance=True)
    page = Paginator(cases.order_by("due_date", "-submitted_at"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "page": page,
        "show": show,
        "query": query,
        "assistance": assistance,
        "filters": FILTER_LABELS,
        "today": today,
        "can_register": agencies_for_user(request.user, write=True).exists(),
    }
    return render(request, "applications/case_list.html", context)


@require_GET
@login_required
def due_list(request: HttpRequest) -> HttpResponse:
    """督办: overdue and soon-due cases of every agency within reach."""
    today = timezone.localdate()
    soon = soon_threshold(today)
    cases = cases_for_user(request.user)
    context = {
        "today": today,
        "soon": soon,
        "summary": due_summary(request.user, today),
        "overdue": cases.overdue(today).order_by("due_date"),
        "due_soon": cases.due_between(today, soon or today).order_by("due_date"),
        "waiting": cases.open().waiting_for_calendar(),
    }
    return render(request, "applications/due_list.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def register(request: HttpRequest) -> HttpResponse:
    return desk_register(
        request,
        RegisterForm,
        _register,
        success=lambda application: (
            _("已登记，申请编号 %(n)s。") % {"n": application.number}
        ),
        template="applications/register.html",
        # Unlike the correction-of-record desk form, a refused registration
        # has always answered 200 here.
        refused_status=200,
    )


def _register(user, agency, form: RegisterForm) -> Application:
    return services.register_application(
        user,
        agency,
        channel=form.cleaned_data["channel"],
        fields=form.intake,
        receipt_date=form.cleaned_data["receipt_date"],
        receipt_note=form.cleaned_data["receipt_note"],
        uploads=form.cleaned_data["attachments"],
    )


@require_GET
@login_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_application_for_user(request.user, pk)
    record_personal_data_view(request, application, PERSONAL_FIELDS)
    today = timezone.localdate()
    context = {
        "application": application,
        "today": today,
        "deadline": _deadline(application),
        "stages": stages(application),
        "actions": case_actions(request.user, application, today),
        "letters": application.letters.order_by("issued_on", "pk"),
        "timeline": timeline(application),
        "can_write": agencies_for_user(request.user, write=True)
        .filter(pk=application.agency_id)
        .exists(),
    }
    return render(request, "applications/case_detail.html", context)


@require_GET
@login_required
def letter_view(request: HttpRequest, letter_pk: int) -> HttpResponse:
    letter = get_letter_for_user(request.user, letter_pk)
    return render(
        request,
        "applications/letter.html",
        {"letter": letter, "application": letter.application},
    )


@require_GET
@login_required
def letter_download(request: HttpRequest, letter_pk: int, fmt: str) -> HttpResponse:
    return letter_response(get_letter_for_user(request.user, letter_pk), fmt)


@require_http_methods(["GET", "POST"])
@login_required
def letter_delivery(request: HttpRequest, letter_pk: int) -> HttpResponse:
    letter = get_letter_for_user(request.user, letter_pk, write=True)
    form = DeliveryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_delivery(request.user, letter, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("已记录送达。"))
            return redirect(letter.application)
    context = {
        "form": form,
        "application": letter.application,
        "title": _("记录送达：%(t)s") % {"t": letter},
    }
    return render(request, "applications/action.html", context)


@require_GET
@login_required
def attachment_download(request: HttpRequest, attachment_pk: int) -> HttpResponse:
    attachment = get_attachment_for_user(request.user, attachment_pk)
    record(
        request.user,
        "applications.view_attachment",
        target=attachment.application,
        data={"file": attachment.original_name},
    )
    return attachment_response(attachment)


@require_http_methods(["GET", "POST"])
@login_required
def attachment_add(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_application_for_user(request.user, pk, write=True)
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        services.add_attachments(
            request.user, application, form.cleaned_data["attachments"]
        )
        messages.success(request, _("附件已上传。"))
        return redirect(application)
    context = {
        "form": form,
        "application": application,
        "title": _("上传附件"),
        "multipart": True,
    }
    return render(request, "applications/action.html", context)


@require_GET
@login_required
def dossier(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_application_for_user(request.user, pk)
    record_personal_data_view(request, application, PERSONAL_FIELDS)
    entries = [
        {
            "time": e.created_at.isoformat(),
            "actor": e.actor_name,
            "verb": e.verb,
            "label": e.verb_label(),
            "data": e.data,
        }
        for e in timeline(application)
    ]
    content = dossier_zip(application, entries, case_summary(application))
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = attachment_header(
        f"案卷-{application.number}.zip"
    )
    return response


@require_GET
@login_required
def tables(request: HttpRequest) -> HttpResponse:
    """Tables 三 and 四 of one agency and year, checked, as the annual
    report will show them."""
    from gongkai.remedies.selectors import table_four

    agencies = agencies_for_user(request.user).order_by("path")
    agency_id = request.GET.get("agency", "")
    agency = (
        get_agency_for_user(request.user, int(agency_id))
        if agency_id.isdigit()
        else agencies.first()
    )
    year = _year(request.GET.get("year"))
    context = {"agencies": agencies, "agency": agency, "year": year}
    if agency is not None:
        fmt = format_for_year(year)
        report = empty_report(fmt, year, agency.name)
        report.applications = table_three(agency, year, fmt)
        for key, cells in table_four(agency, year).items():
            setattr(report.appeals, key, cells)
        context |= {
            "rows": [
                (row, report.applications[row.key]) for row in get_format(fmt).rows
            ],
            "appeals": [
                (group, getattr(report.appeals, group.key)) for group in APPEAL_GROUPS
            ],
            "columns": APPLICANT_COLUMNS,
            "appeal_columns": APPEAL_COLUMNS,
            "findings": [f for f in check(report) if f.rule.startswith(("T3", "T4"))],
        }
    return render(request, "applications/tables.html", context)


# -- helpers used by the pages ---------------------------------------------


@dataclass
class Action:
    label: str
    url: str
    primary: bool = False


def case_actions(user, application: Application, today) -> list[Action]:
    """Return the steps the user may take now on the case."""
    if (
        not agencies_for_user(user, write=True)
        .filter(pk=application.agency_id)
        .exists()
    ):
        return []
    is_head = has_role(user, application.agency, Role.HEAD)
    return [
        Action(label, reverse(f"applications:{name}", args=[application.pk]), primary)
        for name, label, primary in _steps(application, is_head, today)
    ]


def _steps(application: Application, is_head: bool, today):
    status = application.status
    correction = getattr(application, "correction", None)
    fee = getattr(application, "fee_notice", None)
    review = getattr(application, "excessive_review", None)
    if status == Status.PENDING_RECEIPT:
        yield "confirm", _("确认收到申请"), True
    if status == Status.IN_PROGRESS:
        yield from _running_steps(application, is_head, correction, fee, review, today)
    if status == Status.AWAITING_CORRECTION:
        yield "correction_received", _("收到补正申请"), True
        if correction and today > correction.correct_by and not correction.submitted_at:
            yield "abandon", _("视为放弃申请（逾期不补正）"), False
    if status == Status.CLOSED and application.archived_on is None:
        yield "archive", _("归档"), False
    yield "attachment_add", _("上传附件"), False


def _running_steps(application, is_head, correction, fee, review, today):
    yield "close", _("答复并办结"), True
    if application.reviewed_on is None and correction is None:
        yield "review", _("审核通过（无需补正）"), False
        yield "correction", _("告知补正"), False
    yield "consultation", _("征求意见"), False
    if is_head and not hasattr(application, "extension"):
        yield "extension", _("批准延期"), False
    if review is None:
        yield "reasons", _("要求说明理由（第三十五条）"), False
    elif review.decided_on is None:
        yield "reasons_decision", _("对说明理由作出决定"), False
    if fee is None:
        yield "fee", _("发出收费通知"), False
    elif fee.is_pending:
        yield "fee_paid", _("记录缴费"), False
        if is_head:
            yield "fee_waive", _("减免收费"), False
        if fee.payment_due and today > fee.payment_due:
            yield "abandon", _("视为放弃申请（逾期未缴费）"), False


def stages(application: Application) -> list[tuple[str, bool]]:
    """Return the five steps of 第四十五条 and whether each is done."""
    return [
        (_("登记"), application.receipt_date is not None),
        (
            _("审核"),
            application.reviewed_on is not None or hasattr(application, "correction"),
        ),
        (_("办理"), application.status == Status.CLOSED),
        (
            _("答复"),
            application.letters.filter(kind=LetterKind.REPLY)
            .exclude(delivered_on=None)
            .exists(),
        ),
        (_("归档"), application.archived_on is not None),
    ]


def timeline(application: Application):
    return AuditEntry.objects.filter(
        target_type="applications.application", target_id=str(application.pk)
    ).order_by("created_at", "pk")


def case_summary(application: Application) -> dict:
    fields = [
        f.name
        for f in Application._meta.fields
        if f.name not in ("submission_token", "client_ip")
    ]
    summary = {name: _plain(getattr(application, name)) for name in fields}
    summary["agency"] = application.agency.name
    summary["outcome_label"] = application.outcome_label
    return summary


def _plain(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "pk"):
        return str(value)
    return value


def _deadline(application: Application):
    try:
        return application.deadline(get_calendar())
    except CalendarMissing:
        return None


def _year(text: str | None) -> int:
    today = timezone.localdate()
    if text and text.isdigit() and 2008 <= int(text) <= today.year + 1:
        return int(text)
    return today.year
