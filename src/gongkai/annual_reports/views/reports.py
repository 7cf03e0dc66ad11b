"""Staff pages of one agency's report: start, compile, write, review,
publish, correct.  Every view fetches through a permission-checked
selector and changes things only through a service."""

import re
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from gongkai.accounts.permissions import agencies_for_user
from gongkai.report import ReportError
from gongkai.report import render as report_render

from .. import narrative, services
from ..compiling import CompileError
from ..facts import Fact
from ..forms import (
    CorrectionForm,
    NarrativeForm,
    NoteForm,
    PublishForm,
    StartReportForm,
)
from ..members import member_reports
from ..models import Report, Status
from ..review import review_report
from ..selectors import deadline_of, get_report_for_user
from .common import add_service_errors, attachment, error_text, report_years

_CELL = re.compile(r'(<td\b[^>]*\bdata-cell="([^"]+)"[^>]*>)([^<]*)(</td>)')


@require_GET
@login_required
def report_index(request: HttpRequest) -> HttpResponse:
    """The reports of the agencies the user works for or supervises."""
    reach = agencies_for_user(request.user)
    reports = Report.objects.filter(agency__in=reach).select_related("agency")
    writable = agencies_for_user(request.user, write=True).order_by("path")
    form = StartReportForm(agencies=writable, years=report_years())
    context = {
        "reports": reports.order_by("-year", "agency__path", "scope"),
        "form": form if writable.exists() else None,
    }
    return render(request, "annual_reports/report_index.html", context)


@require_POST
@login_required
def report_start(request: HttpRequest) -> HttpResponse:
    writable = agencies_for_user(request.user, write=True).order_by("path")
    form = StartReportForm(request.POST, agencies=writable, years=report_years())
    if not form.is_valid():
        messages.error(request, _("请选择机关和年度。"))
        return redirect("annual_reports:index")
    data = form.cleaned_data
    try:
        report = services.start_report(
            request.user, data["agency"], data["year"], scope=data["scope"]
        )
    except (CompileError, ValidationError) as error:
        messages.error(request, _message(error))
        return redirect("annual_reports:index")
    return redirect(report)


def _message(error) -> str:
    return error_text(error) if isinstance(error, ValidationError) else str(error)


def _can_write(user, report: Report) -> bool:
    return agencies_for_user(user, write=True).filter(pk=report.agency_id).exists()


def _can_review(user, report: Report) -> bool:
    try:
        services.require_reviewer(user, report.agency)
    except PermissionDenied:
        return False
    return True


def linked_cells(body: str, report: Report) -> str:
    """Return the report HTML with every number linked to its drill-down."""
    base = reverse("annual_reports:cell", args=[report.pk, "CELL"])

    def link(match: re.Match) -> str:
        url = base.replace("CELL", quote(match[2], safe="._"))
        text = match[3]
        if not text:
            return match[0]
        label = _("查看 %(cell)s 的记录") % {"cell": match[2]}
        anchor = f'<a class="gk-drill" href="{escape(url)}" title="{escape(label)}">{text}</a>'
        return f"{match[1]}{anchor}{match[4]}"

    return _CELL.sub(link, body)


@require_GET
@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_report_for_user(request.user, pk)
    return _workspace(
        request, report, NarrativeForm(initial=_narrative_initial(report))
    )


def _narrative_initial(report: Report) -> dict:
    return {
        "agency_name": report.agency_name,
        "responsible_leader": report.responsible_leader,
        "overview": report.overview,
        "problems": report.problems,
        "other": report.other,
    }


def _workspace(request, report: Report, form, status=200) -> HttpResponse:
    review = review_report(report)
    can_write = _can_write(request.user, report)
    body = report_render.render_html_fragment(review.report, review.findings)
    context = {
        "report": report,
        "review": review,
        "body": linked_cells(body, report),
        "form": form,
        "facts": [Fact.from_json(f) for f in report.facts.values()],
        "versions": report.versions.order_by("-number"),
        "deadline": deadline_of(report.agency, report.year),
        "members": member_reports(report) if report.is_region else [],
        "can_write": can_write,
        "can_edit": can_write and report.is_editable,
        "can_review": _can_review(request.user, report),
        "note_form": NoteForm(),
        "publish_form": PublishForm(),
        "correction_form": CorrectionForm(),
        "previews": report_render.FORMATS,
        "Status": Status,
    }
    return render(request, "annual_reports/report.html", context, status=status)


@require_POST
@login_required
def report_narrative(request: HttpRequest, pk: int) -> HttpResponse:
    """Save sections 一、五、六; the same form inserts a fact sentence or the
    sub-topic headings where the writer asked."""
    report = get_report_for_user(request.user, pk, write=True)
    form = NarrativeForm(request.POST)
    if not form.is_valid():
        return _workspace(request, report, form, status=400)
    data = dict(form.cleaned_data)
    _apply_helpers(request, report, data)
    try:
        services.save_narrative(request.user, report, **data)
    except ValidationError as error:
        add_service_errors(form, error)
        return _workspace(request, report, form, status=400)
    messages.success(request, _("已保存。"))
    return redirect(reverse("annual_reports:report", args=[pk]) + "#narrative")


def _apply_helpers(request, report: Report, data: dict) -> None:
    fact_key = request.POST.get("insert")
    if fact_key in report.facts:
        fact = Fact.from_json(report.facts[fact_key])
        if fact.sentence:
            data[fact.section] = narrative.append_paragraph(
                data[fact.section], fact.sentence
            )
    section = request.POST.get("template")
    if section in narrative.SPEC_BY_KEY:
        data[section] = narrative.append_paragraph(
            data[section], narrative.template(section)
        )


def _action(request, pk: int, service, success: str, *, write=True, **kwargs):
    report = get_report_for_user(request.user, pk, write=write)
    try:
        service(request.user, report, **kwargs)
    except (ValidationError, CompileError) as error:
        messages.error(request, _message(error))
    else:
        messages.success(request, success)
    return redirect(reverse("annual_reports:report", args=[pk]))


@require_POST
@login_required
def report_compile(request: HttpRequest, pk: int) -> HttpResponse:
    return _action(request, pk, services.compile_draft, _("已按最新记录重新生成表格。"))


@require_POST
@login_required
def report_submit(request: HttpRequest, pk: int) -> HttpResponse:
    return _action(request, pk, services.submit_report, _("已提交审核。"))


@require_POST
@login_required
def report_return(request: HttpRequest, pk: int) -> HttpResponse:
    form = NoteForm(request.POST)
    note = form.data.get("note", "")
    return _action(
        request, pk, services.return_report, _("已退回修改。"), write=False, note=note
    )


@require_POST
@login_required
def report_correct(request: HttpRequest, pk: int) -> HttpResponse:
    reason = CorrectionForm(request.POST).data.get("reason", "")
    return _action(
        request,
        pk,
        services.start_correction,
        _("已开始更正：修改后提交审核，发布为新版本。"),
        reason=reason,
    )


@require_POST
@login_required
def report_publish(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_report_for_user(request.user, pk)
    form = PublishForm(request.POST)
    reason = form.data.get("override_reason", "")[:2000]
    try:
        version = services.publish_report(request.user, report, override_reason=reason)
    except ValidationError as error:
        messages.error(request, error_text(error))
        return redirect(report)
    except ReportError as error:
        messages.error(request, str(error))
        return redirect(report)
    messages.success(
        request,
        _("已发布第 %(n)s 版，公众可在年报栏目中查看。") % {"n": version.number},
    )
    return redirect(report)


@require_GET
@login_required
def report_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The draft as a file, with the findings marked on their cells."""
    report = get_report_for_user(request.user, pk)
    to = request.GET.get("to", "pdf")
    if to not in report_render.FORMATS:
        raise Http404
    review = review_report(report)
    content = report_render.render(review.report, to, findings=review.findings)
    name = f"（草稿）{report_render.download_name(review.report, to)}"
    return attachment(content, report_render.MEDIA_TYPES[to], name)
