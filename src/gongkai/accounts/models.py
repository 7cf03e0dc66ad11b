from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who signs in: staff of one or more agencies.

    Chinese names are not split into given and family names, so
    ``full_name`` replaces ``first_name``/``last_name`` in the UI.
    """

    full_name = models.CharField(_("姓名"), max_length=50, blank=True)
    phone = models.CharField(_("联系电话"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("用户")
        verbose_name_plural = _("用户")

    def __str__(self):
        return self.full_name or self.username

    def get_full_name(self):
        return self.full_name or super().get_full_name() or self.username


class Role(models.TextChoices):
    """What a person may do in an agency.

    经办人, 负责人 and 发布审核 act on their own agency's records; 督查 reads
    the whole subtree; 系统管理员 manages agencies and people in the subtree.
    """

    HANDLER = "handler", _("经办人")
    # 《条例》第三十三条第二款: only the head of the OGI working body approves
    # an extension of the reply deadline.
    HEAD = "head", _("负责人")
    # 《条例》第十七条: pre-publication review (审查机制).
    PUBLICATION_REVIEWER = "publication_reviewer", _("发布审核")
    INSPECTOR = "inspector", _("督查")
    ADMINISTRATOR = "administrator", _("系统管理员")


# Roles that act on the agency's own records.
WRITE_ROLES = frozenset({Role.HANDLER, Role.HEAD, Role.PUBLICATION_REVIEWER})
# Roles whose reach is the agency and every agency below it.
SUBTREE_ROLES = frozenset({Role.INSPECTOR, Role.ADMINISTRATOR})
# Roles that see the business records (cases, documents, reports).
BUSINESS_ROLES = WRITE_ROLES | {Role.INSPECTOR}


class RoleAssignment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("用户"),
        on_delete=models.CASCADE,
        related_name="role_assignments",
    )
    agency = models.ForeignKey(
        "organisations.Agency",
        verbose_name=_("机关"),
        on_delete=models.PROTECT,
        related_name="role_assignments",
    )
    role = models.CharField(_("角色"), max_length=24, choices=Role.choices)
    created_at = models.DateTimeField(_("授予时间"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("授予人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("角色")
        verbose_name_plural = _("角色")
        ordering = ["agency__path", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "agency", "role"], name="accounts_unique_role"
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.agency} · {self.get_role_display()}"


class TotpDevice(models.Model):
    """A staff member's authenticator app (RFC 6238 TOTP, 30 s, 6 digits).

    ``confirmed_at`` is set once the person has typed a valid code after
    scanning the secret; only then does login ask for a code.
    ``last_step`` refuses a code that was already used (replay).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("用户"),
        on_delete=models.CASCADE,
        related_name="totp_device",
    )
    secret = models.CharField(_("密钥"), max_length=64)
    confirmed_at = models.DateTimeField(_("启用时间"), null=True, blank=True)
    last_step = models.BigIntegerField(_("最近使用的时间步"), default=0)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("动态口令设备")
        verbose_name_plural = _("动态口令设备")

    def __str__(self):
        return str(self.user)

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None
