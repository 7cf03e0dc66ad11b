"""Beyond the catalogue's documents: responses to public concerns
(回应关切) and the agency's publication platforms (政府网站、政务新媒体).

- 回应关切 (spec §4.5): 《国务院办公厅关于在政务公开工作中进一步做好政务舆情
  回应的通知》（2016）asks for a response to 政务舆情 within
  48 hours at the latest; the annual report's section 一 reports how many
  times the agency responded (e.g. 古城回族乡 2023: “回应群众关注热点信息计
  60 次”).
- Platforms (R69): 《政府网站与政务新媒体检查指标、监管工作年度考核指标》
  （国办秘函〔2019〕19号）fails a 政务新媒体 account with no update for more
  than two weeks by 单项否决; section 一 of the report covers
  政府信息公开平台建设 (R63).

Only the services in ``catalogue.services.engagement`` change these rows.
"""

from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.organisations.models import Agency

# 《国务院办公厅关于在政务公开工作中进一步做好政务舆情回应的通知》（2016）:
# 政务舆情 are responded to within 48 hours at the latest (spec §4.5).
RESPONSE_HOURS = 48


class ConcernChannel(models.TextChoices):
    """Where the agency responded."""

    PRESS_CONFERENCE = "press_conference", _("新闻发布会")
    WEBSITE = "website", _("政府网站")
    NEW_MEDIA = "new_media", _("政务新媒体")
    INTERVIEW = "interview", _("媒体采访")
    OTHER = "other", _("其他")


class Timeliness(models.TextChoices):
    """Whether a response came within the 48 hours of 国办发〔2016〕61号."""

    IN_TIME = "in_time", _("48小时内")
    LATE = "late", _("超过48小时")
    # Without the hours of both moments, a response two calendar days later
    # may be on either side of 48 hours.
    UNKNOWN = "unknown", _("无法判断（缺少具体时间）")
    NOT_NOTICED = "not_noticed", _("未记录关切发现时间")


class ConcernResponseQuerySet(models.QuerySet):
    def of_year(self, year: int) -> "ConcernResponseQuerySet":
        """Responses given in ``year`` (the year of the report that counts
        them)."""
        return self.filter(responded_on__year=year)


class ConcernResponse(models.Model):
    """One response to a public concern (回应关切, spec §4.5)."""

    agency = models.ForeignKey(
        Agency,
        verbose_name=_("机关"),
        on_delete=models.PROTECT,
        related_name="concern_responses",
    )
    topic = models.CharField(_("关切事项"), max_length=200)
    noticed_on = models.DateField(_("关切发现日期"), null=True, blank=True)
    noticed_time = models.TimeField(_("关切发现时间"), null=True, blank=True)
    responded_on = models.DateField(_("回应日期"))
    responded_time = models.TimeField(_("回应时间"), null=True, blank=True)
    channel = models.CharField(
        _("回应渠道"), max_length=20, choices=ConcernChannel.choices
    )
    document = models.ForeignKey(
        "catalogue.Document",
        verbose_name=_("关联的公开信息"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="concern_responses",
    )
    note = models.TextField(_("备注"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("登记人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    objects = ConcernResponseQuerySet.as_manager()

    class Meta:
        verbose_name = _("回应关切记录")
        verbose_name_plural = _("回应关切记录")
        ordering = ["-responded_on", "-responded_time", "-pk"]
        indexes = [models.Index(fields=["agency", "responded_on"])]

    def __str__(self):
        return self.topic

    @property
    def timeliness(self) -> str:
        """A ``Timeliness`` value: within 48 hours of the concern being
        noticed, later, or not decidable from what was recorded."""
        if self.noticed_on is None:
            return Timeliness.NOT_NOTICED
        if self.noticed_time is not None and self.responded_time is not None:
            start = datetime.combine(self.noticed_on, self.noticed_time)
            end = datetime.combine(self.responded_on, self.responded_time)
            late = end - start > timedelta(hours=RESPONSE_HOURS)
            return Timeliness.LATE if late else Timeliness.IN_TIME
        # Without the hours: one calendar day apart is at most 47:59 later,
        # three days apart at least 48:00:01.
        days = (self.responded_on - self.noticed_on).days
        if days <= 1:
            return Timeliness.IN_TIME
        if days >= 3:
            return Timeliness.LATE
        return Timeliness.UNKNOWN

    @property
    def is_late(self) -> bool:
        return self.timeliness == Timeliness.LATE

    def timeliness_label(self) -> str:
        return str(Timeliness(self.timeliness).label)

    @property
    def hours_taken(self) -> float | None:
        """Hours from noticing to responding, when both times are known."""
        if None in (self.noticed_on, self.noticed_time, self.responded_time):
            return None
        start = datetime.combine(self.noticed_on, self.noticed_time)
        end = datetime.combine(self.responded_on, self.responded_time)
        return (end - start).total_seconds() / 3600


class PlatformKind(models.TextChoices):
    WEBSITE = "website", _("政府网站")
    OGI_COLUMN = "ogi_column", _("政府信息公开专栏")
    WECHAT = "wechat", _("微信公众号")
    WEIBO = "weibo", _("微博")
    APP = "app", _("政务客户端")
    OTHER = "other", _("其他")


# The kinds 国办秘函〔2019〕19号 calls 政务新媒体.
NEW_MEDIA_KINDS = frozenset({PlatformKind.WECHAT, PlatformKind.WEIBO, PlatformKind.APP})


class PlatformQuerySet(models.QuerySet):
    def active(self) -> "PlatformQuerySet":
        return self.filter(is_active=True)

    def stale(self, today: date, days: int) -> "PlatformQuerySet":
        """Active platforms with no update for more than ``days`` days."""
        return self.active().filter(last_updated_on__lt=today - timedelta(days=days))


class Platform(models.Model):
    """A government website, OGI column or 政务新媒体 account through which
    the agency publishes (R69), with the date it was last updated."""

    agency = models.ForeignKey(
        Agency,
        verbose_name=_("机关"),
        on_delete=models.PROTECT,
        related_name="platforms",
    )
    kind = models.CharField(_("类型"), max_length=16, choices=PlatformKind.choices)
    name = models.CharField(_("名称"), max_length=100)
    url = models.URLField(_("网址"), max_length=300, blank=True)
    last_updated_on = models.DateField(_("最近更新日期"))
    is_active = models.BooleanField(_("在用"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("登记人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    objects = PlatformQuerySet.as_manager()

    class Meta:
        verbose_name = _("政府网站与政务新媒体")
        verbose_name_plural = _("政府网站与政务新媒体")
        ordering = ["agency", "-is_active", "kind", "name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "kind", "name"],
                name="catalogue_unique_platform_name",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.name}"

    @property
    def is_new_media(self) -> bool:
        return self.kind in NEW_MEDIA_KINDS

    def days_since_update(self, today: date) -> int:
        return (today - self.last_updated_on).days


__all__ = [
    "NEW_MEDIA_KINDS",
    "RESPONSE_HOURS",
    "ConcernChannel",
    "ConcernResponse",
    "Platform",
    "PlatformKind",
    "Timeliness",
]
