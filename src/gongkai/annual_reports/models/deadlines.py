from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class AppliesTo(models.TextChoices):
    """Which agencies of the subtree a local deadline binds."""

    ALL = "all", _("全部机关")
    DEPARTMENTS = "departments", _("政府部门")
    GOVERNMENTS = "governments", _("人民政府（不含乡镇）")
    TOWNSHIPS = "townships", _("乡镇（街道）")


class DeadlineRule(models.Model):
    """An earlier local deadline for publishing annual reports (R64).

    《条例》第四十九条 fixes 31 January for departments and 31 March for
    governments; a region may set earlier dates for the agencies below it
    (e.g. 怀化: 市直单位 by 28 January).  The deadline is a day of the year
    after the report year.  ``year`` empty: every year.
    """

    agency = models.ForeignKey(
        "organisations.Agency",
        verbose_name=_("规定机关"),
        on_delete=models.PROTECT,
        related_name="report_deadline_rules",
        help_text=_("规定适用于本机关及其下级机关"),
    )
    applies_to = models.CharField(
        _("适用于"), max_length=12, choices=AppliesTo.choices, default=AppliesTo.ALL
    )
    year = models.PositiveIntegerField(
        _("报告年度"), null=True, blank=True, help_text=_("留空表示每年适用")
    )
    month = models.PositiveSmallIntegerField(
        _("月"), validators=[MinValueValidator(1), MaxValueValidator(3)]
    )
    day = models.PositiveSmallIntegerField(
        _("日"), validators=[MinValueValidator(1), MaxValueValidator(31)]
    )
    basis = models.CharField(_("依据"), max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("设置人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("设置时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("年度报告公开期限")
        verbose_name_plural = _("年度报告公开期限")
        ordering = ["agency__path", "month", "day"]

    def __str__(self):
        return (
            f"{self.agency} {self.get_applies_to_display()} {self.month}月{self.day}日"
        )
