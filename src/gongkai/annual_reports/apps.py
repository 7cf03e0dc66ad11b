from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnnualReportsConfig(AppConfig):
    name = "gongkai.annual_reports"
    verbose_name = _("年度报告")

    def ready(self):
        from gongkai.audit.verbs import register_verbs

        register_verbs({"annual_reports.import_report": _("导入已发布的年度报告")})
