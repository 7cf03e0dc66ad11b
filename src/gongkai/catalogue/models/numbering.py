from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.organisations.models import Agency


class PrefixSource(models.TextChoices):
    ORGANISATION_CODE = "organisation_code", _("组织机构代码（9位）")
    CREDIT_CODE = "credit_code", _("统一社会信用代码（18位）")
    CUSTOM = "custom", _("自定义前段码")


class Period(models.TextChoices):
    YEAR = "year", _("年（YYYY）")
    MONTH = "month", _("年月（YYYYMM）")


class IndexScheme(models.Model):
    """How an agency's index numbers are formed (R42).

    Without a row the national default applies: the 9-character
    organisation code and the year, ``<组织机构代码>/<YYYY>-<NNNNN>``.
    """

    agency = models.OneToOneField(
        Agency,
        verbose_name=_("机关"),
        on_delete=models.CASCADE,
        related_name="index_scheme",
    )
    prefix_source = models.CharField(
        _("前段码"),
        max_length=20,
        choices=PrefixSource.choices,
        default=PrefixSource.ORGANISATION_CODE,
    )
    custom_prefix = models.CharField(_("自定义前段码"), max_length=30, blank=True)
    period = models.CharField(
        _("后段码年份格式"), max_length=8, choices=Period.choices, default=Period.YEAR
    )
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("索引号规则")
        verbose_name_plural = _("索引号规则")

    def __str__(self):
        return f"{self.agency} · {self.get_prefix_source_display()}"


class IndexSerial(models.Model):
    """The last serial handed out for one prefix and period.

    Publishing increments the row inside its transaction; the row lock (and
    SQLite's single writer) makes concurrent publishers take turns, and the
    unique constraint on ``Document.index_number`` is the last guard.
    """

    prefix = models.CharField(_("前段码"), max_length=30)
    period = models.CharField(_("期间"), max_length=6)
    last = models.PositiveIntegerField(_("最后流水号"), default=0)

    class Meta:
        verbose_name = _("索引号流水")
        verbose_name_plural = _("索引号流水")
        constraints = [
            models.UniqueConstraint(
                fields=["prefix", "period"], name="catalogue_unique_index_serial"
            )
        ]

    def __str__(self):
        return f"{self.prefix}/{self.period}: {self.last}"
