from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnnualReportsConfig(AppConfig):
    name = "gongkai.annual_reports"
    verbose_name = _("年度报告")

    def ready(self):
        from gongkai.audit.verbs import register_verbs

        register_verbs(
            {
                "annual_reports.import_report": _("导入已发布的年度报告"),
                "annual_reports.start_report": _("开始编写年度报告"),
                "annual_reports.compile_draft": _("重新生成年度报告表格"),
                "annual_reports.save_narrative": _("保存年度报告正文"),
                "annual_reports.submit_report": _("提交年度报告审核"),
                "annual_reports.return_report": _("退回年度报告"),
                "annual_reports.publish_report": _("发布年度报告"),
                "annual_reports.start_correction": _("更正已发布的年度报告"),
                "annual_reports.set_region_members": _("选择汇总报告的范围"),
                "annual_reports.add_deadline_rule": _("设置年度报告公开期限"),
                "annual_reports.remove_deadline_rule": _("删除年度报告公开期限"),
            }
        )
