from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RemediesConfig(AppConfig):
    name = "gongkai.remedies"
    verbose_name = _("行政复议与行政诉讼")

    def ready(self):
        from gongkai.audit.verbs import register_verbs

        register_verbs(
            {
                "remedies.record_remedy": _("登记行政复议或诉讼"),
                "remedies.record_result": _("记录复议或诉讼结果"),
            }
        )
