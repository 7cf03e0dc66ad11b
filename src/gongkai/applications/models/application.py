"""The application (申请) itself: who asked for what, how it arrived, where
its clock stands and how it ended."""

from datetime import date

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gongkai.workdays import Calendar, Pause

from .. import deadlines, outcomes
from ..identity import mask_id_number, mask_name


class ApplicantType(models.TextChoices):
    """R9: the columns of table 三; the keys are the report's column keys."""

    NATURAL_PERSON = "natural_person", _("自然人")
    COMMERCIAL = "commercial", _("商业企业")
    RESEARCH = "research", _("科研机构")
    PUBLIC_INTEREST = "public_interest", _("社会公益组织")
    LEGAL_SERVICES = "legal_services", _("法律服务机构")
    OTHER_ORG = "other_org", _("其他组织")


ORGANISATION_TYPES = frozenset(ApplicantType.values) - {ApplicantType.NATURAL_PERSON}


class IdKind(models.TextChoices):
    RESIDENT_ID = "resident_id", _("居民身份证")
    PASSPORT = "passport", _("护照")
    PERMIT = "permit", _("港澳台居民居住证或往来通行证")
    CREDIT_CODE = "credit_code", _("统一社会信用代码")
    OTHER = "other", _("其他身份证明")


class Channel(models.TextChoices):
    """How the application arrived; 《条例》第三十一条 fixes the receipt date
    differently for each."""

    ONLINE = "online", _("互联网在线申请")
    IN_PERSON = "in_person", _("当面提交")
    POST_SIGNED = "post_signed", _("邮寄（签收）")
    POST_ORDINARY = "post_ordinary", _("平常信函")
    FAX = "fax", _("传真")
    EMAIL = "email", _("电子邮件")
    ORAL = "oral", _("口头申请（代为填写）")


RECEIPT_RULES = {
    Channel.IN_PERSON: _("《条例》第三十一条第（一）项：当面提交的，以提交之日为收到申请之日。"),
    Channel.ORAL: _(
        "《条例》第二十九条第一款、第三十一条第（一）项：口头提出、代为填写的，以提出之日为收到申请之日。"
    ),
    Channel.POST_SIGNED: _("《条例》第三十一条第（二）项：以邮寄方式提交的，以行政机关签收之日为收到申请之日。"),
    Channel.POST_ORDINARY: _(
        "《条例》第三十一条第（二）项：以平常信函等无需签收的邮寄方式提交的，"
        "应当于收到申请的当日与申请人确认，确认之日为收到申请之日。"
    ),
    Channel.ONLINE: _("《条例》第三十一条第（三）项：通过互联网渠道提交的，以双方确认之日为收到申请之日。"),
    Channel.FAX: _("《条例》第三十一条第（三）项：通过传真提交的，以双方确认之日为收到申请之日。"),
    Channel.EMAIL: _("《条例》第三十一条第（三）项：通过电子邮件等数据电文提交的，以双方确认之日为收到申请之日。"),
}  # fmt: skip
# Channels whose receipt date is known when the application is registered.
IMMEDIATE_CHANNELS = frozenset({Channel.IN_PERSON, Channel.ORAL, Channel.POST_SIGNED})


class ProvisionForm(models.TextChoices):
    """《条例》第二十九条第（三）项、第四十条: the form the information is wanted in."""

    PAPER = "paper", _("纸质文本")
    ELECTRONIC = "electronic", _("电子文件")
    MEDIA = "media", _("光盘或移动存储介质")
    INSPECT = "inspect", _("当场查阅、抄录")


class Delivery(models.TextChoices):
    POST = "post", _("邮寄")
    EMAIL = "email", _("电子邮件")
    PICKUP = "pickup", _("当面领取")
    ONLINE = "online", _("网上获取（凭查询码）")
    FAX = "fax", _("传真")


class Status(models.TextChoices):
    PENDING_RECEIPT = "pending_receipt", _("待确认收到")
    IN_PROGRESS = "in_progress", _("办理中")
    AWAITING_CORRECTION = "awaiting_correction", _("待补正")
    CLOSED = "closed", _("已办结")


# Declared transitions: the services move a case only along these edges.
TRANSITIONS = {
    "confirm_receipt": ({Status.PENDING_RECEIPT}, Status.IN_PROGRESS),
    "request_correction": ({Status.IN_PROGRESS}, Status.AWAITING_CORRECTION),
    "receive_correction": ({Status.AWAITING_CORRECTION}, Status.IN_PROGRESS),
    "close": ({Status.IN_PROGRESS, Status.AWAITING_CORRECTION}, Status.CLOSED),
}


class ApplicationQuerySet(models.QuerySet):
    def open(self) -> "ApplicationQuerySet":
        return self.exclude(status=Status.CLOSED)

    def running(self) -> "ApplicationQuerySet":
        """Return the cases whose reply clock runs (receipt confirmed, no
        correction awaited, not closed)."""
        return self.filter(status=Status.IN_PROGRESS)

    def overdue(self, today: date) -> "ApplicationQuerySet":
        """Return the running cases whose due date has passed (R21)."""
        return self.running().filter(due_date__lt=today)

    def due_between(self, today: date, last: date) -> "ApplicationQuerySet":
        """Return the running cases due from ``today`` to ``last``."""
        return self.running().filter(due_date__gte=today, due_date__lte=last)

    def waiting_for_calendar(self) -> "ApplicationQuerySet":
        return self.exclude(calendar_missing_year=None)


class Application(models.Model):
    """One application for disclosure (《条例》第二十九条).

    ``receipt_date`` is fixed once confirmed (第三十一条); ``due_date`` is
    derived from the events and stored, or None with
    ``calendar_missing_year`` when a needed year has no official calendar.
    ``outcome`` is one of the 21 leaf rows of table 三 once closed.
    """

    agency = models.ForeignKey(
        "organisations.Agency",
        verbose_name=_("受理机关"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    number = models.CharField(_("申请编号"), max_length=32, unique=True)
    query_code = models.CharField(_("查询码"), max_length=16, unique=True)
    status = models.CharField(
        _("状态"), max_length=24, choices=Status.choices, default=Status.IN_PROGRESS
    )
    channel = models.CharField(_("申请方式"), max_length=16, choices=Channel.choices)
    filled_by_staff = models.BooleanField(_("代为填写"), default=False)
    # -- the applicant (第二十九条第二款第（一）项) ------------------------
    applicant_type = models.CharField(
        _("申请人类型"), max_length=20, choices=ApplicantType.choices
    )
    applicant_name = models.CharField(_("申请人姓名或名称"), max_length=100)
    id_kind = models.CharField(_("身份证明类型"), max_length=16, choices=IdKind.choices)
    id_number = models.CharField(_("证件号码"), max_length=40)
    contact_person = models.CharField(_("联系人"), max_length=50, blank=True)
    phone = models.CharField(_("联系电话"), max_length=30)
    email = models.EmailField(_("电子邮箱"), blank=True)
    address = models.CharField(_("通信地址"), max_length=200, blank=True)
    postcode = models.CharField(_("邮政编码"), max_length=6, blank=True)
    # 《条例》第四十三条: help for applicants with reading, sight or hearing
    # difficulties.
    needs_assistance = models.BooleanField(_("需要必要帮助"), default=False)
    assistance_note = models.CharField(_("帮助说明"), max_length=200, blank=True)
    # -- what is asked for (第二十九条第二款第（二）（三）项) ----------------
    info_title = models.CharField(_("政府信息名称"), max_length=200, blank=True)
    document_number = models.CharField(_("文号"), max_length=100, blank=True)
    info_description = models.TextField(_("所需信息的特征描述"))
    provision_form = models.CharField(
        _("获取信息的形式"), max_length=16, choices=ProvisionForm.choices
    )
    delivery = models.CharField(
        _("获取信息的途径"), max_length=16, choices=Delivery.choices
    )
    # -- arrival and the clock -------------------------------------------
    submitted_at = models.DateTimeField(_("提交或登记时间"))
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("登记人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    receipt_date = models.DateField(_("收到申请之日"), null=True, blank=True)
    receipt_note = models.CharField(_("收到情况说明"), max_length=200, blank=True)
    receipt_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("确认人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reviewed_on = models.DateField(_("审核日期"), null=True, blank=True)
    due_date = models.DateField(_("答复期限"), null=True, blank=True)
    calendar_missing_year = models.PositiveSmallIntegerField(
        _("缺少节假日安排的年份"), null=True, blank=True
    )
    overdue_since = models.DateField(_("标记逾期日期"), null=True, blank=True)
    reminded_on = models.DateField(_("到期提醒日期"), null=True, blank=True)
    # -- the end ----------------------------------------------------------
    outcome = models.CharField(
        _("办理结果"), max_length=20, choices=outcomes.choices(), blank=True
    )
    closed_on = models.DateField(_("办结日期"), null=True, blank=True)
    archived_on = models.DateField(_("归档日期"), null=True, blank=True)
    # -- intake protection ----------------------------------------------
    submission_token = models.UUIDField(
        _("提交令牌"), null=True, blank=True, unique=True
    )
    client_ip = models.GenericIPAddressField(_("提交地址"), null=True, blank=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("政府信息公开申请")
        verbose_name_plural = _("政府信息公开申请")
        ordering = ["-submitted_at", "-pk"]
        indexes = [
            # Table 三: a covering index in GROUP BY order, so the yearly
            # aggregation streams through it without sorting.
            models.Index(
                fields=[
                    "agency",
                    "applicant_type",
                    "outcome",
                    "receipt_date",
                    "closed_on",
                ],
                name="applications_table3_groups",
            ),
            models.Index(
                fields=["agency", "status", "due_date"], name="applications_due"
            ),
            models.Index(fields=["client_ip", "submitted_at"], name="applications_ip"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(status=Status.CLOSED, closed_on__isnull=False)
                    & ~models.Q(outcome="")
                )
                | (
                    ~models.Q(status=Status.CLOSED)
                    & models.Q(closed_on__isnull=True, outcome="")
                ),
                name="applications_closed_has_outcome",
            ),
            models.CheckConstraint(
                condition=models.Q(closed_on__isnull=True)
                | models.Q(
                    receipt_date__isnull=False, closed_on__gte=models.F("receipt_date")
                ),
                name="applications_closed_after_receipt",
            ),
        ]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("applications:detail", args=[self.pk])

    # -- questions -------------------------------------------------------

    @property
    def is_closed(self) -> bool:
        return self.status == Status.CLOSED

    @property
    def is_organisation(self) -> bool:
        return self.applicant_type in ORGANISATION_TYPES

    @property
    def receipt_rule(self) -> str:
        return str(RECEIPT_RULES[self.channel])

    @property
    def outcome_label(self) -> str:
        return outcomes.label(self.outcome) if self.outcome else ""

    @property
    def public_name(self) -> str:
        return mask_name(self.applicant_name)

    @property
    def masked_id_number(self) -> str:
        return mask_id_number(self.id_number)

    def is_overdue(self, today: date) -> bool:
        return (
            self.status == Status.IN_PROGRESS
            and self.due_date is not None
            and self.due_date < today
        )

    def stage(self) -> str:
        """Return the current step in words (待确认收到, 待补正, 征求意见中, …)."""
        if self.status != Status.IN_PROGRESS:
            return self.get_status_display()
        for pending, text in self._pending_steps():
            if pending:
                return str(text)
        return self.get_status_display()

    def _pending_steps(self):
        fee = getattr(self, "fee_notice", None)
        review = getattr(self, "excessive_review", None)
        yield any(c.is_open for c in self.consultations.all()), _("征求意见中")
        yield fee is not None and fee.is_pending, _("待缴纳信息处理费")
        yield review is not None and review.decided_on is None, _("待申请人说明理由")

    def pauses(self) -> tuple[Pause, ...]:
        """Return the periods excluded from the reply period: consultations
        (《条例》第三十三条第二款) and, where the setting says so, fee notices."""
        found = [c.pause() for c in self.consultations.all()]
        fee = getattr(self, "fee_notice", None)
        if fee is not None and fee.pause() is not None:
            found.append(fee.pause())
        return deadlines.merge_pauses(p for p in found if p is not None)

    def clock(self) -> deadlines.Clock:
        """Return the facts of the reply clock, from this case's records."""
        correction = getattr(self, "correction", None)
        extension = getattr(self, "extension", None)
        review = getattr(self, "excessive_review", None)
        return deadlines.Clock(
            receipt_date=self.receipt_date,
            correction_pending=correction is not None
            and correction.received_on is None,
            correction_received_on=correction.received_on if correction else None,
            pauses=self.pauses(),
            extension_days=extension.days if extension else 0,
            delayed_due=review.delayed_due if review else None,
        )

    def deadline(self, calendar: Calendar) -> deadlines.Deadline | None:
        """Return the reply deadline with its proof; raise CalendarMissing."""
        return deadlines.reply_deadline(calendar, self.clock())

    def letters_for_applicant(self):
        return self.letters.filter(for_applicant=True).order_by("issued_on", "pk")
