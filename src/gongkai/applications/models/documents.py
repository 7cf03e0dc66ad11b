"""Letters (告知书) and attachments of a case, and the agencies' letter
templates."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .. import outcomes


class LetterKind(models.TextChoices):
    RECEIPT = "receipt", _("申请登记回执")
    CORRECTION = "correction", _("补正申请告知书")
    CONSULTATION = "consultation", _("征求意见函")
    OVERRIDE = "override", _("决定公开告知书（第三方）")
    EXTENSION = "extension", _("延期答复告知书")
    REASONS = "reasons", _("说明理由通知书（第三十五条）")
    DELAYED = "delayed", _("延迟答复告知书（第三十五条）")
    FEE = "fee", _("信息处理费收费通知书")
    REPLY = "reply", _("政府信息公开申请答复书")
    # 《条例》第四十一条: the notice closing a correction-of-record request
    # (stored on the request itself; agencies may word it like any letter).
    RECORD_NOTICE = "record_notice", _("更正申请处理告知书")


# Letters addressed to somebody other than the applicant.
THIRD_PARTY_KINDS = frozenset({LetterKind.CONSULTATION, LetterKind.OVERRIDE})


class Letter(models.Model):
    """A letter as issued: the text is a snapshot, so the archive keeps what
    was sent even if the template changes later."""

    application = models.ForeignKey(
        "applications.Application",
        verbose_name=_("申请"),
        on_delete=models.CASCADE,
        related_name="letters",
    )
    kind = models.CharField(_("类型"), max_length=16, choices=LetterKind.choices)
    outcome = models.CharField(
        _("办理结果"), max_length=20, choices=outcomes.choices(), blank=True
    )
    number = models.CharField(_("文书编号"), max_length=40, unique=True)
    title = models.CharField(_("标题"), max_length=100)
    recipient = models.CharField(_("收件人"), max_length=100)
    body = models.TextField(_("正文"))
    for_applicant = models.BooleanField(_("致申请人"), default=True)
    issued_on = models.DateField(_("出具日期"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("出具人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    delivered_on = models.DateField(_("送达日期"), null=True, blank=True)
    delivery_method = models.CharField(_("送达方式"), max_length=50, blank=True)
    delivery_note = models.CharField(_("送达说明"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("告知书")
        verbose_name_plural = _("告知书")
        ordering = ["issued_on", "pk"]

    def __str__(self):
        return f"{self.title}（{self.number}）"

    def get_absolute_url(self):
        return reverse("applications:letter", args=[self.pk])


class LetterTemplate(models.Model):
    """An agency's own wording of one kind of letter (and, for replies, one
    outcome); without one the built-in default applies."""

    agency = models.ForeignKey(
        "organisations.Agency",
        verbose_name=_("机关"),
        on_delete=models.CASCADE,
        related_name="letter_templates",
    )
    kind = models.CharField(_("类型"), max_length=16, choices=LetterKind.choices)
    outcome = models.CharField(_("办理结果"), max_length=20, blank=True)
    title = models.CharField(_("标题"), max_length=100)
    body = models.TextField(_("正文模板"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("修改人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("修改时间"), auto_now=True)

    class Meta:
        verbose_name = _("告知书模板")
        verbose_name_plural = _("告知书模板")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "kind", "outcome"],
                name="applications_unique_template",
            )
        ]

    def __str__(self):
        return f"{self.agency} · {self.get_kind_display()} {self.outcome}".strip()


class AttachmentSource(models.TextChoices):
    APPLICANT = "applicant", _("申请人提交")
    CORRECTION = "correction", _("补正材料")
    STAFF = "staff", _("工作人员上传")


def attachment_path(instance: "Attachment", filename: str) -> str:
    # Stored names are generated: the applicant's file name is only shown.
    return f"applications/{instance.application.number}/{instance.token}"


class Attachment(models.Model):
    application = models.ForeignKey(
        "applications.Application",
        verbose_name=_("申请"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    token = models.CharField(_("存储名"), max_length=40, unique=True)
    file = models.FileField(_("文件"), upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("原文件名"), max_length=200)
    size = models.PositiveIntegerField(_("大小（字节）"))
    content_type = models.CharField(_("类型"), max_length=100)
    source = models.CharField(
        _("来源"), max_length=12, choices=AttachmentSource.choices
    )
    uploaded_at = models.DateTimeField(_("上传时间"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("上传人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("附件")
        verbose_name_plural = _("附件")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.original_name
