from django import forms
from django.utils.translation import gettext_lazy as _

from .codes import normalise_organisation_code
from .models import Agency
from .services import IDENTITY_FIELDS, OGI_BODY_FIELDS


class AgencyForm(forms.ModelForm):
    """Every editable field; administrators use it to create and edit."""

    class Meta:
        model = Agency
        fields = IDENTITY_FIELDS + OGI_BODY_FIELDS

    def clean_credit_code(self):
        return self.cleaned_data["credit_code"].strip().upper()

    def clean_organisation_code(self):
        return normalise_organisation_code(self.cleaned_data["organisation_code"])


class OgiBodyForm(forms.ModelForm):
    """The 指南 contacts only (《条例》第十二条): what a head (负责人) edits."""

    class Meta:
        model = Agency
        fields = OGI_BODY_FIELDS


class ParentChoiceField(forms.ModelChoiceField):
    """Agencies indented by depth."""

    def __init__(self, *args, empty_label=None, **kwargs):
        super().__init__(*args, empty_label=empty_label or _("请选择"), **kwargs)

    def label_from_instance(self, obj):
        return "　" * obj.depth + obj.name


class CreateAgencyForm(AgencyForm):
    parent = ParentChoiceField(queryset=Agency.objects.none(), label=_("上级机关"))

    class Meta(AgencyForm.Meta):
        fields = ("parent",) + AgencyForm.Meta.fields

    def __init__(self, *args, parents, allow_root=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = parents
        self.fields["parent"].required = not allow_root


class MoveAgencyForm(forms.Form):
    parent = ParentChoiceField(queryset=Agency.objects.none(), label=_("新的上级机关"))

    def __init__(self, *args, parents, allow_root=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = parents
        self.fields["parent"].required = not allow_root


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Excel（.xlsx）或 CSV 文件"),
        help_text=_(
            "第一行为表头；“上级机关”填写全称，可以是已有机关或本文件中的其他行。"
        ),
    )
