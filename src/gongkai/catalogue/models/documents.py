from datetime import date

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.organisations.models import Agency

from .categories import Category
from .choices import (
    ALLOWS_PUBLICATION,
    HAS_VALIDITY,
    NEEDS_INTERPRETATION,
    PUBLIC_ATTRIBUTES,
    Attribute,
    DocumentKind,
    Genre,
    ReviewConclusion,
    Status,
    Topic,
    Validity,
)

# listing_key = publication date ordinal × KEY_SPAN + primary key: one integer
# that orders the public lists newest first and is the search index row id.
KEY_SPAN = 10**8


def listing_key_for(published_on: date, pk: int) -> int:
    return published_on.toordinal() * KEY_SPAN + pk


def key_range_of_year(year: int) -> tuple[int, int]:
    """Return the smallest and largest listing key of documents published in
    ``year``."""
    first = date(year, 1, 1).toordinal() * KEY_SPAN
    last = date(year, 12, 31).toordinal() * KEY_SPAN + KEY_SPAN - 1
    return first, last


class DocumentQuerySet(models.QuerySet):
    def public(self) -> "DocumentQuerySet":
        """Documents on the public platform (published, 主动公开)."""
        return self.filter(listing_key__isnull=False)

    # The same rule as SQL, for the raw reads of the public pages
    # (``catalogue.listing``): a ``listing_key`` is given on publication
    # and taken away on withdrawal.
    PUBLIC_SQL = "{alias}listing_key IS NOT NULL"

    def of_kind(self, *kinds: str) -> "DocumentQuerySet":
        return self.filter(kind__in=kinds)

    def valid_on(self, day: date) -> "DocumentQuerySet":
        """Documents neither repealed nor expired on ``day``."""
        return self.exclude(repealed_on__lte=day).exclude(valid_until__lt=day)

    def with_validity(self, validity: str, day: date) -> "DocumentQuerySet":
        if validity == Validity.REPEALED:
            return self.filter(repealed_on__lte=day)
        if validity == Validity.EXPIRED:
            return self.exclude(repealed_on__lte=day).filter(valid_until__lt=day)
        return self.valid_on(day)

    def publication_overdue(self, today: date) -> "DocumentQuerySet":
        """Proactive drafts past the 20 working days of 《条例》第二十六条."""
        return self.filter(
            status=Status.DRAFT,
            attribute__in=PUBLIC_ATTRIBUTES,
            publication_due_on__lt=today,
        )

    def published_late(self) -> "DocumentQuerySet":
        """Published documents that were published after their 第二十六条 date."""
        return self.public().filter(published_on__gt=models.F("publication_due_on"))

    def interpretation_missing(self, today: date) -> "DocumentQuerySet":
        """Published policy documents still without a published 解读 after
        the configured number of working days (R50)."""
        return (
            self.public()
            .of_kind(*NEEDS_INTERPRETATION)
            .filter(interpretation_due_on__lt=today)
            .exclude(interpretations__listing_key__isnull=False)
        )

    def reevaluation_due(self, today: date) -> "DocumentQuerySet":
        """Withheld documents due for re-evaluation (《条例》第十八条)."""
        return self.filter(status=Status.FILED, review_due_on__lte=today)

    def deadline_unknown(self) -> "DocumentQuerySet":
        """Proactive drafts whose 第二十六条 date could not be computed for
        lack of an official calendar year."""
        return self.filter(
            status=Status.DRAFT,
            attribute__in=PUBLIC_ATTRIBUTES,
            publication_due_on__isnull=True,
        )


class Document(models.Model):
    """One item of an agency's government information catalogue (R41).

    Drafted with its 公开属性 (R44); published after a 保密审查 (R45) with an
    index number that never changes (R42).  Published 主动公开 items carry a
    ``listing_key`` and are on the public platform; everything else is not.
    Only the services in ``catalogue.services`` change a document.
    """

    agency = models.ForeignKey(
        Agency,
        verbose_name=_("发布机构"),
        on_delete=models.PROTECT,
        related_name="catalogue_documents",
    )
    # The full official name as it was when published (R41: 发布机构全称).
    publisher_name = models.CharField(_("发布机构全称"), max_length=100, blank=True)
    category = models.ForeignKey(
        Category,
        verbose_name=_("目录分类"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    standard_entry = models.ForeignKey(
        "catalogue.StandardEntry",
        verbose_name=_("标准目录事项"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documents",
    )
    kind = models.CharField(
        _("文件类型"),
        max_length=16,
        choices=DocumentKind.choices,
        default=DocumentKind.OTHER,
    )
    title = models.CharField(_("名称"), max_length=200)
    summary = models.CharField(_("内容概述"), max_length=500, blank=True)
    body = models.TextField(_("正文"), blank=True)
    document_number = models.CharField(_("文号"), max_length=60, blank=True)
    topic = models.CharField(
        _("主题分类"), max_length=16, choices=Topic.choices, default=Topic.GENERAL
    )
    genre = models.CharField(
        _("体裁分类"), max_length=16, choices=Genre.choices, default=Genre.NOTICE
    )
    keywords = models.CharField(_("主题词"), max_length=200, blank=True)
    source = models.CharField(_("信息来源"), max_length=100, blank=True)
    created_on = models.DateField(_("生成日期（成文日期）"))
    # 《条例》第二十六条: 20 working days from the day the information was
    # formed or changed; defaults to the 生成日期.
    formed_on = models.DateField(_("形成或者变更日期"))
    effective_from = models.DateField(_("实施日期"), null=True, blank=True)
    valid_until = models.DateField(_("有效期至"), null=True, blank=True)
    repealed_on = models.DateField(_("废止日期"), null=True, blank=True)
    validity_note = models.CharField(_("有效性说明"), max_length=200, blank=True)
    attribute = models.CharField(
        _("公开属性"),
        max_length=16,
        choices=Attribute.choices,
        default=Attribute.PROACTIVE,
    )
    attribute_reason = models.TextField(_("不主动公开的理由"), blank=True)
    status = models.CharField(
        _("状态"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    # Raised by every change of the text; a 保密审查 covers one version.
    content_version = models.PositiveIntegerField(_("内容版本"), default=1)
    index_number = models.CharField(
        _("索引号"), max_length=48, null=True, blank=True, unique=True
    )
    published_on = models.DateField(_("发布日期"), null=True, blank=True)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("发布人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    listing_key = models.BigIntegerField(
        _("公开排序键"), null=True, blank=True, unique=True, editable=False
    )
    publication_due_on = models.DateField(_("应公开日期"), null=True, blank=True)
    interpretation_due_on = models.DateField(_("解读应发布日期"), null=True, blank=True)
    review_due_on = models.DateField(_("下次评估日期"), null=True, blank=True)
    withdrawn_reason = models.TextField(_("撤回理由"), blank=True)
    interprets = models.ManyToManyField(
        "self",
        verbose_name=_("关联文件"),
        symmetrical=False,
        blank=True,
        related_name="interpretations",
    )
    interpreting_unit = models.CharField(_("解读单位"), max_length=100, blank=True)
    interpreter = models.CharField(_("解读人"), max_length=50, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("起草人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("目录信息")
        verbose_name_plural = _("目录信息")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["agency", "listing_key"]),
            models.Index(fields=["category", "listing_key"]),
            models.Index(fields=["agency", "category", "listing_key"]),
            models.Index(fields=["agency", "status"]),
            models.Index(fields=["status", "publication_due_on"]),
            models.Index(fields=["document_number"]),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("portal:document", args=[self.pk])

    def staff_url(self):
        return reverse("catalogue:document_detail", args=[self.pk])

    @property
    def is_public(self) -> bool:
        return self.listing_key is not None

    @property
    def has_validity(self) -> bool:
        return self.kind in HAS_VALIDITY or bool(self.repealed_on or self.valid_until)

    def validity_on(self, day: date) -> str:
        """Return 有效, 失效 or 废止 as of ``day`` (a repeal wins over an
        expiry; 有效期至 is the last valid day)."""
        if self.repealed_on and self.repealed_on <= day:
            return Validity.REPEALED
        if self.valid_until and self.valid_until < day:
            return Validity.EXPIRED
        return Validity.EFFECTIVE

    def validity_label(self, day: date) -> str:
        return str(Validity(self.validity_on(day)).label)

    @property
    def current_validity_label(self) -> str:
        """有效, 失效 or 废止 today (for templates)."""
        return self.validity_label(timezone.localdate())

    def latest_review(self):
        """Return the most recent 保密审查 record, or None."""
        return self.reviews.order_by("-created_at", "-pk").first()

    def publication_review(self):
        """Return the review that allows publishing this version, or None.

        The latest review counts, and only if it was made on the current
        content version (an edit after the review needs a new review).
        """
        review = self.latest_review()
        allowed = ALLOWS_PUBLICATION.get(self.attribute, frozenset())
        if review and review.conclusion in allowed:
            if review.content_version == self.content_version:
                return review
        return None

    def is_referred(self) -> bool:
        """Whether the latest review is waiting for a referral (R45)."""
        review = self.latest_review()
        return bool(review and review.conclusion == ReviewConclusion.REFERRED)


class Attachment(models.Model):
    """A file published with a document (附件).  Stored under a random name;
    ``name`` is what readers see."""

    document = models.ForeignKey(
        Document,
        verbose_name=_("所属信息"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    name = models.CharField(_("附件名称"), max_length=120)
    file = models.FileField(_("文件"), upload_to="catalogue/%Y/%m/", max_length=200)
    content_type = models.CharField(_("文件类型"), max_length=100)
    size = models.PositiveIntegerField(_("大小（字节）"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    sort_order = models.PositiveIntegerField(_("排序"), default=0)
    created_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("附件")
        verbose_name_plural = _("附件")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.name

    @property
    def agency(self):
        return self.document.agency

    def get_absolute_url(self):
        return reverse("portal:attachment", args=[self.document_id, self.pk])


class ConfidentialityReview(models.Model):
    """A 保密审查 record (《条例》第十七条, R45): who reviewed which version of
    a document, when, and with what conclusion."""

    document = models.ForeignKey(
        Document,
        verbose_name=_("所属信息"),
        on_delete=models.CASCADE,
        related_name="reviews",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("审查人"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    reviewed_on = models.DateField(_("审查日期"))
    conclusion = models.CharField(
        _("审查结论"), max_length=20, choices=ReviewConclusion.choices
    )
    notes = models.TextField(_("审查意见"), blank=True)
    referral_to = models.CharField(_("报请确定的部门"), max_length=100, blank=True)
    content_version = models.PositiveIntegerField(_("审查的内容版本"))
    created_at = models.DateTimeField(_("记录时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("保密审查")
        verbose_name_plural = _("保密审查")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.document} · {self.get_conclusion_display()}"

    @property
    def agency(self):
        return self.document.agency
