from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.organisations.models import Agency

from .categories import Category
from .choices import Audience, DisclosureMode, Tier


class Guide(models.Model):
    """The agency's 政府信息公开指南 (《条例》第十二条, R48).

    Each text starts as generated from the agency's data
    (``catalogue.guide.generated_texts``) and is edited by staff.  The
    working body's contacts are always shown live from the agency;
    ``contacts_snapshot`` is what they were when the guide was last saved,
    so a change of contacts raises an update reminder (第五十三条).
    """

    agency = models.OneToOneField(
        Agency, verbose_name=_("机关"), on_delete=models.CASCADE, related_name="guide"
    )
    arrangement = models.TextField(_("信息分类与编排体系"), blank=True)
    proactive = models.TextField(_("主动公开"), blank=True)
    on_request = models.TextField(_("依申请公开"), blank=True)
    remedies = models.TextField(_("监督和救济"), blank=True)
    extra = models.TextField(_("其他事项"), blank=True)
    contacts_snapshot = models.JSONField(_("保存时的联系方式"), default=dict)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("更新人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("政府信息公开指南")
        verbose_name_plural = _("政府信息公开指南")

    def __str__(self):
        return f"{self.agency}政府信息公开指南"

    def contacts_changed(self) -> bool:
        """Whether the working body's contacts changed since the last save."""
        return self.contacts_snapshot != self.agency.ogi_body()


class StandardEntry(models.Model):
    """One row of a 基层政务公开标准目录 (R49)."""

    agency = models.ForeignKey(
        Agency,
        verbose_name=_("机关"),
        on_delete=models.PROTECT,
        related_name="standard_entries",
    )
    sequence = models.PositiveIntegerField(_("序号"))
    level1 = models.CharField(_("一级事项"), max_length=100)
    level2 = models.CharField(_("二级事项"), max_length=100)
    content = models.TextField(_("公开内容（要素）"))
    basis = models.TextField(_("公开依据"), blank=True)
    time_limit = models.CharField(
        _("公开时限"), max_length=100, default="信息形成或者变更之日起20个工作日内"
    )
    subject = models.CharField(_("公开主体"), max_length=100)
    channels = models.JSONField(_("公开渠道和载体"), default=list)
    audience = models.CharField(
        _("公开对象"), max_length=10, choices=Audience.choices, default=Audience.PUBLIC
    )
    mode = models.CharField(
        _("公开方式"),
        max_length=10,
        choices=DisclosureMode.choices,
        default=DisclosureMode.PROACTIVE,
    )
    tier = models.CharField(
        _("公开层级"), max_length=10, choices=Tier.choices, default=Tier.TOWNSHIP
    )
    category = models.ForeignKey(
        Category,
        verbose_name=_("对应目录分类"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("基层政务公开标准目录事项")
        verbose_name_plural = _("基层政务公开标准目录事项")
        ordering = ["agency", "sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "sequence"], name="catalogue_unique_entry_sequence"
            )
        ]

    def __str__(self):
        return f"{self.sequence}. {self.level1} · {self.level2}"

    def channel_labels(self) -> list[str]:
        from .choices import Channel

        labels = dict(Channel.choices)
        return [str(labels[c]) for c in self.channels if c in labels]
