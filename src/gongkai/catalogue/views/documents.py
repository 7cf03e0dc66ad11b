"""Staff pages for drafting, reviewing and publishing documents.  Every view
starts with a permission-checked fetcher: another agency's document is a
404; a duty that is someone else's is a 403 from the service."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gongkai.accounts.permissions import agencies_for_user, has_role

from .. import services, uploads
from ..forms import (
    AttachmentForm,
    DocumentForm,
    ReasonForm,
    ReevaluationForm,
    ReviewForm,
    ValidityForm,
    add_service_errors,
)
from ..models import DocumentKind, Status
from ..selectors import (
    documents_for_user,
    get_attachment_for_user,
    get_document_for_user,
    writable_agencies,
)
from ..services.common import PUBLISHER_ROLES

PAGE_SIZE = 30


def _filtered(request: HttpRequest):
    documents = documents_for_user(request.user)
    status, agency, query = (request.GET.get(k, "") for k in ("status", "agency", "q"))
    if status in Status.values:
        documents = documents.filter(status=status)
    if agency.isdigit():
        documents = documents.filter(agency_id=int(agency))
    if query.strip():
        documents = documents.filter(title__icontains=query.strip()[:50])
    return documents.order_by("-updated_at", "-pk")


@require_GET
@login_required
def document_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(_filtered(request), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "statuses": Status.choices,
        "agencies": agencies_for_user(request.user).order_by("path"),
        "can_draft": writable_agencies(request.user).exists(),
        "today": timezone.localdate(),
    }
    return render(request, "catalogue/document_list.html", context)


def _chosen_agency(request: HttpRequest):
    agencies = writable_agencies(request.user)
    chosen = request.POST.get("agency") or request.GET.get("agency")
    agency = agencies.filter(pk=chosen).first() if str(chosen).isdigit() else None
    agency = agency or agencies.first()
    if agency is None:
        raise PermissionDenied
    return agency, agencies


@require_http_methods(["GET", "POST"])
@login_required
def document_create(request: HttpRequest) -> HttpResponse:
    agency, agencies = _chosen_agency(request)
    initial = {"created_on": timezone.localdate(), "kind": request.GET.get("kind")}
    form = DocumentForm(request.POST or None, agency=agency, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            document = services.draft_document(
                request.user,
                agency,
                interprets=form.cleaned_data["interprets"],
                **form.service_fields(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("草稿已保存。"))
            return redirect(document.staff_url())
    context = {"form": form, "agency": agency, "agencies": agencies}
    return render(request, "catalogue/document_form.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def document_edit(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for_user(request.user, pk, write=True)
    form = DocumentForm(request.POST or None, instance=document, agency=document.agency)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_document(
                request.user,
                document,
                interprets=form.cleaned_data["interprets"],
                **form.service_fields(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("已保存。"))
            return redirect(document.staff_url())
    context = {"form": form, "agency": document.agency, "document": document}
    return render(request, "catalogue/document_form.html", context)


def _duties(user, document) -> dict:
    agency = document.agency
    can_write = agencies_for_user(user, write=True).filter(pk=agency.pk).exists()
    return {
        "can_write": can_write,
        "can_review": has_role(user, agency, "publication_reviewer"),
        "can_publish": any(has_role(user, agency, r) for r in PUBLISHER_ROLES),
    }


@require_GET
@login_required
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for_user(request.user, pk)
    context = {
        "document": document,
        "reviews": document.reviews.select_related("reviewer"),
        "attachments": document.attachments.all(),
        "problems": services.publication_problems(document),
        "today": timezone.localdate(),
        "review_form": ReviewForm(),
        "attachment_form": AttachmentForm(),
        "reason_form": ReasonForm(),
        "validity_form": ValidityForm(
            initial={
                "repealed_on": document.repealed_on,
                "valid_until": document.valid_until,
            }
        ),
        "reevaluation_form": ReevaluationForm(),
        "has_validity": document.kind
        in (DocumentKind.REGULATION, DocumentKind.NORMATIVE),
        **_duties(request.user, document),
    }
    return render(request, "catalogue/document_detail.html", context)


def _act(request, document, action, success: str) -> HttpResponse:
    """Run a service; show its refusal as a message on the detail page."""
    try:
        action()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)
    return redirect(document.staff_url())


@require_POST
@login_required
def document_review(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for_user(request.user, pk, write=True)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请选择审查结论。"))
        return redirect(document.staff_url())
    return _act(
        request,
        document,
        lambda: services.record_review(request.user, document, **form.cleaned_data),
        _("已记录保密审查。"),
    )


@require_POST
@login_required
def document_publish(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for_user(request.user, pk, write=True)
    return _act(
        request,
        document,
        lambda: services.publish_document(request.user, document),
        _("已发布。"),
    )


@require_POST
@login_required
def document_file(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for_user(request.user, pk, write=True)
    return _act(
        request,
        document,
        lambda: services.file_document(request.user, document),
        _("已登记，到期将提醒重新评估。"),
    )


@require_POST
@login_required
def document_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for_user(request.user, pk, write=True)
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return _act(
        request,
        document,
        lambda: services.withdraw_document(request.user, document, reason=reason),
        _("已撤回。"),
    )


@require_POST
@login_required
def document_validity(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for_user(request.user, pk, write=True)
    form = ValidityForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("日期格式不正确。"))
        return redirect(document.staff_url())
    return _act(
        request,
        document,
        lambda: services.change_validity(request.user, document, **form.cleaned_data),
        _("已更新有效性。"),
    )


@require_POST
@login_required
def document_reevaluate(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for_user(request.user, pk, write=True)
    form = ReevaluationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请选择评估结论并写明理由。"))
        return redirect(document.staff_url())
    data = form.cleaned_data
    return _act(
        request,
        document,
        lambda: services.reevaluate_document(
            request.user,
            document,
            disclose=data["decision"] == "disclose",
            reason=data["reason"],
            next_review_on=data["next_review_on"],
        ),
        _("已记录评估结论。"),
    )


@require_POST
@login_required
def attachment_add(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for_user(request.user, pk, write=True)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("请选择要上传的文件。"))
        return redirect(document.staff_url())
    upload = form.cleaned_data["file"]
    if upload.size > uploads.max_bytes():
        # Refused before reading it into memory.
        messages.error(
            request, _("文件超过 %(mb)d MB。") % {"mb": uploads.max_bytes() // 2**20}
        )
        return redirect(document.staff_url())
    return _act(
        request,
        document,
        lambda: services.add_attachment(
            request.user, document, name=upload.name, content=upload.read()
        ),
        _("附件已上传。"),
    )


@require_POST
@login_required
def attachment_remove(
    request: HttpRequest, pk: int, attachment_pk: int
) -> HttpResponse:
    document = get_document_for_user(request.user, pk, write=True)
    attachment = get_attachment_for_user(request.user, document, attachment_pk)
    return _act(
        request,
        document,
        lambda: services.remove_attachment(request.user, attachment),
        _("附件已删除。"),
    )


@require_GET
@login_required
def attachment_download(
    request: HttpRequest, pk: int, attachment_pk: int
) -> HttpResponse:
    document = get_document_for_user(request.user, pk)
    attachment = get_attachment_for_user(request.user, document, attachment_pk)
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.name,
        content_type=attachment.content_type,
    )
