"""Staff forms for 回应关切 records and publication platforms.  They parse
input; ``services.engagement`` decides."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .forms import DATE_WIDGET
from .models import ConcernResponse, Platform
from .selectors import get_public_document_of

TIME_WIDGET = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class ConcernResponseForm(forms.ModelForm):
    """A response to a public concern; the related document is given by its
    索引号 (an agency may have many thousands of documents)."""

    index_number = forms.CharField(
        label=_("关联信息索引号"),
        max_length=48,
        required=False,
        help_text=_("选填：回应内容已作为主动公开信息发布时，填写其索引号。"),
    )

    class Meta:
        model = ConcernResponse
        fields = [
            "topic",
            "noticed_on",
            "noticed_time",
            "responded_on",
            "responded_time",
            "channel",
            "note",
        ]
        widgets = {
            "noticed_on": DATE_WIDGET,
            "noticed_time": TIME_WIDGET,
            "responded_on": DATE_WIDGET,
            "responded_time": TIME_WIDGET,
            "note": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "noticed_on": _(
                "舆情或关切出现、被发现的日期（选填）。"
                "政务舆情应在48小时内回应（国务院办公厅关于在政务公开工作中"
                "进一步做好政务舆情回应的通知，2016年）。"
            ),
            "noticed_time": _("选填；与回应时间都填写时，按小时判断是否超过48小时。"),
        }

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.agency = agency
        self.fields["channel"].choices = self.fields["channel"].choices[1:]
        if self.instance.pk and self.instance.document_id:
            self.initial.setdefault(
                "index_number", self.instance.document.index_number or ""
            )
        if not self.instance.pk:
            self.initial.setdefault("responded_on", timezone.localdate())

    def clean_index_number(self):
        number = self.cleaned_data["index_number"].strip()
        self.document = None
        if number:
            self.document = get_public_document_of(self.agency, number)
            if self.document is None:
                raise forms.ValidationError(
                    _("本机关没有索引号为“%(n)s”的已公开信息。") % {"n": number}
                )
        return number

    def service_fields(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["document"] = self.document
        return data


class PlatformForm(forms.ModelForm):
    class Meta:
        model = Platform
        fields = ["kind", "name", "url", "last_updated_on", "is_active"]
        widgets = {"last_updated_on": DATE_WIDGET}
        help_texts = {
            "name": _("如：古城回族乡人民政府、平安区人民政府网站古城回族乡专栏。"),
            "last_updated_on": _(
                "超过两周未更新的政务新媒体在检查中单项否决（国办秘函〔2019〕19号）。"
            ),
            "is_active": _("已关停或注销的账号取消勾选，不再提醒。"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = self.fields["kind"].choices[1:]
        if not self.instance.pk:
            self.initial.setdefault("last_updated_on", timezone.localdate())

    def service_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class PlatformUpdateForm(forms.Form):
    day = forms.DateField(label=_("更新日期"), widget=DATE_WIDGET)
