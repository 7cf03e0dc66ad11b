from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "gongkai.catalogue"
    verbose_name = _("主动公开目录")

    def ready(self):
        from gongkai.audit.verbs import register_verbs
        from gongkai.workcalendar.signals import calendar_year_added

        from . import checks  # noqa: F401  (registers the system checks)
        from .deadlines import recompute_missing_deadlines
        from .verbs import VERBS

        register_verbs(VERBS)
        calendar_year_added.connect(
            recompute_missing_deadlines, dispatch_uid="catalogue.deadlines"
        )
