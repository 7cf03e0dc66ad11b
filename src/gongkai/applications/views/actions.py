"""One page per step of a case.  Each view fetches the case with write
reach (another agency's case is a 404), shows a small form, and hands the
cleaned data to one service; the service's refusals appear on the form."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from .. import forms, services
from ..models import Application
from ..selectors import get_application_for_user, get_consultation_for_user


def _step(
    request, application, form, perform: Callable, title, done, **context
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            perform(form.cleaned_data)
        except ValidationError as error:
            forms.add_service_errors(form, error)
        else:
            messages.success(request, done)
            return redirect(application)
    context |= {"form": form, "application": application, "title": title}
    status = 400 if request.method == "POST" else 200
    return render(request, "applications/action.html", context, status=status)


def case_step(form_class, title, done, *, note=None):
    """Make a view for one step: ``perform(user, case, data)`` is the body."""

    def decorate(perform):
        @require_http_methods(["GET", "POST"])
        @login_required
        def view(request: HttpRequest, pk: int) -> HttpResponse:
            application = get_application_for_user(request.user, pk, write=True)
            form = form_class(request.POST or None, **_initial(form_class, application))
            return _step(
                request,
                application,
                form,
                lambda data: perform(request.user, application, data),
                title,
                done,
                note=note(application) if callable(note) else note,
            )

        view.__name__ = perform.__name__
        view.__doc__ = perform.__doc__
        return view

    return decorate


def _initial(form_class, application: Application) -> dict:
    if form_class is forms.FeeForm:
        return {"initial": {"position": services.applicant_month_position(application)}}
    if form_class is forms.CloseForm:
        return {"requested_form": application.provision_form}
    return {}


@case_step(
    forms.ConfirmReceiptForm,
    gettext_lazy("确认收到申请"),
    gettext_lazy("已确认收到申请，答复期限已计算。"),
    note=lambda a: a.receipt_rule,
)
def confirm(user, application, data):
    services.confirm_receipt(user, application, on=data["on"], note=data["note"])


@case_step(
    forms.ReviewForm, gettext_lazy("审核通过（无需补正）"), gettext_lazy("已记录审核。")
)
def review(user, application, data):
    services.mark_reviewed(user, application, on=data["on"])


@case_step(
    forms.CorrectionForm,
    gettext_lazy("告知补正"),
    gettext_lazy("已发出补正告知书，答复期限自收到补正申请之日起重新计算。"),
    note=gettext_lazy(
        "《条例》第三十条：自收到申请之日起7个工作日内一次性告知；只能告知一次。"
    ),
)
def correction(user, application, data):
    services.request_correction(
        user,
        application,
        items=data["items"],
        correct_by=data["correct_by"],
        on=data["on"],
    )


@case_step(
    forms.ReceiveCorrectionForm,
    gettext_lazy("收到补正申请"),
    gettext_lazy("已收到补正申请，答复期限已重新计算。"),
    note=lambda a: _submitted_correction(a),
)
def correction_received(user, application, data):
    services.receive_correction(
        user, application, on=data["on"], late_reason=data["late_reason"]
    )


@case_step(
    forms.ConsultationForm,
    gettext_lazy("征求意见"),
    gettext_lazy("已发出征求意见函；征求意见所需时间不计算在答复期限内。"),
    note=gettext_lazy(
        "《条例》第三十二条、第三十四条：对方自收到征求意见书之日起15个工作日内提出意见。"
    ),
)
def consultation(user, application, data):
    services.start_consultation(user, application, **data)


@case_step(
    forms.ExtensionForm,
    gettext_lazy("批准延期答复"),
    gettext_lazy("已批准延期并生成延期答复告知书。"),
    note=gettext_lazy(
        "《条例》第三十三条第二款：经政府信息公开工作机构负责人同意，延长期限最长不超过20个工作日，只能延长一次，须在原期限届满前告知申请人。"
    ),
)
def extension(user, application, data):
    services.extend_deadline(
        user, application, days=data["days"], reason=data["reason"], on=data["on"]
    )


@case_step(
    forms.ReasonsForm,
    gettext_lazy("要求说明理由（第三十五条）"),
    gettext_lazy("已通知申请人说明理由。"),
)
def reasons(user, application, data):
    services.ask_for_reasons(
        user,
        application,
        grounds=data["grounds"],
        reasons_due=data["reasons_due"],
        on=data["on"],
    )


@case_step(
    forms.DecisionForm,
    gettext_lazy("对说明理由作出决定（第三十五条）"),
    gettext_lazy("已作出决定。"),
)
def reasons_decision(user, application, data):
    services.decide_on_reasons(
        user, _step_record(application, "excessive_review"), **data
    )


@case_step(
    forms.FeeForm,
    gettext_lazy("发出信息处理费收费通知"),
    gettext_lazy("已发出收费通知书。"),
    note=gettext_lazy(
        "《条例》第四十二条、国办函〔2020〕109号：仅在申请数量、频次明显超过合理范围时收费；每件申请只能选择一种计费方式。"
    ),
)
def fee(user, application, data):
    services.issue_fee_notice(user, application, **data)


@case_step(
    forms.FeePaymentForm,
    gettext_lazy("记录缴费"),
    gettext_lazy("已记录缴费，答复期限继续计算。"),
)
def fee_paid(user, application, data):
    services.record_fee_payment(user, _step_record(application, "fee_notice"), **data)


@case_step(forms.WaiverForm, gettext_lazy("减免信息处理费"), gettext_lazy("已减免。"))
def fee_waive(user, application, data):
    services.waive_fee(
        user,
        _step_record(application, "fee_notice"),
        reason=data["reason"],
        on=data["on"],
    )


@case_step(
    forms.CloseForm,
    gettext_lazy("答复并办结"),
    gettext_lazy("已答复并办结，答复书已生成。"),
    note=gettext_lazy(
        "办理结果即年度报告表三的一行。部分内容不予公开的，只能选“部分公开”（第三十七条）；不予公开须写明理由和依据。"
        "未按申请人要求的形式提供的，须选择理由（第四十条）。"
    ),
)
def close(user, application, data):
    services.close_application(user, application, **data)


@case_step(
    forms.DateOnlyForm,
    gettext_lazy("视为放弃申请"),
    gettext_lazy("已按视为放弃申请办结。"),
)
def abandon(user, application, data):
    reason = "correction" if application.status == "awaiting_correction" else "fee"
    services.close_as_abandoned(user, application, reason=reason, on=data["on"])


@case_step(
    forms.DateOnlyForm,
    gettext_lazy("归档"),
    gettext_lazy("已归档。"),
    note=gettext_lazy("《条例》第四十五条：登记、审核、办理、答复、归档。"),
)
def archive(user, application, data):
    services.archive_application(user, application, on=data["on"])


# -- steps on a consultation ---------------------------------------------------


@require_http_methods(["GET", "POST"])
@login_required
def consultation_answer(
    request: HttpRequest, pk: int, consultation_pk: int
) -> HttpResponse:
    application = get_application_for_user(request.user, pk, write=True)
    found = get_consultation_for_user(
        request.user, application, consultation_pk, write=True
    )
    form = forms.ConsultationAnswerForm(request.POST or None)
    return _step(
        request,
        application,
        form,
        lambda data: services.record_consultation_answer(request.user, found, **data),
        _("记录意见：%(party)s") % {"party": found.party_name},
        _("已记录意见。"),
    )


@require_http_methods(["GET", "POST"])
@login_required
def consultation_override(
    request: HttpRequest, pk: int, consultation_pk: int
) -> HttpResponse:
    application = get_application_for_user(request.user, pk, write=True)
    found = get_consultation_for_user(
        request.user, application, consultation_pk, write=True
    )
    form = forms.OverrideForm(request.POST or None)
    return _step(
        request,
        application,
        form,
        lambda data: services.override_objection(request.user, found, **data),
        _("因公共利益决定公开（第三十二条）"),
        _("已记录公共利益决定并生成告知第三方的文书。"),
        note=_(
            "第三方不同意公开的，行政机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的内容和理由书面告知第三方。"
        ),
    )


def _step_record(application: Application, name: str):
    found = getattr(application, name, None)
    if found is None:
        raise ValidationError(_("此步骤尚未开始。"))
    return found


def _submitted_correction(application: Application) -> str:
    correction = getattr(application, "correction", None)
    if correction is None or not correction.submitted_at:
        return str(_("申请人尚未在线提交补正内容；如以其他方式补正，请填写收到之日。"))
    return str(
        _("申请人已在线提交补正内容：%(text)s") % {"text": correction.submitted_text}
    )
