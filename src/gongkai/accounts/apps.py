from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "gongkai.accounts"
    verbose_name = _("用户与权限")

    def ready(self):
        from gongkai.audit.verbs import register_verbs

        from . import rules  # noqa: F401  (registers the object permissions)

        register_verbs(
            {
                "accounts.login": _("登录"),
                "accounts.logout": _("退出登录"),
                "accounts.create_user": _("新建用户"),
                "accounts.set_user_active": _("启用或停用用户"),
                "accounts.reset_password": _("重置密码"),
                "accounts.change_password": _("修改密码"),
                "accounts.grant_role": _("授予角色"),
                "accounts.revoke_role": _("撤销角色"),
                "accounts.enrol_totp": _("启用动态口令"),
                "accounts.disable_totp": _("停用动态口令"),
            }
        )
