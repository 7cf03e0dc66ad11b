"""The steps a case can go through between receipt and reply, one record
each: correction, consultations, extension, 第三十五条 reasons, fee, reply."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.workdays import Pause

from .. import deadlines, fees, outcomes
from .application import ProvisionForm


def _user(verbose_name, **kwargs):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        on_delete=models.PROTECT,
        related_name="+",
        **kwargs,
    )


class Correction(models.Model):
    """补正 (《条例》第三十条): one notice only, hence one-to-one."""

    application = models.OneToOneField(
        "applications.Application",
        verbose_name=_("申请"),
        on_delete=models.CASCADE,
        related_name="correction",
    )
    items = models.TextField(_("需要补正的事项"))
    notice_on = models.DateField(_("告知日期"))
    correct_by = models.DateField(_("补正期限"))
    requested_by = _user(_("经办人"))
    submitted_text = models.TextField(_("申请人在线补正内容"), blank=True)
    submitted_at = models.DateTimeField(_("在线补正时间"), null=True, blank=True)
    received_on = models.DateField(_("收到补正申请之日"), null=True, blank=True)
    received_by = _user(_("确认人"), null=True, blank=True)
    late_reason = models.TextField(_("逾期补正的正当理由"), blank=True)

    class Meta:
        verbose_name = _("补正")
        verbose_name_plural = _("补正")

    def __str__(self):
        return f"{self.application} 补正"


class ConsultationKind(models.TextChoices):
    THIRD_PARTY = "third_party", _("征求第三方意见（第三十二条）")
    AGENCY = "agency", _("征求其他机关意见（第三十三条第二款）")
    CO_MAKER = "co_maker", _("征求共同制作机关意见（第三十四条）")


class Position(models.TextChoices):
    PENDING = "pending", _("尚未答复")
    CONSENT = "consent", _("同意公开")
    OBJECTION = "objection", _("不同意公开")
    NO_ANSWER = "no_answer", _("逾期未提出意见")


class Consultation(models.Model):
    """A written consultation; its time does not count (第三十三条第二款)."""

    application = models.ForeignKey(
        "applications.Application",
        verbose_name=_("申请"),
        on_delete=models.CASCADE,
        related_name="consultations",
    )
    kind = models.CharField(_("类型"), max_length=16, choices=ConsultationKind.choices)
    party_name = models.CharField(_("被征求意见方"), max_length=100)
    party_contact = models.CharField(_("联系方式"), max_length=200, blank=True)
    subject = models.TextField(_("征求意见的内容"))
    sent_on = models.DateField(_("发出日期"))
    party_received_on = models.DateField(_("对方收到日期"))
    reply_due = models.DateField(_("答复期限"), null=True, blank=True)
    position = models.CharField(
        _("意见"), max_length=12, choices=Position.choices, default=Position.PENDING
    )
    answered_on = models.DateField(_("答复日期"), null=True, blank=True)
    reasons = models.TextField(_("意见及理由"), blank=True)
    # 《条例》第三十二条: disclosure despite an objection, for the public
    # interest, needs recorded reasons and a written notice to the party.
    override_reasons = models.TextField(_("公共利益决定公开的理由"), blank=True)
    override_notified_on = models.DateField(
        _("书面告知第三方日期"), null=True, blank=True
    )
    created_by = _user(_("经办人"))

    class Meta:
        verbose_name = _("征求意见")
        verbose_name_plural = _("征求意见")
        ordering = ["sent_on", "pk"]

    def __str__(self):
        return f"{self.application} · {self.party_name}"

    @property
    def is_open(self) -> bool:
        return self.position == Position.PENDING

    @property
    def blocks_disclosure(self) -> bool:
        """Return whether an objection stands without a public-interest
        decision notified to the third party (R18)."""
        return (
            self.kind == ConsultationKind.THIRD_PARTY
            and self.position == Position.OBJECTION
            and self.override_notified_on is None
        )

    def pause(self) -> Pause | None:
        """Return the excluded period: sending to answer, or to the due date
        while no answer has come.  None when the due date is unknown."""
        end = self.answered_on if self.position != Position.PENDING else None
        end = end or self.reply_due
        if end is None:
            return None
        return deadlines.consultation_pause(self.sent_on, end)


class Extension(models.Model):
    """延期 (第三十三条第二款): once, at most 20 working days, by the head."""

    application = models.OneToOneField(
        "applications.Application",
        verbose_name=_("申请"),
        on_delete=models.CASCADE,
        related_name="extension",
    )
    days = models.PositiveSmallIntegerField(_("延长工作日数"))
    reason = models.TextField(_("延期理由"))
    original_due = models.DateField(_("原答复期限"))
    approved_by = _user(_("批准人（负责人）"))
    approved_on = models.DateField(_("批准日期"))
    notified_on = models.DateField(_("告知申请人日期"))

    class Meta:
        verbose_name = _("延期答复")
        verbose_name_plural = _("延期答复")

    def __str__(self):
        return f"{self.application} 延期 {self.days} 个工作日"


class Decision(models.TextChoices):
    REASONABLE = "reasonable", _("理由合理，确定延迟答复期限")
    UNREASONABLE = "unreasonable", _("理由不合理，不予处理")


class ExcessiveReview(models.Model):
    """第三十五条: reasons asked for an excessive volume or frequency."""

    application = models.OneToOneField(
        "applications.Application",
        verbose_name=_("申请"),
        on_delete=models.CASCADE,
        related_name="excessive_review",
    )
    asked_on = models.DateField(_("要求说明理由日期"))
    reasons_due = models.DateField(_("说明理由期限"))
    grounds = models.TextField(_("数量、频次明显超过合理范围的情况"))
    asked_by = _user(_("经办人"))
    applicant_reasons = models.TextField(_("申请人说明的理由"), blank=True)
    decision = models.CharField(
        _("决定"), max_length=16, choices=Decision.choices, blank=True
    )
    decided_on = models.DateField(_("决定日期"), null=True, blank=True)
    delayed_due = models.DateField(_("延迟答复期限"), null=True, blank=True)
    decision_reasons = models.TextField(_("决定理由"), blank=True)
    decided_by = _user(_("决定人"), null=True, blank=True)

    class Meta:
        verbose_name = _("说明理由（第三十五条）")
        verbose_name_plural = _("说明理由（第三十五条）")

    def __str__(self):
        return f"{self.application} 第三十五条"


class FeeBasis(models.TextChoices):
    PER_APPLICATION = fees.PER_APPLICATION, _("按件计收")
    PER_PAGE = fees.PER_PAGE, _("按量计收")


class FeeNotice(models.Model):
    """信息处理费 (第四十二条, 国办函〔2020〕109号): one basis per application,
    hence one notice per application."""

    application = models.OneToOneField(
        "applications.Application",
        verbose_name=_("申请"),
        on_delete=models.CASCADE,
        related_name="fee_notice",
    )
    basis = models.CharField(_("计费方式"), max_length=16, choices=FeeBasis.choices)
    position = models.PositiveIntegerField(_("本月第几件"), null=True, blank=True)
    quantity = models.PositiveIntegerField(_("件数或页数"))
    amount = models.PositiveIntegerField(_("金额（元）"))
    justification = models.TextField(_("明显超过合理范围的情况"))
    notice_on = models.DateField(_("通知日期"))
    received_on = models.DateField(_("申请人收到通知日期"))
    payment_due = models.DateField(_("缴费期限"), null=True, blank=True)
    pauses_clock = models.BooleanField(_("缴费期间不计入答复期限"))
    paid_on = models.DateField(_("缴费日期"), null=True, blank=True)
    receipt_number = models.CharField(_("财政票据号"), max_length=50, blank=True)
    waived_on = models.DateField(_("减免日期"), null=True, blank=True)
    waiver_reason = models.TextField(_("减免理由"), blank=True)
    waived_by = _user(_("减免批准人"), null=True, blank=True)
    created_by = _user(_("经办人"))

    class Meta:
        verbose_name = _("信息处理费")
        verbose_name_plural = _("信息处理费")

    def __str__(self):
        return f"{self.application} 信息处理费 {self.amount} 元"

    @property
    def is_pending(self) -> bool:
        return self.paid_on is None and self.waived_on is None

    def fee(self) -> fees.Fee:
        return fees.fee_for(self.basis, self.quantity, self.position)

    def pause(self) -> Pause | None:
        if not self.pauses_clock:
            return None
        end = self.paid_on or self.waived_on or self.payment_due
        return None if end is None else deadlines.fee_pause(self.notice_on, end)


class FormChangeReason(models.TextChoices):
    """Why the information is provided in another form than the one asked
    for (《条例》第四十条)."""

    CARRIER = "carrier", _("按申请人要求的形式提供可能危及政府信息载体安全")
    COST = "cost", _("按申请人要求的形式提供公开成本过高")
    OTHER = "other", _("其他（如本机关保存政府信息的实际情况）")


class Reply(models.Model):
    """答复: the outcome (one row of table 三) and the reasons the law asks."""

    application = models.OneToOneField(
        "applications.Application",
        verbose_name=_("申请"),
        on_delete=models.CASCADE,
        related_name="reply",
    )
    outcome = models.CharField(_("办理结果"), max_length=20, choices=outcomes.choices())
    replied_on = models.DateField(_("答复日期"))
    # 《条例》第三十七条: any part withheld makes the case 部分公开 (R23).
    partial_withholding = models.BooleanField(
        _("区分处理（部分内容不予公开）"), default=False
    )
    provided = models.TextField(_("提供的信息或获取方式"), blank=True)
    legal_basis = models.TextField(_("法律依据和理由"), blank=True)
    redirect_agency = models.CharField(
        _("负责公开的机关及联系方式"), max_length=200, blank=True
    )
    remedy_notice = models.TextField(_("救济途径告知"))
    replied_by = _user(_("经办人"), null=True, blank=True)
    # 《条例》第四十条: the form follows the request; another form (电子数据,
    # 安排查阅、抄录) only where the requested one would endanger the carrier
    # or cost too much, recorded with its reason.  Empty when no information
    # is provided (refusals, 无法提供, 不予处理).
    provided_form = models.CharField(
        _("提供政府信息的形式"),
        max_length=16,
        choices=ProvisionForm.choices,
        blank=True,
    )
    form_change_reason = models.CharField(
        _("未按申请人要求的形式提供的理由"),
        max_length=12,
        choices=FormChangeReason.choices,
        blank=True,
    )
    form_change_note = models.TextField(_("理由说明"), blank=True)

    class Meta:
        verbose_name = _("答复")
        verbose_name_plural = _("答复")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(form_change_reason="") | ~models.Q(provided_form=""),
                name="applications_form_reason_needs_form",
            ),
            models.CheckConstraint(
                condition=~models.Q(form_change_reason=FormChangeReason.OTHER)
                | ~models.Q(form_change_note=""),
                name="applications_other_form_reason_explained",
            ),
        ]

    def __str__(self):
        return f"{self.application} {outcomes.label(self.outcome)}"

    @property
    def form_changed(self) -> bool:
        return bool(self.form_change_reason)
