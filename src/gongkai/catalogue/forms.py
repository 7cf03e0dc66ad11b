"""Staff forms of the catalogue.  They parse input; the services decide."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import (
    Category,
    Channel,
    Document,
    IndexScheme,
    ReviewConclusion,
    StandardEntry,
)
from .services import DRAFT_FIELDS

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ``ValidationError`` on the form's fields where the
    form has them, else on the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)


class DocumentForm(forms.ModelForm):
    """The catalogue metadata of R41 and the 公开属性 of R44."""

    class Meta:
        model = Document
        fields = [*DRAFT_FIELDS, "interprets"]
        widgets = {
            "created_on": DATE_WIDGET,
            "formed_on": DATE_WIDGET,
            "effective_from": DATE_WIDGET,
            "valid_until": DATE_WIDGET,
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 14}),
            "attribute_reason": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "document_number": _(
                "年份请用六角括号〔〕，如：平政办〔2023〕5号；输入 [2023] 等会自动改正。"
            ),
            "formed_on": _(
                "留空则与生成日期相同。公开期限自此日起计算20个工作日（《条例》第二十六条）。"
            ),
            "attribute_reason": _("依申请公开、不予公开或删减后公开时必填。"),
            "interprets": _("仅政策解读填写：被解读的文件。"),
        }

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.for_agency(agency)
        self.fields["standard_entry"].queryset = agency.standard_entries.all()
        self.fields["formed_on"].required = False
        self.fields["interprets"].queryset = (
            Document.objects.filter(agency=agency)
            .exclude(pk=self.instance.pk)
            .exclude(kind="interpretation")
            .order_by("-created_at")
        )
        self.fields["interprets"].required = False

    def service_fields(self) -> dict:
        data = {f: self.cleaned_data[f] for f in DRAFT_FIELDS}
        data["formed_on"] = data["formed_on"] or data["created_on"]
        return data


class ReviewForm(forms.Form):
    conclusion = forms.ChoiceField(
        label=_("审查结论"), choices=ReviewConclusion.choices
    )
    notes = forms.CharField(
        label=_("审查意见"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    referral_to = forms.CharField(
        label=_("报请确定的部门"),
        required=False,
        max_length=100,
        help_text=_("结论为“不能确定”时必填（《条例》第十七条第二款）。"),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("理由"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReevaluationForm(forms.Form):
    DECISIONS = [
        ("keep", _("继续不予主动公开")),
        ("disclose", _("情况已变化，转为主动公开")),
    ]
    decision = forms.ChoiceField(
        label=_("评估结论"), choices=DECISIONS, widget=forms.RadioSelect
    )
    reason = forms.CharField(label=_("理由"), widget=forms.Textarea(attrs={"rows": 3}))
    next_review_on = forms.DateField(
        label=_("下次评估日期"), required=False, widget=DATE_WIDGET
    )


class ValidityForm(forms.Form):
    repealed_on = forms.DateField(
        label=_("废止日期"), required=False, widget=DATE_WIDGET
    )
    valid_until = forms.DateField(
        label=_("有效期至"), required=False, widget=DATE_WIDGET
    )
    note = forms.CharField(
        label=_("说明"),
        required=False,
        max_length=200,
        help_text=_("如：被平政〔2024〕3号文件废止。"),
    )


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("附件"))


class FiguresForm(forms.Form):
    year = forms.IntegerField(label=_("年度"), min_value=2008, max_value=2100)
    licensing = forms.IntegerField(label=_("行政许可处理决定数"), min_value=0)
    penalty = forms.IntegerField(label=_("行政处罚处理决定数"), min_value=0)
    enforcement = forms.IntegerField(label=_("行政强制处理决定数"), min_value=0)
    fees_yuan = forms.DecimalField(
        label=_("行政事业性收费金额（元）"),
        min_value=0,
        max_digits=16,
        decimal_places=2,
    )
    note = forms.CharField(label=_("备注"), required=False, max_length=200)


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Excel 或 CSV 文件"))


class GuideForm(forms.Form):
    arrangement = forms.CharField(
        label=_("一、信息分类与编排体系"), widget=forms.Textarea(attrs={"rows": 6})
    )
    proactive = forms.CharField(
        label=_("二、主动公开"), widget=forms.Textarea(attrs={"rows": 8})
    )
    on_request = forms.CharField(
        label=_("三、依申请公开"), widget=forms.Textarea(attrs={"rows": 12})
    )
    remedies = forms.CharField(
        label=_("四、监督和救济"), widget=forms.Textarea(attrs={"rows": 5})
    )
    extra = forms.CharField(
        label=_("五、其他事项"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class StandardEntryForm(forms.ModelForm):
    channels = forms.MultipleChoiceField(
        label=_("公开渠道和载体"),
        choices=Channel.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = StandardEntry
        fields = [
            "sequence",
            "level1",
            "level2",
            "content",
            "basis",
            "time_limit",
            "subject",
            "channels",
            "audience",
            "mode",
            "tier",
            "category",
        ]
        widgets = {
            "content": forms.Textarea(attrs={"rows": 3}),
            "basis": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.for_agency(agency)


class IndexSchemeForm(forms.ModelForm):
    class Meta:
        model = IndexScheme
        fields = ["prefix_source", "custom_prefix", "period"]


class SuggestionForm(forms.Form):
    category = forms.ModelChoiceField(
        label=_("目录分类"), queryset=Category.objects.none()
    )

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.for_agency(agency)
