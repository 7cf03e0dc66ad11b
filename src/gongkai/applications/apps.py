from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "gongkai.applications"
    verbose_name = _("依申请公开")

    def ready(self):
        from gongkai.audit.verbs import register_verbs

        from . import signals  # noqa: F401  (recomputes deadlines on new years)
        from .verbs import VERBS

        register_verbs(VERBS)
