"""Pages of correction-of-record requests (更正申请, 《条例》第四十一条).

Staff: the list, desk registration, the request page with its history,
the decision, the notice's delivery, downloads.  Public: the online form,
the receipt with the query code, and following the request (through the
same tracking form as applications: the number tells which it is).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from gongkai.accounts.permissions import agencies_for_user
from gongkai.audit.models import AuditEntry
from gongkai.audit.services import record, record_personal_data_view
from gongkai.organisations.models import Agency

from .. import services
from ..forms import (
    DecideRecordCorrectionForm,
    DeliveryForm,
    PublicRecordCorrectionForm,
    RegisterRecordCorrectionForm,
    add_service_errors,
)
from ..models import RecordCorrection, RecordStatus
from ..selectors import (
    get_record_correction_for_user,
    get_record_file_for_user,
    record_corrections_for_user,
)
from .documents import attachment_response, notice_response
from .intake import desk_register, kept, online_form

PAGE_SIZE = 30
PERSONAL_FIELDS = ("requester_name", "id_number", "phone", "email", "address")
FILTERS = {
    "pending": gettext_lazy("待核实处理"),
    "closed": gettext_lazy("已办结"),
    "all": gettext_lazy("全部"),
}
SUBMITTED_KEY = "record_corrections_submitted"
TRACKED_KEY = "record_corrections_tracked"


# -- staff ------------------------------------------------------------------


@require_GET
@login_required
def record_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    found = record_corrections_for_user(request.user)
    show = request.GET.get("show", "pending")
    if show in (RecordStatus.PENDING, RecordStatus.CLOSED):
        found = found.filter(status=show)
    query = request.GET.get("q", "").strip()
    if query:
        found = found.filter(
            Q(number__icontains=query) | Q(requester_name__icontains=query)
        )
    page = Paginator(found.order_by("received_on", "pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    rows = [(r, r.target_date() if not r.is_closed else None) for r in page]
    context = {
        "page": page,
        "rows": rows,
        "show": show,
        "query": query,
        "filters": FILTERS,
        "today": today,
        "can_register": agencies_for_user(request.user, write=True).exists(),
    }
    return render(request, "applications/record_list.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def record_register(request: HttpRequest) -> HttpResponse:
    return desk_register(
        request,
        RegisterRecordCorrectionForm,
        _register,
        success=lambda found: _("已登记更正申请，编号 %(n)s。") % {"n": found.number},
        template="applications/record_register.html",
        refused_status=400,
    )


def _register(
    user, agency: Agency, form: RegisterRecordCorrectionForm
) -> RecordCorrection:
    return services.register_record_correction(
        user,
        agency,
        channel=form.cleaned_data["channel"],
        fields=form.record,
        received_on=form.cleaned_data["received_on"],
        uploads=form.cleaned_data["files"],
    )


@require_GET
@login_required
def record_detail(request: HttpRequest, record_correction_pk: int) -> HttpResponse:
    found = get_record_correction_for_user(request.user, record_correction_pk)
    record_personal_data_view(request, found, PERSONAL_FIELDS)
    can_write = (
        agencies_for_user(request.user, write=True).filter(pk=found.agency_id).exists()
    )
    context = {
        "found": found,
        "today": timezone.localdate(),
        "target": None if found.is_closed else found.target_date(),
        "can_write": can_write,
        "transfers": found.transfers.select_related("agency"),
        "timeline": AuditEntry.objects.filter(
            target_type="applications.recordcorrection", target_id=str(found.pk)
        ).order_by("created_at", "pk"),
    }
    return render(request, "applications/record_detail.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def record_decide(request: HttpRequest, record_correction_pk: int) -> HttpResponse:
    found = get_record_correction_for_user(
        request.user, record_correction_pk, write=True
    )
    form = DecideRecordCorrectionForm(request.POST or None, agency=found.agency)
    if request.method == "POST" and form.is_valid():
        try:
            services.decide_record_correction(request.user, found, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("已处理，告知书已生成。"))
            return redirect(found)
    context = {
        "found": found,
        "form": form,
        "title": _("核实并处理更正申请"),
        "note": _(
            "《条例》第四十一条：有权更正的行政机关审核属实的，应当予以更正并告知申请人；"
            "不属于本行政机关职能范围的，可以转送有权更正的行政机关处理并告知申请人，"
            "或者告知申请人向有权更正的行政机关提出。"
        ),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "applications/record_action.html", context, status=status)


@require_http_methods(["GET", "POST"])
@login_required
def record_delivery(request: HttpRequest, record_correction_pk: int) -> HttpResponse:
    found = get_record_correction_for_user(
        request.user, record_correction_pk, write=True
    )
    form = DeliveryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_notice_delivery(request.user, found, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("已记录送达。"))
            return redirect(found)
    context = {
        "found": found,
        "form": form,
        "title": _("记录告知书送达"),
        "note": "",
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "applications/record_action.html", context, status=status)


@require_GET
@login_required
def record_notice(
    request: HttpRequest, record_correction_pk: int, fmt: str
) -> HttpResponse:
    found = get_record_correction_for_user(request.user, record_correction_pk)
    return notice_response(found, fmt)


@require_GET
@login_required
def record_file(request: HttpRequest, record_file_pk: int) -> HttpResponse:
    evidence = get_record_file_for_user(request.user, record_file_pk)
    record(
        request.user,
        "applications.view_record_evidence",
        target=evidence.record,
        data={"file": evidence.original_name},
    )
    return attachment_response(evidence)


# -- public -----------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def public_form(request: HttpRequest, agency_pk: int) -> HttpResponse:
    return online_form(
        request,
        agency_pk,
        PublicRecordCorrectionForm,
        services.submit_online_record_correction,
        fields="record",
        uploads="files",
        session_keys=(SUBMITTED_KEY, TRACKED_KEY),
        done="apply:record_submitted",
        template="applications/public/record_form.html",
    )


@never_cache
@require_GET
def public_submitted(request: HttpRequest) -> HttpResponse:
    found = kept(request, RecordCorrection, SUBMITTED_KEY)
    if found is None:
        return redirect("apply:track")
    return render(
        request, "applications/public/record_submitted.html", {"found": found}
    )


@never_cache
@require_GET
def public_track(request: HttpRequest) -> HttpResponse:
    return render(
        request, "applications/public/record_track.html", {"found": _tracked(request)}
    )


@require_GET
def public_notice(request: HttpRequest, fmt: str) -> HttpResponse:
    return notice_response(_tracked(request), fmt)


def remember(request: HttpRequest, found: RecordCorrection) -> None:
    """Let this browser follow ``found`` (after number and query code)."""
    request.session[TRACKED_KEY] = found.pk


def _tracked(request: HttpRequest) -> RecordCorrection:
    found = kept(request, RecordCorrection, TRACKED_KEY)
    if found is None:
        raise Http404
    return found
