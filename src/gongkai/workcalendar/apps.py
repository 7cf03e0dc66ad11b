from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkcalendarConfig(AppConfig):
    name = "gongkai.workcalendar"
    verbose_name = _("法定节假日与调休")

    def ready(self):
        from gongkai.audit.verbs import register_verbs

        from . import checks  # noqa: F401  (registers the system check)

        register_verbs({"workcalendar.add_calendar_year": _("录入法定节假日安排")})
