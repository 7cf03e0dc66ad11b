from datetime import datetime, time

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.organisations.forms import ParentChoiceField
from gongkai.organisations.models import Agency

from . import verbs


class AuditFilterForm(forms.Form):
    actor = forms.CharField(label=_("操作人"), required=False)
    verb = forms.ChoiceField(label=_("操作"), required=False)
    agency = ParentChoiceField(
        queryset=Agency.objects.none(),
        label=_("机关（含下级）"),
        required=False,
        empty_label=_("全部"),
    )
    date_from = forms.DateField(
        label=_("起始日期"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = forms.DateField(
        label=_("截止日期"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["verb"].choices = [("", _("全部"))] + verbs.choices()

    def filter(self, entries):
        """Return ``entries`` narrowed by the valid filters."""
        data = self.cleaned_data
        if data.get("actor"):
            entries = entries.filter(actor_name__icontains=data["actor"])
        if data.get("verb"):
            entries = entries.filter(verb=data["verb"])
        if data.get("agency"):
            entries = entries.filter(agency__path__startswith=data["agency"].path)
        if data.get("date_from"):
            entries = entries.filter(created_at__gte=start_of_day(data["date_from"]))
        if data.get("date_to"):
            entries = entries.filter(created_at__lte=end_of_day(data["date_to"]))
        return entries


def start_of_day(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def end_of_day(day):
    return timezone.make_aware(datetime.combine(day, time.max))
