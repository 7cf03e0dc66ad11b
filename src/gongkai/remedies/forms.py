from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.applications.forms import DateInput

from .models import Remedy, Result, Route


class RemedyForm(forms.Form):
    route = forms.ChoiceField(
        label=_("途径"), choices=Route.choices, widget=forms.RadioSelect
    )
    follows = forms.ModelChoiceField(
        label=_("此前的行政复议"),
        queryset=Remedy.objects.none(),
        required=False,
        help_text=_("复议后起诉时选择。"),
    )
    body = forms.CharField(label=_("复议机关或人民法院"), max_length=100)
    case_number = forms.CharField(label=_("案号"), max_length=100)
    filed_on = forms.DateField(label=_("申请或起诉日期"), widget=DateInput())
    note = forms.CharField(
        label=_("说明"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, application=None, **kwargs):
        super().__init__(*args, **kwargs)
        if application is not None:
            self.fields["follows"].queryset = application.remedies.filter(
                route=Route.RECONSIDERATION
            )


class ResultForm(forms.Form):
    result = forms.ChoiceField(
        label=_("结果"),
        choices=[c for c in Result.choices if c[0] != Result.PENDING],
        widget=forms.RadioSelect,
    )
    decided_on = forms.DateField(label=_("审结日期"), widget=DateInput())
    note = forms.CharField(
        label=_("说明"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decided_on"].initial = timezone.localdate()
