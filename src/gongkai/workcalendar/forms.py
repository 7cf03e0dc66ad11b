"""Staff forms: enter a year's State Council arrangement, or import a file.

Both forms only parse and then call a service; the service's refusals come
back as form errors, and nothing is stored unless everything is sound.
"""

import re
from datetime import date, timedelta
from pathlib import PurePath

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.workdays.notice import read_notice

from . import services
from .models import CalendarYear

RANGE_LINE = re.compile(
    r"^(?P<first>\d{4}-\d{1,2}-\d{1,2})"
    r"(?:\s*(?:\.\.|至|~)\s*(?P<last>\d{4}-\d{1,2}-\d{1,2}))?"
    r"\s*(?P<name>.*)$"
)
MAX_RANGE_DAYS = 31
DAYS_HELP = gettext_lazy(
    "每行一个日期或一段日期，后接节日名称，例如“2027-01-01 元旦”或"
    "“2027-02-05..2027-02-11 春节”（也可写“至”）。"
)


def parse_day_lines(text: str, label: str) -> dict[date, str]:
    """Return date → name from lines of dates or date ranges with names."""
    days: dict[date, str] = {}
    errors = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            days.update(_line_days(line.strip(), days))
        except ValueError as problem:
            errors.append(
                _("%(label)s第 %(line)s 行：%(problem)s")
                % {"label": label, "line": number, "problem": problem}
            )
    if errors:
        raise ValidationError(errors)
    return days


def _line_days(line: str, seen: dict[date, str]) -> dict[date, str]:
    match = RANGE_LINE.match(line)
    if not match:
        raise ValueError(_("应以 YYYY-MM-DD 格式的日期开头"))
    first = _date(match["first"])
    last = _date(match["last"]) if match["last"] else first
    if not first <= last <= first + timedelta(days=MAX_RANGE_DAYS):
        raise ValueError(
            _("日期段 %(first)s 至 %(last)s 不合理") % {"first": first, "last": last}
        )
    days = {
        first + timedelta(days=i): match["name"].strip()
        for i in range((last - first).days + 1)
    }
    repeated = sorted(set(days) & set(seen))
    if repeated:
        raise ValueError(_("日期 %(date)s 重复") % {"date": repeated[0].isoformat()})
    return days


def day_lines(days: dict[date, str]) -> str:
    """Return days as lines for the entry form, runs of a festival as ranges."""
    runs: list[list] = []
    for day, name in sorted(days.items()):
        if runs and runs[-1][2] == name and runs[-1][1] + timedelta(days=1) == day:
            runs[-1][1] = day
        else:
            runs.append([day, day, name])
    return "\n".join(_run_line(*run) for run in runs)


def _run_line(first: date, last: date, name: str) -> str:
    span = (
        first.isoformat()
        if first == last
        else f"{first.isoformat()}..{last.isoformat()}"
    )
    return f"{span} {name}".strip()


def _date(text: str) -> date:
    try:
        year, month, day = (int(part) for part in text.split("-"))
        return date(year, month, day)
    except ValueError:
        raise ValueError(_("日期“%(text)s”不存在") % {"text": text}) from None


class _YearForm(forms.Form):
    source = forms.CharField(
        label=gettext_lazy("来源"),
        max_length=300,
        help_text=gettext_lazy(
            "通知名称或文号，例如：国务院办公厅关于2027年部分节假日安排的通知"
        ),
    )
    published_on = forms.DateField(label=gettext_lazy("发布日期"), required=False)
    replace = forms.BooleanField(
        label=gettext_lazy("替换该年已有的安排"),
        required=False,
        help_text=gettext_lazy(
            "仅在更正已录入年份时勾选；未勾选时已录入的年份会被拒绝。"
        ),
    )

    def save(self, user) -> CalendarYear | None:
        """Store through the service; return None with form errors if refused."""
        try:
            return self._store(user)
        except ValidationError as refused:
            self.add_error(None, refused)
            return None


class ArrangementForm(_YearForm):
    """One year's notice entered by hand: rest days and 调休 working days."""

    year = forms.IntegerField(
        label=gettext_lazy("年份"), min_value=2000, max_value=2200
    )
    holidays = forms.CharField(
        label=gettext_lazy("放假日"),
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=DAYS_HELP,
    )
    adjusted_workdays = forms.CharField(
        label=gettext_lazy("调休上班日"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        help_text=gettext_lazy(
            "周六或周日被通知定为上班的日期，格式同上，名称写所属节日。"
        ),
    )
    notice = forms.CharField(
        label=gettext_lazy("通知正文（可选）"),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        help_text=gettext_lazy(
            "粘贴通知正文后点“解析通知正文”，系统据此填写上面两栏，核对无误后再保存。"
        ),
    )
    field_order = [
        "year",
        "source",
        "published_on",
        "holidays",
        "adjusted_workdays",
        "replace",
        "notice",
    ]

    @classmethod
    def from_notice(cls, data) -> tuple["ArrangementForm", list[str]]:
        """Return an unbound form prefilled from the pasted notice, and problems.

        Nothing is saved: the administrator reviews the two lists first.
        """
        initial = {key: data.get(key) for key in cls.base_fields}
        try:
            year = int(data.get("year", ""))
        except ValueError:
            return cls(initial=initial), [_("请先填写年份，再解析通知正文")]
        reading = read_notice(data.get("notice", ""), year)
        initial["holidays"] = day_lines(reading.holidays)
        initial["adjusted_workdays"] = day_lines(reading.adjusted_workdays)
        return cls(initial=initial), reading.problems

    def clean_holidays(self):
        return parse_day_lines(self.cleaned_data["holidays"], _("放假日"))

    def clean_adjusted_workdays(self):
        return parse_day_lines(self.cleaned_data["adjusted_workdays"], _("调休上班日"))

    def _store(self, user) -> CalendarYear:
        data = self.cleaned_data
        return services.add_calendar_year(
            user,
            data["year"],
            data["holidays"],
            data["adjusted_workdays"],
            data["source"],
            published_on=data["published_on"],
            replace=data["replace"],
        )


class ImportForm(_YearForm):
    """A CSV (date,kind,name) or ICS file holding one year's arrangement."""

    file = forms.FileField(
        label=gettext_lazy("文件"),
        help_text=gettext_lazy(
            "CSV（date,kind,name）或 ICS（全天事件），只含同一年的日期。"
        ),
    )
    year = forms.IntegerField(
        label=gettext_lazy("年份"),
        min_value=2000,
        max_value=2200,
        required=False,
        help_text=gettext_lazy("留空时取文件中第一个日期的年份。"),
    )
    field_order = ["file", "year", "source", "published_on", "replace"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        suffix = PurePath(upload.name).suffix.lower().lstrip(".")
        if suffix not in (CalendarYear.Origin.CSV, CalendarYear.Origin.ICS):
            raise ValidationError(_("只支持 .csv 和 .ics 文件"))
        return upload

    def _store(self, user) -> CalendarYear:
        data = self.cleaned_data
        upload = data["file"]
        return services.import_calendar_file(
            user,
            upload.read(),
            PurePath(upload.name).suffix.lower().lstrip("."),
            data["source"],
            year=data["year"],
            published_on=data["published_on"],
            replace=data["replace"],
        )
