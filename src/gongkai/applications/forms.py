"""Forms of the public application pages and the staff case pages.

Forms parse and label; the rules live in the services, whose
``ValidationError`` the views show on the fields (``add_service_errors``).
The intake form asks the service itself (``clean_fields``) so that the
public form, the staff form and the API refuse exactly the same input.
"""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import fees, outcomes
from .models import (
    ApplicantType,
    Channel,
    ConsultationKind,
    Decision,
    Delivery,
    FeeBasis,
    FormChangeReason,
    IdKind,
    LetterKind,
    Position,
    ProvisionForm,
    RecordResult,
    RejectionGround,
)
from .services import Upload, clean_fields

MAX_FILES = 5
MAX_FILE_BYTES = 10 * 1024 * 1024
# Accepted attachments: extension → (media type, leading bytes).
FILE_TYPES = {
    "pdf": ("application/pdf", (b"%PDF",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "doc": ("application/msword", (b"\xd0\xcf\x11\xe0",)),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (b"PK\x03\x04",),
    ),
    "ofd": ("application/ofd", (b"PK\x03\x04",)),
}


def add_service_errors(form, error: ValidationError) -> None:
    """Show a service's ``ValidationError`` on the form's fields where it
    names one, else above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def date_field(label, *, required=True, help_text=""):
    return forms.DateField(
        label=label, required=required, widget=DateInput(), help_text=help_text
    )


def text_area(label, *, required=True, rows=4, help_text="", max_length=5000):
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class TodayForm(forms.Form):
    """A form whose date fields default to today."""

    date_fields: tuple[str, ...] = ("on",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.date_fields:
            if name in self.fields and not self.fields[name].initial:
                self.fields[name].initial = timezone.localdate()


# -- attachments ------------------------------------------------------------


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Up to 5 files of 10 MB each, PDF, images or Word/OFD documents whose
    content matches their extension."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget",
            MultipleFileInput(attrs={"accept": ",".join(f".{e}" for e in FILE_TYPES)}),
        )
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, (list, tuple)) else [data]) if f]
        if len(files) > MAX_FILES:
            raise ValidationError(_("最多上传 %(n)d 个附件。") % {"n": MAX_FILES})
        return tuple(
            self._upload(super(AttachmentsField, self).clean(f, initial)) for f in files
        )

    def _upload(self, file) -> Upload:
        extension = file.name.rsplit(".", 1)[-1].lower() if "." in file.name else ""
        if extension not in FILE_TYPES:
            raise ValidationError(
                _(
                    "附件“%(name)s”的类型不支持，请上传 PDF、JPG、PNG、DOC、DOCX 或 OFD 文件。"
                )
                % {"name": file.name}
            )
        if file.size > MAX_FILE_BYTES:
            raise ValidationError(_("附件“%(name)s”超过 10 MB。") % {"name": file.name})
        content = file.read()
        media_type, signatures = FILE_TYPES[extension]
        if not content.startswith(signatures):
            raise ValidationError(
                _("附件“%(name)s”的内容与扩展名不符，可能已损坏。")
                % {"name": file.name}
            )
        return Upload(file.name, content, media_type)


# -- intake -----------------------------------------------------------------


def person_form(prefix: str) -> type[forms.Form]:
    """A form base asking who applies and how to reach them, shared by the
    application (第二十九条) and the correction-of-record request (第四十一条).

    The two name the person differently: the type and name fields are
    ``<prefix>_type`` and ``<prefix>_name``.  Declared in the base, these
    fields come first, before the subclass's own.
    """
    fields = {
        f"{prefix}_type": forms.ChoiceField(
            label=_("申请人类型"),
            choices=ApplicantType.choices,
            widget=forms.RadioSelect,
        ),
        f"{prefix}_name": forms.CharField(
            label=_("姓名或名称"),
            max_length=100,
            help_text=_("自然人填写姓名；法人或其他组织填写全称。"),
        ),
        "id_kind": forms.ChoiceField(label=_("身份证明"), choices=IdKind.choices),
        "id_number": forms.CharField(label=_("证件号码"), max_length=40),
        "contact_person": forms.CharField(
            label=_("联系人"),
            max_length=50,
            required=False,
            help_text=_("法人或其他组织必填。"),
        ),
        "phone": forms.CharField(label=_("联系电话"), max_length=30),
        "email": forms.EmailField(label=_("电子邮箱"), required=False),
        "address": forms.CharField(label=_("通信地址"), max_length=200, required=False),
    }
    return type(forms.Form)(f"{prefix.title()}PersonForm", (forms.Form,), fields)


def show_cleaning_errors(form, error: ValidationError) -> None:
    """Show what a service's field cleaning refused: every problem at once,
    but one message per field (a field's own error stays first)."""
    for field, messages in error.message_dict.items():
        if field not in form.errors:
            form.add_error(field if field in form.fields else None, messages)


class OnlineFormMixin(forms.Form):
    """The parts of a public online form: the one-time token (a form sent
    twice makes one submission) and the field bots fill in."""

    token = forms.UUIDField(widget=forms.HiddenInput)
    # A field people never see: bots fill it in.
    website = forms.CharField(
        label=_("请勿填写此项"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["token"].initial = uuid.uuid4()

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise ValidationError(_("提交失败，请刷新页面后重试。"))
        return ""


class IntakeForm(person_form("applicant")):
    """第二十九条: who applies, how to reach them, what they want and how."""

    postcode = forms.RegexField(
        label=_("邮政编码"),
        regex=r"^\d{6}$",
        required=False,
        error_messages={"invalid": _("邮政编码为6位数字。")},
    )
    info_title = forms.CharField(
        label=_("政府信息名称"), max_length=200, required=False
    )
    document_number = forms.CharField(
        label=_("文号"),
        max_length=100,
        required=False,
        help_text=_("如：平政办〔2025〕12号"),
    )
    info_description = text_area(
        _("所需信息的特征描述"),
        help_text=_(
            "请尽量写明信息的名称、文号、形成时间、制作机关等便于查找的特征。建议一事一申请。"
        ),
    )
    provision_form = forms.ChoiceField(
        label=_("获取信息的形式"),
        choices=ProvisionForm.choices,
        widget=forms.RadioSelect,
    )
    delivery = forms.ChoiceField(
        label=_("获取信息的途径"), choices=Delivery.choices, widget=forms.RadioSelect
    )
    needs_assistance = forms.BooleanField(
        label=_("我有阅读困难或视听障碍，需要必要的帮助（第四十三条）"),
        required=False,
        help_text=_(
            "勾选后，工作人员会在办理中为您提供必要的帮助，例如电话沟通、"
            "当面讲解、大字版或语音告知文书。"
        ),
    )
    assistance_note = forms.CharField(
        label=_("需要何种帮助"),
        max_length=200,
        required=False,
        help_text=_(
            "可选。例如：视力障碍，请电话告知办理结果；听力障碍，请用短信联系。"
        ),
    )
    attachments = AttachmentsField(
        label=_("附件"),
        help_text=_(
            "身份证明等材料，最多 5 个，每个不超过 10 MB（PDF、JPG、PNG、DOC、DOCX、OFD）。"
        ),
    )

    def clean(self):
        cleaned = super().clean()
        fields = {name: cleaned.get(name, "") for name in self.intake_names()}
        try:
            self.intake = clean_fields(fields)
        except ValidationError as error:
            show_cleaning_errors(self, error)
        return cleaned

    @staticmethod
    def intake_names() -> tuple[str, ...]:
        from .services.intake import INTAKE_FIELDS

        return INTAKE_FIELDS


class PublicApplicationForm(OnlineFormMixin, IntakeForm):
    truthful = forms.BooleanField(label=_("本人承诺所填信息真实有效"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["delivery"].choices = [
            c for c in Delivery.choices if c[0] != Delivery.FAX
        ]


class RegisterForm(IntakeForm):
    """Staff registration of an application that came by another channel."""

    channel = forms.ChoiceField(
        label=_("申请方式"),
        choices=[c for c in Channel.choices if c[0] != Channel.ONLINE],
    )
    receipt_date = date_field(
        _("收到申请之日"),
        required=False,
        help_text=_(
            "当面、口头：提交之日；邮寄：签收之日；平常信函、传真、电子邮件：与申请人确认之日（可稍后确认）。"
        ),
    )
    receipt_note = forms.CharField(
        label=_("收到情况说明"), max_length=200, required=False
    )
    field_order = ["channel", "receipt_date", "receipt_note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Staff record what they observed or were told (第四十三条).
        self.fields["needs_assistance"].label = _(
            "申请人存在阅读困难或视听障碍，需要必要的帮助（第四十三条）"
        )
        self.fields["needs_assistance"].help_text = _(
            "如口头申请、代为填写的申请人需要帮助，请勾选并说明，办理和送达时据此提供帮助。"
        )
        self.fields["assistance_note"].help_text = _(
            "如：视力障碍，文书请电话读给申请人；需要手语翻译。"
        )


class TrackForm(forms.Form):
    number = forms.CharField(
        label=_("申请编号"),
        max_length=32,
        help_text=_("政府信息公开申请的编号，或更正申请的编号（GZ开头）。"),
    )
    query_code = forms.CharField(label=_("查询码"), max_length=20)


class PublicCorrectionForm(forms.Form):
    text = text_area(_("补正内容"), required=False, rows=6)
    attachments = AttachmentsField(label=_("补正材料"))


# -- staff steps ----------------------------------------------------------------


class ConfirmReceiptForm(TodayForm):
    on = date_field(_("收到申请之日（双方确认之日）"))
    note = forms.CharField(
        label=_("确认情况"),
        max_length=200,
        required=False,
        help_text=_("如：已电话与申请人确认"),
    )


class ReviewForm(TodayForm):
    on = date_field(_("审核日期"))


class CorrectionForm(TodayForm):
    items = text_area(_("需要补正的事项"), help_text=_("一次性逐项列明（第三十条）。"))
    correct_by = date_field(_("补正期限"))
    on = date_field(_("告知日期"))


class ReceiveCorrectionForm(TodayForm):
    on = date_field(_("收到补正申请之日"))
    late_reason = text_area(_("逾期补正的正当理由"), required=False, rows=2)


class ConsultationForm(TodayForm):
    date_fields = ("sent_on",)
    kind = forms.ChoiceField(label=_("类型"), choices=ConsultationKind.choices)
    party_name = forms.CharField(label=_("被征求意见方"), max_length=100)
    party_contact = forms.CharField(label=_("联系方式"), max_length=200, required=False)
    subject = text_area(_("征求意见的内容"))
    sent_on = date_field(_("发出日期"))
    party_received_on = date_field(
        _("对方收到日期"), required=False, help_text=_("不填则按发出当日计。")
    )


class ConsultationAnswerForm(TodayForm):
    date_fields = ("answered_on",)
    position = forms.ChoiceField(
        label=_("意见"),
        choices=[c for c in Position.choices if c[0] != Position.PENDING],
        widget=forms.RadioSelect,
    )
    answered_on = date_field(_("答复日期"), required=False)
    reasons = text_area(_("意见及理由"), required=False, rows=3)


class OverrideForm(TodayForm):
    date_fields = ("notified_on",)
    reasons = text_area(_("不公开可能对公共利益造成重大影响的理由"))
    notified_on = date_field(_("书面告知第三方日期"))


class ExtensionForm(TodayForm):
    days = forms.IntegerField(
        label=_("延长工作日数"), min_value=1, max_value=20, initial=20
    )
    reason = text_area(_("延期理由"), rows=2)
    on = date_field(_("批准并告知日期"))


class ReasonsForm(TodayForm):
    grounds = text_area(_("申请数量、频次明显超过合理范围的情况"))
    reasons_due = date_field(_("说明理由期限"))
    on = date_field(_("通知日期"))


class DecisionForm(TodayForm):
    decision = forms.ChoiceField(
        label=_("决定"), choices=Decision.choices, widget=forms.RadioSelect
    )
    applicant_reasons = text_area(_("申请人说明的理由"), required=False, rows=3)
    reasons = text_area(_("决定理由"), rows=3)
    delayed_due = date_field(
        _("延迟答复期限"), required=False, help_text=_("理由合理时必填。")
    )
    on = date_field(_("决定日期"))


class FeeForm(TodayForm):
    basis = forms.ChoiceField(
        label=_("计费方式"), choices=FeeBasis.choices, widget=forms.RadioSelect
    )
    quantity = forms.IntegerField(
        label=_("件数或页数"),
        min_value=1,
        help_text=_("按件：本申请计为几件；按量：提供的页数。"),
    )
    position = forms.IntegerField(
        label=_("本月第几件"),
        min_value=1,
        required=False,
        help_text=_("按件计收时，本申请是申请人本月向本机关提出的第几件。"),
    )
    justification = text_area(_("数量、频次明显超过合理范围的情况"), rows=3)
    on = date_field(_("通知日期"))
    received_on = date_field(_("申请人收到通知日期"), required=False)


class FeePaymentForm(TodayForm):
    date_fields = ("paid_on",)
    paid_on = date_field(_("缴费日期"))
    receipt_number = forms.CharField(label=_("财政票据号"), max_length=50)


class WaiverForm(TodayForm):
    reason = text_area(_("减免理由"), rows=2)
    on = date_field(_("决定日期"))


class CloseForm(TodayForm):
    outcome = forms.ChoiceField(
        label=_("办理结果"), choices=[("", "——")] + outcomes.grouped_choices()
    )
    partial_withholding = forms.BooleanField(
        label=_("部分内容不予公开（区分处理，第三十七条）"), required=False
    )
    provided = text_area(_("提供的信息或获取方式、途径和时间"), required=False, rows=3)
    legal_basis = text_area(
        _("理由和法律依据"),
        required=False,
        rows=3,
        help_text=_("不予公开和部分公开必填，写明适用的条款。"),
    )
    redirect_agency = forms.CharField(
        label=_("负责公开的机关及联系方式"),
        max_length=200,
        required=False,
        help_text=_("第三十六条第（五）项适用。"),
    )
    provided_form = forms.ChoiceField(
        label=_("提供政府信息的形式"),
        choices=ProvisionForm.choices,
        required=False,
        help_text=_(
            "予以公开、部分公开时填写；默认按申请人要求的形式提供（第四十条）。"
        ),
    )
    form_change_reason = forms.ChoiceField(
        label=_("未按申请人要求的形式提供的理由"),
        choices=[("", "——")] + FormChangeReason.choices,
        required=False,
        help_text=_(
            "提供形式与申请人要求不同时必填：可能危及政府信息载体安全或公开成本过高的，"
            "可以通过电子数据以及其他适当形式提供，或者安排申请人查阅、抄录（第四十条）。"
        ),
    )
    form_change_note = text_area(
        _("理由说明"),
        required=False,
        rows=2,
        help_text=_("选择“其他”时必填；其他情形可补充具体情况，将写入答复书。"),
    )
    on = date_field(_("答复日期"))

    def __init__(self, *args, requested_form: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if requested_form:
            self.fields["provided_form"].initial = requested_form
            self.fields["provided_form"].help_text = _(
                "申请人要求的形式：%(form)s。予以公开、部分公开时，默认按此形式提供（第四十条）。"
            ) % {"form": ProvisionForm(requested_form).label}


class DeliveryForm(TodayForm):
    date_fields = ("delivered_on",)
    method = forms.CharField(
        label=_("送达方式"),
        max_length=50,
        help_text=_("如：电子邮件、EMS 邮寄、当面领取"),
    )
    delivered_on = date_field(_("送达日期"))
    note = forms.CharField(
        label=_("送达说明"), max_length=200, required=False, help_text=_("如：邮件单号")
    )


class DateOnlyForm(TodayForm):
    on = date_field(_("日期"))


class AttachmentForm(forms.Form):
    attachments = AttachmentsField(label=_("附件"), required=True)


class TemplateForm(forms.Form):
    title = forms.CharField(label=_("标题"), max_length=100)
    body = text_area(_("正文模板"), rows=18)


class FeeCalculatorForm(forms.Form):
    basis = forms.ChoiceField(
        label=_("计费方式"),
        choices=[
            (fees.PER_PAGE, _("按量计收（一件申请的页数）")),
            (fees.PER_APPLICATION, _("按件计收（本月第几件申请）")),
        ],
    )
    n = forms.IntegerField(label=_("数量"), min_value=0, max_value=1_000_000)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("basis") == fees.PER_APPLICATION and cleaned.get("n") == 0:
            self.add_error("n", _("件次从 1 开始。"))
        return cleaned


LETTER_KIND_CHOICES = LetterKind.choices


# -- correction-of-record requests (更正申请, 《条例》第四十一条) --------------


class RecordCorrectionForm(person_form("requester")):
    """Who asks, which record is inaccurate and how, and the evidence."""

    record_description = text_area(
        _("需要更正的政府信息记录"),
        rows=3,
        help_text=_(
            "写明记录所在的文件、名单或证明的名称、文号，以及本机关提供或公开该记录的时间和途径。"
        ),
    )
    requested_change = text_area(
        _("记录不准确之处及更正请求"),
        rows=3,
        help_text=_("哪一项记录与您本人（本单位）的实际情况不符，应当如何更正。"),
    )
    evidence = text_area(
        _("证明记录不准确的证据"),
        rows=3,
        help_text=_(
            "列明证据，如户口簿、证明文件、合同；可以在下方上传证据材料（第四十一条：有证据证明的，可以要求更正）。"
        ),
    )
    files = AttachmentsField(
        label=_("证据材料"),
        help_text=_("最多 5 个，每个不超过 10 MB（PDF、JPG、PNG、DOC、DOCX、OFD）。"),
    )

    def clean(self):
        from .services import clean_record_fields
        from .services.record_corrections import RECORD_FIELDS

        cleaned = super().clean()
        try:
            self.record = clean_record_fields(
                {name: cleaned.get(name, "") for name in RECORD_FIELDS}
            )
        except ValidationError as error:
            show_cleaning_errors(self, error)
        return cleaned


class PublicRecordCorrectionForm(OnlineFormMixin, RecordCorrectionForm):
    truthful = forms.BooleanField(label=_("本人承诺所填信息和所附证据真实有效"))


class RegisterRecordCorrectionForm(RecordCorrectionForm):
    channel = forms.ChoiceField(label=_("提出方式"), choices=[])
    received_on = date_field(_("收到日期"))
    field_order = ["channel", "received_on"]

    def __init__(self, *args, **kwargs):
        from .models import RecordChannel
        from .services.record_corrections import DESK_CHANNELS

        super().__init__(*args, **kwargs)
        self.fields["channel"].choices = [
            c for c in RecordChannel.choices if c[0] in DESK_CHANNELS
        ]
        self.fields["received_on"].initial = timezone.localdate()


class DecideRecordCorrectionForm(TodayForm):
    result = forms.ChoiceField(
        label=_("处理结果"), choices=RecordResult.choices, widget=forms.RadioSelect
    )
    findings = text_area(
        _("核实情况"),
        rows=3,
        help_text=_("写明核实了哪些档案、证据，结论是什么；将写入告知书。"),
    )
    correction_made = text_area(
        _("更正内容"),
        required=False,
        rows=2,
        help_text=_("予以更正时必填：更正前后的记录。"),
    )
    rejection_ground = forms.ChoiceField(
        label=_("不予更正的理由"),
        choices=[("", "——")] + RejectionGround.choices,
        required=False,
    )
    competent_agency = forms.ModelChoiceField(
        label=_("有权更正的机关（本平台）"),
        queryset=None,
        required=False,
        help_text=_("转送本平台上的机关时，系统在该机关登记此申请并附上证据材料。"),
    )
    competent_agency_name = forms.CharField(
        label=_("有权更正的机关（不在本平台）"),
        max_length=100,
        required=False,
        help_text=_("转送或告知向其提出时，未在上方选择的，请填写机关名称。"),
    )
    competent_agency_contact = forms.CharField(
        label=_("有权更正的机关联系方式"), max_length=200, required=False
    )
    on = date_field(_("处理日期"))

    def __init__(self, *args, agency=None, **kwargs):
        from gongkai.organisations.models import Agency

        super().__init__(*args, **kwargs)
        others = Agency.objects.order_by("path")
        if agency is not None:
            others = others.exclude(pk=agency.pk)
        self.fields["competent_agency"].queryset = others
