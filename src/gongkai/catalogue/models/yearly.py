from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.organisations.models import Agency


class Article20Figures(models.Model):
    """An agency's yearly figures for 《条例》第二十条第（五）（六）（八）项
    as section 二 of the annual report shows them.

    Entered by hand or imported from Excel.  Fees are kept exactly in 元;
    the report shows them in 万元 (R54).
    """

    class Source(models.TextChoices):
        MANUAL = "manual", _("手工录入")
        IMPORT = "import", _("Excel 导入")

    agency = models.ForeignKey(
        Agency,
        verbose_name=_("机关"),
        on_delete=models.PROTECT,
        related_name="article20_figures",
    )
    year = models.PositiveIntegerField(_("年度"))
    # 第二十条第（五）项: 行政许可 本年处理决定数量.
    licensing = models.PositiveIntegerField(_("行政许可处理决定数"), default=0)
    # 第二十条第（六）项: 行政处罚 and 行政强制 本年处理决定数量.
    penalty = models.PositiveIntegerField(_("行政处罚处理决定数"), default=0)
    enforcement = models.PositiveIntegerField(_("行政强制处理决定数"), default=0)
    # 第二十条第（八）项: 行政事业性收费 本年收费金额.
    fees_yuan = models.DecimalField(
        _("行政事业性收费金额（元）"),
        max_digits=16,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    source = models.CharField(
        _("来源"), max_length=8, choices=Source.choices, default=Source.MANUAL
    )
    note = models.CharField(_("备注"), max_length=200, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("填报人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("第二十条年度数据")
        verbose_name_plural = _("第二十条年度数据")
        ordering = ["agency", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year"], name="catalogue_unique_figures_year"
            )
        ]

    def __str__(self):
        return f"{self.agency} {self.year}"

    def fees_10k_yuan(self, decimals: int = 4) -> int | float:
        """Return the fees in 万元 with ``decimals`` places (R54)."""
        from ..selectors import fees_10k_yuan

        return fees_10k_yuan(self.fees_yuan, decimals)
