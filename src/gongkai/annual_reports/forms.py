from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import AppliesTo, Scope

MAX_FILES = 20
MAX_FILE_BYTES = 20 * 1024 * 1024


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"multiple": True}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        files = [f for f in files if f]
        if not files:
            raise ValidationError(_("请选择至少一个报告文件。"), code="required")
        if len(files) > MAX_FILES:
            raise ValidationError(
                _(
                    "一次最多上传 %(n)s 个文件；更多文件请使用 gongkai report audit 命令。"
                ),
                params={"n": MAX_FILES},
                code="too_many",
            )
        for upload in files:
            if upload.size > MAX_FILE_BYTES:
                raise ValidationError(
                    _("文件 %(name)s 超过 20 MB。"),
                    params={"name": upload.name},
                    code="too_big",
                )
        return files


class ReportUploadForm(forms.Form):
    files = MultipleFileField(
        label=_("年度报告文件"),
        help_text=_(
            "可一次选择多个文件：PDF、HTML、Word（DOCX）、文本或规范 JSON，每个不超过 20 MB。"
        ),
    )
    agency = forms.ModelChoiceField(
        label=_("所属机关（可选）"),
        queryset=None,
        required=False,
        empty_label=_("（不在本平台的机关）"),
        help_text=_(
            "选择后，导入的报告作为该机关当年已发布的报告，参与跨年度核对和汇总。"
        ),
    )

    def __init__(self, *args, agencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies


def year_choices(first: int, last: int) -> list[tuple[int, str]]:
    return [(y, f"{y}") for y in range(last, first - 1, -1)]


class StartReportForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("机关"), queryset=None, empty_label=None)
    year = forms.TypedChoiceField(label=_("报告年度"), coerce=int, choices=())
    scope = forms.ChoiceField(
        label=_("报告范围"), choices=Scope.choices, initial=Scope.AGENCY
    )

    def __init__(self, *args, agencies=None, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["year"].choices = years


class NarrativeForm(forms.Form):
    agency_name = forms.CharField(
        label=_("标题中的机关名称"),
        max_length=100,
        help_text=_("印在报告标题上，如“海东市平安区古城回族乡”。"),
    )
    responsible_leader = forms.CharField(
        label=_("第一责任人"),
        max_length=50,
        required=False,
        help_text=_("分管政府信息公开工作的负责同志（国办公开办函〔2021〕30号）。"),
    )
    overview = forms.CharField(
        label=_("一、总体情况"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 14}),
    )
    problems = forms.CharField(
        label=_("五、存在的主要问题及改进情况"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    other = forms.CharField(
        label=_("六、其他需要报告的事项"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("审核意见"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class PublishForm(forms.Form):
    override_reason = forms.CharField(
        label=_("带错误发布的理由"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("报告还有错误时必须填写；理由随版本存档。"),
    )


class CorrectionForm(forms.Form):
    reason = forms.CharField(
        label=_("更正理由"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("更正后的报告作为新版本发布，理由和变化向公众公开。"),
    )


class MembersForm(forms.Form):
    agencies = forms.ModelMultipleChoiceField(
        label=_("汇总范围内的机关"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    imports = forms.ModelMultipleChoiceField(
        label=_("不在本平台的机关已发布的报告（导入）"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, agencies=None, imports=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agencies"].queryset = agencies
        self.fields["imports"].queryset = imports

    def clean(self):
        data = super().clean()
        if not data.get("agencies") and not data.get("imports"):
            raise ValidationError(_("请至少选择一个机关或一份导入的报告。"))
        return data


class DeadlineRuleForm(forms.Form):
    agency = forms.ModelChoiceField(
        label=_("规定机关"), queryset=None, empty_label=None
    )
    applies_to = forms.ChoiceField(label=_("适用于"), choices=AppliesTo.choices)
    month = forms.TypedChoiceField(
        label=_("次年月份"),
        coerce=int,
        choices=[(1, _("1月")), (2, _("2月")), (3, _("3月"))],
    )
    day = forms.IntegerField(label=_("日"), min_value=1, max_value=31)
    year = forms.IntegerField(
        label=_("报告年度（可选）"),
        required=False,
        min_value=2019,
        max_value=2100,
        help_text=_("留空表示每年适用。"),
    )
    basis = forms.CharField(
        label=_("依据"),
        max_length=200,
        help_text=_("规定期限的文件名称或文号。"),
    )

    def __init__(self, *args, agencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
