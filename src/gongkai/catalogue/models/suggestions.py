from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.organisations.models import Agency

from .choices import SuggestionStatus


class ProactiveSuggestion(models.Model):
    """A suggestion to publish proactively what several applicants asked for
    (《条例》第四十四条, R29).

    Made by ``catalogue.suggestions.refresh_suggestions`` from the
    applications an agency received; staff accept it (a draft document is
    created) or dismiss it with a reason.
    """

    agency = models.ForeignKey(
        Agency,
        verbose_name=_("机关"),
        on_delete=models.PROTECT,
        related_name="proactive_suggestions",
    )
    signature = models.CharField(_("归并特征"), max_length=200)
    description = models.CharField(_("申请公开的信息"), max_length=300)
    requests = models.JSONField(_("相关申请"), default=list)
    applicant_count = models.PositiveIntegerField(_("申请人数"))
    status = models.CharField(
        _("状态"),
        max_length=10,
        choices=SuggestionStatus.choices,
        default=SuggestionStatus.OPEN,
    )
    document = models.ForeignKey(
        "catalogue.Document",
        verbose_name=_("生成的目录信息"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("处理说明"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("处理人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("处理时间"), null=True, blank=True)
    created_at = models.DateTimeField(_("提出时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("主动公开建议")
        verbose_name_plural = _("主动公开建议")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "signature"],
                name="catalogue_unique_suggestion_signature",
            )
        ]

    def __str__(self):
        return self.description
