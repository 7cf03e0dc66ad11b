"""The official holiday arrangements, one covered year at a time.

A year is either covered (a :class:`CalendarYear` row, with every exception
day of its State Council notice) or unknown; the deadline arithmetic refuses
unknown years.  Rows change only through :mod:`gongkai.workcalendar.services`.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarYear(models.Model):
    """A year whose official arrangement is loaded, with where it came from."""

    class Origin(models.TextChoices):
        PACKAGE = "package", _("chinesecalendar 软件包")
        FORM = "form", _("管理员录入")
        CSV = "csv", _("CSV 导入")
        ICS = "ics", _("ICS 导入")

    year = models.PositiveSmallIntegerField(_("年份"), unique=True)
    source = models.CharField(
        _("来源"),
        max_length=300,
        help_text=_("通知名称或文号，例如：国务院办公厅关于2027年部分节假日安排的通知"),
    )
    published_on = models.DateField(_("发布日期"), null=True, blank=True)
    origin = models.CharField(_("录入方式"), max_length=10, choices=Origin.choices)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("录入人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    added_at = models.DateTimeField(_("录入时间"))

    class Meta:
        ordering = ["year"]
        verbose_name = _("已覆盖年份")
        verbose_name_plural = _("已覆盖年份")

    def __str__(self):
        return f"{self.year}"


class CalendarException(models.Model):
    """A day that departs from the Monday–Friday rule in its year's notice."""

    class Kind(models.TextChoices):
        HOLIDAY = "holiday", _("放假")
        ADJUSTED_WORKDAY = "adjusted_workday", _("调休上班")

    calendar_year = models.ForeignKey(
        CalendarYear,
        verbose_name=_("年份"),
        on_delete=models.CASCADE,
        related_name="exceptions",
    )
    date = models.DateField(_("日期"), unique=True)
    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("节日"), max_length=100, blank=True)
    source_notice = models.CharField(_("依据通知"), max_length=300)

    class Meta:
        ordering = ["date"]
        verbose_name = _("节假日与调休")
        verbose_name_plural = _("节假日与调休")

    def __str__(self):
        return f"{self.date.isoformat()} {self.get_kind_display()} {self.name}".strip()
