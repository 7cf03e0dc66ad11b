"""更正申请: a request to correct a government information record
(《条例》第四十一条), a request type of its own beside the disclosure
application.

第四十一条: 公民、法人或者其他组织有证据证明行政机关提供的与其自身相关的政府
信息记录不准确的，可以要求行政机关更正。有权更正的行政机关审核属实的，应当予以
更正并告知申请人；不属于本行政机关职能范围的，行政机关可以转送有权更正的行政机关
处理并告知申请人，或者告知申请人向有权更正的行政机关提出。

So the agency verifies and then corrects and informs, transfers and
informs, or tells the requester where to apply; a request that does not
meet the article (the record is not about the requester, the evidence does
not show an inaccuracy, the record is accurate) is refused with reasons.
The article sets no time limit: the target date shown is an internal one
(``GONGKAI_RECORD_CORRECTION_TARGET_WORKDAYS``).  These requests are not
disclosure applications and are never counted in table 三 of the annual
report.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..identity import mask_name
from .application import ApplicantType, IdKind


class RecordChannel(models.TextChoices):
    ONLINE = "online", _("互联网在线提交")
    IN_PERSON = "in_person", _("当面提交")
    POST = "post", _("邮寄")
    FAX = "fax", _("传真")
    EMAIL = "email", _("电子邮件")
    ORAL = "oral", _("口头提出（代为填写）")
    TRANSFER = "transfer", _("其他机关转送")


class RecordStatus(models.TextChoices):
    PENDING = "pending", _("待核实处理")
    CLOSED = "closed", _("已办结")


class RecordResult(models.TextChoices):
    CORRECTED = "corrected", _("审核属实，予以更正")
    TRANSFERRED = "transferred", _("不属于本机关职能范围，转送有权更正的机关处理")
    REFERRED = "referred", _("不属于本机关职能范围，告知向有权更正的机关提出")
    REJECTED = "rejected", _("不予更正")


class RejectionGround(models.TextChoices):
    NOT_OWN = "not_own", _("所涉政府信息记录与申请人自身无关")
    INSUFFICIENT = "insufficient", _("申请人提供的证据不足以证明记录不准确")
    ACCURATE = "accurate", _("经核实，该政府信息记录准确")
    OTHER = "other", _("其他理由")


class RecordCorrection(models.Model):
    """One request to correct a record (更正申请, 第四十一条)."""

    agency = models.ForeignKey(
        "organisations.Agency",
        verbose_name=_("受理机关"),
        on_delete=models.PROTECT,
        related_name="record_corrections",
    )
    number = models.CharField(_("更正申请编号"), max_length=32, unique=True)
    query_code = models.CharField(_("查询码"), max_length=16, unique=True)
    status = models.CharField(
        _("状态"),
        max_length=12,
        choices=RecordStatus.choices,
        default=RecordStatus.PENDING,
    )
    channel = models.CharField(
        _("提出方式"), max_length=12, choices=RecordChannel.choices
    )
    # -- who asks (公民、法人或者其他组织) ---------------------------------
    requester_type = models.CharField(
        _("申请人类型"), max_length=20, choices=ApplicantType.choices
    )
    requester_name = models.CharField(_("申请人姓名或名称"), max_length=100)
    id_kind = models.CharField(_("身份证明类型"), max_length=16, choices=IdKind.choices)
    id_number = models.CharField(_("证件号码"), max_length=40)
    contact_person = models.CharField(_("联系人"), max_length=50, blank=True)
    phone = models.CharField(_("联系电话"), max_length=30)
    email = models.EmailField(_("电子邮箱"), blank=True)
    address = models.CharField(_("通信地址"), max_length=200, blank=True)
    # -- what is to be corrected, and the evidence ---------------------
    record_description = models.TextField(_("需要更正的政府信息记录"))
    requested_change = models.TextField(_("记录不准确之处及更正请求"))
    evidence = models.TextField(_("证明记录不准确的证据"))
    # -- arrival -----------------------------------------------------------
    submitted_at = models.DateTimeField(_("提交或登记时间"))
    received_on = models.DateField(_("收到日期"))
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("登记人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    transferred_from = models.ForeignKey(
        "self",
        verbose_name=_("转送来源"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="transfers",
    )
    submission_token = models.UUIDField(
        _("提交令牌"), null=True, blank=True, unique=True
    )
    client_ip = models.GenericIPAddressField(_("提交地址"), null=True, blank=True)
    # -- the decision --------------------------------------------------
    result = models.CharField(
        _("处理结果"), max_length=12, choices=RecordResult.choices, blank=True
    )
    decided_on = models.DateField(_("处理日期"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("经办人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    findings = models.TextField(_("核实情况"), blank=True)
    correction_made = models.TextField(_("更正内容"), blank=True)
    rejection_ground = models.CharField(
        _("不予更正的理由"),
        max_length=16,
        choices=RejectionGround.choices,
        blank=True,
    )
    competent_agency = models.ForeignKey(
        "organisations.Agency",
        verbose_name=_("有权更正的机关（本平台）"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    competent_agency_name = models.CharField(
        _("有权更正的机关"), max_length=100, blank=True
    )
    competent_agency_contact = models.CharField(
        _("有权更正的机关联系方式"), max_length=200, blank=True
    )
    # -- the notice to the requester (告知), a snapshot as issued -----------
    notice_number = models.CharField(_("告知书编号"), max_length=40, blank=True)
    notice_title = models.CharField(_("告知书标题"), max_length=100, blank=True)
    notice_body = models.TextField(_("告知书正文"), blank=True)
    notice_delivered_on = models.DateField(_("告知书送达日期"), null=True, blank=True)
    notice_delivery_method = models.CharField(
        _("告知书送达方式"), max_length=50, blank=True
    )
    notice_delivery_note = models.CharField(
        _("告知书送达说明"), max_length=200, blank=True
    )

    class Meta:
        verbose_name = _("更正申请（第四十一条）")
        verbose_name_plural = _("更正申请（第四十一条）")
        ordering = ["-submitted_at", "-pk"]
        indexes = [
            models.Index(
                fields=["agency", "status", "received_on"],
                name="applications_record_list",
            ),
            models.Index(
                fields=["client_ip", "submitted_at"], name="applications_record_ip"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(status=RecordStatus.CLOSED, decided_on__isnull=False)
                    & ~models.Q(result="")
                )
                | (
                    models.Q(status=RecordStatus.PENDING, decided_on__isnull=True)
                    & models.Q(result="")
                ),
                name="applications_record_closed_has_result",
            ),
        ]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("applications:record_correction", args=[self.pk])

    @property
    def is_closed(self) -> bool:
        return self.status == RecordStatus.CLOSED

    @property
    def public_name(self) -> str:
        return mask_name(self.requester_name)

    @property
    def result_label(self) -> str:
        return self.get_result_display() if self.result else ""

    @property
    def competent_agency_text(self) -> str:
        parts = [self.competent_agency_name, self.competent_agency_contact]
        return "，".join(p for p in parts if p)

    def target_date(self):
        """Return the internal target date (not a statutory deadline:
        第四十一条 sets none), or None when not configured or the calendar
        does not reach it."""
        from gongkai.workcalendar.selectors import get_calendar
        from gongkai.workdays import CalendarMissing, add_workdays

        days = getattr(settings, "GONGKAI_RECORD_CORRECTION_TARGET_WORKDAYS", 20)
        if not days:
            return None
        try:
            return add_workdays(get_calendar(), self.received_on, days)
        except CalendarMissing:
            return None


def evidence_path(instance: "RecordCorrectionFile", filename: str) -> str:
    # Stored names are generated: the requester's file name is only shown.
    return f"record_corrections/{instance.record.number}/{instance.token}"


class RecordCorrectionFile(models.Model):
    """Evidence filed with a correction request (证据材料)."""

    record = models.ForeignKey(
        RecordCorrection,
        verbose_name=_("更正申请"),
        on_delete=models.CASCADE,
        related_name="files",
    )
    token = models.CharField(_("存储名"), max_length=40, unique=True)
    file = models.FileField(_("文件"), upload_to=evidence_path, max_length=200)
    original_name = models.CharField(_("原文件名"), max_length=200)
    size = models.PositiveIntegerField(_("大小（字节）"))
    content_type = models.CharField(_("类型"), max_length=100)
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
        verbose_name = _("更正申请证据材料")
        verbose_name_plural = _("更正申请证据材料")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.original_name
