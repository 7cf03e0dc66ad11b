"""A reconsideration or lawsuit about one application (R68).

The row of table 四 a record falls in depends on the year asked: decided
in the year → its result; filed by the end of the year and not decided by
then → 尚未审结.  Dates, not the current result, decide, so last year's
table stays what it was.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Route(models.TextChoices):
    """The three groups of table 四; keys are the report's group keys."""

    RECONSIDERATION = "reconsideration", _("行政复议")
    LITIGATION_DIRECT = "litigation_direct", _("行政诉讼（未经复议直接起诉）")
    LITIGATION_AFTER = "litigation_after_reconsideration", _("行政诉讼（复议后起诉）")


class Result(models.TextChoices):
    """The columns of table 四; keys are the report's column keys."""

    UPHELD = "upheld", _("维持")
    CORRECTED = "corrected", _("纠正")
    OTHER = "other", _("其他")
    PENDING = "pending", _("尚未审结")


class Remedy(models.Model):
    # The respondent: the agency of the application, stored so that table 四
    # is counted from this table alone.
    agency = models.ForeignKey(
        "organisations.Agency",
        verbose_name=_("被申请人（机关）"),
        on_delete=models.PROTECT,
        related_name="remedies",
    )
    application = models.ForeignKey(
        "applications.Application",
        verbose_name=_("政府信息公开申请"),
        on_delete=models.PROTECT,
        related_name="remedies",
    )
    route = models.CharField(_("途径"), max_length=40, choices=Route.choices)
    follows = models.ForeignKey(
        "self",
        verbose_name=_("此前的行政复议"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="lawsuits",
    )
    body = models.CharField(_("复议机关或人民法院"), max_length=100)
    case_number = models.CharField(_("案号"), max_length=100)
    filed_on = models.DateField(_("申请或起诉日期"))
    result = models.CharField(
        _("结果"), max_length=12, choices=Result.choices, default=Result.PENDING
    )
    decided_on = models.DateField(_("审结日期"), null=True, blank=True)
    note = models.TextField(_("说明"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("登记人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("行政复议或诉讼")
        verbose_name_plural = _("行政复议或诉讼")
        ordering = ["-filed_on", "-pk"]
        indexes = [
            models.Index(
                fields=["agency", "route", "filed_on", "decided_on", "result"],
                name="remedies_table4",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(result=Result.PENDING, decided_on__isnull=True)
                    | (
                        ~models.Q(result=Result.PENDING)
                        & models.Q(decided_on__gte=models.F("filed_on"))
                    )
                ),
                name="remedies_decided_has_result",
            )
        ]

    def __str__(self):
        return f"{self.get_route_display()} {self.case_number}"

    def save(self, *args, **kwargs):
        # The respondent is always the application's agency; derived here so
        # that no code path can store a remedy against another agency.
        self.agency_id = self.application.agency_id
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("remedies:detail", args=[self.pk])

    @property
    def is_pending(self) -> bool:
        return self.result == Result.PENDING
