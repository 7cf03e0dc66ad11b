from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "gongkai.organisations"
    verbose_name = _("行政机关")

    def ready(self):
        from gongkai.audit.verbs import register_verbs

        register_verbs(
            {
                "organisations.create_agency": _("新建机关"),
                "organisations.update_agency": _("修改机关信息"),
                "organisations.move_agency": _("调整上级机关"),
                "organisations.import_agencies": _("导入机关"),
            }
        )
